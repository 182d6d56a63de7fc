// listingdesk-bench-search: how long the city picker's search takes per
// keystroke, over the real region table (about 3,200 regions).
//
//   listingdesk-bench-search [--rounds 50] [--limit 50]
//
// Makes a fresh library in a temporary directory (so the seeded region table
// is exactly the one this build ships), builds the search index the way the
// picker does (regionSearchEntries() + PlaceSearchIndex::setEntries()), then
// runs a fixed list of 200 queries -- Chinese of 1 to 3 characters, full
// pinyin with and without spaces, initials, and every prefix of a few names
// typed keystroke by keystroke -- for a number of rounds. Each search is
// timed on its own; the figures are the median and 95th percentile over all
// of them, and the median of the slowest query. The target is a median of at
// most 1 ms. Build it in Release for figures that mean something
// (scripts/bench.sh's build-bench, or -DCMAKE_BUILD_TYPE=Release).
//
// This is a benchmark, not a test: it prints figures and fails only when the
// library cannot be made.

#include "library.h"
#include "placesearch.h"
#include "searchentries.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTextStream>

#include <algorithm>

using namespace ListingDesk;
using namespace Qt::StringLiterals;

namespace {

QTextStream out(stdout);
QTextStream err(stderr);

// Every prefix of \a word, as typed one key at a time: t, ta, tai, ...
QStringList keystrokes(const QString &word)
{
    QStringList prefixes;
    for (qsizetype i = 1; i <= word.size(); ++i)
        prefixes << word.left(i);
    return prefixes;
}

QStringList fixedQueries()
{
    QStringList queries;
    // Chinese, 1 to 3 characters (common first characters match hundreds).
    queries << QStringList{
        u"长"_s,     u"治"_s,     u"州"_s,     u"山"_s,     u"江"_s,     u"南"_s,     u"北"_s,
        u"新"_s,     u"阳"_s,     u"县"_s,     u"东"_s,     u"西"_s,     u"长治"_s,   u"太原"_s,
        u"北京"_s,   u"上海"_s,   u"广州"_s,   u"深圳"_s,   u"重庆"_s,   u"厦门"_s,   u"六安"_s,
        u"吕梁"_s,   u"成都"_s,   u"西安"_s,   u"杭州"_s,   u"南京"_s,   u"武汉"_s,   u"郑州"_s,
        u"济南"_s,   u"长沙"_s,   u"昆明"_s,   u"贵阳"_s,   u"拉萨"_s,   u"兰州"_s,   u"银川"_s,
        u"西宁"_s,   u"长治市"_s, u"太原市"_s, u"石家庄"_s, u"哈尔滨"_s, u"乌鲁木"_s, u"呼和浩"_s,
        u"乐亭县"_s, u"蔚县"_s,   u"长子县"_s, u"城中区"_s, u"朝阳区"_s, u"新城区"_s,
    };
    // Full pinyin, also with spaces, upper case and ü.
    queries << QStringList{
        u"changzhi"_s,  u"taiyuan"_s,  u"beijing"_s,   u"shanghai"_s, u"guangzhou"_s, u"shenzhen"_s,
        u"chongqing"_s, u"xiamen"_s,   u"luan"_s,      u"laoting"_s,  u"yuxian"_s,    u"lvliang"_s,
        u"luliang"_s,   u"zhangzi"_s,  u"hangzhou"_s,  u"nanjing"_s,  u"wuhan"_s,     u"chengdu"_s,
        u"xian"_s,      u"kunming"_s,  u"zhengzhou"_s, u"jinan"_s,    u"changsha"_s,  u"guiyang"_s,
        u"lasa"_s,      u"lanzhou"_s,  u"yinchuan"_s,  u"xining"_s,   u"haerbin"_s,   u"chaoyang"_s,
        u"chang zhi"_s, u"tai yuan"_s, u"CHANGZHI"_s,  u"lü liang"_s, u"xi'an"_s,
    };
    // Initials.
    queries << QStringList{
        u"cz"_s,   u"ty"_s,   u"bj"_s,  u"sh"_s, u"gz"_s, u"sz"_s, u"cq"_s,  u"xm"_s,
        u"la"_s,   u"ll"_s,   u"hz"_s,  u"nj"_s, u"wh"_s, u"cd"_s, u"km"_s,  u"zz"_s,
        u"jn"_s,   u"cs"_s,   u"gy"_s,  u"lz"_s, u"yc"_s, u"xn"_s, u"sjz"_s, u"heb"_s,
        u"wlmq"_s, u"hhht"_s, u"czs"_s, u"xc"_s, u"cy"_s, u"dc"_s,
    };
    // Keystroke by keystroke.
    for (const QString &word :
         {u"taiyuan"_s, u"changzhi"_s, u"shijiazhuang"_s, u"wulumuqi"_s, u"huhehaote"_s,
          u"lvliang"_s, u"guangzhou"_s, u"chongqing"_s, u"xiamen"_s})
        queries << keystrokes(word);
    // Pinyin prefixes that stop at a syllable boundary.
    queries << QStringList{u"chang"_s, u"zhang"_s, u"shan"_s,  u"xin"_s, u"nan"_s, u"bei"_s,
                           u"dong"_s,  u"xi"_s,    u"jiang"_s, u"he"_s,  u"hu"_s,  u"an"_s};
    return queries;
}

double percentile(std::vector<double> values, double p)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    const auto index = std::size_t(p * double(values.size() - 1) + 0.5);
    return values.at(std::min(index, values.size() - 1));
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Times the region search over the real region table."));
    parser.addHelpOption();
    const QCommandLineOption roundsOption(QStringLiteral("rounds"),
                                          QStringLiteral("How often the 200 queries run."),
                                          QStringLiteral("N"), QStringLiteral("50"));
    const QCommandLineOption limitOption(QStringLiteral("limit"),
                                         QStringLiteral("Hits per search, as the picker asks."),
                                         QStringLiteral("N"), QStringLiteral("50"));
    parser.addOptions({roundsOption, limitOption});
    parser.process(app);
    const int rounds = std::max(1, parser.value(roundsOption).toInt());
    const int limit = parser.value(limitOption).toInt();

