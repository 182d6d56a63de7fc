// WordPressClient against the in-memory fake portal, when things go wrong:
// every error class the publish queue relies on to decide between retrying
// and stopping, timeouts that really fire, the password never leaving the
// portal's host nor reaching the log, callbacks skipped for dead contexts,
// and a create that the portal applied although the answer was lost.

#include "wordpressclientfixture.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QLocale>
#include <QLoggingCategory>
#include <QMutex>
#include <QSignalSpy>
#include <QTest>

using namespace ListingDesk;
using namespace ListingDesk::Testing;

Q_DECLARE_METATYPE(ListingDesk::PortalError::Kind)
Q_DECLARE_METATYPE(ListingDesk::Testing::Fault)

namespace {

QStringList capturedLog;
QMutex capturedLogMutex;
void captureMessage(QtMsgType, const QMessageLogContext &context, const QString &message)
{
    QMutexLocker lock(&capturedLogMutex);
    capturedLog.append(QString::fromLatin1(context.category ? context.category : "") + u' ' +
                       message);
}

} // namespace

class TestWordPressClientErrors : public WordPressClientFixture
{
    Q_OBJECT

private slots:
    void init() { setUpPortal(); }
    void cleanup() { tearDownPortal(); }

    void classification_data();
    void classification();
    void notFoundCarriesWordPressCode();
    void validationErrorShowsWordPressMessage();
    void forbiddenAccountIsAuth();
    void timeoutFires();
    void slowAnswerWithinTimeout();
    void authorizationNotSentAcrossHosts();
    void sameHostHttpsRedirectFollowed();
    void noAuthorizationInLog();
    void callbackSkippedWhenContextDies();
    void failAfterCommitThenLookupFindsPost();
    void lowLevelJobAndAbort();
    void seededProbabilityIsRepeatable();
};

