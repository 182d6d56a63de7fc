// What the library records about portals and the posts it made there:
// portal accounts (unique names, checked addresses, never a password), the
// remote post of each (listing, portal, city), uploaded images, and the rule
// that a person's edit of a published listing makes it due for an update.

#include "listinghash.h"
#include "testlibrary.h"

#include <QTest>

#include <functional>
#include <memory>

using namespace ListingDesk;
using namespace ListingDesk::Testing;

class TestSyncStorage : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void addAndList();
    void duplicateNameRefused();
    void badAccountsRefused();
    void updateAndRemove();
    void portalByNameSaysWhatToDo();
    void clientKeys();
    void remotePostUpsertAndLookups();
    void removingPortalForgetsItsPosts();
    void mediaUploadsRememberedPerPortal();
    void userEditOfPublishedListingMarksModified();
    void contentHashIgnoresLocalState();

private:
    std::unique_ptr<TestLibrary> m_library;
    PortalRepository &portals() { return m_library->library().portals(); }
    RemotePostRepository &posts() { return m_library->library().remotePosts(); }
};

void TestSyncStorage::init()
{
    m_library = std::make_unique<TestLibrary>();
    QVERIFY2(m_library->isOpen(), qPrintable(m_library->error()));
}

void TestSyncStorage::cleanup()
{
    m_library.reset();
}

void TestSyncStorage::addAndList()
{
    auto empty = portals().all();
    LD_VERIFY_OK(empty);
    QVERIFY(empty.value().isEmpty());

    PortalInfo cz;
    cz.name = str("长治信息港");
    cz.baseUrl = QStringLiteral("https://cz.example.com");
    cz.username = QStringLiteral("editor");
    cz.titleLimit = 40;
    auto second = portals().add(cz);
    LD_VERIFY_OK(second);
    auto first = addPortal(m_library->library(), QStringLiteral("  Alpha  "),
                           QStringLiteral("https://alpha.example.com/"));
    LD_VERIFY_OK(first);
    QVERIFY(first.value() != second.value());

    auto all = portals().all();
    LD_VERIFY_OK(all);
    QCOMPARE(all.value().size(), 2);
    const PortalInfo &alpha = all.value().at(0); // by name, stored trimmed
    QCOMPARE(alpha.name, QStringLiteral("Alpha"));
    QCOMPARE(alpha.baseUrl, QStringLiteral("https://alpha.example.com/"));
    QCOMPARE(alpha.mode, PortalMode::Unknown);
    QVERIFY(alpha.createTerms);
    QVERIFY(!alpha.allowPlainHttp);
    const PortalInfo &stored = all.value().at(1);
    QCOMPARE(stored.name, cz.name);
    QCOMPARE(stored.username, QStringLiteral("editor"));
    QCOMPARE(stored.titleLimit, 40);
    QVERIFY(!stored.lastPull.isValid());
}

void TestSyncStorage::duplicateNameRefused()
{
    LD_VERIFY_OK(addPortal(m_library->library(), str("长治信息港"),
                           QStringLiteral("https://a.example.com")));
    auto again = addPortal(m_library->library(), str(" 长治信息港 "),
                           QStringLiteral("https://b.example.com"));
    QVERIFY(!again.ok());
    QCOMPARE(again.error().kind, Error::Kind::Conflict);
    QVERIFY2(again.error().message.contains(str("长治信息港")), qPrintable(again.error().message));
    QVERIFY2(!again.error().message.contains(QStringLiteral("UNIQUE")),
             qPrintable(again.error().message));
    QCOMPARE(portals().all().value().size(), 1);
}

void TestSyncStorage::badAccountsRefused()
{
    for (const auto &[name, url] :
         {std::pair{QStringLiteral("  "), QStringLiteral("https://x.example")},
          std::pair{QStringLiteral("x"), QStringLiteral("portal.example.com")},
          std::pair{QStringLiteral("x"), QStringLiteral("ftp://portal.example.com")},
          std::pair{QStringLiteral("x"), QStringLiteral("https://")}}) {
        auto added = addPortal(m_library->library(), name, url);
        QVERIFY2(!added.ok(), qPrintable(url));
        QCOMPARE(added.error().kind, Error::Kind::Data);
        QVERIFY(!added.error().message.isEmpty());
    }
    QVERIFY(portals().all().value().isEmpty());
}

