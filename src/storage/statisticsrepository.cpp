#include "statisticsrepository.h"

#include "databaselocation.h"
#include "sqldialect.h"
#include "sqlstatement.h"

#include <QSqlError>
#include <QTimeZone>

namespace ListingDesk {

namespace {

// Maps every city and county to its prefecture-level city, so that a listing
// (or post) aimed at a county counts for the city it lies in. Provinces are
// left out: a whole province is not a city sub-site.
const QString cityOf = QStringLiteral(
    "city_of(code, city) AS (SELECT code, CASE level WHEN 3 THEN parent_code ELSE code END "
    "FROM regions WHERE level >= 2)");

// Live listings are "not in the trash". The trash is small and the narrow
// listings_deleted index answers this without touching a listing row: those
// rows are wide (the article) and `deleted` sits behind the article, so a
// join that reads l.deleted reads every article too (0.9 s per chart on
// 100,000 listings instead of tens of milliseconds).
QString notTrashed(const SqlDialect &dialect)
{
    return QStringLiteral("NOT IN (SELECT id FROM listings") +
           dialect.indexHint(QStringLiteral("listings_deleted")) +
           QStringLiteral(" WHERE deleted = 1)");
}

} // namespace

Result<bool> StatisticsRepository::hasRemotePosts()
{
    // remote_posts arrives with migration 4; an older library simply has no
    // portal figures yet, which is not an error worth showing.
    SqlStatement q(m_db, SqlDialect::of(m_db).tableExistsSql());
    if (auto done = q.exec({QStringLiteral("remote_posts")}); !done)
        return done.error();
    return q.next();
}

Result<QList<StatusCount>> StatisticsRepository::listingsByStatus()
{
    // Reads only the (deleted, status, updated_at) index.
    SqlStatement q(m_db, QStringLiteral("SELECT status, COUNT(*) FROM listings WHERE deleted = 0 "
                                        "GROUP BY status"));
    if (auto done = q.exec(); !done)
        return done.error();
    QList<StatusCount> counts;
    while (q.next()) {
        StatusCount c;
        if (statusFromKey(q.value(0).toString(), &c.status)) {
            c.count = q.value(1).toLongLong();
            counts << c;
        }
    }
    std::sort(counts.begin(), counts.end(),
              [](const StatusCount &a, const StatusCount &b) { return a.status < b.status; });
    return counts;
}

Result<QList<CityCount>> StatisticsRepository::listingsByCity(int limit)
{
    SqlStatement q(
        m_db, QStringLiteral("WITH ") + cityOf +
                  QStringLiteral(" SELECT c.code, c.short_name, COUNT(DISTINCT lr.listing_id) AS n "
                                 "FROM listing_regions lr "
                                 "JOIN city_of m ON m.code = lr.region_code "
                                 "JOIN regions c ON c.code = m.city "
                                 "WHERE lr.listing_id ") +
                  notTrashed(SqlDialect::of(m_db)) +
                  QStringLiteral(" GROUP BY c.code ORDER BY n DESC, c.code LIMIT ?"));
    if (auto done = q.exec({limit}); !done)
        return done.error();
    QList<CityCount> counts;
    while (q.next())
        counts << CityCount{q.value(0).toString(), q.value(1).toString(), q.value(2).toLongLong()};
    return counts;
}

Result<QList<CategoryCount>> StatisticsRepository::listingsByCategory()
{
    // Count per category first (one pass over the category_id index, which
    // holds the rowid too), then fold the few hundred categories into their roots.
    SqlStatement q(
        m_db,
        QStringLiteral(
            "WITH RECURSIVE tree(id, root) AS ("
            "  SELECT id, id FROM categories WHERE parent_id IS NULL"
            "  UNION ALL SELECT c.id, t.root FROM categories c JOIN tree t ON c.parent_id = t.id), "
            "per_category(category_id, n) AS ("
            "  SELECT category_id, COUNT(*) FROM listings") +
            SqlDialect::of(m_db).indexHint(QStringLiteral("listings_category")) +
            QStringLiteral("  WHERE category_id IS NOT NULL AND id ") +
            notTrashed(SqlDialect::of(m_db)) +
            QStringLiteral(" GROUP BY category_id) "
                           "SELECT r.id, r.name, r.name_en, SUM(p.n) AS total FROM per_category p "
                           "JOIN tree t ON t.id = p.category_id JOIN categories r ON r.id = t.root "
                           "GROUP BY r.id ORDER BY total DESC, r.position, r.id"));
    if (auto done = q.exec(); !done)
        return done.error();
    QList<CategoryCount> counts;
    while (q.next())
        counts << CategoryCount{q.value(0).toLongLong(), q.value(1).toString(),
                                q.value(2).toString(), q.value(3).toLongLong()};
    return counts;
}

Result<QList<DayCount>> StatisticsRepository::publishedPerDay(const QDate &lastDay, int days,
                                                              int utcOffsetSeconds)
{
    QList<DayCount> perDay;
    if (days <= 0 || !lastDay.isValid())
        return perDay;
    const QDate firstDay = lastDay.addDays(1 - days);
    for (int i = 0; i < days; ++i)
        perDay << DayCount{firstDay.addDays(i), 0};
    auto exists = hasRemotePosts();
    if (!exists)
        return exists.error();
    if (!exists.value())
        return perDay;

    const QTimeZone zone(utcOffsetSeconds);
    const QDateTime from(firstDay, QTime(0, 0), zone);
    const QDateTime to(lastDay.addDays(1), QTime(0, 0), zone);
    // published_at is UTC text that sorts as time, so the range is an index-
    // free but cheap comparison; the shift makes date() give the local day.
    SqlStatement q(m_db, QStringLiteral("SELECT ") +
                             SqlDialect::of(m_db).shiftedDay(QStringLiteral("published_at")) +
                             QStringLiteral(", COUNT(*) FROM remote_posts "
                                            "WHERE published_at >= ? AND published_at < ? "
                                            "GROUP BY 1"));
    if (auto done = q.exec({utcOffsetSeconds, sqlTime(from), sqlTime(to)}); !done)
        return done.error();
    while (q.next()) {
        const QDate day = QDate::fromString(q.value(0).toString(), Qt::ISODate);
        const qint64 index = firstDay.daysTo(day);
        if (index >= 0 && index < days)
            perDay[index].count = q.value(1).toLongLong();
    }
    return perDay;
}

Result<QList<CityCount>> StatisticsRepository::viewsByCity(int limit)
{
    QList<CityCount> counts;
    auto exists = hasRemotePosts();
    if (!exists)
        return exists.error();
    if (!exists.value())
        return counts;
    SqlStatement q(m_db, QStringLiteral("WITH ") + cityOf +
                             QStringLiteral(" SELECT c.code, c.short_name, SUM(p.views) AS total "
                                            "FROM remote_posts p "
                                            "JOIN city_of m ON m.code = p.region_code "
                                            "JOIN regions c ON c.code = m.city "
                                            "WHERE p.views IS NOT NULL "
                                            "GROUP BY c.code ORDER BY total DESC, c.code LIMIT ?"));
    if (auto done = q.exec({limit}); !done)
        return done.error();
    while (q.next())
        counts << CityCount{q.value(0).toString(), q.value(1).toString(), q.value(2).toLongLong()};
    return counts;
}

Result<QList<ListingViews>> StatisticsRepository::topListingsByViews(int limit)
{
    QList<ListingViews> top;
    auto exists = hasRemotePosts();
    if (!exists)
        return exists.error();
    if (!exists.value())
        return top;
    // Sum and rank in remote_posts; only the winners' titles are read.
    SqlStatement q(m_db, QStringLiteral("WITH top(listing_id, total) AS ("
                                        "  SELECT listing_id, SUM(views) AS total FROM remote_posts"
                                        "  WHERE views IS NOT NULL AND listing_id ") +
                             notTrashed(SqlDialect::of(m_db)) +
                             QStringLiteral(" GROUP BY listing_id ORDER BY total DESC, listing_id "
                                            "LIMIT ?) "
                                            "SELECT l.id, l.title, top.total FROM top "
                                            "JOIN listings l ON l.id = top.listing_id "
                                            "ORDER BY top.total DESC, l.id"));
    if (auto done = q.exec({limit}); !done)
        return done.error();
    while (q.next())
        top << ListingViews{q.value(0).toLongLong(), q.value(1).toString(),
                            q.value(2).toLongLong()};
    return top;
}

Result<LibraryStatistics> StatisticsRepository::readAll(const QDate &today, int days,
                                                        int utcOffsetSeconds)
{
    // A read transaction: a save between two queries cannot make the charts
    // disagree with each other.
    const bool inTransaction = m_db.transaction();
    LibraryStatistics all;
    Error failure;
    bool failed = false;
    auto take = [&](auto result, auto *into) {
        if (result)
            *into = std::move(result).value();
        else if (!failed) {
            failed = true;
            failure = result.error();
        }
    };
    take(listingsByStatus(), &all.byStatus);
    take(listingsByCity(15), &all.byCity);
    take(listingsByCategory(), &all.byCategory);
    take(publishedPerDay(today, days, utcOffsetSeconds), &all.publishedPerDay);
    take(viewsByCity(15), &all.viewsByCity);
    take(topListingsByViews(10), &all.topListings);
    if (inTransaction)
        m_db.commit();
    if (failed)
        return failure;
    return all;
}

Result<QSqlDatabase> StatisticsRepository::openReadOnly(const QString &path,
                                                        const QString &connectionName)
{
    auto location = DatabaseLocation::parse(path);
    if (!location)
        return location.error();
    QSqlDatabase db = location.value().addConnection(connectionName);
    if (!location.value().isPostgres())
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=5000"));
    if (!db.open())
        return makeError(Error::Kind::Database,
                         QCoreApplication::translate("Storage", "Cannot read the library %1: %2")
                             .arg(location.value().displayName(), db.lastError().text()));
    // The statistics worker only reads; on PostgreSQL the session says so.
    if (location.value().isPostgres()) {
        QSqlQuery readOnly(db);
        readOnly.exec(QStringLiteral("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY"));
    }
    return db;
}

} // namespace ListingDesk
