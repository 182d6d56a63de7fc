#pragma once

#include "library.h"
#include "wordpressclient.h"

#include <QHash>
#include <QObject>
#include <QPointer>

#include <functional>

namespace ListingDesk {

/// An image of the local library, as the portal receives it.
struct MediaBlob
{
    QByteArray data;
    QString mimeType;
    QString fileName;
};

/// Where the bytes of a local image (ldmedia:SHA256) come from; the app wires
/// this to the library's media table, tests to whatever they need.
using MediaSource = std::function<Result<MediaBlob>(const QString &sha256)>;

/// The library's own media table as a MediaSource (GUI and CLI publish from it).
MediaSource mediaSourceOf(Library &library);

/// Uploads the local images a body refers to, each at most once per portal,
/// and rewrites the body to the URLs the portal gave them. Jobs running at
/// the same time that need the same image wait for the one upload.
class MediaPublisher : public QObject
{
    Q_OBJECT
public:
    template <class T> using Done = std::function<void(const PortalResult<T> &)>;

    MediaPublisher(Library &library, WordPressClient *client, qint64 portalId, MediaSource source,
                   QObject *parent = nullptr);

    /// The body with every ldmedia: image replaced by its portal URL.
    void publishImages(const QString &bodyHtml, Done<QString> done);

    /// The SHA-256 hashes of the local images in a sanitized body, in order, once each.
    static QStringList localImages(const QString &bodyHtml);

private:
    void next(QString bodyHtml, QStringList pending, Done<QString> done);
    /// The portal URL of one image, uploading it unless an upload of it runs.
    void uploadOnce(const QString &hash, Done<QString> done);

    Library &m_library;
    QPointer<WordPressClient> m_client;
    qint64 m_portalId;
    MediaSource m_source;
    QHash<QString, QList<Done<QString>>> m_uploading; // image hash -> who waits for its URL
};

} // namespace ListingDesk
