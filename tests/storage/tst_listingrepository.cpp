// Reading and writing listings: every field survives, revisions and the
// optimistic lock protect concurrent edits, the trash is reversible until
// emptied, and every query (search, filters, sorting, paging) is answered by
// SQL against a real library file.

#include "testlibrary.h"

#include <QSignalSpy>
#include <QTest>
#include <QTimeZone>
#include <QUuid>

#include <algorithm>
#include <memory>

using namespace ListingDesk;
using namespace ListingDesk::Testing;

Q_DECLARE_METATYPE(ListingQuery)

namespace {

QStringList sorted(QStringList list)
{
    list.sort();
    return list;
}

ListingQuery searchQuery(const QString &text, SavedFilter filter = SavedFilter::All)
{
    ListingQuery query;
    query.filter = filter;
    query.searchText = text;
    return query;
}

int ftsProblems(TestLibrary &t)
{
    // Fails (returns 1) when the index no longer matches the listings table.
    // PostgreSQL's pg_trgm indexes are part of the table itself: nothing to drift.
    if (t.isPostgres())
        return 0;
    return t.exec(QStringLiteral("INSERT INTO listings_fts(listings_fts, rank) "
                                 "VALUES ('integrity-check', 1)"))
                   .ok()
               ? 0
               : 1;
}

} // namespace

class TestListingRepository : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void roundTripsEveryField_data();
    void roundTripsEveryField();
    void sameCityTwiceIsOneTarget();
    void saveBumpsRevisionAndKeepsHistory();
    void staleSaveIsAConflict();
    void saveOfMissingListingIsNotFound();
    void unknownCityIsRejected_data();
    void unknownCityIsRejected();
    void unknownCategoryIsRejected();
    void trashRestoreAndEmpty();
    void trashManyAtOnce();
    void duplicateMakesADraftCopy();
    void filterCounts();

    void search_data();
    void search();
    void searchKeepsUpWithSaves();
    void filters_data();
    void filters();
    void rowShowsWhatTheTableNeeds();
    void sortAndPage_data();
    void sortAndPage();

private:
    // A library with a fixed set of listings for the read-only query tests.
    std::unique_ptr<TestLibrary> m_shared;
    // 23 listings whose title order, update order and insertion order all
    // differ, with a group of equal titles that only the id can order.
    struct SortedListing
    {
        qint64 id;
        QString title;
        QString updated;
    };
    std::unique_ptr<TestLibrary> m_sortLibrary;
    QList<SortedListing> m_sortedListings;
};

void TestListingRepository::initTestCase()
{
    m_shared = std::make_unique<TestLibrary>();
    QVERIFY2(m_shared->isOpen(), qPrintable(m_shared->error()));
    struct Spec
    {
        const char *title;
        const char *body;
        const char *category;
        QStringList cities;
        ListingStatus status;
        bool trashed = false;
    };
    const QList<Spec> specs{
        {"长治市区两室一厅出租",
         "<p>拎包入住，近<span class=\"hl\">长治学院</span>。</p>",
         "房产/租房",
         {str("140400")},
         ListingStatus::Draft},
        {"潞州区二手房急售",
         "<p>三室两厅，南北通透</p>",
         "房产/二手房",
         {str("140403")},
         ListingStatus::Ready},
        {"太原招聘技术员",
         "<p>本公司急招消防工程师两名，待遇从优</p>",
         "招聘/普工技工",
         {str("140100")},
         ListingStatus::Published},
        {"二手电动车转让",
         "<p>九成新，价格面议</p>",
         "车辆/电动车",
         {str("110105")},
         ListingStatus::Failed},
        {"治安巡逻员",
         "<div>保安公司招聘</div>",
         "招聘/保安",
         {str("211300")},
         ListingStatus::Draft},
        {"iPhone 14 Pro 转让",
         "<p>国行 256G 📱📱</p>",
         "二手/手机",
         {str("140100"), str("140400")},
         ListingStatus::Modified},
        {"废弃的长治房源",
         "<p>已下架</p>",
         "房产/租房",
         {str("140400")},
         ListingStatus::Draft,
         true},
    };
    for (const Spec &spec : specs) {
        Listing listing = m_shared->makeListing(str(spec.title), str(spec.body), str(spec.category),
                                                spec.cities, spec.status);
        QVERIFY(listing.categoryId != 0);
        listing.promoted = spec.status == ListingStatus::Modified;
        auto created = m_shared->listings().create(listing);
        LD_VERIFY_OK(created);
        if (spec.trashed) {
            auto trashed = m_shared->listings().moveToTrash({created.value().id});
            LD_VERIFY_OK(trashed);
        }
    }

    m_sortLibrary = std::make_unique<TestLibrary>();
    TestLibrary &t = *m_sortLibrary;
    QVERIFY2(t.isOpen(), qPrintable(t.error()));
    for (int i = 0; i < 23; ++i) {
        const int titleKey = (i * 7) % 23;
        const int updateKey = (i * 11 + 5) % 23;
        const QString title =
            (i % 5 == 3) ? str("同名房源")
                         : QStringLiteral("T%1 房源").arg(titleKey, 2, 10, QLatin1Char('0'));
        auto created = t.create(title);
        LD_VERIFY_OK(created);
        const QString updated =
            QStringLiteral("2025-03-01T10:%1:00.000Z").arg(updateKey, 2, 10, QLatin1Char('0'));
        LD_VERIFY_OK(t.exec(QStringLiteral("UPDATE listings SET updated_at = '%1' WHERE id = %2")
                                .arg(updated)
                                .arg(created.value().id)));
        m_sortedListings << SortedListing{created.value().id, title, updated};
    }
    // A listing in the trash is never part of the pages.
    auto trashed = t.create(str("A 回收站里的"));
    LD_VERIFY_OK(trashed);
    LD_VERIFY_OK(t.listings().moveToTrash({trashed.value().id}));
}

