// The app in a dark theme (Fusion with a dark palette, as LISTINGDESK_FORCE_DARK
// sets it): the colours it chooses itself (errors, warnings, differences, the
// sensitive-word highlight, the charts) come from the palette and keep text
// readable, measured as WCAG contrast on the real widgets' pictures.
#include "articlestatuslabel.h"
#include "chartpanel.h"
#include "chipbar.h"
#include "conflictdialog.h"
#include "listingeditor.h"
#include "mainwindow.h"
#include "portalaccountsdialog.h"
#include "postmapper.h"
#include "sensitivewordmatcher.h"
#include "statisticsview.h"
#include "testlibrary.h"
#include "themecolors.h"

#include <QAbstractAxis>
#include <QApplication>
#include <QChart>
#include <QChartView>
#include <QHash>
#include <QLabel>
#include <QLineEdit>
#include <QRegularExpression>
#include <QSettings>
#include <QStyle>
#include <QStyleFactory>
#include <QTest>
#include <QTextBlock>
#include <QTextEdit>
#include <QTextLayout>

#include <memory>

using namespace ListingDesk;
using namespace ListingDesk::Testing;

namespace {
constexpr double readable = 4.5; // WCAG AA for normal text

// The contrast a reader sees in \a widget's picture: its commonest colour is
// the background; the pixel furthest from it is the core of a glyph.
double shownContrast(QWidget *widget)
{
    const QImage image = widget->grab().toImage().convertToFormat(QImage::Format_RGB32);
    QHash<QRgb, int> counts;
    for (int y = 0; y < image.height(); ++y) {
        const auto *line = reinterpret_cast<const QRgb *>(image.constScanLine(y));
        for (int x = 0; x < image.width(); ++x)
            ++counts[line[x]];
    }
    QRgb background = 0;
    int most = -1;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it) {
        if (it.value() > most) {
            most = it.value();
            background = it.key();
        }
    }
    double best = 1;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        best = qMax(best, ThemeColors::contrastRatio(QColor(background), QColor(it.key())));
    return best;
}

QColor over(const QColor &top, const QColor &bottom)
{
    const double a = top.alphaF();
    return QColor::fromRgbF(float(top.redF() * a + bottom.redF() * (1 - a)),
                            float(top.greenF() * a + bottom.greenF() * (1 - a)),
                            float(top.blueF() * a + bottom.blueF() * (1 - a)));
}

QString ratio(double value)
{
    return QString::number(value, 'f', 2);
}
} // namespace

class TestDarkTheme : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void themeColoursAreReadable_data();
    void themeColoursAreReadable();
    void chipsAndLimitWarnings();
    void sensitiveWordHighlight();
    void statisticsCharts();
    void conflictDifferences();
    void connectionReport();

private:
    void openWindow();

    std::unique_ptr<TestLibrary> m_library;
    std::unique_ptr<MainWindow> m_window;
    qint64 m_listingId = 0;
};

void TestDarkTheme::initTestCase()
{
    qputenv("LISTINGDESK_NO_KEYCHAIN", "1");
    QApplication::setStyle(QStringLiteral("Fusion"));
    QApplication::setPalette(ThemeColors::darkPalette());
    QVERIFY(ThemeColors::isDark(QApplication::palette()));
}

void TestDarkTheme::init()
{
    QSettings().clear();
    m_library = std::make_unique<TestLibrary>();
    QVERIFY2(m_library->isOpen(), qPrintable(m_library->error()));
}

void TestDarkTheme::cleanup()
{
    m_window.reset();
    m_library.reset();
}

void TestDarkTheme::openWindow()
{
    // A portal with tight limits, so that the status bar has something to warn about.
    PortalInfo portal;
    portal.name = str("长治信息港");
    portal.baseUrl = QStringLiteral("https://portal.example/");
    portal.username = QStringLiteral("editor");
    portal.titleLimit = 10;
    QVERIFY(m_library->library().portals().add(portal).ok());
    Listing l = m_library->makeListing(str("长治市中心两室一厅出租，拎包入住"),
                                       str("<p>两室一厅，家电齐全，非诚勿扰。</p>"),
                                       str("房产/租房"), {QStringLiteral("140400")});
    auto created = m_library->listings().create(l);
    QVERIFY(created.ok());
    m_listingId = created.value().id;
    m_window = std::make_unique<MainWindow>(&m_library->library());
    m_window->resize(1280, 800);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QVERIFY(m_window->selectListing(m_listingId));
}

