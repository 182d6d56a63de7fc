// The sidebar's saved filters: their counts follow every change to the
// library, and always equal what clicking the filter would list.

#include "listingimporter.h"
#include "savedfiltermodel.h"
#include "testlibrary.h"

#include <QAbstractItemModelTester>
#include <QLocale>
#include <QSignalSpy>
#include <QTest>

using namespace ListingDesk;
using namespace ListingDesk::Testing;

namespace {

// All, Drafts, Ready, Published, Failed, Trash
using Counts = std::array<int, savedFilterCount>;

} // namespace

// verifyCounts() and stop the test at its first failure.
#define VERIFY_COUNTS(...)                                                                         \
    do {                                                                                           \
        verifyCounts(Counts{__VA_ARGS__});                                                         \
        if (QTest::currentTestFailed())                                                            \
            return;                                                                                \
    } while (false)

class TestSavedFilterModel : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void namesAndRoles();
    void countsFollowChanges();
    void unchangedCountsAreQuiet();

private:
    // Compares every row with \a expected and with the repository's own count.
    void verifyCounts(const Counts &expected);

    std::unique_ptr<TestLibrary> m_library;
    std::unique_ptr<SavedFilterModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

void TestSavedFilterModel::init()
{
    m_library = std::make_unique<TestLibrary>();
    QVERIFY2(m_library->isOpen(), qPrintable(m_library->error()));
    m_model = std::make_unique<SavedFilterModel>(&m_library->listings());
    m_tester = std::make_unique<QAbstractItemModelTester>(
        m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
}

void TestSavedFilterModel::cleanup()
{
    m_tester.reset();
    m_model.reset();
    m_library.reset();
}

void TestSavedFilterModel::verifyCounts(const Counts &expected)
{
    SavedFilterModel &model = *m_model;
    for (int row = 0; row < savedFilterCount; ++row) {
        const auto filter = SavedFilter(row);
        const int n = expected[std::size_t(row)];
        const QByteArray name = savedFilterKey(filter).toLatin1();
        QVERIFY2(model.count(filter) == n, qPrintable(QStringLiteral("%1: %2, expected %3")
                                                          .arg(QLatin1String(name))
                                                          .arg(model.count(filter))
                                                          .arg(n)));
        QCOMPARE(model.index(row, 1).data(SavedFilterModel::CountRole).toInt(), n);
        QCOMPARE(model.index(row, 1).data().toString(), QLocale().toString(n));
        ListingQuery query;
        query.filter = filter;
        QCOMPARE(m_library->listings().count(query), n);
    }
}

void TestSavedFilterModel::namesAndRoles()
{
    SavedFilterModel &model = *m_model;
    QCOMPARE(model.rowCount(), savedFilterCount);
    QCOMPARE(model.columnCount(), 2);
    for (int row = 0; row < savedFilterCount; ++row) {
        QCOMPARE(model.index(row, 0).data().toString(), savedFilterDisplayName(SavedFilter(row)));
        QCOMPARE(model.index(row, 0).data(SavedFilterModel::FilterRole).toInt(), row);
        QVERIFY(model.index(row, 0)
                    .data(Qt::AccessibleTextRole)
                    .toString()
                    .contains(savedFilterDisplayName(SavedFilter(row))));
    }
    QVERIFY(model.index(0, 1).data(Qt::TextAlignmentRole).value<Qt::Alignment>() & Qt::AlignRight);
    VERIFY_COUNTS(0, 0, 0, 0, 0, 0);
}

void TestSavedFilterModel::countsFollowChanges()
{
    TestLibrary &t = *m_library;
    QSignalSpy changed(m_model.get(), &SavedFilterModel::dataChanged);

    auto a = t.create(str("草稿一"), str("<p>正文</p>"));
    LD_VERIFY_OK(a);
    QCOMPARE(changed.size(), 1);
    VERIFY_COUNTS(1, 1, 0, 0, 0, 0);

    auto b = t.create(str("就绪一"), str("<p>正文</p>"), str("房产/租房"), {str("140400")},
                      ListingStatus::Ready);
    LD_VERIFY_OK(b);
    VERIFY_COUNTS(2, 1, 1, 0, 0, 0);

    // A save (one listing changed, no bulk re-query) still moves the counts.
    Listing edit = a.value();
    edit.status = ListingStatus::Ready;
    auto saved = t.listings().save(edit);
    LD_VERIFY_OK(saved);
    VERIFY_COUNTS(2, 0, 2, 0, 0, 0);

    edit = saved.value();
    edit.status = ListingStatus::Published;
    saved = t.listings().save(edit);
    LD_VERIFY_OK(saved);
    VERIFY_COUNTS(2, 0, 1, 1, 0, 0);

    edit = saved.value();
    edit.status = ListingStatus::Modified; // edited after publishing: still under Published
    saved = t.listings().save(edit);
    LD_VERIFY_OK(saved);
    VERIFY_COUNTS(2, 0, 1, 1, 0, 0);

    Listing other = t.listings().load(b.value().id).value();
    other.status = ListingStatus::Failed;
    LD_VERIFY_OK(t.listings().save(other));
    VERIFY_COUNTS(2, 0, 0, 1, 1, 0);

    LD_VERIFY_OK(t.listings().moveToTrash({b.value().id}));
    VERIFY_COUNTS(1, 0, 0, 1, 0, 1);

    LD_VERIFY_OK(t.listings().duplicate(a.value().id)); // a draft copy
    VERIFY_COUNTS(2, 1, 0, 1, 0, 1);

    LD_VERIFY_OK(t.listings().restore({b.value().id}));
    VERIFY_COUNTS(3, 1, 0, 1, 1, 0);

    LD_VERIFY_OK(t.listings().moveToTrash({b.value().id, a.value().id}));
    VERIFY_COUNTS(1, 1, 0, 0, 0, 2);
    LD_VERIFY_OK(t.listings().emptyTrash());
    VERIFY_COUNTS(1, 1, 0, 0, 0, 0);

    auto records = parseInterchange(
        str(R"([{"title": "导入草稿", "category": "房产/租房", "cities": ["长治"], "body_html": ""},
                {"title": "导入就绪", "category": "房产/租房", "cities": ["太原"],
                 "body_html": "<p>正文</p>", "status": "ready"}])")
            .toUtf8(),
        InterchangeFormat::Json);
    LD_VERIFY_OK(records);
    LD_VERIFY_OK(ListingImporter(t.library()).import(records.value()));
    VERIFY_COUNTS(3, 2, 1, 0, 0, 0);

    // Every count change above was announced.
    QVERIFY(changed.size() >= 11);
    const QList<QVariant> last = changed.last();
    QCOMPARE(last.at(0).value<QModelIndex>(), m_model->index(0, 0));
    QCOMPARE(last.at(1).value<QModelIndex>(), m_model->index(savedFilterCount - 1, 1));
}

void TestSavedFilterModel::unchangedCountsAreQuiet()
{
    TestLibrary &t = *m_library;
    auto a = t.create(str("标题"));
    LD_VERIFY_OK(a);
    QSignalSpy changed(m_model.get(), &SavedFilterModel::dataChanged);
    QSignalSpy reset(m_model.get(), &SavedFilterModel::modelReset);

    // Typing in the title (autosave) must not repaint the sidebar each time.
    Listing edit = a.value();
    for (int i = 0; i < 3; ++i) {
        edit.title = QStringLiteral("标题 %1").arg(i);
        auto saved = t.listings().save(edit);
        LD_VERIFY_OK(saved);
        edit = saved.value();
    }
    QCOMPARE(changed.size(), 0);
    QCOMPARE(reset.size(), 0);
    VERIFY_COUNTS(1, 1, 0, 0, 0, 0);
}

QTEST_GUILESS_MAIN(TestSavedFilterModel)
#include "tst_savedfiltermodel.moc"
