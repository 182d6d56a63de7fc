#include "mediapublisher.h"

#include "synclog.h"

#include <QMimeDatabase>
#include <QRegularExpression>

namespace ListingDesk {

namespace {

PortalError permanent(const QString &message)
{
    PortalError error;
    error.kind = PortalError::Kind::Permanent;
    error.message = message;
    return error;
}

// The sanitizer writes every attribute as name="value", so a local image is
// always the exact text src="ldmedia:<64 hex>": a token of our own scheme,
// not HTML to be parsed.
QString srcOf(const QString &sha256)
{
    return QStringLiteral("src=\"ldmedia:") + sha256 + u'"';
}

} // namespace

MediaSource mediaSourceOf(Library &library)
{
    return [&library](const QString &sha256) -> Result<MediaBlob> {
        auto info = library.media().info(sha256);
        if (!info)
            return info.error();
        auto data = library.media().data(sha256);
        if (!data)
            return data.error();
        QString fileName = info.value().fileName;
        if (fileName.isEmpty()) {
            // Pasted images have no name; the portal wants one with a suffix.
            const QString suffix =
                QMimeDatabase().mimeTypeForName(info.value().mimeType).preferredSuffix();
            fileName = sha256.left(16) + u'.' + (suffix.isEmpty() ? QStringLiteral("bin") : suffix);
        }
        return MediaBlob{data.value(), info.value().mimeType, fileName};
    };
}

MediaPublisher::MediaPublisher(Library &library, WordPressClient *client, qint64 portalId,
                               MediaSource source, QObject *parent)
    : QObject(parent), m_library(library), m_client(client), m_portalId(portalId),
      m_source(std::move(source))
{
}

QStringList MediaPublisher::localImages(const QString &bodyHtml)
{
    static const QRegularExpression pattern(QStringLiteral("src=\"ldmedia:([0-9a-f]{64})\""));
    QStringList hashes;
    for (auto it = pattern.globalMatch(bodyHtml); it.hasNext();) {
        const QString hash = it.next().captured(1);
        if (!hashes.contains(hash))
            hashes << hash;
    }
    return hashes;
}

void MediaPublisher::publishImages(const QString &bodyHtml, Done<QString> done)
{
    next(bodyHtml, localImages(bodyHtml), std::move(done));
}

void MediaPublisher::next(QString bodyHtml, QStringList pending, Done<QString> done)
{
    if (pending.isEmpty())
        return done(bodyHtml);
    const QString hash = pending.takeFirst();
    auto known = m_library.remotePosts().uploadedMediaUrl(m_portalId, hash);
    if (!known)
        return done(permanent(known.error().message));
    if (!known.value().isEmpty()) {
        bodyHtml.replace(srcOf(hash),
                         QStringLiteral("src=\"") + known.value().toHtmlEscaped() + u'"');
        return next(bodyHtml, pending, done);
    }
    uploadOnce(hash,
               [this, hash, bodyHtml, pending, done](const PortalResult<QString> &url) mutable {
                   if (!url)
                       return done(url.error());
                   bodyHtml.replace(srcOf(hash),
                                    QStringLiteral("src=\"") + url.value().toHtmlEscaped() + u'"');
                   next(bodyHtml, pending, done);
               });
}

void MediaPublisher::uploadOnce(const QString &hash, Done<QString> done)
{
    auto waiting = m_uploading.find(hash);
    if (waiting != m_uploading.end()) {
        waiting->append(std::move(done));
        return;
    }
    if (!m_source)
        return done(permanent(tr("This body has images, but no image store is connected.")));
    auto read = m_source(hash);
    if (!read)
        return done(permanent(tr("An image of this listing is missing from the library (%1).")
                                  .arg(read.error().message)));
    const MediaBlob &blob = read.value();
    if (!m_client)
        return done(permanent(tr("The portal connection was closed.")));
    m_uploading.insert(hash, {std::move(done)});
    const QString fileName = blob.fileName.isEmpty() ? hash.left(16) : blob.fileName;
    qCDebug(lcSync) << "uploading image" << hash.left(12) << blob.data.size() << "bytes";
    m_client->uploadMedia(blob.data, blob.mimeType, fileName, this,
                          [this, hash](const PortalResult<RemoteMedia> &uploaded) {
                              PortalResult<QString> url = QString();
                              if (!uploaded) {
                                  url = uploaded.error();
                              } else {
                                  url = uploaded.value().sourceUrl.toString();
                                  if (auto recorded = m_library.remotePosts().recordMediaUpload(
                                          m_portalId, hash, uploaded.value().id, url.value());
                                      !recorded)
                                      url = permanent(recorded.error().message);
                              }
                              const QList<Done<QString>> waiters = m_uploading.take(hash);
                              for (const Done<QString> &waiter : waiters)
                                  waiter(url);
                          });
}

} // namespace ListingDesk
