#include "publishoperation.h"

#include "htmlsanitizer.h"
#include "htmltext.h"
#include "listinghash.h"
#include "postmapper.h"
#include "synclog.h"

namespace ListingDesk {

PublishOperation::PublishOperation(Library &library, WordPressClient *client, PortalInfo portal,
                                   qint64 listingId, MediaSource media, QObject *parent)
    : QObject(parent), m_library(library), m_client(client), m_portal(std::move(portal)),
      m_listingId(listingId), m_terms(new TermResolver(library, client, m_portal, this)),
      m_media(new MediaPublisher(library, client, m_portal.id, std::move(media), this))
{
}

bool PublishOperation::succeeded() const
{
    if (!m_problem.isEmpty() || m_outcomes.isEmpty())
        return false;
    return std::all_of(m_outcomes.begin(), m_outcomes.end(),
                       [](const PublishOutcome &o) { return o.ok; });
}

void PublishOperation::fail(const QString &problem)
{
    m_problem = problem;
    qCInfo(lcSync) << "not publishing listing" << m_listingId << ":" << problem;
    // Asynchronous even when nothing was sent, so callers connect after start().
    QMetaObject::invokeMethod(this, &PublishOperation::finished, Qt::QueuedConnection);
}

void PublishOperation::start()
{
    auto loaded = m_library.listings().load(m_listingId);
    if (!loaded)
        return fail(loaded.error().message);
    m_listing = loaded.value();
    if (m_listing.deleted)
        return fail(tr("\"%1\" is in the trash.").arg(m_listing.title));
    if (m_portal.mode == PortalMode::Unknown)
        return fail(tr("The connection to \"%1\" has not been tested yet; test it first so that "
                       "ListingDesk knows whether the companion plugin is there.")
                        .arg(m_portal.name));
    QStringList problems = readinessProblems(m_listing);
    if (m_regions.isEmpty())
        m_regions = m_listing.cityCodes;
    m_body = HtmlSanitizer::sanitize(m_listing.bodyHtml);
    if (m_portal.titleLimit > 0 && m_listing.title.size() > m_portal.titleLimit)
        problems << tr("The title has %1 characters; \"%2\" takes at most %3.")
                        .arg(m_listing.title.size())
                        .arg(m_portal.name)
                        .arg(m_portal.titleLimit);
    const int bodyLength = htmlToPlainText(m_body).size();
    if (m_portal.bodyLimit > 0 && bodyLength > m_portal.bodyLimit)
        problems << tr("The article has %1 characters; \"%2\" takes at most %3.")
                        .arg(bodyLength)
                        .arg(m_portal.name)
                        .arg(m_portal.bodyLimit);
    if (!problems.isEmpty())
        return fail(problems.join(u' '));
    if (m_regions.isEmpty())
        return fail(tr("\"%1\" has no city to publish to.").arg(m_listing.title));

    m_terms->categoryTerm(m_listing.categoryId, [this](const PortalResult<qint64> &category) {
        if (!category)
            return fail(describe(category.error()));
        m_categoryTerm = category.value();
        m_media->publishImages(m_body, [this](const PortalResult<QString> &body) {
            if (!body)
                return fail(describe(body.error()));
            m_body = body.value();
            publishNext();
        });
    });
}

void PublishOperation::publishNext()
{
    emit progress(m_next, int(m_regions.size()));
    if (m_next >= m_regions.size())
        return finish();
    const QString regionCode = m_regions.at(m_next++);
    auto record = m_library.remotePosts().find(m_portal.id, m_listingId, regionCode);
    if (!record) {
        PortalError error;
        error.message = record.error().message;
        recordFailure(regionCode, error);
        return publishNext();
    }
    if (record.value() && record.value()->state == RemoteState::Deleted) {
        PortalError error;
        error.kind = PortalError::Kind::NotFound;
        error.message = tr("This post was deleted on the portal; it is not re-created "
                           "automatically.");
        m_outcomes << PublishOutcome{regionCode, false, record.value()->remoteId,
                                     record.value()->url, error};
        return publishNext();
    }
    m_terms->cityTerm(regionCode, [this, regionCode,
                                   existing = record.value()](const PortalResult<qint64> &city) {
        if (!city) {
            recordFailure(regionCode, city.error());
            return publishNext();
        }
        sendPost(regionCode, city.value(), existing);
    });
}

void PublishOperation::sendPost(const QString &regionCode, qint64 cityTermId,
                                std::optional<RemotePostRecord> record)
{
    PostTarget target;
    target.mode = m_portal.mode;
    target.regionCode = regionCode;
    target.clientKey = clientKeyFor(m_listing.uuid, regionCode);
    target.categoryTermId = m_categoryTerm;
    target.cityTermId = cityTermId;
    target.publishAtUtc = m_publishAt;
    const PostPayload payload = PostMapper::toPayload(m_listing, m_body, target);

    auto done = [this, regionCode](const PortalResult<RemotePost> &post) {
        if (post)
            recordSuccess(regionCode, post.value());
        else
            recordFailure(regionCode, post.error());
        publishNext();
    };
    if (!m_client)
        return done(PortalError{
            PortalError::Kind::Transient, 0, {}, tr("The portal connection was closed."), -1});
    if (record && record->remoteId > 0)
        return m_client->updatePost(record->remoteId, payload, this, done);
    // Never created as far as we know: but a crash may have lost the answer.
    m_client->findPostByClientKey(
        target.clientKey, m_portal.mode == PortalMode::Plugin, this,
        [this, payload, done](const PortalResult<std::optional<RemotePost>> &found) {
            if (!found)
                return done(found.error());
            if (!m_client)
                return;
            if (found.value() && found.value()->status != QLatin1String("trash"))
                return m_client->updatePost(found.value()->id, payload, this, done);
            if (found.value()) {
                PortalError error;
                error.kind = PortalError::Kind::NotFound;
                error.message = tr("This post is in the portal's trash; restore it there or "
                                   "remove it for good before publishing again.");
                return done(error);
            }
            m_client->createPost(payload, this, done);
        });
}

void PublishOperation::recordSuccess(const QString &regionCode, const RemotePost &post)
{
    RemotePostRecord r;
    if (auto existing = m_library.remotePosts().find(m_portal.id, m_listingId, regionCode);
        existing && existing.value())
        r = *existing.value();
    r.listingId = m_listingId;
    r.portalId = m_portal.id;
    r.regionCode = regionCode;
    r.clientKey = clientKeyFor(m_listing.uuid, regionCode);
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
    m_outcomes << PublishOutcome{regionCode, true, post.id, r.url, std::nullopt};
}

void PublishOperation::recordFailure(const QString &regionCode, const PortalError &error)
{
    qCInfo(lcSync) << "publishing" << m_listingId << "to" << regionCode
                   << "failed:" << describe(error);
    RemotePostRecord r;
    if (auto existing = m_library.remotePosts().find(m_portal.id, m_listingId, regionCode);
        existing && existing.value())
        r = *existing.value();
    r.listingId = m_listingId;
    r.portalId = m_portal.id;
    r.regionCode = regionCode;
    r.clientKey = clientKeyFor(m_listing.uuid, regionCode);
    // A post the portal has keeps its state; only the error is new.
    if (r.remoteId == 0)
        r.state = RemoteState::Failed;
    r.lastError = describe(error);
    if (auto saved = m_library.remotePosts().save(&r); !saved)
        qCWarning(lcSync) << "could not record failure:" << saved.error().message;
    m_outcomes << PublishOutcome{regionCode, false, r.remoteId, r.url, error};
}

void PublishOperation::finish()
{
    // The listing's words are untouched; only its publishing status moves.
    const ListingStatus status = succeeded() ? ListingStatus::Published : ListingStatus::Failed;
    if (auto set = m_library.listings().setStatus(m_listingId, status); !set)
        qCWarning(lcSync) << "could not set status:" << set.error().message;
    emit finished();
}

} // namespace ListingDesk
