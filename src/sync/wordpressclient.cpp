#include "wordpressclient.h"

#include <QTimer>

#include "synclog.h"
#include "wordpressjson.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QNetworkRequest>

namespace ListingDesk {

namespace {

constexpr int perPage = 100;
// A runaway X-WP-TotalPages must not make us page forever.
constexpr int maxPages = 10000;

QUrl restRootOf(QUrl base)
{
    QString path = base.path();
    while (path.endsWith(u'/'))
        path.chop(1);
    if (!path.endsWith(u"/wp-json"))
        path += QStringLiteral("/wp-json");
    base.setPath(path);
    base.setQuery(QString());
    base.setFragment(QString());
    return base;
}

PortalError unexpectedAnswer(const RestJob *job)
{
    return PortalError{
        PortalError::Kind::Permanent,
        job->httpStatus(),
        {},
        QCoreApplication::translate("WordPressClient",
                                    "The portal's answer does not have the expected shape."),
        -1};
}

QList<QJsonObject> objectsOf(const QJsonArray &array)
{
    QList<QJsonObject> objects;
    objects.reserve(array.size());
    for (const QJsonValue &value : array)
        objects.append(value.toObject());
    return objects;
}

} // namespace

WordPressClient::WordPressClient(QNetworkAccessManager *nam, PortalEndpoint endpoint,
                                 QObject *parent)
    : QObject(parent), m_nam(nam), m_endpoint(std::move(endpoint)),
      m_restRoot(restRootOf(m_endpoint.baseUrl))
{
    if (!m_endpoint.username.isEmpty())
        m_authorization =
            "Basic " + (m_endpoint.username + u':' + m_endpoint.password).toUtf8().toBase64();
}

QUrl WordPressClient::routeUrl(const QString &route, const QUrlQuery &query) const
{
    QUrl url = m_restRoot;
    url.setPath(m_restRoot.path() + (route.startsWith(u'/') ? route : u'/' + route));
    if (!query.isEmpty())
        url.setQuery(query);
    return url;
}

RestJob *WordPressClient::startJob(const QByteArray &verb, const QString &route,
                                   const QUrlQuery &query, const QByteArray &body,
                                   const QByteArray &contentType, bool authenticate,
                                   const QByteArray &disposition)
{
    QNetworkRequest request(routeUrl(route, query));
    request.setRawHeader("Accept", "application/json");
    request.setHeader(QNetworkRequest::UserAgentHeader,
                      QByteArrayLiteral("ListingDesk/" LISTINGDESK_VERSION));
    if (!contentType.isEmpty())
        request.setRawHeader("Content-Type", contentType);
    if (!disposition.isEmpty())
        request.setRawHeader("Content-Disposition", disposition);
    if (authenticate && !m_authorization.isEmpty())
        request.setRawHeader("Authorization", m_authorization);
    auto *job = new RestJob(m_nam, request, verb, body, m_endpoint.timeoutMs, this);
    // Connected before any caller's handler, so that a finished request hands
    // its slot on before the caller's own work on the answer runs.
    connect(job, &RestJob::finished, this, [this, job] { releaseSlot(job); });
    if (m_spacingMs <= 0) {
        launch(job);
        return job;
    }
    // Requests take turns: each starts at least m_spacingMs after the one before.
    if (!m_pace.isValid())
        m_pace.start();
    const qint64 now = m_pace.elapsed();
    const qint64 slot = std::max(now, m_nextSlotMs);
    m_nextSlotMs = slot + m_spacingMs;
    if (slot == now)
        launch(job);
    else
        QTimer::singleShot(int(slot - now), job, [this, job] { launch(job); });
    return job;
}

void WordPressClient::launch(RestJob *job)
{
    if (job->isStarted())
        return; // aborted while it waited for its turn
    if (m_maxInFlight > 0 && m_holding.size() >= m_maxInFlight) {
        m_waiting.enqueue(job);
        return;
    }
    m_holding.insert(job);
    job->start();
}

void WordPressClient::releaseSlot(RestJob *job)
{
    if (!m_holding.remove(job))
        return;
    while (!m_waiting.isEmpty() && (m_maxInFlight <= 0 || m_holding.size() < m_maxInFlight)) {
        const QPointer<RestJob> next = m_waiting.dequeue();
        if (next && !next->isStarted()) {
            m_holding.insert(next);
            next->start();
        }
    }
}

RestJob *WordPressClient::get(const QString &route, const QUrlQuery &query)
{
    return startJob("GET", route, query, {}, {}, true);
}

RestJob *WordPressClient::getAnonymous(const QString &route, const QUrlQuery &query)
{
    return startJob("GET", route, query, {}, {}, false);
}

RestJob *WordPressClient::post(const QString &route, const QJsonObject &body)
{
    return startJob("POST", route, {}, QJsonDocument(body).toJson(QJsonDocument::Compact),
                    "application/json; charset=utf-8", true);
}

RestJob *WordPressClient::remove(const QString &route, const QUrlQuery &query)
{
    return startJob("DELETE", route, query, {}, {}, true);
}

RestJob *WordPressClient::upload(const QString &route, const QByteArray &data, const QString &mime,
                                 const QString &fileName)
{
    return startJob("POST", route, {}, data, mime.toUtf8(), true, contentDisposition(fileName));
}

QByteArray WordPressClient::contentDisposition(const QString &fileName)
{
    // WordPress 6.1 reads only filename= and splits the header on ';', and
    // takes the bytes as they come: raw UTF-8 there keeps a Chinese name. Quotes,
    // semicolons and control characters would break its parser, so they go.
    QString plain;
    for (QChar c : fileName)
        if (c >= u' ' && c != u'"' && c != u';' && c != u'\\' && c != QChar(0x7f))
            plain += c;
    if (plain.isEmpty())
        plain = QStringLiteral("upload");
    return "attachment; filename=\"" + plain.toUtf8() + "\"; filename*=UTF-8''" +
           plain.toUtf8().toPercentEncoding();
}

QString WordPressClient::allStatuses()
{
    return QStringLiteral("publish,future,draft,pending,private,trash");
}

void WordPressClient::whenFinished(RestJob *job, Guard guard, std::function<void(RestJob *)> then)
{
    // Nobody waits for the answer any more: a request still waiting for its
    // turn is not sent at all.
    if (guard.object)
        connect(guard.object, &QObject::destroyed, job, [job] {
            if (!job->isStarted())
                job->abort();
        });
    connect(job, &RestJob::finished, this, [job, guard, then = std::move(then)] {
        if (guard.alive())
            then(job);
    });
}

// ---- paging ----

void WordPressClient::fetchAllPages(const QString &route, QUrlQuery query, QObject *context,
                                    PageDone done)
{
    query.removeAllQueryItems(QStringLiteral("per_page"));
    query.addQueryItem(QStringLiteral("per_page"), QString::number(perPage));
    fetchPage(route, query, 1, std::make_shared<QList<QJsonObject>>(), Guard(context),
              std::move(done));
}

void WordPressClient::fetchPage(const QString &route, const QUrlQuery &query, int page,
                                std::shared_ptr<QList<QJsonObject>> items, Guard guard,
                                PageDone done)
{
    QUrlQuery pageQuery = query;
    pageQuery.addQueryItem(QStringLiteral("page"), QString::number(page));
    RestJob *job = get(route, pageQuery);
    whenFinished(job, guard, [=, this](RestJob *finished) {
        if (finished->error())
            return done(*finished->error());
        if (!finished->json().isArray())
            return done(unexpectedAnswer(finished));
        const QJsonArray array = finished->json().array();
        items->append(objectsOf(array));
        const int pages = finished->totalPages();
        const bool more = pages >= 0 ? page < pages : array.size() >= perPage;
        if (!more || page >= maxPages)
            return done(*items);
        fetchPage(route, query, page + 1, items, guard, done);
    });
}

// ---- probe ----

void WordPressClient::probe(QObject *context, Done<ConnectionReport> done)
{
    auto report = std::make_shared<ConnectionReport>();
    Guard guard(context);
    // The index is fetched without credentials: a wrong password makes
    // WordPress refuse every request, and we want to tell the two apart.
    RestJob *job = getAnonymous(QStringLiteral("/"));
    whenFinished(job, guard, [=, this](RestJob *index) {
        if (const PortalError *error = index->error()) {
            report->reachable = index->httpStatus() > 0;
            report->problem = *error;
            if (error->kind == PortalError::Kind::NotFound)
                report->problem->message =
                    QCoreApplication::translate(
                        "WordPressClient", "The site answers, but has no WordPress REST API at %1.")
                        .arg(m_restRoot.toString(QUrl::RemoveUserInfo));
            return done(*report);
        }
        report->reachable = true;
        const QJsonObject root = index->json().object();
        const QJsonArray namespaces = root.value(u"namespaces").toArray();
        report->siteName = root.value(u"name").toString();
        if (!namespaces.contains(QJsonValue(QStringLiteral("wp/v2")))) {
            report->problem = PortalError{
                PortalError::Kind::Permanent,
                index->httpStatus(),
                {},
                QCoreApplication::translate(
                    "WordPressClient",
                    "The site answers with JSON, but not as a WordPress REST API (no wp/v2)."),
                -1};
            return done(*report);
        }
        report->restApi = true;
        probeUser(report, guard, done);
    });
}

void WordPressClient::probeUser(std::shared_ptr<ConnectionReport> report, Guard guard,
                                Done<ConnectionReport> done)
{
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("context"), QStringLiteral("edit"));
    RestJob *job = get(QStringLiteral("/wp/v2/users/me"), query);
    whenFinished(job, guard, [=, this](RestJob *me) {
        if (const PortalError *error = me->error()) {
            report->problem = *error;
        } else {
            const QJsonObject user = me->json().object();
            report->authenticated = user.value(u"id").toInteger() > 0;
            report->userName = user.value(u"name").toString();
            if (report->userName.isEmpty())
                report->userName = user.value(u"slug").toString();
        }
        probePlugin(report, guard, done);
    });
}

