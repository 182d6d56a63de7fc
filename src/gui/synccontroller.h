#pragma once

#include "credentialstore.h"
#include "library.h"
#include "portalconnector.h"
#include "publishqueue.h"
#include "pulloperation.h"

#include <QHash>
#include <QObject>
#include <QPointer>

class QNetworkAccessManager;

namespace ListingDesk {

/// What a batch of the publish queue (a publish or an unpublish of a
/// selection) came to, once none of its jobs is open any more.
struct PublishReport
{
    PortalInfo portal;
    qint64 batchId = 0;
    bool trash = false;       ///< an unpublish
    QList<qint64> listingIds; ///< asked for
    int listings = 0;
    int succeeded = 0; ///< every post of the listing went through
    /// One line per listing that did not go, with the portal's own words.
    QStringList failures;
    /// The portal could not be reached at all (no password, refused http, ...).
    QString connectionProblem;
    /// No password for the portal anywhere: the GUI asks and starts the queue again.
    bool needsPassword = false;
};

/// What a pull of one portal came to.
struct PullReport
{
    PortalInfo portal;
    PullSummary summary;
    QString failure; ///< why the pull could not run; empty when it ran
    bool needsPassword = false;
};

/// The GUI's side of the portal engine: owns the network access manager
/// (unless one is injected, as tests do), the credential store and the
/// connector, owns the publish queue and follows the batches the user queued
/// until they end, and runs pulls one at a time, reporting progress for the
/// status bar. No widgets here: PortalActions shows the results.
class SyncController : public QObject
{
    Q_OBJECT
public:
    explicit SyncController(Library &library, QObject *parent = nullptr);
    ~SyncController() override;

    /// Uses \a nam (not owned) for every request from now on; for tests and
    /// for an application-wide proxy setup. Drops clients made with the old one.
    void setNetworkAccessManager(QNetworkAccessManager *nam);
    QNetworkAccessManager *networkAccessManager();
    CredentialStore *credentials() { return m_credentials; }
    PortalConnector *connector();
    /// How long one request may take; tests shorten it.
    void setTimeoutMs(int ms);
    int timeoutMs() const { return m_timeoutMs; }

    bool isBusy() const { return m_busy; }

    /// The persistent publish queue, made on first use.
    PublishQueue *publishQueue();
    void setQueueSettings(const PublishQueueSettings &settings);
    /// Sensitive words the queue checks listings against (not owned).
    const SensitiveWordMatcher *sensitiveWords() const { return m_matcher; }
    void setSensitiveWords(const SensitiveWordMatcher *matcher)
    {
        m_matcher = matcher;
        if (m_queue)
            m_queue->setSensitiveWords(matcher);
    }
    /// Resumes jobs a previous run left in the outbox (quit, crash).
    void resumeQueue();

    /// Follows batch \a batchId (queued for \a listingIds) and reports it with
    /// publishFinished() once none of its jobs is open, or when its portal
    /// cannot be reached. \a problems: listings the plan left out, with why.
    void watchBatch(const PortalInfo &portal, qint64 batchId, const QList<qint64> &listingIds,
                    const QList<PlanProblem> &problems = {}, bool trash = false);
    /// Brings the portal's changes into the library.
    void pull(const PortalInfo &portal);

signals:
    void busyChanged(bool busy);
    /// For the status bar: what runs now and how far it got.
    void progress(const QString &message, int done, int total);
    void publishFinished(const PublishReport &report);
    /// The publish queue's counts changed, or it went idle (status-bar indicator).
    void queueChanged();
    void pullFinished(const PullReport &report);

private:
    void setBusy(bool busy);
    void finishBatches();
    QString listingTitle(qint64 id);

    Library &m_library;
    QNetworkAccessManager *m_nam = nullptr;
    QNetworkAccessManager *m_ownNam = nullptr;
    CredentialStore *m_credentials;
    PortalConnector *m_connector = nullptr;
    int m_timeoutMs = 30000;
    bool m_busy = false;

    PublishQueue *m_queue = nullptr;
    PublishQueueSettings m_queueSettings;
    const SensitiveWordMatcher *m_matcher = nullptr;
    struct Watch
    {
        PublishReport report;
        QList<qint64> listings;
    };
    QHash<qint64, Watch> m_watched; ///< by batch id
    /// Why each portal could not be reached last, until one of its jobs moves.
    QHash<qint64, std::pair<QString, bool>> m_unavailable;
};

} // namespace ListingDesk
