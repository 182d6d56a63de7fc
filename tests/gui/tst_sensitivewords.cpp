// Sensitive words in the article as the user sees them: marked while typing,
// unmarked when fixed, the editor's own block state untouched, and the list
// dialog storing what the user typed or imported.

#include "sensitivewordhighlighter.h"
#include "sensitivewordlist.h"
#include "sensitivewordsdialog.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QInputMethodEvent>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTextEdit>
#include <QTextLayout>

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

// The highlighter's ranges in a block as (start, length) pairs of the format
// the highlighter puts on matches.
QList<std::pair<int, int>> marked(const QTextBlock &block)
{
    QList<std::pair<int, int>> ranges;
    const QTextCharFormat expected = SensitiveWordHighlighter::matchFormat();
    for (const QTextLayout::FormatRange &range : block.layout()->formats())
        if (range.format.underlineStyle() == QTextCharFormat::WaveUnderline &&
            range.format.background() == expected.background())
            ranges.append({range.start, range.length});
    return ranges;
}

std::shared_ptr<const SensitiveWordMatcher> matcherOf(std::initializer_list<const char *> words)
{
    QStringList list;
    for (const char *w : words)
        list << u8(w);
    return std::make_shared<const SensitiveWordMatcher>(list);
}
} // namespace

class TestSensitiveWords : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void formatIsVisibleOnLightAndDark();
    void marksMatchesPerParagraph();
    void marksWhileTypingAndUnmarksWhenFixed();
    void newMatcherRehighlights();
    void leavesBlockStateAlone();
    void dialogShowsStoredList();
    void dialogSavesOnOk();
    void dialogCancelForgets();
    void dialogImportsFile();
    void dialogReportsBadFile();
};

void TestSensitiveWords::init()
{
    QSettings(QStringLiteral("ListingDesk"), QStringLiteral("ListingDesk")).clear();
}

void TestSensitiveWords::formatIsVisibleOnLightAndDark()
{
    const QTextCharFormat format = SensitiveWordHighlighter::matchFormat();
    QCOMPARE(format.underlineStyle(), QTextCharFormat::WaveUnderline);
    QCOMPARE(format.underlineColor().red(), 0xE5);
    // A translucent tint: the text colour of the theme stays, on both bases.
    const QColor tint = format.background().color();
    QVERIFY(tint.alpha() > 0x20 && tint.alpha() < 0x80);
    QVERIFY(!format.hasProperty(QTextFormat::ForegroundBrush));
}

void TestSensitiveWords::marksMatchesPerParagraph()
{
    QTextDocument document;
    document.setPlainText(u8("本店代开发票。\n无关的一段\nVIP会员，vip价"));
    SensitiveWordHighlighter highlighter(&document);
    highlighter.setMatcher(matcherOf({"代开发票", "VIP"}));
    QCOMPARE(marked(document.findBlockByNumber(0)), (QList<std::pair<int, int>>{{2, 4}}));
    QVERIFY(marked(document.findBlockByNumber(1)).isEmpty());
    QCOMPARE(marked(document.findBlockByNumber(2)), (QList<std::pair<int, int>>{{0, 3}, {6, 3}}));
}

void TestSensitiveWords::marksWhileTypingAndUnmarksWhenFixed()
{
    QTextEdit edit;
    edit.resize(400, 200);
    edit.show();
    QVERIFY(QTest::qWaitForWindowExposed(&edit));
    auto *highlighter = new SensitiveWordHighlighter(edit.document());
    highlighter->setMatcher(matcherOf({"代开发票"}));
    edit.setFocus();
    typeChinese(&edit, u8("可以代开"));
    QVERIFY(marked(edit.document()->firstBlock()).isEmpty());
    typeChinese(&edit, u8("发票"));
    QCOMPARE(marked(edit.document()->firstBlock()), (QList<std::pair<int, int>>{{2, 4}}));
    QTest::keyClick(&edit, Qt::Key_Backspace);
    QVERIFY(marked(edit.document()->firstBlock()).isEmpty());
    // Highlighting is not an edit: undo takes back the typing only.
    QVERIFY(!edit.document()->isModified() || edit.document()->isUndoAvailable());
    QCOMPARE(edit.toPlainText(), u8("可以代开发"));
}

void TestSensitiveWords::newMatcherRehighlights()
{
    QTextDocument document;
    document.setPlainText(u8("加微信详谈"));
    SensitiveWordHighlighter highlighter(&document);
    QVERIFY(marked(document.firstBlock()).isEmpty());
    highlighter.setMatcher(matcherOf({"微信"}));
    QCOMPARE(marked(document.firstBlock()), (QList<std::pair<int, int>>{{1, 2}}));
    highlighter.setMatcher(nullptr);
    QVERIFY(marked(document.firstBlock()).isEmpty());
}

