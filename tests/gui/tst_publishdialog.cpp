// Batch publishing from the real main window, offscreen, against the
// in-memory fake portal: the publish dialog's check of a selection (the
// incomplete listing listed with why, and opened from there), the fan-out to
// each listing's cities, the progress view to 100 % with links, pause and
// resume, cancel, retry of failed posts, the status-bar indicator while the
// dialog is closed, scheduled posts, unpublish, updates queued by an edit,
// and the keyboard.
#include "appsettings.h"
#include "desktopnotifier.h"
#include "fakeportal.h"
#include "listingeditor.h"
#include "listingtablemodel.h"
#include "mainwindow.h"
#include "outboxjobmodel.h"
#include "portalactions.h"
#include "publishdialog.h"
#include "publishprogressdialog.h"
#include "queuestatusindicator.h"
#include "synccontroller.h"
#include "testlibrary.h"
#include "translations.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QDir>
#include <QElapsedTimer>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTableView>
#include <QTableWidget>
#include <QTest>
#include <QToolButton>

#include <memory>

using namespace ListingDesk;
using namespace ListingDesk::Testing;

namespace {
const QString userLogin = QStringLiteral("editor");
const QString appPassword = QStringLiteral("Secr3tAppPass wxyz 9876");
const QString changzhi = QStringLiteral("140400");
const QString taiyuan = QStringLiteral("140100");
const QString datong = QStringLiteral("140200");
} // namespace

class TestPublishDialog : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void incompleteListedRestFanOut();
    void chosenCitiesAndKeyboard();
    void pauseResumeAndCancel();
    void retryFailed();
    void closeMidRunIndicatorShowsProgress();
    void scheduledPostIsFuture();
    void unpublishMovesToTrash();
    void editQueuesUpdates();
    void screenshots();

private:
    qint64 addPortal();
    Listing makeStored(const QString &title, const QStringList &cities = {changzhi, taiyuan},
                       const QString &body = str("<p>正文：两室一厅，家电齐全。</p>"));
    void selectAll(const QList<qint64> &ids);
    PublishDialog *openDialog();
    PublishProgressDialog *publish(PublishDialog *dialog);
    void delayPosts(int ms);
    int postCount(const QString &status = QStringLiteral("publish"));

    std::unique_ptr<TestLibrary> m_library;
    std::unique_ptr<FakePortal> m_portal;
    std::unique_ptr<FakeNetworkAccessManager> m_nam;
    std::unique_ptr<MainWindow> m_window;
    SyncController *m_sync = nullptr;
    qint64 m_portalId = 0;
    QList<QUrl> m_opened;
};

void TestPublishDialog::initTestCase()
{
    qputenv("LISTINGDESK_NO_KEYCHAIN", "1");
}

void TestPublishDialog::init()
{
    QSettings().clear();
    QSettings().setValue(QLatin1String(AppSettings::spacingKey), 0);
    QSettings().setValue(QLatin1String(AppSettings::concurrencyKey), 2);
    m_library = std::make_unique<TestLibrary>();
    QVERIFY2(m_library->isOpen(), qPrintable(m_library->error()));
    m_portal = std::make_unique<FakePortal>();
    m_portal->addUser(userLogin, appPassword, str("编辑部"));
    m_nam = std::make_unique<FakeNetworkAccessManager>(m_portal.get());
    m_window = std::make_unique<MainWindow>(&m_library->library());
    m_sync = m_window->portalActions()->controller();
    m_sync->setNetworkAccessManager(m_nam.get());
    m_sync->setTimeoutMs(5000);
    // Quick retries: a transient failure comes back within a second.
    PublishQueueSettings settings;
    settings.concurrency = 2;
    settings.spacingMs = 0;
    settings.retry.baseDelayMs = 200;
    settings.retry.maxDelayMs = 400;
    m_sync->setQueueSettings(settings);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    m_portalId = addPortal();
    QVERIFY(m_portalId);
    m_opened.clear();
}

void TestPublishDialog::cleanup()
{
    m_window.reset();
    m_nam.reset();
    m_portal.reset();
    m_library.reset();
}

