// Pictures of the pickers for the README, taken from the real widgets of the
// real main window (offscreen). Run by scripts/screenshot.sh; not a test.
#include "library.h"
#include "listingeditor.h"
#include "mainwindow.h"
#include "statisticsview.h"
#include "themecolors.h"
#include "translations.h"

#include <QAction>
#include <QApplication>
#include <QBuffer>
#include <QCommandLineParser>
#include <QDockWidget>
#include <QLineEdit>
#include <QLinearGradient>
#include <QPainter>
#include <QPalette>
#include <QPushButton>
#include <QTabWidget>
#include <QTest>

using namespace ListingDesk;

namespace {
bool save(QWidget *widget, const QString &path)
{
    const bool saved = widget->grab().save(path);
    fprintf(stderr, "%s %s\n", saved ? "wrote" : "could not write", qPrintable(path));
    return saved;
}

// A stand-in photo for the seed article: a hall, a stage, rows of heads.
QByteArray photo(const QColor &tint)
{
    QImage image(960, 540, QImage::Format_RGB32);
    QPainter painter(&image);
    QLinearGradient wall(0, 0, 0, 540);
    wall.setColorAt(0, tint.lighter(150));
    wall.setColorAt(1, tint.darker(160));
    painter.fillRect(image.rect(), wall);
    painter.fillRect(QRect(180, 60, 600, 90), QColor(0xb7, 0x1c, 0x1c));
    painter.setPen(Qt::white);
    QFont font = painter.font();
    font.setPixelSize(44);
    painter.setFont(font);
    painter.drawText(QRect(180, 60, 600, 90), Qt::AlignCenter,
                     QString::fromUtf8("2017年全市消防工作会议"));
    painter.setPen(Qt::NoPen);
    for (int row = 0; row < 4; ++row) {
        for (int seat = 0; seat < 14; ++seat) {
            painter.setBrush(QColor(0x30, 0x2a, 0x28));
            painter.drawEllipse(QPoint(50 + seat * 66 + (row % 2) * 30, 300 + row * 60), 20, 24);
        }
    }
    painter.end();
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "JPEG", 85);
    return bytes;
}