void WordPressClient::probePlugin(std::shared_ptr<ConnectionReport> report, Guard guard,
                                  Done<ConnectionReport> done)
{
    RestJob *job = getAnonymous(QStringLiteral("/listingdesk/v1/info"));
    whenFinished(job, guard, [=](RestJob *info) {
        if (const PortalError *error = info->error()) {
            if (error->kind != PortalError::Kind::NotFound && !report->problem)
                report->problem = *error;
            return done(*report);
        }
        const QJsonObject object = info->json().object();
        if (object.value(u"plugin").toString() == u"listingdesk-portal") {
            report->companionPlugin = true;
            report->pluginVersion = object.value(u"version").toString();
            for (const QJsonValue &feature : object.value(u"features").toArray())
                report->features.append(feature.toString());
        }
        done(*report);
    });
}

// ---- terms ----

void WordPressClient::fetchTerms(const QString &taxonomy, QObject *context,
                                 Done<QList<RemoteTerm>> done)
{
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("orderby"), QStringLiteral("id"));
    fetchAllPages(QStringLiteral("/wp/v2/") + taxonomy, query, context,
                  [done](const PortalResult<QList<QJsonObject>> &result) {
                      if (!result)
                          return done(result.error());
                      QList<RemoteTerm> terms;
                      for (const QJsonObject &object : result.value())
                          terms.append(WordPressJson::parseTerm(object));
                      done(terms);
                  });
}

