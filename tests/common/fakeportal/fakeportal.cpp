// The fake portal's state, its fault injection and the small REST routes
// (index, users/me, plugin info); posts, terms and media live in
// fakeportalroutes.cpp.

#include "fakeportal.h"

#include "fakeportal_p.h"

#include <QTimeZone>

namespace ListingDesk::Testing {

namespace Detail {

FakeResponse jsonResponse(int status, const QJsonDocument &document)
{
    FakeResponse response;
    response.status = status;
    response.setHeader("Content-Type", "application/json; charset=UTF-8");
    response.body = document.toJson(QJsonDocument::Compact);
    return response;
}

FakeResponse wpError(int status, const QString &code, const QString &message,
                     const QJsonObject &extraData)
{
    QJsonObject data = extraData;
    data.insert(u"status", status);
    return jsonResponse(status, QJsonObject{{QStringLiteral("code"), code},
                                            {QStringLiteral("message"), message},
                                            {QStringLiteral("data"), data}});
}

FakeResponse htmlResponse(int status, const QString &title, const QString &text)
{
    FakeResponse response;
    response.status = status;
    response.setHeader("Content-Type", "text/html; charset=UTF-8");
    response.body = QStringLiteral("<!DOCTYPE html>\n<html><head><title>%1</title></head>"
                                   "<body><h1>%1</h1><p>%2</p></body></html>\n")
                        .arg(title, text)
                        .toUtf8();
    return response;
}

QString slugify(const QString &text)
{
    QString slug;
    const QByteArray utf8 = text.trimmed().toLower().toUtf8();
    for (char c : utf8) {
        const auto byte = static_cast<unsigned char>(c);
        if ((byte >= 'a' && byte <= 'z') || (byte >= '0' && byte <= '9') || byte == '-' ||
            byte == '_')
            slug += QLatin1Char(c);
        else if (byte == ' ')
            slug += u'-';
        else if (byte >= 0x80)
            slug += QStringLiteral("%%1").arg(byte, 2, 16, QLatin1Char('0'));
    }
    return slug;
}

QString formatGmt(const QDateTime &time)
{
    return time.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss"));
}

QJsonArray idArray(const QList<qint64> &ids)
{
    QJsonArray array;
    for (qint64 id : ids)
        array.append(id);
    return array;
}

QList<qint64> idList(const QJsonValue &value)
{
    QList<qint64> ids;
    for (const QJsonValue &item : value.toArray())
        ids.append(item.toInteger());
    return ids;
}

QStringList listParameter(const QUrlQuery &query, const QString &name)
{
    QStringList values;
    const QStringList raw =
        query.allQueryItemValues(name, QUrl::FullyDecoded) +
        query.allQueryItemValues(name + QStringLiteral("[]"), QUrl::FullyDecoded);
    for (const QString &item : raw)
        for (const QString &part : item.split(u',', Qt::SkipEmptyParts))
            values.append(part.trimmed());
    return values;
}

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 201:
        return "Created";
    case 301:
        return "Moved Permanently";
    case 302:
        return "Found";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 409:
        return "Conflict";
    case 410:
        return "Gone";
    case 413:
        return "Payload Too Large";
    case 429:
        return "Too Many Requests";
    case 431:
        return "Request Header Fields Too Large";
    case 500:
        return "Internal Server Error";
    case 501:
        return "Not Implemented";
    case 502:
        return "Bad Gateway";
    case 503:
        return "Service Unavailable";
    case 504:
        return "Gateway Timeout";
    default:
        return "Status";
    }
}

} // namespace Detail

using namespace Detail;

FakePortal::FakePortal(const QUrl &baseUrl)
    : m_baseUrl(baseUrl), m_now(QDate(2026, 1, 5), QTime(8, 0), QTimeZone::utc())
{
    addTerm(QStringLiteral("categories"), QStringLiteral("Uncategorized"),
            QStringLiteral("uncategorized"));
}

bool FakePortal::servesHost(const QUrl &url) const
{
    return url.host().compare(m_baseUrl.host(), Qt::CaseInsensitive) == 0;
}

