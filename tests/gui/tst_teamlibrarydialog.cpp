// File › Connect to Team Library… offscreen, against the ctest PostgreSQL
// fixture (tests/pg): the fields and their checks, a real connection, each
// failure in the user's words (no server, wrong password, no such database,
// a library of a newer version), the remembered password, and the switch of
// the main window to the team library (title, status bar, no file backups).
#include "appsettings.h"
#include "backupscheduler.h"
#include "credentialstore.h"
#include "libraryswitcher.h"
#include "mainwindow.h"
#include "settingsdialog.h"
#include "teamlibrarydialog.h"
#include "testlibrary.h"
#include "translations.h"

#include <QAction>
#include <QCheckBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStatusBar>
#include <QTabWidget>
#include <QTcpServer>
#include <QTest>
#include <QTranslator>

#include <optional>

using namespace ListingDesk;
using namespace ListingDesk::Testing;

namespace {

/// A value of the fixture's env file (LISTINGDESK_TEST_POSTGRES_ENV).
QString fixtureValue(const QString &name)
{
    const QString key = name + u'=';
    const QString file = qEnvironmentVariable("LISTINGDESK_TEST_POSTGRES_ENV");
    for (const QString &line : QString::fromUtf8(readAll(file)).split(u'\n')) {
        if (line.startsWith(key))
            return line.mid(key.size()).trimmed();
    }
    return {};
}

template <typename T> T *child(QWidget *parent, const char *name)
{
    T *widget = parent->findChild<T *>(QLatin1String(name));
    if (!widget)
        qFatal("no child %s", name);
    return widget;
}

} // namespace

class TestTeamLibraryDialog : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    // First: later tests give the password in URLs, which this run then knows.
    void opensAUrlWithTheRememberedPassword();
    void fieldsAreCheckedBeforeConnecting();
    void classifiesLibpqMessages_data();
    void classifiesLibpqMessages();
    void testsAConnectionToTheServer();
    void saysWhenNoServerAnswers();
    void saysWhenThePasswordIsWrong();
    void saysWhenTheDatabaseIsMissing();
    void refusesALibraryOfANewerVersion();
    void remembersThePasswordForNextTime();
    void switchesTheWindowToTheTeamLibrary();
    void screenshots_data();
    void screenshots();

private:
    /// Fills the dialog's fields from a URL's parts (as a user types them).
    void fill(TeamLibraryDialog &dialog, const QString &url, const QString &password = {});
    /// Clicks Test Connection and waits for its answer.
    bool testConnection(TeamLibraryDialog &dialog);
    QString statusOf(TeamLibraryDialog &dialog)
    {
        return child<QLabel>(&dialog, "statusLabel")->text();
    }

    QString m_server;
    QString m_passwordServer;
};

void TestTeamLibraryDialog::initTestCase()
{
    QCoreApplication::setOrganizationName(QStringLiteral("ListingDesk"));
    QCoreApplication::setApplicationName(QStringLiteral("ListingDesk"));
    qputenv("LISTINGDESK_NO_KEYCHAIN", "1"); // remembered passwords: this run only
    qRegisterMetaType<MainWindow *>();
    QString error;
    m_server = postgresTestServer(&error);
    QVERIFY2(!m_server.isEmpty(), qPrintable(error + QStringLiteral(" (needs the ctest fixture)")));
    m_passwordServer = fixtureValue(QStringLiteral("LISTINGDESK_TEST_POSTGRES_PASSWORD"));
    QVERIFY2(!m_passwordServer.isEmpty(), "pg.env names no password role (tests/pg/postgres.sh)");
}

void TestTeamLibraryDialog::init()
{
    QSettings().clear();
}

