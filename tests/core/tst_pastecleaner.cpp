// Paste cleanup on clipboard HTML as web browsers, LibreOffice, MS Word, WPS
// and Google Docs put it there: each sample in tests/fixtures/paste/NAME.html
// must become exactly NAME.expected.html, which must itself be sanitiser-clean
// (no style attribute at all) and stable under a second cleanup.

#include "htmlsanitizer.h"
#include "pastecleaner.h"
#include "sanitizedhtmlcheck.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QTest>

using namespace ListingDesk;

namespace {

QString u8(const char *text)
{
    return QString::fromUtf8(text);
}

QString readFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return QString();
    return QString::fromUtf8(file.readAll());
}

// The expected files end with a newline so that they are pleasant to edit.
QString withoutFinalNewline(QString text)
{
    while (text.endsWith(u'\n'))
        text.chop(1);
    return text;
}

void checkClean(const QString &cleaned)
{
    HtmlSanitizer::Options options;
    options.keepPresentation = false;
    QCOMPARE(HtmlSanitizer::sanitize(cleaned, options), cleaned);
    QCOMPARE(SanitizedHtmlCheck::problemsIn(cleaned, false), QStringList());
    QCOMPARE(PasteCleaner::clean(cleaned), cleaned);
}

} // namespace

class TestPasteCleaner : public QObject
{
    Q_OBJECT

private slots:
    void fixtures_data();
    void fixtures();
    void rules_data();
    void rules();
    void deepNesting();
};

void TestPasteCleaner::fixtures_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<bool>("hasExpected");
    const QDir dir(QStringLiteral(LISTINGDESK_PASTE_FIXTURES));
    const QStringList samples =
        dir.entryList({QStringLiteral("*.html")}, QDir::Files, QDir::Name)
            .filter(QRegularExpression(QStringLiteral("^(?!.*\\.expected\\.html$)")));
    QVERIFY(samples.size() >= 5);
    for (const QString &sample : samples) {
        const QString expectedName = sample.chopped(5) + QStringLiteral(".expected.html");
        // A missing expected file fails its row, not the whole table.
        QTest::newRow(qPrintable(sample))
            << readFile(dir.filePath(sample))
            << withoutFinalNewline(readFile(dir.filePath(expectedName)))
            << dir.exists(expectedName);
    }
}

void TestPasteCleaner::fixtures()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);
    QFETCH(bool, hasExpected);
    QVERIFY2(hasExpected, "the sample has no .expected.html next to it");
    const QString cleaned = PasteCleaner::clean(input);
    if (cleaned != expected)
        qWarning().noquote() << "cleaned:\n" << cleaned;
    QCOMPARE(cleaned, expected);
    checkClean(cleaned);
}

