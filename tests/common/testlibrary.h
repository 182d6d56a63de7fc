#pragma once

// Shared fixture for storage and model tests: a real library file in a
// temporary directory, and helpers to make listings quickly.

#include "library.h"
#include "sqlstatement.h"

#include <QDir>
#include <QFile>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <functional>

// Fails the current test with the error's message when a Result is not ok.
// The expression is evaluated once.
#define LD_VERIFY_OK(expression)                                                                   \
    do {                                                                                           \
        const auto &ldResult_ = (expression);                                                      \
        QVERIFY2(ldResult_.ok(),                                                                   \
                 qPrintable(QStringLiteral("unexpected error: ") + ldResult_.error().message));    \
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

/// A library file in its own temporary directory, opened at the current
/// schema version (or another one) when constructed.
class TestLibrary
{
public:
    explicit TestLibrary(int schemaVersion = Database::currentSchemaVersion)
    {
        m_path = m_dir.filePath(QStringLiteral("library.sqlite"));
        auto opened = m_library.open(m_path, schemaVersion);
        m_ok = opened.ok() && m_dir.isValid();
        if (!opened)
            m_error = opened.error().message;
    }

    bool isOpen() const { return m_ok; }
    QString error() const { return m_error; }
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
