#pragma once

// Shared fixture for storage and model tests: a real library file in a
// temporary directory, and helpers to make listings quickly. Under the ctest
// fixture `postgres` (tests/pg, the `_pg` runs of a suite) every TestLibrary is
// a fresh database on that PostgreSQL server instead, dropped at the end.

#include "databaselocation.h"
#include "library.h"
#include "sqlstatement.h"

#include <QDir>
#include <QFile>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include <functional>
#include <memory>

// Fails the current test with the error's message when a Result is not ok.
// The expression is evaluated once.
#define LD_VERIFY_OK(expression)                                                                   \
    do {                                                                                           \
        const auto &ldResult_ = (expression);                                                      \
        QVERIFY2(ldResult_.ok(),                                                                   \
                 qPrintable(QStringLiteral("unexpected error: ") + ldResult_.error().message));    \
    } while (false)

// Skips a test that is about SQLite files themselves (WAL, VACUUM INTO, the
// file header) in the `_pg` runs, saying why.
#define LD_SKIP_ON_POSTGRES(reason)                                                                \
    do {                                                                                           \
        if (ListingDesk::Testing::onPostgres())                                                    \
            QSKIP(reason);                                                                         \
    } while (false)

namespace ListingDesk::Testing {

inline QString str(const char *utf8)
{
    return QString::fromUtf8(utf8);
}

inline QByteArray readAll(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

inline bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) &&
           file.write(bytes) == bytes.size();
}

/// One value of one SQL query on \a db, or an invalid QVariant.
inline QVariant scalar(const QSqlDatabase &db, const QString &sql)
{
    QSqlQuery query(db);
    if (!query.exec(sql) || !query.next())
        return {};
    return query.value(0);
}

/// The PostgreSQL server of the tests: LISTINGDESK_TEST_POSTGRES, or the
/// KEY=VALUE file named by LISTINGDESK_TEST_POSTGRES_ENV (written by the ctest
/// fixture). Empty when neither is set: the tests use SQLite. A named file
/// that does not hold the URL is an error, never a silent fall back to SQLite.
inline QString postgresTestServer(QString *error = nullptr)
{
    const QString url = qEnvironmentVariable("LISTINGDESK_TEST_POSTGRES");
    if (!url.isEmpty())
        return url;
    const QString envFile = qEnvironmentVariable("LISTINGDESK_TEST_POSTGRES_ENV");
    if (envFile.isEmpty())
        return {};
    const QString key = QStringLiteral("LISTINGDESK_TEST_POSTGRES=");
    for (const QString &line : QString::fromUtf8(readAll(envFile)).split(u'\n')) {
        if (line.startsWith(key))
            return line.mid(key.size()).trimmed();
    }
    if (error)
        *error = QStringLiteral("%1 holds no LISTINGDESK_TEST_POSTGRES: did the ctest fixture "
                                "pg_start (tests/pg/postgres.sh) fail?")
                     .arg(envFile);
    return {};
}

/// True in the `_pg` runs: libraries of TestLibrary live on PostgreSQL.
inline bool onPostgres()
{
    QString error;
    return !postgresTestServer(&error).isEmpty() || !error.isEmpty();
}

/// A fresh database on the test server (CREATE DATABASE from the server's own
/// database), dropped with everything in it when this goes. With \a templateName
/// it starts as a copy of that database (which nobody may be connected to).
class PostgresScratchDatabase
{
public:
    explicit PostgresScratchDatabase(const QString &server, const QString &templateName = {})
    {
        auto location = DatabaseLocation::parse(server);
        if (!location) {
            m_error = location.error().message;
            return;
        }
        m_name = QStringLiteral("ld_test_") +
                 QUuid::createUuid().toString(QUuid::Id128).left(20).toLower();
        m_connectionName = QStringLiteral("ld-test-admin-") + m_name;
        QSqlDatabase admin = location.value().addConnection(m_connectionName);
        QSqlQuery create(admin);
        const QString from =
            templateName.isEmpty() ? QString() : QStringLiteral(" TEMPLATE ") + templateName;
        if (!admin.open() || !create.exec(QStringLiteral("CREATE DATABASE ") + m_name + from)) {
            m_error = QStringLiteral("cannot create a test database on %1: %2 %3")
                          .arg(location.value().displayName(), admin.lastError().text(),
                               create.lastError().text());
            m_name.clear();
            return;
        }
        m_url = location.value().withDatabase(m_name).displayName();
    }
    ~PostgresScratchDatabase()
    {
        {
            QSqlDatabase admin = QSqlDatabase::database(m_connectionName, false);
            if (!m_name.isEmpty()) {
                QSqlQuery drop(admin);
                // FORCE: a connection a failed test left open must not keep it.
                if (!drop.exec(
                        QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(m_name)))
                    qWarning("could not drop the test database %s: %s", qPrintable(m_name),
                             qPrintable(drop.lastError().text()));
            }
            admin.close();
        }
        QSqlDatabase::removeDatabase(m_connectionName);
    }
    PostgresScratchDatabase(const PostgresScratchDatabase &) = delete;
    PostgresScratchDatabase &operator=(const PostgresScratchDatabase &) = delete;

