#pragma once

#include "portalerror.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <optional>

namespace ListingDesk {

/// A term of a WordPress taxonomy (categories, tags, or the plugin's city).
struct RemoteTerm
{
    qint64 id = 0;
    QString name;
    QString slug;
    qint64 parent = 0;
};

/// What we send to create or update a post. Empty fields and lists are left
/// out of the JSON, so that an update touches only what it names; title and
/// content are always sent.
struct PostPayload
{
    QString title;
    QString contentHtml;
    QString status; ///< publish | draft | future; empty = the portal's default (draft)
    QString slug;
    QDateTime dateGmt;
    QList<qint64> categories;
    QList<qint64> tags;
    QList<qint64> cities; ///< the companion plugin's city taxonomy
    QJsonObject meta;
    qint64 featuredMedia = 0; ///< a RemoteMedia id; 0 = leave as it is
};

/// A post as the portal has it (parsed from context=edit).
struct RemotePost
{
    qint64 id = 0;
    QString status;
    QString title;       ///< raw; rendered when raw is absent
    QString contentHtml; ///< raw; rendered when raw is absent
    QString slug;
    QUrl link;
    QDateTime dateGmt;
    QDateTime modifiedGmt;
    QList<qint64> categories;
    QList<qint64> tags;
    QList<qint64> cities;
    QJsonObject meta; ///< empty on plain WordPress (it sends "meta": [])
    qint64 featuredMedia = 0;
};

/// An uploaded file in the media library.
struct RemoteMedia
{
    qint64 id = 0;
    QUrl sourceUrl;
};

/// What "Test connection" found, step by step; problem names the first step
/// that failed.
struct ConnectionReport
{
    bool reachable = false;
    bool restApi = false;
    bool authenticated = false;
    bool companionPlugin = false;
    QString siteName;
    QString userName;
    QString pluginVersion;
    QStringList features;
    std::optional<PortalError> problem;
};

} // namespace ListingDesk
