// RestJob over real sockets and Qt's real HTTP stack (a tiny server on
// 127.0.0.1), for what the fake network cannot prove: that Qt itself does not
// follow a redirect to another host with our Authorization header, and that
// timeouts, refused connections and cut-off bodies classify as transient.

#include "restjob.h"

#include <QElapsedTimer>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#include <functional>
#include <memory>

using namespace ListingDesk;

namespace {

/// Answers each HTTP request with whatever respond() returns (empty: never
/// answer) and keeps the raw requests.
class TinyHttpServer : public QObject
{
public:
    using Responder = std::function<QByteArray(const QByteArray &request)>;

    explicit TinyHttpServer(Responder respond) : m_respond(std::move(respond))
    {
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection()) {
                ++connections;
                connect(socket, &QTcpSocket::readyRead, this, [this, socket] { read(socket); });
                connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            }
        });
        m_server.listen(QHostAddress::LocalHost);
    }
    quint16 port() const { return m_server.serverPort(); }

    QList<QByteArray> requests;
    int connections = 0;

private:
    void read(QTcpSocket *socket)
    {
        QByteArray &buffer = m_buffers[socket];
        buffer += socket->readAll();
        const qsizetype end = buffer.indexOf("\r\n\r\n");
        if (end < 0)
            return;
        qsizetype length = 0;
        for (const QByteArray &line : buffer.left(end).split('\n'))
            if (line.toLower().startsWith("content-length:"))
                length = line.mid(15).trimmed().toLongLong();
        if (buffer.size() < end + 4 + length)
            return;
        const QByteArray request = buffer.left(end + 4 + length);
        buffer.remove(0, request.size());
        requests.append(request);
        const QByteArray answer = m_respond(request);
        if (answer.isEmpty())
            return; // hang
        socket->write(answer);
        socket->disconnectFromHost();
    }

    QTcpServer m_server;
    Responder m_respond;
    QHash<QTcpSocket *, QByteArray> m_buffers;
};

QByteArray httpAnswer(int status, const QByteArray &headers, const QByteArray &body)
{
    return "HTTP/1.1 " + QByteArray::number(status) + " X\r\nConnection: close\r\n" + headers +
           "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body;
}

} // namespace

class TestRestJob : public QObject
{
    Q_OBJECT

private slots:
    void crossHostRedirectNotFollowed();
    void sameOriginRedirectFollowed();
    void timeoutOnSilentServer();
    void connectionRefused();
    void bodyCutOff();
    void webPageInsteadOfJson();

private:
    // Runs one job to its end and returns its error (nullopt: success).
    std::optional<PortalError> run(const QUrl &url, const QByteArray &verb = "GET",
                                   int timeoutMs = 5000, QJsonDocument *json = nullptr);

    QNetworkAccessManager m_nam;
};

std::optional<PortalError> TestRestJob::run(const QUrl &url, const QByteArray &verb, int timeoutMs,
                                            QJsonDocument *json)
{
    QNetworkRequest request(url);
    request.setRawHeader("Authorization", "Basic c2VjcmV0OnNlY3JldA==");
    request.setRawHeader("Content-Type", "application/json");
    auto *job = new RestJob(&m_nam, request, verb, verb == "GET" ? QByteArray() : "{}", timeoutMs);
    std::optional<PortalError> error;
    bool done = false;
    connect(job, &RestJob::finished, this, [&] {
        done = true;
        if (job->error())
            error = *job->error();
        if (json)
            *json = job->json();
    });
    job->start();
    [&] { QTRY_VERIFY_WITH_TIMEOUT(done, 15000); }();
    return error;
}

