// The HTTP front of the fake portal: one FakePortalConnection per TCP
// connection parses requests incrementally (bodies of several MB arrive in
// many pieces) and writes the portal's answers, faults included.

#include "fakeportalserver.h"

#include "fakeportal_p.h"

#include <QHostAddress>
#include <QJsonArray>
#include <QPointer>
#include <QTcpSocket>
#include <QTimer>

#include <sys/socket.h>

namespace ListingDesk::Testing {

using namespace Detail;

namespace {

constexpr qsizetype maxHeadBytes = 64 * 1024;
constexpr qint64 maxBodyBytes = 256LL * 1024 * 1024;

} // namespace

/// One client connection: reads a request, hands it to the portal (or the
/// control API), writes the answer, and waits for the next one on the same
/// connection (keep-alive). Requests are served one after the other; a
/// pipelining client would simply wait.
class FakePortalConnection : public QObject
{
public:
    FakePortalConnection(FakePortalServer *server, QTcpSocket *socket)
        : QObject(server), m_server(server), m_socket(socket)
    {
        ++m_server->m_open;
        m_socket->setParent(this);
        connect(m_socket, &QTcpSocket::readyRead, this, &FakePortalConnection::onReadyRead);
        connect(m_socket, &QTcpSocket::disconnected, this, &QObject::deleteLater);
    }

    ~FakePortalConnection() override { --m_server->m_open; }

private:
    enum class State {
        Head,    ///< reading a request line and headers
        Body,    ///< reading Content-Length bytes
        Busy,    ///< the answer is on a timer
        Hanging, ///< a Hang fault: never answer
        Closing, ///< the answer ends the connection
    };

    void onReadyRead()
    {
        m_buffer.append(m_socket->readAll());
        process();
    }

    void process()
    {
        for (;;) {
            if (m_state == State::Head) {
                while (m_buffer.startsWith("\r\n")) // tolerated between requests (RFC 9112 2.2)
                    m_buffer.remove(0, 2);
                const qsizetype end = m_buffer.indexOf("\r\n\r\n");
                if (end < 0) {
                    if (m_buffer.size() > maxHeadBytes)
                        refuse(431);
                    return;
                }
                const int problem = parseHead(m_buffer.left(end));
                m_buffer.remove(0, end + 4);
                if (problem != 0) {
                    refuse(problem);
                    return;
                }
                if (m_expectContinue && m_buffer.size() < m_contentLength)
                    m_socket->write("HTTP/1.1 100 Continue\r\n\r\n");
                m_state = State::Body;
            }
            if (m_state != State::Body || m_buffer.size() < m_contentLength)
                return;
            const QByteArray body = m_buffer.left(m_contentLength);
            m_buffer.remove(0, m_contentLength);
            dispatch(body);
            if (m_state != State::Head)
                return;
        }
    }

    /// 0 when the head is fine, otherwise the status to refuse it with.
    int parseHead(const QByteArray &head)
    {
        const QList<QByteArray> lines = head.split('\n');
        const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
        if (requestLine.size() != 3 || !requestLine.at(1).startsWith('/') ||
            !requestLine.at(2).startsWith("HTTP/1."))
            return 400;
        m_method = requestLine.at(0);
        m_target = requestLine.at(1);
        const bool http10 = requestLine.at(2) == "HTTP/1.0";
        m_keepAlive = !http10;
        m_headers.clear();
        m_contentLength = 0;
        m_expectContinue = false;
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const QByteArray line = lines.at(i).trimmed();
            const qsizetype colon = line.indexOf(':');
            if (colon <= 0)
                return 400;
            const QByteArray name = line.left(colon).trimmed();
            const QByteArray value = line.mid(colon + 1).trimmed();
            const QByteArray lower = name.toLower();
            if (lower == "content-length") {
                bool ok = false;
                m_contentLength = value.toLongLong(&ok);
                if (!ok || m_contentLength < 0)
                    return 400;
                if (m_contentLength > maxBodyBytes)
                    return 413;
            } else if (lower == "transfer-encoding") {
                return 501; // chunked uploads: neither Qt nor curl -d sends them
            } else if (lower == "connection") {
                const QByteArray token = value.toLower();
                if (token.contains("close"))
                    m_keepAlive = false;
                else if (token.contains("keep-alive"))
                    m_keepAlive = true;
            } else if (lower == "expect") {
                m_expectContinue = value.toLower() == "100-continue";
            }
            m_headers.append(std::make_pair(name, value));
        }
        return 0;
    }

    void dispatch(const QByteArray &body)
    {
        const QUrl url = QUrl::fromEncoded(m_server->serverUrl().toEncoded() + m_target);
        if (std::optional<FakeResponse> answer = m_server->control(m_method, url, body)) {
            transmit(*answer);
            return;
        }
        QNetworkRequest request(url);
        for (const auto &[name, value] : m_headers)
            request.setRawHeader(name, value);
        FakeResponse response = m_server->m_portal->handle(m_method, request, body);
        if (response.hang) {
            m_state = State::Hanging; // the socket stays open until the client closes it
            return;
        }
        const int delay = response.delayMs + m_server->m_latencyMs;
        if (delay <= 0) {
            transmit(response);
            return;
        }
        m_state = State::Busy;
        QTimer::singleShot(delay, this, [this, response] {
            transmit(response);
            process(); // whatever the client sent meanwhile
        });
    }