void TestListingRepository::cleanupTestCase()
{
    m_shared.reset();
    m_sortLibrary.reset();
}

void TestListingRepository::roundTripsEveryField_data()
{
    QTest::addColumn<Listing>("input");
    QTest::addColumn<QString>("storedExpiry"); // as text in the file

    Listing full;
    full.uuid = str("0b9f7f5e-1c2d-4e3f-8a9b-123456789abc");
    full.title = str("长治市区精装两室一厅出租（拎包入住）");
    full.bodyHtml = str("<p>南北通透，<b>近</b>长治学院。</p>\n<p>月租 1500 元，押一付三。</p>");
    full.categoryPath = str("房产/租房");
    full.cityCodes = {str("140403"), str("140100"), str("140400")}; // the user's order, not sorted
    full.price = 1500.5;
    full.contact = {str("王先生"), str("138 0000 0000"), str("wang_fd")};
    full.expiresAt = QDateTime(QDate(2026, 12, 31), QTime(18, 30, 0), QTimeZone(8 * 3600));
    full.promoted = true;
    full.status = ListingStatus::Ready;
    QTest::newRow("every field") << full << str("2026-12-31T18:30:00+08:00");

    Listing minimal;
    minimal.title = str("急招消防工");
    QTest::newRow("a new empty draft") << minimal << QString();

    Listing zero;
    zero.title = str("免费送旧沙发");
    zero.categoryPath = str("二手/家具");
    zero.cityCodes = {str("110105")};
    zero.price = 0.0; // free is not "no price"
    zero.contact = {QString(), QString(), str("sofa2024")};
    zero.expiresAt = QDateTime(QDate(2026, 1, 1), QTime(0, 0), QTimeZone::utc());
    zero.status = ListingStatus::Published;
    QTest::newRow("zero price, UTC expiry") << zero << str("2026-01-01T00:00:00+00:00");
}

void TestListingRepository::roundTripsEveryField()
{
    QFETCH(Listing, input);
    QFETCH(QString, storedExpiry);

    TestLibrary t;
    QVERIFY2(t.isOpen(), qPrintable(t.error()));
    if (!input.categoryPath.isEmpty()) {
        input.categoryId = t.categoryId(input.categoryPath);
        QVERIFY(input.categoryId);
    }
    QSignalSpy changed(&t.listings(), &ListingRepository::listingsChanged);

    auto created = t.listings().create(input);
    LD_VERIFY_OK(created);
    QCOMPARE(changed.size(), 1);
    const Listing c = created.value();
    QVERIFY(c.id > 0);
    if (input.uuid.isEmpty())
        QVERIFY2(!QUuid::fromString(c.uuid).isNull(), qPrintable(c.uuid));
    else
        QCOMPARE(c.uuid, input.uuid);
    QCOMPARE(c.revision, 1);
    QVERIFY(c.createdAt.isValid());
    QCOMPARE(c.updatedAt, c.createdAt);
    QCOMPARE(c.categoryPath, input.categoryPath);
    QVERIFY(!c.deleted);

    const auto check = [&](const Listing &l) {
        QCOMPARE(l.id, c.id);
        QCOMPARE(l.uuid, c.uuid);
        QCOMPARE(l.title, input.title);
        QCOMPARE(l.bodyHtml, input.bodyHtml);
        QCOMPARE(l.categoryId, input.categoryId);
        QCOMPARE(l.categoryPath, input.categoryPath);
        QCOMPARE(l.cityCodes, input.cityCodes);
        QCOMPARE(l.price.has_value(), input.price.has_value());
        if (input.price)
            QCOMPARE(*l.price, *input.price);
        QCOMPARE(l.contact, input.contact);
        QCOMPARE(l.expiresAt, input.expiresAt);
        if (input.expiresAt.isValid())
            QCOMPARE(l.expiresAt.offsetFromUtc(), input.expiresAt.offsetFromUtc());
        QCOMPARE(l.promoted, input.promoted);
        QCOMPARE(l.status, input.status);
        QCOMPARE(l.revision, 1);
        QCOMPARE(l.createdAt, c.createdAt);
        QCOMPARE(l.updatedAt, c.updatedAt);
        QVERIFY(!l.deleted);
        QVERIFY(l.sameContent(c));
    };

    auto byId = t.listings().load(c.id);
    LD_VERIFY_OK(byId);
    check(byId.value());
    if (QTest::currentTestFailed())
        return;
    auto byUuid = t.listings().loadByUuid(c.uuid);
    LD_VERIFY_OK(byUuid);
    check(byUuid.value());
    if (QTest::currentTestFailed())
        return;

    QCOMPARE(
        scalar(t.db(), QStringLiteral("SELECT expires_at FROM listings WHERE id = %1").arg(c.id))
            .toString(),
        storedExpiry);

    // It is on disk, not just in a cache: reopen the file and read it again.
    auto reopened = t.library().open(t.path());
    LD_VERIFY_OK(reopened);
    auto again = t.listings().load(c.id);
    LD_VERIFY_OK(again);
    check(again.value());
}

