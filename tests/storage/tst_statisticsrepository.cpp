// The statistics view's figures, computed by SQL on a real library file.

#include "statisticsrepository.h"
#include "testlibrary.h"

#include <QTest>

using namespace ListingDesk;
using namespace ListingDesk::Testing;

class TstStatisticsRepository : public QObject
{
    Q_OBJECT

private slots:
    void countsLiveListingsByStatus();
    void countsEachListingOncePerCity();
    void keepsTheFifteenBiggestCities();
    void foldsCategoriesIntoTheirRoots();
    void countsPublishedPostsPerLocalDay();
    void sumsViewsPerCityAndListing();
    void olderLibraryHasNoPortalFiguresButNoError();
    void readOnlyConnectionReadsButNeverWrites();

private:
    static qint64 idOf(const Result<Listing> &created) { return created.value().id; }
};

void TstStatisticsRepository::countsLiveListingsByStatus()
{
    TestLibrary lib;
    QVERIFY2(lib.isOpen(), qPrintable(lib.error()));
    for (int i = 0; i < 3; ++i)
        LD_VERIFY_OK(lib.create(str("草稿%1").arg(i)));
    for (int i = 0; i < 2; ++i)
        LD_VERIFY_OK(lib.create(str("已发布%1").arg(i), {}, str("房产/租房"), {str("140400")},
                                ListingStatus::Published));
    auto trashed =
        lib.create(str("回收站"), {}, str("房产/租房"), {str("140400")}, ListingStatus::Published);
    LD_VERIFY_OK(trashed);
    LD_VERIFY_OK(lib.listings().moveToTrash({idOf(trashed)}));

    auto counts = StatisticsRepository(lib.db()).listingsByStatus();
    LD_VERIFY_OK(counts);
    QCOMPARE(counts.value().size(), 2);
    QCOMPARE(counts.value().at(0).status, ListingStatus::Draft);
    QCOMPARE(counts.value().at(0).count, 3);
    QCOMPARE(counts.value().at(1).status, ListingStatus::Published);
    QCOMPARE(counts.value().at(1).count, 2); // the trashed one is not counted
}

void TstStatisticsRepository::countsEachListingOncePerCity()
{
    TestLibrary lib;
    QVERIFY(lib.isOpen());
    // 长治 and one of its districts: still one listing for 长治.
    LD_VERIFY_OK(lib.create(str("两个长治"), {}, str("房产/租房"), {str("140400"), str("140403")}));
    LD_VERIFY_OK(lib.create(str("长治太原"), {}, str("房产/租房"), {str("140404"), str("140100")}));
    auto trashed = lib.create(str("删了"), {}, str("房产/租房"), {str("140100")});
    LD_VERIFY_OK(trashed);
    LD_VERIFY_OK(lib.listings().moveToTrash({idOf(trashed)}));

    auto cities = StatisticsRepository(lib.db()).listingsByCity(15);
    LD_VERIFY_OK(cities);
    QCOMPARE(cities.value().size(), 2);
    QCOMPARE(cities.value().at(0).code, str("140400"));
    QCOMPARE(cities.value().at(0).shortName, str("长治"));
    QCOMPARE(cities.value().at(0).count, 2);
    QCOMPARE(cities.value().at(1).code, str("140100"));
    QCOMPARE(cities.value().at(1).count, 1);
}

void TstStatisticsRepository::keepsTheFifteenBiggestCities()
{
    TestLibrary lib;
    QVERIFY(lib.isOpen());
    const QStringList codes = {
        str("110100"), str("120100"), str("130100"), str("130200"), str("130300"), str("130400"),
        str("130500"), str("130600"), str("130700"), str("130800"), str("130900"), str("131000"),
        str("131100"), str("140100"), str("140200"), str("140400"), str("140500")};
    // City i gets i + 1 listings, so the two smallest (北京, 天津) drop out.
    QList<QString> targets;
    for (int i = 0; i < codes.size(); ++i)
        for (int n = 0; n <= i; ++n)
            targets << codes.at(i);
    LD_VERIFY_OK(lib.createMany(int(targets.size()), [&](int i) {
        return lib.makeListing(str("信息%1").arg(i), {}, str("招聘/销售"), {targets.at(i)});
    }));
    auto cities = StatisticsRepository(lib.db()).listingsByCity(15);
    LD_VERIFY_OK(cities);
    QCOMPARE(cities.value().size(), 15);
    QCOMPARE(cities.value().constFirst().code, str("140500"));
    QCOMPARE(cities.value().constFirst().count, 17);
    QCOMPARE(cities.value().constLast().code, str("130100"));
    QCOMPARE(cities.value().constLast().count, 3);
}

