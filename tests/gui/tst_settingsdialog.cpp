// Edit › Preferences on the real main window (offscreen): every setting
// survives closing and reopening the dialog, the proxy applies at once, and
// "Back Up Now" writes a real, complete SQLite copy of the library.
#include "appsettings.h"
#include "backupscheduler.h"
#include "library.h"
#include "listingeditor.h"
#include "mainwindow.h"
#include "sensitivewordsdialog.h"
#include "settingsdialog.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkProxy>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace ListingDesk;

class TestSettingsDialog : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void settingsPersistAcrossReopen();
    void cancelForgetsChanges();
    void sensitiveWordsButtonOpensTheList();
    void manualProxyApplies();
    void autosaveDelayReachesEditor();
    void backupNowWritesValidCopy();
    void scheduleFollowsSettings();

private:
    SettingsDialog *openDialog();
    template <typename T> T *field(SettingsDialog *dialog, const char *name)
    {
        T *widget = dialog->findChild<T *>(QLatin1String(name));
        if (!widget)
            qFatal("no child %s", name);
        return widget;
    }
    void pressOk(SettingsDialog *dialog);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Library> m_library;
    std::unique_ptr<MainWindow> m_window;
};

void TestSettingsDialog::initTestCase()
{
    QCoreApplication::setOrganizationName(QStringLiteral("ListingDesk"));
    QCoreApplication::setApplicationName(QStringLiteral("ListingDesk"));
}

