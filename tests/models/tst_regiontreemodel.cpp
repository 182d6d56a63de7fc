// The city picker's tree over the real seeded region table: the shape
// (provinces, municipalities, cities, counties), checking whole provinces,
// single cities and counties, the order of what was checked, and regions a
// portal refuses.

#include "regiontreemodel.h"
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

namespace {

const QString shanxi = QStringLiteral("140000");
const QString changzhi = QStringLiteral("140400");
const QString taiyuan = QStringLiteral("140100");
const QString zhangzi = QStringLiteral("140428"); // 长子县, a county of 长治

} // namespace

class TestRegionTreeModel : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void provinces();
    void municipality();
    void shanxiCities();
    void directlyAdministeredCity();
    void everyRowReachable();
    void flags();
    void checkProvince();
    void uncheckProvinceClearsCounties();
    void checkCounty();
    void checkedOrder();
    void setCheckedCodes();
    void partialStateCannotBeSet();
    void refusedCodes();

private:
    Qt::CheckState stateOf(const QString &code) const;
    QModelIndex at(const QString &code) const;
    // Whether \a spy saw a dataChanged() covering \a index with the check state.
    static bool covered(const QSignalSpy &spy, const QModelIndex &index, int role);

    std::unique_ptr<TestLibrary> m_library;
    std::unique_ptr<RegionTreeModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

void TestRegionTreeModel::init()
{
    m_library = std::make_unique<TestLibrary>();
    QVERIFY2(m_library->isOpen(), qPrintable(m_library->error()));
    m_model = std::make_unique<RegionTreeModel>(&m_library->library().regions());
    m_tester = std::make_unique<QAbstractItemModelTester>(
        m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
}

void TestRegionTreeModel::cleanup()
{
    m_tester.reset();
    m_model.reset();
    m_library.reset();
}

QModelIndex TestRegionTreeModel::at(const QString &code) const
{
    return m_model->indexForCode(code);
}

Qt::CheckState TestRegionTreeModel::stateOf(const QString &code) const
{
    return Qt::CheckState(at(code).data(Qt::CheckStateRole).toInt());
}

bool TestRegionTreeModel::covered(const QSignalSpy &spy, const QModelIndex &index, int role)
{
    for (const QList<QVariant> &arguments : spy) {
        const auto topLeft = arguments.at(0).value<QModelIndex>();
        const auto bottomRight = arguments.at(1).value<QModelIndex>();
        const auto roles = arguments.at(2).value<QList<int>>();
        if (topLeft.parent() == index.parent() && topLeft.row() <= index.row() &&
            index.row() <= bottomRight.row() && (roles.isEmpty() || roles.contains(role)))
            return true;
    }
    return false;
}

void TestRegionTreeModel::provinces()
{
    QCOMPARE(m_model->rowCount(), 31);
    QCOMPARE(m_model->columnCount(), 1);
    const QModelIndex beijing = m_model->index(0, 0);
    QCOMPARE(beijing.data().toString(), str("北京"));
    QCOMPARE(beijing.data(Qt::ToolTipRole).toString(), str("北京市"));
    QCOMPARE(beijing.data(RegionTreeModel::CodeRole).toString(), QStringLiteral("110000"));
    QCOMPARE(beijing.data(RegionTreeModel::LevelRole).toInt(), 1);
    QCOMPARE(beijing.data(RegionTreeModel::AcceptedRole).toBool(), true);
    QVERIFY(!beijing.parent().isValid());
    // Code order throughout.
    QString previous;
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const QModelIndex province = m_model->index(row, 0);
        QCOMPARE(province.data(RegionTreeModel::LevelRole).toInt(), 1);
        const QString code = province.data(RegionTreeModel::CodeRole).toString();
        QVERIFY2(previous < code, qPrintable(code));
        previous = code;
    }
    QCOMPARE(at(shanxi).data().toString(), str("山西"));
    QCOMPARE(at(shanxi).row(), 3); // 北京, 天津, 河北, 山西
}