void TestListingRepository::sameCityTwiceIsOneTarget()
{
    TestLibrary t;
    QVERIFY2(t.isOpen(), qPrintable(t.error()));
    auto created = t.create(str("两个长治"), {}, str("房产/租房"),
                            {str("140400"), str("140100"), str("140400")});
    LD_VERIFY_OK(created);
    auto loaded = t.listings().load(created.value().id);
    LD_VERIFY_OK(loaded);
    QCOMPARE(loaded.value().cityCodes, (QStringList{str("140400"), str("140100")}));
}

void TestListingRepository::saveBumpsRevisionAndKeepsHistory()
{
    TestLibrary t;
    QVERIFY2(t.isOpen(), qPrintable(t.error()));
    auto created = t.create(str("初稿"), str("<p>第一版</p>"));
    LD_VERIFY_OK(created);
    const qint64 id = created.value().id;
    QSignalSpy changed(&t.listings(), &ListingRepository::listingChanged);
    QSignalSpy bulk(&t.listings(), &ListingRepository::listingsChanged);

    Listing edit = created.value();
    edit.title = str("第二稿");
    edit.price = 100;
    auto second = t.listings().save(edit);
    LD_VERIFY_OK(second);
    QCOMPARE(second.value().revision, 2);
    QCOMPARE(second.value().title, str("第二稿"));
    QCOMPARE(second.value().createdAt, created.value().createdAt);
    QVERIFY(second.value().updatedAt >= created.value().updatedAt);

    edit = second.value();
    edit.title = str("第三稿");
    edit.status = ListingStatus::Ready;
    edit.cityCodes = {str("140100")};
    auto third = t.listings().save(edit);
    LD_VERIFY_OK(third);
    QCOMPARE(third.value().revision, 3);
    QCOMPARE(t.listings().load(id).value().revision, 3);

    QCOMPARE(changed.size(), 2);
    QCOMPARE(changed.at(0).at(0).toLongLong(), id);
    QCOMPARE(changed.at(1).at(0).toLongLong(), id);
    QCOMPARE(bulk.size(), 0); // a save updates one row; no view needs to re-query

    const QList<ListingRevision> history = t.listings().revisions(id);
    // The history holds the versions each save replaced; the current one
    // (revision 3, 第三稿) is the listing itself.
    QCOMPARE(t.listings().load(id).value().title, str("第三稿"));
    QCOMPARE(history.size(), 2);
    QCOMPARE(history.at(0).revision, 2); // newest first
    QCOMPARE(history.at(1).revision, 1);
    QCOMPARE(history.at(0).listing.title, str("第二稿"));
    QCOMPARE(history.at(0).listing.price, std::optional<double>(100.0));
    QCOMPARE(history.at(1).listing.title, str("初稿"));
    QCOMPARE(history.at(1).listing.bodyHtml, str("<p>第一版</p>"));
    QVERIFY(!history.at(1).listing.price.has_value());
    for (const ListingRevision &revision : history) {
        QVERIFY(revision.savedAt.isValid());
        QCOMPARE(revision.listing.id, id);
        QCOMPARE(revision.listing.revision, revision.revision);
        QCOMPARE(revision.listing.uuid, created.value().uuid);
    }
}

void TestListingRepository::staleSaveIsAConflict()
{
    TestLibrary t;
    QVERIFY2(t.isOpen(), qPrintable(t.error()));
    auto created = t.create(str("原标题"), str("<p>原文</p>"));
    LD_VERIFY_OK(created);
    const qint64 id = created.value().id;

    // Two windows open the same listing; the first one saves.
    Listing first = t.listings().load(id).value();
    Listing second = t.listings().load(id).value();
    first.title = str("第一个窗口的修改");
    auto saved = t.listings().save(first);
    LD_VERIFY_OK(saved);

    QSignalSpy changed(&t.listings(), &ListingRepository::listingChanged);
    second.title = str("第二个窗口的修改");
    second.bodyHtml = str("<p>被覆盖的风险</p>");
    second.price = 9;
    auto stale = t.listings().save(second);
    QVERIFY(!stale.ok());
    QCOMPARE(stale.error().kind, Error::Kind::Conflict);
    QVERIFY2(stale.error().message.contains(str("第一个窗口的修改")),
             qPrintable(stale.error().message));
    QCOMPARE(changed.size(), 0);

    // Nothing of the stale edit reached the library.
    const Listing stored = t.listings().load(id).value();
    QCOMPARE(stored.title, str("第一个窗口的修改"));
    QCOMPARE(stored.bodyHtml, str("<p>原文</p>"));
    QVERIFY(!stored.price.has_value());
    QCOMPARE(stored.revision, 2);
    QCOMPARE(t.listings().revisions(id).size(), 1); // the failed save left no trace
    QCOMPARE(t.listings().count(searchQuery(str("被覆盖"))), 0);
    QCOMPARE(t.listings().count(searchQuery(str("第二个窗口"))), 0);

    // Starting again from the stored revision works.
    Listing retry = stored;
    retry.title = str("第二个窗口的修改");
    auto retried = t.listings().save(retry);
    LD_VERIFY_OK(retried);
    QCOMPARE(retried.value().revision, 3);
}

