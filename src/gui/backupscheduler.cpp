#include "backupscheduler.h"

#include "appsettings.h"
#include "database.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QSettings>

namespace ListingDesk {

BackupScheduler::BackupScheduler(Database *database, QObject *parent)
    : QObject(parent), m_database(database)
{
    m_timer.setSingleShot(true);
    m_timer.setTimerType(Qt::VeryCoarseTimer);
    connect(&m_timer, &QTimer::timeout, this, &BackupScheduler::runScheduled);
    reload();
}

void BackupScheduler::reload()
{
    m_timer.stop();
    // A team library is backed up on its server; the setting is for files.
    if (m_database->isPostgres())
        return;
    QSettings settings;
    if (!settings.value(QLatin1String(AppSettings::backupEnabledKey), false).toBool())
        return;
    const int hours = qBound(1,
                             settings
                                 .value(QLatin1String(AppSettings::backupIntervalKey),
                                        AppSettings::defaultBackupIntervalHours)
                                 .toInt(),
                             168);
    const qint64 intervalMs = qint64(hours) * 3600 * 1000;
    const QDateTime last = settings.value(QLatin1String(AppSettings::backupLastKey)).toDateTime();
    qint64 wait = intervalMs;
    if (last.isValid())
        wait = qBound<qint64>(0, QDateTime::currentDateTimeUtc().msecsTo(last.addMSecs(intervalMs)),
                              intervalMs);
    // An overdue backup waits a minute: not in the middle of the start-up.
    wait = qMax<qint64>(wait, last.isValid() ? 60 * 1000 : 0);
    m_due = QDateTime::currentDateTimeUtc().addMSecs(wait);
    m_timer.start(int(wait));
}

qint64 BackupScheduler::msUntilNext() const
{
    if (!m_timer.isActive())
        return -1;
    return qMax<qint64>(0, QDateTime::currentDateTimeUtc().msecsTo(m_due));
}

Result<QString> BackupScheduler::backupNow(const QString &chosenFolder)
{
    if (m_database->isPostgres())
        return makeError(Error::Kind::Io,
                         QCoreApplication::translate(
                             "BackupScheduler",
                             "Backups of a team library are the server's job; ListingDesk writes "
                             "backup files of libraries on this computer only."));
    const QString folder = chosenFolder.isEmpty() ? AppSettings::backupFolder() : chosenFolder;
    if (!QDir().mkpath(folder))
        return makeError(
            Error::Kind::Io,
            QCoreApplication::translate("BackupScheduler", "Cannot create the backup folder %1.")
                .arg(folder));
    const QString stamp = QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss"));
    const QString base = QFileInfo(m_database->path()).completeBaseName();
    QString path = QDir(folder).filePath(QStringLiteral("%1-%2.sqlite").arg(base, stamp));
    // Two backups in the same second (a click right after the timer) get a suffix.
    for (int n = 2; QFileInfo::exists(path); ++n)
        path = QDir(folder).filePath(QStringLiteral("%1-%2-%3.sqlite").arg(base, stamp).arg(n));
    if (auto done = m_database->backupTo(path); !done) {
        emit backupFailed(done.error().message);
        return done.error();
    }
    QSettings().setValue(QLatin1String(AppSettings::backupLastKey),
                         QDateTime::currentDateTimeUtc());
    emit backedUp(path);
    return path;
}

void BackupScheduler::runScheduled()
{
    if (backupNow().ok()) {
        reload();
        return;
    }
    // A full disk or a missing folder: try again in an hour, not every minute.
    m_due = QDateTime::currentDateTimeUtc().addSecs(3600);
    m_timer.start(3600 * 1000);
}

} // namespace ListingDesk
