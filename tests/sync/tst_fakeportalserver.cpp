// The fake portal over real HTTP: the real WordPressClient on a real
// QNetworkAccessManager against FakePortalServer on 127.0.0.1, so that the
// crash-safety tests (which kill a publishing child process) and the
// throughput benchmark can rely on it: every REST call the queue uses, a
// 3 MB upload in pieces, keep-alive, each transport fault classified as the
// queue needs it, the control API, and the fakeportal-server executable.

#include "fakeportalserver.h"
#include "wordpressclient.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>

#include <memory>

using namespace ListingDesk;
using namespace ListingDesk::Testing;

Q_DECLARE_METATYPE(ListingDesk::Testing::Fault)

namespace {

const QString login = QStringLiteral("editor");
const QString password = QStringLiteral("abcd efgh ijkl mnop qrst uvwx");

QString str(const char *utf8)
{
    return QString::fromUtf8(utf8);
}

struct HttpAnswer
{
    int status = 0;
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QByteArray body;
    QJsonDocument json() const { return QJsonDocument::fromJson(body); }
};

// A plain request for the control API, outside WordPressClient.
HttpAnswer fetch(QNetworkAccessManager &nam, const QUrl &url, const QByteArray &verb = "GET",
                 const QByteArray &body = {})
{
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
    std::unique_ptr<QNetworkReply> reply(nam.sendCustomRequest(request, verb, body));
    QSignalSpy finished(reply.get(), &QNetworkReply::finished);
    if (!reply->isFinished() && !finished.wait(10000))
        return {};
    return {reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), reply->error(),
            reply->readAll()};
}

QUrl controlUrl(const QUrl &base, const QString &path)
{
    QUrl url = base;
    url.setPath(path);
    return url;
}

PostPayload listingPayload(const QString &key, const QString &title)
{
    PostPayload payload;
    payload.title = title;
    payload.contentHtml = str("<p>朝阳区两居室，南北通透，近地铁。</p>");
    payload.status = QStringLiteral("publish");
    payload.meta.insert(u"listingdesk_client_key", key);
    return payload;
}

} // namespace

class TestFakePortalServer : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void probe();
    void createFindUpdate();
    void uploadsThreeMegabytes();
    void keepAliveReusesConnections();
    void transportFaults_data();
    void transportFaults();
    void resetAfterCreateLeavesOnePost();
    void silentHangUpAfterCommitIsResentByQt();
    void clientDyingMidRequest();
    void faultMixControl();
    void controlApi();
    void serverProcess();
    void serverProcessOptions();

private:
    void makeClient(int timeoutMs = 5000);
    template <class T, class Call> std::optional<PortalResult<T>> wait(Call call);
    qint64 publishedPost(const QString &title);

    std::unique_ptr<FakePortal> m_portal;
    std::unique_ptr<FakePortalServer> m_server;
    std::unique_ptr<QNetworkAccessManager> m_nam;
    std::unique_ptr<WordPressClient> m_client;
};

void TestFakePortalServer::init()
{
    m_portal = std::make_unique<FakePortal>();
    m_portal->addUser(login, password, str("编辑部"));
    m_server = std::make_unique<FakePortalServer>(m_portal.get());
    QVERIFY2(m_server->listen(), qPrintable(m_server->errorString()));
    QCOMPARE(m_portal->baseUrl(), m_server->serverUrl());
    m_nam = std::make_unique<QNetworkAccessManager>();
    makeClient();
}

void TestFakePortalServer::cleanup()
{
    m_client.reset();
    m_nam.reset();
    m_server.reset();
    m_portal.reset();
}

void TestFakePortalServer::makeClient(int timeoutMs)
{
    m_client = std::make_unique<WordPressClient>(
        m_nam.get(), PortalEndpoint{m_server->serverUrl(), login, password, timeoutMs});
}

// Runs call(done) and waits (through the event loop) for done to be called.
template <class T, class Call> std::optional<PortalResult<T>> TestFakePortalServer::wait(Call call)
{
    std::optional<PortalResult<T>> result;
    call([&result](const PortalResult<T> &r) { result = r; });
    if (!QTest::qWaitFor([&] { return result.has_value(); }, 15000))
        qWarning("no answer within 15 s");
    return result;
}