qint64 TestPublishDialog::addPortal()
{
    PortalInfo portal;
    portal.name = str("长治信息港");
    portal.baseUrl = m_portal->baseUrl().toString();
    portal.username = userLogin;
    portal.allowPlainHttp = true;
    portal.mode = PortalMode::Plugin;
    auto id = m_library->library().portals().add(portal);
    if (!id)
        return 0;
    m_sync->credentials()->setSessionPassword(id.value(), appPassword);
    emit m_window->portalActions()->syncChanged();
    return id.value();
}

Listing TestPublishDialog::makeStored(const QString &title, const QStringList &cities,
                                      const QString &body)
{
    Listing l = m_library->makeListing(title, body, str("房产/租房"), cities);
    l.contact = {str("张先生"), QStringLiteral("0355-1234567"), QStringLiteral("zhang_wx")};
    l.price = 1200;
    auto created = m_library->listings().create(l);
    return created ? created.value() : Listing{};
}

void TestPublishDialog::selectAll(const QList<qint64> &ids)
{
    QVERIFY(m_window->selectListing(ids.first()));
    auto *table = m_window->findChild<QTableView *>(QStringLiteral("listingTableView"));
    ListingTableModel *model = m_window->listingModel();
    for (qint64 id : ids) {
        QTRY_VERIFY(model->rowOf(id) >= 0);
        table->selectionModel()->select(model->index(model->rowOf(id), 0),
                                        QItemSelectionModel::Select | QItemSelectionModel::Rows);
    }
}

PublishDialog *TestPublishDialog::openDialog()
{
    QAction *action = m_window->findChild<QAction *>(QStringLiteral("publishAction"));
    if (!action->isEnabled())
        return nullptr;
    action->trigger();
    auto *dialog = m_window->findChild<PublishDialog *>();
    return dialog && dialog->isVisible() ? dialog : nullptr;
}

PublishProgressDialog *TestPublishDialog::publish(PublishDialog *dialog)
{
    auto *button = dialog->findChild<QPushButton *>(QStringLiteral("publishButton"));
    if (!button->isEnabled())
        return nullptr;
    button->click();
    auto *progress = m_window->findChild<PublishProgressDialog *>();
    if (progress)
        progress->setUrlOpener([this](const QUrl &url) { m_opened << url; });
    return progress;
}

void TestPublishDialog::delayPosts(int ms)
{
    Fault slow;
    slow.method = "POST";
    slow.route = QStringLiteral("^/wp/v2/posts");
    slow.kind = FaultKind::Delay;
    slow.delayMs = ms;
    slow.times = -1;
    m_portal->addFault(slow);
}

int TestPublishDialog::postCount(const QString &status)
{
    int n = 0;
    for (const FakePost &post : m_portal->posts())
        n += post.status == status ? 1 : 0;
    return n;
}

