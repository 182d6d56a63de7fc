#pragma once

#include <QSqlDatabase>
#include <QString>
#include <QVariant>

namespace ListingDesk {

/// The few places where SQLite and PostgreSQL need different SQL, in one
/// place. Everything else in src/storage is SQL both accept (ON CONFLICT,
/// RETURNING, coalesce, `?` placeholders, ISO text times, INTEGER flags), so a
/// repository asks its dialect only for these fragments.
class SqlDialect
{
public:
    enum class Backend { Sqlite, Postgres };

    explicit SqlDialect(Backend backend) : m_backend(backend) {}
    /// The dialect of \a db's driver (QPSQL is PostgreSQL, anything else SQLite).
    static SqlDialect of(const QSqlDatabase &db);

    Backend backend() const { return m_backend; }
    bool isPostgres() const { return m_backend == Backend::Postgres; }

    /// Where the numbered migration files of this dialect are (":/sql/…").
    QString migrationDirectory() const;
    /// One row, one column: the stored schema version. On PostgreSQL it needs
    /// the meta table; ask tableExistsSql() for "meta" first.
    QString schemaVersionSql() const;
    /// Stores \a version as the schema version (our own integer, not user input).
    QString setSchemaVersionSql(int version) const;
    /// A row when the table named by the one bound parameter exists.
    QString tableExistsSql() const;
    /// One row, one column: how many tables the database holds at all.
    QString tableCountSql() const;

    /// "LIKE" on SQLite (case-insensitive for ASCII), "ILIKE" on PostgreSQL.
    QString likeOperator() const;
    /// Whether substring search can use SQLite's FTS5 trigram table
    /// listings_fts; on PostgreSQL the pg_trgm indexes serve ILIKE instead.
    bool hasTrigramTable() const { return m_backend == Backend::Sqlite; }
    /// " INDEXED BY name" on SQLite, whose planner has no statistics and needs
    /// the hint; nothing on PostgreSQL, which plans from its own statistics.
    QString indexHint(const QString &index) const;
    /// A scalar subquery joining \a column of the rows of \a from (a FROM and
    /// WHERE clause) in the order \a orderBy with the text \a separator.
    /// SQLite 3.40 has no ORDER BY inside an aggregate, PostgreSQL's
    /// string_agg has no other way.
    QString orderedJoin(const QString &column, const QString &separator, const QString &from,
                        const QString &orderBy) const;
    /// The local calendar day (YYYY-MM-DD) of the ISO UTC text in \a column,
    /// shifted by the one bound integer parameter (seconds east of UTC).
    QString shiftedDay(const QString &column) const;
    /// The value to bind to LIMIT ?: a negative \a limit means "all rows",
    /// which SQLite reads from -1 and PostgreSQL from NULL (it refuses -1).
    QVariant limitValue(int limit) const;
    /// Moves the id generator of \a table past its largest id (after rows were
    /// inserted with explicit ids); empty on SQLite, whose rowids need nothing.
    QString resetIdentitySql(const QString &table) const;
    /// Appended to a SELECT that picks a row to take (a queue's next job):
    /// on PostgreSQL " FOR UPDATE OF \a alias SKIP LOCKED", so that clients
    /// running the same statement at once each lock a different row and none
    /// waits on another; nothing on SQLite, whose single writer already
    /// serialises the statements.
    QString lockSkippingLocked(const QString &alias) const;

private:
    Backend m_backend;
};

} // namespace ListingDesk