qint64 TestFakePortalServer::publishedPost(const QString &title)
{
    FakePost post;
    post.title = title;
    post.content = QStringLiteral("<p>body</p>");
    post.status = QStringLiteral("publish");
    post.slug = QStringLiteral("post-%1").arg(m_portal->posts().size() + 1);
    return m_portal->addPost(post);
}

void TestFakePortalServer::probe()
{
    const auto report = wait<ConnectionReport>([&](auto done) { m_client->probe(this, done); });
    QVERIFY(report && report->ok());
    QVERIFY2(!report->value().problem,
             qPrintable(report->value().problem ? describe(*report->value().problem) : QString()));
    QVERIFY(report->value().reachable);
    QVERIFY(report->value().authenticated);
    QVERIFY(report->value().companionPlugin);
    QCOMPARE(report->value().userName, str("编辑部"));
    QCOMPARE(report->value().siteName, QStringLiteral("Fake Portal"));
}

void TestFakePortalServer::createFindUpdate()
{
    const qint64 city =
        m_portal->addTerm(QStringLiteral("city"), str("北京"), QStringLiteral("beijing"));
    PostPayload payload = listingPayload(QStringLiteral("ld-1-110000"), str("朝阳两居室出租"));
    payload.cities = {city};
    const auto created =
        wait<RemotePost>([&](auto done) { m_client->createPost(payload, this, done); });
    QVERIFY(created && created->ok());
    const RemotePost post = created->value();
    QCOMPARE(post.title, str("朝阳两居室出租"));
    QCOMPARE(post.cities, QList<qint64>{city});
    // Links point at the server, so that a client following them gets there.
    QCOMPARE(post.link.port(), m_server->serverUrl().port());
    QCOMPARE(post.link.host(), QStringLiteral("127.0.0.1"));

    const auto found = wait<std::optional<RemotePost>>([&](auto done) {
        m_client->findPostByClientKey(QStringLiteral("ld-1-110000"), true, this, done);
    });
    QVERIFY(found && found->ok() && found->value().has_value());
    QCOMPARE(found->value()->id, post.id);

    payload.title = str("朝阳两居室出租（已降价）");
    const auto updated =
        wait<RemotePost>([&](auto done) { m_client->updatePost(post.id, payload, this, done); });
    QVERIFY(updated && updated->ok());
    QCOMPARE(m_portal->posts().size(), 1);
    QCOMPARE(m_portal->post(post.id)->title, str("朝阳两居室出租（已降价）"));
    QCOMPARE(m_portal->requestCount("POST", QStringLiteral("^/wp/v2/posts$")), 1);
    QCOMPARE(m_portal->requestCount("POST", QStringLiteral("^/wp/v2/posts/\\d+$")), 1);
}

void TestFakePortalServer::uploadsThreeMegabytes()
{
    QByteArray image(3 * 1024 * 1024 + 17, Qt::Uninitialized);
    QRandomGenerator generator(42);
    for (char &byte : image)
        byte = char(generator.bounded(256));
    image.replace(0, 3, "\xFF\xD8\xFF");
    const auto uploaded = wait<RemoteMedia>([&](auto done) {
        m_client->uploadMedia(image, QStringLiteral("image/jpeg"), str("客厅.jpg"), this, done);
    });
    QVERIFY(uploaded && uploaded->ok());
    QCOMPARE(m_portal->media().size(), 1);
    const FakeMedia media = m_portal->media().constFirst();
    QCOMPARE(media.data.size(), image.size());
    QVERIFY(media.data == image);
    QCOMPARE(media.fileName, str("客厅.jpg"));
    QCOMPARE(uploaded->value().sourceUrl.port(), m_server->serverUrl().port());
}

