#include "sqldialect.h"

namespace ListingDesk {

SqlDialect SqlDialect::of(const QSqlDatabase &db)
{
    return SqlDialect(db.driverName() == QLatin1String("QPSQL") ? Backend::Postgres
                                                                : Backend::Sqlite);
}

QString SqlDialect::migrationDirectory() const
{
    return isPostgres() ? QStringLiteral(":/sql/postgresql/") : QStringLiteral(":/sql/");
}

QString SqlDialect::schemaVersionSql() const
{
    return isPostgres()
               ? QStringLiteral(
                     "SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'schema_version'")
               : QStringLiteral("PRAGMA user_version");
}

QString SqlDialect::setSchemaVersionSql(int version) const
{
    // PRAGMA takes no bound parameters; the value is our own integer.
    return isPostgres() ? QStringLiteral("INSERT INTO meta (key, value) VALUES ('schema_version', "
                                         "'%1') ON CONFLICT (key) DO UPDATE SET value = "
                                         "excluded.value")
                              .arg(version)
                        : QStringLiteral("PRAGMA user_version = %1").arg(version);
}

QString SqlDialect::tableExistsSql() const
{
    return isPostgres() ? QStringLiteral("SELECT 1 FROM information_schema.tables WHERE "
                                         "table_schema = current_schema() AND table_name = ?")
                        : QStringLiteral("SELECT 1 FROM sqlite_master WHERE type = 'table' AND "
                                         "name = ?");
}

QString SqlDialect::tableCountSql() const
{
    return isPostgres() ? QStringLiteral("SELECT count(*) FROM information_schema.tables WHERE "
                                         "table_schema = current_schema()")
                        : QStringLiteral("SELECT count(*) FROM sqlite_master");
}

QString SqlDialect::likeOperator() const
{
    return isPostgres() ? QStringLiteral("ILIKE") : QStringLiteral("LIKE");
}

QString SqlDialect::indexHint(const QString &index) const
{
    return isPostgres() ? QString() : QStringLiteral(" INDEXED BY ") + index;
}

QString SqlDialect::orderedJoin(const QString &column, const QString &separator,
                                const QString &from, const QString &orderBy) const
{
    if (isPostgres())
        return QStringLiteral("(SELECT string_agg(%1, %2 ORDER BY %4) %3)")
            .arg(column, separator, from, orderBy);
    return QStringLiteral("(SELECT group_concat(joined_value, %2) FROM (SELECT %1 AS joined_value "
                          "%3 ORDER BY %4))")
        .arg(column, separator, from, orderBy);
}

QString SqlDialect::shiftedDay(const QString &column) const
{
    if (isPostgres())
        return QStringLiteral("to_char((CAST(%1 AS timestamptz) AT TIME ZONE 'UTC') + "
                              "CAST(? AS integer) * interval '1 second', 'YYYY-MM-DD')")
            .arg(column);
    return QStringLiteral("date(%1, ? || ' seconds')").arg(column);
}

QVariant SqlDialect::limitValue(int limit) const
{
    if (limit < 0 && isPostgres())
        return QVariant();
    return limit;
}

QString SqlDialect::resetIdentitySql(const QString &table) const
{
    if (!isPostgres())
        return {};
    return QStringLiteral("SELECT setval(pg_get_serial_sequence('%1', 'id'), "
                          "coalesce((SELECT max(id) FROM %1), 0) + 1, false)")
        .arg(table);
}

QString SqlDialect::lockSkippingLocked(const QString &alias) const
{
    return isPostgres() ? QStringLiteral(" FOR UPDATE OF %1 SKIP LOCKED").arg(alias) : QString();
}

} // namespace ListingDesk