qint64 FakePortal::addUser(const QString &login, const QString &applicationPassword,
                           const QString &name, bool canPublish)
{
    FakeUser user;
    user.id = m_users.size() + 1;
    user.login = login;
    user.name = name.isEmpty() ? login : name;
    user.applicationPassword = applicationPassword;
    user.canPublish = canPublish;
    m_users.append(user);
    return user.id;
}

qint64 FakePortal::addTerm(const QString &taxonomy, const QString &name, const QString &slug,
                           qint64 parent)
{
    FakeTerm term;
    term.id = m_lastTermId++;
    term.name = name;
    term.slug = slug.isEmpty() ? slugify(name) : slug;
    term.parent = parent;
    m_terms[taxonomy].append(term);
    return term.id;
}

qint64 FakePortal::addPost(FakePost post)
{
    if (post.id == 0)
        post.id = nextId();
    m_lastId = qMax(m_lastId, post.id);
    if (!post.dateGmt.isValid())
        post.dateGmt = m_now;
    if (!post.modifiedGmt.isValid())
        post.modifiedGmt = m_now;
    m_posts.insert(post.id, post);
    return post.id;
}

bool FakePortal::editPost(qint64 id, const std::function<void(FakePost &)> &change)
{
    auto it = m_posts.find(id);
    if (it == m_posts.end())
        return false;
    change(*it);
    it->modifiedGmt = m_now;
    return true;
}

void FakePortal::addFault(const Fault &fault)
{
    ActiveFault active;
    active.fault = fault;
    if (!fault.route.isEmpty())
        active.route = QRegularExpression(fault.route);
    m_faults.append(active);
}

std::optional<FakePost> FakePortal::post(qint64 id) const
{
    auto it = m_posts.find(id);
    if (it == m_posts.end())
        return std::nullopt;
    return *it;
}

std::optional<FakePost> FakePortal::postByClientKey(const QString &key) const
{
    for (const FakePost &post : m_posts)
        if (post.meta.value(u"listingdesk_client_key").toString() == key)
            return post;
    return std::nullopt;
}

std::optional<FakePost> FakePortal::postBySlug(const QString &slug) const
{
    for (const FakePost &post : m_posts)
        if (post.slug == slug)
            return post;
    return std::nullopt;
}

int FakePortal::requestCount(const QByteArray &method, const QString &routePattern) const
{
    const QRegularExpression pattern(routePattern);
    int count = 0;
    for (const RecordedRequest &request : m_requests)
        if ((method.isEmpty() || request.method == method) &&
            (routePattern.isEmpty() || pattern.match(request.route).hasMatch()))
            ++count;
    return count;
}

std::optional<Fault> FakePortal::takeFault(const QByteArray &method, const QString &route)
{
    std::optional<Fault> chosen;
    for (ActiveFault &active : m_faults) {
        if (!active.fault.method.isEmpty() && active.fault.method != method)
            continue;
        if (!active.fault.route.isEmpty() && !active.route.match(route).hasMatch())
            continue;
        ++active.seen;
        if (chosen || active.seen <= active.fault.skip)
            continue;
        if (active.fault.times >= 0 && active.fired >= active.fault.times)
            continue;
        if (active.fault.probability < 1.0 && m_random.generateDouble() >= active.fault.probability)
            continue;
        ++active.fired;
        chosen = active.fault;
    }
    return chosen;
}

