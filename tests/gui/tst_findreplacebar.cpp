// Find and replace in an article, driven through the real bar's keys and
// buttons: what a writer relies on when renaming a place across a long text.

#include "findreplacebar.h"

#include <QApplication>
#include <QCheckBox>
#include <QInputMethodEvent>
#include <QLabel>
#include <QLineEdit>
#include <QTest>
#include <QTextEdit>
#include <QToolButton>
#include <QVBoxLayout>

using namespace ListingDesk;

namespace {
QString u8(const char *text)
{
    return QString::fromUtf8(text);
}

void typeChinese(QWidget *widget, const QString &text)
{
    QInputMethodEvent event;
    event.setCommitString(text);
    QApplication::sendEvent(widget, &event);
}

const char *article = "长治市政府召开消防工作会议。\n"
                      "市消防支队参加了会议，会议由王克主持。\n"
                      "Meeting notes: meeting, MEETING, meetings.";
} // namespace

class TestFindReplaceBar : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void findsChineseAndCounts();
    void wrapsAroundBothWays();
    void notFoundState();
    void matchCaseAndWholeWords();
    void replaceOneThenNext();
    void replaceAllIsOneUndoStep();
    void replaceAllWithTextContainingSearch();
    void escapeClosesAndReturnsFocus();
    void f3WorksFromTheText();
    void selectionBecomesSearch();
    void grabPicture();

private:
    QLineEdit *findEdit() { return m_bar->findChild<QLineEdit *>(QStringLiteral("findLineEdit")); }
    QLineEdit *replaceEdit()
    {
        return m_bar->findChild<QLineEdit *>(QStringLiteral("replaceLineEdit"));
    }
    QString countText()
    {
        return m_bar->findChild<QLabel *>(QStringLiteral("matchCountLabel"))->text();
    }
    QString selected() { return m_edit->textCursor().selectedText(); }

    QWidget *m_window = nullptr;
    QTextEdit *m_edit = nullptr;
    FindReplaceBar *m_bar = nullptr;
};

void TestFindReplaceBar::init()
{
    m_window = new QWidget;
    auto *layout = new QVBoxLayout(m_window);
    m_edit = new QTextEdit(m_window);
    m_edit->setPlainText(u8(article));
    m_bar = new FindReplaceBar(m_window);
    m_bar->setTextEdit(m_edit);
    layout->addWidget(m_edit);
    layout->addWidget(m_bar);
    m_window->resize(720, 360);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window));
    m_edit->setFocus();
    m_bar->showAndFocus();
    QTRY_VERIFY(findEdit()->hasFocus());
}

void TestFindReplaceBar::cleanup()
{
    delete m_window;
}

void TestFindReplaceBar::findsChineseAndCounts()
{
    typeChinese(findEdit(), u8("会议"));
    // Found as you type: the first match is selected right away.
    QCOMPARE(selected(), u8("会议"));
    QCOMPARE(m_edit->textCursor().selectionStart(), 11);
    QCOMPARE(countText(), QStringLiteral("1 of 3"));
    QTest::keyClick(findEdit(), Qt::Key_Return);
    QCOMPARE(m_edit->textCursor().selectionStart(), u8(article).indexOf(u8("会议"), 12));
    QCOMPARE(countText(), QStringLiteral("2 of 3"));
    QTest::keyClick(findEdit(), Qt::Key_F3);
    QCOMPARE(countText(), QStringLiteral("3 of 3"));
    QCOMPARE(m_bar->matchCount(), 3);
}

void TestFindReplaceBar::wrapsAroundBothWays()
{
    typeChinese(findEdit(), u8("会议"));
    QTest::keyClick(findEdit(), Qt::Key_Return);
    QTest::keyClick(findEdit(), Qt::Key_Return);
    QCOMPARE(m_bar->currentMatch(), 3);
    QTest::keyClick(findEdit(), Qt::Key_Return); // past the end: back to the first
    QCOMPARE(m_bar->currentMatch(), 1);
    QTest::keyClick(findEdit(), Qt::Key_Return, Qt::ShiftModifier); // before the first: the last
    QCOMPARE(m_bar->currentMatch(), 3);
    QTest::keyClick(findEdit(), Qt::Key_F3, Qt::ShiftModifier);
    QCOMPARE(m_bar->currentMatch(), 2);
    QTest::mouseClick(m_bar->findChild<QToolButton *>(QStringLiteral("findPreviousButton")),
                      Qt::LeftButton);
    QCOMPARE(m_bar->currentMatch(), 1);
}

void TestFindReplaceBar::notFoundState()
{
    typeChinese(findEdit(), u8("太原"));
    QCOMPARE(countText(), QStringLiteral("Not found"));
    QVERIFY(findEdit()->property("notFound").toBool());
    QVERIFY(findEdit()->palette().color(QPalette::Base) != m_bar->palette().color(QPalette::Base));
    QVERIFY(!m_bar->findChild<QToolButton *>(QStringLiteral("replaceAllButton"))->isEnabled());
    QVERIFY(!m_bar->findNext());
    QVERIFY(selected().isEmpty());
    // Fixing the search clears the state.
    findEdit()->clear();
    typeChinese(findEdit(), u8("长治"));
    QVERIFY(!findEdit()->property("notFound").toBool());
    QCOMPARE(countText(), QStringLiteral("1 of 1"));
}