    QString url() const { return m_url; }
    QString name() const { return m_name; }
    QString error() const { return m_error; }

private:
    QString m_name;
    QString m_connectionName;
    QString m_url;
    QString m_error;
};

/// A library file in its own temporary directory (or, in the `_pg` runs, a
/// fresh PostgreSQL database), opened at the current schema version (or
/// another one) when constructed.
class TestLibrary
{
public:
    /// FromEnvironment: PostgreSQL in the `_pg` runs, else SQLite. Sqlite: a
    /// file always (the SQLite side of a test that moves data between both).
    enum class Backend { FromEnvironment, Sqlite };

    explicit TestLibrary(int schemaVersion = Database::currentSchemaVersion,
                         Backend backend = Backend::FromEnvironment)
    {
        QString serverError;
        const QString server =
            backend == Backend::Sqlite ? QString() : postgresTestServer(&serverError);
        if (!serverError.isEmpty()) {
            m_error = serverError;
            return;
        }
        if (server.isEmpty()) {
            m_path = m_dir.filePath(QStringLiteral("library.sqlite"));
        } else {
            m_scratch = std::make_unique<PostgresScratchDatabase>(server);
            if (!m_scratch->error().isEmpty()) {
                m_error = m_scratch->error();
                return;
            }
            m_path = m_scratch->url();
        }
        auto opened = m_library.open(m_path, schemaVersion);
        m_ok = opened.ok() && m_dir.isValid();
        if (!opened)
            m_error = opened.error().message;
    }
    ~TestLibrary() { m_library.close(); }

    bool isOpen() const { return m_ok; }
    bool isPostgres() const { return m_scratch != nullptr; }
    QString error() const { return m_error; }
    /// The file, or the postgresql:// URL of the test database: what
    /// Library::open() takes to open the same library a second time.
    QString path() const { return m_path; }
    QString dirPath() const { return m_dir.path(); }

    Library &library() { return m_library; }
    ListingRepository &listings() { return m_library.listings(); }
    QSqlDatabase db() { return m_library.database().connection(); }

    qint64 categoryId(const QString &path)
    {
        auto id = m_library.categories().idForPath(path);
        return id ? id.value() : 0;
    }

    /// A listing value ready to be stored (not stored yet).
    Listing makeListing(const QString &title, const QString &bodyHtml = {},
                        const QString &categoryPath = QStringLiteral("房产/租房"),
                        const QStringList &cities = {QStringLiteral("140400")},
                        ListingStatus status = ListingStatus::Draft)
    {
        Listing l;
        l.title = title;
        l.bodyHtml = bodyHtml;
        l.categoryId = categoryPath.isEmpty() ? 0 : categoryId(categoryPath);
        l.cityCodes = cities;
        l.status = status;
        return l;
    }

    /// Stores a listing made by makeListing().
    Result<Listing> create(const QString &title, const QString &bodyHtml = {},
                           const QString &categoryPath = QStringLiteral("房产/租房"),
                           const QStringList &cities = {QStringLiteral("140400")},
                           ListingStatus status = ListingStatus::Draft)
    {
        return listings().create(makeListing(title, bodyHtml, categoryPath, cities, status));
    }

    /// Stores \a count listings made by \a make in one transaction and
    /// announces them as one bulk change. Returns their ids in order.
    Result<QList<qint64>> createMany(int count, const std::function<Listing(int)> &make)
    {
        QList<qint64> ids;
        auto done = inTransaction(db(), [&]() -> Result<void> {
            for (int i = 0; i < count; ++i) {
                auto created = listings().insertInTransaction(make(i));
                if (!created)
                    return created.error();
                ids << created.value().id;
            }
            return {};
        });
        if (!done)
            return done.error();
        listings().notifyBulkChange();
        return ids;
    }

    /// Runs raw SQL on the library's connection (to set up states the API
    /// does not offer, such as fixed timestamps).
    Result<void> exec(const QString &sql) { return execSql(db(), sql); }

private:
    QTemporaryDir m_dir;
    QString m_path;
    std::unique_ptr<PostgresScratchDatabase> m_scratch; // dropped after the library closes
    Library m_library; // after m_dir: closed before the directory goes
    bool m_ok = false;
    QString m_error;
};

/// Titles of every listing the query matches, in the query's order.
/// A portal account for tests that need one to hang terms or posts on.
inline Result<qint64> addPortal(Library &library, const QString &name, const QString &url,
                                const QString &user = {})
{
    PortalInfo portal;
    portal.name = name;
    portal.baseUrl = url;
    portal.username = user;
    return library.portals().add(portal);
}

inline QStringList titlesOf(ListingRepository &repository, const ListingQuery &query)
{
    QStringList titles;
    for (const ListingRow &row : repository.rows(query, 0, repository.count(query)))
        titles << row.title;
    return titles;
}

} // namespace ListingDesk::Testing
