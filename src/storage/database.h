#pragma once

#include "databaselocation.h"
#include "result.h"
#include "sqldialect.h"

#include <QSqlDatabase>
#include <QString>

namespace ListingDesk {

/// One open library: a SQLite file with the settings we rely on (WAL, foreign
/// keys), or a team library on PostgreSQL. Applies the numbered migrations of
/// the backend's dialect and seeds the reference data. Owns its named
/// QSqlDatabase connection; repositories borrow it.
class Database
{
public:
    /// The schema version this program writes. A library with a higher
    /// version was written by a newer program and is refused.
    static constexpr int currentSchemaVersion = 7;

    Database();
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    /// Opens the library at \a location and migrates it to \a targetVersion
    /// (tests use lower versions to build old libraries). A file path opens
    /// (creating if needed) a SQLite library; postgresql://user@host:port/db
    /// opens a team library in an existing PostgreSQL database (see
    /// DatabaseLocation for the password).
    Result<void> open(const QString &location, int targetVersion = currentSchemaVersion);
    void close();

    QSqlDatabase connection() const;
    /// The file, or the PostgreSQL URL without its password.
    QString path() const { return m_location.displayName(); }
    const DatabaseLocation &location() const { return m_location; }
    bool isPostgres() const { return m_location.isPostgres(); }
    SqlDialect dialect() const { return SqlDialect::of(connection()); }
    int schemaVersion() const;
    /// Where the copy taken before the last migration went; empty if none was needed.
    QString backupPath() const { return m_backupPath; }
    /// Writes a consistent, compacted copy of the open library to \a path
    /// (SQLite VACUUM INTO: safe while the WAL holds changes). Refuses to
    /// overwrite an existing file, and refuses on PostgreSQL, whose backups
    /// belong to the server (pg_dump) for now.
    Result<void> backupTo(const QString &path);

    /// The library the GUI and CLI use when no --db is given:
    /// ~/.local/share/ListingDesk/library.sqlite on Linux ($XDG_DATA_HOME).
    static QString defaultPath();

private:
    Result<void> openAndMigrate(int targetVersion);
    Result<void> openSqlite(int *version);
    Result<void> openPostgres(int *version);
    Result<void> configure();
    Result<int> readSchemaVersion();
    Result<void> migrate(int from, int to);

    QString m_connectionName;
    DatabaseLocation m_location;
    QString m_backupPath;
};

} // namespace ListingDesk
