#pragma once

// An in-memory WordPress for sync tests, in the style of Nextcloud desktop's
// test/syncenginetestutils.h: FakePortal holds the state (posts with meta and
// terms, categories, tags, city, media, users with application passwords, the
// companion plugin on or off, a clock for modified_gmt) and answers REST
// requests the way WordPress 6.1 does; FakeNetworkAccessManager hands those
// answers to the code under test as QNetworkReply objects. Faults (HTTP errors,
// hangs, resets, cut-off bodies, web pages, redirects, delays, "applied but the
// answer was lost") are injected per request by method and route.
//
//     FakePortal portal;
//     portal.addUser("editor", "abcd efgh ijkl");
//     FakeNetworkAccessManager nam(&portal);
//     WordPressClient client(&nam, {portal.baseUrl(), "editor", "abcd efgh ijkl"});
//     portal.addFault({.method = "POST", .route = "^/wp/v2/posts$", .kind = FaultKind::Status,
//                      .status = 503});

#include <QDateTime>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QUrl>
#include <QUrlQuery>

#include <functional>
#include <optional>

namespace ListingDesk::Testing {

struct FakePost
{
    qint64 id = 0;
    QString status = QStringLiteral("draft");
    QString title;
    QString content;
    QString slug;
    QDateTime dateGmt;
    QDateTime modifiedGmt;
    QList<qint64> categories;
    QList<qint64> tags;
    QList<qint64> cities;
    QJsonObject meta; ///< only registered (plugin) keys are kept
    qint64 author = 0;
    qint64 featuredMedia = 0;
};

struct FakeTerm
{
    qint64 id = 0;
    QString name;
    QString slug;
    qint64 parent = 0;
};

struct FakeMedia
{
    qint64 id = 0;
    QString fileName; ///< as the client named it (filename*= preferred)
    QString mimeType;
    QByteArray data;
    QUrl sourceUrl;
};

struct FakeUser
{
    qint64 id = 0;
    QString login;
    QString name;
    QString applicationPassword; ///< compared without spaces, as WordPress does
    bool canPublish = true;      ///< false: an account that may read but not write (403)
};

/// One request as the fake network saw it, for assertions (headers included,
/// so tests can check where the Authorization header went).
struct RecordedRequest
{
    QByteArray method;
    QUrl url;
    QString route; ///< path after /wp-json, e.g. /wp/v2/posts/3; empty off the REST root
    QByteArray authorization;
    QByteArray contentType;
    QByteArray contentDisposition;
    QByteArray body;
};

enum class FaultKind {
    Status,       ///< answer `status` with a WordPress-style JSON error (Retry-After if set)
    Hang,         ///< never answer; only a timeout or abort ends the request
    Reset,        ///< send half of the real answer, then RemoteHostClosedError
    Truncate,     ///< announce the full Content-Length, send half, finish without error
    InvalidJson,  ///< 200 with a PHP notice in front of the JSON
    HtmlPage,     ///< 200 with a login page as text/html
    Redirect,     ///< `status` (default 301) to `redirectTo`; an empty path keeps the request's
    Delay,        ///< the real answer after `delayMs`
    NetworkError, ///< fail with `networkError` (refused, host not found, TLS handshake...)
};

/// Which requests a fault hits and how often. Reset, Truncate and Delay
/// always let the portal apply the request first (the server did its work,
/// the answer suffered); the other kinds replace the request unless
/// afterCommit is set. Status 413, 502 and 504 answer with an HTML page, as a
/// proxy in front of WordPress does. A fault fires on matching
/// requests after `skip` of them went through, `times` times (-1: forever),
/// each time with `probability` drawn from the portal's seeded generator.
struct Fault
{
    QByteArray method; ///< empty: any method
    QString route;     ///< regular expression on the route; empty: any
    FaultKind kind = FaultKind::Status;
    int status = 500;
    QString code;          ///< WordPress error code for Status; a default per status otherwise
    QString message;       ///< WordPress's message for Status
    QByteArray retryAfter; ///< Retry-After header (seconds or HTTP-date) for Status
    QUrl redirectTo;
    int delayMs = 0;
    QNetworkReply::NetworkError networkError = QNetworkReply::ConnectionRefusedError;
    /// Apply the request to the portal first, then fail the answer: the
    /// portal has the change, the client does not know. For exactly-once tests.
    bool afterCommit = false;
    int skip = 0;
    int times = 1;
    double probability = 1.0;
};

/// What the portal answers to one request.
struct FakeResponse
{
    int status = 200;
    QList<std::pair<QByteArray, QByteArray>> headers;
    QByteArray body;
    // transport behaviour (faults)
    bool hang = false;
    int delayMs = 0;
    qint64 sendBytes = -1; ///< send only this many body bytes (-1: all)
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QString errorString;

    void setHeader(const QByteArray &name, const QByteArray &value)
    {
        headers.append(std::make_pair(name, value));
    }
};

class FakePortal
{
public:
    explicit FakePortal(const QUrl &baseUrl = QUrl(QStringLiteral("http://portal.test")));

    QUrl baseUrl() const { return m_baseUrl; }
    /// Moves the site, e.g. to the address a FakePortalServer listens on,
    /// so that the links and source URLs it answers with work there.
    void setBaseUrl(const QUrl &url) { m_baseUrl = url; }
    /// True when the URL is on the portal's host (any scheme: an https
    /// upgrade reaches the same site).
    bool servesHost(const QUrl &url) const;

