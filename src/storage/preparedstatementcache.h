#pragma once

#include <QSqlQuery>
#include <QString>

#include <optional>

namespace ListingDesk {

/// Prepared statements kept per connection, so that the same SQL is parsed
/// once instead of on every use (re-preparing was a fifth of the publish
/// queue's CPU time). Only connections that Database opened take part: it
/// enables a connection after opening it and releases it before removing it,
/// because a statement outliving its connection would point at a dead driver.
/// Statements are lent out, so two live SqlStatements with the same SQL each
/// get their own.
class PreparedStatementCache
{
public:
    static void enable(const QString &connection);
    /// Drops every statement of \a connection; call before removeDatabase().
    static void release(const QString &connection);
    static bool isEnabled(const QString &connection);

    /// A prepared statement for \a sql on \a connection, if one is idle.
    static std::optional<QSqlQuery> take(const QString &connection, const QString &sql);
    /// Hands a statement back after use; it is finished (cursor and locks
    /// released) first. Ignored when the connection is not enabled.
    static void giveBack(const QString &connection, const QString &sql, QSqlQuery query);
};

} // namespace ListingDesk