void TestFakePortalServer::keepAliveReusesConnections()
{
    const qint64 id = publishedPost(QStringLiteral("keep-alive"));
    constexpr int parallel = 60;
    int succeeded = 0;
    int answered = 0;
    for (int i = 0; i < parallel; ++i)
        m_client->fetchPost(id, this, [&](const PortalResult<RemotePost> &result) {
            ++answered;
            succeeded += result.ok() ? 1 : 0;
        });
    QTRY_COMPARE_WITH_TIMEOUT(answered, parallel, 15000);
    QCOMPARE(succeeded, parallel);
    // Qt opens at most six connections per host and then reuses them.
    QVERIFY2(m_server->acceptedConnections() <= 6,
             qPrintable(QString::number(m_server->acceptedConnections())));
    const int afterBurst = m_server->acceptedConnections();
    for (int i = 0; i < 20; ++i) {
        const auto result =
            wait<RemotePost>([&](auto done) { m_client->fetchPost(id, this, done); });
        QVERIFY(result && result->ok());
    }
    QCOMPARE(m_server->acceptedConnections(), afterBurst);
    QCOMPARE(m_portal->requestCount("GET"), parallel + 20);
}

void TestFakePortalServer::transportFaults_data()
{
    QTest::addColumn<Fault>("fault");
    QTest::addColumn<bool>("succeeds");
    QTest::addColumn<int>("retryAfter");
    QTest::addColumn<int>("minimumMs");
    QTest::addColumn<int>("timeoutMs");

    auto fault = [](FaultKind kind) {
        Fault f;
        f.kind = kind;
        return f;
    };
    Fault tooMany = fault(FaultKind::Status);
    tooMany.status = 429;
    tooMany.retryAfter = "7";
    Fault unavailable = fault(FaultKind::Status);
    unavailable.status = 503;
    Fault badGateway = fault(FaultKind::Status);
    badGateway.status = 502;
    Fault delay = fault(FaultKind::Delay);
    delay.delayMs = 300;
    // Qt resends a request whose connection closed before any answer, so a
    // hang-up fault must fire on every attempt to reach the client.
    Fault refused = fault(FaultKind::NetworkError);
    refused.times = -1;

    // The client gives up after 400 ms of silence (a coarse timer: up to 5% early).
    QTest::newRow("hang -> timeout") << fault(FaultKind::Hang) << false << -1 << 370 << 400;
    QTest::newRow("reset") << fault(FaultKind::Reset) << false << -1 << 0 << 5000;
    QTest::newRow("truncate") << fault(FaultKind::Truncate) << false << -1 << 0 << 5000;
    QTest::newRow("429 Retry-After") << tooMany << false << 7 << 0 << 5000;
    QTest::newRow("503") << unavailable << false << -1 << 0 << 5000;
    QTest::newRow("502 html page") << badGateway << false << -1 << 0 << 5000;
    QTest::newRow("hang up without answer") << refused << false << -1 << 0 << 5000;
    QTest::newRow("delay") << delay << true << -1 << 300 << 5000;
}

void TestFakePortalServer::transportFaults()
{
    QFETCH(Fault, fault);
    QFETCH(bool, succeeds);
    QFETCH(int, retryAfter);
    QFETCH(int, minimumMs);
    QFETCH(int, timeoutMs);

    makeClient(timeoutMs);
    // A long answer, so that "half the body" is many TCP segments.
    const qint64 id = publishedPost(QString(20000, u'房'));
    fault.method = "GET";
    fault.route = QStringLiteral("^/wp/v2/posts/\\d+$");
    m_portal->addFault(fault);
    QElapsedTimer timer;
    timer.start();
    const auto result = wait<RemotePost>([&](auto done) { m_client->fetchPost(id, this, done); });
    QVERIFY(result.has_value());
    QVERIFY(timer.elapsed() >= minimumMs);
    if (succeeds) {
        QVERIFY2(result->ok(), qPrintable(result->ok() ? QString() : describe(result->error())));
        QCOMPARE(result->value().title.size(), 20000);
        return;
    }
    QVERIFY(!result->ok());
    QCOMPARE(result->error().kind, PortalError::Kind::Transient);
    QCOMPARE(result->error().retryAfterSeconds, retryAfter);
    // The server survives every fault: the next request is served.
    m_portal->clearFaults();
    makeClient(5000);
    const auto next = wait<RemotePost>([&](auto done) { m_client->fetchPost(id, this, done); });
    QVERIFY(next && next->ok());
}