    // --- setup ---
    void setCompanionPlugin(bool on) { m_plugin = on; }
    bool companionPlugin() const { return m_plugin; }
    void setSiteName(const QString &name) { m_siteName = name; }
    qint64 addUser(const QString &login, const QString &applicationPassword,
                   const QString &name = {}, bool canPublish = true);
    /// taxonomy: categories | tags | city. Returns the new id.
    qint64 addTerm(const QString &taxonomy, const QString &name, const QString &slug = {},
                   qint64 parent = 0);
    /// Stores the post as given (id assigned when 0, times from the clock when invalid).
    qint64 addPost(FakePost post);
    /// Changes a post as an editor on the site would: modified_gmt moves to now().
    bool editPost(qint64 id, const std::function<void(FakePost &)> &change);
    void removePost(qint64 id) { m_posts.remove(id); }

    // --- clock ---
    QDateTime now() const { return m_now; }
    void setNow(const QDateTime &utc) { m_now = utc; }
    void advanceClock(int seconds) { m_now = m_now.addSecs(seconds); }
    /// The site's time zone (Settings → General), as seconds east of UTC.
    /// WordPress reports "date"/"modified" and compares modified_after in it.
    void setUtcOffset(int seconds) { m_utcOffset = seconds; }

    // --- faults ---
    void setSeed(quint32 seed) { m_random.seed(seed); }
    void addFault(const Fault &fault);
    void clearFaults() { m_faults.clear(); }

    // --- inspection ---
    QList<FakePost> posts() const { return m_posts.values(); }
    std::optional<FakePost> post(qint64 id) const;
    std::optional<FakePost> postByClientKey(const QString &key) const;
    std::optional<FakePost> postBySlug(const QString &slug) const;
    QList<FakeTerm> terms(const QString &taxonomy) const { return m_terms.value(taxonomy); }
    QList<FakeMedia> media() const { return m_media.values(); }
    const QList<RecordedRequest> &requests() const { return m_requests; }
    /// Requests whose method matches (empty: any) and whose route matches the
    /// regular expression (empty: any).
    int requestCount(const QByteArray &method = {}, const QString &routePattern = {}) const;
    void clearRequests() { m_requests.clear(); }

    /// The whole exchange for one request: faults, then the REST handler.
    FakeResponse handle(const QByteArray &method, const QNetworkRequest &request,
                        const QByteArray &body);

private:
    struct ActiveFault
    {
        Fault fault;
        QRegularExpression route;
        int seen = 0;
        int fired = 0;
    };
    struct Call
    {
        QByteArray method;
        QString route;
        QUrlQuery query;
        QJsonObject json;
        QByteArray body;
        const FakeUser *user = nullptr;
        QString login;
        bool badCredentials = false;
        QByteArray contentType;
        QByteArray contentDisposition;
    };

    std::optional<Fault> takeFault(const QByteArray &method, const QString &route);
    FakeResponse faultResponse(const Fault &fault, const FakeResponse &real,
                               const QNetworkRequest &request) const;
    FakeResponse route(const Call &call);
    FakeResponse routeTerms(const Call &call, const QString &taxonomy, qint64 id);
    FakeResponse routePosts(const Call &call, qint64 id);
    FakeResponse listPosts(const Call &call);
    FakeResponse writePost(const Call &call, qint64 id);
    FakeResponse trash(const Call &call, qint64 id);
    FakeResponse uploadMedia(const Call &call);
    FakeResponse authenticationFailure(const Call &call) const;

    QJsonObject postJson(const FakePost &post, bool edit) const;
    QJsonObject termJson(const QString &taxonomy, const FakeTerm &term) const;
    QString uniqueSlug(const QString &wanted, qint64 exceptId) const;
    qint64 nextId() { return ++m_lastId; }

    QUrl m_baseUrl;
    QString m_siteName = QStringLiteral("Fake Portal");
    bool m_plugin = true;
    QDateTime m_now;
    int m_utcOffset = 0;
    qint64 m_lastId = 0; // WordPress shares one id sequence between posts and attachments
    qint64 m_lastTermId = 1;
    QList<FakeUser> m_users;
    QMap<qint64, FakePost> m_posts;
    QHash<QString, QList<FakeTerm>> m_terms;
    QMap<qint64, FakeMedia> m_media;
    QList<ActiveFault> m_faults;
    QList<RecordedRequest> m_requests;
    QRandomGenerator m_random{20261129};
};

/// Answers every request from a FakePortal; hosts other than the portal's
/// are "not found" (and recorded, so tests can see that nothing went there).
class FakeNetworkAccessManager : public QNetworkAccessManager
{
    Q_OBJECT

public:
    explicit FakeNetworkAccessManager(FakePortal *portal, QObject *parent = nullptr);

    /// Requests answered or not yet answered at this moment, and the most
    /// there ever were at once: what "N requests at once" is about.
    int openRequests() const { return m_open; }
    int maxOpenRequests() const { return m_maxOpen; }

protected:
    QNetworkReply *createRequest(Operation op, const QNetworkRequest &request,
                                 QIODevice *outgoingData) override;

private:
    FakePortal *m_portal;
    int m_open = 0;
    int m_maxOpen = 0;
};

/// The reply the fake hands out: headers at once, body at the end, or the
/// transport behaviour of a fault (hang, delay, partial body, network error).
class FakeReply : public QNetworkReply
{
    Q_OBJECT

public:
    FakeReply(QNetworkAccessManager::Operation op, const QNetworkRequest &request,
              const QByteArray &verb, FakeResponse response, QObject *parent);

    void abort() override;
    qint64 bytesAvailable() const override;
    bool isSequential() const override { return true; }

protected:
    qint64 readData(char *data, qint64 maxSize) override;

private:
    void respond();

    FakeResponse m_response;
    QByteArray m_payload;
    qint64 m_position = 0;
    bool m_done = false;
};

} // namespace ListingDesk::Testing