void WordPressClient::createTerm(const QString &taxonomy, const RemoteTerm &term, QObject *context,
                                 Done<RemoteTerm> done)
{
    QJsonObject body{{QStringLiteral("name"), term.name}};
    if (!term.slug.isEmpty())
        body.insert(u"slug", term.slug);
    if (term.parent > 0)
        body.insert(u"parent", term.parent);
    const QString route = QStringLiteral("/wp/v2/") + taxonomy;
    Guard guard(context);
    whenFinished(post(route, body), guard, [=, this](RestJob *job) {
        const PortalError *error = job->error();
        if (!error) {
            RemoteTerm created = WordPressJson::parseTerm(job->json().object());
            return created.id > 0 ? done(created) : done(unexpectedAnswer(job));
        }
        const qint64 existing =
            job->json().object().value(u"data").toObject().value(u"term_id").toInteger();
        if (error->code != u"term_exists" || existing <= 0)
            return done(*error);
        // Somebody (maybe we, before a crash) made it already: use theirs.
        RemoteTerm fallback = term;
        fallback.id = existing;
        whenFinished(get(route + u'/' + QString::number(existing)), guard, [=](RestJob *lookup) {
            if (lookup->error() || !lookup->json().isObject())
                return done(fallback);
            done(WordPressJson::parseTerm(lookup->json().object()));
        });
    });
}

// ---- posts ----

void WordPressClient::postRequest(RestJob *job, QObject *context, Done<RemotePost> done)
{
    whenFinished(job, Guard(context), [done](RestJob *finished) {
        if (finished->error())
            return done(*finished->error());
        const RemotePost post = WordPressJson::parsePost(finished->json().object());
        if (post.id <= 0)
            return done(unexpectedAnswer(finished));
        done(post);
    });
}

void WordPressClient::createPost(const PostPayload &payload, QObject *context,
                                 Done<RemotePost> done)
{
    postRequest(post(QStringLiteral("/wp/v2/posts"), WordPressJson::toJson(payload)), context,
                std::move(done));
}

