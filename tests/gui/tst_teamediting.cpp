// Two editors on one library, driven through the real main window (offscreen):
// another connection changes listings, and the table and the form follow
// without losing the user's place or words. The conflict bar's three ways out
// each do what they say. SQLite, and PostgreSQL as tst_teamediting_pg.

#include "librarychangewatcher.h"
#include "listingeditor.h"
#include "listingtablemodel.h"
#include "mainwindow.h"
#include "savedfiltermodel.h"
#include "testlibrary.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QInputMethodEvent>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>
#include <QTreeView>

using namespace ListingDesk;
using namespace ListingDesk::Testing;

namespace {
void typeChinese(QWidget *widget, const QString &text)
{
    QInputMethodEvent event;
    event.setCommitString(text);
    QApplication::sendEvent(widget, &event);
}

// The main window's default: what a user sees.
constexpr int fewSeconds = 5000;
} // namespace

class TestTeamEditing : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void tableFollowsOtherEditorKeepingSelection();
    void cleanFormReloadsQuietly();
    void uneditedFormSavesNothingBack();
    void unsavedEditsRaiseConflictBarEarly();
    void lostSaveRaisesConflictBar();
    void reloadTheirsKeepsMineRestorable();
    void overwriteAsksThenKeepsTheirsInHistory();
    void saveMineAsCopyKeepsBoth();

private:
    template <typename T> T *child(const char *name)
    {
        T *widget = m_window->findChild<T *>(QLatin1String(name));
        if (!widget)
            qFatal("no child %s", name);
        return widget;
    }
    void saveElsewhere(qint64 id, const QString &title);
    /// Selects B, types "我的标题" into its title and lets another editor save
    /// "别人的标题" meanwhile: the conflict bar is up.
    void makeConflict();
    QStringList historyTitles(qint64 id);

    std::unique_ptr<TestLibrary> m_lib;
    std::unique_ptr<Library> m_other; // the other editor's own connection
    std::unique_ptr<MainWindow> m_window;
    qint64 m_a = 0;
    qint64 m_b = 0;
    qint64 m_c = 0;
};

void TestTeamEditing::init()
{
    m_lib = std::make_unique<TestLibrary>();
    QVERIFY2(m_lib->isOpen(), qPrintable(m_lib->error()));
    m_a = m_lib->create(QStringLiteral("甲房源"), QStringLiteral("<p>甲</p>")).value().id;
    m_b = m_lib->create(QStringLiteral("乙房源"), QStringLiteral("<p>乙</p>")).value().id;
    m_c = m_lib->create(QStringLiteral("丙房源"), QStringLiteral("<p>丙</p>")).value().id;
    m_other = std::make_unique<Library>();
    LD_VERIFY_OK(m_other->open(m_lib->path()));
    m_window = std::make_unique<MainWindow>(&m_lib->library());
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    auto *watcher = m_window->findChild<LibraryChangeWatcher *>();
    QVERIFY(watcher);
    QVERIFY(watcher->isWatching());
    QCOMPARE(watcher->usesNotifications(), m_lib->isPostgres());
}

void TestTeamEditing::cleanup()
{
    m_window.reset();
    m_other.reset();
    m_lib.reset();
}

void TestTeamEditing::saveElsewhere(qint64 id, const QString &title)
{
    Listing theirs = m_other->listings().load(id).value();
    theirs.title = title;
    theirs.bodyHtml = QStringLiteral("<p>别人的正文</p>");
    LD_VERIFY_OK(m_other->listings().save(theirs));
}

QStringList TestTeamEditing::historyTitles(qint64 id)
{
    QStringList titles;
    for (const ListingRevision &revision : m_lib->listings().revisions(id))
        titles << revision.listing.title;
    return titles;
}

