// An accessibility audit of every window: each control the keyboard can reach
// has a name a screen reader can speak (what QAccessible reports, so a QLabel
// buddy or a button's text counts), a button showing only an icon has a name
// and a tooltip, and Tab walks the controls in reading order: top to bottom,
// left to right, a column at a time.
#include "aboutdialog.h"
#include "conflictdialog.h"
#include "linkdialog.h"
#include "mainwindow.h"
#include "portalaccountsdialog.h"
#include "portalactions.h"
#include "postmapper.h"
#include "sensitivewordsdialog.h"
#include "settingsdialog.h"
#include "shortcutsdialog.h"
#include "statisticsview.h"
#include "testlibrary.h"
#include "welcomeview.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAbstractSpinBox>
#include <QAccessible>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QPushButton>
#include <QSettings>
#include <QStyle>
#include <QTest>

#include <algorithm>
#include <memory>

using namespace ListingDesk;
using namespace ListingDesk::Testing;

namespace {

QString describe(const QWidget *widget)
{
    QString name = widget->objectName();
    if (name.isEmpty()) {
        if (auto *button = qobject_cast<const QAbstractButton *>(widget))
            name = button->text();
    }
    return QStringLiteral("%1 \"%2\"").arg(QLatin1String(widget->metaObject()->className()), name);
}

// Parts of a composite control (the line edit inside a spin box or an
// editable combo box) are named by the control they belong to.
bool isPartOfAnother(const QWidget *widget)
{
    const QWidget *parent = widget->parentWidget();
    return parent && (qobject_cast<const QAbstractSpinBox *>(parent) ||
                      qobject_cast<const QComboBox *>(parent) ||
                      widget->objectName().startsWith(QLatin1String("qt_")));
}

bool reachable(const QWidget *widget, const QWidget *root)
{
    return widget->isVisibleTo(root) && (widget->focusPolicy() & Qt::TabFocus) &&
           !widget->focusProxy() && !isPartOfAnother(widget) &&
           (widget == root || root->isAncestorOf(widget));
}

QString accessibleName(QWidget *widget)
{
    QAccessibleInterface *iface = QAccessible::queryAccessibleInterface(widget);
    return iface ? iface->text(QAccessible::Name).trimmed() : QString();
}

QStringList nameProblems(QWidget *root)
{
    QStringList problems;
    const QList<QWidget *> widgets = root->findChildren<QWidget *>();
    for (QWidget *widget : widgets) {
        if (!widget->isVisibleTo(root) || widget->focusPolicy() == Qt::NoFocus ||
            widget->focusProxy() || isPartOfAnother(widget))
            continue;
        if (accessibleName(widget).isEmpty())
            problems << QStringLiteral("no accessible name: ") + describe(widget);
        auto *button = qobject_cast<QAbstractButton *>(widget);
        if (button && button->text().trimmed().isEmpty() && !button->icon().isNull()) {
            if (widget->accessibleName().isEmpty())
                problems << QStringLiteral("icon-only button without a name: ") + describe(widget);
            if (widget->toolTip().isEmpty())
                problems << QStringLiteral("icon-only button without a tooltip: ") +
                                describe(widget);
        }
    }
    return problems;
}

// The widgets Tab visits inside \a root, in the order it visits them.
QList<QWidget *> tabChain(QWidget *root)
{
    QList<QWidget *> chain;
    QWidget *start = root;
    QWidget *widget = root->nextInFocusChain();
    for (int guard = 0; widget != start && guard < 5000; ++guard) {
        if (reachable(widget, root) && widget->isEnabled())
            chain << widget;
        widget = widget->nextInFocusChain();
    }
    // Tab goes round in a circle; read it from the control at the top left.
    const auto topLeft =
        std::min_element(chain.begin(), chain.end(), [root](QWidget *a, QWidget *b) {
            const QPoint pa = a->mapTo(root->window(), QPoint(0, 0));
            const QPoint pb = b->mapTo(root->window(), QPoint(0, 0));
            return std::pair(pa.y(), pa.x()) < std::pair(pb.y(), pb.x());
        });
    std::rotate(chain.begin(), topLeft, chain.end());
    return chain;
}

// Reading order allows going down, going right on the same line, and going
// up only into a new column to the right (a form beside a list). Going up
// into the same or an earlier column, or left along a line, is out of order.
QStringList orderProblems(QWidget *root)
{
    QStringList problems;
    const QList<QWidget *> chain = tabChain(root);
    for (qsizetype i = 1; i < chain.size(); ++i) {
        QWidget *a = chain.at(i - 1);
        QWidget *b = chain.at(i);
        const QRect ra(a->mapTo(root->window(), QPoint(0, 0)), a->size());
        const QRect rb(b->mapTo(root->window(), QPoint(0, 0)), b->size());
        const bool sameLine = rb.top() < ra.bottom() && ra.top() < rb.bottom();
        bool wrong = false;
        if (sameLine)
            wrong = rb.right() < ra.left(); // back to the left along a line
        else if (rb.bottom() < ra.top())
            wrong = rb.left() < ra.right() - 1; // up, but not into a column to the right
        if (wrong)
            problems << QStringLiteral("Tab goes from %1 %2 back to %3 %4")
                            .arg(describe(a), QStringLiteral("(%1,%2)").arg(ra.x()).arg(ra.y()),
                                 describe(b), QStringLiteral("(%1,%2)").arg(rb.x()).arg(rb.y()));
    }
    return problems;
}

QString report(const QStringList &problems)
{
    return problems.join(u'\n');
}

} // namespace