void TestFakePortalServer::resetAfterCreateLeavesOnePost()
{
    // The portal applies the create, the answer is cut by a reset: the
    // situation the queue's lookup-before-retry exists for. Nobody (Qt
    // included) may send the create twice on its own.
    Fault reset;
    reset.kind = FaultKind::Reset;
    reset.method = "POST";
    reset.route = QStringLiteral("^/wp/v2/posts$");
    m_portal->addFault(reset);
    const PostPayload payload = listingPayload(QStringLiteral("ld-reset"), str("重置后的帖子"));
    const auto created =
        wait<RemotePost>([&](auto done) { m_client->createPost(payload, this, done); });
    QVERIFY(created && !created->ok());
    QCOMPARE(created->error().kind, PortalError::Kind::Transient);
    QCOMPARE(m_portal->posts().size(), 1);
    const auto found = wait<std::optional<RemotePost>>([&](auto done) {
        m_client->findPostByClientKey(QStringLiteral("ld-reset"), true, this, done);
    });
    QVERIFY(found && found->ok() && found->value().has_value());
}

void TestFakePortalServer::silentHangUpAfterCommitIsResentByQt()
{
    // Not our code, but the crash tests must know it: when a connection
    // closes before a single byte of answer, Qt's HTTP layer sends the
    // request once more on its own, POST included. If the server had applied
    // it, the portal holds the post twice, whatever the queue does. A real
    // server that dies after its commit does the same; the fault mix of
    // fakeportal-server never hangs up silently after a commit for this reason.
    Fault hangUp;
    hangUp.kind = FaultKind::NetworkError;
    hangUp.afterCommit = true;
    hangUp.method = "POST";
    hangUp.route = QStringLiteral("^/wp/v2/posts$");
    m_portal->addFault(hangUp);
    const auto created = wait<RemotePost>([&](auto done) {
        m_client->createPost(listingPayload(QStringLiteral("ld-twice"), str("两次")), this, done);
    });
    QVERIFY(created && created->ok());
    QCOMPARE(m_portal->requestCount("POST", QStringLiteral("^/wp/v2/posts$")), 2);
    QCOMPARE(m_portal->posts().size(), 2);
}

void TestFakePortalServer::clientDyingMidRequest()
{
    // A killed publisher leaves half a request on a socket; the server
    // forgets it and goes on serving everybody else.
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, quint16(m_server->serverUrl().port()));
    QVERIFY(socket.waitForConnected(5000));
    socket.write("POST /wp-json/wp/v2/posts HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                 "Content-Type: application/json\r\nContent-Length: 100000\r\n\r\n{\"title\":");
    QVERIFY(socket.waitForBytesWritten(5000));
    QTRY_COMPARE(m_server->openConnections(), 1);
    socket.abort();
    QTRY_COMPARE(m_server->openConnections(), 0);
    QCOMPARE(m_portal->requestCount(), 0);

    const auto created = wait<RemotePost>([&](auto done) {
        m_client->createPost(listingPayload(QStringLiteral("after"), QStringLiteral("after")), this,
                             done);
    });
    QVERIFY(created && created->ok());
    QCOMPARE(m_portal->posts().size(), 1);
}

