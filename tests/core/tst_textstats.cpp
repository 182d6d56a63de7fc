// The counts shown in the editor's status bar and checked against portal
// limits: Chinese counted character by character, other text in words.

#include "textstats.h"

#include <QElapsedTimer>
#include <QTest>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextImageFormat>

using namespace ListingDesk;

namespace {

QString u8(const char *text)
{
    return QString::fromUtf8(text);
}

TextStats stats(int characters, int cjk, int latinWords, int images, int paragraphs)
{
    TextStats s;
    s.characters = characters;
    s.cjkCharacters = cjk;
    s.latinWords = latinWords;
    s.images = images;
    s.paragraphs = paragraphs;
    return s;
}

QByteArray describe(const TextStats &s)
{
    return QByteArray("characters ") + QByteArray::number(s.characters) + " cjk " +
           QByteArray::number(s.cjkCharacters) + " words " + QByteArray::number(s.latinWords) +
           " images " + QByteArray::number(s.images) + " paragraphs " +
           QByteArray::number(s.paragraphs);
}

} // namespace

Q_DECLARE_METATYPE(ListingDesk::TextStats)

namespace QTest {
template <> char *toString(const TextStats &s)
{
    return qstrdup(describe(s).constData());
}
} // namespace QTest

class TestTextStats : public QObject
{
    Q_OBJECT

private slots:
    void plainText_data();
    void plainText();
    void html();
    void document();
    void documentAndHtmlAgree();
    void fiftyKilobytes();
};

void TestTextStats::plainText_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<TextStats>("expected");

    QTest::newRow("empty") << QString() << stats(0, 0, 0, 0, 0);
    QTest::newRow("blank lines") << u8(" \n\t\n\u3000\u00a0") << stats(0, 0, 0, 0, 0);
    QTest::newRow("chinese one by one") << u8("长治市消防工作会议") << stats(9, 9, 0, 0, 1);
    QTest::newRow("chinese punctuation counts as characters, not CJK")
        << u8("会议，现场。“好”") << stats(9, 5, 0, 0, 1);
    QTest::newRow("english words") << u8("Hello, world! It's an e-mail.") << stats(25, 0, 5, 0, 1);
    QTest::newRow("mixed chinese and latin")
        << u8("月租1500元，WiFi全覆盖 3.5km") << stats(20, 6, 3, 0, 1);
    QTest::newRow("spaces between chinese do not count")
        << u8("长 治\u3000市") << stats(3, 3, 0, 0, 1);
    QTest::newRow("japanese and korean") << u8("ひらがなカタカナ한국어") << stats(11, 11, 0, 0, 1);
    // U+20000 and U+2A6A5 are CJK extension B: one character each, not two.
    QTest::newRow("extension B surrogate pairs") << u8("𠀀𪚥") << stats(2, 2, 0, 0, 1);
    QTest::newRow("emoji") << u8("好😀 ok") << stats(4, 1, 1, 0, 1);
    QTest::newRow("emoji with skin tone and variation selector")
        << u8("👍🏽❤️") << stats(2, 0, 0, 0, 1);
    QTest::newRow("zwj family is one") << u8("👨‍👩‍👧") << stats(1, 0, 0, 0, 1);
    QTest::newRow("flag is one") << u8("🇨🇳🇯🇵") << stats(2, 0, 0, 0, 1);
    QTest::newRow("combining accent is part of its letter")
        << u8("cafe\u0301 na\u00efve") << stats(9, 0, 2, 0, 1);
    QTest::newRow("invisible format characters") << u8("a\u200bb\ufeff") << stats(2, 0, 1, 0, 1);
    QTest::newRow("cyrillic and greek are words") << u8("Привет κόσμε") << stats(11, 0, 2, 0, 1);
    QTest::newRow("lone surrogate counts once")
        << (u8("a") + QChar(0xD800)) << stats(2, 0, 1, 0, 1);
    QTest::newRow("paragraphs") << u8("第一段\n\n第二段 text\r\n\u2029third")
                                << stats(15, 6, 2, 0, 3);
}

