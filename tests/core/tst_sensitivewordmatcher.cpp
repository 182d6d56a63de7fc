// The sensitive-word matcher and the user's word list: a word in the list must
// be found wherever the user typed it, however it is spelled in case or width,
// and a listing containing one must not pass as ready.

#include "listing.h"
#include "sensitivewordlist.h"
#include "sensitivewordmatcher.h"

#include <QRandomGenerator>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using namespace ListingDesk;
using Match = SensitiveWordMatcher::Match;

namespace {
QString u8(const char *text)
{
    return QString::fromUtf8(text);
}

QStringList u8List(std::initializer_list<const char *> words)
{
    QStringList list;
    for (const char *w : words)
        list << u8(w);
    return list;
}

// The documented semantics written the slow, obvious way: every occurrence of
// every word, the longest per start, then drop matches inside another.
QList<Match> naiveFindAll(const SensitiveWordMatcher &matcher, const QString &text)
{
    const auto folded = [](QString s) {
        for (QChar &c : s)
            c = QChar(SensitiveWordMatcher::fold(c.unicode()));
        return s;
    };
    const QString haystack = folded(text);
    QList<Match> all;
    for (qsizetype start = 0; start < haystack.size(); ++start) {
        Match best{start, 0, -1};
        for (int w = 0; w < matcher.words().size(); ++w) {
            const QString word = folded(matcher.words()[w]);
            if (QStringView(haystack).mid(start).startsWith(word) && word.size() > best.length)
                best = {start, word.size(), w};
        }
        if (best.wordIndex >= 0)
            all << best;
    }
    QList<Match> kept;
    for (const Match &m : all) {
        bool inside = false;
        for (const Match &other : all)
            if (!(other == m) && other.start <= m.start &&
                other.start + other.length >= m.start + m.length)
                inside = true;
        if (!inside)
            kept << m;
    }
    return kept;
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}
} // namespace

class TestSensitiveWordMatcher : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void findAll_data();
    void findAll();
    void wordIndexesNameTheListsWords();
    void agreesWithNaiveSearch();
    void emptyListFindsNothing();
    void readinessNamesWordAndPlace();
    void readinessWithoutMatcherIsUnchanged();
    void readinessLimitsPlaces();
    void parseList();
    void importFile();
    void importRejectsBadFiles_data();
    void importRejectsBadFiles();
    void saveAndLoad();

private:
    QTemporaryDir m_dir;
};

void TestSensitiveWordMatcher::init()
{
    QSettings(QStringLiteral("ListingDesk"), QStringLiteral("ListingDesk")).clear();
}

void TestSensitiveWordMatcher::findAll_data()
{
    QTest::addColumn<QStringList>("words");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QList<Match>>("expected");

    QTest::newRow("Chinese word") << u8List({"代开发票"}) << u8("本公司代开发票，价格优惠")
                                  << QList<Match>{{3, 4, 0}};
    QTest::newRow("two occurrences")
        << u8List({"发票"}) << u8("发票发票") << QList<Match>{{0, 2, 0}, {2, 2, 0}};
    QTest::newRow("word at the end") << u8List({"微信"}) << u8("加微信") << QList<Match>{{1, 2, 0}};
    QTest::newRow("no match") << u8List({"赌博"}) << u8("长治市消防工作会议") << QList<Match>{};
    QTest::newRow("Latin ignores case")
        << u8List({"VIP"}) << u8("超级vip会员 Vip") << QList<Match>{{2, 3, 0}, {8, 3, 0}};
    QTest::newRow("list in lower case, text in upper")
        << u8List({"qq"}) << u8("加QQ号") << QList<Match>{{1, 2, 0}};
    QTest::newRow("full-width Latin is Latin")
        << u8List({"qq"}) << u8("加ＱＱ号") << QList<Match>{{1, 2, 0}};
    QTest::newRow("full-width in the list too")
        << u8List({"ＶＩＰ"}) << u8("vip") << QList<Match>{{0, 3, 0}};
    QTest::newRow("longest word at a position wins")
        << u8List({"法轮", "法轮功"}) << u8("练法轮功") << QList<Match>{{1, 3, 1}};
    QTest::newRow("word inside another is not reported")
        << u8List({"轮", "法轮功"}) << u8("法轮功") << QList<Match>{{0, 3, 1}};
    QTest::newRow("partly overlapping words are both reported")
        << u8List({"ab", "bc"}) << u8("abc") << QList<Match>{{0, 2, 0}, {1, 2, 1}};
    QTest::newRow("textbook example") << u8List({"he", "she", "his", "hers"}) << u8("ushers")
                                      << QList<Match>{{1, 3, 1}, {2, 4, 3}};
    QTest::newRow("failure link into a shorter word")
        << u8List({"abcd", "bc"}) << u8("abce") << QList<Match>{{1, 2, 1}};
    QTest::newRow("failed long prefix still finds a word inside it")
        << u8List({"abc", "b"}) << u8("abd") << QList<Match>{{1, 1, 1}};
    QTest::newRow("restart after a mismatch")
        << u8List({"aab"}) << u8("aaab") << QList<Match>{{1, 3, 0}};
    QTest::newRow("blank entries and whitespace ignored")
        << QStringList{QString(), QStringLiteral("  "), u8(" 赌 ")} << u8("赌场")
        << QList<Match>{{0, 1, 0}};
    QTest::newRow("beyond the BMP")
        << QStringList{QString::fromUcs4(U"\U0001F4B0\U0001F4B0", 2)}
        << (u8("发财") + QString::fromUcs4(U"\U0001F4B0\U0001F4B0", 2)) << QList<Match>{{2, 4, 0}};
}

