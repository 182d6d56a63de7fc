// The portal side of the real main window, offscreen, against the in-memory
// fake portal: add a portal and test its connection in the dialog, publish
// the selected listing through the publish dialog and see it in the table's
// Portal column and the
// sidebar, a refused post reported with the portal's words, a remote edit
// pulled into the form, and a conflict settled each of the three ways.
#include "appsettings.h"
#include "conflictdialog.h"
#include "fakeportal.h"
#include "listingeditor.h"
#include "listingtablemodel.h"
#include "mainwindow.h"
#include "portalaccountsdialog.h"
#include "portalactions.h"
#include "portalstatusmodel.h"
#include "publishdialog.h"
#include "synccontroller.h"
#include "testlibrary.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QLoggingCategory>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTableView>
#include <QTest>
#include <QTreeView>

#include <memory>

using namespace ListingDesk;
using namespace ListingDesk::Testing;

namespace {
const QString userLogin = QStringLiteral("editor");
const QString appPassword = QStringLiteral("Secr3tAppPass wxyz 9876");
const QString changzhi = QStringLiteral("140400");
const QString taiyuan = QStringLiteral("140100");

QStringList capturedLog;
QtMessageHandler previousHandler = nullptr;
void captureMessage(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    capturedLog << message;
    if (previousHandler && type != QtDebugMsg && type != QtInfoMsg)
        previousHandler(type, context, message);
}

QString labelText(QWidget *root, const char *name)
{
    auto *label = root->findChild<QLabel *>(QLatin1String(name));
    return label ? label->text() : QString();
}
} // namespace

class TestSyncGui : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void addPortalAndTestConnection();
    void plainWordPressAndWrongPassword();
    void publishShowsInTableAndSidebar();
    void refusedPublishShowsPortalMessage();
    void missingPasswordIsAskedFor();
    void severalPortalsAskWhichAndRemember();
    void untestedPortalIsRefused();
    void pullShowsRemoteEdit();
    void conflictResolvedFromDialog_data();
    void conflictResolvedFromDialog();

private:
    qint64 addPortal();
    Listing makeStored(const QString &title);
    void select(qint64 id);
    PublishDialog *openPublishDialog();
    bool publishSelected();
    bool pull();
    QString portalColumn(qint64 id);
    FakePost postIn(const QString &region);
    QMessageBox *resultBox();

    std::unique_ptr<TestLibrary> m_library;
    std::unique_ptr<FakePortal> m_portal;
    std::unique_ptr<FakeNetworkAccessManager> m_nam;
    std::unique_ptr<MainWindow> m_window;
    SyncController *m_sync = nullptr;
};

void TestSyncGui::initTestCase()
{
    // No keychain service runs here: passwords are kept for the session only.
    qputenv("LISTINGDESK_NO_KEYCHAIN", "1");
    // Every log line, with the sync module's debug output on, to prove the
    // password is never written there.
    QLoggingCategory::setFilterRules(QStringLiteral("ld.*.debug=true"));
    previousHandler = qInstallMessageHandler(captureMessage);
}