void TestRestJob::crossHostRedirectNotFollowed()
{
    TinyHttpServer elsewhere([](const QByteArray &) { return httpAnswer(200, {}, "{}"); });
    // "localhost" is another host name than "127.0.0.1", though it reaches
    // this machine: exactly the case where a leak would go unnoticed.
    const QByteArray location =
        "http://localhost:" + QByteArray::number(elsewhere.port()) + "/collect";
    TinyHttpServer portal(
        [&](const QByteArray &) { return httpAnswer(307, "Location: " + location + "\r\n", {}); });
    const auto error = run(
        QUrl(QStringLiteral("http://127.0.0.1:%1/wp-json/wp/v2/posts").arg(portal.port())), "POST");
    QVERIFY(error.has_value());
    QCOMPARE(error->kind, PortalError::Kind::Permanent);
    QCOMPARE(error->code, QStringLiteral("redirect_other_host"));
    QCOMPARE(portal.requests.size(), 1);
    QVERIFY(portal.requests.first().contains("Authorization: Basic"));
    QTest::qWait(100);
    QCOMPARE(elsewhere.connections, 0);
}

void TestRestJob::sameOriginRedirectFollowed()
{
    TinyHttpServer portal([](const QByteArray &request) {
        if (request.startsWith("POST /wp-json/old"))
            return httpAnswer(308, "Location: /wp-json/new\r\n", {});
        return httpAnswer(201, "Content-Type: application/json\r\n", R"({"id":5})");
    });
    QJsonDocument json;
    const auto error =
        run(QUrl(QStringLiteral("http://127.0.0.1:%1/wp-json/old").arg(portal.port())), "POST",
            5000, &json);
    QVERIFY2(!error, error ? qPrintable(describe(*error)) : "");
    QCOMPARE(json.object().value(u"id").toInt(), 5);
    QCOMPARE(portal.requests.size(), 2);
    QVERIFY(portal.requests.at(1).startsWith("POST /wp-json/new"));
    QVERIFY(portal.requests.at(1).contains("Authorization: Basic"));
    QVERIFY(portal.requests.at(1).endsWith("{}")); // 308 keeps method and body
}

void TestRestJob::timeoutOnSilentServer()
{
    TinyHttpServer silent([](const QByteArray &) { return QByteArray(); });
    QElapsedTimer clock;
    clock.start();
    const auto error =
        run(QUrl(QStringLiteral("http://127.0.0.1:%1/wp-json/").arg(silent.port())), "GET", 300);
    QVERIFY(error.has_value());
    QCOMPARE(error->kind, PortalError::Kind::Transient);
    QVERIFY(error->message.contains(u"in time"));
    QVERIFY(clock.elapsed() >= 250);
}

void TestRestJob::connectionRefused()
{
    quint16 port = 0;
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        port = probe.serverPort();
    }
    const auto error = run(QUrl(QStringLiteral("http://127.0.0.1:%1/wp-json/").arg(port)));
    QVERIFY(error.has_value());
    QCOMPARE(error->kind, PortalError::Kind::Transient);
    QCOMPARE(error->httpStatus, 0);
}

void TestRestJob::bodyCutOff()
{
    TinyHttpServer cut([](const QByteArray &) {
        return QByteArray("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                          "Content-Length: 500\r\nConnection: close\r\n\r\n[{\"id\":1},");
    });
    const auto error = run(QUrl(QStringLiteral("http://127.0.0.1:%1/wp-json/").arg(cut.port())));
    QVERIFY(error.has_value());
    QCOMPARE(error->kind, PortalError::Kind::Transient);
}

void TestRestJob::webPageInsteadOfJson()
{
    TinyHttpServer page([](const QByteArray &) {
        return httpAnswer(200, "Content-Type: text/html; charset=UTF-8\r\n",
                          "<!DOCTYPE html><html><body>Welcome</body></html>");
    });
    const auto error = run(QUrl(QStringLiteral("http://127.0.0.1:%1/wp-json/").arg(page.port())));
    QVERIFY(error.has_value());
    QCOMPARE(error->kind, PortalError::Kind::Permanent);
    QVERIFY(error->message.contains(u"web page"));
}

QTEST_GUILESS_MAIN(TestRestJob)
#include "tst_restjob.moc"