void TestSensitiveWordMatcher::findAll()
{
    QFETCH(QStringList, words);
    QFETCH(QString, text);
    QFETCH(QList<Match>, expected);
    const SensitiveWordMatcher matcher(words);
    const QList<Match> found = matcher.findAll(text);
    QCOMPARE(found.size(), expected.size());
    for (qsizetype i = 0; i < found.size(); ++i) {
        QCOMPARE(found[i].start, expected[i].start);
        QCOMPARE(found[i].length, expected[i].length);
        QCOMPARE(found[i].wordIndex, expected[i].wordIndex);
    }
    QCOMPARE(matcher.containsAny(text), !expected.isEmpty());
}

void TestSensitiveWordMatcher::wordIndexesNameTheListsWords()
{
    // Duplicates differing only in case collapse to the first spelling.
    const SensitiveWordMatcher matcher(u8List({"VIP", "vip", "代开", " 代开 "}));
    QCOMPARE(matcher.words(), u8List({"VIP", "代开"}));
    const auto found = matcher.findAll(u8("vip代开"));
    QCOMPARE(found.size(), 2);
    QCOMPARE(matcher.words()[found[1].wordIndex], u8("代开"));
}

void TestSensitiveWordMatcher::agreesWithNaiveSearch()
{
    // A small alphabet makes overlaps and shared prefixes common.
    QRandomGenerator random(20260519);
    const QString alphabet = u8("aB发票微");
    for (int round = 0; round < 300; ++round) {
        QStringList words;
        const int count = random.bounded(1, 8);
        for (int w = 0; w < count; ++w) {
            QString word;
            for (int i = random.bounded(1, 5); i > 0; --i)
                word += alphabet[random.bounded(int(alphabet.size()))];
            words << word;
        }
        QString text;
        for (int i = random.bounded(0, 40); i > 0; --i)
            text += alphabet[random.bounded(int(alphabet.size()))];
        const SensitiveWordMatcher matcher(words);
        const QList<Match> expected = naiveFindAll(matcher, text);
        const QList<Match> found = matcher.findAll(text);
        if (found != expected)
            qWarning() << "words" << words << "text" << text;
        QCOMPARE(found.size(), expected.size());
        QVERIFY(found == expected);
    }
}

void TestSensitiveWordMatcher::emptyListFindsNothing()
{
    const SensitiveWordMatcher matcher;
    QVERIFY(matcher.isEmpty());
    QVERIFY(matcher.findAll(u8("任何文字")).isEmpty());
    QVERIFY(!matcher.containsAny(u8("任何文字")));
}

namespace {
Listing completeListing()
{
    Listing listing;
    listing.title = u8("长治市区两室一厅出租");
    listing.categoryId = 3;
    listing.cityCodes = {QStringLiteral("140400")};
    listing.bodyHtml = u8("<p>房东直租，拎包入住。</p><p>价格面议，可代开发票，欢迎来电。</p>");
    listing.contact = {u8("王先生"), QStringLiteral("13800000000"), QStringLiteral("wx-VIP-888")};
    return listing;
}
} // namespace

void TestSensitiveWordMatcher::readinessNamesWordAndPlace()
{
    const SensitiveWordMatcher matcher(u8List({"代开发票", "vip", "出租", "赌博"}));
    const QStringList problems = readinessProblems(completeListing(), &matcher);
    QCOMPARE(problems.size(), 3);
    // Each word once, in the order the listing shows them: title, article, contact.
    QVERIFY2(problems[0].contains(u8("“出租”")) && problems[0].contains(u8("title")) &&
                 problems[0].contains(u8("character 9")),
             qPrintable(problems[0]));
    QVERIFY2(problems[1].contains(u8("“代开发票”")) && problems[1].contains(u8("paragraph 2")) &&
                 problems[1].contains(u8("character 7")) &&
                 problems[1].contains(u8("可代开发票，欢迎")),
             qPrintable(problems[1]));
    QVERIFY2(problems[2].contains(u8("“vip”")) && problems[2].contains(u8("WeChat")),
             qPrintable(problems[2]));

    const auto hits = sensitiveWordHits(completeListing(), matcher);
    QCOMPARE(hits.size(), 3);
    QCOMPARE(hits[1].field, SensitiveWordHit::Field::Article);
    QCOMPARE(hits[1].paragraph, 2);
    QCOMPARE(hits[1].column, 7);
}

