#pragma once

#include "result.h"

#include <QSqlDatabase>
#include <QString>

namespace ListingDesk {

/// One open library file: opens SQLite with the settings we rely on (WAL,
/// foreign keys), applies the numbered migrations and seeds the reference data.
/// Owns its named QSqlDatabase connection; repositories borrow it.
class Database
{
public:
    /// The schema version this program writes. A library with a higher
    /// version was written by a newer program and is refused.
    static constexpr int currentSchemaVersion = 6;

    Database();
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    /// Opens (creating if needed) the library at \a path and migrates it to
    /// \a targetVersion (tests use lower versions to build old libraries).
    Result<void> open(const QString &path, int targetVersion = currentSchemaVersion);
    void close();

    QSqlDatabase connection() const;
    QString path() const { return m_path; }
    int schemaVersion() const;
    /// Where the copy taken before the last migration went; empty if none was needed.
    QString backupPath() const { return m_backupPath; }
    /// Writes a consistent, compacted copy of the open library to \a path
    /// (SQLite VACUUM INTO: safe while the WAL holds changes). Refuses to
    /// overwrite an existing file.
    Result<void> backupTo(const QString &path);

    /// The library the GUI and CLI use when no --db is given:
    /// ~/.local/share/ListingDesk/library.sqlite on Linux ($XDG_DATA_HOME).
    static QString defaultPath();

private:
    Result<void> openAndMigrate(int targetVersion);
    Result<void> configure();
    Result<void> migrate(int from, int to);

    QString m_connectionName;
    QString m_path;
    QString m_backupPath;
};

} // namespace ListingDesk
