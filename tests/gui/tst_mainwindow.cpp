// Drives the real main window (offscreen) the way a user does: keyboard into
// the real form, autosave into a real SQLite file, restart, look again.
#include "library.h"
#include "listingeditor.h"
#include "listingtablemodel.h"
#include "mainwindow.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QInputMethodEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QStackedWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTextEdit>
#include <QTreeView>

using namespace ListingDesk;

namespace {
// Chinese is typed through an input method, which hands the widget whole
// committed phrases; QTest::keyClicks only knows Latin-1 keys.
void typeChinese(QWidget *widget, const QString &text)
{
    QInputMethodEvent event;
    event.setCommitString(text);
    QApplication::sendEvent(widget, &event);
}
} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void emptyLibraryShowsWhatToDo();
    void typedListingSurvivesRestart();
    void editsAreSavedOnClose();
    void undoTakesBackTyping();
    void readyNeedsCompleteListing();
    void searchFiltersAsYouType();
    void trashAndRestore();
    void conflictKeepsUsersWords();
    void chipsRemoveByKeyboardAndUndo();
    void failedSaveKeepsTheFormOnSwitch();
    void newListingOpensWhateverTheSortOrder();

private:
    std::unique_ptr<MainWindow> openWindow();
    template <typename T> T *child(const char *name)
    {
        T *widget = m_window->findChild<T *>(QLatin1String(name));
        if (!widget)
            qFatal("no child %s", name);
        return widget;
    }
    QAction *action(const char *name) { return child<QAction>(name); }
    qint64 createListing(const QString &title, const QString &body);

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_path;
    std::unique_ptr<Library> m_library;
    std::unique_ptr<MainWindow> m_window;
};

void TestMainWindow::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_path = m_dir->filePath(QStringLiteral("library.sqlite"));
    m_library = std::make_unique<Library>();
    QVERIFY(m_library->open(m_path).ok());
    m_window = openWindow();
}

void TestMainWindow::cleanup()
{
    m_window.reset();
    m_library.reset();
    m_dir.reset();
}

std::unique_ptr<MainWindow> TestMainWindow::openWindow()
{
    auto window = std::make_unique<MainWindow>(m_library.get());
    window->show();
    if (!QTest::qWaitForWindowExposed(window.get()))
        qWarning("window not exposed");
    return window;
}

qint64 TestMainWindow::createListing(const QString &title, const QString &body)
{
    Listing listing;
    listing.title = title;
    listing.bodyHtml = body;
    auto created = m_library->listings().create(listing);
    if (!created)
        qFatal("create failed");
    return created.value().id;
}

void TestMainWindow::emptyLibraryShowsWhatToDo()
{
    // A new library opens on the welcome view (see tst_welcomeview)...
    QVERIFY(child<QWidget>("welcomeView")->isVisible());
    // ...and once a listing exists, an empty list still says what to do next.
    const qint64 id = createListing(QStringLiteral("Trashed"), QString());
    QVERIFY(m_library->listings().moveToTrash({id}).ok());
    QVERIFY(!child<QWidget>("welcomeView")->isVisible());
    auto *label = child<QLabel>("emptyStateLabel");
    QVERIFY(label->isVisible());
    QVERIFY(label->text().contains(QLatin1String("first listing")));
    QVERIFY(child<QLabel>("noListingLabel")->isVisible());
}

