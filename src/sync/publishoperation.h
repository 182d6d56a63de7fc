#pragma once

#include "library.h"
#include "mediapublisher.h"
#include "termresolver.h"
#include "wordpressclient.h"

#include <QObject>
#include <QPointer>

namespace ListingDesk {

/// How one (listing, city) post fared.
struct PublishOutcome
{
    QString regionCode;
    bool ok = false;
    qint64 remoteId = 0;
    QString url;
    std::optional<PortalError> error;
};

/// Publishes one listing to one portal now: one post per chosen city,
/// created or updated. The batch queue grows out of this path.
///
/// Exactly once: a city without a recorded remote id is first looked up on
/// the portal by its client key, so a crash between "the portal created it"
/// and "we recorded it" leads to an update, never a second post. A post
/// deleted on the portal is reported and not re-created.
class PublishOperation : public QObject
{
    Q_OBJECT
public:
    PublishOperation(Library &library, WordPressClient *client, PortalInfo portal, qint64 listingId,
                     MediaSource media, QObject *parent = nullptr);

    /// The cities to post to; the listing's own cities when not set.
    void setRegions(const QStringList &codes) { m_regions = codes; }
    /// A time in the future schedules the posts (WordPress "future").
    void setPublishAt(const QDateTime &utc) { m_publishAt = utc; }

    void start();

    bool succeeded() const;
    /// Why the whole listing could not go (validation); empty when it got as far as the cities.
    QString problem() const { return m_problem; }
    const QList<PublishOutcome> &outcomes() const { return m_outcomes; }

signals:
    void progress(int done, int total);
    void finished();

private:
    void fail(const QString &problem);
    void publishNext();
    void sendPost(const QString &regionCode, qint64 cityTermId,
                  std::optional<RemotePostRecord> record);
    void recordSuccess(const QString &regionCode, const RemotePost &post);
    void recordFailure(const QString &regionCode, const PortalError &error);
    void finish();

    Library &m_library;
    QPointer<WordPressClient> m_client;
    PortalInfo m_portal;
    qint64 m_listingId;
    Listing m_listing;
    QStringList m_regions;
    QDateTime m_publishAt;
    QString m_body;
    qint64 m_categoryTerm = 0;
    int m_next = 0;
    QString m_problem;
    QList<PublishOutcome> m_outcomes;
    TermResolver *m_terms;
    MediaPublisher *m_media;
};

} // namespace ListingDesk
