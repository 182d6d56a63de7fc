#include "mediarepository.h"

#include "sqlstatement.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QImageReader>
#include <QMimeDatabase>

namespace ListingDesk {

namespace {

bool isSha256(const QString &text)
{
    if (text.size() != 64)
        return false;
    for (const QChar c : text) {
        if (!((c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f')))
            return false;
    }
    return true;
}

Error notFound(const QString &sha256)
{
    return makeError(
        Error::Kind::NotFound,
        QCoreApplication::translate("MediaRepository", "The image %1 is not in this library.")
            .arg(sha256.left(12)));
}

} // namespace

QString MediaRepository::scheme()
{
    return QStringLiteral("ldmedia");
}

QUrl MediaRepository::urlFor(const QString &sha256)
{
    return QUrl(scheme() + u':' + sha256);
}

QString MediaRepository::hashFromUrl(const QUrl &url)
{
    if (url.scheme().compare(scheme(), Qt::CaseInsensitive) != 0)
        return {};
    const QString hash = url.path().toLower();
    return isSha256(hash) ? hash : QString();
}

Result<MediaInfo> MediaRepository::store(const QByteArray &bytes, const QString &fileName)
{
    QBuffer buffer;
    buffer.setData(bytes);
    buffer.open(QIODevice::ReadOnly);
    QImageReader reader(&buffer);
    const QSize size = reader.size();
    const QByteArray format = reader.format();
    // size() reads only the header; an image that fails there is not one we can show.
    if (bytes.isEmpty() || format.isEmpty() || !size.isValid() || size.isEmpty())
        return makeError(Error::Kind::Data,
                         QCoreApplication::translate("MediaRepository",
                                                     "%1 is not an image ListingDesk can read "
                                                     "(PNG, JPEG, GIF, BMP or WebP).")
                             .arg(fileName.isEmpty() ? QCoreApplication::translate(
                                                           "MediaRepository", "The pasted data")
                                                     : fileName));

    const QString sha256 =
        QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
    if (auto existing = info(sha256); existing.ok())
        return existing;

    MediaInfo media;
    media.sha256 = sha256;
    media.mimeType = QMimeDatabase().mimeTypeForData(bytes).name();
    if (!media.mimeType.startsWith(QLatin1String("image/")))
        media.mimeType = QStringLiteral("image/") + QString::fromLatin1(format);
    media.byteSize = bytes.size();
    media.width = size.width();
    media.height = size.height();
    media.fileName = fileName;
    media.createdAt = QDateTime::currentDateTimeUtc();
    SqlStatement insert(m_db, QStringLiteral("INSERT INTO media (sha256, mime_type, byte_size, "
                                             "width, height, file_name, data, created_at) "
                                             "VALUES (?, ?, ?, ?, ?, coalesce(?, ''), ?, ?)"));
    if (auto done =
            insert.exec({media.sha256, media.mimeType, media.byteSize, media.width, media.height,
                         media.fileName, bytes, media.createdAt.toString(Qt::ISODateWithMs)});
        !done)
        return done.error();
    media.createdAt =
        QDateTime::fromString(media.createdAt.toString(Qt::ISODateWithMs), Qt::ISODateWithMs);
    return media;
}

Result<QByteArray> MediaRepository::data(const QString &sha256)
{
    SqlStatement query(m_db, QStringLiteral("SELECT data FROM media WHERE sha256 = ?"));
    if (auto done = query.exec({sha256.toLower()}); !done)
        return done.error();
    if (!query.next())
        return notFound(sha256);
    return query.value(0).toByteArray();
}

Result<MediaInfo> MediaRepository::info(const QString &sha256)
{
    SqlStatement query(m_db, QStringLiteral("SELECT sha256, mime_type, byte_size, width, height, "
                                            "file_name, created_at FROM media WHERE sha256 = ?"));
    if (auto done = query.exec({sha256.toLower()}); !done)
        return done.error();
    if (!query.next())
        return notFound(sha256);
    MediaInfo media;
    media.sha256 = query.value(0).toString();
    media.mimeType = query.value(1).toString();
    media.byteSize = query.value(2).toLongLong();
    media.width = query.value(3).toInt();
    media.height = query.value(4).toInt();
    media.fileName = query.value(5).toString();
    media.createdAt = QDateTime::fromString(query.value(6).toString(), Qt::ISODateWithMs);
    return media;
}

Result<int> MediaRepository::count()
{
    SqlStatement query(m_db, QStringLiteral("SELECT count(*) FROM media"));
    if (auto done = query.exec(); !done)
        return done.error();
    if (!query.next())
        return 0;
    return query.value(0).toInt();
}

} // namespace ListingDesk