void TestRegionTreeModel::municipality()
{
    const QModelIndex province = at(QStringLiteral("110000"));
    QCOMPARE(m_model->rowCount(province), 1);
    const QModelIndex city = m_model->index(0, 0, province);
    QCOMPARE(city, at(QStringLiteral("110100")));
    QCOMPARE(city.data().toString(), str("北京"));
    QCOMPARE(city.data(RegionTreeModel::LevelRole).toInt(), 2);
    QCOMPARE(city.parent(), province);
    QCOMPARE(m_model->rowCount(city), 16);
    const QModelIndex dongcheng = m_model->index(0, 0, city);
    QCOMPARE(dongcheng.data().toString(), str("东城"));
    QCOMPARE(dongcheng.data(Qt::ToolTipRole).toString(), str("东城区"));
    QCOMPARE(dongcheng.data(RegionTreeModel::LevelRole).toInt(), 3);
    QCOMPARE(dongcheng.parent(), city);
    QCOMPARE(dongcheng.parent().parent(), province);
    for (int row = 0; row < m_model->rowCount(city); ++row)
        QVERIFY(m_model->index(row, 0, city).data().toString() != str("市辖区"));
}

void TestRegionTreeModel::shanxiCities()
{
    const QModelIndex province = at(shanxi);
    QCOMPARE(m_model->rowCount(province), 11);
    QStringList names;
    for (int row = 0; row < 11; ++row) {
        const QModelIndex city = m_model->index(row, 0, province);
        QCOMPARE(city.data(RegionTreeModel::LevelRole).toInt(), 2);
        QCOMPARE(city.parent(), province);
        names << city.data().toString();
    }
    QCOMPARE(names, (QStringList{str("太原"), str("大同"), str("阳泉"), str("长治"), str("晋城"),
                                 str("朔州"), str("晋中"), str("运城"), str("忻州"), str("临汾"),
                                 str("吕梁")}));
    const QModelIndex city = at(changzhi);
    QCOMPARE(city.row(), 3);
    QCOMPARE(city.data(Qt::ToolTipRole).toString(), str("长治市"));
    QCOMPARE(m_model->rowCount(city), 12);
    QCOMPARE(at(zhangzi).parent(), city);
    QCOMPARE(at(zhangzi).data().toString(), str("长子"));
    QVERIFY(!at(QStringLiteral("999999")).isValid());
    QVERIFY(!at(QString()).isValid());
}

void TestRegionTreeModel::directlyAdministeredCity()
{
    // 仙桃 has no prefecture-level city above it: it sits under 湖北.
    const QModelIndex xiantao = at(QStringLiteral("429004"));
    QVERIFY(xiantao.isValid());
    QCOMPARE(xiantao.data().toString(), str("仙桃"));
    QCOMPARE(xiantao.parent(), at(QStringLiteral("420000")));
}

void TestRegionTreeModel::everyRowReachable()
{
    int count = 0;
    int levels[4] = {0, 0, 0, 0};
    std::function<void(const QModelIndex &)> walk = [&](const QModelIndex &parent) {
        for (int row = 0; row < m_model->rowCount(parent); ++row) {
            const QModelIndex child = m_model->index(row, 0, parent);
            ++count;
            ++levels[child.data(RegionTreeModel::LevelRole).toInt() & 3];
            QCOMPARE(at(child.data(RegionTreeModel::CodeRole).toString()), child);
            walk(child);
        }
    };
    walk({});
    const int stored =
        scalar(m_library->db(), QStringLiteral("SELECT count(*) FROM regions")).toInt();
    QCOMPARE(count, stored);
    QCOMPARE(levels[1], 31);
    QCOMPARE(levels[2],
             scalar(m_library->db(), QStringLiteral("SELECT count(*) FROM regions WHERE level = 2"))
                 .toInt());
}

void TestRegionTreeModel::flags()
{
    for (const QString &code : {shanxi, changzhi, zhangzi})
        QVERIFY(m_model->flags(at(code)).testFlag(Qt::ItemIsUserCheckable));
    QVERIFY(!m_model->flags(at(shanxi)).testFlag(Qt::ItemNeverHasChildren));
    QVERIFY(m_model->flags(at(zhangzi)).testFlag(Qt::ItemNeverHasChildren));
    QVERIFY(!m_model->flags(at(zhangzi)).testFlag(Qt::ItemIsUserTristate));
}

