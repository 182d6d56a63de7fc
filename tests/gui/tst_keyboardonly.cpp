// A whole listing written and published without a mouse: the real main
// window, offscreen, against the in-memory fake portal. Every step is a key
// press sent to whichever widget has the focus at that moment, so a control
// that cannot be reached with Tab (or a mnemonic) or operated with keys fails
// the test. Nothing calls a slot, sets a current index or clicks.
#include "fakeportal.h"
#include "listingeditor.h"
#include "listingtablemodel.h"
#include "mainwindow.h"
#include "portalactions.h"
#include "publishdialog.h"
#include "synccontroller.h"
#include "testlibrary.h"

#include <QAbstractButton>
#include <QApplication>
#include <QCheckBox>
#include <QDoubleSpinBox>
#include <QLineEdit>
#include <QSettings>
#include <QSignalSpy>
#include <QTest>
#include <QTextEdit>

#include <memory>

using namespace ListingDesk;
using namespace ListingDesk::Testing;

namespace {
const QString userLogin = QStringLiteral("editor");
const QString appPassword = QStringLiteral("Secr3tAppPass wxyz 9876");
const QString changzhi = QStringLiteral("140400");

QWidget *focused()
{
    return QApplication::focusWidget();
}

QString describe(QWidget *widget)
{
    if (!widget)
        return QStringLiteral("nothing");
    return QStringLiteral("%1 \"%2\"")
        .arg(QLatin1String(widget->metaObject()->className()), widget->objectName());
}

// Types \a text into the focused widget. QTest::keyClicks() knows Latin-1
// only; each Chinese character arrives as the key event an input method
// delivers, carrying the character as its text.
void type(const QString &text)
{
    for (const QChar c : text) {
        if (c.unicode() < 0x80) {
            QTest::keyClick(focused(), c.toLatin1());
        } else {
            QTest::sendKeyEvent(QTest::Press, focused(), Qt::Key_unknown, QString(c),
                                Qt::NoModifier);
            QTest::sendKeyEvent(QTest::Release, focused(), Qt::Key_unknown, QString(c),
                                Qt::NoModifier);
        }
    }
}

// Presses Tab (or Shift+Tab) on the focused widget until \a target has the
// focus; the number of presses, or -1 when it was not reached in \a limit.
int tabTo(QWidget *target, bool backwards = false, int limit = 20)
{
    for (int presses = 0; presses <= limit; ++presses) {
        if (focused() == target)
            return presses;
        if (!focused())
            return -1;
        QTest::keyClick(focused(), Qt::Key_Tab, backwards ? Qt::ShiftModifier : Qt::NoModifier);
    }
    return -1;
}
} // namespace

class TestKeyboardOnly : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void writeAndPublishWithoutMouse();

private:
    bool publishWithKeyboard();

    std::unique_ptr<TestLibrary> m_library;
    std::unique_ptr<FakePortal> m_portal;
    std::unique_ptr<FakeNetworkAccessManager> m_nam;
    std::unique_ptr<MainWindow> m_window;
};

void TestKeyboardOnly::initTestCase()
{
    qputenv("LISTINGDESK_NO_KEYCHAIN", "1"); // passwords for the session only
}

void TestKeyboardOnly::init()
{
    QSettings().clear();
    m_library = std::make_unique<TestLibrary>();
    QVERIFY2(m_library->isOpen(), qPrintable(m_library->error()));
    m_portal = std::make_unique<FakePortal>();
    m_portal->addUser(userLogin, appPassword, str("编辑部"));
    m_nam = std::make_unique<FakeNetworkAccessManager>(m_portal.get());
    m_window = std::make_unique<MainWindow>(&m_library->library());
    SyncController *sync = m_window->portalActions()->controller();
    sync->setNetworkAccessManager(m_nam.get());
    sync->setTimeoutMs(3000);

    // The portal account is set-up, not the subject: it is stored directly.
    PortalInfo portal;
    portal.name = str("长治信息港");
    portal.baseUrl = m_portal->baseUrl().toString();
    portal.username = userLogin;
    portal.allowPlainHttp = true; // the fake portal is http://portal.test
    portal.mode = PortalMode::Plugin;
    auto id = m_library->library().portals().add(portal);
    QVERIFY(id.ok());
    sync->credentials()->setSessionPassword(id.value(), appPassword);
    emit m_window->portalActions()->syncChanged();

    m_window->show();
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
}