void TestPublishDialog::incompleteListedRestFanOut()
{
    const Listing a = makeStored(str("长治市中心两室一厅出租"));
    const Listing b = makeStored(str("太原二手车转让"), {taiyuan, datong});
    const Listing incomplete = makeStored(str("没写正文的信息"), {changzhi}, QString());
    selectAll({a.id, b.id, incomplete.id});
    PublishDialog *dialog = openDialog();
    QVERIFY(dialog);
    QCOMPARE(dialog->findChild<QComboBox *>(QStringLiteral("portalComboBox"))->currentText(),
             str("长治信息港"));
    QVERIFY(dialog->findChild<QRadioButton *>(QStringLiteral("ownCitiesRadioButton"))->isChecked());

    // The incomplete one is listed with why; the rest can go.
    auto *problems = dialog->findChild<QTableWidget *>(QStringLiteral("problemsTable"));
    QVERIFY(problems->isVisible());
    QCOMPARE(problems->rowCount(), 1);
    QCOMPARE(problems->item(0, 0)->text(), incomplete.title);
    QVERIFY2(problems->item(0, 1)->text().contains(QLatin1String("The article is empty")),
             qPrintable(problems->item(0, 1)->text()));
    auto *button = dialog->findChild<QPushButton *>(QStringLiteral("publishButton"));
    QCOMPARE(button->text(), QStringLiteral("Publish 2 listings (4 posts)"));

    // Open shows it in the main window, the dialog stays.
    QSignalSpy open(dialog, &PublishDialog::openListing);
    qobject_cast<QPushButton *>(problems->cellWidget(0, 2))->click();
    QCOMPARE(open.size(), 1);
    QCOMPARE(m_window->editor()->listingId(), incomplete.id);
    QVERIFY(dialog->isVisible());

    PublishProgressDialog *progress = publish(dialog);
    QVERIFY(progress);
    QTRY_VERIFY(progress->isVisible());
    auto *bar = progress->findChild<QProgressBar *>(QStringLiteral("overallProgressBar"));
    QTRY_COMPARE_WITH_TIMEOUT(bar->value(), 4, 15000);
    QCOMPARE(bar->maximum(), 4);
    QCOMPARE(progress->findChild<QLabel *>(QStringLiteral("countsLabel"))->text(),
             QStringLiteral("4 of 4 posts"));
    QCOMPARE(progress->findChild<QLabel *>(QStringLiteral("timeLeftLabel"))->text(),
             QStringLiteral("Done"));

    // One post per listing and city, each row published with its link.
    QCOMPARE(postCount(), 4);
    OutboxJobModel *model = progress->model();
    QCOMPARE(model->rowCount(), 4);
    QStringList cities;
    for (int row = 0; row < 4; ++row) {
        const QString url = model->index(row, 0).data(OutboxJobModel::UrlRole).toString();
        QVERIFY(url.startsWith(m_portal->baseUrl().toString()));
        QCOMPARE(model->index(row, OutboxJobModel::StateColumn).data().toString(),
                 QStringLiteral("Published: %1").arg(url));
        cities << model->jobAt(row).regionCode;
    }
    QCOMPARE(cities, QStringList({changzhi, taiyuan, taiyuan, datong}));
    auto *view = progress->findChild<QTableView *>(QStringLiteral("jobsTableView"));
    emit view->activated(model->index(1, 0));
    QCOMPARE(m_opened.size(), 1);
    QCOMPARE(m_opened.first().toString(),
             model->index(1, 0).data(OutboxJobModel::UrlRole).toString());

    QCOMPARE(m_library->listings().load(a.id).value().status, ListingStatus::Published);
    QCOMPARE(m_library->listings().load(incomplete.id).value().status, ListingStatus::Draft);
    QTRY_VERIFY(m_window->statusBar()->currentMessage().contains(
        QLatin1String("Published 2 of 3 listings")));
    // Offscreen there is neither a notification service nor a tray: nothing shows.
    QCOMPARE(m_window->portalActions()->notifier()->lastChannel(), DesktopNotifier::Channel::None);
    progress->findChild<QPushButton *>(QStringLiteral("closeButton"))->click();
    QTRY_VERIFY(!m_window->findChild<PublishProgressDialog *>());
}

void TestPublishDialog::chosenCitiesAndKeyboard()
{
    QSettings().setValue(QLatin1String(AppSettings::defaultCitiesKey), QStringList{datong});
    const Listing a = makeStored(str("长治出租"));
    selectAll({a.id});
    PublishDialog *dialog = openDialog();
    QVERIFY(dialog);
    // The preferences' cities are preselected: one post, in 大同 only.
    QVERIFY(
        dialog->findChild<QRadioButton *>(QStringLiteral("theseCitiesRadioButton"))->isChecked());
    QCOMPARE(dialog->chosenCities(), QStringList{datong});
    auto *button = dialog->findChild<QPushButton *>(QStringLiteral("publishButton"));
    QCOMPARE(button->text(), QStringLiteral("Publish 1 listing (1 post)"));
    dialog->setCities({datong, changzhi});
    QTRY_COMPARE(button->text(), QStringLiteral("Publish 1 listing (2 posts)"));
    dialog->findChild<QRadioButton *>(QStringLiteral("ownCitiesRadioButton"))->setChecked(true);
    QTRY_COMPARE(button->text(), QStringLiteral("Publish 1 listing (2 posts)"));
    QCOMPARE(dialog->chosenCities(), QStringList());

    // Every control takes the focus by Tab.
    QList<QWidget *> reached;
    QWidget *first = dialog->findChild<QComboBox *>(QStringLiteral("portalComboBox"));
    first->setFocus();
    QWidget *w = first;
    for (int i = 0; i < 20; ++i) {
        reached << w;
        w = w->nextInFocusChain();
        while (w &&
               (!w->isVisibleTo(dialog) || !w->isEnabled() || !(w->focusPolicy() & Qt::TabFocus)))
            w = w->nextInFocusChain();
        if (!w || w == first)
            break;
    }
    for (const char *name : {"portalComboBox", "ownCitiesRadioButton", "chooseCitiesButton",
                             "publishNowRadioButton", "publishButton"})
        QVERIFY2(std::any_of(reached.cbegin(), reached.cend(),
                             [name](QWidget *x) { return x->objectName() == QLatin1String(name); }),
                 name);

    // Esc closes without sending anything.
    QTest::keyClick(dialog, Qt::Key_Escape);
    QTRY_VERIFY(!m_window->findChild<PublishDialog *>());
    QCOMPARE(m_library->library().outbox().counts().value().total(), 0);

    // Enter is the publish button.
    dialog = openDialog();
    QVERIFY(dialog);
    QTest::keyClick(dialog, Qt::Key_Return);
    QTRY_COMPARE(postCount(), 1);
    QCOMPARE(m_portal->posts().first().cities.size(), 1);
}

