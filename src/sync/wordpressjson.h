#pragma once

#include "wordpresstypes.h"

#include <QJsonObject>

namespace ListingDesk::WordPressJson {

/// WordPress writes GMT times without a zone ("2026-01-05T08:30:00"); these
/// read and write that form as UTC.
QDateTime parseGmt(const QJsonValue &value);
QString formatGmt(const QDateTime &time);

QJsonObject toJson(const PostPayload &payload);
RemotePost parsePost(const QJsonObject &object);
RemoteTerm parseTerm(const QJsonObject &object);
RemoteMedia parseMedia(const QJsonObject &object);
/// A list of ids ("categories": [3, 7]); absent or malformed gives an empty list.
QList<qint64> parseIds(const QJsonValue &value);

} // namespace ListingDesk::WordPressJson