void TestWordPressClientErrors::classification_data()
{
    QTest::addColumn<Fault>("fault");
    QTest::addColumn<PortalError::Kind>("kind");
    QTest::addColumn<int>("status");
    QTest::addColumn<int>("retryAfter");
    QTest::addColumn<QString>("messagePart");

    using Kind = PortalError::Kind;
    auto status = [](int code, QByteArray retryAfter = {}) {
        Fault fault;
        fault.kind = FaultKind::Status;
        fault.status = code;
        fault.retryAfter = retryAfter;
        return fault;
    };
    auto kind = [](FaultKind faultKind) {
        Fault fault;
        fault.kind = faultKind;
        return fault;
    };
    auto network = [](QNetworkReply::NetworkError error) {
        Fault fault;
        fault.kind = FaultKind::NetworkError;
        fault.networkError = error;
        return fault;
    };
    const QByteArray inNinetySeconds =
        QLocale::c()
            .toString(QDateTime::currentDateTimeUtc().addSecs(90),
                      QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'"))
            .toLatin1();
    Fault otherHost = kind(FaultKind::Redirect);
    otherHost.redirectTo = QUrl(QStringLiteral("http://elsewhere.test"));

    QTest::newRow("401") << status(401) << Kind::Auth << 401 << -1 << "password";
    QTest::newRow("403") << status(403) << Kind::Auth << 403 << -1 << "not allowed";
    QTest::newRow("404") << status(404) << Kind::NotFound << 404 << -1 << "Injected error 404";
    QTest::newRow("409") << status(409) << Kind::Conflict << 409 << -1 << "conflict";
    QTest::newRow("413") << status(413) << Kind::Permanent << 413 << -1 << "too large";
    QTest::newRow("400") << status(400) << Kind::Permanent << 400 << -1 << "Injected error 400";
    QTest::newRow("429 seconds") << status(429, "120") << Kind::Transient << 429 << 120
                                 << "slow down";
    QTest::newRow("429 http-date")
        << status(429, inNinetySeconds) << Kind::Transient << 429 << 90 << "slow down";
    QTest::newRow("500") << status(500) << Kind::Transient << 500 << -1 << "server error";
    QTest::newRow("502") << status(502) << Kind::Transient << 502 << -1 << "server error";
    QTest::newRow("503") << status(503, "30") << Kind::Transient << 503 << 30 << "server error";
    QTest::newRow("reset") << kind(FaultKind::Reset) << Kind::Transient << 200 << -1
                           << "closed the connection";
    QTest::newRow("truncated") << kind(FaultKind::Truncate) << Kind::Transient << 200 << -1
                               << "cut off";
    QTest::newRow("invalid json") << kind(FaultKind::InvalidJson) << Kind::Permanent << 200 << -1
                                  << "not valid JSON";
    QTest::newRow("html page") << kind(FaultKind::HtmlPage) << Kind::Permanent << 200 << -1
                               << "web page instead of REST data";
    QTest::newRow("refused") << network(QNetworkReply::ConnectionRefusedError) << Kind::Transient
                             << 0 << -1 << "refused";
    QTest::newRow("host not found")
        << network(QNetworkReply::HostNotFoundError) << Kind::Transient << 0 << -1 << "not found";
    QTest::newRow("tls") << network(QNetworkReply::SslHandshakeFailedError) << Kind::Tls << 0 << -1
                         << "secure connection";
    QTest::newRow("redirect to other host")
        << otherHost << Kind::Permanent << 301 << -1 << "not followed";
}

void TestWordPressClientErrors::classification()
{
    QFETCH(Fault, fault);
    QFETCH(PortalError::Kind, kind);
    QFETCH(int, status);
    QFETCH(int, retryAfter);
    QFETCH(QString, messagePart);

    const qint64 id = addPublishedPost(QStringLiteral("A listing"));
    fault.method = "GET";
    fault.route = QStringLiteral("^/wp/v2/posts/\\d+$");
    m_portal->addFault(fault);

    std::optional<PortalResult<RemotePost>> result;
    m_client->fetchPost(id, this, [&](const PortalResult<RemotePost> &r) { result = r; });
    LD_WAIT(result);
    QVERIFY(!result->ok());
    const PortalError &error = result->error();
    QCOMPARE(error.kind, kind);
    QCOMPARE(error.httpStatus, status);
    if (retryAfter >= 0) // an HTTP-date loses up to a second to the clock
        QVERIFY2(qAbs(error.retryAfterSeconds - retryAfter) <= 2,
                 qPrintable(QString::number(error.retryAfterSeconds)));
    else
        QCOMPARE(error.retryAfterSeconds, -1);
    QVERIFY2(error.message.contains(messagePart, Qt::CaseInsensitive), qPrintable(error.message));

    // The fault was a one-off: the same call now works.
    result.reset();
    m_client->fetchPost(id, this, [&](const PortalResult<RemotePost> &r) { result = r; });
    LD_WAIT(result);
    QVERIFY2(result->ok(), qPrintable(describe(result->error())));
    QCOMPARE(result->value().title, QStringLiteral("A listing"));
}

void TestWordPressClientErrors::notFoundCarriesWordPressCode()
{
    std::optional<PortalResult<RemotePost>> result;
    m_client->fetchPost(4242, this, [&](const PortalResult<RemotePost> &r) { result = r; });
    LD_WAIT(result);
    QVERIFY(!result->ok());
    QCOMPARE(result->error().kind, PortalError::Kind::NotFound);
    QCOMPARE(result->error().code, QStringLiteral("rest_post_invalid_id"));
    QVERIFY(result->error().message.contains(u"Invalid post ID."));
}

void TestWordPressClientErrors::validationErrorShowsWordPressMessage()
{
    PostPayload payload;
    payload.title = QStringLiteral("Bad status");
    payload.status = QStringLiteral("published"); // not a WordPress status
    std::optional<PortalResult<RemotePost>> result;
    m_client->createPost(payload, this, [&](const PortalResult<RemotePost> &r) { result = r; });
    LD_WAIT(result);
    QVERIFY(!result->ok());
    QCOMPARE(result->error().kind, PortalError::Kind::Permanent);
    QCOMPARE(result->error().code, QStringLiteral("rest_invalid_param"));
    QVERIFY2(result->error().message.contains(u"Invalid parameter(s): status"),
             qPrintable(result->error().message));
    QVERIFY(m_portal->posts().isEmpty());
}

void TestWordPressClientErrors::forbiddenAccountIsAuth()
{
    m_portal->addUser(QStringLiteral("reader"), QStringLiteral("rrrr"), {}, false);
    PortalEndpoint endpoint{m_portal->baseUrl(), QStringLiteral("reader"), QStringLiteral("rrrr"),
                            5000};
    WordPressClient reader(m_nam.get(), endpoint);
    std::optional<PortalResult<RemotePost>> result;
    reader.createPost({}, this, [&](const PortalResult<RemotePost> &r) { result = r; });
    LD_WAIT(result);
    QVERIFY(!result->ok());
    QCOMPARE(result->error().kind, PortalError::Kind::Auth);
    QCOMPARE(result->error().httpStatus, 403);
    QVERIFY(result->error().message.contains(u"not allowed"));
}

void TestWordPressClientErrors::timeoutFires()
{
    makeClient(appPassword, 300);
    Fault hang;
    hang.kind = FaultKind::Hang;
    m_portal->addFault(hang);
    QElapsedTimer clock;
    clock.start();
    std::optional<PortalResult<QList<RemoteTerm>>> result;
    m_client->fetchTerms(QStringLiteral("categories"), this,
                         [&](const PortalResult<QList<RemoteTerm>> &r) { result = r; });
    LD_WAIT(result);
    QVERIFY(clock.elapsed() >= 250);
    QVERIFY(clock.elapsed() < 5000);
    QVERIFY(!result->ok());
    QCOMPARE(result->error().kind, PortalError::Kind::Transient);
    QVERIFY(result->error().message.contains(u"in time"));
}

void TestWordPressClientErrors::slowAnswerWithinTimeout()
{
    makeClient(appPassword, 2000);
    Fault delay;
    delay.kind = FaultKind::Delay;
    delay.delayMs = 100;
    m_portal->addFault(delay);
    std::optional<PortalResult<QList<RemoteTerm>>> result;
    m_client->fetchTerms(QStringLiteral("categories"), this,
                         [&](const PortalResult<QList<RemoteTerm>> &r) { result = r; });
    LD_WAIT(result);
    QVERIFY(result->ok());
    QCOMPARE(result->value().size(), 1);
}

void TestWordPressClientErrors::authorizationNotSentAcrossHosts()
{
    Fault redirect;
    redirect.kind = FaultKind::Redirect;
    redirect.status = 307;
    redirect.redirectTo = QUrl(QStringLiteral("http://evil.test/collect"));
    m_portal->addFault(redirect);
    std::optional<PortalResult<RemotePost>> result;
    PostPayload payload;
    payload.title = QStringLiteral("secret-bearing request");
    m_client->createPost(payload, this, [&](const PortalResult<RemotePost> &r) { result = r; });
    LD_WAIT(result);
    QVERIFY(!result->ok());
    QCOMPARE(result->error().kind, PortalError::Kind::Permanent);
    QVERIFY(result->error().message.contains(u"evil.test"));
    QCOMPARE(m_portal->requests().size(), 1);
    QVERIFY(!m_portal->requests().first().authorization.isEmpty());
    for (const RecordedRequest &request : m_portal->requests())
        QVERIFY(request.url.host() != u"evil.test");
    QVERIFY(m_portal->posts().isEmpty());
}

void TestWordPressClientErrors::sameHostHttpsRedirectFollowed()
{
    const qint64 id = addPublishedPost(QStringLiteral("over https"));
    Fault redirect;
    redirect.kind = FaultKind::Redirect;
    redirect.redirectTo = QUrl(QStringLiteral("https://portal.test"));
    m_portal->addFault(redirect);
    std::optional<PortalResult<RemotePost>> result;
    m_client->fetchPost(id, this, [&](const PortalResult<RemotePost> &r) { result = r; });
    LD_WAIT(result);
    QVERIFY2(result->ok(), qPrintable(describe(result->error())));
    QCOMPARE(result->value().title, QStringLiteral("over https"));
    QCOMPARE(m_portal->requests().size(), 2);
    const RecordedRequest &second = m_portal->requests().at(1);
    QCOMPARE(second.url.scheme(), QStringLiteral("https"));
    QCOMPARE(second.route, QStringLiteral("/wp/v2/posts/%1").arg(id));
    QVERIFY(second.url.query().contains(u"context=edit"));
    QVERIFY(!second.authorization.isEmpty()); // same site: the credentials go along
}

void TestWordPressClientErrors::noAuthorizationInLog()
{
    QLoggingCategory::setFilterRules(QStringLiteral("ld.sync.debug=true"));
    capturedLog.clear();
    const QtMessageHandler previous = qInstallMessageHandler(captureMessage);
    std::optional<PortalResult<QList<RemoteTerm>>> terms;
    m_client->fetchTerms(QStringLiteral("tags"), this,
                         [&](const PortalResult<QList<RemoteTerm>> &r) { terms = r; });
    QTRY_VERIFY(terms.has_value());
    Fault fault;
    fault.status = 401;
    m_portal->addFault(fault);
    Fault redirect;
    redirect.kind = FaultKind::Redirect;
    redirect.redirectTo = QUrl(QStringLiteral("http://other.test"));
    redirect.skip = 1;
    m_portal->addFault(redirect);
    std::optional<PortalResult<RemotePost>> first;
    std::optional<PortalResult<RemotePost>> second;
    m_client->fetchPost(1, this, [&](const PortalResult<RemotePost> &r) { first = r; });
    m_client->fetchPost(1, this, [&](const PortalResult<RemotePost> &r) { second = r; });
    QTRY_VERIFY(first.has_value() && second.has_value());
    qInstallMessageHandler(previous);
    QLoggingCategory::setFilterRules(QString());

    const QString credentials =
        QString::fromLatin1((userLogin + u':' + appPassword).toUtf8().toBase64());
    QMutexLocker lock(&capturedLogMutex);
    QVERIFY(capturedLog.size() >= 3); // the requests were logged...
    QVERIFY(capturedLog.join(u'\n').contains(u"/wp-json/wp/v2/tags"));
    for (const QString &line : std::as_const(capturedLog)) { // ...without the secret
        QVERIFY2(!line.contains(u"Authorization", Qt::CaseInsensitive), qPrintable(line));
        QVERIFY2(!line.contains(credentials), qPrintable(line));
        QVERIFY2(!line.contains(appPassword), qPrintable(line));
        QVERIFY2(!line.contains(u"Basic "), qPrintable(line));
    }
}

void TestWordPressClientErrors::callbackSkippedWhenContextDies()
{
    Fault delay;
    delay.kind = FaultKind::Delay;
    delay.delayMs = 50;
    delay.times = -1;
    m_portal->addFault(delay);
    auto context = std::make_unique<QObject>();
    bool called = false;
    m_client->probe(context.get(), [&](const PortalResult<ConnectionReport> &) { called = true; });
    QTRY_COMPARE(m_portal->requestCount(), 1);
    context.reset();
    QTest::qWait(300);
    QVERIFY(!called);
    QCOMPARE(m_portal->requestCount(), 1); // the chain stopped with its context

    // Deleting the client with a request in flight is safe.
    bool alsoCalled = false;
    QObject other;
    m_client->fetchPost(1, &other, [&](const PortalResult<RemotePost> &) { alsoCalled = true; });
    m_client.reset();
    QTest::qWait(150);
    QVERIFY(!alsoCalled);
}

void TestWordPressClientErrors::failAfterCommitThenLookupFindsPost()
{
    Fault lost;
    lost.method = "POST";
    lost.route = QStringLiteral("^/wp/v2/posts$");
    lost.kind = FaultKind::Reset;
    lost.afterCommit = true;
    m_portal->addFault(lost);
    PostPayload payload;
    payload.title = QStringLiteral("exactly once");
    payload.status = QStringLiteral("publish");
    payload.meta.insert(u"listingdesk_client_key", u"ld-once"_qs);
    std::optional<PortalResult<RemotePost>> created;
    m_client->createPost(payload, this, [&](const PortalResult<RemotePost> &r) { created = r; });
    LD_WAIT(created);
    QVERIFY(!created->ok());
    QCOMPARE(created->error().kind, PortalError::Kind::Transient);
    QVERIFY(m_portal->postByClientKey(QStringLiteral("ld-once")).has_value());

    std::optional<PortalResult<std::optional<RemotePost>>> found;
    m_client->findPostByClientKey(
        QStringLiteral("ld-once"), true, this,
        [&](const PortalResult<std::optional<RemotePost>> &r) { found = r; });
    LD_WAIT(found);
    QVERIFY(found->ok() && found->value().has_value());
    QCOMPARE(found->value()->id, m_portal->postByClientKey(QStringLiteral("ld-once"))->id);
}

void TestWordPressClientErrors::lowLevelJobAndAbort()
{
    for (int i = 0; i < 4; ++i)
        m_portal->addTerm(QStringLiteral("tags"), QStringLiteral("tag%1").arg(i));
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("per_page"), QStringLiteral("3"));
    QPointer<RestJob> job = m_client->get(QStringLiteral("/wp/v2/tags"), query);
    QSignalSpy finished(job.data(), &RestJob::finished);
    QVERIFY(finished.wait());
    QVERIFY(job); // still there while the event loop has not run deleteLater
    QVERIFY(!job->error());
    QCOMPARE(job->httpStatus(), 200);
    QCOMPARE(job->totalPages(), 2);
    QCOMPARE(job->total(), 4);
    QCOMPARE(job->header("x-wp-total"), QByteArray("4"));
    QCOMPARE(job->json().array().size(), 3);
    QTRY_VERIFY(!job); // deleted itself

    Fault hang;
    hang.kind = FaultKind::Hang;
    m_portal->addFault(hang);
    QPointer<RestJob> hanging = m_client->get(QStringLiteral("/wp/v2/tags"));
    QSignalSpy hangFinished(hanging.data(), &RestJob::finished);
    QTest::qWait(50);
    QCOMPARE(hangFinished.count(), 0);
    hanging->abort();
    QCOMPARE(hangFinished.count(), 1);
    QCOMPARE(hanging->error()->kind, PortalError::Kind::Transient);
    QVERIFY(hanging->error()->message.contains(u"cancelled"));
    QTRY_VERIFY(!hanging);
}

void TestWordPressClientErrors::seededProbabilityIsRepeatable()
{
    auto run = [&] {
        FakePortal portal;
        portal.setSeed(7);
        Fault flaky;
        flaky.status = 503;
        flaky.times = -1;
        flaky.probability = 0.5;
        portal.addFault(flaky);
        QString pattern;
        for (int i = 0; i < 40; ++i) {
            QNetworkRequest request(QUrl(QStringLiteral("http://portal.test/wp-json/")));
            pattern += portal.handle("GET", request, {}).status == 503 ? u'x' : u'.';
        }
        return pattern;
    };
    const QString first = run();
    QCOMPARE(run(), first);
    QVERIFY(first.contains(u'x'));
    QVERIFY(first.contains(u'.'));
}

QTEST_GUILESS_MAIN(TestWordPressClientErrors)
#include "tst_wordpressclienterrors.moc"
