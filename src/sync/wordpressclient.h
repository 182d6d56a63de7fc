#pragma once

#include "portalerror.h"
#include "restjob.h"
#include "wordpresstypes.h"

#include <QElapsedTimer>
#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QQueue>
#include <QSet>
#include <QUrl>
#include <QUrlQuery>

#include <algorithm>
#include <functional>
#include <memory>
#include <optional>

class QNetworkAccessManager;

namespace ListingDesk {

/// Where a portal is and who we are there. The password is an application
/// password (Users → Profile), sent with HTTP Basic; it comes from the
/// keychain and is never stored or logged by this layer.
struct PortalEndpoint
{
    QUrl
        baseUrl; ///< the site, e.g. http://127.0.0.1:8080; a URL ending in /wp-json is accepted too
    QString username;
    QString password;
    int timeoutMs = 30000;
};

/// Speaks the WordPress REST API (/wp-json/wp/v2) plus our companion plugin.
/// The low-level calls return a started RestJob; the typed calls chain jobs
/// (paging, lookups) and report once through a callback, which is skipped
/// when its context object has died. No call blocks or spins an event loop.
class WordPressClient : public QObject
{
    Q_OBJECT

public:
    template <class T> using Done = std::function<void(const PortalResult<T> &)>;

    WordPressClient(QNetworkAccessManager *nam, PortalEndpoint endpoint, QObject *parent = nullptr);

    const PortalEndpoint &endpoint() const { return m_endpoint; }
    /// The least time between the starts of two requests to this portal
    /// (politeness towards a small site); 0 sends at once.
    void setMinimumSpacingMs(int ms) { m_spacingMs = std::max(0, ms); }
    /// At most this many requests on the wire at once; more wait their turn
    /// in the order they were made. 0 sends every request at once.
    void setMaxRequestsInFlight(int n) { m_maxInFlight = std::max(0, n); }
    int requestsInFlight() const { return int(m_holding.size()); }
    /// The REST root, e.g. http://127.0.0.1:8080/wp-json
    QUrl restRoot() const { return m_restRoot; }
    /// The absolute URL of a route such as "/wp/v2/posts".
    QUrl routeUrl(const QString &route, const QUrlQuery &query = {}) const;

    // Low level: each returns a started job; connect to finished() right away.
    RestJob *get(const QString &route, const QUrlQuery &query = {});
    RestJob *post(const QString &route, const QJsonObject &body);
    RestJob *remove(const QString &route, const QUrlQuery &query = {});
    RestJob *upload(const QString &route, const QByteArray &data, const QString &mime,
                    const QString &fileName);
    /// Like get() but without credentials: what anybody on the internet sees.
    RestJob *getAnonymous(const QString &route, const QUrlQuery &query = {});

    /// GET /wp-json/, then /wp/v2/users/me?context=edit, then /listingdesk/v1/info.
    /// Always succeeds with a report; report.problem names what failed.
    void probe(QObject *context, Done<ConnectionReport> done);

    /// Every term of categories, tags or city, all pages (per_page=100).
    void fetchTerms(const QString &taxonomy, QObject *context, Done<QList<RemoteTerm>> done);
    /// Creates a term; when WordPress says term_exists, returns the existing term's id.
    void createTerm(const QString &taxonomy, const RemoteTerm &term, QObject *context,
                    Done<RemoteTerm> done);

    void createPost(const PostPayload &payload, QObject *context, Done<RemotePost> done);
    void updatePost(qint64 id, const PostPayload &payload, QObject *context, Done<RemotePost> done);
    /// Moves a post to the trash; a post already in the trash is fetched and returned.
    void trashPost(qint64 id, QObject *context, Done<RemotePost> done);
    void fetchPost(qint64 id, QObject *context, Done<RemotePost> done);
    /// The post carrying our idempotency key, in any status including trash.
    /// With the plugin the key is post meta; without it, it is the slug
    /// (WordPress renames a trashed post's slug to KEY__trashed). Keys should be
    /// lowercase ASCII so that WordPress keeps the slug as it is.
    void findPostByClientKey(const QString &key, bool companionPlugin, QObject *context,
                             Done<std::optional<RemotePost>> done);
    void uploadMedia(const QByteArray &data, const QString &mime, const QString &fileName,
                     QObject *context, Done<RemoteMedia> done);
    /// Posts whose modified_gmt is after afterUtc (invalid = all), in every
    /// status including trash so that remote deletions show, oldest change first.
    void fetchPostsModifiedAfter(const QDateTime &afterUtc, QObject *context,
                                 Done<QList<RemotePost>> done);

    /// Every status WordPress allows us to list, trash included ("any" leaves trash out).
    static QString allStatuses();
    /// The Content-Disposition value for an upload: a plain filename WordPress
    /// reads, plus filename*=UTF-8'' (RFC 5987) for everybody else.
    static QByteArray contentDisposition(const QString &fileName);

private:
    /// The caller's context object: a callback runs only while it lives
    /// (a null context means "always").
    struct Guard
    {
        explicit Guard(QObject *context) : object(context), hadObject(context != nullptr) {}
        bool alive() const { return !hadObject || object; }
        QPointer<QObject> object;
        bool hadObject;
    };
    using PageDone = std::function<void(const PortalResult<QList<QJsonObject>> &)>;

    RestJob *startJob(const QByteArray &verb, const QString &route, const QUrlQuery &query,
                      const QByteArray &body, const QByteArray &contentType, bool authenticate,
                      const QByteArray &disposition = {});
    /// Fetches route page by page until X-WP-TotalPages (or a short page).
    void fetchAllPages(const QString &route, QUrlQuery query, QObject *context, PageDone done);
    void fetchPage(const QString &route, const QUrlQuery &query, int page,
                   std::shared_ptr<QList<QJsonObject>> items, Guard guard, PageDone done);
    void postRequest(RestJob *job, QObject *context, Done<RemotePost> done);
    /// Runs then(job) when the job finishes, if the guard's context still lives.
    void whenFinished(RestJob *job, Guard guard, std::function<void(RestJob *)> then);
    void probeUser(std::shared_ptr<ConnectionReport> report, Guard guard,
                   Done<ConnectionReport> done);
    void probePlugin(std::shared_ptr<ConnectionReport> report, Guard guard,
                     Done<ConnectionReport> done);

    QPointer<QNetworkAccessManager> m_nam;
    PortalEndpoint m_endpoint;
    QUrl m_restRoot;
    QByteArray m_authorization;
    void launch(RestJob *job);
    void releaseSlot(RestJob *job);

    int m_spacingMs = 0;
    int m_maxInFlight = 0;
    QSet<RestJob *> m_holding;           ///< started jobs that hold a slot
    QQueue<QPointer<RestJob>> m_waiting; ///< jobs waiting for a slot
    QElapsedTimer m_pace;                ///< runs from the first request on
    qint64 m_nextSlotMs = 0;             ///< m_pace time at which the next request may start
};

} // namespace ListingDesk