    /// Writes the answer and leaves the state at Head (ready for the next
    /// request) or Closing.
    void transmit(const FakeResponse &response)
    {
        if (response.status <= 0) {
            // A network error (refused, DNS, TLS) on an accepted connection:
            // the nearest thing is to hang up without a word.
            m_state = State::Closing;
            m_socket->abort();
            return;
        }
        QByteArray out = "HTTP/1.1 " + QByteArray::number(response.status) + ' ' +
                         Detail::reasonPhrase(response.status) + "\r\n";
        for (const auto &[name, value] : response.headers) {
            const QByteArray lower = name.toLower();
            if (lower != "content-length" && lower != "connection")
                out += name + ": " + value + "\r\n";
        }
        const bool cut = response.sendBytes >= 0;
        const bool keepAlive = m_keepAlive && !cut;
        out += "Content-Length: " + QByteArray::number(response.body.size()) + "\r\n";
        out += keepAlive ? "Connection: keep-alive\r\n\r\n" : "Connection: close\r\n\r\n";
        if (m_method != "HEAD")
            out += cut ? response.body.left(response.sendBytes) : response.body;
        m_socket->write(out);
        // Into the kernel now rather than on the next event loop pass: after
        // POST /__fake/quit there may be none.
        m_socket->flush();
        if (keepAlive) {
            m_state = State::Head;
            return;
        }
        m_state = State::Closing;
        if (cut && response.error != QNetworkReply::NoError)
            resetWhenWritten();
        else
            m_socket->disconnectFromHost(); // sends what is buffered, then FIN
    }

    /// A Reset fault: the partial answer reaches the kernel, then the
    /// connection ends with RST rather than FIN.
    void resetWhenWritten()
    {
        m_socket->flush();
        if (m_socket->bytesToWrite() > 0) {
            connect(m_socket, &QTcpSocket::bytesWritten, this, [this] {
                if (m_socket->bytesToWrite() == 0)
                    reset();
            });
            return;
        }
        reset();
    }

    void reset()
    {
        const linger hard{1, 0};
        ::setsockopt(int(m_socket->socketDescriptor()), SOL_SOCKET, SO_LINGER, &hard, sizeof hard);
        m_socket->abort();
    }

    void refuse(int status)
    {
        m_keepAlive = false;
        m_method = "GET";
        transmit(wpError(status, QStringLiteral("bad_request"),
                         QStringLiteral("The fake portal server could not read the request.")));
    }

    FakePortalServer *m_server;
    QTcpSocket *m_socket;
    QByteArray m_buffer;
    State m_state = State::Head;
    QByteArray m_method;
    QByteArray m_target;
    QList<std::pair<QByteArray, QByteArray>> m_headers;
    qint64 m_contentLength = 0;
    bool m_keepAlive = true;
    bool m_expectContinue = false;
};

FaultMix FaultMix::standard()
{
    FaultMix mix;
    mix.error5xx = 0.10;
    mix.reset = 0.05;
    mix.hang = 0.05;
    mix.rate429 = 0.03;
    mix.retryAfterSeconds = 1;
    return mix;
}

FaultMix FaultMix::fromJson(const QJsonObject &object)
{
    FaultMix mix;
    mix.error5xx = object.value(u"error5xx").toDouble();
    mix.reset = object.value(u"reset").toDouble();
    mix.hang = object.value(u"hang").toDouble();
    mix.rate429 = object.value(u"rate429").toDouble();
    mix.retryAfterSeconds = object.value(u"retryAfter").toInt(1);
    return mix;
}

QJsonObject FaultMix::toJson() const
{
    return QJsonObject{{QStringLiteral("error5xx"), error5xx},
                       {QStringLiteral("reset"), reset},
                       {QStringLiteral("hang"), hang},
                       {QStringLiteral("rate429"), rate429},
                       {QStringLiteral("retryAfter"), retryAfterSeconds}};
}

FakePortalServer::FakePortalServer(FakePortal *portal, QObject *parent)
    : QObject(parent), m_portal(portal)
{
    connect(&m_server, &QTcpServer::newConnection, this, &FakePortalServer::onNewConnection);
}

FakePortalServer::~FakePortalServer()
{
    // The connections (the only children) count themselves out in m_open,
    // so they go while this object is still whole.
    qDeleteAll(findChildren<QObject *>(Qt::FindDirectChildrenOnly));
}

bool FakePortalServer::listen(quint16 port)
{
    if (!m_server.listen(QHostAddress::LocalHost, port))
        return false;
    m_portal->setBaseUrl(serverUrl());
    return true;
}

QUrl FakePortalServer::serverUrl() const
{
    QUrl url;
    url.setScheme(QStringLiteral("http"));
    url.setHost(QStringLiteral("127.0.0.1"));
    url.setPort(m_server.serverPort());
    return url;
}