void TestSyncStorage::updateAndRemove()
{
    const qint64 id = addPortal(m_library->library(), QStringLiteral("P"),
                                QStringLiteral("http://127.0.0.1:8080"))
                          .value();
    PortalInfo p = portals().portal(id).value();
    p.name = QStringLiteral("Portal");
    p.mode = PortalMode::Plugin;
    p.allowPlainHttp = true;
    p.createTerms = false;
    p.bodyLimit = 20000;
    p.lastPull = QDateTime(QDate(2026, 11, 1), QTime(8, 30, 15, 250), Qt::UTC);
    LD_VERIFY_OK(portals().update(p));
    const PortalInfo again = portals().portalByName(QStringLiteral("Portal")).value();
    QCOMPARE(again.mode, PortalMode::Plugin);
    QVERIFY(again.allowPlainHttp);
    QVERIFY(!again.createTerms);
    QCOMPARE(again.bodyLimit, 20000);
    QCOMPARE(again.lastPull, p.lastPull);

    LD_VERIFY_OK(portals().setMode(id, PortalMode::Plain));
    QCOMPARE(portals().portal(id).value().mode, PortalMode::Plain);

    LD_VERIFY_OK(portals().remove(id));
    QCOMPARE(portals().portal(id).error().kind, Error::Kind::NotFound);
    p.id = id;
    QCOMPARE(portals().update(p).error().kind, Error::Kind::NotFound);
}

void TestSyncStorage::portalByNameSaysWhatToDo()
{
    auto missing = portals().portalByName(QStringLiteral("nope"));
    QVERIFY(!missing.ok());
    QCOMPARE(missing.error().kind, Error::Kind::NotFound);
    QVERIFY(missing.error().message.contains(QStringLiteral("nope")));
    QVERIFY(missing.error().message.contains(QStringLiteral("portal list")));
}

void TestSyncStorage::clientKeys()
{
    const QString uuid = QStringLiteral("0f8fad5b-d9cb-469f-a165-70867728950e");
    const QString key = clientKeyFor(uuid, QStringLiteral("140400"));
    QCOMPARE(key, QStringLiteral("ld-0f8fad5bd9cb469fa16570867728950e-140400"));
    QString back, region;
    QVERIFY(parseClientKey(key, &back, &region));
    QCOMPARE(back, uuid);
    QCOMPARE(region, QStringLiteral("140400"));
    QCOMPARE(clientKeyFor(QStringLiteral("{0F8FAD5B-D9CB-469F-A165-70867728950E}"),
                          QStringLiteral("140400")),
             key);
    for (const char *bad : {"ld-0f8fad5b-140400", "xx-0f8fad5bd9cb469fa16570867728950e-140400",
                            "ld-0f8fad5bd9cb469fa16570867728950e-1404", "hello-world",
                            "ld-0f8fad5bd9cb469fa16570867728950e-140400__trashed"})
        QVERIFY2(!parseClientKey(QString::fromLatin1(bad), nullptr, nullptr), bad);
}

void TestSyncStorage::remotePostUpsertAndLookups()
{
    const qint64 portal =
        addPortal(m_library->library(), QStringLiteral("P"), QStringLiteral("https://p.example"))
            .value();
    auto listing = m_library->create(str("长治出租两室一厅"), {}, str("房产/租房"),
                                     {QStringLiteral("140400"), QStringLiteral("140100")});
    LD_VERIFY_OK(listing);
    const Listing &l = listing.value();

    RemotePostRecord r;
    r.listingId = l.id;
    r.portalId = portal;
    r.regionCode = QStringLiteral("140400");
    r.clientKey = clientKeyFor(l.uuid, r.regionCode);
    LD_VERIFY_OK(posts().save(&r));
    QVERIFY(r.id > 0);
    QCOMPARE(posts().find(portal, l.id, QStringLiteral("140400")).value()->state,
             RemoteState::Pending);

    const qint64 firstId = r.id;
    r.remoteId = 4711;
    r.url = QStringLiteral("https://p.example/zufang-4711/");
    r.remoteStatus = QStringLiteral("publish");
    r.remoteModified = QDateTime(QDate(2026, 11, 29), QTime(4, 0), Qt::UTC);
    r.pushedHash = listingContentHash(l);
    r.views = 44;
    r.state = RemoteState::Published;
    LD_VERIFY_OK(posts().save(&r));
    QCOMPARE(r.id, firstId); // updated in place, not a second row

    auto byRemote = posts().findByRemoteId(portal, 4711);
    LD_VERIFY_OK(byRemote);
    QVERIFY(byRemote.value().has_value());
    const RemotePostRecord &stored = *byRemote.value();
    QCOMPARE(stored.url, r.url);
    QCOMPARE(stored.views, std::optional<int>(44));
    QCOMPARE(stored.remoteModified, r.remoteModified);
    QCOMPARE(stored.pushedHash, r.pushedHash);
    QCOMPARE(stored.state, RemoteState::Published);
    QVERIFY(posts().findByClientKey(portal, r.clientKey).value().has_value());
    QVERIFY(!posts().findByClientKey(portal, QStringLiteral("ld-x")).value().has_value());
    QVERIFY(!posts().findByRemoteId(portal, 1).value().has_value());

    RemotePostRecord second = r;
    second.id = 0;
    second.regionCode = QStringLiteral("140100");
    second.clientKey = clientKeyFor(l.uuid, second.regionCode);
    second.remoteId = 4712;
    second.views.reset();
    second.state = RemoteState::Failed;
    second.lastError = str("分类不存在");
    LD_VERIFY_OK(posts().save(&second));
    QCOMPARE(posts().forListing(l.id).value().size(), 2);
    QCOMPARE(posts().forPortal(portal).value().size(), 2);
    const auto counts = posts().stateCounts(portal).value();
    QCOMPARE(counts.value(RemoteState::Published), 1);
    QCOMPARE(counts.value(RemoteState::Failed), 1);
    QCOMPARE(posts().find(portal, l.id, QStringLiteral("140100")).value()->views,
             std::optional<int>());
}

