#include "sqlstatement.h"

#include "preparedstatementcache.h"
#include "storagelog.h"

#include <QCoreApplication>
#include <QSqlError>

namespace ListingDesk {

SqlStatement::SqlStatement(const QSqlDatabase &db, const QString &sql) : m_sql(sql)
{
    const QString connection = db.connectionName();
    if (auto cached = PreparedStatementCache::take(connection, sql)) {
        m_query = std::move(*cached);
        m_prepared = true;
        m_connection = connection;
        return;
    }
    m_query = QSqlQuery(db);
    m_query.setForwardOnly(true);
    m_prepared = m_query.prepare(sql);
    if (m_prepared && PreparedStatementCache::isEnabled(connection))
        m_connection = connection;
}

SqlStatement::~SqlStatement()
{
    if (!m_connection.isEmpty())
        PreparedStatementCache::giveBack(m_connection, m_sql, std::move(m_query));
}

Result<void> SqlStatement::exec(std::initializer_list<QVariant> values)
{
    return exec(QVariantList(values));
}

Result<void> SqlStatement::exec(const QVariantList &values)
{
    if (!m_prepared) {
        qCWarning(lcStorage) << "prepare failed:" << m_query.lastError().text() << m_sql;
        return makeError(
            Error::Kind::Database,
            QCoreApplication::translate("Storage", "The library could not prepare a query (%1).")
                .arg(m_query.lastError().text()));
    }
    for (int i = 0; i < values.size(); ++i) {
        const QVariant &value = values.at(i);
        // Flags are INTEGER 0/1 on both backends; QPSQL would send a bool as
        // TRUE, which PostgreSQL refuses for an integer column.
        m_query.bindValue(i, value.typeId() == QMetaType::Bool ? QVariant(value.toBool() ? 1 : 0)
                                                               : value);
    }
    if (!m_query.exec()) {
        qCWarning(lcStorage) << "exec failed:" << m_query.lastError().text() << m_sql;
        return makeError(
            Error::Kind::Database,
            QCoreApplication::translate("Storage", "The library could not run a query (%1).")
                .arg(m_query.lastError().text()));
    }
    return {};
}

Result<void> execSql(const QSqlDatabase &db, const QString &sql)
{
    QSqlQuery query(db);
    if (!query.exec(sql)) {
        qCWarning(lcStorage) << "exec failed:" << query.lastError().text() << sql;
        return makeError(
            Error::Kind::Database,
            QStringLiteral("%1 (in: %2)").arg(query.lastError().text(), sql.simplified().left(80)));
    }
    return {};
}

} // namespace ListingDesk
