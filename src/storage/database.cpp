#include "database.h"

#include "preparedstatementcache.h"
#include "seeder.h"
#include "sqlstatement.h"
#include "storagelog.h"

#include <QAtomicInteger>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>

namespace ListingDesk {

namespace {

// Migration files hold one statement per paragraph; see 001_initial.sql.
QStringList statementsOf(const QString &script)
{
    QStringList statements;
    const QStringList paragraphs = script.split(QStringLiteral("\n\n"), Qt::SkipEmptyParts);
    for (const QString &paragraph : paragraphs) {
        QStringList lines;
        for (const QString &line : paragraph.split(QLatin1Char('\n'))) {
            if (!line.trimmed().startsWith(QLatin1String("--")))
                lines << line;
        }
        const QString statement = lines.join(QLatin1Char('\n')).trimmed();
        if (!statement.isEmpty())
            statements << statement;
    }
    return statements;
}

} // namespace

Database::Database()
{
    static QAtomicInteger<int> counter;
    m_connectionName = QStringLiteral("listingdesk-%1").arg(counter.fetchAndAddRelaxed(1));
}

Database::~Database()
{
    close();
}

QString Database::defaultPath()
{
    // GenericDataLocation + our name rather than AppDataLocation, which would
    // nest organisation and application ("ListingDesk/ListingDesk").
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) +
           QStringLiteral("/ListingDesk/library.sqlite");
}

QSqlDatabase Database::connection() const
{
    return QSqlDatabase::database(m_connectionName, false);
}