void TestRegionTreeModel::checkProvince()
{
    QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
    QSignalSpy codesChanged(m_model.get(), &RegionTreeModel::checkedCodesChanged);
    QCOMPARE(stateOf(shanxi), Qt::Unchecked);

    QVERIFY(m_model->setData(at(shanxi), Qt::Checked, Qt::CheckStateRole));
    QCOMPARE(codesChanged.size(), 1);
    const QStringList codes = m_model->checkedCodes();
    QCOMPARE(codes.size(), 11);
    QStringList expected;
    const QModelIndex province = at(shanxi);
    for (int row = 0; row < 11; ++row) {
        const QModelIndex city = m_model->index(row, 0, province);
        expected << city.data(RegionTreeModel::CodeRole).toString();
        QCOMPARE(city.data(Qt::CheckStateRole).toInt(), int(Qt::Checked));
        QVERIFY2(covered(changed, city, Qt::CheckStateRole), qPrintable(expected.last()));
    }
    QCOMPARE(codes, expected);
    QVERIFY(codes.contains(changzhi));
    QVERIFY(!codes.contains(shanxi));
    for (const QString &code : codes)
        QCOMPARE(at(code).data(RegionTreeModel::LevelRole).toInt(), 2);
    QCOMPARE(stateOf(shanxi), Qt::Checked);
    QVERIFY(covered(changed, province, Qt::CheckStateRole));
    QCOMPARE(stateOf(zhangzi), Qt::Unchecked); // counties are not implied
    // One range for the cities, one for the province.
    QCOMPARE(changed.size(), 2);

    changed.clear();
    QVERIFY(m_model->setData(at(changzhi), Qt::Unchecked, Qt::CheckStateRole));
    QCOMPARE(codesChanged.size(), 2);
    QCOMPARE(m_model->checkedCodes().size(), 10);
    QVERIFY(!m_model->checkedCodes().contains(changzhi));
    QCOMPARE(stateOf(changzhi), Qt::Unchecked);
    QCOMPARE(stateOf(shanxi), Qt::PartiallyChecked);
    QVERIFY(covered(changed, at(changzhi), Qt::CheckStateRole));
    QVERIFY(covered(changed, province, Qt::CheckStateRole));
    QVERIFY(!covered(changed, at(taiyuan), Qt::CheckStateRole));

    // What a view sends when a partially checked province is clicked.
    QVERIFY(m_model->setData(at(shanxi), Qt::Checked, Qt::CheckStateRole));
    QCOMPARE(m_model->checkedCodes().size(), 11);
    QCOMPARE(m_model->checkedCodes().last(), changzhi);
    QCOMPARE(stateOf(shanxi), Qt::Checked);

    QVERIFY(m_model->setData(at(shanxi), Qt::Unchecked, Qt::CheckStateRole));
    QVERIFY(m_model->checkedCodes().isEmpty());
    QCOMPARE(stateOf(shanxi), Qt::Unchecked);
    QCOMPARE(stateOf(changzhi), Qt::Unchecked);
    // Other provinces are untouched throughout.
    QCOMPARE(stateOf(QStringLiteral("130000")), Qt::Unchecked);

    // Unchecking what is not checked changes nothing and says nothing.
    codesChanged.clear();
    changed.clear();
    QVERIFY(m_model->setData(at(shanxi), Qt::Unchecked, Qt::CheckStateRole));
    QCOMPARE(codesChanged.size(), 0);
    QCOMPARE(changed.size(), 0);
}

void TestRegionTreeModel::uncheckProvinceClearsCounties()
{
    QVERIFY(m_model->setData(at(zhangzi), Qt::Checked, Qt::CheckStateRole));
    QVERIFY(m_model->setData(at(shanxi), Qt::Checked, Qt::CheckStateRole));
    QCOMPARE(m_model->checkedCodes().size(), 12);
    QCOMPARE(m_model->checkedCodes().first(), zhangzi);
    QCOMPARE(stateOf(shanxi), Qt::Checked);
    QVERIFY(m_model->setData(at(shanxi), Qt::Unchecked, Qt::CheckStateRole));
    QVERIFY(m_model->checkedCodes().isEmpty());
    QCOMPARE(stateOf(zhangzi), Qt::Unchecked);
    QCOMPARE(stateOf(shanxi), Qt::Unchecked);
}