void TestSensitiveWords::leavesBlockStateAlone()
{
    // The article editor marks caption paragraphs in the block state.
    QTextDocument document;
    document.setPlainText(u8("会议现场发票\n正文"));
    document.firstBlock().setUserState(7);
    SensitiveWordHighlighter highlighter(&document);
    highlighter.setMatcher(matcherOf({"发票"}));
    QTextCursor cursor(&document);
    cursor.movePosition(QTextCursor::EndOfBlock);
    cursor.insertText(u8("代开"));
    QCOMPARE(document.firstBlock().userState(), 7);
    QCOMPARE(document.lastBlock().userState(), -1);
    QCOMPARE(marked(document.firstBlock()), (QList<std::pair<int, int>>{{4, 2}}));
}

void TestSensitiveWords::dialogShowsStoredList()
{
    SensitiveWordList list;
    list.setWords({u8("赌博"), u8("代开发票")});
    list.save();
    SensitiveWordsDialog dialog;
    auto *edit = dialog.findChild<QPlainTextEdit *>(QStringLiteral("wordsPlainTextEdit"));
    QCOMPARE(edit->toPlainText(), u8("赌博\n代开发票"));
    QCOMPARE(dialog.findChild<QLabel *>(QStringLiteral("wordCountLabel"))->text(),
             QStringLiteral("2 word(s)"));
}

void TestSensitiveWords::dialogSavesOnOk()
{
    SensitiveWordsDialog dialog;
    dialog.show();
    auto *edit = dialog.findChild<QPlainTextEdit *>(QStringLiteral("wordsPlainTextEdit"));
    edit->setFocus();
    typeChinese(edit, u8("发票"));
    QTest::keyClick(edit, Qt::Key_Return);
    QTest::keyClicks(edit, QStringLiteral("  QQ  "));
    QTest::keyClick(edit, Qt::Key_Return);
    QTest::keyClicks(edit, QStringLiteral("qq"));
    QCOMPARE(dialog.words(), (QStringList{u8("发票"), QStringLiteral("QQ")}));
    auto *ok = dialog.findChild<QDialogButtonBox *>(QStringLiteral("buttonBox"))
                   ->button(QDialogButtonBox::Ok);
    QTest::mouseClick(ok, Qt::LeftButton);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    SensitiveWordList stored;
    stored.load();
    QCOMPARE(stored.words(), (QStringList{u8("发票"), QStringLiteral("QQ")}));
}

void TestSensitiveWords::dialogCancelForgets()
{
    SensitiveWordList list;
    list.setWords({u8("赌博")});
    list.save();
    SensitiveWordsDialog dialog;
    dialog.show();
    dialog.findChild<QPlainTextEdit *>(QStringLiteral("wordsPlainTextEdit"))
        ->setPlainText(u8("别的"));
    QTest::keyClick(&dialog, Qt::Key_Escape);
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
    SensitiveWordList stored;
    stored.load();
    QCOMPARE(stored.words(), QStringList{u8("赌博")});
}

void TestSensitiveWords::dialogImportsFile()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("list.txt"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(u8("# 导出\n代开发票\n赌博\n").toUtf8());
    file.close();
    SensitiveWordsDialog dialog;
    dialog.findChild<QPlainTextEdit *>(QStringLiteral("wordsPlainTextEdit"))
        ->setPlainText(u8("赌博"));
    QVERIFY(dialog.importFile(path));
    QCOMPARE(dialog.words(), (QStringList{u8("赌博"), u8("代开发票")}));
    QCOMPARE(dialog.findChild<QLabel *>(QStringLiteral("messageLabel"))->text(),
             QStringLiteral("1 new word(s) added."));
    dialog.accept();
    SensitiveWordList stored;
    stored.load();
    QCOMPARE(stored.words(), (QStringList{u8("赌博"), u8("代开发票")}));
}

void TestSensitiveWords::dialogReportsBadFile()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("gbk.txt"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("\xB4\xFA\xBF\xAA\n");
    file.close();
    SensitiveWordsDialog dialog;
    dialog.show();
    dialog.findChild<QPlainTextEdit *>(QStringLiteral("wordsPlainTextEdit"))
        ->setPlainText(u8("赌博"));
    QVERIFY(!dialog.importFile(path));
    auto *message = dialog.findChild<QLabel *>(QStringLiteral("messageLabel"));
    QVERIFY(message->isVisible());
    QVERIFY2(message->text().contains(QStringLiteral("UTF-8")), qPrintable(message->text()));
    QCOMPARE(dialog.words(), QStringList{u8("赌博")});
}

QTEST_MAIN(TestSensitiveWords)
#include "tst_sensitivewords.moc"
