// listingdesk-bench-statistics: how long each aggregate of the statistics view
// takes on a big library.
//
//   listingdesk-bench-statistics LIBRARY [--runs 5]
//
// LIBRARY is a library made by listingdesk-generate (scripts/bench.sh makes
// /tmp/listingdesk-bench-100k.sqlite). The bench works on a copy in a
// temporary directory, because it adds what the generator cannot make yet:
// one remote post per (published listing, city), published over the last 60
// days, with views, the way a sync with a portal that reports views leaves
// them. Each query of StatisticsRepository then runs --runs times; the figures
// are the median and the slowest run, and the total of the medians (what one
// refresh of the view costs). This is a benchmark, not a test.

#include "library.h"
#include "sqlstatement.h"
#include "statisticsrepository.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QTextStream>

#include <algorithm>
#include <functional>

using namespace ListingDesk;

namespace {

QTextStream out(stdout);
QTextStream err(stderr);

Result<qint64> addRemotePosts(Library &library)
{
    QSqlDatabase db = library.database().connection();
    auto portal = [&]() -> Result<qint64> {
        PortalInfo info;
        info.name = QStringLiteral("bench");
        info.baseUrl = QStringLiteral("http://127.0.0.1:9/");
        return library.portals().add(info);
    }();
    if (!portal)
        return portal.error();
    // Deterministic spread: the day and the views follow from the ids.
    const QString now = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
    auto done = execSql(
        db, QStringLiteral(
                "INSERT INTO remote_posts (listing_id, portal_id, region_code, client_key, "
                "remote_id, state, views, published_at) "
                "SELECT lr.listing_id, %1, lr.region_code, 'k' || lr.listing_id || lr.region_code, "
                "lr.listing_id, 'published', (lr.listing_id * 7919) % 500, "
                "strftime('%Y-%m-%dT%H:%M:%fZ', '%2', '-' || (lr.listing_id % 60) || ' days') "
                "FROM listing_regions lr JOIN listings l ON l.id = lr.listing_id "
                "WHERE l.status IN ('published', 'modified', 'conflict')")
                .arg(portal.value())
                .arg(now));
    if (!done)
        return done.error();
    SqlStatement count(db, QStringLiteral("SELECT COUNT(*) FROM remote_posts"));
    if (auto counted = count.exec(); !counted || !count.next())
        return makeError(Error::Kind::Database, QStringLiteral("cannot count remote posts"));
    return count.value(0).toLongLong();
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("library"), QStringLiteral("Generated library."));
    const QCommandLineOption runsOption(QStringLiteral("runs"), QStringLiteral("Runs per query."),
                                        QStringLiteral("n"), QStringLiteral("5"));
    parser.addOption(runsOption);
    parser.process(app);
    if (parser.positionalArguments().size() != 1) {
        err << "usage: listingdesk-bench-statistics LIBRARY [--runs N]\n";
        return 2;
    }
    const int runs = std::max(1, parser.value(runsOption).toInt());

    QTemporaryDir dir;
    const QString copy = dir.filePath(QStringLiteral("library.sqlite"));
    if (!dir.isValid() || !QFile::copy(parser.positionalArguments().constFirst(), copy)) {
        err << "cannot copy the library into " << dir.path() << '\n';
        return 1;
    }
    Library library;
    if (auto opened = library.open(copy); !opened) {
        err << opened.error().message << '\n';
        return 1;
    }
    auto posts = addRemotePosts(library);
    if (!posts) {
        err << posts.error().message << '\n';
        return 1;
    }
    QSqlDatabase db = library.database().connection();
    SqlStatement live(db, QStringLiteral("SELECT COUNT(*) FROM listings WHERE deleted = 0"));
    if (!live.exec() || !live.next())
        return 1;
    out << "library: " << live.value(0).toLongLong() << " live listings, " << posts.value()
        << " remote posts (added to a copy)\n\n";

    StatisticsRepository stats(db);
    const QDate today = QDate::currentDate();
    const int offset = QDateTime::currentDateTime().offsetFromUtc();
    struct Case
    {
        const char *name;
        std::function<qsizetype()> run; // returns the number of rows, -1 on error
    };
    auto rows = [](const auto &result) -> qsizetype { return result ? result.value().size() : -1; };
    const QList<Case> cases = {
        {"listings by status", [&] { return rows(stats.listingsByStatus()); }},
        {"listings per city (top 15)", [&] { return rows(stats.listingsByCity(15)); }},
        {"listings per top category", [&] { return rows(stats.listingsByCategory()); }},
        {"published per day (30 days)",
         [&] { return rows(stats.publishedPerDay(today, 30, offset)); }},
        {"views per city (top 15)", [&] { return rows(stats.viewsByCity(15)); }},
        {"top listings by views (10)", [&] { return rows(stats.topListingsByViews(10)); }},
    };
    // What one refresh of the view costs its background thread: all of the
    // above in one read transaction on a second, read-only connection.
    auto second = StatisticsRepository::openReadOnly(copy, QStringLiteral("bench-read-only"));
    if (!second) {
        err << second.error().message << '\n';
        return 1;
    }
    StatisticsRepository reader(second.value());
    const QList<Case> together = {{"readAll (read-only connection)", [&]() -> qsizetype {
                                       auto all = reader.readAll(today, 30, offset);
                                       return all ? all.value().byCity.size() : -1;
                                   }}};

    out << QStringLiteral("%1 %2 %3 %4\n")
               .arg(QStringLiteral("query"), -30)
               .arg(QStringLiteral("rows"), 5)
               .arg(QStringLiteral("median ms"), 10)
               .arg(QStringLiteral("max ms"), 8);
    double total = 0;
    const QList<Case> all = cases + together;
    for (qsizetype index = 0; index < all.size(); ++index) {
        const Case &c = all.at(index);
        QList<double> times;
        qsizetype count = 0;
        for (int i = 0; i < runs; ++i) {
            QElapsedTimer timer;
            timer.start();
            count = c.run();
            times << timer.nsecsElapsed() / 1e6;
            if (count < 0) {
                err << c.name << ": query failed\n";
                return 1;
            }
        }
        std::sort(times.begin(), times.end());
        const double median = times.at(times.size() / 2);
        if (index < cases.size())
            total += median;
        out << QStringLiteral("%1 %2 %3 %4\n")
                   .arg(QString::fromUtf8(c.name), -30)
                   .arg(count, 5)
                   .arg(median, 10, 'f', 1)
                   .arg(times.constLast(), 8, 'f', 1);
    }
    out << QStringLiteral("%1 %2\n")
               .arg(QStringLiteral("one refresh (sum of medians)"), -36)
               .arg(total, 10, 'f', 1);
    return 0;
}