void TestRegionTreeModel::checkCounty()
{
    QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
    QSignalSpy codesChanged(m_model.get(), &RegionTreeModel::checkedCodesChanged);
    QVERIFY(m_model->setData(at(zhangzi), Qt::Checked, Qt::CheckStateRole));
    QCOMPARE(m_model->checkedCodes(), QStringList{zhangzi});
    QCOMPARE(codesChanged.size(), 1);
    QCOMPARE(stateOf(zhangzi), Qt::Checked);
    QCOMPARE(stateOf(changzhi), Qt::Unchecked); // a county does not stand for its city
    QCOMPARE(stateOf(shanxi), Qt::PartiallyChecked);
    QVERIFY(covered(changed, at(zhangzi), Qt::CheckStateRole));
    QVERIFY(covered(changed, at(shanxi), Qt::CheckStateRole));
    QCOMPARE(changed.size(), 2);

    QVERIFY(m_model->setData(at(zhangzi), Qt::Unchecked, Qt::CheckStateRole));
    QVERIFY(m_model->checkedCodes().isEmpty());
    QCOMPARE(stateOf(shanxi), Qt::Unchecked);

    // A municipality's district.
    const QString dongcheng = QStringLiteral("110101");
    QVERIFY(m_model->setData(at(dongcheng), Qt::Checked, Qt::CheckStateRole));
    QCOMPARE(stateOf(QStringLiteral("110000")), Qt::PartiallyChecked);
    QVERIFY(m_model->setData(at(QStringLiteral("110100")), Qt::Checked, Qt::CheckStateRole));
    QCOMPARE(stateOf(QStringLiteral("110000")), Qt::Checked);
    QCOMPARE(m_model->checkedCodes(), (QStringList{dongcheng, QStringLiteral("110100")}));
}

void TestRegionTreeModel::checkedOrder()
{
    QVERIFY(m_model->setData(at(changzhi), Qt::Checked, Qt::CheckStateRole));
    QVERIFY(m_model->setData(at(QStringLiteral("110100")), Qt::Checked, Qt::CheckStateRole));
    QVERIFY(m_model->setData(at(taiyuan), int(Qt::Checked), Qt::CheckStateRole));
    QCOMPARE(m_model->checkedCodes(), (QStringList{changzhi, QStringLiteral("110100"), taiyuan}));
    QVERIFY(m_model->setData(at(changzhi), Qt::Unchecked, Qt::CheckStateRole));
    QVERIFY(m_model->setData(at(changzhi), Qt::Checked, Qt::CheckStateRole));
    QCOMPARE(m_model->checkedCodes(), (QStringList{QStringLiteral("110100"), taiyuan, changzhi}));
}

void TestRegionTreeModel::setCheckedCodes()
{
    QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
    QSignalSpy codesChanged(m_model.get(), &RegionTreeModel::checkedCodesChanged);
    // Provinces are not targets and unknown codes are dropped; duplicates count once.
    m_model->setCheckedCodes(
        {taiyuan, shanxi, QStringLiteral("999999"), zhangzi, taiyuan, QStringLiteral("110100")});
    QCOMPARE(m_model->checkedCodes(), (QStringList{taiyuan, zhangzi, QStringLiteral("110100")}));
    QCOMPARE(codesChanged.size(), 1);
    QCOMPARE(stateOf(taiyuan), Qt::Checked);
    QCOMPARE(stateOf(zhangzi), Qt::Checked);
    QCOMPARE(stateOf(shanxi), Qt::PartiallyChecked);
    QCOMPARE(stateOf(QStringLiteral("110000")), Qt::Checked);
    for (const QString &code :
         {taiyuan, zhangzi, shanxi, QStringLiteral("110100"), QStringLiteral("110000")})
        QVERIFY2(covered(changed, at(code), Qt::CheckStateRole), qPrintable(code));

    // The same set again: nothing to say.
    changed.clear();
    m_model->setCheckedCodes({taiyuan, zhangzi, QStringLiteral("110100")});
    QCOMPARE(codesChanged.size(), 1);
    QCOMPARE(changed.size(), 0);

    // A new order is a change of the list, though no check box moves.
    m_model->setCheckedCodes({zhangzi, taiyuan, QStringLiteral("110100")});
    QCOMPARE(codesChanged.size(), 2);
    QCOMPARE(changed.size(), 0);
    QCOMPARE(m_model->checkedCodes().first(), zhangzi);

    m_model->setCheckedCodes({changzhi});
    QCOMPARE(m_model->checkedCodes(), QStringList{changzhi});
    QCOMPARE(stateOf(taiyuan), Qt::Unchecked);
    QCOMPARE(stateOf(zhangzi), Qt::Unchecked);
    QCOMPARE(stateOf(QStringLiteral("110000")), Qt::Unchecked);
    QCOMPARE(stateOf(shanxi), Qt::PartiallyChecked);
    QVERIFY(covered(changed, at(QStringLiteral("110000")), Qt::CheckStateRole));

    m_model->setCheckedCodes({});
    QVERIFY(m_model->checkedCodes().isEmpty());
    QCOMPARE(stateOf(shanxi), Qt::Unchecked);
    QCOMPARE(codesChanged.size(), 4);
}

