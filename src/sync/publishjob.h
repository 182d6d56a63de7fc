#pragma once

#include "library.h"
#include "mediapublisher.h"
#include "termresolver.h"
#include "wordpressclient.h"

#include <QObject>
#include <QPointer>

namespace ListingDesk {

class SensitiveWordMatcher;

/// What one portal's jobs share: its client, its term map and its image
/// uploads (so that an image is uploaded once for the whole fan-out).
struct PortalSession
{
    PortalInfo portal;
    QPointer<WordPressClient> client;
    TermResolver *terms = nullptr;
    MediaPublisher *media = nullptr;
    const SensitiveWordMatcher *matcher = nullptr;
};

/// Sends one outbox job: creates, updates or trashes the post of one
/// listing in one city, and records the post in remote_posts on success.
/// Whether a failure is retried is the queue's decision, not the job's.
///
/// Exactly once: a post without a recorded remote id is first looked up on
/// the portal by its idempotency key, so a crash between "the portal created
/// it" and "we recorded it" leads to an update, never a second post.
class PublishJob : public QObject
{
    Q_OBJECT
public:
    PublishJob(Library &library, const PortalSession &session, OutboxJob job,
               QObject *parent = nullptr);

    void start();

    const OutboxJob &job() const { return m_job; }
    bool succeeded() const { return !m_error.has_value(); }
    /// Set when the job failed; its kind decides about a retry.
    const std::optional<PortalError> &error() const { return m_error; }
    qint64 remoteId() const { return m_remoteId; }
    /// The listing as this job read it (empty before start()).
    const Listing &listing() const { return m_listing; }
    QString url() const { return m_url; }

    /// Records in remote_posts that the post failed for good (the listing
    /// keeps its words; only the post's state and message change).
    static void recordFailure(Library &library, const OutboxJob &job, const QString &message);

signals:
    void finished();

private:
    void finishWith(const std::optional<PortalError> &error);
    void fail(PortalError::Kind kind, const QString &message);
    void prepareContent();
    void sendPost(qint64 cityTermId, std::optional<RemotePostRecord> record);
    void trash();
    void trashRemote(qint64 remoteId);
    void recordSuccess(const RemotePost &post);
    void recordTrashed(const RemotePost &post, bool goneForGood);

    Library &m_library;
    PortalSession m_session;
    OutboxJob m_job;
    Listing m_listing;
    QString m_body;
    qint64 m_categoryTerm = 0;
    std::optional<RemotePostRecord> m_known; ///< the post's record as read before sending
    std::optional<PortalError> m_error;
    qint64 m_remoteId = 0;
    QString m_url;
    bool m_finished = false;
};

} // namespace ListingDesk