void TestMainWindow::typedListingSurvivesRestart()
{
    action("newAction")->trigger();
    auto *title = child<QLineEdit>("titleLineEdit");
    QTRY_VERIFY(title->hasFocus());
    typeChinese(title, QStringLiteral("长治市区精装两室一厅出租"));

    // Category by keyboard: open the picker, type pinyin, Enter.
    auto *categoryButton = child<QPushButton>("categoryButton");
    categoryButton->setFocus();
    QTest::keyClick(categoryButton, Qt::Key_Space);
    auto *categorySearch = child<QLineEdit>("categorySearchLineEdit");
    QTRY_VERIFY(categorySearch->isVisible());
    QTest::keyClicks(categorySearch, QStringLiteral("zufang"));
    QTest::keyClick(categorySearch, Qt::Key_Return);
    QTRY_VERIFY(!categorySearch->isVisible());
    QCOMPARE(categoryButton->text(), QStringLiteral("房产 › 租房"));

    // Cities by keyboard: "cz" lists the prefecture-level cities first
    // (沧州, then 长治); Down, Enter adds 长治; "taiyuan", Enter adds 太原; Esc.
    auto *citiesButton = child<QPushButton>("chooseCitiesButton");
    citiesButton->setFocus();
    QTest::keyClick(citiesButton, Qt::Key_Space);
    auto *citySearch = child<QLineEdit>("citySearchLineEdit");
    QTRY_VERIFY(citySearch->isVisible());
    QTest::keyClicks(citySearch, QStringLiteral("cz"));
    QTest::keyClick(citySearch, Qt::Key_Down);
    QTest::keyClick(citySearch, Qt::Key_Return);
    QCOMPARE(citySearch->text(), QString()); // ready for the next city
    QTest::keyClicks(citySearch, QStringLiteral("taiyuan"));
    QTest::keyClick(citySearch, Qt::Key_Return);
    QTest::keyClick(citySearch, Qt::Key_Escape);
    QTRY_VERIFY(!citySearch->isVisible());
    QVERIFY(m_window->findChild<QWidget *>(QStringLiteral("chip_140400")));
    QVERIFY(m_window->findChild<QWidget *>(QStringLiteral("chip_140100")));

    auto *phone = child<QLineEdit>("contactPhoneLineEdit");
    phone->setFocus();
    QTest::keyClicks(phone, QStringLiteral("13800000000"));
    auto *body = child<QTextEdit>("bodyTextEdit");
    body->setFocus();
    typeChinese(body, QStringLiteral("拎包入住，近消防工程学院"));

    // Autosave within two seconds of the last keystroke, without a Save button.
    ListingEditor *editor = m_window->editor();
    QVERIFY(editor->hasUnsavedChanges());
    QTRY_VERIFY_WITH_TIMEOUT(!editor->hasUnsavedChanges(), 2500);

    m_window.reset();
    m_library = std::make_unique<Library>();
    QVERIFY(m_library->open(m_path).ok());
    m_window = openWindow();
    ListingTableModel *model = m_window->listingModel();
    QCOMPARE(model->rowCount(), 1);
    QCOMPARE(model->index(0, ListingTableModel::TitleColumn).data().toString(),
             QStringLiteral("长治市区精装两室一厅出租"));
    QCOMPARE(model->index(0, ListingTableModel::CategoryColumn).data().toString(),
             QStringLiteral("房产/租房"));
    QCOMPARE(model->index(0, ListingTableModel::CitiesColumn).data().toString(),
             QStringLiteral("长治、太原"));
    auto stored = m_library->listings().load(model->idAt(0));
    QVERIFY(stored.ok());
    QCOMPARE(stored.value().contact.phone, QStringLiteral("13800000000"));
    QCOMPARE(stored.value().cityCodes,
             (QStringList{QStringLiteral("140400"), QStringLiteral("140100")}));
    QVERIFY(stored.value().bodyHtml.contains(QStringLiteral("拎包入住，近消防工程学院")));

    // Full-text search finds what was typed into the article.
    typeChinese(child<QLineEdit>("searchLineEdit"), QStringLiteral("消防工"));
    QTRY_COMPARE(model->query().searchText, QStringLiteral("消防工"));
    QCOMPARE(model->rowCount(), 1);
}

void TestMainWindow::editsAreSavedOnClose()
{
    const qint64 id = createListing(QStringLiteral("旧标题"), QStringLiteral("<p>正文</p>"));
    QVERIFY(m_window->selectListing(id));
    auto *title = child<QLineEdit>("titleLineEdit");
    title->setFocus();
    title->selectAll();
    typeChinese(title, QStringLiteral("新标题"));
    QVERIFY(m_window->close()); // well before the autosave delay
    QCOMPARE(m_library->listings().load(id).value().title, QStringLiteral("新标题"));
}

