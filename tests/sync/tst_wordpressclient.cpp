// WordPressClient against the in-memory fake portal: every error class the
// publish queue relies on to decide between retrying and stopping, timeouts
// that really fire, paging, term_exists, the idempotency-key lookup in both
// portal modes, media with a Chinese file name, and that the password never
// leaves the portal's host nor reaches the log.

#include "fakeportal.h"
#include "wordpressclient.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QLocale>
#include <QLoggingCategory>
#include <QMutex>
#include <QSignalSpy>
#include <QTest>
#include <QTimeZone>

#include <memory>

using namespace ListingDesk;
using namespace ListingDesk::Testing;

Q_DECLARE_METATYPE(ListingDesk::PortalError::Kind)
Q_DECLARE_METATYPE(ListingDesk::Testing::Fault)

namespace {

const QString userLogin = QStringLiteral("editor");
const QString appPassword = QStringLiteral("abcd EFGH 1234 ijkl MNOP 5678");

QString str(const char *utf8)
{
    return QString::fromUtf8(utf8);
}

QStringList capturedLog;
QMutex capturedLogMutex;
void captureMessage(QtMsgType, const QMessageLogContext &context, const QString &message)
{
    QMutexLocker lock(&capturedLogMutex);
    capturedLog.append(QString::fromLatin1(context.category ? context.category : "") + u' ' +
                       message);
}

} // namespace

// Waits for a callback's result; fails the test after the timeout.
#define LD_WAIT(optionalResult) QTRY_VERIFY_WITH_TIMEOUT((optionalResult).has_value(), 10000)

class TestWordPressClient : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void classification_data();
    void classification();
    void notFoundCarriesWordPressCode();
    void validationErrorShowsWordPressMessage();
    void forbiddenAccountIsAuth();
    void timeoutFires();
    void slowAnswerWithinTimeout();
    void pagingAcrossThreePages();
    void postsModifiedAfter();
    void postsModifiedAfterInEveryTimeZone_data();
    void postsModifiedAfterInEveryTimeZone();
    void termExistsReturnsExistingTerm();
    void createUpdateTrashPost();
    void findByClientKeyWithPlugin();
    void findByClientKeyPlainWordPress();
    void mediaUploadWithChineseFileName();
    void authorizationNotSentAcrossHosts();
    void sameHostHttpsRedirectFollowed();
    void noAuthorizationInLog();
    void probeWithPlugin();
    void probePlainWordPress();
    void probeWrongPassword();
    void probeUnreachable();
    void probeWebPage();
    void callbackSkippedWhenContextDies();
    void failAfterCommitThenLookupFindsPost();
    void restRootAcceptsWpJsonUrl();
    void seededProbabilityIsRepeatable();
    void lowLevelJobAndAbort();

private:
    void makeClient(const QString &password = appPassword, int timeoutMs = 5000, QUrl base = {});
    qint64 addPublishedPost(const QString &title);

    std::unique_ptr<FakePortal> m_portal;
    std::unique_ptr<FakeNetworkAccessManager> m_nam;
    std::unique_ptr<WordPressClient> m_client;
};

void TestWordPressClient::init()
{
    m_portal = std::make_unique<FakePortal>();
    m_portal->addUser(userLogin, appPassword, str("编辑部"));
    m_nam = std::make_unique<FakeNetworkAccessManager>(m_portal.get());
    makeClient();
}

void TestWordPressClient::cleanup()
{
    m_client.reset();
    m_nam.reset();
    m_portal.reset();
}

void TestWordPressClient::makeClient(const QString &password, int timeoutMs, QUrl base)
{
    PortalEndpoint endpoint;
    endpoint.baseUrl = base.isEmpty() ? m_portal->baseUrl() : base;
    endpoint.username = userLogin;
    endpoint.password = password;
    endpoint.timeoutMs = timeoutMs;
    m_client = std::make_unique<WordPressClient>(m_nam.get(), endpoint);
}

qint64 TestWordPressClient::addPublishedPost(const QString &title)
{
    FakePost post;
    post.title = title;
    post.content = QStringLiteral("<p>body</p>");
    post.status = QStringLiteral("publish");
    return m_portal->addPost(post);
}

void TestWordPressClient::classification_data()
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

void TestWordPressClient::classification()
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