// The form with the seed article (../shared/seed/portal-listing-page.txt):
// a heading, paragraphs, photos with captions, a table.
bool saveEditor(Library &library, MainWindow &window, const QString &path)
{
    auto first = library.media().store(photo(QColor(0x8d, 0x6e, 0x63)), QStringLiteral("hall.jpg"));
    auto second =
        library.media().store(photo(QColor(0x45, 0x5a, 0x64)), QStringLiteral("stage.jpg"));
    if (!first || !second)
        return false;
    const auto figure = [](const MediaInfo &media, const char *caption) {
        return QStringLiteral("<figure><img src=\"%1\" width=\"%2\" height=\"%3\"><figcaption>")
                   .arg(MediaRepository::urlFor(media.sha256).toString())
                   .arg(360)
                   .arg(203) +
               QString::fromUtf8(caption) + QStringLiteral("</figcaption></figure>");
    };
    Listing listing;
    listing.title = QString::fromUtf8("长治市政府召开2017年全市消防工作会议");
    listing.bodyHtml =
        QString::fromUtf8("<h2>长治市政府召开2017年全市消防工作会议</h2>") +
        figure(first.value(), "会议现场") +
        QString::fromUtf8(
            "<p>5月23日上午，长治市政府召开2017年全市消防工作会议。市政府副市长、市公安局党委书记、"
            "局长<strong>杨通顺</strong>出席会议并作重要讲话。会议由市政府副秘书长王克主持。</p>") +
        figure(second.value(), "市政府副市长、市公安局党委书记、局长杨通顺") +
        QString::fromUtf8(
            "<h3>会议要求</h3><ol><li>认清形势，提高认识</li><li>突出重点，抓住关键</li>"
            "</ol><table><tr><td>县（区）</td><td>表态发言</td></tr><tr><td>壶关县</td>"
            "<td>重大及区域性火灾隐患整改</td></tr></table>");
    auto created = library.listings().create(listing);
    if (!created || !window.editor()->setListing(created.value()))
        return false;
    QTest::qWait(300);
    return save(&window, path);
}
} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("ListingDesk"));
    QApplication::setApplicationName(QStringLiteral("ListingDesk"));
    QCommandLineParser parser;
    parser.addOptions(
        {{QStringLiteral("db"), QStringLiteral("Library."), QStringLiteral("PATH")},
         {QStringLiteral("lang"), QStringLiteral("Language."), QStringLiteral("LANG")},
         {QStringLiteral("suffix"), QStringLiteral("File name suffix."), QStringLiteral("TEXT")},
         {QStringLiteral("out"), QStringLiteral("Folder."), QStringLiteral("DIR")},
         {QStringLiteral("dark"), QStringLiteral("A dark palette (Fusion), to check contrast.")}});
    parser.process(app);
    if (parser.isSet(QStringLiteral("dark"))) {
        QApplication::setStyle(QStringLiteral("Fusion"));
        QApplication::setPalette(ThemeColors::darkPalette());
    }
    installTranslations(parser.value(QStringLiteral("lang")));
    Library library;
    if (!library.open(parser.value(QStringLiteral("db"))).ok())
        return 2;
    MainWindow window(&library);
    window.resize(1280, 800);
    window.show();
    QTest::qWait(200);
    const QString out = parser.value(QStringLiteral("out"));
    const QString suffix = parser.value(QStringLiteral("suffix"));
    // An empty library shows the welcome view and nothing else worth a picture.
    if (auto *welcome = window.findChild<QWidget *>(QStringLiteral("welcomeView"));
        welcome && welcome->isVisible())
        return save(&window, out + QStringLiteral("/welcome") + suffix + QStringLiteral(".png"))
                   ? 0
                   : 2;

    auto *citiesButton = window.findChild<QPushButton *>(QStringLiteral("chooseCitiesButton"));
    auto *citySearch = window.findChild<QLineEdit *>(QStringLiteral("citySearchLineEdit"));
    if (!citiesButton || !citySearch)
        return 3;
    citiesButton->click();
    QTest::keyClicks(citySearch, QStringLiteral("cz"));
    QTest::qWait(100);
    bool ok = save(citySearch->window(),
                   out + QStringLiteral("/city-picker") + suffix + QStringLiteral(".png"));
    citySearch->window()->hide();

    auto *categoryButton = window.findChild<QPushButton *>(QStringLiteral("categoryButton"));
    auto *categorySearch = window.findChild<QLineEdit *>(QStringLiteral("categorySearchLineEdit"));
    if (!categoryButton || !categorySearch)
        return 3;
    categoryButton->click();
    QTest::qWait(100);
    ok = save(categorySearch->window(),
              out + QStringLiteral("/category-picker") + suffix + QStringLiteral(".png")) &&
         ok;
    categorySearch->window()->hide();
    ok = saveEditor(library, window,
                    out + QStringLiteral("/editor") + suffix + QStringLiteral(".png")) &&
         ok;

    // The statistics view, undocked to a size where every chart shows.
    auto *statisticsAction = window.findChild<QAction *>(QStringLiteral("statisticsAction"));
    auto *dock = window.findChild<QDockWidget *>(QStringLiteral("statisticsDock"));
    if (!statisticsAction || !dock)
        return 3;
    statisticsAction->trigger();
    dock->setFloating(true);
    dock->resize(1280, 1560);
    auto *statistics = window.findChild<StatisticsView *>();
    // Counted in a background thread: wait for the figures, then for the paint.
    if (!statistics || !QTest::qWaitFor([statistics] { return statistics->isUpToDate(); }, 10000))
        return 3;
    QTest::qWait(300);
    ok = save(dock, out + QStringLiteral("/statistics") + suffix + QStringLiteral(".png")) && ok;

    // Help: the shortcut list and About (its licences tab), not in the README.
    for (const auto &[actionName, file] :
         {std::pair{"shortcutsAction", "/shortcuts"}, std::pair{"aboutAction", "/about"}}) {
        auto *action = window.findChild<QAction *>(QLatin1String(actionName));
        if (!action)
            return 3;
        action->trigger();
        QTest::qWait(200);
        QWidget *dialog = QApplication::activeModalWidget();
        for (QWidget *top : QApplication::topLevelWidgets())
            if (top->isVisible() && top->inherits("QDialog"))
                dialog = top;
        if (!dialog)
            return 3;
        if (auto *tabs = dialog->findChild<QTabWidget *>())
            tabs->setCurrentIndex(1);
        QTest::qWait(100);
        ok = save(dialog, out + QLatin1String(file) + suffix + QStringLiteral(".png")) && ok;
        dialog->close();
    }
    // Edit › Preferences, on its first tab.
    if (auto *settingsAction = window.findChild<QAction *>(QStringLiteral("settingsAction"))) {
        settingsAction->trigger();
        QTest::qWait(200);
        if (QWidget *dialog = window.findChild<QWidget *>(QStringLiteral("settingsDialog"))) {
            ok =
                save(dialog, out + QStringLiteral("/settings") + suffix + QStringLiteral(".png")) &&
                ok;
            dialog->close();
        }
    }
    // Portal › Portals…, on the library's first account.
    if (auto *portalsAction = window.findChild<QAction *>(QStringLiteral("portalsAction"))) {
        portalsAction->trigger();
        QTest::qWait(200);
        if (auto *dialog = window.findChild<QWidget *>(QStringLiteral("portalAccountsDialog"))) {
            ok = save(dialog, out + QStringLiteral("/portals") + suffix + QStringLiteral(".png")) &&
                 ok;
            dialog->close();
        }
    }
    return ok ? 0 : 2;
}