void TestMainWindow::undoTakesBackTyping()
{
    const qint64 id = createListing(QStringLiteral("二手自行车"), QStringLiteral("<p>九成新</p>"));
    QVERIFY(m_window->selectListing(id));
    auto *title = child<QLineEdit>("titleLineEdit");
    title->setFocus();
    title->end(false);
    typeChinese(title, QStringLiteral(" 低价转让"));
    QCOMPARE(title->text(), QStringLiteral("二手自行车 低价转让"));
    // Ctrl+Z in the field goes to the form's undo stack and takes back the whole burst.
    QTest::keySequence(title, QKeySequence::Undo);
    QCOMPARE(title->text(), QStringLiteral("二手自行车"));
    QTest::keySequence(title, QKeySequence::Redo);
    QCOMPARE(title->text(), QStringLiteral("二手自行车 低价转让"));
    action("undoAction")->trigger();
    QCOMPARE(title->text(), QStringLiteral("二手自行车"));
    QVERIFY(m_window->editor()->saveNow());
    QCOMPARE(m_library->listings().load(id).value().title, QStringLiteral("二手自行车"));
}

void TestMainWindow::readyNeedsCompleteListing()
{
    const qint64 id =
        createListing(QStringLiteral("没有城市的信息"), QStringLiteral("<p>内容</p>"));
    QVERIFY(m_window->selectListing(id));
    auto *ready = child<QCheckBox>("readyCheckBox");
    ready->click();
    QVERIFY(!ready->isChecked());
    auto *message = child<QLabel>("messageLabel");
    QVERIFY(message->isVisible());
    QVERIFY(message->text().contains(QLatin1String("city")));
    QCOMPARE(m_library->listings().load(id).value().status, ListingStatus::Draft);
}

void TestMainWindow::searchFiltersAsYouType()
{
    createListing(QStringLiteral("招聘消防工程师"), QStringLiteral("<p>五险一金</p>"));
    createListing(QStringLiteral("长治家政保洁"), QStringLiteral("<p>上门服务</p>"));
    createListing(QStringLiteral("太原二手房"), QStringLiteral("<p>近长治路</p>"));
    ListingTableModel *model = m_window->listingModel();
    QCOMPARE(model->rowCount(), 3);
    auto *search = child<QLineEdit>("searchLineEdit");
    typeChinese(search, QStringLiteral("长治"));
    QTRY_COMPARE(model->rowCount(), 2);
    search->clear();
    typeChinese(search, QStringLiteral("消防工程"));
    QTRY_COMPARE(model->rowCount(), 1);
    QCOMPARE(model->index(0, 0).data().toString(), QStringLiteral("招聘消防工程师"));
    typeChinese(search, QStringLiteral("没有这个"));
    QTRY_COMPARE(model->rowCount(), 0);
    QVERIFY(child<QLabel>("emptyStateLabel")->isVisible());
}

void TestMainWindow::trashAndRestore()
{
    const qint64 id = createListing(QStringLiteral("要删除的信息"), QStringLiteral("<p>x</p>"));
    createListing(QStringLiteral("留下的信息"), QStringLiteral("<p>y</p>"));
    QVERIFY(m_window->selectListing(id));
    auto *table = child<QTableView>("listingTableView");
    table->setFocus();
    QTest::keySequence(table, QKeySequence::Delete);
    ListingTableModel *model = m_window->listingModel();
    QTRY_COMPARE(model->rowCount(), 1);
    QVERIFY(m_library->listings().load(id).value().deleted);

    auto *filters = child<QTreeView>("filterView");
    filters->setCurrentIndex(filters->model()->index(int(SavedFilter::Trash), 0));
    QTRY_COMPARE(model->rowCount(), 1);
    QCOMPARE(model->index(0, 0).data().toString(), QStringLiteral("要删除的信息"));
    table->selectRow(0);
    action("restoreAction")->trigger();
    QTRY_COMPARE(model->rowCount(), 0);
    QVERIFY(!m_library->listings().load(id).value().deleted);
}

void TestMainWindow::conflictKeepsUsersWords()
{
    const qint64 id = createListing(QStringLiteral("共享的信息"), QStringLiteral("<p>原文</p>"));
    QVERIFY(m_window->selectListing(id));

    // Another writer (a CLI import, another window) saves first.
    Library other;
    QVERIFY(other.open(m_path).ok());
    Listing theirs = other.listings().load(id).value();
    theirs.title = QStringLiteral("别人改过的标题");
    QVERIFY(other.listings().save(theirs).ok());

    auto *title = child<QLineEdit>("titleLineEdit");
    title->setFocus();
    title->selectAll();
    typeChinese(title, QStringLiteral("我的标题"));
    QVERIFY(!m_window->editor()->saveNow());
    QVERIFY(child<QWidget>("conflictBar")->isVisible());
    QCOMPARE(title->text(), QStringLiteral("我的标题")); // nothing lost on screen
    QCOMPARE(m_library->listings().load(id).value().title, QStringLiteral("别人改过的标题"));

    auto *copy = child<QPushButton>("saveAsCopyButton");
    QVERIFY(copy->isVisible());
    copy->click();
    ListingQuery query;
    query.searchText = QStringLiteral("我的标题");
    QCOMPARE(m_library->listings().count(query), 1);
}

