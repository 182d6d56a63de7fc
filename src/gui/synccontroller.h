#pragma once

#include "credentialstore.h"
#include "library.h"
#include "portalconnector.h"
#include "publishqueue.h"
#include "pulloperation.h"

#include <QObject>
#include <QPointer>

class QNetworkAccessManager;

namespace ListingDesk {

/// What publishing a set of listings to one portal came to.
struct PublishReport
{
    PortalInfo portal;
    int listings = 0;  ///< asked for
    int succeeded = 0; ///< every city of the listing is on the portal
    /// One line per listing that did not go, with the portal's own words.
    QStringList failures;
    /// The portal could not be reached at all (no password, refused http, ...).
    QString connectionProblem;
    /// No password for the portal anywhere: the GUI asks and tries again.
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
/// connector, and runs publish and pull operations one at a time, reporting
/// progress for the status bar. No widgets here: PortalActions shows the results.
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
    void setSensitiveWords(const SensitiveWordMatcher *matcher)
    {
        m_matcher = matcher;
        if (m_queue)
            m_queue->setSensitiveWords(matcher);
    }
    /// Resumes jobs a previous run left in the outbox (quit, crash).
    void resumeQueue();

    /// Queues the listings for all their cities and reports when the queue
    /// has sent them (publishFinished). Ignored while a pull runs.
    void publish(const PortalInfo &portal, const QList<qint64> &listingIds);
    /// Brings the portal's changes into the library.
    void pull(const PortalInfo &portal);

signals:
    void busyChanged(bool busy);
    /// For the status bar: what runs now and how far it got.
    void progress(const QString &message, int done, int total);
    void publishFinished(const PublishReport &report);
    void pullFinished(const PullReport &report);

private:
    void setBusy(bool busy);
    void reportQueueProgress();
    void finishBatch();
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
    PublishReport m_report;
    qint64 m_batch = 0; ///< the batch publish() queued; 0 when none runs
    QList<qint64> m_batchListings;
};

} // namespace ListingDesk