FakeResponse FakePortal::faultResponse(const Fault &fault, const FakeResponse &real,
                                       const QNetworkRequest &request) const
{
    FakeResponse response;
    switch (fault.kind) {
    case FaultKind::Status: {
        const int status = fault.status;
        if (status == 413 || status == 502 || status == 504) {
            // What nginx in front of WordPress sends: a web page, not JSON.
            response = htmlResponse(status, QStringLiteral("%1 Error").arg(status),
                                    QStringLiteral("nginx"));
        } else {
            QString code = fault.code;
            if (code.isEmpty())
                code = status == 401   ? QStringLiteral("incorrect_password")
                       : status == 403 ? QStringLiteral("rest_forbidden")
                       : status == 404 ? QStringLiteral("rest_no_route")
                       : status == 409 ? QStringLiteral("rest_conflict")
                       : status == 429 ? QStringLiteral("too_many_requests")
                       : status >= 500 ? QStringLiteral("internal_server_error")
                                       : QStringLiteral("rest_invalid_param");
            const QString message = fault.message.isEmpty()
                                        ? QStringLiteral("Injected error %1.").arg(status)
                                        : fault.message;
            response = wpError(status, code, message);
        }
        if (!fault.retryAfter.isEmpty())
            response.setHeader("Retry-After", fault.retryAfter);
        return response;
    }
    case FaultKind::Hang:
        response.hang = true;
        return response;
    case FaultKind::Reset:
        response = real;
        response.sendBytes = real.body.size() / 2;
        response.error = QNetworkReply::RemoteHostClosedError;
        response.errorString = QStringLiteral("Connection closed");
        return response;
    case FaultKind::Truncate:
        response = real;
        response.sendBytes = real.body.size() / 2;
        return response;
    case FaultKind::InvalidJson:
        response = jsonResponse(200, QJsonObject{{QStringLiteral("id"), 1}});
        response.body.prepend("<br />\n<b>Notice</b>:  Undefined index: city in "
                              "<b>/var/www/html/wp-content/themes/portal/functions.php</b> on "
                              "line <b>42</b><br />\n");
        return response;
    case FaultKind::HtmlPage:
        return htmlResponse(200, QStringLiteral("Log In &lsaquo; Portal"),
                            QStringLiteral("<form id=\"loginform\">Username or Email</form>"));
    case FaultKind::Redirect: {
        QUrl target = fault.redirectTo;
        if (target.path().isEmpty()) {
            target.setPath(request.url().path());
            target.setQuery(request.url().query());
        }
        response.status = fault.status >= 300 && fault.status < 400 ? fault.status : 301;
        response.setHeader("Location", target.toEncoded());
        response.setHeader("Content-Type", "text/html; charset=UTF-8");
        return response;
    }
    case FaultKind::Delay:
        response = real;
        response.delayMs = fault.delayMs;
        return response;
    case FaultKind::NetworkError:
        response.status = 0;
        response.error = fault.networkError;
        response.errorString = QStringLiteral("Injected network error");
        return response;
    }
    return real;
}

FakeResponse FakePortal::handle(const QByteArray &method, const QNetworkRequest &request,
                                const QByteArray &body)
{
    const QUrl url = request.url();
    RecordedRequest record;
    record.method = method;
    record.url = url;
    record.authorization = request.rawHeader("Authorization");
    record.contentType = request.rawHeader("Content-Type");
    record.contentDisposition = request.rawHeader("Content-Disposition");
    record.body = body;

    const QString restPrefix = m_baseUrl.path() + QStringLiteral("/wp-json");
    const QString path = url.path();
    const bool isRest = path == restPrefix || path.startsWith(restPrefix + u'/');
    if (isRest) {
        record.route = path.mid(restPrefix.size());
        if (record.route.isEmpty())
            record.route = QStringLiteral("/");
    }
    m_requests.append(record);

    if (!servesHost(url)) {
        FakeResponse response;
        response.status = 0;
        response.error = QNetworkReply::HostNotFoundError;
        response.errorString = QStringLiteral("Host %1 not found").arg(url.host());
        return response;
    }

    const std::optional<Fault> fault = takeFault(method, record.route);
    const bool needsReal =
        fault && (fault->afterCommit || fault->kind == FaultKind::Reset ||
                  fault->kind == FaultKind::Truncate || fault->kind == FaultKind::Delay);
    if (fault && !needsReal)
        return faultResponse(*fault, {}, request);

    FakeResponse real;
    if (!isRest) {
        real = htmlResponse(404, QStringLiteral("Page not found"),
                            QStringLiteral("It looks like nothing was found at this location."));
    } else {
        Call call;
        call.method = method;
        call.route = record.route;
        call.query = QUrlQuery(url);
        call.body = body;
        call.contentType = record.contentType;
        call.contentDisposition = record.contentDisposition;
        if (record.contentType.startsWith("application/json"))
            call.json = QJsonDocument::fromJson(body).object();
        if (record.authorization.startsWith("Basic ")) {
            const QByteArray decoded = QByteArray::fromBase64(record.authorization.mid(6));
            const qsizetype colon = decoded.indexOf(':');
            const QString login = QString::fromUtf8(decoded.left(colon));
            QString password = QString::fromUtf8(decoded.mid(colon + 1));
            password.remove(u' ');
            call.login = login;
            call.badCredentials = true;
            for (const FakeUser &user : m_users) {
                QString expected = user.applicationPassword;
                expected.remove(u' ');
                if (user.login == login && expected == password) {
                    call.user = &user;
                    call.badCredentials = false;
                }
            }
        }
        real = call.badCredentials ? authenticationFailure(call) : route(call);
    }
    return fault ? faultResponse(*fault, real, request) : real;
}