void TestPublishDialog::pauseResumeAndCancel()
{
    // 16 posts, 2 requests at once and so 4 jobs at a time: some are still
    // waiting when Cancel comes.
    QList<qint64> ids;
    for (int i = 0; i < 8; ++i)
        ids << makeStored(str("暂停测试 %1").arg(i)).id;
    delayPosts(300);
    selectAll(ids);
    PublishProgressDialog *progress = publish(openDialog());
    QVERIFY(progress);
    auto *pause = progress->findChild<QPushButton *>(QStringLiteral("pauseButton"));
    QCOMPARE(pause->text(), QStringLiteral("&Pause"));
    pause->click();
    QCOMPARE(pause->text(), QStringLiteral("&Resume"));
    QTRY_COMPARE(m_sync->publishQueue()->jobsInFlight(), 0); // running ones finish
    const int afterPause = postCount();
    QVERIFY(afterPause < 16);
    QTest::qWait(800);
    QCOMPARE(postCount(), afterPause); // nothing new starts
    QCOMPARE(progress->findChild<QLabel *>(QStringLiteral("timeLeftLabel"))->text(),
             QStringLiteral("Paused"));
    QVERIFY(m_window->portalActions()->queueIndicator()->text().contains(QLatin1String("paused")));

    pause->click(); // resume
    QTRY_VERIFY(postCount() > afterPause);

    // Cancel: confirmed, the waiting posts are dropped, running ones finish.
    progress->findChild<QPushButton *>(QStringLiteral("cancelQueueButton"))->click();
    QMessageBox *box = nullptr;
    QTRY_VERIFY((box = progress->findChild<QMessageBox *>(
                     QStringLiteral("confirmCancelMessageBox"))) != nullptr);
    box->button(QMessageBox::Yes)->click();
    QTRY_COMPARE(m_library->library().outbox().counts().value().open(), 0);
    const OutboxCounts counts = m_library->library().outbox().counts().value();
    QVERIFY(counts.cancelled > 0);
    QCOMPARE(counts.published, postCount());
    QVERIFY(progress->findChild<QLabel *>(QStringLiteral("countsLabel"))
                ->text()
                .contains(QStringLiteral("%1 cancelled").arg(counts.cancelled)));
    // The listings keep their words.
    for (int i = 0; i < 8; ++i)
        QCOMPARE(m_library->listings().load(ids.at(i)).value().title, str("暂停测试 %1").arg(i));
    QTRY_VERIFY(!m_window->portalActions()->queueIndicator()->isVisible());
}

