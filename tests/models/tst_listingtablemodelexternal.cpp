// The listing table while other editors change the library: rows they changed
// update in place, rows they added or removed appear and go without a reset,
// and the selection and current row stay on their listings throughout.
// Under QAbstractItemModelTester; SQLite and (as _pg) PostgreSQL.

#include "librarychangewatcher.h"
#include "listingtablemodel.h"
#include "testlibrary.h"

#include <QAbstractItemModelTester>
#include <QItemSelectionModel>
#include <QSignalSpy>
#include <QTest>

using namespace ListingDesk;
using namespace ListingDesk::Testing;

class TestListingTableModelExternal : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void externalEditUpdatesRowInPlace();
    void externalAddAndRemoveKeepSelection();
    void currentRowFollowsItsListingAcrossPages();

private:
    int rowOfTitle(const QString &title) const;

    std::unique_ptr<TestLibrary> m_lib;
    std::unique_ptr<Library> m_other;
    std::unique_ptr<ListingTableModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
    std::unique_ptr<QItemSelectionModel> m_selection;
    std::unique_ptr<LibraryChangeWatcher> m_watcher;
};

void TestListingTableModelExternal::init()
{
    m_lib = std::make_unique<TestLibrary>();
    QVERIFY2(m_lib->isOpen(), qPrintable(m_lib->error()));
    auto ids = m_lib->createMany(
        5, [this](int i) { return m_lib->makeListing(QStringLiteral("房源%1").arg(i)); });
    LD_VERIFY_OK(ids);
    m_other = std::make_unique<Library>();
    LD_VERIFY_OK(m_other->open(m_lib->path()));
    m_model = std::make_unique<ListingTableModel>(&m_lib->listings());
    ListingQuery byTitle;
    byTitle.sortKey = ListingQuery::SortKey::Title;
    byTitle.descending = false;
    m_model->setQuery(byTitle);
    m_tester = std::make_unique<QAbstractItemModelTester>(
        m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_selection = std::make_unique<QItemSelectionModel>(m_model.get());
    m_watcher = std::make_unique<LibraryChangeWatcher>(m_lib->db());
    m_watcher->setPollInterval(50);
    connect(m_watcher.get(), &LibraryChangeWatcher::listingsChangedElsewhere, m_model.get(),
            &ListingTableModel::refreshListings);
    connect(m_watcher.get(), &LibraryChangeWatcher::libraryChangedElsewhere, m_model.get(),
            &ListingTableModel::refreshKeepingRows);
    LD_VERIFY_OK(m_watcher->start());
}

void TestListingTableModelExternal::cleanup()
{
    m_watcher.reset();
    m_selection.reset();
    m_tester.reset();
    m_model.reset();
    m_other.reset();
    m_lib.reset();
}

int TestListingTableModelExternal::rowOfTitle(const QString &title) const
{
    for (int row = 0; row < m_model->rowCount(); ++row) {
        if (m_model->index(row, 0).data().toString() == title)
            return row;
    }
    return -1;
}

void TestListingTableModelExternal::externalEditUpdatesRowInPlace()
{
    const int row = rowOfTitle(QStringLiteral("房源2"));
    QVERIFY(row >= 0);
    const qint64 id = m_model->idAt(row);
    m_selection->setCurrentIndex(m_model->index(row, 0),
                                 QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    QSignalSpy reset(m_model.get(), &QAbstractItemModel::modelReset);
    QSignalSpy layout(m_model.get(), &QAbstractItemModel::layoutChanged);

    Listing theirs = m_other->listings().load(id).value();
    theirs.title = QStringLiteral("房源2（别人改过）");
    LD_VERIFY_OK(m_other->listings().save(theirs));
    QTRY_COMPARE_WITH_TIMEOUT(m_model->index(row, 0).data().toString(),
                              QStringLiteral("房源2（别人改过）"), 5000);
    QCOMPARE(reset.count(), 0);
    QCOMPARE(layout.count(), 0);
    QCOMPARE(m_selection->currentIndex().row(), row);
    QVERIFY(m_selection->isRowSelected(row));
}

void TestListingTableModelExternal::externalAddAndRemoveKeepSelection()
{
    const int row = rowOfTitle(QStringLiteral("房源3"));
    const qint64 id = m_model->idAt(row);
    m_selection->setCurrentIndex(m_model->index(row, 1),
                                 QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    QSignalSpy reset(m_model.get(), &QAbstractItemModel::modelReset);

    // Sorts before every other title: the selected listing moves one row down.
    auto added = m_other->listings().create(m_lib->makeListing(QStringLiteral("一个新房源")));
    LD_VERIFY_OK(added);
    QTRY_COMPARE_WITH_TIMEOUT(m_model->rowCount(), 6, 5000);
    QCOMPARE(reset.count(), 0);
    QCOMPARE(m_selection->currentIndex().row(), row + 1);
    QCOMPARE(m_selection->currentIndex().column(), 1);
    QCOMPARE(m_model->idAt(m_selection->currentIndex().row()), id);
    QCOMPARE(m_selection->selectedRows().size(), 1);
    QCOMPARE(m_model->idAt(m_selection->selectedRows().first().row()), id);

    // Another editor trashes a listing above it: it moves back up.
    LD_VERIFY_OK(m_other->listings().moveToTrash({added.value().id}));
    QTRY_COMPARE_WITH_TIMEOUT(m_model->rowCount(), 5, 5000);
    QCOMPARE(reset.count(), 0);
    QCOMPARE(m_model->idAt(m_selection->currentIndex().row()), id);
    QCOMPARE(m_selection->currentIndex().row(), row);
    QCOMPARE(m_selection->selectedRows().size(), 1);

    // The selected listing itself goes: nothing stays selected, nothing else is.
    LD_VERIFY_OK(m_other->listings().moveToTrash({id}));
    QTRY_COMPARE_WITH_TIMEOUT(m_model->rowCount(), 4, 5000);
    QVERIFY(!m_selection->currentIndex().isValid());
    QVERIFY(m_selection->selectedRows().isEmpty());
}

void TestListingTableModelExternal::currentRowFollowsItsListingAcrossPages()
{
    // 300 more listings: three pages. The current row is on the first page and
    // another editor adds 200 listings sorting before it: it moves two pages down.
    LD_VERIFY_OK(m_lib->createMany(300, [this](int i) {
        return m_lib->makeListing(QStringLiteral("甲%1").arg(i, 3, 10, QLatin1Char('0')));
    }));
    QCOMPARE(m_model->rowCount(), 305);
    const int row = rowOfTitle(QStringLiteral("房源1"));
    QVERIFY(row >= 0 && row < ListingTableModel::pageSize);
    const qint64 id = m_model->idAt(row);
    m_selection->setCurrentIndex(m_model->index(row, 0),
                                 QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    LD_VERIFY_OK(inTransaction(m_other->database().connection(), [this]() -> Result<void> {
        for (int i = 0; i < 200; ++i) {
            auto created = m_other->listings().insertInTransaction(
                m_lib->makeListing(QStringLiteral("一%1").arg(i, 3, 10, QLatin1Char('0'))));
            if (!created)
                return created.error();
        }
        return {};
    }));
    QTRY_COMPARE_WITH_TIMEOUT(m_model->rowCount(), 505, 5000);
    QCOMPARE(m_selection->currentIndex().row(), row + 200);
    QCOMPARE(m_model->idAt(m_selection->currentIndex().row()), id);
}

QTEST_GUILESS_MAIN(TestListingTableModelExternal)
#include "tst_listingtablemodelexternal.moc"