FakeResponse FakePortal::authenticationFailure(const Call &call) const
{
    // WordPress checks an Authorization header on every request, public
    // routes included, and refuses the whole request when it is wrong.
    for (const FakeUser &user : m_users)
        if (user.login == call.login)
            return wpError(401, QStringLiteral("incorrect_password"),
                           QStringLiteral("The provided password is an invalid application "
                                          "password."));
    return wpError(401, QStringLiteral("invalid_username"),
                   QStringLiteral("Unknown username. Check again or try your email address."));
}

FakeResponse FakePortal::route(const Call &call)
{
    static const QRegularExpression termRoute(
        QStringLiteral("^/wp/v2/(categories|tags|city)(?:/(\\d+))?/?$"));
    static const QRegularExpression postRoute(QStringLiteral("^/wp/v2/posts(?:/(\\d+))?/?$"));
    const QString &path = call.route;

    if (path == u"/" && call.method == "GET") {
        QJsonArray namespaces{QStringLiteral("oembed/1.0"), QStringLiteral("wp/v2"),
                              QStringLiteral("wp-site-health/v1")};
        if (m_plugin)
            namespaces.append(QStringLiteral("listingdesk/v1"));
        return jsonResponse(200,
                            QJsonObject{{QStringLiteral("name"), m_siteName},
                                        {QStringLiteral("description"), QStringLiteral("Listings")},
                                        {QStringLiteral("url"), m_baseUrl.toString()},
                                        {QStringLiteral("home"), m_baseUrl.toString()},
                                        {QStringLiteral("namespaces"), namespaces}});
    }
    if (path == u"/wp/v2/users/me" && call.method == "GET") {
        if (!call.user)
            return wpError(401, QStringLiteral("rest_not_logged_in"),
                           QStringLiteral("You are not currently logged in."));
        return jsonResponse(200, QJsonObject{{QStringLiteral("id"), call.user->id},
                                             {QStringLiteral("name"), call.user->name},
                                             {QStringLiteral("slug"), call.user->login}});
    }
    if (path == u"/listingdesk/v1/info" && call.method == "GET" && m_plugin) {
        return jsonResponse(
            200, QJsonObject{{QStringLiteral("plugin"), QStringLiteral("listingdesk-portal")},
                             {QStringLiteral("version"), QStringLiteral("1.0.0")},
                             {QStringLiteral("features"),
                              QJsonArray{QStringLiteral("city"), QStringLiteral("meta"),
                                         QStringLiteral("client_key"), QStringLiteral("views")}}});
    }
    if (const auto match = termRoute.match(path); match.hasMatch()) {
        if (match.captured(1) != u"city" || m_plugin)
            return routeTerms(call, match.captured(1), match.captured(2).toLongLong());
    }
    if (const auto match = postRoute.match(path); match.hasMatch())
        return routePosts(call, match.captured(1).toLongLong());
    if (path == u"/wp/v2/media" && call.method == "POST")
        return uploadMedia(call);
    return wpError(404, QStringLiteral("rest_no_route"),
                   QStringLiteral("No route was found matching the URL and request method."));
}

} // namespace ListingDesk::Testing