void TestListingRepository::saveOfMissingListingIsNotFound()
{
    TestLibrary t;
    QVERIFY2(t.isOpen(), qPrintable(t.error()));
    Listing ghost = t.makeListing(str("不存在"));
    ghost.id = 4242;
    ghost.revision = 1;
    auto saved = t.listings().save(ghost);
    QVERIFY(!saved.ok());
    QCOMPARE(saved.error().kind, Error::Kind::NotFound);
    QCOMPARE(t.listings().count({}), 0);
    QCOMPARE(t.listings().load(4242).error().kind, Error::Kind::NotFound);
    QCOMPARE(t.listings().loadByUuid(str("nope")).error().kind, Error::Kind::NotFound);
}

void TestListingRepository::unknownCityIsRejected_data()
{
    QTest::addColumn<bool>("onCreate");
    QTest::addColumn<QString>("badCity");
    QTest::newRow("create, unknown code") << true << str("999999");
    QTest::newRow("create, a name is not a code") << true << str("长治");
    QTest::newRow("save, unknown code") << false << str("999999");
    QTest::newRow("save, five digits") << false << str("14040");
    // Listings target city sub-sites; a province is a choice of its cities.
    QTest::newRow("create, a province") << true << str("140000");
    QTest::newRow("save, a province") << false << str("140000");
}

void TestListingRepository::unknownCityIsRejected()
{
    QFETCH(bool, onCreate);
    QFETCH(QString, badCity);

    TestLibrary t;
    QVERIFY2(t.isOpen(), qPrintable(t.error()));
    auto existing = t.create(str("已有的房源"), str("<p>正文</p>"));
    LD_VERIFY_OK(existing);
    const Listing before = existing.value();
    const auto countRows = [&](const char *table) {
        return scalar(t.db(), QStringLiteral("SELECT count(*) FROM %1").arg(QLatin1String(table)))
            .toInt();
    };
    const int listings = countRows("listings");
    const int regions = countRows("listing_regions");
    const int revisions = countRows("revisions");

    Result<Listing> result = makeError(Error::Kind::Database, QString());
    if (onCreate) {
        result = t.create(str("新房源"), {}, str("房产/租房"), {str("140100"), badCity});
    } else {
        Listing edit = before;
        edit.title = str("改过的标题");
        edit.cityCodes = {str("140100"), badCity};
        result = t.listings().save(edit);
    }
    QVERIFY(!result.ok());
    QCOMPARE(result.error().kind, Error::Kind::Data);
    QVERIFY2(result.error().message.contains(badCity), qPrintable(result.error().message));

    // Rolled back whole: no half-written listing, targets or revision.
    QCOMPARE(countRows("listings"), listings);
    QCOMPARE(countRows("listing_regions"), regions);
    QCOMPARE(countRows("revisions"), revisions);
    const Listing after = t.listings().load(before.id).value();
    QCOMPARE(after.title, before.title);
    QCOMPARE(after.cityCodes, before.cityCodes);
    QCOMPARE(after.revision, before.revision);
    QCOMPARE(t.listings().count(searchQuery(str("改过的标题"))), 0);
    QCOMPARE(t.listings().count(searchQuery(str("新房源"))), 0);
}

void TestListingRepository::unknownCategoryIsRejected()
{
    TestLibrary t;
    QVERIFY2(t.isOpen(), qPrintable(t.error()));
    Listing listing = t.makeListing(str("奇怪的分类"));
    listing.categoryId = 987654;
    auto created = t.listings().create(listing);
    QVERIFY(!created.ok());
    QCOMPARE(created.error().kind, Error::Kind::Data);
    QCOMPARE(t.listings().count({}), 0);
}