void TestTeamLibraryDialog::fill(TeamLibraryDialog &dialog, const QString &url,
                                 const QString &password)
{
    auto location = DatabaseLocation::parse(url);
    QVERIFY(location);
    auto type = [&dialog](const char *name, const QString &text) {
        auto *edit = child<QLineEdit>(&dialog, name);
        edit->clear();
        QTest::keyClicks(edit, text);
    };
    type("hostLineEdit", location.value().host());
    auto *port = child<QSpinBox>(&dialog, "portSpinBox");
    port->setValue(location.value().port());
    type("databaseLineEdit", location.value().databaseName());
    type("userLineEdit", location.value().userName());
    type("passwordLineEdit", password);
}

bool TestTeamLibraryDialog::testConnection(TeamLibraryDialog &dialog)
{
    QSignalSpy tested(&dialog, &TeamLibraryDialog::connectionTested);
    auto *button = child<QPushButton>(&dialog, "testButton");
    if (!button->isEnabled())
        return false;
    QTest::mouseClick(button, Qt::LeftButton);
    // The test runs on a worker thread: the dialog stays responsive meanwhile.
    if (!tested.wait(20000))
        return false;
    return tested.first().first().toBool();
}

void TestTeamLibraryDialog::opensAUrlWithTheRememberedPassword()
{
    // --db postgresql://user@host/db without a password (main.cpp's path), on
    // a database of the role that needs one.
    PostgresScratchDatabase scratch(m_passwordServer);
    QVERIFY2(scratch.error().isEmpty(), qPrintable(scratch.error()));
    const QString key = scratch.url();
    QVERIFY(!key.contains(QLatin1String("secret")));
    LibrarySwitcher switcher;
    std::optional<Result<void>> opened;
    auto remember = [&opened](const Result<void> &result) { opened = result; };
    switcher.openWithStoredPassword(key, remember);
    QTRY_VERIFY(opened.has_value());
    QVERIFY2(!opened->ok(), "connected without any password");
    QVERIFY(!switcher.window());

    switcher.credentials()->writeSecret(key, QUrl(m_passwordServer).password(), this,
                                        [](const Result<void> &) {});
    opened.reset();
    switcher.openWithStoredPassword(key, remember);
    QTRY_VERIFY(opened.has_value());
    QVERIFY2(opened->ok(), qPrintable(opened->error().message));
    QVERIFY(switcher.window());
    QVERIFY(switcher.library()->database().isPostgres());
    // Nothing shown carries the password.
    QVERIFY(!switcher.window()->windowTitle().contains(QUrl(m_passwordServer).password()));
    QVERIFY(!switcher.library()->database().path().contains(QUrl(m_passwordServer).password()));
}

void TestTeamLibraryDialog::fieldsAreCheckedBeforeConnecting()
{
    CredentialStore store;
    TeamLibraryDialog dialog(&store);
    dialog.show();
    auto *ok =
        child<QDialogButtonBox>(&dialog, "teamLibraryButtonBox")->button(QDialogButtonBox::Ok);
    auto *test = child<QPushButton>(&dialog, "testButton");
    QCOMPARE(child<QSpinBox>(&dialog, "portSpinBox")->value(), 5432);
    QVERIFY(!ok->isEnabled());
    QVERIFY(!test->isEnabled());
    QTest::keyClicks(child<QLineEdit>(&dialog, "hostLineEdit"), QStringLiteral("db.example.com"));
    QTest::keyClicks(child<QLineEdit>(&dialog, "databaseLineEdit"), QStringLiteral("listings"));
    QVERIFY(!ok->isEnabled()); // no user yet
    QTest::keyClicks(child<QLineEdit>(&dialog, "userLineEdit"), QStringLiteral("editor"));
    QVERIFY(ok->isEnabled());
    QVERIFY(test->isEnabled());
    auto *password = child<QLineEdit>(&dialog, "passwordLineEdit");
    QCOMPARE(password->echoMode(), QLineEdit::Password);
    QTest::keyClicks(password, QStringLiteral("p@ss:w/rd "));
    password->insert(str("密")); // keyClicks types Latin-1 only
    // The password travels percent-encoded, and comes back out whole.
    const QString url = dialog.location();
    QVERIFY2(url.startsWith(QLatin1String("postgresql://editor:")), qPrintable(url));
    QCOMPARE(QUrl(url).password(), str("p@ss:w/rd 密"));
    auto parsed = DatabaseLocation::parse(url);
    QVERIFY(parsed);
    QCOMPARE(parsed.value().host(), QStringLiteral("db.example.com"));
    QCOMPARE(parsed.value().databaseName(), QStringLiteral("listings"));
    QCOMPARE(parsed.value().shortName(), QStringLiteral("editor@db.example.com/listings"));
    QVERIFY(!dialog.locationWithoutPassword().contains(QLatin1String("p@ss")));
}