void TestPasteCleaner::rules_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected");
    auto row = [](const char *name, const char *input, const char *expected) {
        QTest::newRow(name) << u8(input) << u8(expected);
    };

    row("styles, classes and fonts go",
        "<p class=\"x\" style=\"text-align:center;color:red\"><font face=\"宋体\" color=\"red\">"
        "<span style=\"color:#f00\">红字</span></font></p>",
        "<p>红字</p>");
    row("start fragment comments", "<!--StartFragment--><p>a</p><!--EndFragment-->", "<p>a</p>");
    row("line break between chinese characters vanishes", "<p>长治市\n消防</p>",
        "<p>长治市消防</p>");
    row("line break between words is a space", "<p>fire\nsafety 消防\n会议</p>",
        "<p>fire safety 消防会议</p>");
    row("space runs collapse", "<p>  a \t b  </p>", "<p>a b</p>");
    row("break across inline elements", "<p><span>长治</span>\n<span>消防</span></p>",
        "<p>长治消防</p>");
    row("pre keeps its white space", "<pre>a\n  b</pre>", "<pre>a\n  b</pre>");
    row("leading and trailing breaks dropped", "<p><br>a<br>b<br></p><br><p><br></p>",
        "<p>a<br>b</p>");
    row("hidden text dropped",
        "<p>a<span style=\"display: none\">b</span><span hidden>c</span>"
        "<span style='mso-hide:all'>d</span>e</p>",
        "<p>ae</p>");
    row("tracking pixels by style",
        "<p>a<img src=\"https://t.example/p.gif\" style=\"width:1px;height:1px\">"
        "<img src=\"https://t.example/q.gif\" style=\"width: 0\"></p>",
        "<p>a</p>");
    row("page chrome dropped",
        "<nav>首页</nav><div class=\"share-bar\">分享</div><div id=\"ad_top\">广告</div>"
        "<aside>侧栏</aside><div class=\"article\"><p>正文</p></div>",
        "<div><p>正文</p></div>");
    row("css bold and italic kept",
        "<p><span style=\"font-weight:700\">粗</span><span style=\"font-style:italic\">斜</span>"
        "<span style=\"font-weight:bold;font-style:italic\">都</span></p>",
        "<p><b>粗</b><i>斜</i><b><i>都</i></b></p>");
    row("google docs normal-weight wrapper", "<b style=\"font-weight:normal\"><p>x</p></b>",
        "<p>x</p>");
    row("word numbered list",
        "<p class=MsoListParagraph style='mso-list:l1 level1 lfo2'><span "
        "style='mso-list:Ignore'>1.&nbsp;&nbsp;</span>一</p>"
        "<p class=MsoListParagraph style='mso-list:l1 level1 lfo2'><span "
        "style='mso-list:Ignore'>2.&nbsp;&nbsp;</span>二</p>",
        "<ol><li>一</li><li>二</li></ol>");
    row("word chinese numbered list",
        "<p style='mso-list:l2 level1 lfo3'><span style='mso-list:Ignore'>一、</span>甲</p>",
        "<ol><li>甲</li></ol>");
    row("word nested bullets",
        "<p style='mso-list:l0 level1 lfo1'><span style='mso-list:Ignore'>·</span>a</p>\n"
        "<p style='mso-list:l0 level2 lfo1'><span style='mso-list:Ignore'>o</span>b</p>\n"
        "<p style='mso-list:l0 level3 lfo1'><span style='mso-list:Ignore'>§</span>c</p>\n"
        "<p style='mso-list:l0 level1 lfo1'><span style='mso-list:Ignore'>·</span>d</p>",
        "<ul><li>a<ul><li>b<ul><li>c</li></ul></li></ul></li><li>d</li></ul>");
    row("two word lists in a row stay two",
        "<p style='mso-list:l0 level1 lfo1'><span style='mso-list:Ignore'>·</span>a</p>"
        "<p style='mso-list:l1 level1 lfo2'><span style='mso-list:Ignore'>1.</span>b</p>",
        "<ul><li>a</li></ul><ol><li>b</li></ol>");
    row("word list level jumps",
        "<p style='mso-list:l0 level3 lfo1'>deep</p><p style='mso-list:l0 level1 lfo1'>top</p>",
        "<ul><ul><ul><li>deep</li></ul></ul><li>top</li></ul>");
    row("office conditional comments and o:p",
        "<p>a<!--[if gte mso 9]><xml><o:OfficeDocumentSettings/></xml><![endif]--><o:p></o:p>"
        "<![if !supportLists]>b<![endif]></p>",
        "<p>ab</p>");
    row("unsafe things still go",
        "<p onclick=\"x()\">a<script>alert(1)</script><a href=\"javascript:alert(1)\">b</a>"
        "<img src=\"file:///C:/clip_image001.jpg\"></p>",
        "<p>ab</p>");
    row("links images tables kept",
        "<p><a href=\"https://example.cn/\" target=\"_blank\">链接</a><img "
        "src=\"https://example.cn/a.jpg\" "
        "alt=\"图\" width=\"300\"></p><table><tr><td colspan=\"2\">格</td></tr></table>",
        "<p><a href=\"https://example.cn/\">链接</a><img src=\"https://example.cn/a.jpg\" "
        "alt=\"图\" width=\"300\"></p><table><tbody><tr><td "
        "colspan=\"2\">格</td></tr></tbody></table>");
}

void TestPasteCleaner::rules()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);
    const QString cleaned = PasteCleaner::clean(input);
    QCOMPARE(cleaned, expected);
    checkClean(cleaned);
}

void TestPasteCleaner::deepNesting()
{
    // Far deeper than any document: bold spans (each of which the cleaner
    // turns into <b>) and Word list paragraphs inside them. The text
    // survives, the stack does not overflow, and the result is stable.
    const int depth = 5000;
    const QString html = u8("<span style=\"font-weight:bold\"><div>").repeated(depth) +
                         u8("<p style='mso-list:l0 level1 lfo1'>深</p>") +
                         u8("</div></span>").repeated(depth);
    const QString cleaned = PasteCleaner::clean(html);
    QVERIFY(cleaned.contains(u8("深")));
    checkClean(cleaned);
}

QTEST_GUILESS_MAIN(TestPasteCleaner)
#include "tst_pastecleaner.moc"
