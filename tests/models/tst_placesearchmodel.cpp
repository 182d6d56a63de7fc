// The pickers' result list over the real seeded regions and categories: one
// reset per query, at most resultLimit rows in the index's ranking, and rows
// that name their province or parent category.

#include "placesearchmodel.h"
#include "searchentries.h"
#include "testlibrary.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace ListingDesk;
using namespace ListingDesk::Testing;

class TestPlaceSearchModel : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void cleanupTestCase();
    void emptyQuery();
    void exactCity();
    void municipalityShowsOnce();
    void initials();
    void limit();
    void sameQueryIsQuiet();
    void clearing();
    void categories();
    void displayText();

private:
    QStringList column(int role) const;

    std::unique_ptr<TestLibrary> m_library;
    QList<SearchEntry> m_regionEntries;
    std::unique_ptr<PlaceSearchModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

void TestPlaceSearchModel::initTestCase()
{
    // Read once: the model never writes, so every test can share the library.
    m_library = std::make_unique<TestLibrary>();
    QVERIFY2(m_library->isOpen(), qPrintable(m_library->error()));
    m_regionEntries = regionSearchEntries(m_library->library().regions());
    QCOMPARE(m_regionEntries.size(),
             scalar(m_library->db(), QStringLiteral("SELECT count(*) FROM regions")).toInt());
}

void TestPlaceSearchModel::init()
{
    m_model = std::make_unique<PlaceSearchModel>(m_regionEntries);
    m_tester = std::make_unique<QAbstractItemModelTester>(
        m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
}

void TestPlaceSearchModel::cleanup()
{
    m_tester.reset();
    m_model.reset();
}

void TestPlaceSearchModel::cleanupTestCase()
{
    m_library.reset();
}

QStringList TestPlaceSearchModel::column(int role) const
{
    QStringList values;
    for (int row = 0; row < m_model->rowCount(); ++row)
        values << m_model->index(row, 0).data(role).toString();
    return values;
}

void TestPlaceSearchModel::emptyQuery()
{
    QCOMPARE(m_model->rowCount(), 0);
    QCOMPARE(m_model->queryText(), QString());
    QVERIFY(!m_model->index(0, 0).isValid());
    QCOMPARE(m_model->entryAt(0), nullptr);
    QCOMPARE(m_model->searchIndex().entries().size(), m_regionEntries.size());
}

void TestPlaceSearchModel::exactCity()
{
    QSignalSpy reset(m_model.get(), &QAbstractItemModel::modelReset);
    m_model->setQuery(str("长治"));
    QCOMPARE(reset.size(), 1);
    QCOMPARE(m_model->queryText(), str("长治"));
    QVERIFY(m_model->rowCount() >= 1);
    const QModelIndex first = m_model->index(0, 0);
    QCOMPARE(first.data().toString(), str("长治 · 山西"));
    QCOMPARE(first.data(PlaceSearchModel::KeyRole).toString(), QStringLiteral("140400"));
    QCOMPARE(first.data(PlaceSearchModel::MatchKindRole).toInt(), int(MatchKind::ExactName));
    QCOMPARE(first.data(Qt::ToolTipRole).toString(), str("长治市"));
    QCOMPARE(m_model->entryAt(0)->key, QStringLiteral("140400"));
    // A flat list: no row has children.
    QVERIFY(!m_model->index(0, 0, first).isValid());
    QCOMPARE(m_model->rowCount(first), 0);
}

void TestPlaceSearchModel::municipalityShowsOnce()
{
    m_model->setQuery(str("北京"));
    QVERIFY(m_model->rowCount() >= 2);
    // The city before the province of the same name, and neither as "北京 · 北京".
    QCOMPARE(m_model->index(0, 0).data(PlaceSearchModel::KeyRole).toString(),
             QStringLiteral("110100"));
    QCOMPARE(m_model->index(0, 0).data().toString(), str("北京"));
    QVERIFY(!column(Qt::DisplayRole).contains(str("北京 · 北京")));
    QVERIFY(!column(Qt::DisplayRole).contains(str("市辖区")));
}

void TestPlaceSearchModel::initials()
{
    m_model->setQuery(QStringLiteral("cz"));
    QVERIFY(m_model->rowCount() > 8);
    QVERIFY(m_model->rowCount() <= PlaceSearchModel::resultLimit);
    QVERIFY2(column(Qt::DisplayRole).contains(str("长治 · 山西")),
             qPrintable(column(Qt::DisplayRole).join(QLatin1Char(','))));
    // The model keeps the index's ranking, hit for hit.
    const QList<SearchHit> hits =
        m_model->searchIndex().search(QStringLiteral("cz"), PlaceSearchModel::resultLimit);
    QCOMPARE(m_model->rowCount(), hits.size());
    int previousKind = 0;
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const QModelIndex index = m_model->index(row, 0);
        QCOMPARE(index.data(PlaceSearchModel::KeyRole).toString(),
                 m_regionEntries.at(hits.at(row).entry).key);
        const int kind = index.data(PlaceSearchModel::MatchKindRole).toInt();
        QCOMPARE(kind, int(hits.at(row).kind));
        QVERIFY(kind >= previousKind);
        previousKind = kind;
    }
}

