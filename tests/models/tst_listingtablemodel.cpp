// The listing table: a well-behaved Qt model over a real library file, that
// reads only the pages the view shows, sorts and filters in SQL, updates a
// saved listing in place and resets on bulk changes.

#include "listingimporter.h"
#include "listingtablemodel.h"
#include "testlibrary.h"

#include <QAbstractItemModelTester>
#include <QFont>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace ListingDesk;
using namespace ListingDesk::Testing;

namespace {

using Model = ListingTableModel;

QString titleAt(const Model &model, int row)
{
    return model.data(model.index(row, Model::TitleColumn)).toString();
}

QStringList allTitles(const Model &model)
{
    QStringList titles;
    for (int row = 0; row < model.rowCount(); ++row)
        titles << titleAt(model, row);
    return titles;
}

QStringList sorted(QStringList list)
{
    list.sort();
    return list;
}

QString numbered(int i)
{
    return QStringLiteral("标题%1").arg(i, 4, 10, QLatin1Char('0'));
}

/// Signals that mean "the view must forget what it shows".
struct ResetSpies
{
    explicit ResetSpies(Model *model)
        : aboutToReset(model, &Model::modelAboutToBeReset), reset(model, &Model::modelReset),
          layout(model, &Model::layoutChanged), inserted(model, &Model::rowsInserted),
          removed(model, &Model::rowsRemoved), moved(model, &Model::rowsMoved)
    {
    }
    int structural() const
    {
        return int(aboutToReset.size() + reset.size() + layout.size() + inserted.size() +
                   removed.size() + moved.size());
    }
    QSignalSpy aboutToReset, reset, layout, inserted, removed, moved;
};

} // namespace

class TestListingTableModel : public QObject
{
    Q_OBJECT

private slots:
    void passesModelTester();
    void readsOnlyThePagesShown();
    void keepsABoundedWindowOfPages();
    void sortsInSql_data();
    void sortsInSql();
    void filters_data();
    void filters();
    void savedListingUpdatesInPlace();
    void savedListingOffScreenChangesNothing();
    void bulkChangesReset();
    void roles();
};

void TestListingTableModel::passesModelTester()
{
    TestLibrary t;
    QVERIFY2(t.isOpen(), qPrintable(t.error()));
    const QList<ListingStatus> statuses{ListingStatus::Draft, ListingStatus::Ready,
                                        ListingStatus::Published, ListingStatus::Failed};
    auto ids = t.createMany(300, [&](int i) {
        Listing l = t.makeListing(numbered(i), str("<p>正文</p>"),
                                  i % 3 ? str("房产/租房") : str("招聘/司机"),
                                  {i % 2 ? str("140400") : str("140100")}, statuses.at(i % 4));
        l.promoted = i % 5 == 0;
        if (i == 7)
            l.title.clear(); // shown as "(untitled)"
        return l;
    });
    LD_VERIFY_OK(ids);

    Model model(&t.listings());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 300);
    QCOMPARE(model.columnCount(), int(Model::ColumnCount));

    ListingQuery query;
    query.filter = SavedFilter::Drafts;
    model.setQuery(query);
    QCOMPARE(model.rowCount(), 75);
    query.searchText = str("标题01");
    model.setQuery(query);
    QCOMPARE(model.rowCount(), t.listings().count(query));
    query = {};
    query.categoryId = t.categoryId(str("招聘"));
    query.regionCode = str("140000");
    model.setQuery(query);
    QCOMPARE(model.rowCount(), 100);
    model.setQuery({});
    // Every column but Portal, which stays empty for a listing never sent
    // and does not sort (tst_syncstatus covers it).
    for (int column = 0; column < Model::PortalColumn; ++column) {
        model.sort(column, Qt::AscendingOrder);
        QCOMPARE(model.rowCount(), 300);
        model.sort(column, Qt::DescendingOrder);
        QCOMPARE(model.rowCount(), 300);
        QVERIFY(!model.data(model.index(299, column)).toString().isEmpty());
    }
    model.reload();
    QCOMPARE(model.rowCount(), 300);

    // Through changes: a create, a save, the trash.
    LD_VERIFY_OK(t.create(str("新的一条")));
    QCOMPARE(model.rowCount(), 301);
    const qint64 first = model.idAt(0);
    Listing edit = t.listings().load(first).value();
    edit.title = str("改过");
    LD_VERIFY_OK(t.listings().save(edit));
    LD_VERIFY_OK(t.listings().moveToTrash({first, ids.value().at(0)}));
    QCOMPARE(model.rowCount(), 299);
    LD_VERIFY_OK(t.listings().emptyTrash());
    query = {};
    query.searchText = str("没有这样的房源");
    model.setQuery(query);
    QCOMPARE(model.rowCount(), 0);
    model.setQuery({});
    QCOMPARE(model.rowCount(), 299);
}

