#include "librarycopier.h"

#include "database.h"
#include "sqldialect.h"
#include "sqlstatement.h"
#include "storagelog.h"

#include <QCoreApplication>
#include <QSqlRecord>

namespace ListingDesk {

namespace {

struct TableOrder
{
    const char *name;
    const char *orderBy; // parents before children, so foreign keys hold row by row
};

// Every table of schema 6 in an order that satisfies the foreign keys. The
// full-text table of SQLite is not here: its triggers fill it from listings.
constexpr TableOrder tables[] = {
    {"regions", "level, code"},
    {"categories", "parent_id IS NOT NULL, id"},
    {"listings", "id"},
    {"listing_regions", "listing_id, region_code"},
    {"revisions", "id"},
    {"portals", "id"},
    {"portal_terms", "portal_id, kind, local_key"},
    {"remote_posts", "id"},
    {"media_uploads", "sha256, portal_id"},
    {"media", "sha256"},
    {"outbox", "id"},
};

// What a user would lose if the copy replaced it.
constexpr const char *userTables[] = {"listings", "portals", "media", "outbox"};

QString translate(const char *text)
{
    return QCoreApplication::translate("LibraryCopier", text);
}

Result<qint64> countRows(const QSqlDatabase &db, const QString &table)
{
    SqlStatement count(db, QStringLiteral("SELECT count(*) FROM ") + table);
    if (auto done = count.exec(); !done)
        return done.error();
    return count.next() ? count.value(0).toLongLong() : 0;
}

Result<qint64> copyTable(const QSqlDatabase &from, const QSqlDatabase &to, const TableOrder &table)
{
    const QString name = QLatin1String(table.name);
    const QSqlRecord record = to.record(name);
    if (record.isEmpty())
        return makeError(Error::Kind::Database,
                         translate("The target library has no table %1.").arg(name));
    QStringList columns;
    QStringList marks;
    for (int i = 0; i < record.count(); ++i) {
        columns << record.fieldName(i);
        marks << QStringLiteral("?");
    }
    const QString columnList = columns.join(QLatin1String(", "));
    SqlStatement read(from, QStringLiteral("SELECT %1 FROM %2 ORDER BY %3")
                                .arg(columnList, name, QLatin1String(table.orderBy)));
    if (auto done = read.exec(); !done)
        return done.error();
    SqlStatement write(to, QStringLiteral("INSERT INTO %1 (%2) VALUES (%3)")
                               .arg(name, columnList, marks.join(QLatin1String(", "))));
    qint64 rows = 0;
    QVariantList values;
    values.reserve(columns.size());
    while (read.next()) {
        values.clear();
        for (int i = 0; i < columns.size(); ++i)
            values << read.value(i);
        if (auto done = write.exec(values); !done)
            return done.error();
        ++rows;
    }
    return rows;
}

} // namespace

Result<QList<LibraryCopier::TableCount>> LibraryCopier::copy(Database &source, Database &target)
{
    if (source.schemaVersion() != Database::currentSchemaVersion ||
        target.schemaVersion() != Database::currentSchemaVersion)
        return makeError(Error::Kind::Database,
                         translate("Both libraries must be open at format %1 to be copied.")
                             .arg(Database::currentSchemaVersion));
    const QSqlDatabase from = source.connection();
    const QSqlDatabase to = target.connection();
    for (const char *table : userTables) {
        auto rows = countRows(to, QLatin1String(table));
        if (!rows)
            return rows.error();
        if (rows.value() > 0)
            return makeError(Error::Kind::Conflict,
                             translate("%1 is not empty (its table %2 holds %3 rows); a library "
                                       "is copied only into an empty one, so nothing was changed.")
                                 .arg(target.path(), QLatin1String(table))
                                 .arg(rows.value()));
    }

    QList<TableCount> counts;
    const SqlDialect dialect = SqlDialect::of(to);
    // A read transaction on the source too: a save during the copy cannot
    // make the copied tables disagree with each other.
    auto copied = inTransaction(from, [&]() -> Result<void> {
        // PostgreSQL's default isolation takes a new snapshot per statement.
        if (SqlDialect::of(from).isPostgres()) {
            if (auto done = execSql(
                    from, QStringLiteral("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ"));
                !done)
                return done;
        }
        return inTransaction(to, [&]() -> Result<void> {
            // Children first: the seeded regions and categories make way for
            // the source's own, whose ids the listings refer to.
            for (auto it = std::rbegin(tables); it != std::rend(tables); ++it) {
                if (auto done =
                        execSql(to, QStringLiteral("DELETE FROM ") + QLatin1String(it->name));
                    !done)
                    return done;
            }
            for (const TableOrder &table : tables) {
                auto rows = copyTable(from, to, table);
                if (!rows)
                    return makeError(rows.error().kind,
                                     translate("Copying the table %1 failed: %2")
                                         .arg(QLatin1String(table.name), rows.error().message));
                counts << TableCount{QLatin1String(table.name), rows.value()};
                const QString reset = dialect.resetIdentitySql(QLatin1String(table.name));
                if (!reset.isEmpty() &&
                    to.record(QLatin1String(table.name)).contains(QStringLiteral("id"))) {
                    if (auto done = execSql(to, reset); !done)
                        return done;
                }
            }
            return {};
        });
    });
    if (!copied)
        return copied.error();
    // Fresh statistics for the planner, and a visibility map so that counts
    // can read an index instead of every row: until autovacuum comes round,
    // a freshly filled PostgreSQL library is planned as if it were empty
    // (the first 50 of 100,000 listings took 2.8 s). Outside the transaction:
    // VACUUM cannot run inside one. Our tables only: the shared catalogs are
    // the superuser's.
    if (dialect.isPostgres()) {
        QStringList names;
        for (const TableOrder &table : tables)
            names << QLatin1String(table.name);
        const QString vacuum =
            QStringLiteral("VACUUM (ANALYZE) ") + names.join(QLatin1String(", "));
        if (auto done = execSql(to, vacuum); !done)
            qCWarning(lcStorage) << "VACUUM after the copy failed:" << done.error().message;
    }
    qCInfo(lcStorage) << "copied" << source.path() << "to" << target.path();
    return counts;
}

} // namespace ListingDesk
