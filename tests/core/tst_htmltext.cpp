// The visible text of an article: what full-text search indexes and what the
// character count counts. A word the reader sees must survive; markup must not.

#include "htmltext.h"

#include <QTest>

using namespace ListingDesk;

namespace {
QString u8(const char *text)
{
    return QString::fromUtf8(text);
}
} // namespace

class TestHtmlText : public QObject
{
    Q_OBJECT

private slots:
    void plainText_data();
    void plainText();
};

void TestHtmlText::plainText_data()
{
    QTest::addColumn<QString>("html");
    QTest::addColumn<QString>("text");

    // Chinese is kept as is
    QTest::newRow("plain Chinese")
        << u8("长治市区精装两室一厅出租") << u8("长治市区精装两室一厅出租");
    QTest::newRow("empty") << QString() << QString();
    QTest::newRow("inline tags do not split words")
        << u8("急招<span style=\"color:red\">消防</span>工<b>若干</b>名") << u8("急招消防工若干名");
    QTest::newRow("attributes are not text")
        << u8("<a href=\"https://example.com/span\" title=\"联系\">电话</a>") << u8("电话");
    QTest::newRow("surrounding whitespace trimmed")
        << u8("  <p> 房东直租 </p>  ") << u8("房东直租");

    // entities
    QTest::newRow("named entities")
        << u8("&lt;b&gt; &amp; &quot;好&quot; &apos;") << u8("<b> & \"好\" '");
    QTest::newRow("nbsp is a space") << u8("月租&nbsp;1500") << u8("月租 1500");
    QTest::newRow("typographic entities") << u8("&ldquo;拎包入住&rdquo;&mdash;&hellip;")
                                          << (QString(QChar(0x201c)) + u8("拎包入住") +
                                              QChar(0x201d) + QChar(0x2014) + QChar(0x2026));
    QTest::newRow("decimal character reference") << u8("&#38271;&#27835;") << u8("长治");
    QTest::newRow("hex character reference") << u8("&#x957F;&#X6CBB;") << u8("长治");
    QTest::newRow("character reference beyond the BMP")
        << u8("&#x1F3E0;") << QString::fromUcs4(U"\U0001F3E0", 1);
    QTest::newRow("escaped tag is text, not markup")
        << u8("&lt;span&gt;不是标签&lt;/span&gt;") << u8("<span>不是标签</span>");
    QTest::newRow("unknown entity kept literally") << u8("&nosuch;x") << u8("&nosuch;x");
    QTest::newRow("bare ampersand") << u8("A & B 公司") << u8("A & B 公司");
    QTest::newRow("ampersand without semicolon") << u8("R&D部门") << u8("R&D部门");

    // script and style are dropped with their content
    QTest::newRow("script dropped")
        << u8("前<script>var s = '<p>假</p>'; alert(1);</script>后") << u8("前后");
    QTest::newRow("style dropped")
        << u8("<style>p { color: red }</style><p>正文</p>") << u8("正文");
    QTest::newRow("upper-case script dropped")
        << u8("甲<SCRIPT type=\"text/javascript\">x()</SCRIPT>乙") << u8("甲乙");
    QTest::newRow("unterminated script drops the rest") << u8("甲<script>x()") << u8("甲");
    QTest::newRow("comment dropped") << u8("甲<!-- 内部备注 <p>x</p> -->乙") << u8("甲乙");

    // block tags give line breaks, one per boundary
    QTest::newRow("paragraphs") << u8("<p>第一段</p><p>第二段</p>") << u8("第一段\n第二段");
    QTest::newRow("br variants") << u8("一<br>二<br/>三<BR />四") << u8("一\n二\n三\n四");
    QTest::newRow("list items") << u8("<ul><li>近地铁</li><li>拎包入住</li></ul>")
                                << u8("近地铁\n拎包入住");
    QTest::newRow("heading then text") << u8("<h2>招聘</h2>普工五名") << u8("招聘\n普工五名");
    QTest::newRow("nested blocks give one break")
        << u8("<div><p>甲</p></div><div><p>乙</p></div>") << u8("甲\n乙");
    QTest::newRow("table cells") << u8("<table><tr><td>面积</td><td>90平</td></tr></table>")
                                 << u8("面积\n90平");
    QTest::newRow("source line breaks are spaces")
        << u8("第一行\n第二行\r\n第三行\t完") << u8("第一行 第二行 第三行 完");

    // A less-than sign that does not start a tag is text (as in a browser);
    // it must not swallow the rest of the article.
    QTest::newRow("less-than before a digit")
        << u8("月租<2000元，长治市区") << u8("月租<2000元，长治市区");
    QTest::newRow("less-than before a space and a later tag")
        << u8("<p>面积 < 90 平</p><p>近学校</p>") << u8("面积 < 90 平\n近学校");
}

void TestHtmlText::plainText()
{
    QFETCH(QString, html);
    QFETCH(QString, text);
    QCOMPARE(htmlToPlainText(html), text);
}

QTEST_GUILESS_MAIN(TestHtmlText)
#include "tst_htmltext.moc"