void TestListingTableModel::readsOnlyThePagesShown()
{
    TestLibrary t;
    QVERIFY2(t.isOpen(), qPrintable(t.error()));
    auto ids = t.createMany(1000, [&](int i) {
        return t.makeListing(numbered(i), {}, str("房产/租房"), {str("140400"), str("140100")});
    });
    LD_VERIFY_OK(ids);

    Model model(&t.listings());
    ListingQuery query;
    query.sortKey = ListingQuery::SortKey::Title;
    query.descending = false;
    model.setQuery(query);
    QCOMPARE(model.rowCount(), 1000); // a COUNT(*), not a read of every row
    QCOMPARE(model.pagesFetched(), 0);

    // The last row: one page, the last one.
    QCOMPARE(titleAt(model, 999), numbered(999));
    QCOMPARE(model.pagesFetched(), 1);
    QCOMPARE(model.idAt(999), ids.value().at(999));
    QCOMPARE(model.data(model.index(999, Model::CategoryColumn)).toString(), str("房产/租房"));
    QCOMPARE(model.data(model.index(999, Model::CitiesColumn)).toString(), str("长治、太原"));
    QCOMPARE(model.data(model.index(999, Model::StatusColumn)).toString(),
             statusDisplayName(ListingStatus::Draft));
    QCOMPARE(model.data(model.index(999, Model::TitleColumn), Model::IdRole).toLongLong(),
             ids.value().at(999));
    QCOMPARE(titleAt(model, 1000 - Model::pageSize / 2), numbered(1000 - Model::pageSize / 2));
    QCOMPARE(model.pagesFetched(), 1);
    QCOMPARE(model.rowOf(ids.value().at(999)), 999);
    QCOMPARE(model.rowOf(ids.value().at(0)), -1); // its page was never read

    // The first rows: one more page, read once.
    QCOMPARE(titleAt(model, 0), numbered(0));
    QCOMPARE(titleAt(model, Model::pageSize - 1), numbered(Model::pageSize - 1));
    QCOMPARE(model.pagesFetched(), 2);
    QCOMPARE(titleAt(model, Model::pageSize), numbered(Model::pageSize));
    QCOMPARE(model.pagesFetched(), 3);
    QCOMPARE(titleAt(model, 5), numbered(5));
    QCOMPARE(titleAt(model, 998), numbered(998));
    QCOMPARE(model.pagesFetched(), 3);

    // A new query starts from nothing again.
    query.descending = true;
    model.setQuery(query);
    QCOMPARE(model.pagesFetched(), 0);
    QCOMPARE(titleAt(model, 999), numbered(0));
    QCOMPARE(titleAt(model, 0), numbered(999));
    QCOMPARE(model.pagesFetched(), 2);
}

