#include "appsettings.h"
#include "database.h"
#include "libraryswitcher.h"
#include "mainwindow.h"
#include "testscript.h"
#include "themecolors.h"
#include "translations.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <QMessageBox>
#include <QTimer>

using namespace ListingDesk;

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("ListingDesk"));
    QApplication::setApplicationName(QStringLiteral("ListingDesk"));
    QApplication::setApplicationDisplayName(QStringLiteral("ListingDesk"));
    QApplication::setApplicationVersion(QStringLiteral(LISTINGDESK_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("listingdesk"));
    QApplication::setWindowIcon(QIcon::fromTheme(QStringLiteral("listingdesk"),
                                                 QIcon(QStringLiteral(":/icons/listingdesk.svg"))));

    // Hidden switch for checking contrast (screenshots, manual checks): the
    // Fusion style with a dark palette, whatever the desktop's theme is.
    if (qEnvironmentVariableIntValue("LISTINGDESK_FORCE_DARK") == 1) {
        QApplication::setStyle(QStringLiteral("Fusion"));
        QApplication::setPalette(ThemeColors::darkPalette());
    }

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QApplication::translate("main", "Compose classified listings offline and publish them "
                                        "to a listing portal."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption dbOption(
        QStringLiteral("db"),
        QApplication::translate("main", "Open the library at PATH, or the team library at "
                                        "postgresql://USER@HOST:PORT/DATABASE."),
        QApplication::translate("main", "PATH"));
    const QCommandLineOption langOption(
        QStringLiteral("lang"),
        QApplication::translate("main", "Language of the interface: en or zh_CN."),
        QApplication::translate("main", "LANG"));
    const QCommandLineOption screenshotOption(
        QStringLiteral("screenshot"),
        QApplication::translate("main", "Save a picture of the main window to FILE and quit."),
        QApplication::translate("main", "FILE"));
    parser.addOptions({dbOption, langOption, screenshotOption});
    parser.process(app);

    // --lang wins over the language chosen in Preferences (empty: the system's).
    if (!parser.isSet(langOption)) {
        // A language we no longer ship in the settings file: the system's.
        if (!installTranslations(AppSettings::language()))
            installTranslations(QString());
    } else if (!installTranslations(parser.value(langOption))) {
        fprintf(stderr, "listingdesk: unknown language \"%s\"; use en or zh_CN\n",
                qPrintable(parser.value(langOption)));
        return 1;
    }

    LibrarySwitcher switcher;
    const QString path = parser.isSet(dbOption) ? parser.value(dbOption) : Database::defaultPath();
    int failed = 0;
    // A team library's remembered password comes from the keychain, which
    // may answer later: the rest of the start waits for it.
    switcher.openWithStoredPassword(path, [&](const Result<void> &opened) {
        if (!opened) {
            QMessageBox::critical(nullptr,
                                  QApplication::translate("main", "Cannot open the library"),
                                  opened.error().message);
            failed = 2;
            QApplication::exit(2);
            return;
        }
        MainWindow *window = switcher.window();
        startTestScript(window); // test-only: see testscript.h
        if (parser.isSet(screenshotOption)) {
            const QString file = parser.value(screenshotOption);
            // Give the event loop a moment to lay out and paint before grabbing.
            QTimer::singleShot(500, window, [window, file] {
                const bool saved = window->grab().save(file);
                QApplication::exit(saved ? 0 : 2);
            });
        }
    });
    if (failed)
        return failed;
    return app.exec();
}