#define AUDIT(root)                                                                                \
    do {                                                                                           \
        const QStringList names = nameProblems(root);                                              \
        QVERIFY2(names.isEmpty(), qPrintable(report(names)));                                      \
        const QStringList order = orderProblems(root);                                             \
        QVERIFY2(order.isEmpty(), qPrintable(report(order)));                                      \
        QVERIFY(!tabChain(root).isEmpty());                                                        \
    } while (false)

class TestAccessibility : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void mainWindow();
    void welcomeView();
    void findReplaceBar();
    void statistics();
    void settingsDialog();
    void portalAccountsDialog();
    void conflictDialog();
    void aboutDialog();
    void shortcutsDialog();
    void sensitiveWordsDialog();
    void linkDialog();
    void formattingToolbarIsOneTabStop();
    void auditCatchesProblems();

private:
    void openWindow(bool withListing);
    template <typename Dialog> Dialog *show(Dialog *dialog);

    std::unique_ptr<TestLibrary> m_library;
    std::unique_ptr<MainWindow> m_window;
    qint64 m_listingId = 0;
};

void TestAccessibility::initTestCase()
{
    qputenv("LISTINGDESK_NO_KEYCHAIN", "1");
}

void TestAccessibility::init()
{
    QSettings().clear();
    m_library = std::make_unique<TestLibrary>();
    QVERIFY2(m_library->isOpen(), qPrintable(m_library->error()));
}

void TestAccessibility::cleanup()
{
    m_window.reset();
    m_library.reset();
}

void TestAccessibility::openWindow(bool withListing)
{
    if (withListing) {
        Listing l = m_library->makeListing(str("长治市中心两室一厅出租"),
                                           str("<p>两室一厅，家电齐全。</p>"), str("房产/租房"),
                                           {QStringLiteral("140400")});
        l.contact = {str("张先生"), QStringLiteral("0355-1234567"), QString()};
        auto created = m_library->listings().create(l);
        QVERIFY(created.ok());
        m_listingId = created.value().id;
    }
    m_window = std::make_unique<MainWindow>(&m_library->library());
    m_window->resize(1280, 800);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    if (withListing)
        QVERIFY(m_window->selectListing(m_listingId));
}

template <typename Dialog> Dialog *TestAccessibility::show(Dialog *dialog)
{
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
    if (!QTest::qWaitForWindowExposed(dialog))
        return nullptr;
    return dialog;
}

void TestAccessibility::mainWindow()
{
    openWindow(true);
    AUDIT(m_window.get());
}

void TestAccessibility::welcomeView()
{
    openWindow(false); // an empty library shows the welcome view
    auto *welcome = m_window->findChild<WelcomeView *>();
    QVERIFY(welcome);
    QTRY_VERIFY(welcome->isVisible());
    AUDIT(welcome);
    AUDIT(m_window.get());
}

void TestAccessibility::findReplaceBar()
{
    openWindow(true);
    m_window->findChild<QAction *>(QStringLiteral("findInArticleAction"))->trigger();
    auto *bar = m_window->findChild<QWidget *>(QStringLiteral("findReplaceBar"));
    QVERIFY(bar);
    QTRY_VERIFY(bar->isVisible());
    AUDIT(bar);
}

void TestAccessibility::statistics()
{
    openWindow(true);
    m_window->findChild<QAction *>(QStringLiteral("statisticsAction"))->trigger();
    StatisticsView *view = m_window->statisticsView();
    QTRY_VERIFY(view->isVisible());
    AUDIT(view);
}

void TestAccessibility::settingsDialog()
{
    openWindow(false);
    m_window->findChild<QAction *>(QStringLiteral("settingsAction"))->trigger();
    auto *dialog = m_window->findChild<SettingsDialog *>();
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    AUDIT(dialog);
}

void TestAccessibility::portalAccountsDialog()
{
    openWindow(false);
    PortalAccountsDialog *dialog = m_window->portalActions()->openPortalsDialog();
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    AUDIT(dialog);
}

void TestAccessibility::conflictDialog()
{
    openWindow(true);
    PortalInfo portal;
    portal.name = str("长治信息港");
    portal.baseUrl = QStringLiteral("https://portal.example/");
    portal.username = QStringLiteral("editor");
    auto portalId = m_library->library().portals().add(portal);
    QVERIFY(portalId.ok());
    PortalListingFields theirs;
    theirs.title = str("长治市中心两室一厅出租（已降价）");
    theirs.bodyHtml = str("<p>两室一厅，家电齐全，月租1100元。</p>");
    theirs.contact = {str("张先生"), QStringLiteral("0355-7654321"), QString()};
    RemotePostRecord record;
    record.listingId = m_listingId;
    record.portalId = portalId.value();
    record.regionCode = QStringLiteral("140400");
    record.clientKey = QStringLiteral("ld-audit-140400");
    record.remoteId = 7;
    record.state = RemoteState::Conflict;
    record.conflictRemote = PostMapper::toJson(theirs, QDateTime::currentDateTimeUtc());
    QVERIFY(m_library->library().remotePosts().save(&record).ok());

    auto *dialog = show(new ConflictDialog(m_library->library(), m_listingId, m_window.get()));
    QVERIFY(dialog);
    QVERIFY(dialog->findChild<QWidget *>(QStringLiteral("keepMineButton"))->isEnabled());
    AUDIT(dialog);
}