void TestListingTableModel::keepsABoundedWindowOfPages()
{
    // Scrolling through a library longer than the window of cached pages,
    // back and forth and jumping around, always shows the right row.
    TestLibrary t;
    QVERIFY2(t.isOpen(), qPrintable(t.error()));
    const int pages = Model::maxCachedPages + 3;
    const int count = pages * Model::pageSize - 17;
    auto ids = t.createMany(count, [&](int i) {
        Listing l;
        l.title = numbered(i);
        return l;
    });
    LD_VERIFY_OK(ids);

    Model model(&t.listings());
    ListingQuery query;
    query.sortKey = ListingQuery::SortKey::Title;
    query.descending = false;
    model.setQuery(query);
    QCOMPARE(model.rowCount(), count);

    for (int row = 0; row < count; ++row) {
        if (titleAt(model, row) != numbered(row))
            QFAIL(qPrintable(QStringLiteral("row %1 shows %2").arg(row).arg(titleAt(model, row))));
    }
    QCOMPARE(model.pagesFetched(), pages);
    // The first page fell out of the window; the last one is still there.
    QCOMPARE(model.rowOf(ids.value().first()), -1);
    QCOMPARE(titleAt(model, count - 1), numbered(count - 1));
    QCOMPARE(model.pagesFetched(), pages);
    QCOMPARE(titleAt(model, 0), numbered(0));
    QCOMPARE(model.pagesFetched(), pages + 1);

    quint32 state = 2024;
    for (int i = 0; i < 1500; ++i) {
        state = state * 1664525u + 1013904223u;
        const int row = int((state >> 8) % quint32(count));
        if (titleAt(model, row) != numbered(row) || model.idAt(row) != ids.value().at(row))
            QFAIL(qPrintable(QStringLiteral("row %1 shows %2").arg(row).arg(titleAt(model, row))));
    }
    for (int row = count - 1; row >= 0; row -= 7) {
        if (titleAt(model, row) != numbered(row))
            QFAIL(qPrintable(QStringLiteral("row %1 shows %2").arg(row).arg(titleAt(model, row))));
    }
}

void TestListingTableModel::sortsInSql_data()
{
    QTest::addColumn<int>("column");
    QTest::addColumn<int>("order");
    QTest::addColumn<QString>("first");

    const int asc = Qt::AscendingOrder, desc = Qt::DescendingOrder;
    QTest::newRow("title asc") << int(Model::TitleColumn) << asc << str("A 最先");
    QTest::newRow("title desc") << int(Model::TitleColumn) << desc << str("龙 最后");
    QTest::newRow("category asc") << int(Model::CategoryColumn) << asc << numbered(130);
    QTest::newRow("category desc") << int(Model::CategoryColumn) << desc << numbered(140);
    QTest::newRow("cities asc") << int(Model::CitiesColumn) << asc << numbered(150);
    QTest::newRow("cities desc") << int(Model::CitiesColumn) << desc << numbered(155);
    QTest::newRow("status asc") << int(Model::StatusColumn) << asc << numbered(160);
    QTest::newRow("status desc") << int(Model::StatusColumn) << desc << numbered(170);
    QTest::newRow("updated asc") << int(Model::UpdatedColumn) << asc << numbered(180);
    QTest::newRow("updated desc") << int(Model::UpdatedColumn) << desc << numbered(190);
}

void TestListingTableModel::sortsInSql()
{
    QFETCH(int, column);
    QFETCH(int, order);
    QFETCH(QString, first);

    // 300 listings; the one that sorts first is in the middle of the
    // insertion order, far from the first page an unsorted read would give.
    TestLibrary t;
    QVERIFY2(t.isOpen(), qPrintable(t.error()));
    auto ids = t.createMany(300, [&](int i) {
        QString title = numbered(i);
        QString category = str("房产/租房"); // 二手/手机 < 房产/租房 < 车辆/电动车
        QStringList cities{str("140400")};   // 朝阳 < 长治 < 鼓楼
        ListingStatus status = ListingStatus::Draft; // conflict < draft < retrying
        if (i == 100)
            title = str("A 最先");
        if (i == 120)
            title = str("龙 最后"); // 龙 sorts after 标 (标题…)
        if (i == 130)
            category = str("二手/手机");
        if (i == 140)
            category = str("车辆/电动车");
        if (i == 150)
            cities = {str("110105"), str("320106")};
        if (i == 155)
            cities = {str("320106"), str("110105")};
        if (i == 160)
            status = ListingStatus::Conflict;
        if (i == 170)
            status = ListingStatus::Retrying;
        return t.makeListing(title, {}, category, cities, status);
    });
    LD_VERIFY_OK(ids);
    for (int i = 0; i < 300; ++i) {
        const QString when = i == 180   ? str("2024-06-01T00:00:00.000Z")
                             : i == 190 ? str("2026-06-01T00:00:00.000Z")
                                        : QStringLiteral("2025-01-01T00:%1:%2.000Z")
                                              .arg(i / 60, 2, 10, QLatin1Char('0'))
                                              .arg(i % 60, 2, 10, QLatin1Char('0'));
        LD_VERIFY_OK(t.exec(QStringLiteral("UPDATE listings SET updated_at = '%1' WHERE id = %2")
                                .arg(when)
                                .arg(ids.value().at(i))));
    }

    Model model(&t.listings());
    QSignalSpy reset(&model, &Model::modelReset);
    model.sort(column, Qt::SortOrder(order));
    QCOMPARE(reset.size(), 1);
    QCOMPARE(model.query().descending, order == Qt::DescendingOrder);
    QCOMPARE(model.rowCount(), 300);
    QCOMPARE(titleAt(model, 0), first);
    QCOMPARE(model.pagesFetched(), 1); // the answer came from SQL, one page of it
    // The whole order is the repository's, page after page.
    const QList<qint64> expected = t.listings().ids(model.query());
    for (int row = 0; row < 300; row += 37)
        QCOMPARE(model.idAt(row), expected.at(row));
    QCOMPARE(model.idAt(299), expected.at(299));

    // Sorting keeps the filter.
    ListingQuery filtered = model.query();
    filtered.searchText = str("标题001");
    model.setQuery(filtered);
    model.sort(Model::TitleColumn, Qt::DescendingOrder);
    QCOMPARE(model.query().searchText, str("标题001"));
    QCOMPARE(model.rowCount(), 10);
    QCOMPARE(titleAt(model, 0), numbered(19));
}

