// The statistics view inside the real main window (offscreen): its figures on
// a small library, and a click on a bar narrowing the real listing table.
#include "chartpanel.h"
#include "listingeditor.h"
#include "listingtablemodel.h"
#include "mainwindow.h"
#include "statisticsview.h"
#include "testlibrary.h"

#include <QAction>
#include <QChart>
#include <QChartView>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

using namespace ListingDesk;
using namespace ListingDesk::Testing;

class TstStatisticsView : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void showsTheLibrarysFigures();
    void clickingACityBarFiltersTheTable();
    void clickingAStatusBarThenClearing();
    void mostViewedListingOpensOnClick();
    void countsAgainAfterAChange();
    void followsADarkPalette();

private:
    ChartPanel *panel(const char *name)
    {
        auto *found = m_window->findChild<ChartPanel *>(QLatin1String(name));
        if (!found)
            qFatal("no chart %s", name);
        return found;
    }
    void clickBar(ChartPanel *chart, int index);
    QStringList tableTitles();

    std::unique_ptr<TestLibrary> m_lib;
    std::unique_ptr<MainWindow> m_window;
    StatisticsView *m_view = nullptr;
    qint64 m_readyId = 0;
};

void TstStatisticsView::init()
{
    m_lib = std::make_unique<TestLibrary>();
    QVERIFY2(m_lib->isOpen(), qPrintable(m_lib->error()));
    for (int i = 0; i < 3; ++i)
        LD_VERIFY_OK(
            m_lib->create(str("长治租房%1").arg(i), {}, str("房产/租房"), {str("140400")}));
    for (int i = 0; i < 2; ++i)
        LD_VERIFY_OK(m_lib->create(str("太原司机%1").arg(i), {}, str("招聘/司机"), {str("140100")},
                                   ListingStatus::Published));
    auto ready = m_lib->create(str("两城二手房"), {}, str("房产/二手房"),
                               {str("140403"), str("140100")}, ListingStatus::Ready);
    LD_VERIFY_OK(ready);
    m_readyId = ready.value().id;

    m_window = std::make_unique<MainWindow>(&m_lib->library());
    m_window->resize(1400, 1000);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    m_view = m_window->statisticsView();
    QVERIFY(m_view);
    QVERIFY(!m_view->isVisible()); // closed until asked for
    auto *action = m_window->findChild<QAction *>(QStringLiteral("statisticsAction"));
    QVERIFY(action);
    QVERIFY(!action->shortcut().isEmpty());
    action->trigger();
    QTRY_VERIFY(m_view->isVisible());
    // Counted in the background; the window never waited for it.
    QTRY_VERIFY(m_view->isUpToDate());
}

void TstStatisticsView::cleanup()
{
    m_window.reset();
    m_lib.reset();
}

void TstStatisticsView::clickBar(ChartPanel *chart, int index)
{
    QTRY_VERIFY(chart->isShowingChart());
    QVERIFY(chart->chartView()->isVisible());
    const QPoint at = chart->barCenter(index);
    QVERIFY(chart->chartView()->viewport()->rect().contains(at));
    QTest::mouseClick(chart->chartView()->viewport(), Qt::LeftButton, {}, at);
}

QStringList TstStatisticsView::tableTitles()
{
    QStringList titles;
    ListingTableModel *model = m_window->listingModel();
    for (int row = 0; row < model->rowCount(); ++row)
        titles << model->index(row, ListingTableModel::TitleColumn).data().toString();
    titles.sort();
    return titles;
}

void TstStatisticsView::showsTheLibrarysFigures()
{
    const LibraryStatistics &s = m_view->statistics();
    QCOMPARE(s.byStatus.size(), 3);
    QCOMPARE(s.byStatus.at(0).status, ListingStatus::Draft);
    QCOMPARE(s.byStatus.at(0).count, 3);
    QCOMPARE(s.byStatus.at(1).status, ListingStatus::Ready);
    QCOMPARE(s.byStatus.at(1).count, 1);
    QCOMPARE(s.byStatus.at(2).status, ListingStatus::Published);
    QCOMPARE(s.byStatus.at(2).count, 2);
    QCOMPARE(s.byCity.size(), 2);
    QCOMPARE(s.byCity.at(0).shortName, str("长治")); // 3 + the district of 长治
    QCOMPARE(s.byCity.at(0).count, 4);
    QCOMPARE(s.byCity.at(1).shortName, str("太原"));
    QCOMPARE(s.byCity.at(1).count, 3);
    QCOMPARE(s.byCategory.size(), 2);
    QCOMPARE(s.byCategory.at(0).name, str("房产"));
    QCOMPARE(s.byCategory.at(0).count, 4);
    QCOMPARE(s.byCategory.at(1).count, 2);
    QCOMPARE(s.publishedPerDay.size(), StatisticsView::activityDays);

    QVERIFY(panel("statusChart")->isShowingChart());
    QCOMPARE(panel("cityChart")->labels(), QStringList({str("长治"), str("太原")}));
    // Nothing published to a portal and no views: the empty states say so.
    QVERIFY(!panel("activityChart")->isShowingChart());
    QVERIFY(!panel("viewsCityChart")->isShowingChart());
    QVERIFY(!panel("topListingsChart")->isShowingChart());
}