void TestSettingsDialog::init()
{
    QSettings().clear();
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_library = std::make_unique<Library>();
    QVERIFY(m_library->open(m_dir->filePath(QStringLiteral("library.sqlite"))).ok());
    m_window = std::make_unique<MainWindow>(m_library.get());
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestSettingsDialog::cleanup()
{
    m_window.reset();
    m_library.reset();
    m_dir.reset();
    QSettings().clear();
    QNetworkProxy::setApplicationProxy(QNetworkProxy(QNetworkProxy::DefaultProxy));
}

SettingsDialog *TestSettingsDialog::openDialog()
{
    auto *action = m_window->findChild<QAction *>(QStringLiteral("settingsAction"));
    if (!action)
        qFatal("no settingsAction");
    action->trigger();
    auto *dialog = m_window->findChild<SettingsDialog *>();
    if (!dialog || !dialog->isVisible())
        qFatal("the settings dialog did not open");
    return dialog;
}

void TestSettingsDialog::pressOk(SettingsDialog *dialog)
{
    auto *buttons = field<QDialogButtonBox>(dialog, "settingsButtonBox");
    QTest::mouseClick(buttons->button(QDialogButtonBox::Ok), Qt::LeftButton);
    // WA_DeleteOnClose: wait until it is really gone before reopening.
    QTRY_VERIFY(!m_window->findChild<SettingsDialog *>());
}

void TestSettingsDialog::settingsPersistAcrossReopen()
{
    SettingsDialog *dialog = openDialog();
    field<QComboBox>(dialog, "languageComboBox")
        ->setCurrentIndex(
            field<QComboBox>(dialog, "languageComboBox")->findData(QStringLiteral("zh_CN")));
    field<QDoubleSpinBox>(dialog, "autosaveSpinBox")->setValue(4.5);
    field<QComboBox>(dialog, "defaultPortalComboBox")->setCurrentText(QStringLiteral("长治信息网"));
    auto *cities = field<QLineEdit>(dialog, "defaultCitiesLineEdit");
    cities->clear();
    QTest::keyClicks(cities, QStringLiteral("140400, 140100"));
    // The codes are named as they are typed.
    QVERIFY2(
        field<QLabel>(dialog, "defaultCitiesStatusLabel")->text().contains(QStringLiteral("长治")),
        qPrintable(field<QLabel>(dialog, "defaultCitiesStatusLabel")->text()));
    field<QSpinBox>(dialog, "concurrencySpinBox")->setValue(7);
    field<QSpinBox>(dialog, "spacingSpinBox")->setValue(2500);
    auto *proxyMode = field<QComboBox>(dialog, "proxyModeComboBox");
    proxyMode->setCurrentIndex(proxyMode->findData(QStringLiteral("none")));
    QVERIFY(!field<QLineEdit>(dialog, "proxyHostLineEdit")->isEnabled());
    field<QCheckBox>(dialog, "backupEnabledCheckBox")->setChecked(true);
    field<QSpinBox>(dialog, "backupIntervalSpinBox")->setValue(6);
    const QString backupFolder = m_dir->filePath(QStringLiteral("backups"));
    field<QLineEdit>(dialog, "backupFolderLineEdit")
        ->setText(QDir::toNativeSeparators(backupFolder));
    pressOk(dialog);

    dialog = openDialog();
    QCOMPARE(field<QComboBox>(dialog, "languageComboBox")->currentData().toString(),
             QStringLiteral("zh_CN"));
    QCOMPARE(field<QDoubleSpinBox>(dialog, "autosaveSpinBox")->value(), 4.5);
    QCOMPARE(field<QComboBox>(dialog, "defaultPortalComboBox")->currentText(),
             QStringLiteral("长治信息网"));
    QCOMPARE(field<QLineEdit>(dialog, "defaultCitiesLineEdit")->text(),
             QStringLiteral("140400, 140100"));
    QCOMPARE(field<QSpinBox>(dialog, "concurrencySpinBox")->value(), 7);
    QCOMPARE(field<QSpinBox>(dialog, "spacingSpinBox")->value(), 2500);
    QCOMPARE(field<QComboBox>(dialog, "proxyModeComboBox")->currentData().toString(),
             QStringLiteral("none"));
    QVERIFY(field<QCheckBox>(dialog, "backupEnabledCheckBox")->isChecked());
    QCOMPARE(field<QSpinBox>(dialog, "backupIntervalSpinBox")->value(), 6);
    QCOMPARE(QDir::fromNativeSeparators(field<QLineEdit>(dialog, "backupFolderLineEdit")->text()),
             backupFolder);
    QCOMPARE(field<QLineEdit>(dialog, "libraryPathLineEdit")->text(),
             QDir::toNativeSeparators(m_library->database().path()));
    QVERIFY(field<QLineEdit>(dialog, "libraryPathLineEdit")->isReadOnly());
    dialog->reject();

    // What the rest of the program reads (batch queue, next start).
    QCOMPARE(AppSettings::language(), QStringLiteral("zh_CN"));
    QCOMPARE(AppSettings::concurrency(), 7);
    QCOMPARE(AppSettings::spacingMs(), 2500);
    QCOMPARE(AppSettings::defaultCities(),
             QStringList({QStringLiteral("140400"), QStringLiteral("140100")}));
    QCOMPARE(AppSettings::defaultPortal(), QStringLiteral("长治信息网"));
    QCOMPARE(QNetworkProxy::applicationProxy().type(), QNetworkProxy::NoProxy);
    // Scheduled backups are now on: the next one is planned within 6 hours.
    QVERIFY(m_window->backupScheduler()->msUntilNext() > 0);
    QVERIFY(m_window->backupScheduler()->msUntilNext() <= 6 * 3600 * 1000);
}

void TestSettingsDialog::cancelForgetsChanges()
{
    SettingsDialog *dialog = openDialog();
    field<QSpinBox>(dialog, "concurrencySpinBox")->setValue(12);
    dialog->reject();
    QTRY_VERIFY(!m_window->findChild<SettingsDialog *>());
    dialog = openDialog();
    QCOMPARE(field<QSpinBox>(dialog, "concurrencySpinBox")->value(),
             AppSettings::defaultConcurrency);
    dialog->reject();
}

void TestSettingsDialog::sensitiveWordsButtonOpensTheList()
{
    SettingsDialog *dialog = openDialog();
    QTest::mouseClick(field<QPushButton>(dialog, "sensitiveWordsButton"), Qt::LeftButton);
    auto *words = dialog->findChild<SensitiveWordsDialog *>();
    QVERIFY(words);
    QTRY_VERIFY(words->isVisible());
    words->reject();
    dialog->reject();
}

void TestSettingsDialog::manualProxyApplies()
{
    SettingsDialog *dialog = openDialog();
    auto *proxyMode = field<QComboBox>(dialog, "proxyModeComboBox");
    proxyMode->setCurrentIndex(proxyMode->findData(QStringLiteral("manual")));
    auto *host = field<QLineEdit>(dialog, "proxyHostLineEdit");
    QVERIFY(host->isEnabled());
    QTest::keyClicks(host, QStringLiteral("proxy.example.cn"));
    field<QSpinBox>(dialog, "proxyPortSpinBox")->setValue(3128);
    pressOk(dialog);
    const QNetworkProxy proxy = QNetworkProxy::applicationProxy();
    QCOMPARE(proxy.type(), QNetworkProxy::HttpProxy);
    QCOMPARE(proxy.hostName(), QStringLiteral("proxy.example.cn"));
    QCOMPARE(proxy.port(), quint16(3128));

    // And again at the next start, from the stored settings.
    QNetworkProxy::setApplicationProxy(QNetworkProxy(QNetworkProxy::DefaultProxy));
    m_window.reset();
    m_window = std::make_unique<MainWindow>(m_library.get());
    QCOMPARE(QNetworkProxy::applicationProxy().hostName(), QStringLiteral("proxy.example.cn"));
    dialog = openDialog();
    QCOMPARE(field<QLineEdit>(dialog, "proxyHostLineEdit")->text(),
             QStringLiteral("proxy.example.cn"));
    QCOMPARE(field<QSpinBox>(dialog, "proxyPortSpinBox")->value(), 3128);
    dialog->reject();
}

void TestSettingsDialog::autosaveDelayReachesEditor()
{
    QCOMPARE(m_window->editor()->autosaveDelay(), AppSettings::defaultAutosaveDelayMs);
    SettingsDialog *dialog = openDialog();
    field<QDoubleSpinBox>(dialog, "autosaveSpinBox")->setValue(8);
    pressOk(dialog);
    QCOMPARE(m_window->editor()->autosaveDelay(), 8000);
    // Out-of-range values in the file are clamped, not obeyed.
    QSettings().setValue(QLatin1String(AppSettings::autosaveDelayKey), 60000);
    QCOMPARE(AppSettings::autosaveDelayMs(), AppSettings::maxAutosaveDelayMs);
}

void TestSettingsDialog::backupNowWritesValidCopy()
{
    for (const QString &title :
         {QStringLiteral("长治潞州区两室一厅出租"), QStringLiteral("太原小店区家政保洁"),
          QStringLiteral("北京朝阳二手自行车")}) {
        Listing listing;
        listing.title = title;
        QVERIFY(m_library->listings().create(listing).ok());
    }
    const QString folder = m_dir->filePath(QStringLiteral("my backups"));
    SettingsDialog *dialog = openDialog();
    field<QLineEdit>(dialog, "backupFolderLineEdit")->setText(QDir::toNativeSeparators(folder));
    QTest::mouseClick(field<QPushButton>(dialog, "backupNowButton"), Qt::LeftButton);
    const QStringList written = QDir(folder).entryList({QStringLiteral("*.sqlite")}, QDir::Files);
    QCOMPARE(written.size(), 1);
    const QString copy = QDir(folder).filePath(written.first());
    QVERIFY2(field<QLabel>(dialog, "backupStatusLabel")->text().contains(written.first()),
             qPrintable(field<QLabel>(dialog, "backupStatusLabel")->text()));
    dialog->reject();

    {
        auto db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("check"));
        db.setDatabaseName(copy);
        QVERIFY(db.open());
        QSqlQuery check(db);
        QVERIFY(check.exec(QStringLiteral("PRAGMA integrity_check")) && check.next());
        QCOMPARE(check.value(0).toString(), QStringLiteral("ok"));
        QVERIFY(check.exec(QStringLiteral("SELECT count(*) FROM listings")) && check.next());
        QCOMPARE(check.value(0).toInt(), 3);
    }
    QSqlDatabase::removeDatabase(QStringLiteral("check"));
    // The copy is a library the program opens (the documented restore).
    Library restored;
    QVERIFY(restored.open(copy).ok());
    QCOMPARE(restored.listings().count(ListingQuery{}), 3);
    // Never overwrites: a second backup is a second file.
    QVERIFY(m_window->backupScheduler()->backupNow(folder).ok());
    QCOMPARE(QDir(folder).entryList({QStringLiteral("*.sqlite")}, QDir::Files).size(), 2);
    QVERIFY(!m_library->database().backupTo(copy).ok());
}