void TstStatisticsRepository::foldsCategoriesIntoTheirRoots()
{
    TestLibrary lib;
    QVERIFY(lib.isOpen());
    LD_VERIFY_OK(lib.create(str("租"), {}, str("房产/租房")));
    LD_VERIFY_OK(lib.create(str("卖"), {}, str("房产/二手房")));
    LD_VERIFY_OK(lib.create(str("房"), {}, str("房产")));
    LD_VERIFY_OK(lib.create(str("司机"), {}, str("招聘/司机")));
    LD_VERIFY_OK(lib.create(str("无分类"), {}, QString()));

    auto categories = StatisticsRepository(lib.db()).listingsByCategory();
    LD_VERIFY_OK(categories);
    QCOMPARE(categories.value().size(), 2);
    QCOMPARE(categories.value().at(0).name, str("房产"));
    QCOMPARE(categories.value().at(0).categoryId, lib.categoryId(str("房产")));
    QCOMPARE(categories.value().at(0).count, 3);
    QCOMPARE(categories.value().at(1).name, str("招聘"));
    QCOMPARE(categories.value().at(1).count, 1);
}

void TstStatisticsRepository::countsPublishedPostsPerLocalDay()
{
    TestLibrary lib;
    QVERIFY(lib.isOpen());
    auto portal = addPortal(lib.library(), str("p"), str("https://example.invalid/"));
    LD_VERIFY_OK(portal);
    auto listing = lib.create(str("发布"));
    LD_VERIFY_OK(listing);
    const qint64 id = idOf(listing);
    // UTC times; the library's user lives at UTC+8.
    const QList<std::pair<QString, QString>> posts = {
        {str("140400"), str("2026-11-20T17:00:00.000Z")}, // 21 Nov local
        {str("140100"), str("2026-11-21T03:00:00.000Z")}, // 21 Nov local
        {str("140200"), str("2026-11-29T15:59:59.000Z")}, // 29 Nov 23:59 local: last day
        {str("140300"), str("2026-11-29T16:00:00.000Z")}, // 30 Nov local: after the range
        {str("140500"), str("2026-10-30T15:59:00.000Z")}, // 30 Oct local: before the range
    };
    for (const auto &[code, when] : posts)
        LD_VERIFY_OK(lib.exec(str("INSERT INTO remote_posts (listing_id, portal_id, region_code, "
                                  "client_key, state, published_at) VALUES (%1, %2, '%3', 'k%3', "
                                  "'published', '%4')")
                                  .arg(id)
                                  .arg(portal.value())
                                  .arg(code, when)));
    LD_VERIFY_OK(lib.exec(str("INSERT INTO remote_posts (listing_id, portal_id, region_code, "
                              "client_key) VALUES (%1, %2, '140700', 'pending')")
                              .arg(id)
                              .arg(portal.value())));

    auto days = StatisticsRepository(lib.db()).publishedPerDay(QDate(2026, 11, 29), 30, 8 * 3600);
    LD_VERIFY_OK(days);
    QCOMPARE(days.value().size(), 30);
    QCOMPARE(days.value().constFirst().day, QDate(2026, 10, 31));
    QCOMPARE(days.value().constLast().day, QDate(2026, 11, 29));
    qint64 total = 0;
    for (const DayCount &d : days.value())
        total += d.count;
    QCOMPARE(total, 3);
    QCOMPARE(days.value().at(21).day, QDate(2026, 11, 21));
    QCOMPARE(days.value().at(21).count, 2);
    QCOMPARE(days.value().constLast().count, 1);
}