void TestListingRepository::trashRestoreAndEmpty()
{
    TestLibrary t;
    QVERIFY2(t.isOpen(), qPrintable(t.error()));
    auto a = t.create(str("甲房源要删除"), str("<p>甲的正文</p>"));
    auto b = t.create(str("乙房源先删后恢复"));
    auto c = t.create(str("丙房源一直在"));
    LD_VERIFY_OK(a);
    LD_VERIFY_OK(b);
    LD_VERIFY_OK(c);
    const qint64 ida = a.value().id, idb = b.value().id, idc = c.value().id;
    auto trashQuery = [] {
        ListingQuery q;
        q.filter = SavedFilter::Trash;
        q.sortKey = ListingQuery::SortKey::Title;
        q.descending = false;
        return q;
    };
    QSignalSpy bulk(&t.listings(), &ListingRepository::listingsChanged);

    LD_VERIFY_OK(t.listings().moveToTrash({ida, idb}));
    QCOMPARE(bulk.size(), 1);
    QCOMPARE(t.listings().count({}), 1);
    QCOMPARE(sorted(titlesOf(t.listings(), trashQuery())),
             sorted({str("甲房源要删除"), str("乙房源先删后恢复")}));
    QVERIFY(t.listings().load(ida).value().deleted);
    QVERIFY(t.listings().row(ida)->deleted);
    // In the trash, a listing is out of every other view and search...
    QCOMPARE(t.listings().count(searchQuery(str("甲房源"))), 0);
    // ...but can still be found inside the trash.
    QCOMPARE(t.listings().count(searchQuery(str("甲房源"), SavedFilter::Trash)), 1);

    LD_VERIFY_OK(t.listings().restore({idb}));
    QCOMPARE(bulk.size(), 2);
    QCOMPARE(t.listings().count({}), 2);
    QCOMPARE(titlesOf(t.listings(), trashQuery()), QStringList{str("甲房源要删除")});
    const Listing restored = t.listings().load(idb).value();
    QVERIFY(!restored.deleted);
    QCOMPARE(restored.title, str("乙房源先删后恢复"));

    auto emptied = t.listings().emptyTrash();
    LD_VERIFY_OK(emptied);
    QCOMPARE(emptied.value(), 1);
    QCOMPARE(bulk.size(), 3);
    QCOMPARE(t.listings().load(ida).error().kind, Error::Kind::NotFound);
    QCOMPARE(t.listings().count(trashQuery()), 0);
    QCOMPARE(t.listings().count({}), 2);
    // Gone for good: its targets, its history and its words in the index.
    QCOMPARE(scalar(t.db(), QStringLiteral("SELECT count(*) FROM listing_regions WHERE "
                                           "listing_id = %1")
                                .arg(ida))
                 .toInt(),
             0);
    QCOMPARE(t.listings().revisions(ida).size(), 0);
    QCOMPARE(t.listings().count(searchQuery(str("甲房源"), SavedFilter::Trash)), 0);
    QCOMPARE(t.listings().count(searchQuery(str("甲的正文"), SavedFilter::Trash)), 0);
    QCOMPARE(scalar(t.db(), str("SELECT count(*) FROM listings_fts WHERE listings_fts MATCH "
                                "'\"甲房源\"'"))
                 .toInt(),
             0);
    QCOMPARE(ftsProblems(t), 0);
    // The others are untouched.
    QVERIFY(t.listings().load(idb).ok());
    QVERIFY(t.listings().load(idc).ok());
    QCOMPARE(t.listings().count(searchQuery(str("丙房源"))), 1);

    auto again = t.listings().emptyTrash();
    LD_VERIFY_OK(again);
    QCOMPARE(again.value(), 0);
}

void TestListingRepository::trashManyAtOnce()
{
    // More ids than SQLite takes parameters in one statement by default (999
    // in older builds): the trash must work on a whole selection anyway.
    TestLibrary t;
    QVERIFY2(t.isOpen(), qPrintable(t.error()));
    auto ids =
        t.createMany(1203, [&](int i) { return t.makeListing(QStringLiteral("批量%1").arg(i)); });
    LD_VERIFY_OK(ids);
    LD_VERIFY_OK(t.listings().moveToTrash(ids.value()));
    const auto counts = t.listings().filterCounts();
    QCOMPARE(counts[std::size_t(SavedFilter::All)], 0);
    QCOMPARE(counts[std::size_t(SavedFilter::Trash)], 1203);
    LD_VERIFY_OK(t.listings().restore(ids.value().mid(0, 700)));
    QCOMPARE(t.listings().count({}), 700);
    auto emptied = t.listings().emptyTrash();
    LD_VERIFY_OK(emptied);
    QCOMPARE(emptied.value(), 503);
}

void TestListingRepository::duplicateMakesADraftCopy()
{
    TestLibrary t;
    QVERIFY2(t.isOpen(), qPrintable(t.error()));
    Listing original = t.makeListing(str("长治两室出租"), str("<p>正文</p>"), str("房产/租房"),
                                     {str("140400"), str("140100")}, ListingStatus::Published);
    original.price = 1200;
    original.contact = {str("李女士"), str("13900000000"), QString()};
    original.promoted = true;
    original.expiresAt = QDateTime(QDate(2026, 6, 1), QTime(0, 0), QTimeZone(8 * 3600));
    auto created = t.listings().create(original);
    LD_VERIFY_OK(created);
    const Listing stored = created.value();

    QSignalSpy bulk(&t.listings(), &ListingRepository::listingsChanged);
    auto copy = t.listings().duplicate(stored.id);
    LD_VERIFY_OK(copy);
    QCOMPARE(bulk.size(), 1);
    const Listing c = t.listings().load(copy.value().id).value();
    QVERIFY(c.id != stored.id);
    QVERIFY(c.uuid != stored.uuid);
    QVERIFY(!QUuid::fromString(c.uuid).isNull());
    QCOMPARE(c.title, str("长治两室出租 (copy)"));
    QCOMPARE(c.status, ListingStatus::Draft); // a copy has never been published
    QCOMPARE(c.revision, 1);
    QCOMPARE(c.bodyHtml, stored.bodyHtml);
    QCOMPARE(c.categoryId, stored.categoryId);
    QCOMPARE(c.cityCodes, stored.cityCodes);
    QCOMPARE(c.price, stored.price);
    QCOMPARE(c.contact, stored.contact);
    QCOMPARE(c.expiresAt, stored.expiresAt);
    QCOMPARE(c.promoted, stored.promoted);

    const Listing after = t.listings().load(stored.id).value();
    QVERIFY(after.sameContent(stored));
    QCOMPARE(after.revision, 1);
    QCOMPARE(t.listings().count({}), 2);

    QCOMPARE(t.listings().duplicate(99999).error().kind, Error::Kind::NotFound);
}

