#pragma once

#include "result.h"

#include <QByteArray>
#include <QDateTime>
#include <QSqlDatabase>
#include <QString>
#include <QUrl>

namespace ListingDesk {

/// What the library knows about one stored image.
struct MediaInfo
{
    QString sha256;   ///< lower-case hex; the image's identity
    QString mimeType; ///< "image/png"
    qint64 byteSize = 0;
    int width = 0;
    int height = 0;
    QString fileName; ///< the file it was inserted from; empty for pasted images
    QDateTime createdAt;
};

/// Images of articles, kept in the library by SHA-256 of their bytes so that
/// the same picture is stored once however often it is inserted. Article HTML
/// refers to them by urlFor() until they are uploaded to a portal.
class MediaRepository
{
public:
    explicit MediaRepository(QSqlDatabase db) : m_db(std::move(db)) {}

    /// The scheme of media URLs ("ldmedia"), as the sanitizer allows it for images.
    static QString scheme();
    /// "ldmedia:<sha256>".
    static QUrl urlFor(const QString &sha256);
    /// The hash in an ldmedia URL; empty for any other URL.
    static QString hashFromUrl(const QUrl &url);

    /// Stores \a bytes if they are an image QImageReader can read (an existing
    /// copy is reused); refuses anything else with a message saying so.
    Result<MediaInfo> store(const QByteArray &bytes, const QString &fileName = {});
    Result<QByteArray> data(const QString &sha256);
    Result<MediaInfo> info(const QString &sha256);
    /// How many images the library holds.
    Result<int> count();

private:
    QSqlDatabase m_db;
};

} // namespace ListingDesk