void TestSensitiveWordMatcher::readinessWithoutMatcherIsUnchanged()
{
    const Listing listing = completeListing();
    QVERIFY(readinessProblems(listing).isEmpty());
    const SensitiveWordMatcher harmless(u8List({"赌博"}));
    QVERIFY(readinessProblems(listing, &harmless).isEmpty());
    const SensitiveWordMatcher empty;
    QVERIFY(readinessProblems(listing, &empty).isEmpty());

    Listing incomplete = listing;
    incomplete.title.clear();
    const SensitiveWordMatcher matcher(u8List({"发票"}));
    const QStringList problems = readinessProblems(incomplete, &matcher);
    QCOMPARE(problems.size(), 2);
    QCOMPARE(problems[0], readinessProblems(incomplete).constFirst());
}

void TestSensitiveWordMatcher::readinessLimitsPlaces()
{
    Listing listing = completeListing();
    listing.bodyHtml.clear();
    for (int i = 0; i < 8; ++i)
        listing.bodyHtml += u8("<p>发票</p>");
    const SensitiveWordMatcher matcher(u8List({"发票"}));
    const QStringList problems = readinessProblems(listing, &matcher);
    QCOMPARE(problems.size(), 1);
    QVERIFY2(problems[0].contains(u8("paragraph 5")) && !problems[0].contains(u8("paragraph 6")) &&
                 problems[0].contains(u8("3 more")),
             qPrintable(problems[0]));
}

void TestSensitiveWordMatcher::parseList()
{
    QCOMPARE(SensitiveWordList::parse(u8("# 注释\n代开发票\r\n\n  赌博  \nVIP\nvip\n代开发票\n")),
             u8List({"代开发票", "赌博", "VIP"}));
    QVERIFY(SensitiveWordList::parse(QString()).isEmpty());
}

void TestSensitiveWordMatcher::importFile()
{
    SensitiveWordList list;
    list.setWords(u8List({"赌博"}));
    const QString path = m_dir.filePath(QStringLiteral("words.txt"));
    QVERIFY(writeFile(path, "\xEF\xBB\xBF# exported list\r\n"
                            "\xE4\xBB\xA3\xE5\xBC\x80\xE5\x8F\x91\xE7\xA5\xA8\r\n" // 代开发票
                            "\r\n"
                            "\xE8\xB5\x8C\xE5\x8D\x9A\r\n" // 赌博, already there
                            "QQ\n"));
    const auto imported = list.importFile(path);
    QVERIFY2(imported.ok(), qPrintable(imported.error().message));
    QCOMPARE(imported.value(), 2);
    QCOMPARE(list.words(), u8List({"赌博", "代开发票", "QQ"}));
    QVERIFY(list.makeMatcher()->containsAny(u8("加qq")));
}

void TestSensitiveWordMatcher::importRejectsBadFiles_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("reason");
    QTest::newRow("GBK, not UTF-8")
        << QByteArray("\xB4\xFA\xBF\xAA\xB7\xA2\xC6\xB1\n") << QStringLiteral("UTF-8");
    QTest::newRow("binary") << QByteArray("PK\x03\x04\0\0\x14\0", 8)
                            << QStringLiteral("not a text file");
    QTest::newRow("too large") << QByteArray(SensitiveWordList::maxFileSize + 1, 'a')
                               << QStringLiteral("larger than");
}

void TestSensitiveWordMatcher::importRejectsBadFiles()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, reason);
    SensitiveWordList list;
    list.setWords(u8List({"赌博"}));
    const QString path = m_dir.filePath(QStringLiteral("bad.txt"));
    QVERIFY(writeFile(path, bytes));
    const auto imported = list.importFile(path);
    QVERIFY(!imported.ok());
    QVERIFY2(imported.error().message.contains(QStringLiteral("bad.txt")) &&
                 imported.error().message.contains(reason),
             qPrintable(imported.error().message));
    QCOMPARE(list.words(), u8List({"赌博"}));

    const auto missing = list.importFile(m_dir.filePath(QStringLiteral("nosuch.txt")));
    QVERIFY(!missing.ok());
    QVERIFY(missing.error().message.contains(QStringLiteral("no such file")));
    QCOMPARE(list.words(), u8List({"赌博"}));
}

void TestSensitiveWordMatcher::saveAndLoad()
{
    SensitiveWordList list;
    list.setWords(u8List({"代开发票", "赌博", "代开发票"}));
    list.save();
    SensitiveWordList reloaded;
    reloaded.load();
    QCOMPARE(reloaded.words(), u8List({"代开发票", "赌博"}));
    QCOMPARE(QSettings(QStringLiteral("ListingDesk"), QStringLiteral("ListingDesk"))
                 .value(QLatin1String(SensitiveWordList::settingsKey))
                 .toStringList(),
             reloaded.words());
}

QTEST_GUILESS_MAIN(TestSensitiveWordMatcher)
#include "tst_sensitivewordmatcher.moc"
