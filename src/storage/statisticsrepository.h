#pragma once

#include "listingstatus.h"
#include "result.h"

#include <QDate>
#include <QList>
#include <QSqlDatabase>
#include <QString>

namespace ListingDesk {

/// Live (not trashed) listings in one local status.
struct StatusCount
{
    ListingStatus status = ListingStatus::Draft;
    qint64 count = 0;
};

/// A prefecture-level city and a number: listings targeting it, or views of
/// the posts on its sub-site.
struct CityCount
{
    QString code;      ///< GB/T 2260 code of the city (level 2)
    QString shortName; ///< "长治"
    qint64 count = 0;
};

/// Listings under one top-level category (the category or any child).
struct CategoryCount
{
    qint64 categoryId = 0;
    QString name;   ///< "房产"
    QString nameEn; ///< "Real estate"
    qint64 count = 0;
};

/// Posts that went live on a portal on one local calendar day.
struct DayCount
{
    QDate day;
    qint64 count = 0;
};

/// The views a portal reported for one listing, summed over its posts.
struct ListingViews
{
    qint64 listingId = 0;
    QString title;
    qint64 views = 0;
};

/// Everything the statistics view shows, read in one go.
struct LibraryStatistics
{
    QList<StatusCount> byStatus;
    QList<CityCount> byCity;
    QList<CategoryCount> byCategory;
    QList<DayCount> publishedPerDay;
    QList<CityCount> viewsByCity;
    QList<ListingViews> topListings;
};

/// The aggregates behind the statistics view. Every figure is computed by
/// SQLite (one GROUP BY each), never by walking listings in memory, so a
/// 100,000-listing library answers in milliseconds (tests/bench/bench_statistics).
/// The remote_posts figures are empty, not errors, on a library without that
/// table (schema < 4).
class StatisticsRepository
{
public:
    explicit StatisticsRepository(QSqlDatabase db) : m_db(std::move(db)) {}

    /// Only statuses with at least one listing, in life-cycle order.
    Result<QList<StatusCount>> listingsByStatus();
    /// The \a limit cities with most listings, most first. A listing counts
    /// once under each city it targets; a county counts for its city.
    Result<QList<CityCount>> listingsByCity(int limit = 15);
    /// Top-level categories with at least one listing, most first.
    Result<QList<CategoryCount>> listingsByCategory();
    /// One entry per day for the \a days days ending with \a lastDay (oldest
    /// first, zero where nothing was published). Days are local to
    /// \a utcOffsetSeconds because published_at is stored in UTC.
    Result<QList<DayCount>> publishedPerDay(const QDate &lastDay, int days, int utcOffsetSeconds);
    /// Summed views of the posts per city, most first; only posts whose
    /// portal reports views.
    Result<QList<CityCount>> viewsByCity(int limit = 15);
    /// The \a limit live listings with most views, most first.
    Result<QList<ListingViews>> topListingsByViews(int limit = 10);

    /// Every figure above with the view's limits (15 cities, 10 listings,
    /// \a days days ending today), in one read transaction so they agree.
    Result<LibraryStatistics> readAll(const QDate &today, int days, int utcOffsetSeconds);

    /// Opens a second, read-only connection to the library file at \a path
    /// named \a connectionName, for reading statistics in another thread
    /// while the GUI's connection writes (WAL lets both go on at once).
    /// Remove it with QSqlDatabase::removeDatabase() when done.
    static Result<QSqlDatabase> openReadOnly(const QString &path, const QString &connectionName);

private:
    Result<bool> hasRemotePosts();

    QSqlDatabase m_db;
};

} // namespace ListingDesk