void TestWordPressClient::notFoundCarriesWordPressCode()
{
    std::optional<PortalResult<RemotePost>> result;
    m_client->fetchPost(4242, this, [&](const PortalResult<RemotePost> &r) { result = r; });
    LD_WAIT(result);
    QVERIFY(!result->ok());
    QCOMPARE(result->error().kind, PortalError::Kind::NotFound);
    QCOMPARE(result->error().code, QStringLiteral("rest_post_invalid_id"));
    QVERIFY(result->error().message.contains(u"Invalid post ID."));
}

void TestWordPressClient::validationErrorShowsWordPressMessage()
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

void TestWordPressClient::forbiddenAccountIsAuth()
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

void TestWordPressClient::timeoutFires()
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

void TestWordPressClient::slowAnswerWithinTimeout()
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

void TestWordPressClient::pagingAcrossThreePages()
{
    for (int i = 0; i < 249; ++i)
        m_portal->addTerm(QStringLiteral("categories"), str("分类%1").arg(i));
    std::optional<PortalResult<QList<RemoteTerm>>> result;
    m_client->fetchTerms(QStringLiteral("categories"), this,
                         [&](const PortalResult<QList<RemoteTerm>> &r) { result = r; });
    LD_WAIT(result);
    QVERIFY(result->ok());
    QCOMPARE(result->value().size(), 250);
    QCOMPARE(m_portal->requestCount("GET", QStringLiteral("^/wp/v2/categories$")), 3);
    QSet<qint64> ids;
    for (const RemoteTerm &term : result->value())
        ids.insert(term.id);
    QCOMPARE(ids.size(), 250);
    QCOMPARE(result->value().last().name, str("分类248"));

    // A failing middle page fails the whole fetch instead of returning a part.
    Fault fault;
    fault.route = QStringLiteral("^/wp/v2/categories$");
    fault.status = 503;
    fault.skip = 1;
    m_portal->addFault(fault);
    result.reset();
    m_client->fetchTerms(QStringLiteral("categories"), this,
                         [&](const PortalResult<QList<RemoteTerm>> &r) { result = r; });
    LD_WAIT(result);
    QVERIFY(!result->ok());
    QCOMPARE(result->error().kind, PortalError::Kind::Transient);
}

void TestWordPressClient::postsModifiedAfter()
{
    for (int i = 0; i < 5; ++i)
        addPublishedPost(QStringLiteral("old %1").arg(i));
    m_portal->advanceClock(60);
    const QDateTime since = m_portal->now();
    m_portal->advanceClock(1);
    for (int i = 0; i < 230; ++i) {
        FakePost post;
        post.title = QStringLiteral("new %1").arg(i);
        post.status = i % 3 == 0 ? QStringLiteral("draft") : QStringLiteral("publish");
        m_portal->addPost(post);
        if (i % 10 == 0)
            m_portal->advanceClock(1);
    }
    const qint64 trashed = addPublishedPost(QStringLiteral("to trash"));
    m_portal->editPost(trashed, [](FakePost &post) { post.status = QStringLiteral("trash"); });

    std::optional<PortalResult<QList<RemotePost>>> result;
    m_client->fetchPostsModifiedAfter(
        since, this, [&](const PortalResult<QList<RemotePost>> &r) { result = r; });
    LD_WAIT(result);
    QVERIFY2(result->ok(), qPrintable(describe(result->error())));
    QCOMPARE(result->value().size(), 231);
    QCOMPARE(m_portal->requestCount("GET", QStringLiteral("^/wp/v2/posts$")), 3);
    bool sawTrash = false;
    QDateTime previous;
    for (const RemotePost &post : result->value()) {
        QVERIFY(post.modifiedGmt > since);
        QVERIFY(!previous.isValid() || post.modifiedGmt >= previous); // oldest change first
        previous = post.modifiedGmt;
        sawTrash = sawTrash || post.status == u"trash";
    }
    QVERIFY(sawTrash);

    result.reset();
    m_client->fetchPostsModifiedAfter(
        {}, this, [&](const PortalResult<QList<RemotePost>> &r) { result = r; });
    LD_WAIT(result);
    QVERIFY(result->ok());
    QCOMPARE(result->value().size(), 236);
}

void TestWordPressClient::postsModifiedAfterInEveryTimeZone_data()
{
    QTest::addColumn<int>("offsetHours");
    QTest::newRow("UTC") << 0;
    QTest::newRow("Beijing +8") << 8;
    QTest::newRow("Kiribati +14") << 14;
    QTest::newRow("Baker Island -12") << -12;
}