void TstStatisticsRepository::sumsViewsPerCityAndListing()
{
    TestLibrary lib;
    QVERIFY(lib.isOpen());
    auto portal = addPortal(lib.library(), str("p"), str("https://example.invalid/"));
    LD_VERIFY_OK(portal);
    auto a = lib.create(str("长治出租"));
    auto b = lib.create(str("太原招聘"));
    auto gone = lib.create(str("已删除"));
    LD_VERIFY_OK(a);
    LD_VERIFY_OK(b);
    LD_VERIFY_OK(gone);
    auto post = [&](qint64 listing, const char *code, const char *views) {
        return lib.exec(str("INSERT INTO remote_posts (listing_id, portal_id, region_code, "
                            "client_key, state, views) VALUES (%1, %2, '%3', 'k%1-%3', "
                            "'published', %4)")
                            .arg(listing)
                            .arg(portal.value())
                            .arg(str(code), str(views)));
    };
    LD_VERIFY_OK(post(idOf(a), "140400", "44"));
    LD_VERIFY_OK(post(idOf(a), "140403", "6"));    // a district of 长治
    LD_VERIFY_OK(post(idOf(a), "140100", "NULL")); // this portal does not count views
    LD_VERIFY_OK(post(idOf(b), "140100", "30"));
    LD_VERIFY_OK(post(idOf(gone), "140100", "100"));
    LD_VERIFY_OK(lib.listings().moveToTrash({idOf(gone)}));

    StatisticsRepository stats(lib.db());
    auto cities = stats.viewsByCity(15);
    LD_VERIFY_OK(cities);
    QCOMPARE(cities.value().size(), 2);
    // The portal counted the trashed listing's views in 太原 too.
    QCOMPARE(cities.value().at(0).shortName, str("太原"));
    QCOMPARE(cities.value().at(0).count, 130);
    QCOMPARE(cities.value().at(1).shortName, str("长治"));
    QCOMPARE(cities.value().at(1).count, 50);

    auto top = stats.topListingsByViews(10);
    LD_VERIFY_OK(top);
    QCOMPARE(top.value().size(), 2); // only listings one can open
    QCOMPARE(top.value().at(0).title, str("长治出租"));
    QCOMPARE(top.value().at(0).views, 50);
    QCOMPARE(top.value().at(1).listingId, idOf(b));
    QCOMPARE(top.value().at(1).views, 30);
}

void TstStatisticsRepository::olderLibraryHasNoPortalFiguresButNoError()
{
    TestLibrary lib(3); // before remote_posts existed
    QVERIFY2(lib.isOpen(), qPrintable(lib.error()));
    LD_VERIFY_OK(lib.create(str("旧库")));
    StatisticsRepository stats(lib.db());
    auto days = stats.publishedPerDay(QDate(2026, 11, 29), 30, 0);
    LD_VERIFY_OK(days);
    QCOMPARE(days.value().size(), 30);
    QVERIFY(std::all_of(days.value().begin(), days.value().end(),
                        [](const DayCount &d) { return d.count == 0; }));
    auto views = stats.viewsByCity(15);
    LD_VERIFY_OK(views);
    QVERIFY(views.value().isEmpty());
    auto top = stats.topListingsByViews(10);
    LD_VERIFY_OK(top);
    QVERIFY(top.value().isEmpty());
    auto status = stats.listingsByStatus();
    LD_VERIFY_OK(status);
    QCOMPARE(status.value().size(), 1);
}

void TstStatisticsRepository::readOnlyConnectionReadsButNeverWrites()
{
    // The statistics worker's own connection, opened from Database::path()
    // (a file, or the URL of a team library).
    TestLibrary lib;
    QVERIFY2(lib.isOpen(), qPrintable(lib.error()));
    LD_VERIFY_OK(lib.create(str("统计只读")));
    const QString name = QStringLiteral("tst-statistics-read-only");
    {
        auto db = StatisticsRepository::openReadOnly(lib.library().database().path(), name);
        LD_VERIFY_OK(db);
        StatisticsRepository statistics(db.value());
        auto all = statistics.readAll(QDate(2026, 11, 29), 7, 8 * 3600);
        LD_VERIFY_OK(all);
        QCOMPARE(all.value().byStatus.size(), 1);
        QCOMPARE(all.value().byStatus.first().count, 1);
        QSqlQuery write(db.value());
        QVERIFY(!write.exec(QStringLiteral("UPDATE listings SET title = 'x'")));
        db.value().close();
    }
    QSqlDatabase::removeDatabase(name);
    QCOMPARE(lib.listings().load(1).value().title, str("统计只读"));
}

QTEST_GUILESS_MAIN(TstStatisticsRepository)
#include "tst_statisticsrepository.moc"