void TestFakePortalServer::faultMixControl()
{
    const QUrl faults = controlUrl(m_server->serverUrl(), QStringLiteral("/__fake/faults"));
    HttpAnswer answer = fetch(*m_nam, faults, "POST", R"({"reset": 0.8, "hang": 0.5})");
    QCOMPARE(answer.status, 400);

    answer =
        fetch(*m_nam, faults, "POST", R"({"error5xx": 0.25, "rate429": 0.25, "retryAfter": 3})");
    QCOMPARE(answer.status, 200);
    QCOMPARE(m_server->faultMix().rate429, 0.25);
    QCOMPARE(fetch(*m_nam, faults).json().object().value(u"retryAfter").toInt(), 3);

    const qint64 id = publishedPost(QStringLiteral("mix"));
    int ok = 0;
    int serverErrors = 0;
    int tooMany = 0;
    int answered = 0;
    constexpr int total = 400;
    for (int i = 0; i < total; ++i)
        m_client->fetchPost(id, this, [&](const PortalResult<RemotePost> &result) {
            ++answered;
            if (result.ok())
                ++ok;
            else if (result.error().httpStatus == 429 && result.error().retryAfterSeconds == 3)
                ++tooMany;
            else if (result.error().httpStatus >= 500 &&
                     result.error().kind == PortalError::Kind::Transient)
                ++serverErrors;
        });
    QTRY_COMPARE_WITH_TIMEOUT(answered, total, 20000);
    QCOMPARE(ok + serverErrors + tooMany, total);
    // A quarter each, within what chance allows for 400 draws.
    const QString counts =
        QStringLiteral("ok %1, 5xx %2, 429 %3").arg(ok).arg(serverErrors).arg(tooMany);
    QVERIFY2(serverErrors > 60 && serverErrors < 140, qPrintable(counts));
    QVERIFY2(tooMany > 60 && tooMany < 140, qPrintable(counts));
    QVERIFY2(ok > 150 && ok < 250, qPrintable(counts));

    QCOMPARE(fetch(*m_nam, faults, "POST", "{}").status, 200);
    const auto result = wait<RemotePost>([&](auto done) { m_client->fetchPost(id, this, done); });
    QVERIFY(result && result->ok());
}

void TestFakePortalServer::controlApi()
{
    const qint64 city =
        m_portal->addTerm(QStringLiteral("city"), str("上海"), QStringLiteral("shanghai"));
    for (int i = 1; i <= 2; ++i) {
        PostPayload payload =
            listingPayload(QStringLiteral("key-%1").arg(i), str("房源 %1").arg(i));
        payload.cities = {city};
        const auto created =
            wait<RemotePost>([&](auto done) { m_client->createPost(payload, this, done); });
        QVERIFY(created && created->ok());
    }
    const int recorded = m_portal->requestCount();

    const QUrl base = m_server->serverUrl();
    const HttpAnswer posts = fetch(*m_nam, controlUrl(base, QStringLiteral("/__fake/posts")));
    QCOMPARE(posts.status, 200);
    const QJsonArray array = posts.json().array();
    QCOMPARE(array.size(), 2);
    const QJsonObject first = array.at(0).toObject();
    QCOMPARE(first.value(u"client_key").toString(), QStringLiteral("key-1"));
    QCOMPARE(first.value(u"title").toString(), str("房源 1"));
    QCOMPARE(first.value(u"status").toString(), QStringLiteral("publish"));
    QCOMPARE(first.value(u"city").toArray(), QJsonArray{city});
    QCOMPARE(first.value(u"date_gmt").toString(), QStringLiteral("2026-01-05T08:00:00"));

    const HttpAnswer requests = fetch(*m_nam, controlUrl(base, QStringLiteral("/__fake/requests")));
    QCOMPARE(requests.status, 200);
    const QJsonObject counts = requests.json().object();
    QCOMPARE(counts.value(u"total").toInt(), recorded);
    QCOMPARE(counts.value(u"routes").toObject().value(u"POST /wp/v2/posts").toInt(), 2);

    QCOMPARE(fetch(*m_nam, controlUrl(base, QStringLiteral("/__fake/nothing"))).status, 404);
    // Control requests are never recorded (nor faulted).
    QCOMPARE(m_portal->requestCount(), recorded);

    QSignalSpy quit(m_server.get(), &FakePortalServer::quitRequested);
    QCOMPARE(fetch(*m_nam, controlUrl(base, QStringLiteral("/__fake/quit")), "POST").status, 200);
    QTRY_COMPARE(quit.count(), 1);
}