void TestTeamLibraryDialog::classifiesLibpqMessages_data()
{
    QTest::addColumn<QString>("message");
    QTest::addColumn<int>("failure");
    using F = TeamLibraryDialog::Failure;
    QTest::newRow("refused") << QStringLiteral("Could not connect to the team library x: "
                                               "connection to server at \"127.0.0.1\", port 1 "
                                               "failed: Connection refused Is the server running")
                             << int(F::Unreachable);
    QTest::newRow("unknown host")
        << QStringLiteral("could not translate host name \"nowhere.invalid\" to address")
        << int(F::Unreachable);
    QTest::newRow("password") << QStringLiteral("Could not connect to the team library x: FATAL:  "
                                                "password authentication failed for "
                                                "user \"a\"")
                              << int(F::Authentication);
    QTest::newRow("no password") << QStringLiteral("fe_sendauth: no password supplied")
                                 << int(F::Authentication);
    QTest::newRow("database")
        << QStringLiteral(
               "Could not connect to the team library x: FATAL:  database \"nope\" does not exist")
        << int(F::MissingDatabase);
    QTest::newRow("other") << QStringLiteral("x is not a ListingDesk library (y).")
                           << int(F::Other);
}

void TestTeamLibraryDialog::classifiesLibpqMessages()
{
    QFETCH(QString, message);
    QFETCH(int, failure);
    QCOMPARE(int(TeamLibraryDialog::classify(makeError(Error::Kind::Database, message))), failure);
    QCOMPARE(TeamLibraryDialog::classify(makeError(Error::Kind::TooNew, message)),
             TeamLibraryDialog::Failure::TooNew);
}

void TestTeamLibraryDialog::testsAConnectionToTheServer()
{
    PostgresScratchDatabase scratch(m_server);
    QVERIFY2(scratch.error().isEmpty(), qPrintable(scratch.error()));
    CredentialStore store;
    TeamLibraryDialog dialog(&store);
    dialog.show();
    fill(dialog, scratch.url());
    QVERIFY(testConnection(dialog));
    QVERIFY2(statusOf(dialog).contains(QLatin1String("empty")), qPrintable(statusOf(dialog)));
    // Testing changed nothing: the database is still empty.
    {
        Database check;
        LD_VERIFY_OK(check.open(scratch.url(), 0));
        QCOMPARE(check.schemaVersion(), 0);
    }
    // A library in it: the test names it.
    {
        Library library;
        LD_VERIFY_OK(library.open(scratch.url()));
    }
    QVERIFY(testConnection(dialog));
    QVERIFY2(statusOf(dialog).contains(QLatin1String("Connected to the team library")),
             qPrintable(statusOf(dialog)));
    QCOMPARE(dialog.lastFailure(), TeamLibraryDialog::Failure::None);

    // Connect: accepted, and the library is among the recent ones, without a password.
    QSignalSpy accepted(&dialog, &QDialog::accepted);
    QTest::mouseClick(
        child<QDialogButtonBox>(&dialog, "teamLibraryButtonBox")->button(QDialogButtonBox::Ok),
        Qt::LeftButton);
    QVERIFY(accepted.wait(20000));
    QCOMPARE(AppSettings::recentTeamLibraries().value(0),
             DatabaseLocation::parse(scratch.url()).value().displayName());
}

