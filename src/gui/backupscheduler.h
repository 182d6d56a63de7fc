#pragma once

#include "result.h"

#include <QDateTime>
#include <QObject>
#include <QTimer>

namespace ListingDesk {

class Database;

/// Copies the library file to the backup folder every N hours while the
/// program runs (settings "backup/…"), and on demand. The copy itself is
/// Database::backupTo (SQLite VACUUM INTO); this class only keeps time.
/// On a team library (PostgreSQL) it schedules nothing and backupNow()
/// refuses: the server's administrator backs that up.
class BackupScheduler : public QObject
{
    Q_OBJECT
public:
    explicit BackupScheduler(Database *database, QObject *parent = nullptr);

    /// Re-reads the settings and plans the next backup: overdue ones run
    /// soon after start, so a program closed every evening still backs up.
    void reload();
    /// Writes a dated copy into \a folder (the configured backup folder when
    /// empty) now; the path it wrote.
    Result<QString> backupNow(const QString &folder = {});
    /// Milliseconds until the next scheduled backup; -1 when switched off.
    qint64 msUntilNext() const;

signals:
    void backedUp(const QString &path);
    void backupFailed(const QString &message);

private:
    void runScheduled();

    Database *m_database;
    QTimer m_timer;
    /// When the timer is due; the timer itself may fire a little late (a
    /// coarse timer, fine for hours), so this is what we report.
    QDateTime m_due;
};

} // namespace ListingDesk