void TestWordPressClient::postsModifiedAfterInEveryTimeZone()
{
    QFETCH(int, offsetHours);
    m_portal->setUtcOffset(offsetHours * 3600);
    const qint64 before = addPublishedPost(QStringLiteral("before"));
    m_portal->advanceClock(30);
    const QDateTime since = m_portal->now();
    m_portal->advanceClock(30);
    const qint64 after = addPublishedPost(QStringLiteral("after"));
    m_portal->advanceClock(3600);
    const qint64 later = addPublishedPost(QStringLiteral("an hour later"));

    std::optional<PortalResult<QList<RemotePost>>> result;
    m_client->fetchPostsModifiedAfter(
        since, this, [&](const PortalResult<QList<RemotePost>> &r) { result = r; });
    LD_WAIT(result);
    QVERIFY(result->ok());
    QList<qint64> ids;
    for (const RemotePost &post : result->value())
        ids.append(post.id);
    QCOMPARE(ids, (QList<qint64>{after, later}));
    QVERIFY(!ids.contains(before));
}

void TestWordPressClient::termExistsReturnsExistingTerm()
{
    RemoteTerm province;
    province.name = str("山西省");
    province.slug = QStringLiteral("140000");
    std::optional<PortalResult<RemoteTerm>> result;
    m_client->createTerm(QStringLiteral("city"), province, this,
                         [&](const PortalResult<RemoteTerm> &r) { result = r; });
    LD_WAIT(result);
    QVERIFY(result->ok());
    const RemoteTerm created = result->value();
    QVERIFY(created.id > 0);
    QCOMPARE(created.slug, QStringLiteral("140000"));

    RemoteTerm city;
    city.name = str("长治市");
    city.slug = QStringLiteral("140400");
    city.parent = created.id;
    result.reset();
    m_client->createTerm(QStringLiteral("city"), city, this,
                         [&](const PortalResult<RemoteTerm> &r) { result = r; });
    LD_WAIT(result);
    QVERIFY(result->ok());
    const qint64 cityId = result->value().id;
    QCOMPARE(result->value().parent, created.id);

    // Again, as after a crash: the portal says term_exists, we get its id.
    result.reset();
    m_client->createTerm(QStringLiteral("city"), city, this,
                         [&](const PortalResult<RemoteTerm> &r) { result = r; });
    LD_WAIT(result);
    QVERIFY2(result->ok(), qPrintable(describe(result->error())));
    QCOMPARE(result->value().id, cityId);
    QCOMPARE(result->value().name, str("长治市"));
    QCOMPARE(m_portal->terms(QStringLiteral("city")).size(), 2);
}

