// The fake portal's content routes: terms, posts (list, read, create, update,
// trash, delete) and media, answering as WordPress 6.1 with or without the
// companion plugin.

#include "fakeportal.h"

#include "fakeportal_p.h"

#include <QTimeZone>

#include <algorithm>

namespace ListingDesk::Testing {

using namespace Detail;

namespace {

enum class MetaType { String, Number, Integer, Boolean };

// The companion plugin's registered post meta; plain WordPress has none.
const QList<std::pair<QString, MetaType>> &registeredMeta()
{
    static const QList<std::pair<QString, MetaType>> keys{
        {QStringLiteral("listingdesk_client_key"), MetaType::String},
        {QStringLiteral("listingdesk_listing_uuid"), MetaType::String},
        {QStringLiteral("listingdesk_contact_name"), MetaType::String},
        {QStringLiteral("listingdesk_contact_phone"), MetaType::String},
        {QStringLiteral("listingdesk_contact_wechat"), MetaType::String},
        {QStringLiteral("listingdesk_price"), MetaType::Number},
        {QStringLiteral("listingdesk_expires_at"), MetaType::String},
        {QStringLiteral("listingdesk_promoted"), MetaType::Boolean},
        {QStringLiteral("listingdesk_views"), MetaType::Integer},
    };
    return keys;
}

QJsonValue metaDefault(MetaType type)
{
    switch (type) {
    case MetaType::String:
        return QString();
    case MetaType::Number:
    case MetaType::Integer:
        return 0;
    case MetaType::Boolean:
        return false;
    }
    return {};
}

bool metaTypeFits(MetaType type, const QJsonValue &value)
{
    switch (type) {
    case MetaType::String:
        return value.isString();
    case MetaType::Number:
        return value.isDouble();
    case MetaType::Integer:
        return value.isDouble() && value.toDouble() == double(value.toInteger());
    case MetaType::Boolean:
        return value.isBool();
    }
    return false;
}

const QStringList &postStatuses()
{
    static const QStringList statuses{QStringLiteral("publish"), QStringLiteral("future"),
                                      QStringLiteral("draft"), QStringLiteral("pending"),
                                      QStringLiteral("private")};
    return statuses;
}

QString textField(const QJsonValue &value)
{
    if (value.isObject())
        return value.toObject().value(u"raw").toString();
    return value.toString();
}

FakeResponse invalidParam(const QString &param, const QString &why)
{
    return wpError(400, QStringLiteral("rest_invalid_param"),
                   QStringLiteral("Invalid parameter(s): %1").arg(param),
                   QJsonObject{{QStringLiteral("params"), QJsonObject{{param, why}}}});
}

// per_page and page as WordPress validates them: 1..100 and >= 1.
std::optional<FakeResponse> readPaging(const QUrlQuery &query, int &perPage, int &page)
{
    perPage = 10;
    page = 1;
    if (query.hasQueryItem(QStringLiteral("per_page"))) {
        bool ok = false;
        perPage = query.queryItemValue(QStringLiteral("per_page")).toInt(&ok);
        if (!ok || perPage < 1 || perPage > 100)
            return invalidParam(QStringLiteral("per_page"),
                                QStringLiteral("per_page must be between 1 (inclusive) and 100 "
                                               "(inclusive)"));
    }
    if (query.hasQueryItem(QStringLiteral("page"))) {
        bool ok = false;
        page = query.queryItemValue(QStringLiteral("page")).toInt(&ok);
        if (!ok || page < 1)
            return invalidParam(QStringLiteral("page"),
                                QStringLiteral("page must be greater than or equal to 1"));
    }
    return std::nullopt;
}

FakeResponse pagedResponse(const QJsonArray &all, int perPage, int page)
{
    const int total = int(all.size());
    const int pages = (total + perPage - 1) / perPage;
    QJsonArray slice;
    for (int i = (page - 1) * perPage; i < qMin(total, page * perPage); ++i)
        slice.append(all.at(i));
    FakeResponse response = jsonResponse(200, QJsonDocument(slice));
    response.setHeader("X-WP-Total", QByteArray::number(total));
    response.setHeader("X-WP-TotalPages", QByteArray::number(pages));
    return response;
}

FakeResponse notAllowed(const FakeUser *user, const QString &code, const QString &message)
{
    return wpError(user ? 403 : 401, code, message);
}

} // namespace

QString FakePortal::uniqueSlug(const QString &wanted, qint64 exceptId) const
{
    auto taken = [&](const QString &slug) {
        for (const FakePost &post : m_posts)
            if (post.id != exceptId && post.slug == slug)
                return true;
        return false;
    };
    QString slug = wanted;
    for (int suffix = 2; taken(slug); ++suffix)
        slug = wanted + QStringLiteral("-%1").arg(suffix);
    return slug;
}

QJsonObject FakePortal::termJson(const QString &taxonomy, const FakeTerm &term) const
{
    int count = 0;
    for (const FakePost &post : m_posts) {
        const QList<qint64> &ids = taxonomy == u"categories" ? post.categories
                                   : taxonomy == u"tags"     ? post.tags
                                                             : post.cities;
        count += ids.contains(term.id) ? 1 : 0;
    }
    return QJsonObject{
        {QStringLiteral("id"), term.id},
        {QStringLiteral("count"), count},
        {QStringLiteral("name"), term.name},
        {QStringLiteral("slug"), term.slug},
        {QStringLiteral("taxonomy"), taxonomy == u"categories" ? QStringLiteral("category")
                                     : taxonomy == u"tags"     ? QStringLiteral("post_tag")
                                                               : QStringLiteral("city")},
        {QStringLiteral("parent"), term.parent}};
}

QJsonObject FakePortal::postJson(const FakePost &post, bool edit) const
{
    QJsonObject title{{QStringLiteral("rendered"), post.title}};
    QJsonObject content{{QStringLiteral("rendered"), post.content},
                        {QStringLiteral("protected"), false}};
    if (edit) {
        title.insert(u"raw", post.title);
        content.insert(u"raw", post.content);
    }
    QJsonObject object{
        {QStringLiteral("id"), post.id},
        {QStringLiteral("date"), formatGmt(post.dateGmt.addSecs(m_utcOffset))},
        {QStringLiteral("date_gmt"), formatGmt(post.dateGmt)},
        {QStringLiteral("modified"), formatGmt(post.modifiedGmt.addSecs(m_utcOffset))},
        {QStringLiteral("modified_gmt"), formatGmt(post.modifiedGmt)},
        {QStringLiteral("slug"), post.slug},
        {QStringLiteral("status"), post.status},
        {QStringLiteral("type"), QStringLiteral("post")},
        {QStringLiteral("link"), m_baseUrl.toString() + QStringLiteral("/?p=%1").arg(post.id)},
        {QStringLiteral("title"), title},
        {QStringLiteral("content"), content},
        {QStringLiteral("author"), post.author},
        {QStringLiteral("featured_media"), post.featuredMedia},
        {QStringLiteral("categories"), idArray(post.categories)},
        {QStringLiteral("tags"), idArray(post.tags)},
    };
    if (m_plugin) {
        object.insert(u"city", idArray(post.cities));
        QJsonObject meta;
        for (const auto &[key, type] : registeredMeta())
            meta.insert(key, post.meta.contains(key) ? post.meta.value(key) : metaDefault(type));
        object.insert(u"meta", meta);
    } else {
        object.insert(u"meta", QJsonArray()); // what WordPress sends with no registered meta
    }
    return object;
}

FakeResponse FakePortal::routeTerms(const Call &call, const QString &taxonomy, qint64 id)
{
    QList<FakeTerm> &terms = m_terms[taxonomy];
    if (id > 0) {
        if (call.method != "GET")
            return wpError(404, QStringLiteral("rest_no_route"),
                           QStringLiteral("No route was found matching the URL and request "
                                          "method."));
        for (const FakeTerm &term : terms)
            if (term.id == id)
                return jsonResponse(200, termJson(taxonomy, term));
        return wpError(404, QStringLiteral("rest_term_invalid"),
                       QStringLiteral("Term does not exist."));
    }
    if (call.method == "GET") {
        int perPage = 0;
        int page = 0;
        if (auto error = readPaging(call.query, perPage, page))
            return *error;
        const QStringList slugs = listParameter(call.query, QStringLiteral("slug"));
        QJsonArray all;
        QList<FakeTerm> sorted = terms;
        if (call.query.queryItemValue(QStringLiteral("orderby")) != u"id")
            std::stable_sort(sorted.begin(), sorted.end(),
                             [](const FakeTerm &a, const FakeTerm &b) { return a.name < b.name; });
        for (const FakeTerm &term : sorted)
            if (slugs.isEmpty() || slugs.contains(term.slug))
                all.append(termJson(taxonomy, term));
        return pagedResponse(all, perPage, page);
    }
    if (call.method != "POST")
        return wpError(404, QStringLiteral("rest_no_route"),
                       QStringLiteral("No route was found matching the URL and request method."));
    if (!call.user || !call.user->canPublish)
        return notAllowed(call.user, QStringLiteral("rest_cannot_create"),
                          QStringLiteral("Sorry, you are not allowed to create terms in this "
                                         "taxonomy."));
    const QString name = call.json.value(u"name").toString().trimmed();
    if (name.isEmpty())
        return wpError(400, QStringLiteral("rest_missing_callback_param"),
                       QStringLiteral("Missing parameter(s): name"));
    const qint64 parent = call.json.value(u"parent").toInteger();
    for (const FakeTerm &term : terms)
        if (term.parent == parent && term.name.compare(name, Qt::CaseInsensitive) == 0)
            return wpError(400, QStringLiteral("term_exists"),
                           QStringLiteral("A term with the name provided already exists with "
                                          "this parent."),
                           QJsonObject{{QStringLiteral("term_id"), term.id}});
    QString slug = call.json.value(u"slug").toString();
    slug = slugify(slug.isEmpty() ? name : slug);
    for (const FakeTerm &term : terms)
        if (term.slug == slug)
            return wpError(
                400, QStringLiteral("duplicate_term_slug"),
                QStringLiteral("The slug “%1” is already in use by another term.").arg(slug));
    const qint64 newId = addTerm(taxonomy, name, slug, parent);
    return jsonResponse(201, termJson(taxonomy, terms.last()));
    Q_UNUSED(newId);
}

FakeResponse FakePortal::routePosts(const Call &call, qint64 id)
{
    if (call.method == "GET" && id == 0)
        return listPosts(call);
    if ((call.method == "POST" || call.method == "PUT" || call.method == "PATCH"))
        return writePost(call, id);
    if (id == 0)
        return wpError(404, QStringLiteral("rest_no_route"),
                       QStringLiteral("No route was found matching the URL and request method."));
    auto it = m_posts.find(id);
    if (it == m_posts.end())
        return wpError(404, QStringLiteral("rest_post_invalid_id"),
                       QStringLiteral("Invalid post ID."));
    if (call.method == "DELETE")
        return trash(call, id);
    const bool edit = call.query.queryItemValue(QStringLiteral("context")) == u"edit";
    if ((edit || it->status != u"publish") && !call.user)
        return wpError(401, QStringLiteral("rest_forbidden_context"),
                       QStringLiteral("Sorry, you are not allowed to edit this post."));
    return jsonResponse(200, postJson(*it, edit));
}

FakeResponse FakePortal::listPosts(const Call &call)
{
    int perPage = 0;
    int page = 0;
    if (auto error = readPaging(call.query, perPage, page))
        return *error;
    const bool edit = call.query.queryItemValue(QStringLiteral("context")) == u"edit";
    QStringList statuses = listParameter(call.query, QStringLiteral("status"));
    if (statuses.isEmpty())
        statuses = {QStringLiteral("publish")};
    if (statuses.contains(u"any")) // "any" leaves out trash, as WP_Query does
        statuses = postStatuses();
    for (const QString &status : statuses)
        if (!postStatuses().contains(status) && status != u"trash")
            return invalidParam(QStringLiteral("status"),
                                QStringLiteral("status[0] is not one of publish, future, draft, "
                                               "pending, private, trash, and any."));
    if ((edit || statuses != QStringList{QStringLiteral("publish")}) && !call.user)
        return wpError(401,
                       edit ? QStringLiteral("rest_forbidden_context")
                            : QStringLiteral("rest_forbidden_status"),
                       edit ? QStringLiteral("Sorry, you are not allowed to edit posts in this "
                                             "post type.")
                            : QStringLiteral("Status is forbidden."));
    const QStringList slugs = listParameter(call.query, QStringLiteral("slug"));
    // Without the plugin WordPress does not know the parameter and ignores it.
    const QString clientKey =
        m_plugin ? call.query.queryItemValue(QStringLiteral("listingdesk_client_key")) : QString();
    // Like WordPress: the value is read as the site's local time and
    // compared with post_modified (local), not with modified_gmt.
    QDateTime modifiedAfter;
    if (call.query.hasQueryItem(QStringLiteral("modified_after"))) {
        QString text = call.query.queryItemValue(QStringLiteral("modified_after"));
        if (text.endsWith(u'Z'))
            text.chop(1);
        modifiedAfter = QDateTime::fromString(text, Qt::ISODate);
        if (!modifiedAfter.isValid())
            return invalidParam(QStringLiteral("modified_after"), QStringLiteral("Invalid date."));
        modifiedAfter.setTimeZone(QTimeZone::utc());
    }

    QList<FakePost> matching;
    for (const FakePost &post : m_posts) {
        if (!statuses.contains(post.status))
            continue;
        if (!slugs.isEmpty() && !slugs.contains(post.slug))
            continue;
        if (!clientKey.isEmpty() &&
            post.meta.value(u"listingdesk_client_key").toString() != clientKey)
            continue;
        if (modifiedAfter.isValid() && post.modifiedGmt.addSecs(m_utcOffset) <= modifiedAfter)
            continue;
        matching.append(post);
    }
    const QString orderBy = call.query.hasQueryItem(QStringLiteral("orderby"))
                                ? call.query.queryItemValue(QStringLiteral("orderby"))
                                : QStringLiteral("date");
    const bool ascending = call.query.queryItemValue(QStringLiteral("order")) == u"asc";
    std::stable_sort(matching.begin(), matching.end(), [&](const FakePost &a, const FakePost &b) {
        auto key = [&](const FakePost &post) {
            return orderBy == u"modified" ? post.modifiedGmt.toSecsSinceEpoch()
                   : orderBy == u"id"     ? post.id
                                          : post.dateGmt.toSecsSinceEpoch();
        };
        if (key(a) != key(b))
            return ascending ? key(a) < key(b) : key(a) > key(b);
        return ascending ? a.id < b.id : a.id > b.id;
    });
    const int pages = (int(matching.size()) + perPage - 1) / perPage;
    if (page > 1 && page > pages)
        return wpError(400, QStringLiteral("rest_post_invalid_page_number"),
                       QStringLiteral("The page number requested is larger than the number of "
                                      "pages available."));
    QJsonArray all;
    for (const FakePost &post : matching)
        all.append(postJson(post, edit));
    return pagedResponse(all, perPage, page);
}

FakeResponse FakePortal::writePost(const Call &call, qint64 id)
{
    const bool creating = id == 0;
    if (!call.user || !call.user->canPublish)
        return notAllowed(call.user,
                          creating ? QStringLiteral("rest_cannot_create")
                                   : QStringLiteral("rest_cannot_edit"),
                          creating ? QStringLiteral("Sorry, you are not allowed to create posts "
                                                    "as this user.")
                                   : QStringLiteral("Sorry, you are not allowed to edit this "
                                                    "post."));
    FakePost post;
    if (!creating) {
        auto it = m_posts.find(id);
        if (it == m_posts.end())
            return wpError(404, QStringLiteral("rest_post_invalid_id"),
                           QStringLiteral("Invalid post ID."));
        post = *it;
    } else {
        post.author = call.user->id;
        post.dateGmt = m_now;
    }
    const QJsonObject &json = call.json;
    if (json.contains(u"status")) {
        const QString status = json.value(u"status").toString();
        if (!postStatuses().contains(status))
            return invalidParam(QStringLiteral("status"),
                                QStringLiteral("status is not one of publish, future, draft, "
                                               "pending, and private."));
        post.status = status;
    }
    if (json.contains(u"date_gmt")) {
        QDateTime date = QDateTime::fromString(json.value(u"date_gmt").toString(), Qt::ISODate);
        if (!date.isValid())
            return invalidParam(QStringLiteral("date_gmt"), QStringLiteral("Invalid date."));
        date.setTimeZone(QTimeZone::utc());
        post.dateGmt = date;
    }
    if (m_plugin && json.contains(u"meta")) {
        const QJsonObject meta = json.value(u"meta").toObject();
        for (const auto &[key, type] : registeredMeta()) {
            if (!meta.contains(key))
                continue;
            if (!metaTypeFits(type, meta.value(key)))
                return invalidParam(
                    QStringLiteral("meta"),
                    QStringLiteral("meta.%1 is not of the registered type.").arg(key));
            post.meta.insert(key, meta.value(key));
        }
    }
    if (json.contains(u"title"))
        post.title = textField(json.value(u"title"));
    if (json.contains(u"content"))
        post.content = textField(json.value(u"content"));
    // Unknown term ids are dropped without a word, as wp_set_object_terms does.
    auto knownTerms = [&](const QString &taxonomy, const QJsonValue &value) {
        QList<qint64> ids;
        for (qint64 termId : idList(value))
            for (const FakeTerm &term : m_terms.value(taxonomy))
                if (term.id == termId && !ids.contains(termId))
                    ids.append(termId);
        return ids;
    };
    if (json.contains(u"categories"))
        post.categories = knownTerms(QStringLiteral("categories"), json.value(u"categories"));
    if (json.contains(u"tags"))
        post.tags = knownTerms(QStringLiteral("tags"), json.value(u"tags"));
    if (m_plugin && json.contains(u"city"))
        post.cities = knownTerms(QStringLiteral("city"), json.value(u"city"));
    if (json.contains(u"featured_media"))
        post.featuredMedia = json.value(u"featured_media").toInteger();
    if (creating && post.categories.isEmpty())
        post.categories = {m_terms.value(QStringLiteral("categories")).value(0).id};
    QString slug = json.contains(u"slug") ? slugify(json.value(u"slug").toString()) : post.slug;
    if (slug.isEmpty() && post.status != u"draft" && post.status != u"pending")
        slug = slugify(post.title);
    post.slug = slug.isEmpty() ? slug : uniqueSlug(slug, post.id);
    post.modifiedGmt = m_now;
    if (creating)
        post.id = nextId();
    m_posts.insert(post.id, post);
    return jsonResponse(creating ? 201 : 200, postJson(post, true));
}

FakeResponse FakePortal::trash(const Call &call, qint64 id)
{
    if (!call.user || !call.user->canPublish)
        return notAllowed(call.user, QStringLiteral("rest_cannot_delete"),
                          QStringLiteral("Sorry, you are not allowed to delete this post."));
    FakePost &post = m_posts[id];
    const QString force = call.query.queryItemValue(QStringLiteral("force"));
    if (force == u"true" || force == u"1") {
        const QJsonObject previous = postJson(post, true);
        m_posts.remove(id);
        return jsonResponse(200, QJsonObject{{QStringLiteral("deleted"), true},
                                             {QStringLiteral("previous"), previous}});
    }
    if (post.status == u"trash")
        return wpError(410, QStringLiteral("rest_already_trashed"),
                       QStringLiteral("The post has already been deleted."));
    post.status = QStringLiteral("trash");
    if (!post.slug.isEmpty())
        post.slug += QStringLiteral("__trashed");
    post.modifiedGmt = m_now;
    return jsonResponse(200, postJson(post, true));
}

FakeResponse FakePortal::uploadMedia(const Call &call)
{
    if (!call.user || !call.user->canPublish)
        return notAllowed(call.user, QStringLiteral("rest_cannot_create"),
                          QStringLiteral("Sorry, you are not allowed to upload media on this "
                                         "site."));
    if (call.body.isEmpty())
        return wpError(400, QStringLiteral("rest_upload_no_data"),
                       QStringLiteral("No data supplied."));
    if (call.contentDisposition.isEmpty())
        return wpError(400, QStringLiteral("rest_upload_no_content_disposition"),
                       QStringLiteral("No Content-Disposition supplied."));
    // filename*=UTF-8''... (RFC 5987) wins over filename="..." when both are there.
    QString fileName;
    for (const QByteArray &rawPart : call.contentDisposition.split(';')) {
        const QByteArray part = rawPart.trimmed();
        if (part.startsWith("filename*=")) {
            QByteArray value = part.mid(10);
            const qsizetype quote = value.indexOf("''");
            if (quote >= 0)
                value = value.mid(quote + 2);
            fileName = QString::fromUtf8(QByteArray::fromPercentEncoding(value));
        } else if (part.startsWith("filename=") && fileName.isEmpty()) {
            QByteArray value = part.mid(9);
            if (value.startsWith('"') && value.endsWith('"'))
                value = value.mid(1, value.size() - 2);
            fileName = QString::fromUtf8(value);
        }
    }
    if (fileName.isEmpty())
        return wpError(400, QStringLiteral("rest_upload_invalid_disposition"),
                       QStringLiteral("Invalid Content-Disposition supplied."));
    const QByteArray mime = call.contentType.split(';').value(0).trimmed();
    if (!mime.startsWith("image/"))
        return wpError(400, QStringLiteral("rest_upload_sideload_error"),
                       QStringLiteral("Sorry, you are not allowed to upload this file type."));
    FakeMedia media;
    media.id = nextId();
    media.fileName = fileName;
    media.mimeType = QString::fromLatin1(mime);
    media.data = call.body;
    QUrl source = m_baseUrl;
    source.setPath(m_baseUrl.path() +
                   m_now.toString(QStringLiteral("'/wp-content/uploads/'yyyy/MM/")) +
                   QStringLiteral("%1-%2").arg(media.id).arg(fileName));
    media.sourceUrl = source;
    m_media.insert(media.id, media);
    return jsonResponse(
        201,
        QJsonObject{{QStringLiteral("id"), media.id},
                    {QStringLiteral("date_gmt"), formatGmt(m_now)},
                    {QStringLiteral("type"), QStringLiteral("attachment")},
                    {QStringLiteral("status"), QStringLiteral("inherit")},
                    {QStringLiteral("title"), QJsonObject{{QStringLiteral("raw"), fileName},
                                                          {QStringLiteral("rendered"), fileName}}},
                    {QStringLiteral("mime_type"), media.mimeType},
                    {QStringLiteral("media_type"), QStringLiteral("image")},
                    {QStringLiteral("source_url"), QString::fromUtf8(source.toEncoded())}});
}

} // namespace ListingDesk::Testing