void TestPlaceSearchModel::limit()
{
    // Every district: far more than fit.
    m_model->setQuery(str("区"));
    QCOMPARE(m_model->rowCount(), PlaceSearchModel::resultLimit);
    QVERIFY(m_model->searchIndex().search(str("区"), -1).size() > PlaceSearchModel::resultLimit);
}

void TestPlaceSearchModel::sameQueryIsQuiet()
{
    m_model->setQuery(QStringLiteral("taiyuan"));
    QCOMPARE(m_model->index(0, 0).data().toString(), str("太原 · 山西"));
    QSignalSpy reset(m_model.get(), &QAbstractItemModel::modelReset);
    m_model->setQuery(QStringLiteral("taiyuan"));
    QCOMPARE(reset.size(), 0);
    m_model->setQuery(QStringLiteral("taiyua"));
    QCOMPARE(reset.size(), 1);
    QCOMPARE(m_model->index(0, 0).data(PlaceSearchModel::MatchKindRole).toInt(),
             int(MatchKind::PinyinPrefix));
}

void TestPlaceSearchModel::clearing()
{
    m_model->setQuery(QStringLiteral("changzhi"));
    QVERIFY(m_model->rowCount() > 0);
    QSignalSpy reset(m_model.get(), &QAbstractItemModel::modelReset);
    m_model->setQuery({});
    QCOMPARE(reset.size(), 1);
    QCOMPARE(m_model->rowCount(), 0);
    QCOMPARE(m_model->queryText(), QString());
}

void TestPlaceSearchModel::categories()
{
    m_tester.reset();
    m_model = std::make_unique<PlaceSearchModel>(
        categorySearchEntries(m_library->library().categories()));
    m_tester = std::make_unique<QAbstractItemModelTester>(
        m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);

    m_model->setQuery(QStringLiteral("zufang"));
    QVERIFY(m_model->rowCount() >= 1);
    const QModelIndex first = m_model->index(0, 0);
    QCOMPARE(first.data().toString(), str("租房 · 房产"));
    QCOMPARE(first.data(PlaceSearchModel::KeyRole).toString(),
             QString::number(m_library->categoryId(str("房产/租房"))));
    QCOMPARE(first.data(PlaceSearchModel::MatchKindRole).toInt(), int(MatchKind::PinyinExact));

    // A top-level category has no context: just its name.
    m_model->setQuery(str("房产"));
    QCOMPARE(m_model->index(0, 0).data().toString(), str("房产"));
    QCOMPARE(m_model->index(0, 0).data(PlaceSearchModel::KeyRole).toString(),
             QString::number(m_library->categoryId(str("房产"))));
}

void TestPlaceSearchModel::displayText()
{
    SearchEntry entry;
    entry.shortName = str("长治");
    QCOMPARE(PlaceSearchModel::displayText(entry), str("长治"));
    entry.context = str("山西");
    QCOMPARE(PlaceSearchModel::displayText(entry), str("长治 · 山西"));
    entry.shortName = str("上海");
    entry.context = str("上海");
    QCOMPARE(PlaceSearchModel::displayText(entry), str("上海"));
}

QTEST_MAIN(TestPlaceSearchModel)
#include "tst_placesearchmodel.moc"
