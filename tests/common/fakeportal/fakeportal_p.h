#pragma once

// Helpers shared by the fake portal's source files; not for tests.

#include "fakeportal.h"

#include <QJsonArray>

namespace ListingDesk::Testing::Detail {

FakeResponse jsonResponse(int status, const QJsonDocument &document);
inline FakeResponse jsonResponse(int status, const QJsonObject &object)
{
    return jsonResponse(status, QJsonDocument(object));
}
/// WordPress's error shape: {"code", "message", "data": {"status", ...}}.
FakeResponse wpError(int status, const QString &code, const QString &message,
                     const QJsonObject &extraData = {});
FakeResponse htmlResponse(int status, const QString &title, const QString &text);
/// sanitize_title for our purposes: lowercase ASCII kept, spaces to '-',
/// everything else percent-encoded in lowercase hex as WordPress stores it.
QString slugify(const QString &text);
QString formatGmt(const QDateTime &time);
/// The HTTP reason phrase for a status ("Too Many Requests"); both the fake
/// network and the HTTP server answer with it.
QByteArray reasonPhrase(int status);
QJsonArray idArray(const QList<qint64> &ids);
QList<qint64> idList(const QJsonValue &value);
/// A comma-separated (or repeated) list parameter, as WordPress's wp_parse_list reads it.
QStringList listParameter(const QUrlQuery &query, const QString &name);

} // namespace ListingDesk::Testing::Detail