void TestTeamEditing::tableFollowsOtherEditorKeepingSelection()
{
    QVERIFY(m_window->selectListing(m_b));
    auto *table = child<QTableView>("listingTableView");
    ListingTableModel *model = m_window->listingModel();
    const int row = table->currentIndex().row();
    QCOMPARE(model->idAt(row), m_b);
    const int rowOfA = model->rowOf(m_a);
    QVERIFY(rowOfA >= 0);

    QElapsedTimer clock;
    clock.start();
    saveElsewhere(m_a, QStringLiteral("甲房源（已降价）"));
    QTRY_COMPARE_WITH_TIMEOUT(model->index(rowOfA, ListingTableModel::TitleColumn).data(),
                              QVariant(QStringLiteral("甲房源（已降价）")), fewSeconds);
    qInfo("table showed the other editor's save after %lld ms (%s)", qint64(clock.elapsed()),
          m_lib->isPostgres() ? "LISTEN/NOTIFY" : "polling");
    QCOMPARE(table->currentIndex().row(), row);
    QCOMPARE(table->selectionModel()->selectedRows().size(), 1);
    QCOMPARE(model->idAt(table->selectionModel()->selectedRows().first().row()), m_b);
    QCOMPARE(m_window->editor()->listingId(), m_b);

    // A listing added elsewhere appears; the current listing stays current.
    LD_VERIFY_OK(m_other->listings().create(m_lib->makeListing(QStringLiteral("丁房源"))));
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 4, fewSeconds);
    // The sidebar counts it too.
    auto *filters = qobject_cast<SavedFilterModel *>(child<QTreeView>("filterView")->model());
    QVERIFY(filters);
    QTRY_COMPARE_WITH_TIMEOUT(filters->count(SavedFilter::All), 4, fewSeconds);
    // So is a status another editor changed: no row comes or goes.
    Listing ready = m_other->listings().load(m_c).value();
    ready.status = ListingStatus::Ready;
    LD_VERIFY_OK(m_other->listings().save(ready));
    QTRY_COMPARE_WITH_TIMEOUT(filters->count(SavedFilter::Ready), 1, fewSeconds);
    QCOMPARE(model->idAt(table->currentIndex().row()), m_b);
    QCOMPARE(table->selectionModel()->selectedRows().size(), 1);
    QCOMPARE(model->idAt(table->selectionModel()->selectedRows().first().row()), m_b);
    QCOMPARE(m_window->editor()->listingId(), m_b);
}

void TestTeamEditing::cleanFormReloadsQuietly()
{
    QVERIFY(m_window->selectListing(m_b));
    auto *title = child<QLineEdit>("titleLineEdit");
    title->setFocus();
    saveElsewhere(m_b, QStringLiteral("乙房源（别人改的）"));
    QTRY_COMPARE_WITH_TIMEOUT(title->text(), QStringLiteral("乙房源（别人改的）"), fewSeconds);
    QVERIFY(!child<QWidget>("conflictBar")->isVisible());
    QVERIFY(!m_window->editor()->hasUnsavedChanges());
    QCOMPARE(QApplication::focusWidget(), title); // the user's place in the form
    QCOMPARE(m_window->editor()->currentListing().revision, 2);
}

void TestTeamEditing::uneditedFormSavesNothingBack()
{
    // The reload is not an edit: nothing is written back over the other editor.
    QVERIFY(m_window->selectListing(m_b));
    saveElsewhere(m_b, QStringLiteral("乙房源（别人改的）"));
    QTRY_COMPARE_WITH_TIMEOUT(child<QLineEdit>("titleLineEdit")->text(),
                              QStringLiteral("乙房源（别人改的）"), fewSeconds);
    QVERIFY(m_window->editor()->saveNow());
    QCOMPARE(m_lib->listings().load(m_b).value().revision, 2);
}

void TestTeamEditing::makeConflict()
{
    ListingEditor *editor = m_window->editor();
    QVERIFY(m_window->selectListing(m_b));
    editor->setAutosaveDelay(100); // autosave would retry within the waits below
    QSignalSpy failed(editor, &ListingEditor::saveFailed);
    auto *title = child<QLineEdit>("titleLineEdit");
    title->setFocus();
    title->selectAll();
    // The other editor saves first; the form's own save comes too late...
    saveElsewhere(m_b, QStringLiteral("别人的标题"));
    typeChinese(title, QStringLiteral("我的标题"));
    QVERIFY(editor->hasUnsavedChanges());
    auto *bar = child<QWidget>("conflictBar");
    QTRY_VERIFY_WITH_TIMEOUT(bar->isVisible(), fewSeconds);
    QVERIFY(editor->hasConflict());
    QVERIFY(!bar->accessibleName().isEmpty());
    QCOMPARE(title->text(), QStringLiteral("我的标题"));
    QCOMPARE(m_lib->listings().load(m_b).value().title, QStringLiteral("别人的标题"));

    // ...and from now on autosave waits for a choice: no retries, no overwrite.
    const qsizetype failures = failed.count();
    typeChinese(title, QStringLiteral("，再加几个字"));
    QTest::qWait(600);
    QCOMPARE(failed.count(), failures);
    QVERIFY(!editor->saveNow());
    QCOMPARE(m_lib->listings().load(m_b).value().title, QStringLiteral("别人的标题"));
    QCOMPARE(title->text(), QStringLiteral("我的标题，再加几个字"));
    for (const char *name : {"reloadTheirsButton", "overwriteButton", "saveAsCopyButton"}) {
        auto *button = child<QPushButton>(name);
        QVERIFY2(button->isVisible(), name);
        QVERIFY2(button->focusPolicy() & Qt::TabFocus, name);
        QVERIFY2(!button->accessibleDescription().isEmpty(), name);
    }
    // For a look at the bar: LISTINGDESK_SCREENSHOT_DIR=/tmp ctest -R tst_teamediting
    if (const QString folder = qEnvironmentVariable("LISTINGDESK_SCREENSHOT_DIR");
        !folder.isEmpty())
        QVERIFY(m_window->grab().save(folder + QStringLiteral("/conflict-bar.png")));
}