void TestWordPressClient::createUpdateTrashPost()
{
    const qint64 category = m_portal->addTerm(QStringLiteral("categories"), str("房产"));
    const qint64 city = m_portal->addTerm(QStringLiteral("city"), str("长治市"), u"140400"_qs);
    PostPayload payload;
    payload.title = str("长治市政府召开2017年全市消防工作会议");
    payload.contentHtml = str("<p>会议内容</p>");
    payload.status = QStringLiteral("publish");
    payload.slug = QStringLiteral("ld-abc-140400");
    payload.categories = {category, 9999}; // 9999: a stale id WordPress drops
    payload.cities = {city};
    payload.featuredMedia = 0;
    payload.meta = QJsonObject{{QStringLiteral("listingdesk_client_key"), u"ld-abc-140400"_qs},
                               {QStringLiteral("listingdesk_price"), 123.5},
                               {QStringLiteral("listingdesk_promoted"), true}};
    std::optional<PortalResult<RemotePost>> result;
    m_client->createPost(payload, this, [&](const PortalResult<RemotePost> &r) { result = r; });
    LD_WAIT(result);
    QVERIFY2(result->ok(), qPrintable(describe(result->error())));
    const RemotePost created = result->value();
    QVERIFY(created.id > 0);
    QCOMPARE(created.title, payload.title);
    QCOMPARE(created.contentHtml, payload.contentHtml);
    QCOMPARE(created.status, QStringLiteral("publish"));
    QCOMPARE(created.categories, QList<qint64>{category});
    QCOMPARE(created.cities, QList<qint64>{city});
    QCOMPARE(created.meta.value(u"listingdesk_price").toDouble(), 123.5);
    QCOMPARE(created.meta.value(u"listingdesk_promoted").toBool(), true);
    QCOMPARE(created.modifiedGmt, m_portal->now());
    QVERIFY(created.link.isValid());
    // What went over the wire: empty lists (tags) are left out.
    const QJsonObject sent = QJsonDocument::fromJson(m_portal->requests().last().body).object();
    QVERIFY(!sent.contains(u"tags"));
    QCOMPARE(sent.value(u"city").toArray().size(), 1);
    QVERIFY(!sent.contains(u"featured_media"));

    m_portal->advanceClock(5);
    PostPayload change;
    change.title = payload.title + str("（更新）");
    change.contentHtml = payload.contentHtml;
    result.reset();
    m_client->updatePost(created.id, change, this,
                         [&](const PortalResult<RemotePost> &r) { result = r; });
    LD_WAIT(result);
    QVERIFY(result->ok());
    QCOMPARE(result->value().title, change.title);
    QVERIFY(result->value().modifiedGmt > created.modifiedGmt);
    QCOMPARE(result->value().categories, QList<qint64>{category}); // untouched
    QCOMPARE(m_portal->post(created.id)->title, change.title);

    result.reset();
    m_client->trashPost(created.id, this, [&](const PortalResult<RemotePost> &r) { result = r; });
    LD_WAIT(result);
    QVERIFY(result->ok());
    QCOMPARE(result->value().status, QStringLiteral("trash"));
    // Trashing twice (a retry) is not an error: the trashed post comes back.
    result.reset();
    m_client->trashPost(created.id, this, [&](const PortalResult<RemotePost> &r) { result = r; });
    LD_WAIT(result);
    QVERIFY2(result->ok(), qPrintable(describe(result->error())));
    QCOMPARE(result->value().status, QStringLiteral("trash"));
    QCOMPARE(result->value().id, created.id);
}

void TestWordPressClient::findByClientKeyWithPlugin()
{
    FakePost other;
    other.title = QStringLiteral("other");
    other.meta.insert(u"listingdesk_client_key", u"ld-other"_qs);
    m_portal->addPost(other);
    FakePost mine;
    mine.title = QStringLiteral("mine");
    mine.status = QStringLiteral("draft");
    mine.meta.insert(u"listingdesk_client_key", u"ld-mine"_qs);
    const qint64 id = m_portal->addPost(mine);

    std::optional<PortalResult<std::optional<RemotePost>>> result;
    auto find = [&](const QString &key) {
        result.reset();
        m_client->findPostByClientKey(
            key, true, this, [&](const PortalResult<std::optional<RemotePost>> &r) { result = r; });
    };
    find(QStringLiteral("ld-mine"));
    LD_WAIT(result);
    QVERIFY(result->ok());
    QVERIFY(result->value().has_value());
    QCOMPARE(result->value()->id, id);
    QVERIFY(m_portal->requests().last().url.query().contains(u"listingdesk_client_key=ld-mine"));

    m_portal->editPost(id, [](FakePost &post) { post.status = QStringLiteral("trash"); });
    find(QStringLiteral("ld-mine"));
    LD_WAIT(result);
    QVERIFY(result->ok());
    QVERIFY(result->value().has_value());
    QCOMPARE(result->value()->status, QStringLiteral("trash"));

    find(QStringLiteral("ld-nobody"));
    LD_WAIT(result);
    QVERIFY(result->ok());
    QVERIFY(!result->value().has_value());

    // Plugin mode asked of a portal without the plugin: WordPress ignores the
    // parameter and lists everything; the client must not take any of it.
    m_portal->setCompanionPlugin(false);
    find(QStringLiteral("ld-other"));
    LD_WAIT(result);
    QVERIFY(result->ok());
    QVERIFY(!result->value().has_value());
}