void TestPublishDialog::retryFailed()
{
    const Listing a = makeStored(str("重试测试"));
    Fault refused;
    refused.method = "POST";
    refused.route = QStringLiteral("^/wp/v2/posts$");
    refused.status = 400;
    refused.code = QStringLiteral("rest_invalid_param");
    refused.message = str("标题包含不允许的内容");
    refused.times = 1;
    m_portal->addFault(refused);
    selectAll({a.id});
    PublishProgressDialog *progress = publish(openDialog());
    QVERIFY(progress);
    auto *retry = progress->findChild<QPushButton *>(QStringLiteral("retryFailedButton"));
    QTRY_VERIFY(retry->isEnabled());
    QTRY_COMPARE(m_library->library().outbox().counts().value().open(), 0);
    OutboxJobModel *model = progress->model();
    int failedRow = -1;
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->jobAt(row).state == OutboxState::Failed)
            failedRow = row;
    }
    QVERIFY(failedRow >= 0);
    const QString state = model->index(failedRow, OutboxJobModel::StateColumn).data().toString();
    QVERIFY2(state.startsWith(QLatin1String("Failed: ")) &&
                 state.contains(str("标题包含不允许的内容")),
             qPrintable(state));
    QVERIFY(progress->findChild<QLabel *>(QStringLiteral("countsLabel"))
                ->text()
                .contains(QLatin1String("1 failed")));
    // The failure was reported in words too; dismiss it.
    QMessageBox *box = nullptr;
    QTRY_VERIFY((box = m_window->findChild<QMessageBox *>(
                     QStringLiteral("syncResultMessageBox"))) != nullptr);
    QVERIFY(box->text().contains(str("标题包含不允许的内容")));
    box->accept();

    retry->click();
    QTRY_COMPARE(postCount(), 2);
    QTRY_COMPARE(model->index(failedRow, 0).data(OutboxJobModel::StateRole).toInt(),
                 int(OutboxState::Published));
    QVERIFY(!retry->isEnabled());
}

void TestPublishDialog::closeMidRunIndicatorShowsProgress()
{
    QList<qint64> ids;
    for (int i = 0; i < 3; ++i)
        ids << makeStored(str("后台发布 %1").arg(i)).id;
    delayPosts(400);
    selectAll(ids);
    PublishProgressDialog *progress = publish(openDialog());
    QVERIFY(progress);
    progress->findChild<QPushButton *>(QStringLiteral("closeButton"))->click();
    QTRY_VERIFY(!m_window->findChild<PublishProgressDialog *>());

    QueueStatusIndicator *indicator = m_window->portalActions()->queueIndicator();
    QTRY_VERIFY(indicator->isVisible());
    QVERIFY2(indicator->text().startsWith(QLatin1String("Publishing ")) &&
                 indicator->text().endsWith(QLatin1String("/6")),
             qPrintable(indicator->text()));
    QVERIFY(postCount() < 6); // still running
    if (const QByteArray dirName = qgetenv("LISTINGDESK_SCREENSHOT_DIR"); !dirName.isEmpty())
        QVERIFY(m_window->grab().save(QString::fromLocal8Bit(dirName) +
                                      QStringLiteral("/mainwindow-queue-indicator.png")));
    // Clicking it brings the progress back, for the running batch.
    indicator->findChild<QToolButton *>(QStringLiteral("queueStatusButton"))->click();
    QTRY_VERIFY(m_window->findChild<PublishProgressDialog *>());
    PublishProgressDialog *again = m_window->findChild<PublishProgressDialog *>();
    QVERIFY(again->scope().batchId != 0);
    again->close();

    QTRY_COMPARE_WITH_TIMEOUT(postCount(), 6, 20000);
    QTRY_VERIFY(!indicator->isVisible());
}

void TestPublishDialog::scheduledPostIsFuture()
{
    const Listing a = makeStored(str("明天发布的信息"), {changzhi});
    selectAll({a.id});
    PublishDialog *dialog = openDialog();
    QVERIFY(dialog);
    // A time already past is refused.
    dialog->setPublishAt(QDateTime::currentDateTime().addSecs(-3600));
    auto *button = dialog->findChild<QPushButton *>(QStringLiteral("publishButton"));
    QVERIFY(!button->isEnabled());
    QVERIFY(dialog->findChild<QLabel *>(QStringLiteral("publishNoteLabel"))
                ->text()
                .contains(QLatin1String("future")));

    const QDateTime tomorrow(QDate::currentDate().addDays(1), QTime(9, 30));
    dialog->setPublishAt(tomorrow);
    QVERIFY(
        dialog->findChild<QDateTimeEdit *>(QStringLiteral("publishAtDateTimeEdit"))->isEnabled());
    QCOMPARE(dialog->publishAtUtc(), tomorrow.toUTC());
    QVERIFY(publish(dialog));
    QTRY_COMPARE(m_portal->posts().size(), 1);
    const FakePost post = m_portal->posts().first();
    QCOMPARE(post.status, QStringLiteral("future"));
    QCOMPARE(post.dateGmt, tomorrow.toUTC());
}