void TestFindReplaceBar::matchCaseAndWholeWords()
{
    QTest::keyClicks(findEdit(), QStringLiteral("meeting"));
    QCOMPARE(m_bar->matchCount(), 4);
    m_bar->findChild<QCheckBox *>(QStringLiteral("matchCaseCheckBox"))->setChecked(true);
    QCOMPARE(m_bar->matchCount(), 2);
    m_bar->findChild<QCheckBox *>(QStringLiteral("wholeWordsCheckBox"))->setChecked(true);
    QCOMPARE(m_bar->matchCount(), 1);
    QVERIFY(m_bar->findNext());
    QCOMPARE(selected(), QStringLiteral("meeting"));
    QCOMPARE(m_edit->textCursor().selectionStart(),
             u8(article).indexOf(QStringLiteral("meeting,")));
}

void TestFindReplaceBar::replaceOneThenNext()
{
    typeChinese(findEdit(), u8("会议"));
    typeChinese(replaceEdit(), u8("大会"));
    QTest::mouseClick(m_bar->findChild<QToolButton *>(QStringLiteral("replaceButton")),
                      Qt::LeftButton);
    QVERIFY(m_edit->toPlainText().startsWith(u8("长治市政府召开消防工作大会。")));
    // The next one is selected, ready for the next press.
    QCOMPARE(selected(), u8("会议"));
    QCOMPARE(countText(), QStringLiteral("1 of 2"));
    QTest::keyClick(replaceEdit(), Qt::Key_Return);
    QCOMPARE(m_edit->toPlainText().count(u8("会议")), 1);
    QCOMPARE(m_edit->toPlainText().count(u8("大会")), 2);
}

void TestFindReplaceBar::replaceAllIsOneUndoStep()
{
    const QString before = m_edit->toPlainText();
    typeChinese(findEdit(), u8("会议"));
    typeChinese(replaceEdit(), u8("座谈会"));
    QTest::mouseClick(m_bar->findChild<QToolButton *>(QStringLiteral("replaceAllButton")),
                      Qt::LeftButton);
    QCOMPARE(m_edit->toPlainText(), QString(before).replace(u8("会议"), u8("座谈会")));
    QCOMPARE(countText(), QStringLiteral("3 replaced"));
    m_edit->undo();
    QCOMPARE(m_edit->toPlainText(), before);
    QVERIFY(!m_edit->document()->isUndoAvailable());
}

void TestFindReplaceBar::replaceAllWithTextContainingSearch()
{
    QTest::keyClicks(findEdit(), QStringLiteral("meeting"));
    m_bar->findChild<QCheckBox *>(QStringLiteral("matchCaseCheckBox"))->setChecked(true);
    QTest::keyClicks(replaceEdit(), QStringLiteral("big meeting"));
    QCOMPARE(m_bar->replaceAll(), 2);
    QVERIFY(m_edit->toPlainText().endsWith(
        QStringLiteral("Meeting notes: big meeting, MEETING, big meetings.")));
}

void TestFindReplaceBar::escapeClosesAndReturnsFocus()
{
    typeChinese(findEdit(), u8("会议"));
    QTest::keyClick(findEdit(), Qt::Key_Escape);
    QVERIFY(!m_bar->isVisible());
    QTRY_VERIFY(m_edit->hasFocus());
    m_bar->showAndFocus();
    QVERIFY(m_bar->isVisible());
    // The selected match becomes the search again.
    QCOMPARE(findEdit()->text(), u8("会议"));
}

void TestFindReplaceBar::f3WorksFromTheText()
{
    typeChinese(findEdit(), u8("会议"));
    QTest::keyClick(findEdit(), Qt::Key_Escape);
    QTRY_VERIFY(m_edit->hasFocus());
    QCOMPARE(m_bar->currentMatch(), 1);
    QTest::keyClick(m_edit, Qt::Key_F3);
    QCOMPARE(m_bar->currentMatch(), 2);
    QTest::keyClick(m_edit, Qt::Key_F3, Qt::ShiftModifier);
    QCOMPARE(m_bar->currentMatch(), 1);
}

void TestFindReplaceBar::selectionBecomesSearch()
{
    QTest::keyClick(findEdit(), Qt::Key_Escape);
    QTextCursor cursor = m_edit->textCursor();
    cursor.setPosition(0);
    cursor.setPosition(2, QTextCursor::KeepAnchor);
    m_edit->setTextCursor(cursor);
    m_bar->showAndFocus();
    QCOMPARE(findEdit()->text(), u8("长治"));
    QCOMPARE(countText(), QStringLiteral("1 of 1"));
    // Typing over the search continues from the current match.
    typeChinese(findEdit(), u8("长治市"));
    QCOMPARE(m_bar->currentMatch(), 1);
}

void TestFindReplaceBar::grabPicture()
{
    typeChinese(findEdit(), u8("会议"));
    typeChinese(replaceEdit(), u8("大会"));
    QTest::keyClick(findEdit(), Qt::Key_Return);
    const QString out = qEnvironmentVariable("LISTINGDESK_SCREENSHOT_DIR");
    if (out.isEmpty())
        QSKIP("set LISTINGDESK_SCREENSHOT_DIR to save docs/findbar.png");
    QVERIFY(m_window->grab().save(out + QStringLiteral("/findbar.png")));
}

QTEST_MAIN(TestFindReplaceBar)
#include "tst_findreplacebar.moc"