    const QStringList queries = fixedQueries();
    if (queries.size() != 200) {
        err << "bench-search: the query list has " << queries.size() << " entries, not 200"
            << Qt::endl;
        return 1;
    }

    QTemporaryDir dir;
    Library library;
    if (auto opened = library.open(dir.filePath(QStringLiteral("library.sqlite"))); !opened) {
        err << "bench-search: " << opened.error().message << Qt::endl;
        return 1;
    }

    // Index build, as the picker does it when it opens: the first time
    // includes reading the region table; later builds reuse the repository's
    // cached rows.
    QElapsedTimer timer;
    timer.start();
    QList<SearchEntry> entries = regionSearchEntries(library.regions());
    const double firstEntriesMs = double(timer.nsecsElapsed()) / 1e6;
    if (entries.isEmpty()) {
        err << "bench-search: the region table is empty" << Qt::endl;
        return 1;
    }
    PlaceSearchIndex index;
    timer.restart();
    index.setEntries(entries);
    const double firstIndexMs = double(timer.nsecsElapsed()) / 1e6;
    std::vector<double> rebuildMs;
    for (int i = 0; i < 20; ++i) {
        timer.restart();
        PlaceSearchIndex again;
        again.setEntries(regionSearchEntries(library.regions()));
        rebuildMs.push_back(double(timer.nsecsElapsed()) / 1e6);
    }

    // Warm up once, then time every search on its own.
    qsizetype hitCount = 0;
    for (const QString &query : queries)
        hitCount += index.search(query, limit).size();
    std::vector<double> all;
    all.reserve(std::size_t(rounds) * std::size_t(queries.size()));
    std::vector<std::vector<double>> perQuery(std::size_t(queries.size()));
    for (int round = 0; round < rounds; ++round) {
        for (qsizetype q = 0; q < queries.size(); ++q) {
            timer.restart();
            const QList<SearchHit> hits = index.search(queries.at(q), limit);
            const double us = double(timer.nsecsElapsed()) / 1e3;
            all.push_back(us);
            perQuery[std::size_t(q)].push_back(us);
            if (hits.size() > limit && limit >= 0)
                return 1; // keeps the call from being optimised away, and checks the limit
        }
    }
    double slowestMedian = 0;
    QString slowestQuery;
    for (qsizetype q = 0; q < queries.size(); ++q) {
        const double median = percentile(perQuery[std::size_t(q)], 0.5);
        if (median > slowestMedian) {
            slowestMedian = median;
            slowestQuery = queries.at(q);
        }
    }

    out << "Region search over " << entries.size() << " regions, " << queries.size()
        << " queries x " << rounds << " rounds, limit " << limit << " (" << hitCount
        << " hits per round)" << Qt::endl;
    out << QStringLiteral("  index build: first %1 ms (entries %2 ms incl. reading the table, "
                          "setEntries %3 ms); rebuild median %4 ms")
               .arg(firstEntriesMs + firstIndexMs, 0, 'f', 2)
               .arg(firstEntriesMs, 0, 'f', 2)
               .arg(firstIndexMs, 0, 'f', 2)
               .arg(percentile(rebuildMs, 0.5), 0, 'f', 2)
        << Qt::endl;
    out << QStringLiteral("  per query: median %1 us, p95 %2 us, max %3 us; slowest query "
                          "\"%4\" median %5 us")
               .arg(percentile(all, 0.5), 0, 'f', 1)
               .arg(percentile(all, 0.95), 0, 'f', 1)
               .arg(percentile(all, 1.0), 0, 'f', 1)
               .arg(slowestQuery)
               .arg(slowestMedian, 0, 'f', 1)
        << Qt::endl;
    out << QStringLiteral("  target: median <= 1000 us: %1")
               .arg(percentile(all, 0.5) <= 1000 ? QStringLiteral("met")
                                                 : QStringLiteral("NOT met"))
        << Qt::endl;
    return 0;
}