void TestListingRepository::filterCounts()
{
    TestLibrary t;
    QVERIFY2(t.isOpen(), qPrintable(t.error()));
    const QList<ListingStatus> statuses{
        ListingStatus::Draft,    ListingStatus::Draft,      ListingStatus::Ready,
        ListingStatus::Queued,   ListingStatus::Publishing, ListingStatus::Published,
        ListingStatus::Retrying, ListingStatus::Failed,     ListingStatus::Failed,
        ListingStatus::Modified, ListingStatus::Conflict};
    QList<qint64> ids;
    for (ListingStatus status : statuses) {
        auto created = t.create(statusKey(status), {}, str("房产/租房"), {str("140400")}, status);
        LD_VERIFY_OK(created);
        ids << created.value().id;
    }
    LD_VERIFY_OK(t.listings().moveToTrash({ids.at(0), ids.at(7)})); // a draft and a failed one

    const auto counts = t.listings().filterCounts();
    const std::array<int, savedFilterCount> expected{9, 1, 1, 3, 1, 2};
    QCOMPARE(counts, expected);
    // The sidebar's numbers are exactly what clicking the filter shows.
    for (int f = 0; f < savedFilterCount; ++f) {
        ListingQuery query;
        query.filter = SavedFilter(f);
        QCOMPARE(t.listings().count(query), counts[std::size_t(f)]);
        QCOMPARE(t.listings().ids(query).size(), counts[std::size_t(f)]);
    }
}

void TestListingRepository::search_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("filter");
    QTest::addColumn<QStringList>("titles");

    const int all = int(SavedFilter::All);
    const QString rental = str("长治市区两室一厅出租");
    const QString resale = str("潞州区二手房急售");
    const QString job = str("太原招聘技术员");
    const QString bike = str("二手电动车转让");
    const QString guard = str("治安巡逻员");
    const QString phone = str("iPhone 14 Pro 转让");
    const QString trashed = str("废弃的长治房源");

    // Three or more characters: the trigram index, anywhere in a word.
    QTest::newRow("title, middle of the title") << str("两室一厅") << all << QStringList{rental};
    QTest::newRow("body, middle of a word (消防工)") << str("消防工") << all << QStringList{job};
    QTest::newRow("body, another window") << str("防工程") << all << QStringList{job};
    QTest::newRow("body across an inline tag") << str("长治学院") << all << QStringList{rental};
    QTest::newRow("title, three characters") << str("电动车") << all << QStringList{bike};
    QTest::newRow("latin, any case") << str("iphone") << all << QStringList{phone};
    QTest::newRow("latin, upper case") << str("PRO") << all << QStringList{phone};
    QTest::newRow("no match") << str("不存在的词") << all << QStringList{};
    // One or two characters: the LIKE fallback.
    QTest::newRow("two characters (长治)") << str("长治") << all << QStringList{rental};
    QTest::newRow("one character (治)") << str("治") << all << QStringList{rental, guard};
    QTest::newRow("one character in two titles (急)")
        << str("急") << all << QStringList{resale, job};
    QTest::newRow("two digits") << str("14") << all << QStringList{phone};
    QTest::newRow("two characters, body only") << str("面议") << all << QStringList{bike};
    // Two characters outside the BMP are four UTF-16 units, still too short for a trigram.
    QTest::newRow("two emoji") << str("📱📱") << all << QStringList{phone};
    // Markup is not text.
    QTest::newRow("tag name") << str("span") << all << QStringList{};
    QTest::newRow("attribute name") << str("class") << all << QStringList{};
    QTest::newRow("attribute value, two characters") << str("hl") << all << QStringList{};
    QTest::newRow("block tag name") << str("div") << all << QStringList{};
    QTest::newRow("tag name, two characters") << str("iv") << all << QStringList{};
    // Several terms must all match; spaces around them do not count.
    QTest::newRow("short and long term") << str("长治 两室") << all << QStringList{rental};
    QTest::newRow("terms of different listings") << str("长治 电动车") << all << QStringList{};
    QTest::newRow("surrounding spaces") << str("  消防工  ") << all << QStringList{job};
    QTest::newRow("empty text matches all")
        << QString() << all << QStringList{rental, resale, job, bike, guard, phone};
    // Wildcards and quotes are literal characters, not patterns.
    QTest::newRow("percent") << str("%") << all << QStringList{};
    QTest::newRow("underscore") << str("_") << all << QStringList{};
    QTest::newRow("double quote in a long term") << str("消防\"工") << all << QStringList{};
    // The trash is searched on its own.
    QTest::newRow("in the trash") << str("长治") << int(SavedFilter::Trash) << QStringList{trashed};
    QTest::newRow("drafts only") << str("治") << int(SavedFilter::Drafts)
                                 << QStringList{rental, guard};
}

void TestListingRepository::search()
{
    QFETCH(QString, text);
    QFETCH(int, filter);
    QFETCH(QStringList, titles);

    const ListingQuery query = searchQuery(text, SavedFilter(filter));
    QCOMPARE(sorted(titlesOf(m_shared->listings(), query)), sorted(titles));
    QCOMPARE(m_shared->listings().count(query), titles.size());
}