void TestFakePortalServer::serverProcess()
{
    QProcess server;
    server.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    server.start(QStringLiteral(FAKEPORTAL_SERVER_PATH),
                 {QStringLiteral("--user"), QStringLiteral("writer"), QStringLiteral("--password"),
                  QStringLiteral("wxyz 1234")});
    QVERIFY(server.waitForStarted(5000));
    QVERIFY(server.waitForReadyRead(10000));
    const QByteArray line = server.readLine().trimmed();
    QVERIFY2(line.startsWith("listening http://127.0.0.1:"), line.constData());
    const QUrl base = QUrl::fromEncoded(line.mid(10));
    QVERIFY(base.port() > 0);

    {
        QNetworkAccessManager nam;
        WordPressClient client(&nam, PortalEndpoint{base, QStringLiteral("writer"),
                                                    QStringLiteral("wxyz 1234"), 5000});
        const auto created = wait<RemotePost>([&](auto done) {
            client.createPost(listingPayload(QStringLiteral("ld-proc"), str("进程外的帖子")), this,
                              done);
        });
        QVERIFY(created && created->ok());
        // The client side dies in the middle of its next create.
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, quint16(base.port()));
        QVERIFY(socket.waitForConnected(5000));
        socket.write("POST /wp-json/wp/v2/posts HTTP/1.1\r\nContent-Length: 5000\r\n\r\n{");
        QVERIFY(socket.waitForBytesWritten(5000));
        socket.abort();
    } // the NAM and its connections go away too

    QNetworkAccessManager fresh;
    const HttpAnswer posts = fetch(fresh, controlUrl(base, QStringLiteral("/__fake/posts")));
    QCOMPARE(posts.status, 200);
    const QJsonArray array = posts.json().array();
    QCOMPARE(array.size(), 1);
    QCOMPARE(array.at(0).toObject().value(u"client_key").toString(), QStringLiteral("ld-proc"));
    QCOMPARE(array.at(0).toObject().value(u"title").toString(), str("进程外的帖子"));

    QCOMPARE(fetch(fresh, controlUrl(base, QStringLiteral("/__fake/quit")), "POST").status, 200);
    // waitForFinished() is false for a process that already finished.
    QVERIFY(server.state() == QProcess::NotRunning || server.waitForFinished(5000));
    QCOMPARE(server.exitStatus(), QProcess::NormalExit);
    QCOMPARE(server.exitCode(), 0);
}

void TestFakePortalServer::serverProcessOptions()
{
    QProcess server;
    server.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    server.start(QStringLiteral(FAKEPORTAL_SERVER_PATH),
                 {QStringLiteral("--plain"), QStringLiteral("--fault-mix"),
                  QStringLiteral("--seed"), QStringLiteral("7"), QStringLiteral("--latency-ms"),
                  QStringLiteral("150")});
    QVERIFY(server.waitForReadyRead(10000));
    const QUrl base = QUrl::fromEncoded(server.readLine().trimmed().mid(10));
    QVERIFY(base.port() > 0);

    QNetworkAccessManager nam;
    const QJsonObject mix =
        fetch(nam, controlUrl(base, QStringLiteral("/__fake/faults"))).json().object();
    QCOMPARE(mix.value(u"error5xx").toDouble(), 0.10);
    QCOMPARE(mix.value(u"reset").toDouble(), 0.05);
    QCOMPARE(mix.value(u"hang").toDouble(), 0.05);
    QCOMPARE(mix.value(u"rate429").toDouble(), 0.03);
    QCOMPARE(mix.value(u"retryAfter").toInt(), 1);
    QCOMPARE(fetch(nam, controlUrl(base, QStringLiteral("/__fake/faults")), "POST", "{}").status,
             200);

    // Plain WordPress (no plugin namespace), every answer 150 ms late.
    QElapsedTimer timer;
    timer.start();
    const HttpAnswer index = fetch(nam, controlUrl(base, QStringLiteral("/wp-json/")));
    QVERIFY(timer.elapsed() >= 150);
    QCOMPARE(index.status, 200);
    const QJsonArray namespaces = index.json().object().value(u"namespaces").toArray();
    QVERIFY(namespaces.contains(QStringLiteral("wp/v2")));
    QVERIFY(!namespaces.contains(QStringLiteral("listingdesk/v1")));

    server.terminate(); // SIGTERM
    // waitForFinished() is false for a process that already finished.
    QVERIFY(server.state() == QProcess::NotRunning || server.waitForFinished(5000));
    QCOMPARE(server.exitStatus(), QProcess::NormalExit);
    QCOMPARE(server.exitCode(), 0);
}

QTEST_GUILESS_MAIN(TestFakePortalServer)
#include "tst_fakeportalserver.moc"