void TestSyncStorage::removingPortalForgetsItsPosts()
{
    const qint64 a =
        addPortal(m_library->library(), QStringLiteral("A"), QStringLiteral("https://a.example"))
            .value();
    const qint64 b =
        addPortal(m_library->library(), QStringLiteral("B"), QStringLiteral("https://b.example"))
            .value();
    const Listing l = m_library->create(QStringLiteral("t")).value();
    for (qint64 portal : {a, b}) {
        RemotePostRecord r;
        r.listingId = l.id;
        r.portalId = portal;
        r.regionCode = QStringLiteral("140400");
        r.clientKey = clientKeyFor(l.uuid, r.regionCode);
        LD_VERIFY_OK(posts().save(&r));
        LD_VERIFY_OK(posts().recordMediaUpload(portal, QStringLiteral("abc"), 9,
                                               QStringLiteral("https://x/y.jpg")));
    }
    LD_VERIFY_OK(portals().remove(a));
    QCOMPARE(posts().forListing(l.id).value().size(), 1);
    QCOMPARE(posts().uploadedMediaUrl(a, QStringLiteral("abc")).value(), QString());
    QCOMPARE(posts().uploadedMediaUrl(b, QStringLiteral("abc")).value(),
             QStringLiteral("https://x/y.jpg"));
    // The listing itself is the user's work and stays.
    LD_VERIFY_OK(m_library->listings().load(l.id));
}

void TestSyncStorage::mediaUploadsRememberedPerPortal()
{
    const qint64 a =
        addPortal(m_library->library(), QStringLiteral("A"), QStringLiteral("https://a.example"))
            .value();
    QCOMPARE(posts().uploadedMediaUrl(a, QStringLiteral("f00")).value(), QString());
    LD_VERIFY_OK(posts().recordMediaUpload(a, QStringLiteral("f00"), 12,
                                           QStringLiteral("https://a.example/1.jpg")));
    LD_VERIFY_OK(posts().recordMediaUpload(a, QStringLiteral("f00"), 13,
                                           QStringLiteral("https://a.example/2.jpg")));
    QCOMPARE(posts().uploadedMediaUrl(a, QStringLiteral("f00")).value(),
             QStringLiteral("https://a.example/2.jpg"));
}

void TestSyncStorage::userEditOfPublishedListingMarksModified()
{
    Listing l = m_library
                    ->create(QStringLiteral("t"), {}, str("房产/租房"), {QStringLiteral("140400")},
                             ListingStatus::Published)
                    .value();
    QCOMPARE(l.status, ListingStatus::Published);

    // Saving without a change of content keeps it published.
    l = m_library->listings().save(l).value();
    QCOMPARE(l.status, ListingStatus::Published);

    // The portal's version pulled in is not a local edit.
    l.title = QStringLiteral("from the portal");
    l = m_library->listings().save(l, ListingRepository::SaveOrigin::Verbatim).value();
    QCOMPARE(l.status, ListingStatus::Published);

    l.title = QStringLiteral("edited here");
    l = m_library->listings().save(l).value();
    QCOMPARE(l.status, ListingStatus::Modified);
    QCOMPARE(m_library->listings().load(l.id).value().status, ListingStatus::Modified);
}

void TestSyncStorage::contentHashIgnoresLocalState()
{
    Listing l = m_library->makeListing(str("长治出租"), QStringLiteral("<p>x</p>"));
    const QString h = listingContentHash(l);
    QCOMPARE(h.size(), 64);
    Listing other = l;
    other.status = ListingStatus::Published;
    other.revision = 7;
    other.updatedAt = QDateTime::currentDateTimeUtc();
    QCOMPARE(listingContentHash(other), h);
    for (auto change : std::initializer_list<std::function<void(Listing &)>>{
             [](Listing &x) { x.title += u'!'; }, [](Listing &x) { x.bodyHtml.clear(); },
             [](Listing &x) { x.price = 0.0; },
             [](Listing &x) { x.contact.phone = QStringLiteral("1"); },
             [](Listing &x) { x.cityCodes << QStringLiteral("140100"); },
             [](Listing &x) { x.promoted = true; }}) {
        Listing changed = l;
        change(changed);
        QVERIFY(listingContentHash(changed) != h);
    }
}

QTEST_GUILESS_MAIN(TestSyncStorage)
#include "tst_syncstorage.moc"
