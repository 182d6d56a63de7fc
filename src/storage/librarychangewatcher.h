#pragma once

#include "result.h"

#include <QList>
#include <QObject>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlDriver>
#include <QTimer>

namespace ListingDesk {

/// Notices listings changed by OTHER connections to the same library (another
/// window, another editor of a team library, a CLI cron job) so that views
/// can show them within a moment. Changes made through this program's own
/// connection are not reported: the repository's signals announce those.
///
/// A team library on PostgreSQL LISTENs on the channel its triggers notify
/// (resources/sql/postgresql/007_change_notifications.sql). A SQLite library
/// is polled: PRAGMA data_version costs next to nothing and moves only when
/// another connection committed, and only then are the changed rows read.
class LibraryChangeWatcher : public QObject
{
    Q_OBJECT
public:
    static constexpr int defaultPollIntervalMs = 1000;
    /// The channel the PostgreSQL triggers notify.
    static constexpr const char *channel = "listingdesk_listings";

    explicit LibraryChangeWatcher(QSqlDatabase db, QObject *parent = nullptr);
    ~LibraryChangeWatcher() override;

    /// How often a SQLite library is polled (PostgreSQL tells by itself).
    void setPollInterval(int ms);
    int pollInterval() const { return m_pollTimer.interval(); }

    /// Starts watching from the library's present state.
    Result<void> start();
    void stop();
    bool isWatching() const { return m_watching; }
    /// True when the server notifies (PostgreSQL); false when polling.
    bool usesNotifications() const { return m_notifications; }

    /// Polls once now (SQLite); the timer calls this.
    void checkNow();

signals:
    /// These listings' rows changed elsewhere (content, status, trash): a view
    /// can re-read them in place.
    void listingsChangedElsewhere(const QList<qint64> &ids);
    /// Listings were added or removed elsewhere, or more changed than can be
    /// named: views should re-read their query.
    void libraryChangedElsewhere();

private:
    struct Signature
    {
        qint64 count = -1;
        qint64 maxId = -1;
        QString statuses; ///< "status:deleted:count;..." catches status-only changes
        bool operator==(const Signature &) const = default;
    };
    Result<qint64> dataVersion();
    Result<Signature> signature();
    Result<QString> latestUpdate();
    void notified(const QString &name, QSqlDriver::NotificationSource source,
                  const QVariant &payload);
    void flush();

    QSqlDatabase m_db;
    QTimer m_pollTimer;
    QTimer m_flushTimer; // gathers the notifications of one moment into one signal
    bool m_watching = false;
    bool m_notifications = false;
    qint64 m_dataVersion = -1;
    QString m_watermark; // the newest updated_at seen, as stored (ISO text sorts as time)
    Signature m_signature;
    QSet<qint64> m_pendingIds;
    bool m_pendingAll = false;
};

} // namespace ListingDesk