void TestDarkTheme::themeColoursAreReadable_data()
{
    QTest::addColumn<bool>("dark");
    QTest::newRow("light") << false;
    QTest::newRow("dark") << true;
}

void TestDarkTheme::themeColoursAreReadable()
{
    QFETCH(bool, dark);
    const std::unique_ptr<QStyle> fusion(QStyleFactory::create(QStringLiteral("Fusion")));
    const QPalette palette = dark ? ThemeColors::darkPalette() : fusion->standardPalette();
    QCOMPARE(ThemeColors::isDark(palette), dark);
    const QColor text = palette.color(QPalette::Text);
    for (QPalette::ColorRole role : {QPalette::Window, QPalette::Base}) {
        const QColor background = palette.color(role);
        for (const QColor &colour :
             {ThemeColors::errorText(palette), ThemeColors::warningText(palette),
              ThemeColors::successText(palette), ThemeColors::mutedText(palette)}) {
            const double c = ThemeColors::contrastRatio(colour, background);
            QVERIFY2(c >= readable,
                     qPrintable(colour.name() + QStringLiteral(" on ") + background.name() +
                                QStringLiteral(": ") + ratio(c)));
        }
    }
    for (const QColor &background :
         {ThemeColors::changedBackground(palette), ThemeColors::notFoundBackground(palette)}) {
        const double c = ThemeColors::contrastRatio(text, background);
        QVERIFY2(c >= readable, qPrintable(background.name() + QStringLiteral(": ") + ratio(c)));
        // Still a tint one can see against the plain base.
        QVERIFY(background != palette.color(QPalette::Base));
    }
    // The measure itself: black on white is 21, a colour on itself 1.
    QCOMPARE(qRound(ThemeColors::contrastRatio(Qt::black, Qt::white)), 21);
    QCOMPARE(ThemeColors::contrastRatio(QColor(0x33, 0x66, 0x99), QColor(0x33, 0x66, 0x99)), 1.0);
}

void TestDarkTheme::chipsAndLimitWarnings()
{
    openWindow();
    const QColor window = m_window->palette().color(QPalette::Window);

    // A chosen city's chip.
    auto *chip = m_window->findChild<QWidget *>(QStringLiteral("chip_140400"));
    QVERIFY(chip);
    QTRY_VERIFY(chip->isVisible());
    double c = shownContrast(chip);
    QVERIFY2(c >= readable, qPrintable(ratio(c)));

    // The title is longer than the portal's limit of 10: the status bar warns.
    auto *status = m_window->findChild<ArticleStatusLabel *>();
    QVERIFY(status);
    QTRY_VERIFY(status->text().contains(str("长治信息港")));
    const QColor warning = status->palette().color(QPalette::WindowText);
    QCOMPARE(warning, ThemeColors::errorText(QApplication::palette()));
    QVERIFY(status->font().bold());
    c = ThemeColors::contrastRatio(warning, window);
    QVERIFY2(c >= readable, qPrintable(warning.name() + QStringLiteral(": ") + ratio(c)));
    c = shownContrast(status);
    QVERIFY2(c >= readable, qPrintable(ratio(c)));

    // A title over 80 characters: the counter turns to the error colour.
    auto *title = m_window->findChild<QLineEdit *>(QStringLiteral("titleLineEdit"));
    auto *counter = m_window->findChild<QLabel *>(QStringLiteral("titleCounterLabel"));
    const QColor normal = counter->palette().color(QPalette::WindowText);
    title->setText(QString(90, QChar(0x623f)));
    QTRY_VERIFY(counter->text().startsWith(QLatin1String("90/")));
    const QColor tooLong = counter->palette().color(QPalette::WindowText);
    QVERIFY(tooLong != normal);
    c = ThemeColors::contrastRatio(tooLong, window);
    QVERIFY2(c >= readable, qPrintable(tooLong.name() + QStringLiteral(": ") + ratio(c)));
    c = shownContrast(counter);
    QVERIFY2(c >= readable, qPrintable(ratio(c)));
    // And back to the normal colour once it fits.
    title->setText(str("短标题"));
    QTRY_COMPARE(counter->palette().color(QPalette::WindowText), normal);
}