void TestRegionTreeModel::partialStateCannotBeSet()
{
    QVERIFY(!m_model->setData(at(shanxi), Qt::PartiallyChecked, Qt::CheckStateRole));
    QVERIFY(!m_model->setData(at(changzhi), str("长治"), Qt::DisplayRole));
    QVERIFY(m_model->checkedCodes().isEmpty());
}

void TestRegionTreeModel::refusedCodes()
{
    QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
    const QString plainTip = at(changzhi).data(Qt::ToolTipRole).toString();
    QVERIFY(!at(changzhi).data(Qt::ForegroundRole).isValid());

    // As the publish step will get them from the portal map.
    const qint64 portal = addPortal(m_library->library(), QStringLiteral("P"), QStringLiteral("https://p.example"))
                              .value();
    for (const QString &code : {changzhi, zhangzi})
        LD_VERIFY_OK(m_library->library().portalTerms().setTerm(portal, TermKind::Region, code, {},
                                                                {}, false));
    LD_VERIFY_OK(m_library->library().portalTerms().setTerm(portal, TermKind::Region, taiyuan, {},
                                                            {}, true));
    const QSet<QString> refused =
        m_library->library().portalTerms().refusedKeys(portal, TermKind::Region);
    QCOMPARE(refused, (QSet<QString>{changzhi, zhangzi}));
    m_model->setRefusedCodes(refused);

    QCOMPARE(m_model->refusedCodes(), refused);
    QCOMPARE(at(changzhi).data(RegionTreeModel::AcceptedRole).toBool(), false);
    QCOMPARE(at(zhangzi).data(RegionTreeModel::AcceptedRole).toBool(), false);
    QCOMPARE(at(taiyuan).data(RegionTreeModel::AcceptedRole).toBool(), true);
    QCOMPARE(at(shanxi).data(RegionTreeModel::AcceptedRole).toBool(), true);
    const auto brush = at(changzhi).data(Qt::ForegroundRole).value<QBrush>();
    QCOMPARE(brush.color(), QGuiApplication::palette().color(QPalette::Disabled, QPalette::Text));
    const QString tip = at(changzhi).data(Qt::ToolTipRole).toString();
    QVERIFY(tip != plainTip);
    QVERIFY2(tip.contains(str("长治市")), qPrintable(tip));
    QVERIFY(!at(taiyuan).data(Qt::ForegroundRole).isValid());
    QVERIFY(covered(changed, at(changzhi), RegionTreeModel::AcceptedRole));
    QVERIFY(covered(changed, at(zhangzi), RegionTreeModel::AcceptedRole));
    QCOMPARE(changed.size(), 2); // different parents: one signal each

    // Still checkable: publishing is where a refusal is reported.
    QVERIFY(m_model->flags(at(changzhi)).testFlag(Qt::ItemIsUserCheckable));
    QVERIFY(m_model->setData(at(changzhi), Qt::Checked, Qt::CheckStateRole));
    QCOMPARE(m_model->checkedCodes(), QStringList{changzhi});

    changed.clear();
    m_model->setRefusedCodes({});
    QCOMPARE(at(changzhi).data(RegionTreeModel::AcceptedRole).toBool(), true);
    QCOMPARE(at(changzhi).data(Qt::ToolTipRole).toString(), plainTip);
    QVERIFY(!at(changzhi).data(Qt::ForegroundRole).isValid());
    QCOMPARE(changed.size(), 2);
    changed.clear();
    m_model->setRefusedCodes({});
    QCOMPARE(changed.size(), 0);
}

QTEST_MAIN(TestRegionTreeModel)
#include "tst_regiontreemodel.moc"
