#pragma once

#include <QString>
#include <QStringList>

namespace ListingDesk {

/// The preferences the settings dialog edits, as stored in QSettings
/// (organisation and application "ListingDesk"). One place for the keys and
/// defaults, so the dialog, the main window and the batch queue agree.
namespace AppSettings {

inline constexpr char languageKey[] = "general/language"; ///< "", "en" or "zh_CN"
inline constexpr char autosaveDelayKey[] = "editor/autosaveDelayMs";
inline constexpr char defaultPortalKey[] = "publishing/defaultPortal";
inline constexpr char defaultCitiesKey[] = "publishing/defaultCities"; ///< GB/T 2260 codes
inline constexpr char concurrencyKey[] = "publishing/concurrency";
inline constexpr char spacingKey[] = "publishing/spacingMs";
inline constexpr char proxyModeKey[] = "network/proxyMode"; ///< "system", "none", "manual"
inline constexpr char proxyHostKey[] = "network/proxyHost";
inline constexpr char proxyPortKey[] = "network/proxyPort";
inline constexpr char backupEnabledKey[] = "backup/enabled";
inline constexpr char backupIntervalKey[] = "backup/intervalHours";
inline constexpr char backupFolderKey[] = "backup/folder";
inline constexpr char backupLastKey[] = "backup/lastRun"; ///< UTC QDateTime
/// Team libraries connected to, newest first: URLs without their passwords.
inline constexpr char recentTeamLibrariesKey[] = "library/recentTeamLibraries";

inline constexpr int defaultAutosaveDelayMs = 1500;
inline constexpr int minAutosaveDelayMs = 1000;
inline constexpr int maxAutosaveDelayMs = 10000;
inline constexpr int defaultConcurrency = 4;
inline constexpr int defaultSpacingMs = 1000;
inline constexpr int defaultBackupIntervalHours = 24;

/// The user's language choice; empty means the system's.
QString language();
/// Clamped to 1–10 s whatever the file says.
int autosaveDelayMs();
int concurrency();
int spacingMs();
QString defaultPortal();
QStringList defaultCities();
/// ~/.local/share/ListingDesk/backups unless the user chose another folder.
QString backupFolder();

/// Newest first, at most eight; never holds a password.
QStringList recentTeamLibraries();
/// Puts \a location (a postgresql:// URL) first; its password is dropped.
void addRecentTeamLibrary(const QString &location);

/// Sets QNetworkProxy's application proxy from the stored choice. Called at
/// start and whenever the settings are saved.
void applyNetworkProxy();

} // namespace AppSettings
} // namespace ListingDesk