void TestPublishDialog::unpublishMovesToTrash()
{
    const Listing a = makeStored(str("要撤下的信息"));
    selectAll({a.id});
    QVERIFY(publish(openDialog()));
    QTRY_COMPARE(postCount(), 2);
    QTRY_COMPARE(m_library->library().outbox().counts().value().open(), 0);

    m_window->findChild<QAction *>(QStringLiteral("unpublishAction"))->trigger();
    QMessageBox *box = nullptr;
    QTRY_VERIFY((box = m_window->findChild<QMessageBox *>(
                     QStringLiteral("confirmUnpublishMessageBox"))) != nullptr);
    QVERIFY(box->text().contains(QLatin1String("2 post")));
    QCOMPARE(postCount(), 2); // nothing before the user agreed
    box->button(QMessageBox::Yes)->click();
    QTRY_COMPARE(postCount(QStringLiteral("trash")), 2);
    QCOMPARE(postCount(), 0);
    QTRY_VERIFY(
        m_window->statusBar()->currentMessage().contains(QLatin1String("Unpublished 1 of 1")));
    // The listing itself stays in the library.
    QCOMPARE(m_library->listings().load(a.id).value().title, a.title);
}

void TestPublishDialog::editQueuesUpdates()
{
    const Listing a = makeStored(str("会被修改的信息"));
    const Listing never = makeStored(str("从未发布的信息"));
    selectAll({a.id});
    QVERIFY(publish(openDialog()));
    QTRY_COMPARE(postCount(), 2);
    QTRY_COMPARE(m_library->library().outbox().counts().value().open(), 0);
    m_window->findChild<PublishProgressDialog *>()->close();

    // The user edits the title in the form; the save queues an update of
    // both posts, held back 30 s so that more edits make one update.
    QVERIFY(m_window->selectListing(a.id));
    auto *title = m_window->findChild<QLineEdit *>(QStringLiteral("titleLineEdit"));
    title->end(false);
    QTest::keyClicks(title, QStringLiteral(" -10%"));
    const QDateTime before = QDateTime::currentDateTimeUtc();
    QVERIFY(m_window->editor()->saveNow());
    auto open = m_library->library().outbox().jobs({}, true).value();
    QCOMPARE(open.size(), 2);
    for (const OutboxJob &job : open) {
        QCOMPARE(job.listingId, a.id);
        QCOMPARE(job.action, OutboxAction::Update);
        QVERIFY(job.nextAttemptAt >= before.addSecs(29));
        QVERIFY(job.nextAttemptAt <= QDateTime::currentDateTimeUtc().addSecs(31));
    }
    QTRY_VERIFY(m_window->portalActions()->queueIndicator()->isVisible());

    // Saving again moves the time on instead of queueing twice.
    QTest::qWait(1100);
    QTest::keyClicks(title, QStringLiteral("!"));
    QVERIFY(m_window->editor()->saveNow());
    auto again = m_library->library().outbox().jobs({}, true).value();
    QCOMPARE(again.size(), 2);
    QVERIFY(again.first().nextAttemptAt > open.first().nextAttemptAt);

    // A listing never published queues nothing when saved.
    QVERIFY(m_window->selectListing(never.id));
    title->end(false);
    QTest::keyClicks(title, QStringLiteral(" v2"));
    QVERIFY(m_window->editor()->saveNow());
    QCOMPARE(m_library->library().outbox().jobs({}, true).value().size(), 2);
}

