#include "preparedstatementcache.h"

#include <QMutex>
#include <QMutexLocker>

#include <unordered_map>
#include <vector>

namespace ListingDesk {

namespace {

// Statements built with literal values (id lists) would grow the cache
// without bound; past these limits a statement is simply not kept.
constexpr std::size_t maxStatementsPerConnection = 256;
constexpr std::size_t maxIdleCopiesPerStatement = 4;

// Standard containers, because QSqlQuery can be moved but not copied.
struct Pool
{
    std::unordered_map<QString, std::vector<QSqlQuery>> idle; // by SQL text
};

// Connections live on one thread each, but the statistics loader opens its
// own on a worker thread, so the registry is shared and locked.
QMutex &registryMutex()
{
    static QMutex mutex;
    return mutex;
}

std::unordered_map<QString, Pool> &registry()
{
    static std::unordered_map<QString, Pool> pools;
    return pools;
}

} // namespace

void PreparedStatementCache::enable(const QString &connection)
{
    QMutexLocker lock(&registryMutex());
    registry()[connection] = Pool();
}

void PreparedStatementCache::release(const QString &connection)
{
    Pool dropped;
    {
        QMutexLocker lock(&registryMutex());
        auto pool = registry().find(connection);
        if (pool == registry().end())
            return;
        dropped = std::move(pool->second);
        registry().erase(pool);
    }
    // The statements are destroyed here, outside the lock, before the caller
    // removes the connection.
}

bool PreparedStatementCache::isEnabled(const QString &connection)
{
    QMutexLocker lock(&registryMutex());
    return registry().count(connection) > 0;
}

std::optional<QSqlQuery> PreparedStatementCache::take(const QString &connection, const QString &sql)
{
    QMutexLocker lock(&registryMutex());
    auto pool = registry().find(connection);
    if (pool == registry().end())
        return std::nullopt;
    auto idle = pool->second.idle.find(sql);
    if (idle == pool->second.idle.end() || idle->second.empty())
        return std::nullopt;
    QSqlQuery query = std::move(idle->second.back());
    idle->second.pop_back();
    return query;
}

void PreparedStatementCache::giveBack(const QString &connection, const QString &sql,
                                      QSqlQuery query)
{
    query.finish();
    QMutexLocker lock(&registryMutex());
    auto pool = registry().find(connection);
    if (pool == registry().end())
        return;
    auto &idle = pool->second.idle;
    auto copies = idle.find(sql);
    if (copies == idle.end()) {
        if (idle.size() >= maxStatementsPerConnection)
            return;
        copies = idle.emplace(sql, std::vector<QSqlQuery>()).first;
    }
    if (copies->second.size() < maxIdleCopiesPerStatement)
        copies->second.push_back(std::move(query));
}

} // namespace ListingDesk
