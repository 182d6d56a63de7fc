#include "librarychangewatcher.h"

#include "sqldialect.h"
#include "sqlstatement.h"
#include "storagelog.h"

#include <QCoreApplication>

namespace ListingDesk {

namespace {

// Notifications that arrive together (a save is an UPDATE of the listing
// and of its regions, an import many statements) become one signal.
constexpr int flushDelayMs = 30;

} // namespace

LibraryChangeWatcher::LibraryChangeWatcher(QSqlDatabase db, QObject *parent)
    : QObject(parent), m_db(std::move(db))
{
    m_pollTimer.setInterval(defaultPollIntervalMs);
    connect(&m_pollTimer, &QTimer::timeout, this, &LibraryChangeWatcher::checkNow);
    m_flushTimer.setSingleShot(true);
    m_flushTimer.setInterval(flushDelayMs);
    connect(&m_flushTimer, &QTimer::timeout, this, &LibraryChangeWatcher::flush);
}

LibraryChangeWatcher::~LibraryChangeWatcher()
{
    stop();
}

void LibraryChangeWatcher::setPollInterval(int ms)
{
    m_pollTimer.setInterval(ms);
}

Result<void> LibraryChangeWatcher::start()
{
    stop();
    if (SqlDialect::of(m_db).isPostgres()) {
        QSqlDriver *driver = m_db.driver();
        // QPSQL reads notifications from the connection's socket in the event
        // loop and tells our own (SelfSource) from other sessions' by backend pid.
        if (!driver || !driver->subscribeToNotification(QLatin1String(channel)))
            return makeError(Error::Kind::Database,
                             QCoreApplication::translate("LibraryChangeWatcher",
                                                         "Cannot listen for changes made by "
                                                         "other editors: %1")
                                 .arg(driver ? driver->lastError().text() : QString()));
        connect(driver, &QSqlDriver::notification, this, &LibraryChangeWatcher::notified);
        m_notifications = true;
        m_watching = true;
        return {};
    }
    auto version = dataVersion();
    if (!version)
        return version.error();
    auto latest = latestUpdate();
    if (!latest)
        return latest.error();
    auto now = signature();
    if (!now)
        return now.error();
    m_dataVersion = version.value();
    m_watermark = latest.value();
    m_signature = now.value();
    m_notifications = false;
    m_watching = true;
    m_pollTimer.start();
    return {};
}

void LibraryChangeWatcher::stop()
{
    m_pollTimer.stop();
    m_flushTimer.stop();
    if (m_notifications && m_db.isOpen()) {
        if (QSqlDriver *driver = m_db.driver()) {
            disconnect(driver, &QSqlDriver::notification, this, &LibraryChangeWatcher::notified);
            driver->unsubscribeFromNotification(QLatin1String(channel));
        }
    }
    m_notifications = false;
    m_watching = false;
    m_pendingIds.clear();
    m_pendingAll = false;
}

Result<qint64> LibraryChangeWatcher::dataVersion()
{
    // Per connection: it moves when ANOTHER connection commits, never for our own writes.
    SqlStatement pragma(m_db, QStringLiteral("PRAGMA data_version"));
    if (auto done = pragma.exec(); !done)
        return done.error();
    if (!pragma.next())
        return makeError(Error::Kind::Database, QStringLiteral("PRAGMA data_version: no row"));
    return pragma.value(0).toLongLong();
}

Result<QString> LibraryChangeWatcher::latestUpdate()
{
    // "deleted IN (0, 1)" lets the (deleted, updated_at) index answer.
    SqlStatement latest(m_db, QStringLiteral("SELECT max(updated_at) FROM listings "
                                             "WHERE deleted IN (0, 1)"));
    if (auto done = latest.exec(); !done)
        return done.error();
    return latest.next() ? latest.value(0).toString() : QString();
}

Result<LibraryChangeWatcher::Signature> LibraryChangeWatcher::signature()
{
    // Publishing changes a status without touching updated_at; these counts
    // (read from the listings_status index) notice that a status moved.
    Signature result;
    SqlStatement totals(m_db,
                        QStringLiteral("SELECT count(*), coalesce(max(id), 0) FROM listings"));
    if (auto done = totals.exec(); !done)
        return done.error();
    if (totals.next()) {
        result.count = totals.value(0).toLongLong();
        result.maxId = totals.value(1).toLongLong();
    }
    SqlStatement statuses(m_db, QStringLiteral("SELECT deleted, status, count(*) FROM listings "
                                               "GROUP BY deleted, status ORDER BY 1, 2"));
    if (auto done = statuses.exec(); !done)
        return done.error();
    while (statuses.next())
        result.statuses += QStringLiteral("%1:%2:%3;")
                               .arg(statuses.value(0).toInt())
                               .arg(statuses.value(1).toString())
                               .arg(statuses.value(2).toLongLong());
    return result;
}

void LibraryChangeWatcher::checkNow()
{
    if (!m_watching || m_notifications)
        return;
    auto version = dataVersion();
    if (!version) {
        qCWarning(lcStorage) << "cannot poll the library for changes:" << version.error().message;
        return;
    }
    if (version.value() == m_dataVersion)
        return;
    m_dataVersion = version.value();

    SqlStatement changed(m_db, QStringLiteral("SELECT id, updated_at FROM listings "
                                              "WHERE deleted IN (0, 1) AND updated_at > ? "
                                              "ORDER BY updated_at"));
    if (auto done = changed.exec({m_watermark}); !done) {
        qCWarning(lcStorage) << "cannot read changed listings:" << done.error().message;
        return;
    }
    QList<qint64> ids;
    while (changed.next()) {
        ids << changed.value(0).toLongLong();
        m_watermark = changed.value(1).toString();
    }
    auto now = signature();
    if (!now) {
        qCWarning(lcStorage) << "cannot read the library's totals:" << now.error().message;
        return;
    }
    const bool rowsAddedOrRemoved =
        now.value().count != m_signature.count || now.value().maxId != m_signature.maxId;
    const bool statusesMoved = now.value().statuses != m_signature.statuses;
    m_signature = now.value();
    qCDebug(lcStorage) << "changed elsewhere:" << ids << "added or removed:" << rowsAddedOrRemoved;
    if (!ids.isEmpty())
        emit listingsChangedElsewhere(ids);
    if (rowsAddedOrRemoved || (statusesMoved && ids.isEmpty()))
        emit libraryChangedElsewhere();
}

void LibraryChangeWatcher::notified(const QString &name, QSqlDriver::NotificationSource source,
                                    const QVariant &payload)
{
    if (name != QLatin1String(channel) || source == QSqlDriver::SelfSource)
        return;
    const QString text = payload.toString();
    if (text.startsWith(QLatin1String("u:"))) {
        const QStringList parts = text.mid(2).split(u',', Qt::SkipEmptyParts);
        for (const QString &part : parts) {
            bool ok = false;
            const qint64 id = part.toLongLong(&ok);
            if (ok)
                m_pendingIds.insert(id);
        }
    } else {
        m_pendingAll = true;
    }
    if (!m_flushTimer.isActive())
        m_flushTimer.start();
}

void LibraryChangeWatcher::flush()
{
    QList<qint64> ids = m_pendingIds.values();
    std::sort(ids.begin(), ids.end());
    const bool all = m_pendingAll;
    m_pendingIds.clear();
    m_pendingAll = false;
    qCDebug(lcStorage) << "notified:" << ids << "added or removed:" << all;
    if (!ids.isEmpty())
        emit listingsChangedElsewhere(ids);
    if (all)
        emit libraryChangedElsewhere();
}

} // namespace ListingDesk