void FakePortalServer::onNewConnection()
{
    while (QTcpSocket *socket = m_server.nextPendingConnection()) {
        ++m_accepted;
        new FakePortalConnection(this, socket);
    }
}

void FakePortalServer::setFaultMix(const FaultMix &mix)
{
    m_mix = mix;
    m_portal->clearFaults();
    // FakePortal draws the faults in order and stops at the first that
    // fires, so each probability is made conditional on the earlier ones
    // not firing: the shares of the mix then hold as given.
    double remaining = 1.0;
    auto add = [&](Fault fault, double share) {
        if (share <= 0.0 || remaining <= 0.0)
            return;
        fault.times = -1;
        fault.probability = qMin(1.0, share / remaining);
        remaining -= share;
        m_portal->addFault(fault);
    };
    for (int status : {500, 502, 503}) {
        Fault fault;
        fault.kind = FaultKind::Status;
        fault.status = status;
        add(fault, mix.error5xx / 3);
    }
    Fault reset;
    reset.kind = FaultKind::Reset;
    add(reset, mix.reset);
    Fault hang;
    hang.kind = FaultKind::Hang;
    add(hang, mix.hang);
    Fault tooMany;
    tooMany.kind = FaultKind::Status;
    tooMany.status = 429;
    tooMany.retryAfter = QByteArray::number(mix.retryAfterSeconds);
    add(tooMany, mix.rate429);
}

std::optional<FakeResponse> FakePortalServer::control(const QByteArray &method, const QUrl &url,
                                                      const QByteArray &body)
{
    const QString path = url.path();
    if (!path.startsWith(u"/__fake/"))
        return std::nullopt;
    if (method == "GET" && path == u"/__fake/posts")
        return postsJson();
    if (method == "GET" && path == u"/__fake/requests")
        return requestCounts();
    if (method == "GET" && path == u"/__fake/faults")
        return jsonResponse(200, m_mix.toJson());
    if (method == "POST" && path == u"/__fake/faults") {
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(body, &error);
        const FaultMix mix = FaultMix::fromJson(document.object());
        const double sum = mix.error5xx + mix.reset + mix.hang + mix.rate429;
        if (error.error != QJsonParseError::NoError || !document.isObject() || sum > 1.0 ||
            mix.error5xx < 0 || mix.reset < 0 || mix.hang < 0 || mix.rate429 < 0)
            return wpError(400, QStringLiteral("bad_fault_mix"),
                           QStringLiteral("Expected {\"error5xx\", \"reset\", \"hang\", "
                                          "\"rate429\", \"retryAfter\"}, shares adding up to at "
                                          "most 1."));
        setFaultMix(mix);
        return jsonResponse(200, m_mix.toJson());
    }
    if (method == "POST" && path == u"/__fake/quit") {
        // Queued, so that the answer is written before anybody quits.
        QTimer::singleShot(0, this, &FakePortalServer::quitRequested);
        return jsonResponse(200, QJsonObject{{QStringLiteral("quitting"), true}});
    }
    return wpError(404, QStringLiteral("no_fake_route"),
                   QStringLiteral("Control routes: GET /__fake/posts, GET /__fake/requests, "
                                  "GET and POST /__fake/faults, POST /__fake/quit."));
}

FakeResponse FakePortalServer::postsJson() const
{
    QJsonArray posts;
    for (const FakePost &post : m_portal->posts())
        posts.append(QJsonObject{
            {QStringLiteral("id"), post.id},
            {QStringLiteral("status"), post.status},
            {QStringLiteral("slug"), post.slug},
            {QStringLiteral("client_key"), post.meta.value(u"listingdesk_client_key").toString()},
            {QStringLiteral("title"), post.title},
            {QStringLiteral("categories"), idArray(post.categories)},
            {QStringLiteral("tags"), idArray(post.tags)},
            {QStringLiteral("city"), idArray(post.cities)},
            {QStringLiteral("date_gmt"), formatGmt(post.dateGmt)},
            {QStringLiteral("modified_gmt"), formatGmt(post.modifiedGmt)}});
    return jsonResponse(200, QJsonDocument(posts));
}

FakeResponse FakePortalServer::requestCounts() const
{
    // Ids folded into {id}, so that "creates" and "updates" read as two routes.
    static const QRegularExpression id(QStringLiteral("/\\d+(?=/|$)"));
    QMap<QString, int> counts;
    for (const RecordedRequest &request : m_portal->requests()) {
        QString route = request.route.isEmpty() ? request.url.path() : request.route;
        route.replace(id, QStringLiteral("/{id}"));
        ++counts[QString::fromLatin1(request.method) + u' ' + route];
    }
    QJsonObject routes;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        routes.insert(it.key(), it.value());
    return jsonResponse(200, QJsonObject{{QStringLiteral("total"), m_portal->requests().size()},
                                         {QStringLiteral("routes"), routes}});
}

} // namespace ListingDesk::Testing