void TestTextStats::plainText()
{
    QFETCH(QString, text);
    QFETCH(TextStats, expected);
    QCOMPARE(TextStats::fromPlainText(text), expected);
}

void TestTextStats::html()
{
    const QString html = u8(
        "<h2>长治市消防工作会议</h2><p>会议由<b>王克</b>主持&nbsp;(Wang&nbsp;Ke)。</p>"
        "<figure><img src=\"ldmedia:1\" alt=\"会议现场\"><figcaption>会议现场</figcaption></figure>"
        "<IMG SRC=\"ldmedia:2\"><img/src=\"ldmedia:3\"><imgx>"
        "<ul><li>A&amp;B</li><li></li></ul><table><tr><td>1500元</td></tr></table>");
    // heading 9, paragraph 7 CJK + "(Wang" "Ke)" "。", caption 4, "A&B", "1500元"
    const TextStats s = TextStats::fromHtml(html);
    QCOMPARE(s, stats(9 + 16 + 4 + 3 + 5, 9 + 7 + 4 + 1, 2 + 2 + 1, 3, 5));
    QCOMPARE(s.words(), 21 + 5);
}

void TestTextStats::document()
{
    // The editor's own document: images are image objects, and the U+FFFC
    // that stands for them in the text is not a character.
    QTextDocument doc;
    QTextCursor cursor(&doc);
    cursor.insertText(u8("会议现场 photo"));
    QTextImageFormat image;
    image.setName(QStringLiteral("ldmedia:1"));
    cursor.insertImage(image);
    cursor.insertBlock();
    cursor.insertImage(image);
    cursor.insertBlock();
    cursor.insertText(u8("𠀀 line"));
    cursor.insertText(QString(QChar::LineSeparator) + u8("二"));
    cursor.insertBlock();
    cursor.insertTable(1, 2);
    cursor.insertText(u8("格"));
    QCOMPARE(TextStats::fromDocument(doc), stats(4 + 5 + 1 + 4 + 1 + 1, 4 + 1 + 1 + 1, 2, 2, 3));
}

void TestTextStats::documentAndHtmlAgree()
{
    const QString html = u8("<p>长治市政府召开2017年全市消防工作会议</p><p>Mixed 文字 and "
                            "words, 😀.</p><ul><li>一</li><li>two</li></ul>");
    QTextDocument doc;
    doc.setHtml(html);
    QCOMPARE(TextStats::fromDocument(doc), TextStats::fromHtml(html));
}

void TestTextStats::fiftyKilobytes()
{
    // A 50 KB article, counted for every status-bar update: well under 1 ms
    // in a release build. Printed as a figure; asserted only loosely here
    // because debug and sanitizer builds are many times slower.
    QString text;
    while (text.toUtf8().size() < 50 * 1024)
        text +=
            u8("长治市政府召开2017年全市消防工作会议，市政府副市长杨通顺出席 meeting 并讲话。\n");
    QTextDocument doc;
    doc.setPlainText(text);
    TextStats s;
    QElapsedTimer timer;
    timer.start();
    const int rounds = 20;
    for (int i = 0; i < rounds; ++i)
        s = TextStats::fromPlainText(text);
    const double plainMs = timer.nsecsElapsed() / 1e6 / rounds;
    timer.restart();
    for (int i = 0; i < rounds; ++i)
        s = TextStats::fromDocument(doc);
    const double documentMs = timer.nsecsElapsed() / 1e6 / rounds;
    QVERIFY(s.cjkCharacters > 10000);
    qInfo("50 KB article: %.3f ms from text, %.3f ms from QTextDocument", plainMs, documentMs);
    QVERIFY(documentMs < 50);
}

QTEST_MAIN(TestTextStats)
#include "tst_textstats.moc"
