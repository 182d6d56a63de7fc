#pragma once

#include "result.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <initializer_list>

namespace ListingDesk {

/// A prepared statement with positional bound parameters whose failures come
/// back as an Error naming the statement, instead of a bool to forget about.
/// On a connection Database opened, the prepared statement is borrowed from
/// PreparedStatementCache and handed back when this object goes away.
class SqlStatement
{
public:
    SqlStatement(const QSqlDatabase &db, const QString &sql);
    ~SqlStatement();
    SqlStatement(const SqlStatement &) = delete;
    SqlStatement &operator=(const SqlStatement &) = delete;

    /// Binds the values in order and runs the statement.
    Result<void> exec(std::initializer_list<QVariant> values = {});
    Result<void> exec(const QVariantList &values);

    QSqlQuery &query() { return m_query; }
    bool next() { return m_query.next(); }
    QVariant value(int index) const { return m_query.value(index); }
    int rowsAffected() const { return m_query.numRowsAffected(); }
    QVariant lastInsertId() const { return m_query.lastInsertId(); }

private:
    QSqlQuery m_query;
    QString m_sql;
    QString m_connection; ///< set when the statement goes back to the cache
    bool m_prepared = false;
};

/// A null QString binds as SQL NULL, which the NOT NULL DEFAULT '' columns
/// refuse; an empty field is what callers mean by {}.
inline QVariant sqlText(const QString &value)
{
    return value.isNull() ? QVariant(QStringLiteral("")) : QVariant(value);
}

/// Times are stored as ISO 8601 UTC text with milliseconds, so they sort as
/// text; an invalid time is NULL.
inline QVariant sqlTime(const QDateTime &when)
{
    return when.isValid() ? QVariant(when.toUTC().toString(Qt::ISODateWithMs)) : QVariant();
}

inline QDateTime timeFromSql(const QVariant &value)
{
    if (value.isNull())
        return {};
    return QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
}

/// Runs one statement without results; for DDL and pragmas.
Result<void> execSql(const QSqlDatabase &db, const QString &sql);

/// Ends a transaction the caller began: commits when \a result is ok and
/// rolls back otherwise (or when the commit fails).
template <typename R> R finishTransaction(QSqlDatabase db, R result)
{
    if (!result.ok()) {
        db.rollback();
        return result;
    }
    if (!db.commit()) {
        const QString message = db.lastError().text();
        db.rollback();
        return makeError(
            Error::Kind::Database,
            QCoreApplication::translate("Storage", "Could not save the changes: %1").arg(message));
    }
    return result;
}

/// Commits when \a body succeeds and rolls back otherwise.
template <typename Body> auto inTransaction(QSqlDatabase db, Body &&body) -> decltype(body())
{
    if (!db.transaction())
        return makeError(Error::Kind::Database,
                         QCoreApplication::translate("Storage", "Could not start a transaction: %1")
                             .arg(db.lastError().text()));
    return finishTransaction(db, body());
}

} // namespace ListingDesk