void TestListingTableModel::filters_data()
{
    QTest::addColumn<int>("filter");
    QTest::addColumn<QString>("search");
    QTest::addColumn<QString>("category");
    QTest::addColumn<QString>("region");
    QTest::addColumn<QStringList>("titles");

    const QString rental = str("长治市区两室一厅出租");
    const QString resale = str("潞州区二手房急售");
    const QString job = str("太原急招消防工程师");
    const QString bike = str("北京二手电动车");
    const QString trashed = str("回收站里的长治房源");
    const int all = int(SavedFilter::All);

    QTest::newRow("all") << all << QString() << QString() << QString()
                         << QStringList{rental, resale, job, bike};
    QTest::newRow("saved filter: drafts") << int(SavedFilter::Drafts) << QString() << QString()
                                          << QString() << QStringList{rental, bike};
    QTest::newRow("saved filter: published")
        << int(SavedFilter::Published) << QString() << QString() << QString() << QStringList{job};
    QTest::newRow("saved filter: trash")
        << int(SavedFilter::Trash) << QString() << QString() << QString() << QStringList{trashed};
    QTest::newRow("search, long term")
        << all << str("消防工") << QString() << QString() << QStringList{job};
    QTest::newRow("search, short term")
        << all << str("长治") << QString() << QString() << QStringList{rental};
    QTest::newRow("search, body") << all << str("南北通透") << QString() << QString()
                                  << QStringList{resale};
    QTest::newRow("category parent")
        << all << QString() << str("房产") << QString() << QStringList{rental, resale};
    QTest::newRow("category child")
        << all << QString() << str("房产/二手房") << QString() << QStringList{resale};
    QTest::newRow("region province")
        << all << QString() << QString() << str("140000") << QStringList{rental, resale, job};
    QTest::newRow("region city") << all << QString() << QString() << str("140400")
                                 << QStringList{rental, resale};
    QTest::newRow("all at once") << int(SavedFilter::Drafts) << str("急") << str("房产")
                                 << str("140000") << QStringList{};
    QTest::newRow("all at once, one match")
        << all << str("急") << str("房产") << str("140000") << QStringList{resale};
}

void TestListingTableModel::filters()
{
    QFETCH(int, filter);
    QFETCH(QString, search);
    QFETCH(QString, category);
    QFETCH(QString, region);
    QFETCH(QStringList, titles);

    TestLibrary t;
    QVERIFY2(t.isOpen(), qPrintable(t.error()));
    LD_VERIFY_OK(t.create(str("长治市区两室一厅出租"), str("<p>拎包入住</p>"), str("房产/租房"),
                          {str("140400")}, ListingStatus::Draft));
    LD_VERIFY_OK(t.create(str("潞州区二手房急售"), str("<p>南北通透</p>"), str("房产/二手房"),
                          {str("140403")}, ListingStatus::Ready));
    LD_VERIFY_OK(t.create(str("太原急招消防工程师"), str("<p>待遇从优</p>"), str("招聘/普工技工"),
                          {str("140100")}, ListingStatus::Published));
    LD_VERIFY_OK(t.create(str("北京二手电动车"), str("<p>九成新</p>"), str("车辆/电动车"),
                          {str("110105")}, ListingStatus::Draft));
    auto trashed = t.create(str("回收站里的长治房源"), {}, str("房产/租房"), {str("140400")});
    LD_VERIFY_OK(trashed);
    LD_VERIFY_OK(t.listings().moveToTrash({trashed.value().id}));

    Model model(&t.listings());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    ListingQuery query;
    query.filter = SavedFilter(filter);
    query.searchText = search;
    query.categoryId = category.isEmpty() ? 0 : t.categoryId(category);
    query.regionCode = region;
    model.setQuery(query);
    QCOMPARE(model.query(), query);
    QCOMPARE(model.rowCount(), titles.size());
    QCOMPARE(sorted(allTitles(model)), sorted(titles));
}

