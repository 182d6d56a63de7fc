#include "publishjob.h"

#include "htmlsanitizer.h"
#include "listinghash.h"
#include "postmapper.h"
#include "publishplanner.h"
#include "synclog.h"

namespace ListingDesk {

namespace {

RemotePostRecord recordOf(Library &library, const OutboxJob &job)
{
    RemotePostRecord r;
    if (auto existing = library.remotePosts().find(job.portalId, job.listingId, job.regionCode);
        existing && existing.value())
        r = *existing.value();
    r.listingId = job.listingId;
    r.portalId = job.portalId;
    r.regionCode = job.regionCode;
    r.clientKey = job.idempotencyKey;
    return r;
}

/// Wraps a callback for the shared term resolver and image uploader, which
/// outlive a job: a job deleted meanwhile (the queue stopped) is skipped.
template <class T>
std::function<void(const PortalResult<T> &)>
whileAlive(PublishJob *job, std::function<void(const PortalResult<T> &)> callback)
{
    return [guard = QPointer<PublishJob>(job), callback](const PortalResult<T> &result) {
        if (guard)
            callback(result);
    };
}

} // namespace

PublishJob::PublishJob(Library &library, const PortalSession &session, OutboxJob job,
                       QObject *parent)
    : QObject(parent), m_library(library), m_session(session), m_job(std::move(job))
{
}

void PublishJob::finishWith(const std::optional<PortalError> &error)
{
    if (m_finished)
        return;
    m_finished = true;
    m_error = error;
    if (error)
        qCInfo(lcSync) << "job" << m_job.id << "listing" << m_job.listingId << m_job.regionCode
                       << "failed:" << describe(*error);
    // Asynchronous even when nothing was sent, so callers connect after start().
    QMetaObject::invokeMethod(this, &PublishJob::finished, Qt::QueuedConnection);
}

void PublishJob::fail(PortalError::Kind kind, const QString &message)
{
    PortalError error;
    error.kind = kind;
    error.message = message;
    finishWith(error);
}

void PublishJob::start()
{
    if (!m_session.client)
        return fail(PortalError::Kind::Transient, tr("The portal connection was closed."));
    // A client that goes away (its account was edited) takes its requests
    // with it, and they never report: the job would wait for ever.
    connect(m_session.client, &QObject::destroyed, this, [this] {
        fail(PortalError::Kind::Transient, tr("The portal connection was closed."));
    });
    auto loaded = m_library.listings().load(m_job.listingId);
    if (!loaded)
        return fail(PortalError::Kind::Permanent, loaded.error().message);
    m_listing = loaded.value();
    if (m_job.action == OutboxAction::Trash)
        return trash();
    // The listing may have changed since it was queued: check it as it is now.
    const QStringList problems =
        PublishPlanner::problemsFor(m_library, m_listing, m_session.portal, m_session.matcher);
    if (!problems.isEmpty())
        return fail(PortalError::Kind::Permanent, problems.join(u' '));
    prepareContent();
}

void PublishJob::prepareContent()
{
    m_body = HtmlSanitizer::sanitize(m_listing.bodyHtml);
    m_session.terms->categoryTerm(
        m_listing.categoryId,
        whileAlive<qint64>(this, [this](const PortalResult<qint64> &category) {
            if (!category)
                return finishWith(category.error());
            m_categoryTerm = category.value();
            m_session.media->publishImages(
                m_body, whileAlive<QString>(this, [this](const PortalResult<QString> &body) {
                    if (!body)
                        return finishWith(body.error());
                    m_body = body.value();
                    auto record = m_library.remotePosts().find(m_job.portalId, m_job.listingId,
                                                               m_job.regionCode);
                    if (!record)
                        return fail(PortalError::Kind::Permanent, record.error().message);
                    if (record.value() && record.value()->isRemovedOnPortal())
                        return fail(PortalError::Kind::NotFound,
                                    tr("This post was deleted on the portal; it is not re-created "
                                       "automatically."));
                    m_session.terms->cityTerm(
                        m_job.regionCode,
                        whileAlive<qint64>(this, [this, existing = record.value()](
                                                     const PortalResult<qint64> &city) {
                            if (!city)
                                return finishWith(city.error());
                            sendPost(city.value(), existing);
                        }));
                }));
        }));
}

void PublishJob::sendPost(qint64 cityTermId, std::optional<RemotePostRecord> record)
{
    m_known = record;
    WordPressClient *client = m_session.client;
    if (!client)
        return fail(PortalError::Kind::Transient, tr("The portal connection was closed."));
    PostTarget target;
    target.mode = m_session.portal.mode;
    target.regionCode = m_job.regionCode;
    target.clientKey = m_job.idempotencyKey;
    target.categoryTermId = m_categoryTerm;
    target.cityTermId = cityTermId;
    target.publishAtUtc = m_job.publishAt;
    const PostPayload payload = PostMapper::toPayload(m_listing, m_body, target);

    auto done = [this](const PortalResult<RemotePost> &post) {
        if (!post)
            return finishWith(post.error());
        recordSuccess(post.value());
        finishWith(std::nullopt);
    };
    if (record && record->remoteId > 0)
        return client->updatePost(record->remoteId, payload, this, done);
    // Never created as far as we know: but a crash may have lost the answer.
    client->findPostByClientKey(
        target.clientKey, m_session.portal.mode == PortalMode::Plugin, this,
        [this, payload, done](const PortalResult<std::optional<RemotePost>> &found) {
            WordPressClient *current = m_session.client;
            if (!found)
                return finishWith(found.error());
            if (!current)
                return fail(PortalError::Kind::Transient, tr("The portal connection was closed."));
            if (found.value() && found.value()->status != QLatin1String("trash"))
                return current->updatePost(found.value()->id, payload, this, done);
            if (found.value())
                return fail(PortalError::Kind::NotFound,
                            tr("This post is in the portal's trash; restore it there or remove "
                               "it for good before publishing again."));
            current->createPost(payload, this, done);
        });
}

void PublishJob::trash()
{
    auto record = m_library.remotePosts().find(m_job.portalId, m_job.listingId, m_job.regionCode);
    if (!record)
        return fail(PortalError::Kind::Permanent, record.error().message);
    if (record.value() && record.value()->remoteId > 0)
        return trashRemote(record.value()->remoteId);
    // Maybe created by a run that crashed before recording it: look it up.
    if (!m_session.client)
        return fail(PortalError::Kind::Transient, tr("The portal connection was closed."));
    m_session.client->findPostByClientKey(
        m_job.idempotencyKey, m_session.portal.mode == PortalMode::Plugin, this,
        [this](const PortalResult<std::optional<RemotePost>> &found) {
            if (!found)
                return finishWith(found.error());
            if (!found.value())
                return finishWith(std::nullopt); // nothing on the portal to remove
            trashRemote(found.value()->id);
        });
}

void PublishJob::trashRemote(qint64 remoteId)
{
    WordPressClient *client = m_session.client;
    if (!client)
        return fail(PortalError::Kind::Transient, tr("The portal connection was closed."));
    client->trashPost(remoteId, this, [this](const PortalResult<RemotePost> &post) {
        if (!post) {
            // Already gone for good: what the user asked for.
            if (post.error().kind == PortalError::Kind::NotFound) {
                recordTrashed(RemotePost(), /*goneForGood=*/true);
                return finishWith(std::nullopt);
            }
            return finishWith(post.error());
        }
        recordTrashed(post.value(), false);
        finishWith(std::nullopt);
    });
}

void PublishJob::recordSuccess(const RemotePost &post)
{
    // The record read just before sending; nothing else writes it meanwhile,
    // since the outbox never sends one post twice at once.
    RemotePostRecord r = m_known ? *m_known : recordOf(m_library, m_job);
    r.listingId = m_job.listingId;
    r.portalId = m_job.portalId;
    r.regionCode = m_job.regionCode;
    r.clientKey = m_job.idempotencyKey;
    r.remoteId = post.id;
    r.url = post.link.toString();
    r.remoteStatus = post.status;
    r.remoteModified = post.modifiedGmt;
    r.pushedHash = listingContentHash(m_listing);
    r.state = RemoteState::Published;
    r.lastError.clear();
    r.conflictRemote.clear();
    if (!r.publishedAt.isValid())
        r.publishedAt = QDateTime::currentDateTimeUtc();
    r.syncedAt = QDateTime::currentDateTimeUtc();
    if (auto saved = m_library.remotePosts().save(&r); !saved)
        qCWarning(lcSync) << "could not record post" << post.id << ":" << saved.error().message;
    m_remoteId = post.id;
    m_url = r.url;
}

void PublishJob::recordTrashed(const RemotePost &post, bool goneForGood)
{
    RemotePostRecord r = recordOf(m_library, m_job);
    if (post.id > 0)
        r.remoteId = post.id;
    // A post in the trash is restored by updating it; one removed for good
    // has to be created again.
    if (goneForGood)
        r.remoteId = 0;
    r.remoteStatus = RemotePostRecord::unpublishedStatus();
    if (post.modifiedGmt.isValid())
        r.remoteModified = post.modifiedGmt;
    r.state = RemoteState::Deleted;
    r.lastError.clear();
    r.syncedAt = QDateTime::currentDateTimeUtc();
    if (auto saved = m_library.remotePosts().save(&r); !saved)
        qCWarning(lcSync) << "could not record trashed post:" << saved.error().message;
    m_remoteId = r.remoteId;
    m_url = r.url;
}

void PublishJob::recordFailure(Library &library, const OutboxJob &job, const QString &message)
{
    RemotePostRecord r = recordOf(library, job);
    // A post the portal has keeps its state; only the error is new.
    if (r.remoteId == 0)
        r.state = RemoteState::Failed;
    r.lastError = message;
    if (auto saved = library.remotePosts().save(&r); !saved)
        qCWarning(lcSync) << "could not record failure:" << saved.error().message;
}

} // namespace ListingDesk