void Database::close()
{
    if (!QSqlDatabase::contains(m_connectionName))
        return;
    PreparedStatementCache::release(m_connectionName);
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

int Database::schemaVersion() const
{
    auto version = const_cast<Database *>(this)->readSchemaVersion();
    return version ? version.value() : -1;
}

Result<int> Database::readSchemaVersion()
{
    QSqlDatabase db = connection();
    const SqlDialect dialect = SqlDialect::of(db);
    if (dialect.isPostgres()) {
        // A database without our meta table is version 0: empty, or another program's.
        SqlStatement exists(db, dialect.tableExistsSql());
        if (auto done = exists.exec({QStringLiteral("meta")}); !done)
            return done.error();
        if (!exists.next())
            return 0;
    }
    QSqlQuery query(db);
    if (!query.exec(dialect.schemaVersionSql()))
        return makeError(Error::Kind::Database, query.lastError().text());
    return query.next() ? query.value(0).toInt() : 0;
}

Result<void> Database::open(const QString &location, int targetVersion)
{
    close();
    m_backupPath.clear();
    auto parsed = DatabaseLocation::parse(location);
    if (!parsed)
        return parsed.error();
    m_location = parsed.value();
    // Everything that holds a handle on the connection lives inside
    // openAndMigrate(), so that close() can remove the connection cleanly.
    auto opened = openAndMigrate(targetVersion);
    if (!opened)
        close();
    else
        PreparedStatementCache::enable(m_connectionName);
    return opened;
}

Result<void> Database::openAndMigrate(int targetVersion)
{
    int version = 0;
    auto opened = m_location.isPostgres() ? openPostgres(&version) : openSqlite(&version);
    if (!opened)
        return opened;
    if (version > currentSchemaVersion)
        return makeError(Error::Kind::TooNew,
                         QCoreApplication::translate(
                             "Database",
                             "The library %1 was written by a newer version of ListingDesk "
                             "(library format %2; this version understands up to %3). "
                             "Update ListingDesk to open it; the file was not changed.")
                             .arg(path())
                             .arg(version)
                             .arg(currentSchemaVersion));
    if (version >= targetVersion)
        return {};
    if (m_location.isPostgres() && version > 0) {
        qCInfo(lcStorage) << "no backup file is written before upgrading" << path()
                          << "on PostgreSQL: the upgrade is one transaction, so a failure "
                             "leaves it as it was (back the server up with pg_dump)";
    } else if (!m_location.isPostgres() && version > 0) {
        // VACUUM INTO writes a consistent copy even while the WAL holds changes.
        const QString file = m_location.filePath();
        m_backupPath =
            QStringLiteral("%1.v%2-%3.bak")
                .arg(file)
                .arg(version)
                .arg(QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMddHHmmss")));
        QFile::remove(m_backupPath);
        SqlStatement backup(connection(), QStringLiteral("VACUUM INTO ?"));
        if (auto done = backup.exec({m_backupPath}); !done)
            return makeError(Error::Kind::Io,
                             QCoreApplication::translate(
                                 "Database",
                                 "Could not copy the library before upgrading it, so it was "
                                 "left as it is: %1")
                                 .arg(done.error().message));
        qCInfo(lcStorage) << "backed up" << file << "to" << m_backupPath;
    }
    return migrate(version, targetVersion);
}

Result<void> Database::openSqlite(int *version)
{
    const QString path = m_location.filePath();
    if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QSQLITE")))
        return makeError(Error::Kind::Database,
                         QCoreApplication::translate(
                             "Database", "The SQLite driver for Qt is missing; install the package "
                                         "libqt6sql6-sqlite."));
    const QFileInfo info(path);
    if (!QDir().mkpath(info.absolutePath()))
        return makeError(Error::Kind::Io,
                         QCoreApplication::translate(
                             "Database", "Could not create the folder %1 for the library.")
                             .arg(info.absolutePath()));
    const bool existed = info.exists() && info.size() > 0;

    QSqlDatabase db = m_location.addConnection(m_connectionName);
    // A busy timeout lets the GUI and a CLI cron job share one file politely.
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
    if (!db.open())
        return makeError(Error::Kind::Database, QCoreApplication::translate(
                                                    "Database", "Could not open the library %1: %2")
                                                    .arg(path, db.lastError().text()));

    // Reading the version is the first real read: a file that is not a SQLite
    // database fails here, before any pragma could change it.
    auto stored = readSchemaVersion();
    if (!stored)
        return makeError(
            Error::Kind::Database,
            QCoreApplication::translate("Database", "%1 is not a ListingDesk library (%2).")
                .arg(path, stored.error().message));
    *version = stored.value();
    if (*version == 0 && existed) {
        // Version 0 with tables in it is some other program's database: adding
        // our tables to it would damage the user's file.
        QSqlQuery tables(db);
        if (tables.exec(SqlDialect::of(db).tableCountSql()) && tables.next() &&
            tables.value(0).toInt() > 0)
            return makeError(Error::Kind::Database,
                             QCoreApplication::translate(
                                 "Database",
                                 "%1 is a SQLite database of another program, not a ListingDesk "
                                 "library; it was not changed.")
                                 .arg(path));
    }
    if (*version > currentSchemaVersion)
        return {}; // refused by the caller, before any pragma changes the file
    return configure();
}

Result<void> Database::openPostgres(int *version)
{
    if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QPSQL")))
        return makeError(Error::Kind::Database,
                         QCoreApplication::translate(
                             "Database", "The PostgreSQL driver for Qt is missing; install the "
                                         "package libqt6sql6-psql."));
    QSqlDatabase db = m_location.addConnection(m_connectionName);
    // libpq's messages name host, port and user, never the password.
    if (!db.open())
        return makeError(
            Error::Kind::Database,
            QCoreApplication::translate("Database", "Could not connect to the team library %1: %2")
                .arg(path(), db.lastError().text().trimmed()));
    auto stored = readSchemaVersion();
    if (!stored)
        return makeError(
            Error::Kind::Database,
            QCoreApplication::translate("Database", "%1 is not a ListingDesk library (%2).")
                .arg(path(), stored.error().message));
    *version = stored.value();
    if (*version == 0) {
        QSqlQuery tables(db);
        if (tables.exec(SqlDialect::of(db).tableCountSql()) && tables.next() &&
            tables.value(0).toInt() > 0)
            return makeError(Error::Kind::Database,
                             QCoreApplication::translate(
                                 "Database",
                                 "The database %1 holds tables of another program, not a "
                                 "ListingDesk library; it was not changed.")
                                 .arg(path()));
    }
    return {};
}

Result<void> Database::configure()
{
    // SQLite only: PostgreSQL enforces foreign keys and needs no pragmas.
    QSqlDatabase db = connection();
    for (const char *pragma :
         {"PRAGMA journal_mode = WAL", "PRAGMA foreign_keys = ON", "PRAGMA synchronous = NORMAL",
          "PRAGMA temp_store = MEMORY", "PRAGMA cache_size = -32000"}) {
        // journal_mode answers with a row; exec() is enough for all of them.
        if (auto done = execSql(db, QLatin1String(pragma)); !done) {
            return makeError(
                Error::Kind::Database,
                QCoreApplication::translate("Database", "Could not open the library %1: %2")
                    .arg(path(), done.error().message));
        }
    }
    return {};
}

Result<void> Database::migrate(int from, int to)
{
    QSqlDatabase db = connection();
    const SqlDialect dialect = SqlDialect::of(db);
    // One transaction for all steps: a library is either fully upgraded or
    // untouched. PostgreSQL's DDL is transactional too.
    return inTransaction(db, [&]() -> Result<void> {
        if (dialect.isPostgres()) {
            // Two editors opening a new team library at once: the second waits
            // here, then finds the schema already upgraded.
            if (auto locked = execSql(db, QStringLiteral("SELECT pg_advisory_xact_lock(7007)"));
                !locked)
                return locked;
            auto now = readSchemaVersion();
            if (!now)
                return now.error();
            if (now.value() > currentSchemaVersion)
                return makeError(Error::Kind::TooNew,
                                 QCoreApplication::translate(
                                     "Database", "The library %1 was upgraded by a newer version "
                                                 "of ListingDesk meanwhile.")
                                     .arg(path()));
            from = now.value();
        }
        for (int step = from + 1; step <= to; ++step) {
            const QString directory = dialect.migrationDirectory();
            const QStringList files = QDir(directory).entryList(
                {QStringLiteral("%1_*.sql").arg(step, 3, 10, QLatin1Char('0'))}, QDir::Files);
            if (files.size() != 1)
                return makeError(Error::Kind::Database,
                                 QCoreApplication::translate(
                                     "Database", "Migration step %1 is missing from this build.")
                                     .arg(step));
            QFile file(directory + files.first());
            if (!file.open(QIODevice::ReadOnly))
                return makeError(
                    Error::Kind::Database,
                    QCoreApplication::translate("Database", "Migration step %1 could not be read.")
                        .arg(step));
            for (const QString &statement : statementsOf(QString::fromUtf8(file.readAll()))) {
                if (auto done = execSql(db, statement); !done)
                    return makeError(
                        Error::Kind::Database,
                        QCoreApplication::translate("Database",
                                                    "Upgrading the library to format %1 failed: %2")
                            .arg(step)
                            .arg(done.error().message));
            }
            if (step == 1) {
                if (auto seeded = Seeder(db).seedAll(); !seeded)
                    return seeded;
            }
            if (step == 3) {
                if (auto seeded = Seeder(db).seedCategoryPinyin(); !seeded)
                    return seeded;
            }
            if (auto done = execSql(db, dialect.setSchemaVersionSql(step)); !done)
                return done;
            qCInfo(lcStorage) << "migrated" << path() << "to schema" << step;
        }
        return {};
    });
}

Result<void> Database::backupTo(const QString &path)
{
    if (m_location.isPostgres())
        return makeError(Error::Kind::Io,
                         QCoreApplication::translate(
                             "Database", "A team library on PostgreSQL is backed up on its server "
                                         "(pg_dump); ListingDesk writes backup files of SQLite "
                                         "libraries only."));
    // VACUUM INTO would fail on a non-empty file anyway; say so in words a
    // person can act on, and never clobber an earlier backup.
    if (QFileInfo::exists(path))
        return makeError(Error::Kind::Io,
                         QCoreApplication::translate("Database", "%1 already exists; the "
                                                                 "library was not copied there.")
                             .arg(path));
    SqlStatement backup(connection(), QStringLiteral("VACUUM INTO ?"));
    if (auto done = backup.exec({path}); !done)
        return makeError(Error::Kind::Io,
                         QCoreApplication::translate("Database", "Could not back up the library "
                                                                 "to %1: %2")
                             .arg(path, done.error().message));
    qCInfo(lcStorage) << "backed up" << this->path() << "to" << path;
    return {};
}

} // namespace ListingDesk
