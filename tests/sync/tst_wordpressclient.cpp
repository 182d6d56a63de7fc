// WordPressClient against the in-memory fake portal, when things go right:
// "Test connection" in both portal modes and with a wrong password, paging,
// posts modified since the last pull in any site time zone, term_exists, posts
// created, updated and trashed, the idempotency-key lookup with and without
// the companion plugin, and media with a Chinese file name.

#include "wordpressclientfixture.h"

#include <QJsonArray>
#include <QTest>

using namespace ListingDesk;
using namespace ListingDesk::Testing;

class TestWordPressClient : public WordPressClientFixture
{
    Q_OBJECT

private slots:
    void init() { setUpPortal(); }
    void cleanup() { tearDownPortal(); }

    void pagingAcrossThreePages();
    void postsModifiedAfter();
    void postsModifiedAfterInEveryTimeZone_data();
    void postsModifiedAfterInEveryTimeZone();
    void termExistsReturnsExistingTerm();
    void createUpdateTrashPost();
    void findByClientKeyWithPlugin();
    void findByClientKeyPlainWordPress();
    void mediaUploadWithChineseFileName();
    void probeWithPlugin();
    void probePlainWordPress();
    void probeWrongPassword();
    void probeUnreachable();
    void probeWebPage();
    void restRootAcceptsWpJsonUrl();
    void requestsTakeTurnsAtTheCap();
};

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

void TestWordPressClient::restRootAcceptsWpJsonUrl()
{
    makeClient(appPassword, 5000, QUrl(QStringLiteral("http://portal.test/wp-json/")));
    QCOMPARE(m_client->restRoot(), QUrl(QStringLiteral("http://portal.test/wp-json")));
    QCOMPARE(m_client->routeUrl(QStringLiteral("/wp/v2/posts")),
             QUrl(QStringLiteral("http://portal.test/wp-json/wp/v2/posts")));
    makeClient(appPassword, 5000, QUrl(QStringLiteral("http://portal.test/")));
    QCOMPARE(m_client->restRoot(), QUrl(QStringLiteral("http://portal.test/wp-json")));
}

void TestWordPressClient::requestsTakeTurnsAtTheCap()
{
    // Two at once: the others wait their turn, in order, and one whose
    // caller went away while it waited is never sent.
    Fault slow;
    slow.kind = FaultKind::Delay;
    slow.delayMs = 30;
    slow.times = -1;
    m_portal->addFault(slow);
    m_client->setMaxRequestsInFlight(2);
    const qsizetype before = m_portal->requests().size();
    QList<qint64> answered;
    auto gone = std::make_unique<QObject>();
    for (qint64 id = 1; id <= 5; ++id) {
        QObject *context = id == 5 ? gone.get() : this;
        m_client->fetchTerms(
            QStringLiteral("categories"), context,
            [&answered, id](const PortalResult<QList<RemoteTerm>> &) { answered << id; });
    }
    QCOMPARE(m_client->requestsInFlight(), 2);
    gone.reset();
    QTRY_COMPARE_WITH_TIMEOUT(answered.size(), 4, 10000);
    QCOMPARE(answered, (QList<qint64>{1, 2, 3, 4}));
    QCOMPARE(m_nam->maxOpenRequests(), 2);
    QCOMPARE(m_portal->requests().size() - before, 4);
    QCOMPARE(m_client->requestsInFlight(), 0);
}

QTEST_GUILESS_MAIN(TestWordPressClient)
#include "tst_wordpressclient.moc"