void TestTeamLibraryDialog::saysWhenNoServerAnswers()
{
    // A port nobody listens on: bind one, note it, let it go.
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost));
    const int port = probe.serverPort();
    probe.close();
    CredentialStore store;
    TeamLibraryDialog dialog(&store);
    dialog.show();
    fill(dialog, QStringLiteral("postgresql://listingdesk@127.0.0.1:%1/listingdesk").arg(port));
    QVERIFY(!testConnection(dialog));
    QCOMPARE(dialog.lastFailure(), TeamLibraryDialog::Failure::Unreachable);
    QVERIFY2(statusOf(dialog).contains(QLatin1String("does not answer")),
             qPrintable(statusOf(dialog)));
    // A failed Connect keeps the dialog open.
    QTest::mouseClick(
        child<QDialogButtonBox>(&dialog, "teamLibraryButtonBox")->button(QDialogButtonBox::Ok),
        Qt::LeftButton);
    QSignalSpy tested(&dialog, &TeamLibraryDialog::connectionTested);
    QVERIFY(tested.wait(20000));
    QVERIFY(dialog.isVisible());
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
}

void TestTeamLibraryDialog::saysWhenThePasswordIsWrong()
{
    PostgresScratchDatabase scratch(m_passwordServer);
    QVERIFY2(scratch.error().isEmpty(), qPrintable(scratch.error()));
    CredentialStore store;
    TeamLibraryDialog dialog(&store);
    dialog.show();
    fill(dialog, scratch.url(), QStringLiteral("not-the-password"));
    QVERIFY(!testConnection(dialog));
    QCOMPARE(dialog.lastFailure(), TeamLibraryDialog::Failure::Authentication);
    QVERIFY2(statusOf(dialog).contains(QLatin1String("refused the user listingdesk_pw")),
             qPrintable(statusOf(dialog)));
    // The right one works.
    fill(dialog, scratch.url(), QUrl(m_passwordServer).password());
    QVERIFY2(testConnection(dialog), qPrintable(statusOf(dialog)));
}

void TestTeamLibraryDialog::saysWhenTheDatabaseIsMissing()
{
    CredentialStore store;
    TeamLibraryDialog dialog(&store);
    dialog.show();
    fill(dialog, DatabaseLocation::parse(m_server)
                     .value()
                     .withDatabase(QStringLiteral("no_such_library"))
                     .displayName());
    QVERIFY(!testConnection(dialog));
    QCOMPARE(dialog.lastFailure(), TeamLibraryDialog::Failure::MissingDatabase);
    QVERIFY2(statusOf(dialog).contains(QLatin1String("no database called no_such_library")),
             qPrintable(statusOf(dialog)));
}

void TestTeamLibraryDialog::refusesALibraryOfANewerVersion()
{
    PostgresScratchDatabase scratch(m_server);
    QVERIFY2(scratch.error().isEmpty(), qPrintable(scratch.error()));
    {
        Library library;
        LD_VERIFY_OK(library.open(scratch.url()));
        LD_VERIFY_OK(execSql(library.database().connection(),
                             QStringLiteral("UPDATE meta SET value = '99' WHERE key = "
                                            "'schema_version'")));
    }
    CredentialStore store;
    TeamLibraryDialog dialog(&store);
    dialog.show();
    fill(dialog, scratch.url());
    QVERIFY(!testConnection(dialog));
    QCOMPARE(dialog.lastFailure(), TeamLibraryDialog::Failure::TooNew);
    QVERIFY2(statusOf(dialog).contains(QLatin1String("newer version")),
             qPrintable(statusOf(dialog)));
}