void TestTeamEditing::unsavedEditsRaiseConflictBarEarly()
{
    // The edit is not saved before the bar comes: the other editor's change
    // arrives while the form has unsaved edits and no save is attempted.
    ListingEditor *editor = m_window->editor();
    QVERIFY(m_window->selectListing(m_b));
    editor->setAutosaveDelay(60000);
    QSignalSpy failed(editor, &ListingEditor::saveFailed);
    auto *title = child<QLineEdit>("titleLineEdit");
    title->setFocus();
    title->selectAll();
    typeChinese(title, QStringLiteral("我的标题"));
    saveElsewhere(m_b, QStringLiteral("别人的标题"));
    QTRY_VERIFY_WITH_TIMEOUT(child<QWidget>("conflictBar")->isVisible(), fewSeconds);
    QCOMPARE(failed.count(), 0);
    QVERIFY(child<QLabel>("conflictMessageLabel")->text().contains(QLatin1String("revision 2")));
    QCOMPARE(title->text(), QStringLiteral("我的标题"));
}

void TestTeamEditing::lostSaveRaisesConflictBar()
{
    makeConflict();
}

void TestTeamEditing::reloadTheirsKeepsMineRestorable()
{
    makeConflict();
    if (QTest::currentTestFailed())
        return;
    auto *title = child<QLineEdit>("titleLineEdit");
    auto *reload = child<QPushButton>("reloadTheirsButton");
    reload->setFocus();
    QTest::keyClick(reload, Qt::Key_Space); // by keyboard
    QCOMPARE(title->text(), QStringLiteral("别人的标题"));
    QVERIFY(!m_window->editor()->hasConflict());
    QVERIFY(!m_window->editor()->hasUnsavedChanges());
    auto *restore = child<QPushButton>("restoreMineButton");
    QVERIFY(restore->isVisible());

    // Changed my mind: mine comes back and is saved over theirs, which the history keeps.
    restore->click();
    QCOMPARE(title->text(), QStringLiteral("我的标题，再加几个字"));
    QVERIFY(m_window->editor()->saveNow());
    QCOMPARE(m_lib->listings().load(m_b).value().title, QStringLiteral("我的标题，再加几个字"));
    QVERIFY(historyTitles(m_b).contains(QStringLiteral("别人的标题")));
}

void TestTeamEditing::overwriteAsksThenKeepsTheirsInHistory()
{
    makeConflict();
    if (QTest::currentTestFailed())
        return;
    child<QPushButton>("overwriteButton")->click();
    // Nothing is written on the first click.
    QCOMPARE(m_lib->listings().load(m_b).value().title, QStringLiteral("别人的标题"));
    auto *confirm = child<QPushButton>("confirmOverwriteButton");
    QVERIFY(confirm->isVisible());
    QCOMPARE(QApplication::focusWidget(), confirm);
    QTest::keyClick(confirm, Qt::Key_Space);
    const Listing stored = m_lib->listings().load(m_b).value();
    QCOMPARE(stored.title, QStringLiteral("我的标题，再加几个字"));
    QCOMPARE(stored.revision, 3);
    QVERIFY(!child<QWidget>("conflictBar")->isVisible());
    QVERIFY(!m_window->editor()->hasConflict());
    // Theirs (revision 2) and the original (revision 1) are in the history.
    QCOMPARE(historyTitles(m_b),
             (QStringList{QStringLiteral("别人的标题"), QStringLiteral("乙房源")}));
}

void TestTeamEditing::saveMineAsCopyKeepsBoth()
{
    makeConflict();
    if (QTest::currentTestFailed())
        return;
    child<QPushButton>("saveAsCopyButton")->click();
    QCOMPARE(m_lib->listings().load(m_b).value().title, QStringLiteral("别人的标题"));
    ListingQuery query;
    query.searchText = QStringLiteral("再加几个字");
    const QList<qint64> copies = m_lib->listings().ids(query);
    QCOMPARE(copies.size(), 1);
    QVERIFY(copies.first() != m_b);
    QCOMPARE(m_window->editor()->listingId(), copies.first());
    QVERIFY(!child<QWidget>("conflictBar")->isVisible());
    QTRY_COMPARE(
        m_window->listingModel()->idAt(child<QTableView>("listingTableView")->currentIndex().row()),
        copies.first());
}

QTEST_MAIN(TestTeamEditing)
#include "tst_teamediting.moc"
