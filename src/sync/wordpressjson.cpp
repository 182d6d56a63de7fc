#include "wordpressjson.h"

#include <QJsonArray>
#include <QTimeZone>

namespace ListingDesk::WordPressJson {

namespace {

QJsonArray idArray(const QList<qint64> &ids)
{
    QJsonArray array;
    for (qint64 id : ids)
        array.append(id);
    return array;
}

// title and content come as {"raw": ..., "rendered": ...}; raw needs
// context=edit, so fall back to rendered for a public answer.
QString rawOrRendered(const QJsonValue &value)
{
    if (value.isString())
        return value.toString();
    const QJsonObject object = value.toObject();
    if (object.contains(u"raw"))
        return object.value(u"raw").toString();
    return object.value(u"rendered").toString();
}

} // namespace

QDateTime parseGmt(const QJsonValue &value)
{
    const QString text = value.toString();
    if (text.isEmpty())
        return {};
    QDateTime time = QDateTime::fromString(text, Qt::ISODate);
    if (!time.isValid())
        return {};
    if (time.timeSpec() == Qt::LocalTime)
        time.setTimeZone(QTimeZone::utc());
    return time.toUTC();
}

QString formatGmt(const QDateTime &time)
{
    return time.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss"));
}

QJsonObject toJson(const PostPayload &payload)
{
    QJsonObject object;
    object.insert(u"title", payload.title);
    object.insert(u"content", payload.contentHtml);
    if (!payload.status.isEmpty())
        object.insert(u"status", payload.status);
    if (!payload.slug.isEmpty())
        object.insert(u"slug", payload.slug);
    if (payload.dateGmt.isValid())
        object.insert(u"date_gmt", formatGmt(payload.dateGmt));
    if (!payload.categories.isEmpty())
        object.insert(u"categories", idArray(payload.categories));
    if (!payload.tags.isEmpty())
        object.insert(u"tags", idArray(payload.tags));
    if (!payload.cities.isEmpty())
        object.insert(u"city", idArray(payload.cities));
    if (!payload.meta.isEmpty())
        object.insert(u"meta", payload.meta);
    if (payload.featuredMedia > 0)
        object.insert(u"featured_media", payload.featuredMedia);
    return object;
}

QList<qint64> parseIds(const QJsonValue &value)
{
    QList<qint64> ids;
    const QJsonArray array = value.toArray();
    for (const QJsonValue &item : array)
        if (item.isDouble())
            ids.append(item.toInteger());
    return ids;
}

RemotePost parsePost(const QJsonObject &object)
{
    RemotePost post;
    post.id = object.value(u"id").toInteger();
    post.status = object.value(u"status").toString();
    post.title = rawOrRendered(object.value(u"title"));
    post.contentHtml = rawOrRendered(object.value(u"content"));
    post.slug = object.value(u"slug").toString();
    post.link = QUrl(object.value(u"link").toString());
    post.dateGmt = parseGmt(object.value(u"date_gmt"));
    post.modifiedGmt = parseGmt(object.value(u"modified_gmt"));
    post.categories = parseIds(object.value(u"categories"));
    post.tags = parseIds(object.value(u"tags"));
    post.cities = parseIds(object.value(u"city"));
    post.meta = object.value(u"meta").toObject();
    post.featuredMedia = object.value(u"featured_media").toInteger();
    return post;
}

RemoteTerm parseTerm(const QJsonObject &object)
{
    RemoteTerm term;
    term.id = object.value(u"id").toInteger();
    term.name = object.value(u"name").toString();
    term.slug = object.value(u"slug").toString();
    term.parent = object.value(u"parent").toInteger();
    return term;
}

RemoteMedia parseMedia(const QJsonObject &object)
{
    RemoteMedia media;
    media.id = object.value(u"id").toInteger();
    media.sourceUrl = QUrl(object.value(u"source_url").toString());
    return media;
}

} // namespace ListingDesk::WordPressJson