void TestAccessibility::aboutDialog()
{
    openWindow(false);
    auto *dialog = show(new AboutDialog(m_library->dirPath(), m_window.get()));
    QVERIFY(dialog);
    AUDIT(dialog);
}

void TestAccessibility::shortcutsDialog()
{
    openWindow(false);
    auto *dialog = show(new ShortcutsDialog(m_window.get(), m_window.get()));
    QVERIFY(dialog);
    AUDIT(dialog);
}

void TestAccessibility::sensitiveWordsDialog()
{
    openWindow(false);
    auto *dialog = show(new SensitiveWordsDialog(m_window.get()));
    QVERIFY(dialog);
    AUDIT(dialog);
}

void TestAccessibility::linkDialog()
{
    openWindow(false);
    auto *dialog = show(new LinkDialog(m_window.get()));
    QVERIFY(dialog);
    AUDIT(dialog);
}

// 25 formatting buttons between the form and the article would make Tab
// useless: the toolbar is one stop, and the arrow keys walk along it.
void TestAccessibility::formattingToolbarIsOneTabStop()
{
    openWindow(true);
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    QWidget *toolBar = m_window->findChild<QWidget *>(QStringLiteral("articleToolBar"));
    QWidget *article = m_window->findChild<QWidget *>(QStringLiteral("bodyTextEdit"));
    QWidget *ready = m_window->findChild<QWidget *>(QStringLiteral("readyCheckBox"));
    QVERIFY(toolBar && article && ready);
    const QList<QWidget *> chain = tabChain(m_window.get());
    const auto inToolBar = [toolBar](QWidget *w) { return toolBar->isAncestorOf(w); };
    QCOMPARE(std::count_if(chain.begin(), chain.end(), inToolBar), 1);
    const qsizetype stop = std::find_if(chain.begin(), chain.end(), inToolBar) - chain.begin();
    QCOMPARE(chain.value(stop - 1), ready);
    QCOMPARE(chain.value(stop + 1), article);

    article->setFocus();
    QTest::keyClick(article, Qt::Key_Tab, Qt::ShiftModifier);
    QWidget *first = QApplication::focusWidget();
    QVERIFY(inToolBar(first));
    QTest::keyClick(first, Qt::Key_Left); // already at the start: stays
    QCOMPARE(QApplication::focusWidget(), first);
    QTest::keyClick(first, Qt::Key_End);
    QWidget *last = QApplication::focusWidget();
    QVERIFY(inToolBar(last) && last != first);
    QVERIFY(last->isEnabled());
    // The last control used is where Tab comes back to.
    QTest::keyClick(last, Qt::Key_Tab);
    QCOMPARE(QApplication::focusWidget(), article);
    QTest::keyClick(article, Qt::Key_Tab, Qt::ShiftModifier);
    QCOMPARE(QApplication::focusWidget(), last);
    QTest::keyClick(last, Qt::Key_Tab, Qt::ShiftModifier);
    QCOMPARE(QApplication::focusWidget(), ready);
}

// The audit itself can fail: a nameless icon button and a backwards Tab are caught.
void TestAccessibility::auditCatchesProblems()
{
    QWidget window;
    auto *top = new QPushButton(QStringLiteral("Top"), &window);
    auto *middle = new QPushButton(&window);
    middle->setIcon(window.style()->standardIcon(QStyle::SP_DialogOkButton));
    auto *bottom = new QPushButton(QStringLiteral("Bottom"), &window);
    top->setGeometry(10, 10, 80, 30);
    middle->setGeometry(10, 60, 80, 30);
    bottom->setGeometry(10, 110, 80, 30);
    QWidget::setTabOrder(top, bottom);
    QWidget::setTabOrder(bottom, middle);
    window.resize(200, 200);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    const QStringList names = nameProblems(&window);
    // Nothing for a screen reader to say; as an icon-only button, no name and no tooltip.
    QCOMPARE(names.size(), 3);
    QCOMPARE(orderProblems(&window).size(), 1); // Tab goes up from bottom to middle
    middle->setAccessibleName(QStringLiteral("OK"));
    middle->setToolTip(QStringLiteral("OK"));
    QWidget::setTabOrder(top, middle);
    QWidget::setTabOrder(middle, bottom);
    QVERIFY(nameProblems(&window).isEmpty());
    QVERIFY(orderProblems(&window).isEmpty());
}

QTEST_MAIN(TestAccessibility)
#include "tst_accessibility.moc"
