// Pictures of the pickers for the README, taken from the real widgets of the
// real main window (offscreen). Run by scripts/screenshot.sh; not a test.
#include "library.h"
#include "mainwindow.h"
#include "statisticsview.h"
#include "translations.h"

#include <QAction>
#include <QApplication>
#include <QCommandLineParser>
#include <QDockWidget>
#include <QLineEdit>
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
        QPalette dark;
        dark.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2b));
        dark.setColor(QPalette::WindowText, QColor(0xe8, 0xe8, 0xe8));
        dark.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
        dark.setColor(QPalette::AlternateBase, QColor(0x26, 0x26, 0x26));
        dark.setColor(QPalette::Text, QColor(0xe8, 0xe8, 0xe8));
        dark.setColor(QPalette::Button, QColor(0x35, 0x35, 0x35));
        dark.setColor(QPalette::ButtonText, QColor(0xe8, 0xe8, 0xe8));
        dark.setColor(QPalette::Highlight, QColor(0x3d, 0x8e, 0xd8));
        dark.setColor(QPalette::HighlightedText, Qt::white);
        dark.setColor(QPalette::Mid, QColor(0x55, 0x55, 0x55));
        dark.setColor(QPalette::Midlight, QColor(0x40, 0x40, 0x40));
        dark.setColor(QPalette::PlaceholderText, QColor(0x99, 0x99, 0x99));
        QApplication::setPalette(dark);
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
    return ok ? 0 : 2;
}