void TestDarkTheme::sensitiveWordHighlight()
{
    openWindow();
    m_window->editor()->setSensitiveWords(
        std::make_shared<SensitiveWordMatcher>(QStringList{str("非诚勿扰")}));
    auto *article = m_window->findChild<QTextEdit *>(QStringLiteral("bodyTextEdit"));
    QVERIFY(article);
    const QTextBlock block = article->document()->firstBlock();
    QColor highlight;
    for (const QTextLayout::FormatRange &range : block.layout()->formats()) {
        if (range.format.background().style() != Qt::NoBrush)
            highlight = range.format.background().color();
    }
    QVERIFY2(highlight.isValid(), "the sensitive word is not highlighted");
    const QPalette palette = article->palette();
    const QColor shown = over(highlight, palette.color(QPalette::Base));
    const QColor text = palette.color(QPalette::Text);
    const double c = ThemeColors::contrastRatio(text, shown);
    QVERIFY2(c >= readable, qPrintable(shown.name() + QStringLiteral(": ") + ratio(c)));
    // Visible as a highlight: not the plain base colour.
    QVERIFY(ThemeColors::contrastRatio(shown, palette.color(QPalette::Base)) > 1.2);
}

void TestDarkTheme::statisticsCharts()
{
    openWindow();
    m_window->findChild<QAction *>(QStringLiteral("statisticsAction"))->trigger();
    StatisticsView *view = m_window->statisticsView();
    QTRY_VERIFY(view->isVisible());
    QTRY_VERIFY(view->isUpToDate());
    const QList<ChartPanel *> panels = view->findChildren<ChartPanel *>();
    QVERIFY(!panels.isEmpty());
    int checked = 0;
    for (ChartPanel *panel : panels) {
        QChart *chart = panel->chartView()->chart();
        const QColor background = chart->backgroundBrush().color();
        QVERIFY(ThemeColors::isDark(QPalette(background, background)));
        for (QAbstractAxis *axis : chart->axes()) {
            const double c = ThemeColors::contrastRatio(axis->labelsBrush().color(), background);
            QVERIFY2(c >= readable, qPrintable(ratio(c)));
            ++checked;
        }
    }
    QVERIFY(checked > 0);
}

void TestDarkTheme::conflictDifferences()
{
    openWindow();
    PortalListingFields theirs;
    theirs.title = str("长治市中心两室一厅出租（已降价）");
    theirs.bodyHtml = str("<p>两室一厅，月租1100元。</p>");
    RemotePostRecord record;
    record.listingId = m_listingId;
    record.portalId = m_library->library().portals().all().value().constFirst().id;
    record.regionCode = QStringLiteral("140400");
    record.clientKey = QStringLiteral("ld-dark-140400");
    record.remoteId = 7;
    record.state = RemoteState::Conflict;
    record.conflictRemote = PostMapper::toJson(theirs, QDateTime::currentDateTimeUtc());
    QVERIFY(m_library->library().remotePosts().save(&record).ok());
    ConflictDialog dialog(m_library->library(), m_listingId, m_window.get());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto *mine = dialog.findChild<QLabel *>(QStringLiteral("titleMine"));
    auto *name = dialog.findChild<QLabel *>(QStringLiteral("titleFieldLabel"));
    QVERIFY(mine && name);
    QVERIFY(mine->property("differs").toBool());
    double c = shownContrast(mine);
    QVERIFY2(c >= readable, qPrintable(ratio(c)));
    c = shownContrast(name);
    QVERIFY2(c >= readable, qPrintable(ratio(c)));
    if (const QByteArray dir = qgetenv("LISTINGDESK_SCREENSHOT_DIR"); !dir.isEmpty())
        dialog.grab().save(QString::fromLocal8Bit(dir) + QStringLiteral("/conflict-dark.png"));
}

void TestDarkTheme::connectionReport()
{
    ConnectionReport report;
    report.reachable = true;
    report.restApi = false;
    const QString html = PortalAccountsDialog::reportHtml(report);
    const QColor window = QApplication::palette().color(QPalette::Window);
    static const QRegularExpression colour(QStringLiteral("color:\\s*(#[0-9a-fA-F]{6})"));
    int found = 0;
    for (const QRegularExpressionMatch &m : colour.globalMatch(html)) {
        const double c = ThemeColors::contrastRatio(QColor(m.captured(1)), window);
        QVERIFY2(c >= readable, qPrintable(m.captured(1) + QStringLiteral(": ") + ratio(c)));
        ++found;
    }
    QVERIFY(found >= 3); // passed, failed, not checked
}

QTEST_MAIN(TestDarkTheme)
#include "tst_darktheme.moc"
