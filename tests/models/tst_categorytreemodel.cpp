// The category picker's tree over the real seeded categories: two levels in
// the portal's order, ids and paths for the listing form, and categories a
// portal refuses.

#include "categorytreemodel.h"
#include "testlibrary.h"

#include <QAbstractItemModelTester>
#include <QBrush>
#include <QGuiApplication>
#include <QPalette>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace ListingDesk;
using namespace ListingDesk::Testing;

class TestCategoryTreeModel : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void topLevel();
    void children();
    void rentals();
    void indexForId();
    void notCheckable();
    void refusedIds();

private:
    std::unique_ptr<TestLibrary> m_library;
    std::unique_ptr<CategoryTreeModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

void TestCategoryTreeModel::init()
{
    m_library = std::make_unique<TestLibrary>();
    QVERIFY2(m_library->isOpen(), qPrintable(m_library->error()));
    m_model = std::make_unique<CategoryTreeModel>(&m_library->library().categories());
    m_tester = std::make_unique<QAbstractItemModelTester>(
        m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
}

void TestCategoryTreeModel::cleanup()
{
    m_tester.reset();
    m_model.reset();
    m_library.reset();
}

void TestCategoryTreeModel::topLevel()
{
    QCOMPARE(m_model->rowCount(), 13);
    QCOMPARE(m_model->columnCount(), 1);
    QStringList names;
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const QModelIndex top = m_model->index(row, 0);
        QVERIFY(!top.parent().isValid());
        QCOMPARE(top.data(CategoryTreeModel::PathRole).toString(), top.data().toString());
        names << top.data().toString();
    }
    // The order of categories.json, which is the portal's 发布 page.
    QCOMPARE(names.first(), str("房产"));
    QCOMPARE(names.at(1), str("招聘"));
    QCOMPARE(names.last(), str("交友活动"));
    const QModelIndex realEstate = m_model->index(0, 0);
    QCOMPARE(realEstate.data(Qt::ToolTipRole).toString(), QStringLiteral("Real Estate"));
    QCOMPARE(realEstate.data(CategoryTreeModel::AcceptedRole).toBool(), true);
    QCOMPARE(m_model->rowCount(realEstate), 10);
}

void TestCategoryTreeModel::children()
{
    int total = 0;
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const QModelIndex top = m_model->index(row, 0);
        const QString topName = top.data().toString();
        for (int childRow = 0; childRow < m_model->rowCount(top); ++childRow) {
            const QModelIndex child = m_model->index(childRow, 0, top);
            QCOMPARE(child.parent(), top);
            QCOMPARE(m_model->rowCount(child), 0);
            QCOMPARE(child.data(CategoryTreeModel::PathRole).toString(),
                     topName + QLatin1Char('/') + child.data().toString());
            ++total;
        }
    }
    QCOMPARE(total, 115);
    QCOMPARE(total + m_model->rowCount(),
             scalar(m_library->db(), QStringLiteral("SELECT count(*) FROM categories")).toInt());
}

void TestCategoryTreeModel::rentals()
{
    const QModelIndex rentals = m_model->index(0, 0, m_model->index(0, 0));
    QCOMPARE(rentals.data().toString(), str("租房"));
    QCOMPARE(rentals.data(Qt::ToolTipRole).toString(), QStringLiteral("Rentals"));
    QCOMPARE(rentals.data(CategoryTreeModel::PathRole).toString(), str("房产/租房"));
    QCOMPARE(rentals.data(CategoryTreeModel::IdRole).toLongLong(),
             m_library->categoryId(str("房产/租房")));
}

