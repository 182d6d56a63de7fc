#pragma once

#include "result.h"

#include <QSqlDatabase>
#include <QString>
#include <QStringList>

namespace ListingDesk {

/// Where a library lives: a SQLite file (a path) or a PostgreSQL database
/// named by a URL, postgresql://user[:password]@host[:port]/dbname. Parsing
/// it in one place keeps "is this a URL or a file?" out of the GUI and CLI,
/// and keeps the password out of everything that is shown or logged.
class DatabaseLocation
{
public:
    enum class Kind { Sqlite, Postgres };

    /// True for postgresql:// and postgres:// locations (never a file path).
    static bool isPostgresUrl(const QString &location);
    /// A file path is taken as it is; a URL must name a user and a database.
    /// Without a password in the URL, the one an earlier URL of the same
    /// library gave in this run is used, else LISTINGDESK_DB_PASSWORD.
    static Result<DatabaseLocation> parse(const QString &location);

    Kind kind() const { return m_kind; }
    bool isPostgres() const { return m_kind == Kind::Postgres; }
    /// The SQLite file; empty for PostgreSQL.
    QString filePath() const { return m_kind == Kind::Sqlite ? m_path : QString(); }
    /// What the user may see: the file path, or the URL without its password.
    /// Also the key a remembered password is kept under in the keychain.
    QString displayName() const;
    /// Short enough for a title bar: the file name, or user@host/db (with
    /// ":port" after the host when it is not 5432).
    QString shortName() const;
    /// False when neither the URL, this run nor LISTINGDESK_DB_PASSWORD gave
    /// one (the GUI then asks the keychain).
    bool hasPassword() const { return !m_password.isEmpty(); }
    QString host() const { return m_host; }
    int port() const { return m_port; }
    QString userName() const { return m_user; }
    QString databaseName() const { return m_database; }

    /// A postgresql:// URL from its parts (the password percent-encoded and
    /// left out when empty); \a options are libpq's, e.g. connect_timeout=5.
    static QString postgresUrl(const QString &host, int port, const QString &database,
                               const QString &user, const QString &password = {},
                               const QStringList &options = {});

    /// The same server and user, another database (tests create and drop
    /// their own databases from the maintenance database).
    DatabaseLocation withDatabase(const QString &name) const;

    /// Adds a QSqlDatabase connection called \a connectionName set up for this
    /// location (driver, host, credentials, options) but not opened yet.
    QSqlDatabase addConnection(const QString &connectionName) const;

private:
    Kind m_kind = Kind::Sqlite;
    QString m_path; // SQLite
    QString m_host;
    int m_port = 5432;
    QString m_user;
    QString m_password; // never shown, logged or stored
    QString m_database;
    QString m_options; // QPSQL connect options from the URL's query
};

} // namespace ListingDesk