void TestWordPressClient::findByClientKeyPlainWordPress()
{
    m_portal->setCompanionPlugin(false);
    PostPayload payload;
    payload.title = str("标题");
    payload.status = QStringLiteral("publish");
    payload.slug = QStringLiteral("ld-7f3a-140400");
    std::optional<PortalResult<RemotePost>> created;
    m_client->createPost(payload, this, [&](const PortalResult<RemotePost> &r) { created = r; });
    LD_WAIT(created);
    QVERIFY(created->ok());
    QVERIFY(created->value().meta.isEmpty());
    addPublishedPost(QStringLiteral("ld-7f3a-140400 lookalike"));

    std::optional<PortalResult<std::optional<RemotePost>>> result;
    auto find = [&] {
        result.reset();
        m_client->findPostByClientKey(
            QStringLiteral("ld-7f3a-140400"), false, this,
            [&](const PortalResult<std::optional<RemotePost>> &r) { result = r; });
    };
    find();
    LD_WAIT(result);
    QVERIFY(result->ok());
    QVERIFY(result->value().has_value());
    QCOMPARE(result->value()->id, created->value().id);

    // WordPress renames a trashed post's slug; the lookup still finds it.
    m_portal->editPost(created->value().id, [](FakePost &post) {
        post.status = QStringLiteral("trash");
        post.slug += QStringLiteral("__trashed");
    });
    find();
    LD_WAIT(result);
    QVERIFY(result->ok());
    QVERIFY(result->value().has_value());
    QCOMPARE(result->value()->id, created->value().id);
    QCOMPARE(result->value()->status, QStringLiteral("trash"));
}

void TestWordPressClient::mediaUploadWithChineseFileName()
{
    const QByteArray jpeg = QByteArray("\xff\xd8\xff\xe0", 4) + QByteArray(2000, 'x');
    std::optional<PortalResult<RemoteMedia>> result;
    m_client->uploadMedia(jpeg, QStringLiteral("image/jpeg"), str("现场照片 1.jpg"), this,
                          [&](const PortalResult<RemoteMedia> &r) { result = r; });
    LD_WAIT(result);
    QVERIFY2(result->ok(), qPrintable(describe(result->error())));
    QVERIFY(result->value().id > 0);
    QVERIFY(result->value().sourceUrl.isValid());
    QCOMPARE(m_portal->media().size(), 1);
    QCOMPARE(m_portal->media().first().fileName, str("现场照片 1.jpg"));
    QCOMPARE(m_portal->media().first().data, jpeg);
    QCOMPARE(m_portal->media().first().mimeType, QStringLiteral("image/jpeg"));
    const QByteArray disposition = m_portal->requests().last().contentDisposition;
    QVERIFY2(disposition.contains("filename*=UTF-8''%E7%8E%B0%E5%9C%BA"), disposition.constData());
    // WordPress itself reads only filename=, so it carries the UTF-8 name too.
    QVERIFY(disposition.contains(str("filename=\"现场照片 1.jpg\"").toUtf8()));

    // The uploaded image becomes a post's featured image.
    const qint64 postId = addPublishedPost(QStringLiteral("with image"));
    PostPayload change;
    change.title = QStringLiteral("with image");
    change.featuredMedia = result->value().id;
    std::optional<PortalResult<RemotePost>> updated;
    m_client->updatePost(postId, change, this,
                         [&](const PortalResult<RemotePost> &r) { updated = r; });
    LD_WAIT(updated);
    QVERIFY(updated->ok());
    QCOMPARE(updated->value().featuredMedia, result->value().id);

    result.reset();
    m_client->uploadMedia("text", QStringLiteral("text/plain"), QStringLiteral("a.txt"), this,
                          [&](const PortalResult<RemoteMedia> &r) { result = r; });
    LD_WAIT(result);
    QVERIFY(!result->ok());
    QCOMPARE(result->error().kind, PortalError::Kind::Permanent);
}

void TestWordPressClient::authorizationNotSentAcrossHosts()
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

void TestWordPressClient::sameHostHttpsRedirectFollowed()
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

void TestWordPressClient::noAuthorizationInLog()
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

void TestWordPressClient::probeWithPlugin()
{
    std::optional<PortalResult<ConnectionReport>> result;
    m_client->probe(this, [&](const PortalResult<ConnectionReport> &r) { result = r; });
    LD_WAIT(result);
    QVERIFY(result->ok());
    const ConnectionReport &report = result->value();
    QVERIFY(report.reachable);
    QVERIFY(report.restApi);
    QVERIFY(report.authenticated);
    QVERIFY(report.companionPlugin);
    QCOMPARE(report.siteName, QStringLiteral("Fake Portal"));
    QCOMPARE(report.userName, str("编辑部"));
    QCOMPARE(report.pluginVersion, QStringLiteral("1.0.0"));
    QVERIFY(report.features.contains(u"city"));
    QVERIFY(!report.problem);
}