void TstStatisticsView::clickingACityBarFiltersTheTable()
{
    QCOMPARE(m_window->listingModel()->rowCount(), 6);
    QSignalSpy spy(m_view, &StatisticsView::filterRequested);
    clickBar(panel("cityChart"), 1); // 太原
    QCOMPARE(spy.count(), 1);
    QTRY_COMPARE(m_window->listingModel()->rowCount(), 3);
    QCOMPARE(tableTitles(), QStringList({str("两城二手房"), str("太原司机0"), str("太原司机1")}));
    auto *chip = m_window->findChild<QPushButton *>(QStringLiteral("chartFilterButton"));
    QVERIFY(chip && chip->isVisible());
    QVERIFY(chip->text().contains(str("太原")));

    clickBar(panel("categoryChart"), 0); // 房产 and its children
    QTRY_COMPARE(m_window->listingModel()->rowCount(), 4);
    QVERIFY(!tableTitles().contains(str("太原司机0")));
}

void TstStatisticsView::clickingAStatusBarThenClearing()
{
    clickBar(panel("statusChart"), 2); // Published
    QTRY_COMPARE(m_window->listingModel()->rowCount(), 2);
    QCOMPARE(tableTitles(), QStringList({str("太原司机0"), str("太原司机1")}));
    auto *chip = m_window->findChild<QPushButton *>(QStringLiteral("chartFilterButton"));
    QVERIFY(chip->isVisible());
    chip->click();
    QTRY_COMPARE(m_window->listingModel()->rowCount(), 6);
    QVERIFY(!chip->isVisible());
}

void TstStatisticsView::mostViewedListingOpensOnClick()
{
    auto portal = addPortal(m_lib->library(), str("门户"), str("https://example.invalid/"));
    LD_VERIFY_OK(portal);
    LD_VERIFY_OK(
        m_lib->exec(str("INSERT INTO remote_posts (listing_id, portal_id, region_code, "
                        "client_key, state, views, published_at) VALUES "
                        "(%1, %2, '140100', 'a', 'published', 44, '%3'), "
                        "(%1, %2, '140403', 'b', 'published', 10, '%3')")
                        .arg(m_readyId)
                        .arg(portal.value())
                        .arg(QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs))));
    QTest::mouseClick(m_window->findChild<QPushButton *>(QStringLiteral("statisticsRefreshButton")),
                      Qt::LeftButton);
    QTRY_VERIFY(panel("topListingsChart")->isShowingChart());
    QVERIFY(panel("activityChart")->isShowingChart());
    QCOMPARE(m_view->statistics().publishedPerDay.constLast().count, 2);
    QCOMPARE(panel("viewsCityChart")->labels(), QStringList({str("太原"), str("长治")}));
    QCOMPARE(m_view->statistics().topListings.constFirst().views, 54);

    clickBar(panel("topListingsChart"), 0);
    QTRY_COMPARE(m_window->editor()->listingId(), m_readyId);
}

void TstStatisticsView::countsAgainAfterAChange()
{
    LD_VERIFY_OK(m_lib->create(str("新草稿")));
    // Debounced: the figures follow within a couple of seconds.
    QTRY_COMPARE_WITH_TIMEOUT(m_view->statistics().byStatus.at(0).count, 4, 5000);
}

void TstStatisticsView::followsADarkPalette()
{
    QPalette dark;
    dark.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
    dark.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2b));
    dark.setColor(QPalette::Text, QColor(0xee, 0xee, 0xee));
    dark.setColor(QPalette::WindowText, QColor(0xee, 0xee, 0xee));
    m_view->setPalette(dark);
    ChartPanel *status = panel("statusChart");
    QTRY_COMPARE(status->chartView()->chart()->backgroundBrush().color(), QColor(0x1e, 0x1e, 0x1e));
    const auto axes = status->chartView()->chart()->axes();
    QVERIFY(!axes.isEmpty());
    for (QAbstractAxis *axis : axes)
        QCOMPARE(axis->labelsBrush().color(), QColor(0xee, 0xee, 0xee));
}

QTEST_MAIN(TstStatisticsView)
#include "tst_statisticsview.moc"