void TestKeyboardOnly::cleanup()
{
    m_window.reset();
    m_nam.reset();
    m_portal.reset();
    m_library.reset();
}

void TestKeyboardOnly::writeAndPublishWithoutMouse()
{
    auto field = [this](const char *name) {
        return m_window->findChild<QWidget *>(QLatin1String(name));
    };
    QWidget *title = field("titleLineEdit");
    QWidget *category = field("categoryButton");
    QWidget *cities = field("chooseCitiesButton");
    QWidget *price = field("priceSpinBox");
    QWidget *contactName = field("contactNameLineEdit");
    QWidget *phone = field("contactPhoneLineEdit");
    QWidget *ready = field("readyCheckBox");
    QWidget *article = field("bodyTextEdit");
    QVERIFY(title && category && cities && price && contactName && phone && ready && article);
    QVERIFY(focused());

    // Ctrl+N makes a listing and puts the cursor in its title.
    QTest::keySequence(focused(), QKeySequence::New);
    QTRY_COMPARE(focused(), title);
    const QString titleText = str("长治市中心两室一厅出租，拎包入住");
    type(titleText);

    // Tab to the category button; Space opens the picker with the cursor in
    // its search field; pinyin finds 租房 and Enter picks it.
    QVERIFY2(tabTo(category) >= 0, qPrintable(describe(focused())));
    QTest::keyClick(focused(), Qt::Key_Space);
    QTRY_VERIFY2(qobject_cast<QLineEdit *>(focused()) &&
                     focused()->objectName() == QLatin1String("categorySearchLineEdit"),
                 qPrintable(describe(focused())));
    type(QStringLiteral("zufang"));
    QTest::keyClick(focused(), Qt::Key_Return);
    QTRY_COMPARE(focused(), category);
    QVERIFY2(qobject_cast<QAbstractButton *>(category)->text().contains(str("租房")),
             qPrintable(qobject_cast<QAbstractButton *>(category)->text()));

    // The city picker the same way, in Chinese this time; Enter adds the
    // highlighted city and Esc closes the picker.
    QVERIFY2(tabTo(cities) >= 0, qPrintable(describe(focused())));
    QTest::keyClick(focused(), Qt::Key_Space);
    QTRY_VERIFY2(focused() && focused()->objectName() == QLatin1String("citySearchLineEdit"),
                 qPrintable(describe(focused())));
    type(str("长治"));
    QTest::keyClick(focused(), Qt::Key_Return);
    QTest::keyClick(focused(), Qt::Key_Escape);
    QTRY_COMPARE(focused(), cities);
    QTRY_VERIFY(m_window->findChild<QWidget *>(QStringLiteral("chip_") + changzhi));

    // Price and contact: each field is the next Tab stop.
    QVERIFY2(tabTo(price) >= 0, qPrintable(describe(focused())));
    type(QStringLiteral("1200"));
    QVERIFY2(tabTo(contactName) >= 0, qPrintable(describe(focused())));
    type(str("张先生"));
    QVERIFY2(tabTo(phone) >= 0, qPrintable(describe(focused())));
    type(QStringLiteral("0355-1234567"));

    // On through the check boxes into the article, which takes text...
    QVERIFY2(tabTo(article) >= 0, qPrintable(describe(focused())));
    type(str("两室一厅，家电齐全，近地铁。"));
    QTest::keyClick(focused(), Qt::Key_Return);
    // The formatting toolbar above the text is one Tab stop; arrows move along it.
    QTest::keyClick(focused(), Qt::Key_Tab, Qt::ShiftModifier);
    QVERIFY2(focused() && focused()->parentWidget() &&
                 focused()->parentWidget()->objectName() == QLatin1String("articleToolBar"),
             qPrintable(describe(focused())));
    QTest::keyClick(focused(), Qt::Key_Home);
    QTest::keyClick(focused(), Qt::Key_Right);
    QCOMPARE(focused()->objectName(), QStringLiteral("boldButton"));
    QTest::keyClick(focused(), Qt::Key_Space);
    QTest::keyClick(focused(), Qt::Key_Tab);
    QCOMPARE(focused(), article);
    type(str("月租1200元，押一付三。"));
    // ...and gives the focus back on Shift+Tab, so the ready box is reachable.
    QVERIFY2(tabTo(ready, true) >= 0, qPrintable(describe(focused())));
    QTest::keyClick(focused(), Qt::Key_Space);
    QVERIFY2(qobject_cast<QCheckBox *>(ready)->isChecked(),
             qPrintable(m_window->findChild<QWidget *>(QStringLiteral("messageLabel"))
                            ->property("text")
                            .toString()));

    QVERIFY(publishWithKeyboard());

    // The portal holds the post under the category and city the keys chose.
    QCOMPARE(m_portal->posts().size(), 1);
    const FakePost post = m_portal->posts().constFirst();
    QCOMPARE(post.title, titleText);
    QVERIFY2(post.content.contains(str("家电齐全")), qPrintable(post.content));
    QVERIFY2(post.content.contains(str("<strong>月租1200元，押一付三。</strong>")),
             qPrintable(post.content));
    qint64 rentals = 0;
    for (const FakeTerm &term : m_portal->terms(QStringLiteral("categories")))
        rentals = term.name == str("租房") ? term.id : rentals;
    QVERIFY(rentals != 0);
    QVERIFY(post.categories.contains(rentals));
    qint64 changzhiTerm = 0;
    for (const FakeTerm &term : m_portal->terms(QStringLiteral("city")))
        changzhiTerm = term.slug == changzhi ? term.id : changzhiTerm;
    QVERIFY(changzhiTerm != 0);
    QVERIFY(post.cities.contains(changzhiTerm));
    QCOMPARE(post.meta.value(u"listingdesk_contact_phone").toString(),
             QStringLiteral("0355-1234567"));

    // The library and the table agree.
    const qint64 id = m_window->editor()->listingId();
    const Listing stored = m_library->listings().load(id).value();
    QCOMPARE(stored.status, ListingStatus::Published);
    QCOMPARE(stored.price.value_or(0), 1200.0);
    QCOMPARE(stored.contact.name, str("张先生"));
    ListingTableModel *model = m_window->listingModel();
    const int row = model->rowOf(id);
    QVERIFY(row >= 0);
    QCOMPARE(model->index(row, ListingTableModel::PortalColumn).data().toString(),
             QStringLiteral("On the portal"));
    QCOMPARE(model->index(row, ListingTableModel::StatusColumn).data().toString(),
             QStringLiteral("Published"));
    QCOMPARE(model->index(row, ListingTableModel::TitleColumn).data().toString(), titleText);
}

// Publishing is one shortcut today; when the Publish dialog (issue 6) lands,
// this is the one place that learns to operate it with keys.
bool TestKeyboardOnly::publishWithKeyboard()
{
    SyncController *sync = m_window->portalActions()->controller();
    QSignalSpy finished(sync, &SyncController::publishFinished);
    QTest::keySequence(focused(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P));
    // The publish dialog opens with the listing checked; Enter takes its
    // default button ("Publish 1 listing (1 post)").
    PublishDialog *dialog = nullptr;
    for (int waited = 0; waited < 5000 && !dialog; waited += 50) {
        QTest::qWait(50);
        dialog = m_window->findChild<PublishDialog *>();
        if (dialog && !dialog->isVisible())
            dialog = nullptr;
    }
    if (!dialog)
        return false;
    QTest::keyClick(focused(), Qt::Key_Return);
    return !finished.isEmpty() || finished.wait(10000);
}

QTEST_MAIN(TestKeyboardOnly)
#include "tst_keyboardonly.moc"