void TestWordPressClient::probePlainWordPress()
{
    m_portal->setCompanionPlugin(false);
    std::optional<PortalResult<ConnectionReport>> result;
    m_client->probe(this, [&](const PortalResult<ConnectionReport> &r) { result = r; });
    LD_WAIT(result);
    const ConnectionReport &report = result->value();
    QVERIFY(report.reachable && report.restApi && report.authenticated);
    QVERIFY(!report.companionPlugin);
    QVERIFY(report.pluginVersion.isEmpty());
    QVERIFY(!report.problem); // plain WordPress is a mode, not a problem
}

void TestWordPressClient::probeWrongPassword()
{
    makeClient(QStringLiteral("wrong password"));
    std::optional<PortalResult<ConnectionReport>> result;
    m_client->probe(this, [&](const PortalResult<ConnectionReport> &r) { result = r; });
    LD_WAIT(result);
    const ConnectionReport &report = result->value();
    QVERIFY(report.reachable);
    QVERIFY(report.restApi);
    QVERIFY(!report.authenticated);
    QVERIFY(report.companionPlugin); // still found: the info route needs no login
    QVERIFY(report.problem.has_value());
    QCOMPARE(report.problem->kind, PortalError::Kind::Auth);
    QCOMPARE(report.problem->httpStatus, 401);
    QCOMPARE(report.problem->code, QStringLiteral("incorrect_password"));
    QVERIFY(report.problem->message.contains(u"password"));
}

void TestWordPressClient::probeUnreachable()
{
    Fault down;
    down.kind = FaultKind::NetworkError;
    down.networkError = QNetworkReply::ConnectionRefusedError;
    down.times = -1;
    m_portal->addFault(down);
    std::optional<PortalResult<ConnectionReport>> result;
    m_client->probe(this, [&](const PortalResult<ConnectionReport> &r) { result = r; });
    LD_WAIT(result);
    const ConnectionReport &report = result->value();
    QVERIFY(!report.reachable);
    QVERIFY(!report.restApi && !report.authenticated && !report.companionPlugin);
    QCOMPARE(report.problem->kind, PortalError::Kind::Transient);
    QCOMPARE(m_portal->requests().size(), 1); // no point asking further
}

void TestWordPressClient::probeWebPage()
{
    Fault page;
    page.kind = FaultKind::HtmlPage;
    page.route = QStringLiteral("^/$");
    m_portal->addFault(page);
    std::optional<PortalResult<ConnectionReport>> result;
    m_client->probe(this, [&](const PortalResult<ConnectionReport> &r) { result = r; });
    LD_WAIT(result);
    const ConnectionReport &report = result->value();
    QVERIFY(report.reachable);
    QVERIFY(!report.restApi);
    QVERIFY(report.problem->message.contains(u"web page"));

    // A site without a REST API at that address.
    makeClient(appPassword, 5000, QUrl(QStringLiteral("http://portal.test/blog")));
    result.reset();
    m_client->probe(this, [&](const PortalResult<ConnectionReport> &r) { result = r; });
    LD_WAIT(result);
    QVERIFY(result->value().reachable);
    QVERIFY(!result->value().restApi);
    QCOMPARE(result->value().problem->kind, PortalError::Kind::NotFound);
    QVERIFY(result->value().problem->message.contains(u"no WordPress REST API"));
}

void TestWordPressClient::callbackSkippedWhenContextDies()
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

void TestWordPressClient::failAfterCommitThenLookupFindsPost()
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

void TestWordPressClient::restRootAcceptsWpJsonUrl()
{
    makeClient(appPassword, 5000, QUrl(QStringLiteral("http://portal.test/wp-json/")));
    QCOMPARE(m_client->restRoot(), QUrl(QStringLiteral("http://portal.test/wp-json")));
    QCOMPARE(m_client->routeUrl(QStringLiteral("/wp/v2/posts")),
             QUrl(QStringLiteral("http://portal.test/wp-json/wp/v2/posts")));
    makeClient(appPassword, 5000, QUrl(QStringLiteral("http://portal.test/")));
    QCOMPARE(m_client->restRoot(), QUrl(QStringLiteral("http://portal.test/wp-json")));
}

void TestWordPressClient::seededProbabilityIsRepeatable()
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

void TestWordPressClient::lowLevelJobAndAbort()
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

QTEST_GUILESS_MAIN(TestWordPressClient)
#include "tst_wordpressclient.moc"