void TestListingRepository::searchKeepsUpWithSaves()
{
    TestLibrary t;
    QVERIFY2(t.isOpen(), qPrintable(t.error()));
    auto created = t.create(str("旧标题文字"), str("<p>原来的正文内容</p>"));
    LD_VERIFY_OK(created);
    auto other = t.create(str("别的房源"), str("<p>别的正文内容</p>"));
    LD_VERIFY_OK(other);
    QCOMPARE(t.listings().count(searchQuery(str("旧标题"))), 1);
    QCOMPARE(t.listings().count(searchQuery(str("原来的正文"))), 1);

    Listing edit = created.value();
    edit.title = str("新标题文字");
    edit.bodyHtml = str("<p>更新后的<b>正文</b></p>");
    auto saved = t.listings().save(edit);
    LD_VERIFY_OK(saved);

    QCOMPARE(t.listings().count(searchQuery(str("旧标题"))), 0);
    QCOMPARE(t.listings().count(searchQuery(str("原来的正文"))), 0);
    QCOMPARE(t.listings().count(searchQuery(str("原来"))), 0);
    QCOMPARE(t.listings().count(searchQuery(str("新标题"))), 1);
    QCOMPARE(t.listings().count(searchQuery(str("更新后的正文"))), 1);
    QCOMPARE(t.listings().count(searchQuery(str("正文内容"))), 1); // only the other one
    QCOMPARE(ftsProblems(t), 0);

    // A save that changes neither title nor article keeps the index as it is.
    edit = saved.value();
    edit.status = ListingStatus::Ready;
    LD_VERIFY_OK(t.listings().save(edit));
    QCOMPARE(t.listings().count(searchQuery(str("新标题"))), 1);
    QCOMPARE(ftsProblems(t), 0);

    // Trashed and purged: gone from the index, and the index stays consistent.
    LD_VERIFY_OK(t.listings().moveToTrash({edit.id}));
    LD_VERIFY_OK(t.listings().emptyTrash());
    QCOMPARE(t.listings().count(searchQuery(str("新标题"), SavedFilter::Trash)), 0);
    QCOMPARE(t.listings().count(searchQuery(str("新标题"))), 0);
    QCOMPARE(t.listings().count(searchQuery(str("别的房源"))), 1);
    QCOMPARE(ftsProblems(t), 0);
}

void TestListingRepository::filters_data()
{
    QTest::addColumn<QString>("categoryPath");
    QTest::addColumn<QString>("region");
    QTest::addColumn<int>("filter");
    QTest::addColumn<int>("status"); // -1 = any
    QTest::addColumn<QString>("search");
    QTest::addColumn<QStringList>("titles");

    const QString rental = str("长治市区两室一厅出租"); // 房产/租房, 长治市, draft
    const QString resale = str("潞州区二手房急售");  // 房产/二手房, 潞州区 (长治), ready
    const QString job = str("太原招聘技术员");       // 招聘/普工技工, 太原, published
    const QString bike = str("二手电动车转让");      // 车辆/电动车, 北京朝阳区, failed
    const QString guard = str("治安巡逻员");         // 招聘/保安, 辽宁朝阳市, draft
    const QString phone = str("iPhone 14 Pro 转让"); // 二手/手机, 太原+长治, modified
    const int all = int(SavedFilter::All);

    // Category: a parent includes its children.
    QTest::newRow("category parent 房产")
        << str("房产") << QString() << all << -1 << QString() << QStringList{rental, resale};
    QTest::newRow("category child 房产/租房")
        << str("房产/租房") << QString() << all << -1 << QString() << QStringList{rental};
    QTest::newRow("category parent 招聘")
        << str("招聘") << QString() << all << -1 << QString() << QStringList{job, guard};
    QTest::newRow("category 二手 (not 二手房)")
        << str("二手") << QString() << all << -1 << QString() << QStringList{phone};
    QTest::newRow("empty category")
        << str("车辆/二手车") << QString() << all << -1 << QString() << QStringList{};
    // Region: a province finds its cities and counties, a city its counties.
    QTest::newRow("province 山西") << QString() << str("140000") << all << -1 << QString()
                                   << QStringList{rental, resale, job, phone};
    QTest::newRow("city 长治 with a county") << QString() << str("140400") << all << -1 << QString()
                                             << QStringList{rental, resale, phone};
    QTest::newRow("county 潞州区")
        << QString() << str("140403") << all << -1 << QString() << QStringList{resale};
    QTest::newRow("city 太原") << QString() << str("140100") << all << -1 << QString()
                               << QStringList{job, phone};
    QTest::newRow("province 北京 (county below a city)")
        << QString() << str("110000") << all << -1 << QString() << QStringList{bike};
    QTest::newRow("province 辽宁")
        << QString() << str("210000") << all << -1 << QString() << QStringList{guard};
    QTest::newRow("province without listings")
        << QString() << str("130000") << all << -1 << QString() << QStringList{};
    // Status, by saved filter and exactly.
    QTest::newRow("drafts") << QString() << QString() << int(SavedFilter::Drafts) << -1 << QString()
                            << QStringList{rental, guard};
    QTest::newRow("ready") << QString() << QString() << int(SavedFilter::Ready) << -1 << QString()
                           << QStringList{resale};
    QTest::newRow("published includes modified")
        << QString() << QString() << int(SavedFilter::Published) << -1 << QString()
        << QStringList{job, phone};
    QTest::newRow("failed") << QString() << QString() << int(SavedFilter::Failed) << -1 << QString()
                            << QStringList{bike};
    QTest::newRow("trash") << QString() << QString() << int(SavedFilter::Trash) << -1 << QString()
                           << QStringList{str("废弃的长治房源")};
    QTest::newRow("exactly published")
        << QString() << QString() << all << int(ListingStatus::Published) << QString()
        << QStringList{job};
    QTest::newRow("exactly modified, within published")
        << QString() << QString() << int(SavedFilter::Published) << int(ListingStatus::Modified)
        << QString() << QStringList{phone};
    QTest::newRow("exactly ready, within drafts: nothing")
        << QString() << QString() << int(SavedFilter::Drafts) << int(ListingStatus::Ready)
        << QString() << QStringList{};
    // Everything together.
    QTest::newRow("山西 + 房产 + search 急")
        << str("房产") << str("140000") << all << -1 << str("急") << QStringList{resale};
    QTest::newRow("长治 + drafts + search 长治学院")
        << QString() << str("140400") << int(SavedFilter::Drafts) << -1 << str("长治学院")
        << QStringList{rental};
}

