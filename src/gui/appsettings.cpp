#include "appsettings.h"

#include "databaselocation.h"

#include <QNetworkProxy>
#include <QNetworkProxyFactory>
#include <QSettings>
#include <QStandardPaths>

namespace ListingDesk::AppSettings {

namespace {
QVariant value(const char *key, const QVariant &fallback = {})
{
    return QSettings().value(QLatin1String(key), fallback);
}
} // namespace

QString language()
{
    return value(languageKey).toString();
}

int autosaveDelayMs()
{
    return qBound(minAutosaveDelayMs, value(autosaveDelayKey, defaultAutosaveDelayMs).toInt(),
                  maxAutosaveDelayMs);
}

int concurrency()
{
    return qBound(1, value(concurrencyKey, defaultConcurrency).toInt(), 16);
}

int spacingMs()
{
    return qBound(0, value(spacingKey, defaultSpacingMs).toInt(), 60000);
}

QStringList recentTeamLibraries()
{
    return value(recentTeamLibrariesKey).toStringList();
}

void addRecentTeamLibrary(const QString &location)
{
    auto parsed = DatabaseLocation::parse(location);
    if (!parsed || !parsed.value().isPostgres())
        return;
    const QString shown = parsed.value().displayName(); // without the password
    QStringList recent = recentTeamLibraries();
    recent.removeAll(shown);
    recent.prepend(shown);
    QSettings().setValue(QLatin1String(recentTeamLibrariesKey), recent.mid(0, 8));
}

QString defaultPortal()
{
    return value(defaultPortalKey).toString();
}

QStringList defaultCities()
{
    return value(defaultCitiesKey).toStringList();
}

QString backupFolder()
{
    const QString folder = value(backupFolderKey).toString();
    if (!folder.isEmpty())
        return folder;
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
           QStringLiteral("/backups");
}

void applyNetworkProxy()
{
    const QString mode = value(proxyModeKey, QStringLiteral("system")).toString();
    if (mode == QLatin1String("manual")) {
        const QString host = value(proxyHostKey).toString().trimmed();
        const int port = value(proxyPortKey, 0).toInt();
        if (!host.isEmpty() && port > 0 && port <= 65535) {
            QNetworkProxyFactory::setUseSystemConfiguration(false);
            QNetworkProxy::setApplicationProxy(
                QNetworkProxy(QNetworkProxy::HttpProxy, host, quint16(port)));
            return;
        }
        // An incomplete manual proxy falls back to the system's rather than
        // sending requests to nowhere.
    }
    if (mode == QLatin1String("none")) {
        QNetworkProxyFactory::setUseSystemConfiguration(false);
        QNetworkProxy::setApplicationProxy(QNetworkProxy(QNetworkProxy::NoProxy));
        return;
    }
    QNetworkProxy::setApplicationProxy(QNetworkProxy(QNetworkProxy::DefaultProxy));
    QNetworkProxyFactory::setUseSystemConfiguration(true);
}

} // namespace ListingDesk::AppSettings