void TestSettingsDialog::scheduleFollowsSettings()
{
    // Overdue: the last backup was two days ago with a daily schedule.
    QSettings settings;
    const QString folder = m_dir->filePath(QStringLiteral("scheduled"));
    settings.setValue(QLatin1String(AppSettings::backupEnabledKey), true);
    settings.setValue(QLatin1String(AppSettings::backupIntervalKey), 24);
    settings.setValue(QLatin1String(AppSettings::backupFolderKey), folder);
    settings.setValue(QLatin1String(AppSettings::backupLastKey),
                      QDateTime::currentDateTimeUtc().addDays(-2));
    BackupScheduler scheduler(&m_library->database());
    QVERIFY(scheduler.msUntilNext() > 0);
    QVERIFY(scheduler.msUntilNext() <= 60 * 1000);
    // Not overdue: waits for the rest of the interval.
    settings.setValue(QLatin1String(AppSettings::backupLastKey),
                      QDateTime::currentDateTimeUtc().addSecs(-3600));
    scheduler.reload();
    QVERIFY(scheduler.msUntilNext() > 22 * 3600 * 1000);
    // Off: no timer.
    settings.setValue(QLatin1String(AppSettings::backupEnabledKey), false);
    scheduler.reload();
    QCOMPARE(scheduler.msUntilNext(), -1);
}

QTEST_MAIN(TestSettingsDialog)
#include "tst_settingsdialog.moc"