void TestListingRepository::filters()
{
    QFETCH(QString, categoryPath);
    QFETCH(QString, region);
    QFETCH(int, filter);
    QFETCH(int, status);
    QFETCH(QString, search);
    QFETCH(QStringList, titles);

    ListingQuery query;
    query.filter = SavedFilter(filter);
    if (!categoryPath.isEmpty()) {
        query.categoryId = m_shared->categoryId(categoryPath);
        QVERIFY(query.categoryId);
    }
    query.regionCode = region;
    if (status >= 0)
        query.status = ListingStatus(status);
    query.searchText = search;
    QCOMPARE(sorted(titlesOf(m_shared->listings(), query)), sorted(titles));
    QCOMPARE(m_shared->listings().count(query), titles.size());
}

void TestListingRepository::rowShowsWhatTheTableNeeds()
{
    ListingRepository &repository = m_shared->listings();
    ListingQuery query = searchQuery(str("iPhone"));
    const QList<ListingRow> rows = repository.rows(query, 0, 10);
    QCOMPARE(rows.size(), 1);
    const ListingRow &row = rows.first();
    QCOMPARE(row.title, str("iPhone 14 Pro 转让"));
    QCOMPARE(row.category, str("二手/手机"));
    QCOMPARE(row.cities, str("太原、长治")); // short names in the user's order
    QCOMPARE(row.status, ListingStatus::Modified);
    QVERIFY(row.promoted);
    QVERIFY(!row.deleted);
    QVERIFY(row.updatedAt.isValid());

    const auto single = repository.row(row.id);
    QVERIFY(single.has_value());
    QCOMPARE(single->uuid, row.uuid);
    QCOMPARE(single->title, row.title);
    QCOMPARE(single->cities, row.cities);
    QCOMPARE(single->updatedAt, row.updatedAt);
    QVERIFY(!repository.row(999999).has_value());

    const Listing full = repository.load(row.id).value();
    QCOMPARE(row.uuid, full.uuid);
    QCOMPARE(row.updatedAt, full.updatedAt);
}

void TestListingRepository::sortAndPage_data()
{
    QTest::addColumn<int>("sortKey");
    QTest::addColumn<bool>("descending");
    QTest::addColumn<int>("pageSize");

    for (int pageSize : {1, 4, 7, 23, 50}) {
        QTest::addRow("title asc, pages of %d", pageSize)
            << int(ListingQuery::SortKey::Title) << false << pageSize;
        QTest::addRow("title desc, pages of %d", pageSize)
            << int(ListingQuery::SortKey::Title) << true << pageSize;
        QTest::addRow("updated asc, pages of %d", pageSize)
            << int(ListingQuery::SortKey::Updated) << false << pageSize;
        QTest::addRow("updated desc, pages of %d", pageSize)
            << int(ListingQuery::SortKey::Updated) << true << pageSize;
    }
}

void TestListingRepository::sortAndPage()
{
    QFETCH(int, sortKey);
    QFETCH(bool, descending);
    QFETCH(int, pageSize);

    QList<SortedListing> expected = m_sortedListings;
    const bool byTitle = ListingQuery::SortKey(sortKey) == ListingQuery::SortKey::Title;
    std::sort(expected.begin(), expected.end(),
              [&](const SortedListing &a, const SortedListing &b) {
                  const QString &ka = byTitle ? a.title : a.updated;
                  const QString &kb = byTitle ? b.title : b.updated;
                  return ka != kb ? ka < kb : a.id < b.id;
              });
    if (descending)
        std::reverse(expected.begin(), expected.end());
    QList<qint64> expectedIds;
    for (const SortedListing &m : expected)
        expectedIds << m.id;

    ListingQuery query;
    query.sortKey = ListingQuery::SortKey(sortKey);
    query.descending = descending;
    const int total = m_sortLibrary->listings().count(query);
    QCOMPARE(total, 23);

    QList<qint64> paged;
    int pages = 0;
    for (int offset = 0; offset < total; offset += pageSize) {
        const QList<ListingRow> page = m_sortLibrary->listings().rows(query, offset, pageSize);
        QCOMPARE(page.size(), std::min(pageSize, total - offset));
        for (const ListingRow &row : page)
            paged << row.id;
        ++pages;
    }
    QVERIFY(m_sortLibrary->listings().rows(query, total, pageSize).isEmpty());
    QCOMPARE(pages, (total + pageSize - 1) / pageSize);
    // Disjoint, covering, and in order.
    QCOMPARE(paged, expectedIds);
    QCOMPARE(m_sortLibrary->listings().ids(query), expectedIds);
    QCOMPARE(m_sortLibrary->listings().ids(query, 3, 5), expectedIds.mid(3, 5));
}

QTEST_GUILESS_MAIN(TestListingRepository)
#include "tst_listingrepository.moc"