void TestCategoryTreeModel::indexForId()
{
    const qint64 rentalsId = m_library->categoryId(str("房产/租房"));
    QVERIFY(rentalsId > 0);
    const QModelIndex rentals = m_model->indexForId(rentalsId);
    QVERIFY(rentals.isValid());
    QCOMPARE(rentals.data(CategoryTreeModel::PathRole).toString(), str("房产/租房"));
    QCOMPARE(rentals.parent(), m_model->indexForId(m_library->categoryId(str("房产"))));
    QVERIFY(!m_model->indexForId(0).isValid());
    QVERIFY(!m_model->indexForId(987654).isValid());
    // Every row is found by its own id.
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const QModelIndex top = m_model->index(row, 0);
        QCOMPARE(m_model->indexForId(top.data(CategoryTreeModel::IdRole).toLongLong()), top);
        for (int childRow = 0; childRow < m_model->rowCount(top); ++childRow) {
            const QModelIndex child = m_model->index(childRow, 0, top);
            QCOMPARE(m_model->indexForId(child.data(CategoryTreeModel::IdRole).toLongLong()),
                     child);
        }
    }
}

void TestCategoryTreeModel::notCheckable()
{
    const QModelIndex rentals = m_model->indexForId(m_library->categoryId(str("房产/租房")));
    QVERIFY(!m_model->flags(rentals).testFlag(Qt::ItemIsUserCheckable));
    QVERIFY(m_model->flags(rentals).testFlag(Qt::ItemIsSelectable));
    QVERIFY(m_model->flags(rentals).testFlag(Qt::ItemNeverHasChildren));
    QVERIFY(!rentals.data(Qt::CheckStateRole).isValid());
    QVERIFY(!m_model->setData(rentals, Qt::Checked, Qt::CheckStateRole));
}

void TestCategoryTreeModel::refusedIds()
{
    const qint64 rentalsId = m_library->categoryId(str("房产/租房"));
    const qint64 petsId = m_library->categoryId(str("宠物"));
    PortalTermRepository &terms = m_library->library().portalTerms();
    const qint64 portal =
        addPortal(m_library->library(), QStringLiteral("P"), QStringLiteral("https://p.example")).value();
    for (qint64 id : {rentalsId, petsId})
        LD_VERIFY_OK(terms.setTerm(portal, TermKind::Category, QString::number(id), {}, {}, false));
    QSet<qint64> refused;
    for (const QString &key : terms.refusedKeys(portal, TermKind::Category))
        refused.insert(key.toLongLong());
    QCOMPARE(refused, (QSet<qint64>{rentalsId, petsId}));

    QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
    m_model->setRefusedIds(refused);
    QCOMPARE(m_model->refusedIds(), refused);
    QCOMPARE(changed.size(), 2);
    const QModelIndex rentals = m_model->indexForId(rentalsId);
    QCOMPARE(rentals.data(CategoryTreeModel::AcceptedRole).toBool(), false);
    QCOMPARE(m_model->indexForId(petsId).data(CategoryTreeModel::AcceptedRole).toBool(), false);
    QCOMPARE(rentals.parent().data(CategoryTreeModel::AcceptedRole).toBool(), true);
    QCOMPARE(rentals.data(Qt::ForegroundRole).value<QBrush>().color(),
             QGuiApplication::palette().color(QPalette::Disabled, QPalette::Text));
    const QString tip = rentals.data(Qt::ToolTipRole).toString();
    QVERIFY2(tip.contains(QStringLiteral("Rentals")) && tip != QStringLiteral("Rentals"),
             qPrintable(tip));
    // Still selectable: publishing is where a refusal is reported.
    QVERIFY(m_model->flags(rentals).testFlag(Qt::ItemIsSelectable));
    QVERIFY(m_model->flags(rentals).testFlag(Qt::ItemIsEnabled));

    changed.clear();
    m_model->setRefusedIds({petsId});
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.first().at(0).value<QModelIndex>(), rentals);
    QCOMPARE(rentals.data(CategoryTreeModel::AcceptedRole).toBool(), true);
    QVERIFY(!rentals.data(Qt::ForegroundRole).isValid());
    QCOMPARE(rentals.data(Qt::ToolTipRole).toString(), QStringLiteral("Rentals"));
}

QTEST_MAIN(TestCategoryTreeModel)
#include "tst_categorytreemodel.moc"