void TestListingTableModel::savedListingUpdatesInPlace()
{
    TestLibrary t;
    QVERIFY2(t.isOpen(), qPrintable(t.error()));
    auto ids = t.createMany(300, [&](int i) { return t.makeListing(numbered(i)); });
    LD_VERIFY_OK(ids);
    // All equally old, so the order is by id and any save moves a listing first.
    LD_VERIFY_OK(t.exec(QStringLiteral("UPDATE listings SET updated_at = "
                                       "'2025-01-01T00:00:00.000Z'")));

    Model model(&t.listings()); // newest first: the order a save would change
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const int row = 5;
    const qint64 id = model.idAt(row);
    QVERIFY(id != 0);
    const QString oldTitle = titleAt(model, row);
    const int fetched = model.pagesFetched();

    QSignalSpy changed(&model, &Model::dataChanged);
    ResetSpies structural(&model);
    Listing edit = t.listings().load(id).value();
    QCOMPARE(edit.title, oldTitle);
    edit.title = str("刚刚改过的标题");
    edit.status = ListingStatus::Ready;
    edit.promoted = true;
    LD_VERIFY_OK(t.listings().save(edit));

    QCOMPARE(changed.size(), 1);
    const QModelIndex topLeft = changed.first().at(0).value<QModelIndex>();
    const QModelIndex bottomRight = changed.first().at(1).value<QModelIndex>();
    QCOMPARE(topLeft.row(), row);
    QCOMPARE(bottomRight.row(), row);
    QCOMPARE(topLeft.column(), 0);
    QCOMPARE(bottomRight.column(), Model::ColumnCount - 1);
    QCOMPARE(structural.structural(), 0);

    // Same place, new content, even though by "updated" it now sorts first.
    QCOMPARE(model.idAt(row), id);
    QCOMPARE(titleAt(model, row), str("刚刚改过的标题"));
    QCOMPARE(model.data(model.index(row, Model::StatusColumn)).toString(),
             statusDisplayName(ListingStatus::Ready));
    QVERIFY(model.data(model.index(row, Model::TitleColumn), Model::PromotedRole).toBool());
    QCOMPARE(model.rowCount(), 300);
    QCOMPARE(model.pagesFetched(), fetched);
    QCOMPARE(t.listings().ids(model.query(), 0, 1).first(), id);
    QCOMPARE(titleAt(model, row - 1), numbered(299 - (row - 1)));
    QCOMPARE(titleAt(model, row + 1), numbered(299 - (row + 1)));
}

void TestListingTableModel::savedListingOffScreenChangesNothing()
{
    TestLibrary t;
    QVERIFY2(t.isOpen(), qPrintable(t.error()));
    auto ids = t.createMany(300, [&](int i) { return t.makeListing(numbered(i)); });
    LD_VERIFY_OK(ids);
    Model model(&t.listings());
    QCOMPARE(titleAt(model, 0), numbered(299)); // reads the first page only

    QSignalSpy changed(&model, &Model::dataChanged);
    ResetSpies structural(&model);
    Listing edit = t.listings().load(ids.value().at(0)).value(); // on the last page
    edit.title = str("看不见的修改");
    LD_VERIFY_OK(t.listings().save(edit));
    QCOMPARE(changed.size(), 0);
    QCOMPARE(structural.structural(), 0);
}