void TestMainWindow::chipsRemoveByKeyboardAndUndo()
{
    Listing listing;
    listing.title = QStringLiteral("两个城市的信息");
    listing.cityCodes = {QStringLiteral("140400"), QStringLiteral("140100")};
    auto created = m_library->listings().create(listing);
    QVERIFY(created.ok());
    QVERIFY(m_window->selectListing(created.value().id));
    auto *chip = m_window->findChild<QWidget *>(QStringLiteral("chip_140400"));
    QVERIFY(chip);
    chip->setFocus();
    QTest::keyClick(chip, Qt::Key_Delete);
    QTRY_VERIFY(!m_window->findChild<QWidget *>(QStringLiteral("chip_140400")));
    QCOMPARE(m_window->editor()->currentListing().cityCodes, QStringList{QStringLiteral("140100")});
    action("undoAction")->trigger();
    QCOMPARE(m_window->editor()->currentListing().cityCodes,
             (QStringList{QStringLiteral("140400"), QStringLiteral("140100")}));
    QVERIFY(m_window->findChild<QWidget *>(QStringLiteral("chip_140400")));
}

void TestMainWindow::failedSaveKeepsTheFormOnSwitch()
{
    const qint64 other = createListing(QStringLiteral("另一条"), QStringLiteral("<p>b</p>"));
    const qint64 id = createListing(QStringLiteral("共享的信息"), QStringLiteral("<p>a</p>"));
    QVERIFY(m_window->selectListing(id));
    Library elsewhere;
    QVERIFY(elsewhere.open(m_path).ok());
    Listing theirs = elsewhere.listings().load(id).value();
    theirs.title = QStringLiteral("别处的修改");
    QVERIFY(elsewhere.listings().save(theirs).ok());

    auto *title = child<QLineEdit>("titleLineEdit");
    title->setFocus();
    title->selectAll();
    typeChinese(title, QStringLiteral("我打的字"));
    // Choosing another listing must not throw the unsaved words away.
    QVERIFY(!m_window->selectListing(other) || m_window->editor()->listingId() == id);
    QCOMPARE(m_window->editor()->listingId(), id);
    QCOMPARE(title->text(), QStringLiteral("我打的字"));
    QVERIFY(m_window->editor()->hasUnsavedChanges());
    action("newAction")->trigger();
    QCOMPARE(m_window->editor()->listingId(), id);
    QCOMPARE(title->text(), QStringLiteral("我打的字"));
}

void TestMainWindow::newListingOpensWhateverTheSortOrder()
{
    // Enough listings that a new, untitled one sorts far beyond the first page.
    for (int i = 0; i < 300; ++i) {
        Listing listing;
        listing.title = QStringLiteral("信息 %1").arg(i, 3, 10, QLatin1Char('0'));
        QVERIFY(m_library->listings().create(listing).ok());
    }
    auto *table = child<QTableView>("listingTableView");
    table->sortByColumn(ListingTableModel::TitleColumn, Qt::DescendingOrder);
    QVERIFY(m_window->selectListing(m_window->listingModel()->idAt(0)));
    const qint64 before = m_window->editor()->listingId();
    action("newAction")->trigger();
    const qint64 created = m_window->editor()->listingId();
    QVERIFY(created != before);
    QVERIFY(m_library->listings().load(created).value().title.isEmpty());
    auto *title = child<QLineEdit>("titleLineEdit");
    QTRY_VERIFY(title->hasFocus());
    typeChinese(title, QStringLiteral("新的信息"));
    QVERIFY(m_window->editor()->saveNow());
    QCOMPARE(m_library->listings().load(created).value().title, QStringLiteral("新的信息"));
    QCOMPARE(m_library->listings().load(before).value().title.left(2), QStringLiteral("信息"));
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