// The README's pictures: the progress view mid-run over 1,000 posts with
// long Chinese titles, in English and in Chinese. Written when
// LISTINGDESK_SCREENSHOT_DIR is set (docs/publish-dialog*.png).
void TestPublishDialog::screenshots()
{
    const QByteArray dirName = qgetenv("LISTINGDESK_SCREENSHOT_DIR");
    QList<qint64> ids;
    for (int i = 0; i < 500; ++i)
        ids << makeStored(
                   str("长治市城区精装修两室一厅出租，家电齐全拎包入住，近地铁站和学校 第%1号")
                       .arg(i + 1))
                   .id;
    const Listing incomplete = makeStored(str("没写正文的信息"), {changzhi}, QString());
    ids << incomplete.id;
    delayPosts(150);
    // Some posts fail for a moment, so the list shows a retry counting down.
    Fault busy;
    busy.method = "POST";
    busy.route = QStringLiteral("^/wp/v2/posts$");
    busy.status = 503;
    busy.times = -1;
    busy.probability = 0.15;
    m_portal->addFault(busy);
    PublishQueueSettings settings = m_sync->publishQueue()->settings();
    settings.retry.baseDelayMs = 30000;
    settings.retry.maxDelayMs = 60000;
    m_sync->setQueueSettings(settings);
    // Select all (Ctrl+A) in the table, as a user does with hundreds.
    ListingTableModel *listingModel = m_window->listingModel();
    QTRY_COMPARE(listingModel->rowCount(), 501);
    auto *table = m_window->findChild<QTableView *>(QStringLiteral("listingTableView"));
    table->setFocus();
    table->selectAll();
    QElapsedTimer clock;
    clock.start();
    PublishDialog *dialog = openDialog();
    QVERIFY(dialog);
    qInfo("publish dialog for 501 listings checked and shown in %lld ms", clock.elapsed());
    auto *button = dialog->findChild<QPushButton *>(QStringLiteral("publishButton"));
    QCOMPARE(button->text(), QStringLiteral("Publish 500 listings (1000 posts)"));
    if (!dirName.isEmpty())
        QVERIFY(dialog->grab().save(QString::fromLocal8Bit(dirName) +
                                    QStringLiteral("/publish-dialog-check.png")));
    clock.restart();
    PublishProgressDialog *progress = publish(dialog);
    QVERIFY(progress);
    qInfo("1000 posts queued and the progress view shown in %lld ms", clock.elapsed());
    QCOMPARE(progress->model()->rowCount(), 1000);
    auto *bar = progress->findChild<QProgressBar *>(QStringLiteral("overallProgressBar"));
    QTRY_VERIFY_WITH_TIMEOUT(bar->value() >= 12, 20000);
    // The rows being sent, in the middle of the view, as the user scrolls there.
    auto showRunning = [](PublishProgressDialog *view) {
        OutboxJobModel *jobs = view->model();
        for (int row = 0; row < jobs->rowCount(); ++row) {
            if (jobs->jobAt(row).state == OutboxState::Sending) {
                view->findChild<QTableView *>(QStringLiteral("jobsTableView"))
                    ->scrollTo(jobs->index(qMax(0, row - 3), 0), QAbstractItemView::PositionAtTop);
                return;
            }
        }
    };
    if (!dirName.isEmpty()) {
        QTest::qWait(200);
        showRunning(progress);
        QVERIFY(progress->grab().save(QString::fromLocal8Bit(dirName) +
                                      QStringLiteral("/publish-dialog.png")));
        // Widgets take their words when they are made: a new view in Chinese.
        QVERIFY(installTranslations(QStringLiteral("zh_CN")));
        const OutboxScope scope = progress->scope();
        progress->close();
        QTRY_VERIFY(!m_window->findChild<PublishProgressDialog *>());
        PublishProgressDialog *zh = m_window->portalActions()->openProgress(scope);
        QTest::qWait(300);
        showRunning(zh);
        QVERIFY(zh->grab().save(QString::fromLocal8Bit(dirName) +
                                QStringLiteral("/publish-dialog-zh.png")));
        installTranslations(QStringLiteral("en"));
    }
    m_sync->publishQueue()->stop();
}

QTEST_MAIN(TestPublishDialog)
#include "tst_publishdialog.moc"