void TestListingTableModel::bulkChangesReset()
{
    TestLibrary t;
    QVERIFY2(t.isOpen(), qPrintable(t.error()));
    auto ids = t.createMany(200, [&](int i) { return t.makeListing(numbered(i)); });
    LD_VERIFY_OK(ids);
    Model model(&t.listings());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(titleAt(model, 0), numbered(199));
    QVERIFY(model.pagesFetched() > 0);
    QSignalSpy reset(&model, &Model::modelReset);
    QSignalSpy changed(&model, &Model::dataChanged);

    auto created = t.create(str("新建的房源"));
    LD_VERIFY_OK(created);
    QCOMPARE(reset.size(), 1);
    QCOMPARE(model.rowCount(), 201);
    QCOMPARE(titleAt(model, 0), str("新建的房源")); // the old first page was dropped

    LD_VERIFY_OK(t.listings().duplicate(created.value().id));
    QCOMPARE(reset.size(), 2);
    QCOMPARE(model.rowCount(), 202);

    LD_VERIFY_OK(t.listings().moveToTrash({ids.value().at(199), ids.value().at(198)}));
    QCOMPARE(reset.size(), 3);
    QCOMPARE(model.rowCount(), 200);
    QVERIFY(!allTitles(model).contains(numbered(199)));

    LD_VERIFY_OK(t.listings().restore({ids.value().at(199)}));
    QCOMPARE(reset.size(), 4);
    QCOMPARE(model.rowCount(), 201);

    LD_VERIFY_OK(t.listings().emptyTrash());
    QCOMPARE(reset.size(), 5);
    QCOMPARE(model.rowCount(), 201);

    auto records = parseInterchange(
        str(R"([{"title": "导入一", "category": "房产/租房", "cities": ["长治"], "body_html": ""},
                {"title": "导入二", "category": "房产/租房", "cities": ["太原"], "body_html": ""}])")
            .toUtf8(),
        InterchangeFormat::Json);
    LD_VERIFY_OK(records);
    LD_VERIFY_OK(ListingImporter(t.library()).import(records.value()));
    QCOMPARE(reset.size(), 6); // one reset for the whole file
    QCOMPARE(model.rowCount(), 203);
    QCOMPARE(changed.size(), 0);
}

void TestListingTableModel::roles()
{
    TestLibrary t;
    QVERIFY2(t.isOpen(), qPrintable(t.error()));
    Listing promoted = t.makeListing(str("置顶的房源"), {}, str("房产/租房"),
                                     {str("140400"), str("140100")}, ListingStatus::Failed);
    promoted.promoted = true;
    auto created = t.listings().create(promoted);
    LD_VERIFY_OK(created);
    LD_VERIFY_OK(t.create(QString()));

    Model model(&t.listings());
    ListingQuery query;
    query.sortKey = ListingQuery::SortKey::Title;
    query.descending = true;
    model.setQuery(query);
    QCOMPARE(model.rowCount(), 2);
    const QModelIndex title = model.index(0, Model::TitleColumn);
    QCOMPARE(title.data().toString(), str("置顶的房源"));
    QCOMPARE(title.data(Qt::ToolTipRole).toString(), str("置顶的房源"));
    QCOMPARE(title.data(Model::IdRole).toLongLong(), created.value().id);
    QCOMPARE(title.data(Model::UuidRole).toString(), created.value().uuid);
    QCOMPARE(title.data(Model::StatusRole).toInt(), int(ListingStatus::Failed));
    QVERIFY(title.data(Model::PromotedRole).toBool());
    QVERIFY(title.data(Qt::FontRole).value<QFont>().bold());
    QCOMPARE(model.index(0, Model::CitiesColumn).data(Qt::ToolTipRole).toString(),
             str("长治、太原"));
    QCOMPARE(model.index(0, Model::StatusColumn).data().toString(),
             statusDisplayName(ListingStatus::Failed));
    QVERIFY(!model.index(0, Model::UpdatedColumn).data().toString().isEmpty());

    // An untitled draft still shows something to click on.
    QCOMPARE(titleAt(model, 1), Model::tr("(untitled)"));
    QVERIFY(!model.index(1, Model::TitleColumn).data(Qt::FontRole).isValid());

    for (int column = 0; column < Model::ColumnCount; ++column)
        QVERIFY(!model.headerData(column, Qt::Horizontal).toString().isEmpty());
}

QTEST_MAIN(TestListingTableModel)
#include "tst_listingtablemodel.moc"