void TestSyncGui::init()
{
    QSettings().clear();
    // The polite default spacing (1 s between requests) would only slow the
    // fake portal down; the window reads it when it starts.
    QSettings().setValue(QLatin1String(AppSettings::spacingKey), 0);
    m_library = std::make_unique<TestLibrary>();
    QVERIFY2(m_library->isOpen(), qPrintable(m_library->error()));
    m_portal = std::make_unique<FakePortal>();
    m_portal->addUser(userLogin, appPassword, str("编辑部"));
    m_nam = std::make_unique<FakeNetworkAccessManager>(m_portal.get());
    m_window = std::make_unique<MainWindow>(&m_library->library());
    m_sync = m_window->portalActions()->controller();
    m_sync->setNetworkAccessManager(m_nam.get());
    m_sync->setTimeoutMs(3000);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestSyncGui::cleanup()
{
    m_window.reset();
    m_nam.reset();
    m_portal.reset();
    m_library.reset();
}

qint64 TestSyncGui::addPortal()
{
    PortalInfo portal;
    portal.name = str("长治信息港");
    portal.baseUrl = m_portal->baseUrl().toString();
    portal.username = userLogin;
    portal.allowPlainHttp = true; // the fake portal is http://portal.test
    portal.mode = PortalMode::Plugin;
    auto id = m_library->library().portals().add(portal);
    if (!id)
        return 0;
    m_sync->credentials()->setSessionPassword(id.value(), appPassword);
    emit m_window->portalActions()->syncChanged();
    return id.value();
}

Listing TestSyncGui::makeStored(const QString &title)
{
    Listing l = m_library->makeListing(title, str("<p>正文：两室一厅，家电齐全。</p>"),
                                       str("房产/租房"), {changzhi, taiyuan});
    l.contact = {str("张先生"), QStringLiteral("0355-1234567"), QStringLiteral("zhang_wx")};
    l.price = 1200;
    auto created = m_library->listings().create(l);
    return created ? created.value() : Listing{};
}

void TestSyncGui::select(qint64 id)
{
    QVERIFY(m_window->selectListing(id));
    QCOMPARE(m_window->editor()->listingId(), id);
}

PublishDialog *TestSyncGui::openPublishDialog()
{
    QAction *publish = m_window->findChild<QAction *>(QStringLiteral("publishAction"));
    if (!publish || !publish->isEnabled())
        return nullptr;
    publish->trigger();
    auto *dialog = m_window->findChild<PublishDialog *>();
    return dialog && dialog->isVisible() ? dialog : nullptr;
}

// Publish… opens the dialog; its default button queues the selection and
// the controller reports the batch once it has ended.
bool TestSyncGui::publishSelected()
{
    QSignalSpy finished(m_sync, &SyncController::publishFinished);
    PublishDialog *dialog = openPublishDialog();
    if (!dialog)
        return false;
    auto *button = dialog->findChild<QPushButton *>(QStringLiteral("publishButton"));
    if (!button->isEnabled())
        return false;
    button->click();
    // Without a password anywhere it ends before click() returns.
    return !finished.isEmpty() || finished.wait(10000);
}

bool TestSyncGui::pull()
{
    QSignalSpy finished(m_sync, &SyncController::pullFinished);
    m_window->findChild<QAction *>(QStringLiteral("pullAction"))->trigger();
    return !finished.isEmpty() || finished.wait(10000);
}

QString TestSyncGui::portalColumn(qint64 id)
{
    ListingTableModel *model = m_window->listingModel();
    const int row = model->rowOf(id);
    return row < 0 ? QStringLiteral("<not shown>")
                   : model->index(row, ListingTableModel::PortalColumn).data().toString();
}

FakePost TestSyncGui::postIn(const QString &region)
{
    for (const FakePost &post : m_portal->posts()) {
        if (post.meta.value(u"listingdesk_client_key").toString().endsWith(region))
            return post;
    }
    return {};
}

QMessageBox *TestSyncGui::resultBox()
{
    return m_window->findChild<QMessageBox *>(QStringLiteral("syncResultMessageBox"));
}

void TestSyncGui::addPortalAndTestConnection()
{
    // The library is empty, so the welcome view covers the sidebar; within
    // the sidebar the empty portal list says what to do.
    auto *noPortal = m_window->findChild<QLabel *>(QStringLiteral("noPortalLabel"));
    QVERIFY(noPortal->isVisibleTo(noPortal->parentWidget()));
    m_window->findChild<QAction *>(QStringLiteral("portalsAction"))->trigger();
    auto *dialog = m_window->findChild<PortalAccountsDialog *>();
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    auto edit = [dialog](const char *name) {
        return dialog->findChild<QLineEdit *>(QLatin1String(name));
    };
    QCOMPARE(edit("passwordLineEdit")->echoMode(), QLineEdit::Password);
    edit("nameLineEdit")->setText(str("长治信息港"));
    QTest::keyClicks(edit("urlLineEdit"), m_portal->baseUrl().toString());
    QTest::keyClicks(edit("userLineEdit"), userLogin);
    QTest::keyClicks(edit("passwordLineEdit"), appPassword);

    // http:// to another machine needs the user's explicit consent.
    auto *plainHttp = dialog->findChild<QCheckBox *>(QStringLiteral("allowPlainHttpCheckBox"));
    QVERIFY(plainHttp->isVisible());
    QSignalSpy tested(dialog, &PortalAccountsDialog::connectionTested);
    auto *test = dialog->findChild<QPushButton *>(QStringLiteral("testConnectionButton"));
    test->click();
    QCOMPARE(tested.size(), 1);
    QCOMPARE(tested.first().first().toBool(), false);
    QVERIFY(labelText(dialog, "connectionReportLabel").contains(QLatin1String("unencrypted")));
    QCOMPARE(m_portal->requests().size(), 0); // nothing was sent

    plainHttp->setChecked(true);
    test->click();
    QVERIFY(tested.wait(5000));
    QCOMPARE(tested.last().first().toBool(), true);
    const QString report = labelText(dialog, "connectionReportLabel");
    QVERIFY2(report.contains(QLatin1String("Reachable")), qPrintable(report));
    QVERIFY(report.contains(QLatin1String("REST API found")));
    QVERIFY(report.contains(str("signed in as 编辑部")));
    QVERIFY(report.contains(QLatin1String("Companion plugin present")));
    QCOMPARE(labelText(dialog, "modeLabel"), QStringLiteral("Companion plugin"));

    QSignalSpy saved(dialog, &PortalAccountsDialog::saveFinished);
    dialog->findChild<QPushButton *>(QStringLiteral("savePortalButton"))->click();
    QTRY_COMPARE(saved.size(), 1);
    QVERIFY(saved.first().first().toBool());
    QVERIFY(labelText(dialog, "passwordNoteLabel").contains(QLatin1String("memory")));

    auto stored = m_library->library().portals().portalByName(str("长治信息港"));
    LD_VERIFY_OK(stored);
    QCOMPARE(stored.value().mode, PortalMode::Plugin);
    QVERIFY(stored.value().allowPlainHttp);
    QCOMPARE(stored.value().username, userLogin);
    QCOMPARE(stored.value().baseUrl, m_portal->baseUrl().toString());

    // The password is usable for this session...
    std::optional<Result<QString>> password;
    m_sync->credentials()->read(stored.value(), this,
                                [&password](const Result<QString> &r) { password = r; });
    QTRY_VERIFY(password.has_value());
    QVERIFY(password->ok());
    QCOMPARE(password->value(), appPassword);
    // ...and written nowhere: not in the library file (nor its journal), not in the settings.
    QSettings().sync();
    QVERIFY(m_library->library().database().connection().isOpen());
    execSql(m_library->db(), QStringLiteral("PRAGMA wal_checkpoint(FULL)"));
    const QDir dir(m_library->dirPath());
    for (const QString &file : dir.entryList(QDir::Files))
        QVERIFY2(!readAll(dir.filePath(file)).contains(appPassword.toUtf8()), qPrintable(file));
    QVERIFY(!readAll(QSettings().fileName()).contains(appPassword.toUtf8()));
    QVERIFY(!capturedLog.join(u'\n').contains(appPassword));
    const QByteArray basic = QByteArray(userLogin.toUtf8() + ':' + appPassword.toUtf8()).toBase64();
    QVERIFY(!capturedLog.join(u'\n').toUtf8().contains(basic));
    // The sidebar lists the new portal.
    auto *portalView = m_window->findChild<QTreeView *>(QStringLiteral("portalStatusView"));
    QCOMPARE(portalView->model()->rowCount(), 1);
    QVERIFY(!noPortal->isVisibleTo(noPortal->parentWidget()));
    QCOMPARE(portalView->model()->index(0, 0).data(PortalStatusModel::NameRole).toString(),
             str("长治信息港"));

    if (const QByteArray dirName = qgetenv("LISTINGDESK_SCREENSHOT_DIR"); !dirName.isEmpty())
        QVERIFY(
            dialog->grab().save(QString::fromLocal8Bit(dirName) + QStringLiteral("/portals.png")));

    // Editing: a new name is saved in place, and the sidebar follows.
    dialog->findChild<QLineEdit *>(QStringLiteral("nameLineEdit"))
        ->setText(str("长治信息港（主站）"));
    saved.clear();
    dialog->findChild<QPushButton *>(QStringLiteral("savePortalButton"))->click();
    QTRY_COMPARE(saved.size(), 1);
    QCOMPARE(m_library->library().portals().portal(stored.value().id).value().name,
             str("长治信息港（主站）"));
    QCOMPARE(m_library->library().portals().all().value().size(), 1);
    QTRY_COMPARE(portalView->model()->index(0, 0).data(PortalStatusModel::NameRole).toString(),
                 str("长治信息港（主站）"));

    // Removing asks first, then takes the account and its password away.
    dialog->findChild<QPushButton *>(QStringLiteral("removePortalButton"))->click();
    QMessageBox *confirm = nullptr;
    QTRY_VERIFY((confirm = dialog->findChild<QMessageBox *>(
                     QStringLiteral("removePortalMessageBox"))) != nullptr);
    confirm->button(QMessageBox::Yes)->click();
    QTRY_COMPARE(m_library->library().portals().all().value().size(), 0);
    std::optional<Result<QString>> after;
    m_sync->credentials()->read(stored.value(), this,
                                [&after](const Result<QString> &r) { after = r; });
    QTRY_VERIFY(after.has_value());
    QVERIFY(!after->ok());
    QTRY_COMPARE(portalView->model()->rowCount(), 0);
    QVERIFY(noPortal->isVisibleTo(noPortal->parentWidget()));
}

void TestSyncGui::plainWordPressAndWrongPassword()
{
    m_portal->setCompanionPlugin(false);
    const qint64 id = addPortal();
    auto *dialog = m_window->portalActions()->openPortalsDialog();
    dialog->selectPortal(id);
    QCOMPARE(dialog->currentPortalId(), id);
    QSignalSpy tested(dialog, &PortalAccountsDialog::connectionTested);
    // An empty password field tests with the stored password.
    dialog->findChild<QPushButton *>(QStringLiteral("testConnectionButton"))->click();
    QVERIFY(tested.wait(5000));
    QVERIFY(tested.last().first().toBool());
    QVERIFY(
        labelText(dialog, "connectionReportLabel").contains(QLatin1String("Plain WordPress mode")));
    QCOMPARE(m_library->library().portals().portal(id).value().mode, PortalMode::Plain);

    dialog->findChild<QLineEdit *>(QStringLiteral("passwordLineEdit"))
        ->setText(QStringLiteral("wrong"));
    dialog->findChild<QPushButton *>(QStringLiteral("testConnectionButton"))->click();
    QVERIFY(tested.wait(5000));
    QVERIFY(!tested.last().first().toBool());
    const QString report = labelText(dialog, "connectionReportLabel");
    QVERIFY2(report.contains(QLatin1String("Credentials not accepted")), qPrintable(report));
    QVERIFY(report.contains(QLatin1String("REST API found")));
    QVERIFY(report.contains(QLatin1String("401")));
}

void TestSyncGui::publishShowsInTableAndSidebar()
{
    const qint64 portalId = addPortal();
    const Listing l = makeStored(str("长治市中心两室一厅出租"));
    select(l.id);
    QCOMPARE(portalColumn(l.id), QString());
    QVERIFY(publishSelected());
    QVERIFY(!resultBox());

    QCOMPARE(m_portal->posts().size(), 2);
    QCOMPARE(postIn(changzhi).title, l.title);
    QCOMPARE(postIn(taiyuan).title, l.title);
    QCOMPARE(m_library->listings().load(l.id).value().status, ListingStatus::Published);
    QCOMPARE(portalColumn(l.id), QStringLiteral("On 2 of 2 cities"));
    ListingTableModel *model = m_window->listingModel();
    const QString tip = model->index(model->rowOf(l.id), ListingTableModel::PortalColumn)
                            .data(Qt::ToolTipRole)
                            .toString();
    QVERIFY2(tip.contains(str("长治信息港")) && tip.contains(str("长治")), qPrintable(tip));
    const auto records = m_library->library().remotePosts().forListing(l.id).value();
    QVERIFY(tip.contains(records.first().url));

    auto *portalView = m_window->findChild<QTreeView *>(QStringLiteral("portalStatusView"));
    auto *statusModel = qobject_cast<PortalStatusModel *>(portalView->model());
    QCOMPARE(statusModel->rowCount(), 1);
    QCOMPARE(statusModel->index(0, 0).data(PortalStatusModel::PortalIdRole).toLongLong(), portalId);
    QCOMPARE(statusModel->count(0, RemoteState::Published), 2);
    QCOMPARE(statusModel->index(0, 1).data().toString(), QStringLiteral("2 on the portal"));
    QVERIFY(m_window->statusBar()->currentMessage().contains(QLatin1String("Published 1 of 1")));
    if (const QByteArray dirName = qgetenv("LISTINGDESK_SCREENSHOT_DIR"); !dirName.isEmpty())
        QVERIFY(m_window->grab().save(QString::fromLocal8Bit(dirName) +
                                      QStringLiteral("/mainwindow-portal.png")));
}

void TestSyncGui::refusedPublishShowsPortalMessage()
{
    addPortal();
    const Listing l = makeStored(str("长治出租"));
    Fault refused;
    refused.method = "POST";
    refused.route = QStringLiteral("^/wp/v2/posts$");
    refused.status = 400;
    refused.code = QStringLiteral("rest_invalid_param");
    refused.message = str("标题包含不允许的内容");
    refused.times = -1;
    m_portal->addFault(refused);
    select(l.id);
    QVERIFY(publishSelected());

    QMessageBox *box = nullptr;
    QTRY_VERIFY((box = resultBox()) != nullptr);
    QVERIFY(box->isVisible());
    QVERIFY2(box->text().contains(str("标题包含不允许的内容")), qPrintable(box->text()));
    QVERIFY(box->text().contains(l.title));
    box->accept();
    // The listing keeps its words, in storage and in the form.
    const Listing after = m_library->listings().load(l.id).value();
    QCOMPARE(after.title, l.title);
    QCOMPARE(after.bodyHtml, l.bodyHtml);
    QCOMPARE(after.status, ListingStatus::Failed);
    QCOMPARE(m_window->findChild<QLineEdit *>(QStringLiteral("titleLineEdit"))->text(), l.title);
    QVERIFY2(portalColumn(l.id).startsWith(QLatin1String("Failed: ")),
             qPrintable(portalColumn(l.id)));
    QVERIFY(portalColumn(l.id).contains(str("标题包含不允许的内容")));
}

void TestSyncGui::missingPasswordIsAskedFor()
{
    const qint64 portalId = addPortal();
    m_sync->credentials()->forgetSessionPassword(portalId);
    const Listing l = makeStored(str("长治出租"));
    select(l.id);
    QVERIFY(publishSelected()); // ends at once: no password anywhere
    QCOMPARE(m_portal->posts().size(), 0);
    QInputDialog *ask = nullptr;
    QTRY_VERIFY((ask = m_window->findChild<QInputDialog *>(
                     QStringLiteral("portalPasswordDialog"))) != nullptr);
    QCOMPARE(ask->textEchoMode(), QLineEdit::Password);
    QSignalSpy finished(m_sync, &SyncController::publishFinished);
    ask->setTextValue(appPassword);
    ask->accept();
    QVERIFY(finished.wait(10000));
    QCOMPARE(m_portal->posts().size(), 2);
    QCOMPARE(portalColumn(l.id), QStringLiteral("On 2 of 2 cities"));
}

void TestSyncGui::severalPortalsAskWhichAndRemember()
{
    addPortal();
    PortalInfo backup;
    backup.name = QStringLiteral("Backup");
    backup.baseUrl = m_portal->baseUrl().toString();
    backup.username = userLogin;
    backup.allowPlainHttp = true;
    backup.mode = PortalMode::Plain;
    const qint64 backupId = m_library->library().portals().add(backup).value();
    m_sync->credentials()->setSessionPassword(backupId, appPassword);
    const Listing l = makeStored(str("长治出租"));
    select(l.id);

    QSignalSpy finished(m_sync, &SyncController::publishFinished);
    PublishDialog *dialog = openPublishDialog();
    QVERIFY(dialog);
    auto *combo = dialog->findChild<QComboBox *>(QStringLiteral("portalComboBox"));
    QCOMPARE(combo->count(), 2);
    QCOMPARE(combo->itemText(0), QStringLiteral("Backup"));
    QCOMPARE(combo->itemText(1), str("长治信息港"));
    QCOMPARE(m_portal->posts().size(), 0); // nothing goes before the user chose
    combo->setCurrentIndex(0);
    dialog->findChild<QPushButton *>(QStringLiteral("publishButton"))->click();
    QVERIFY(finished.wait(10000));
    const auto records = m_library->library().remotePosts().forListing(l.id).value();
    QCOMPARE(records.size(), 2);
    for (const RemotePostRecord &r : records)
        QCOMPARE(r.portalId, backupId);
    QCOMPARE(QSettings().value(QStringLiteral("sync/lastPortal")).toString(),
             QStringLiteral("Backup"));

    // Next time the dialog starts at the portal used last.
    QTRY_VERIFY(!m_window->findChild<PublishDialog *>());
    dialog = openPublishDialog();
    QVERIFY(dialog);
    QCOMPARE(dialog->findChild<QComboBox *>(QStringLiteral("portalComboBox"))->currentText(),
             QStringLiteral("Backup"));
    dialog->reject();
}

void TestSyncGui::untestedPortalIsRefused()
{
    const qint64 id = addPortal();
    LD_VERIFY_OK(m_library->library().portals().setMode(id, PortalMode::Unknown));
    const Listing l = makeStored(str("长治出租"));
    select(l.id);
    PublishDialog *dialog = openPublishDialog();
    QVERIFY(dialog);
    // Until a connection test found out how to talk to the portal, nothing goes.
    QVERIFY(!dialog->findChild<QPushButton *>(QStringLiteral("publishButton"))->isEnabled());
    auto *note = dialog->findChild<QLabel *>(QStringLiteral("publishNoteLabel"));
    QVERIFY(note->isVisible());
    QVERIFY2(note->text().contains(QLatin1String("Test the connection")), qPrintable(note->text()));
    QTest::keyClick(dialog, Qt::Key_Return);
    QCOMPARE(m_portal->posts().size(), 0);
    QCOMPARE(m_library->listings().load(l.id).value().status, ListingStatus::Draft);
    dialog->reject();
}

void TestSyncGui::pullShowsRemoteEdit()
{
    addPortal();
    const Listing l = makeStored(str("长治出租"));
    select(l.id);
    QVERIFY(publishSelected());
    m_portal->advanceClock(120);
    QVERIFY(m_portal->editPost(postIn(changzhi).id,
                               [](FakePost &p) { p.title = str("长治出租（网站编辑改过）"); }));
    QVERIFY(pull());
    QCOMPARE(m_library->listings().load(l.id).value().title, str("长治出租（网站编辑改过）"));
    // The open form shows the portal's words, and so does the table.
    QCOMPARE(m_window->findChild<QLineEdit *>(QStringLiteral("titleLineEdit"))->text(),
             str("长治出租（网站编辑改过）"));
    ListingTableModel *model = m_window->listingModel();
    QTRY_COMPARE(model->index(model->rowOf(l.id), ListingTableModel::TitleColumn).data().toString(),
                 str("长治出租（网站编辑改过）"));
    const QString summary = m_window->statusBar()->currentMessage();
    QVERIFY2(summary.contains(QLatin1String("updated: 1")) &&
                 summary.contains(QLatin1String("conflicts: 0")),
             qPrintable(summary));
}

void TestSyncGui::conflictResolvedFromDialog_data()
{
    QTest::addColumn<QString>("button");
    QTest::newRow("keep mine") << QStringLiteral("keepMineButton");
    QTest::newRow("take the portal's") << QStringLiteral("takePortalsButton");
    QTest::newRow("keep both") << QStringLiteral("keepBothButton");
}

void TestSyncGui::conflictResolvedFromDialog()
{
    QFETCH(QString, button);
    addPortal();
    Listing l = makeStored(str("长治出租"));
    select(l.id);
    QVERIFY(publishSelected());
    // Changed here (through the form's storage) and on the portal.
    l = m_library->listings().load(l.id).value();
    l.title = str("本地改的标题");
    l = m_library->listings().save(l).value();
    m_window->editor()->setListing(l);
    m_portal->advanceClock(60);
    m_portal->editPost(postIn(changzhi).id, [](FakePost &p) {
        p.title = str("网站改的标题");
        p.content = str("<p>正文：两室一厅，家电齐全。</p><p>网站编辑补充：近地铁站。</p>");
    });
    QVERIFY(pull());
    QCOMPARE(m_library->listings().load(l.id).value().status, ListingStatus::Conflict);
    QCOMPARE(portalColumn(l.id), QStringLiteral("Conflict"));
    QMessageBox *box = nullptr;
    QTRY_VERIFY((box = resultBox()) != nullptr);
    QVERIFY(box->text().contains(QLatin1String("conflicts: 1")));
    box->accept();

    // Double-clicking the row opens the comparison.
    auto *table = m_window->findChild<QTableView *>(QStringLiteral("listingTableView"));
    const QModelIndex index = m_window->listingModel()->index(m_window->listingModel()->rowOf(l.id),
                                                              ListingTableModel::TitleColumn);
    QVERIFY(m_window->findChild<QAction *>(QStringLiteral("resolveConflictAction"))->isEnabled());
    emit table->doubleClicked(index);
    ConflictDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = m_window->findChild<ConflictDialog *>()) != nullptr);
    QVERIFY(dialog->isValid());
    QTRY_VERIFY(dialog->isVisible());
    QCOMPARE(dialog->differingFields(),
             QStringList({QStringLiteral("title"), QStringLiteral("article")}));
    QCOMPARE(dialog->findChild<QLabel *>(QStringLiteral("titleMine"))->text(), str("本地改的标题"));
    QCOMPARE(dialog->findChild<QLabel *>(QStringLiteral("titleTheirs"))->text(),
             str("网站改的标题"));
    QVERIFY(dialog->findChild<QLabel *>(QStringLiteral("titleMine"))->property("differs").toBool());
    QVERIFY(
        !dialog->findChild<QLabel *>(QStringLiteral("contactMine"))->property("differs").toBool());
    if (const QByteArray dirName = qgetenv("LISTINGDESK_SCREENSHOT_DIR");
        !dirName.isEmpty() && button == QLatin1String("keepMineButton"))
        QVERIFY(
            dialog->grab().save(QString::fromLocal8Bit(dirName) + QStringLiteral("/conflict.png")));

    QSignalSpy resolved(dialog, &ConflictDialog::resolved);
    dialog->findChild<QPushButton *>(button)->click();
    QCOMPARE(resolved.size(), 1);
    QTRY_VERIFY(!m_window->findChild<ConflictDialog *>());

    const Listing after = m_library->listings().load(l.id).value();
    auto *titleEdit = m_window->findChild<QLineEdit *>(QStringLiteral("titleLineEdit"));
    if (button == QLatin1String("keepMineButton")) {
        QCOMPARE(after.title, str("本地改的标题"));
        QCOMPARE(after.status, ListingStatus::Modified);
        // The next publish carries mine to the portal.
        QVERIFY(publishSelected());
        QCOMPARE(postIn(changzhi).title, str("本地改的标题"));
    } else if (button == QLatin1String("takePortalsButton")) {
        QCOMPARE(after.title, str("网站改的标题"));
        QCOMPARE(titleEdit->text(), str("网站改的标题"));
    } else {
        QCOMPARE(after.title, str("本地改的标题"));
        const qint64 copy = resolved.first().at(2).toLongLong();
        QVERIFY(copy > 0 && copy != l.id);
        QVERIFY(m_library->listings().load(copy).value().title.contains(str("网站改的标题")));
    }
    QVERIFY(portalColumn(l.id) != QStringLiteral("Conflict"));
    QVERIFY(!m_window->findChild<QAction *>(QStringLiteral("resolveConflictAction"))->isEnabled());
    // Settled: a second pull finds no conflict.
    QVERIFY(pull());
    QVERIFY(m_window->statusBar()->currentMessage().contains(QLatin1String("conflicts: 0")));
}

QTEST_MAIN(TestSyncGui)
#include "tst_syncgui.moc"