void WordPressClient::updatePost(qint64 id, const PostPayload &payload, QObject *context,
                                 Done<RemotePost> done)
{
    postRequest(post(QStringLiteral("/wp/v2/posts/%1").arg(id), WordPressJson::toJson(payload)),
                context, std::move(done));
}

void WordPressClient::fetchPost(qint64 id, QObject *context, Done<RemotePost> done)
{
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("context"), QStringLiteral("edit"));
    postRequest(get(QStringLiteral("/wp/v2/posts/%1").arg(id), query), context, std::move(done));
}

void WordPressClient::trashPost(qint64 id, QObject *context, Done<RemotePost> done)
{
    Guard guard(context);
    whenFinished(remove(QStringLiteral("/wp/v2/posts/%1").arg(id)), guard, [=, this](RestJob *job) {
        const PortalError *error = job->error();
        if (error && error->code == u"rest_already_trashed")
            return fetchPost(id, guard.object, done);
        if (error)
            return done(*error);
        const RemotePost post = WordPressJson::parsePost(job->json().object());
        if (post.id <= 0)
            return done(unexpectedAnswer(job));
        done(post);
    });
}

void WordPressClient::findPostByClientKey(const QString &key, bool companionPlugin,
                                          QObject *context, Done<std::optional<RemotePost>> done)
{
    const QString trashedSlug = key + QStringLiteral("__trashed");
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("context"), QStringLiteral("edit"));
    query.addQueryItem(QStringLiteral("status"), allStatuses());
    query.addQueryItem(QStringLiteral("per_page"), QString::number(perPage));
    if (companionPlugin)
        query.addQueryItem(QStringLiteral("listingdesk_client_key"), key);
    else
        query.addQueryItem(QStringLiteral("slug"), key + u',' + trashedSlug);
    whenFinished(get(QStringLiteral("/wp/v2/posts"), query), Guard(context), [=](RestJob *job) {
        if (job->error())
            return done(*job->error());
        if (!job->json().isArray())
            return done(unexpectedAnswer(job));
        // Checked here too: a WordPress without the plugin ignores
        // the unknown parameter and lists every post.
        std::optional<RemotePost> found;
        for (const QJsonValue &value : job->json().array()) {
            RemotePost post = WordPressJson::parsePost(value.toObject());
            const bool matches = companionPlugin
                                     ? post.meta.value(u"listingdesk_client_key").toString() == key
                                     : post.slug == key || post.slug == trashedSlug;
            if (!matches)
                continue;
            // A live post wins over a trashed one with the same key.
            if (!found || (found->status == u"trash" && post.status != u"trash"))
                found = std::move(post);
        }
        done(found);
    });
}

void WordPressClient::fetchPostsModifiedAfter(const QDateTime &afterUtc, QObject *context,
                                              Done<QList<RemotePost>> done)
{
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("context"), QStringLiteral("edit"));
    query.addQueryItem(QStringLiteral("status"), allStatuses());
    query.addQueryItem(QStringLiteral("orderby"), QStringLiteral("modified"));
    query.addQueryItem(QStringLiteral("order"), QStringLiteral("asc"));
    // WordPress compares modified_after with post_modified, the site's local
    // time, not with modified_gmt. Asking from 14 hours earlier (the widest
    // time zone offset) and filtering on modified_gmt here is right in every
    // zone, at the price of a few extra posts.
    if (afterUtc.isValid())
        query.addQueryItem(QStringLiteral("modified_after"),
                           WordPressJson::formatGmt(afterUtc.addSecs(-14 * 3600)));
    fetchAllPages(QStringLiteral("/wp/v2/posts"), query, context,
                  [done, afterUtc](const PortalResult<QList<QJsonObject>> &result) {
                      if (!result)
                          return done(result.error());
                      QList<RemotePost> posts;
                      for (const QJsonObject &object : result.value()) {
                          RemotePost post = WordPressJson::parsePost(object);
                          if (!afterUtc.isValid() || post.modifiedGmt > afterUtc)
                              posts.append(std::move(post));
                      }
                      done(posts);
                  });
}

// ---- media ----

void WordPressClient::uploadMedia(const QByteArray &data, const QString &mime,
                                  const QString &fileName, QObject *context, Done<RemoteMedia> done)
{
    whenFinished(upload(QStringLiteral("/wp/v2/media"), data, mime, fileName), Guard(context),
                 [done](RestJob *job) {
                     if (job->error())
                         return done(*job->error());
                     const RemoteMedia media = WordPressJson::parseMedia(job->json().object());
                     if (media.id <= 0 || !media.sourceUrl.isValid())
                         return done(unexpectedAnswer(job));
                     done(media);
                 });
}

} // namespace ListingDesk