void TestTeamLibraryDialog::remembersThePasswordForNextTime()
{
    const QString password = QUrl(m_passwordServer).password();
    PostgresScratchDatabase scratch(m_passwordServer);
    QVERIFY2(scratch.error().isEmpty(), qPrintable(scratch.error()));
    CredentialStore store;
    {
        TeamLibraryDialog first(&store);
        first.show();
        fill(first, scratch.url(), password);
        child<QCheckBox>(&first, "rememberCheckBox")->setChecked(true);
        QSignalSpy accepted(&first, &QDialog::accepted);
        QTest::mouseClick(
            child<QDialogButtonBox>(&first, "teamLibraryButtonBox")->button(QDialogButtonBox::Ok),
            Qt::LeftButton);
        QVERIFY2(accepted.wait(20000), qPrintable(statusOf(first)));
    }
    // Next time: the last library, with its password, without typing.
    {
        TeamLibraryDialog next(&store);
        next.show();
        QCOMPARE(child<QLineEdit>(&next, "userLineEdit")->text(), QStringLiteral("listingdesk_pw"));
        QTRY_COMPARE(child<QLineEdit>(&next, "passwordLineEdit")->text(), password);
        QVERIFY(child<QCheckBox>(&next, "rememberCheckBox")->isChecked());
        QVERIFY(!next.location().isEmpty());
        QVERIFY2(testConnection(next), qPrintable(statusOf(next)));
        // Unticked, Connect forgets it.
        child<QCheckBox>(&next, "rememberCheckBox")->setChecked(false);
        QSignalSpy accepted(&next, &QDialog::accepted);
        QTest::mouseClick(
            child<QDialogButtonBox>(&next, "teamLibraryButtonBox")->button(QDialogButtonBox::Ok),
            Qt::LeftButton);
        QVERIFY(accepted.wait(20000));
    }
    {
        TeamLibraryDialog forgotten(&store);
        forgotten.show();
        QTest::qWait(50);
        QCOMPARE(child<QLineEdit>(&forgotten, "passwordLineEdit")->text(), QString());
        QVERIFY(!child<QCheckBox>(&forgotten, "rememberCheckBox")->isChecked());
    }
}

void TestTeamLibraryDialog::switchesTheWindowToTheTeamLibrary()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    PostgresScratchDatabase scratch(m_server);
    QVERIFY2(scratch.error().isEmpty(), qPrintable(scratch.error()));
    // Automatic backups on: a team library must not try them.
    QSettings().setValue(QLatin1String(AppSettings::backupEnabledKey), true);

    LibrarySwitcher switcher;
    LD_VERIFY_OK(switcher.open(dir.filePath(QStringLiteral("local.sqlite"))));
    QPointer<MainWindow> local = switcher.window();
    QVERIFY(local);
    QVERIFY(QTest::qWaitForWindowExposed(local));
    QVERIFY(switcher.window()->backupScheduler()->msUntilNext() >= 0);
    QVERIFY(!local->findChild<QLabel *>(QStringLiteral("teamLibraryLabel")));

    // File › Connect to Team Library…, filled in and connected.
    local->findChild<QAction *>(QStringLiteral("connectTeamLibraryAction"))->trigger();
    auto *dialog = local->findChild<TeamLibraryDialog *>();
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    fill(*dialog, scratch.url());
    QSignalSpy changed(&switcher, &LibrarySwitcher::windowChanged);
    QTest::mouseClick(
        child<QDialogButtonBox>(dialog, "teamLibraryButtonBox")->button(QDialogButtonBox::Ok),
        Qt::LeftButton);
    QVERIFY(changed.wait(20000));
    QTRY_VERIFY(!local); // the old window went, with its library
    MainWindow *team = switcher.window();
    QVERIFY(QTest::qWaitForWindowExposed(team));
    QVERIFY(switcher.library()->database().isPostgres());
    const QString shortName = DatabaseLocation::parse(scratch.url()).value().shortName();
    QVERIFY2(team->windowTitle().contains(shortName), qPrintable(team->windowTitle()));
    auto *label = team->statusBar()->findChild<QLabel *>(QStringLiteral("teamLibraryLabel"));
    QVERIFY(label);
    QVERIFY(label->text().contains(shortName));

    // Every feature: a listing made here lands in the team library.
    team->newListing();
    QTRY_COMPARE(switcher.library()->listings().count(ListingQuery{}), 1);

    // No file backups of a team library: nothing scheduled, Back Up Now refused,
    // the settings say why with the controls off.
    QCOMPARE(team->backupScheduler()->msUntilNext(), qint64(-1));
    auto refused = team->backupScheduler()->backupNow(dir.path());
    QVERIFY(!refused.ok());
    QVERIFY(QDir(dir.path()).entryList({QStringLiteral("*-*.sqlite")}, QDir::Files).isEmpty());
    team->showSettings();
    auto *settings = team->findChild<SettingsDialog *>();
    QVERIFY(settings);
    QVERIFY(!child<QCheckBox>(settings, "backupEnabledCheckBox")->isEnabled());
    QVERIFY(!child<QPushButton>(settings, "backupNowButton")->isEnabled());
    QVERIFY(
        child<QLabel>(settings, "teamBackupLabel")->text().contains(QLatin1String("server's job")));
    const QString shown = child<QLineEdit>(settings, "libraryPathLineEdit")->text();
    QCOMPARE(shown, DatabaseLocation::parse(scratch.url()).value().displayName());
    QVERIFY(!child<QPushButton>(settings, "openLibraryFolderButton")->isVisibleTo(settings));
    // A picture of the Backup tab as a team library shows it.
    auto *tabs = settings->findChild<QTabWidget *>();
    QVERIFY(tabs);
    tabs->setCurrentWidget(child<QWidget>(settings, "backupTab"));
    const QString folder = qEnvironmentVariable("LISTINGDESK_SCREENSHOT_DIR", QDir::tempPath());
    QVERIFY(settings->grab().save(folder + QStringLiteral("/settings-team-backup.png")));
    settings->reject();
}

void TestTeamLibraryDialog::screenshots_data()
{
    QTest::addColumn<QString>("language");
    QTest::newRow("en") << QStringLiteral("en");
    QTest::newRow("zh_CN") << QStringLiteral("zh_CN");
}

void TestTeamLibraryDialog::screenshots()
{
    // Pictures to look at (clipping, Chinese text); the test checks that
    // every label and button gets at least the room its text asks for.
    QFETCH(QString, language);
    QVERIFY(installTranslations(language));
    CredentialStore store;
    TeamLibraryDialog dialog(&store);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    fill(dialog, QStringLiteral("postgresql://listingdesk_pw@127.0.0.1:1/listingdesk"),
         QStringLiteral("secret"));
    QVERIFY(!testConnection(dialog)); // the long "does not answer" message on screen
    for (QWidget *widget : dialog.findChildren<QWidget *>()) {
        if (!widget->isVisible())
            continue;
        if (auto *label = qobject_cast<QLabel *>(widget); label && !label->wordWrap())
            QVERIFY2(label->width() >= label->sizeHint().width(), qPrintable(label->text()));
        if (auto *button = qobject_cast<QPushButton *>(widget))
            QVERIFY2(button->width() >= button->sizeHint().width(), qPrintable(button->text()));
    }
    const QString folder = qEnvironmentVariable("LISTINGDESK_SCREENSHOT_DIR", QDir::tempPath());
    const QString file = folder + QStringLiteral("/teamlibrarydialog-%1.png").arg(language);
    QVERIFY(dialog.grab().save(file));
    qInfo("screenshot: %s", qPrintable(file));
    installTranslations(QStringLiteral("en"));
}

QTEST_MAIN(TestTeamLibraryDialog)
#include "tst_teamlibrarydialog.moc"
