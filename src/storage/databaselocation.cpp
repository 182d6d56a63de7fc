#include "databaselocation.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QHash>
#include <QMutex>
#include <QUrl>
#include <QUrlQuery>

namespace ListingDesk {

namespace {

QString translate(const char *text)
{
    return QCoreApplication::translate("DatabaseLocation", text);
}

// Passwords given in a URL during this run, by the URL without its password.
// A second connection to the same library (the statistics worker opens its
// own from Database::path(), which never holds the password) finds it here.
// In memory only, like the session fallback of the portal credentials.
QMutex passwordsMutex;
QHash<QString, QString> &sessionPasswords()
{
    static QHash<QString, QString> passwords;
    return passwords;
}

} // namespace

bool DatabaseLocation::isPostgresUrl(const QString &location)
{
    return location.startsWith(QLatin1String("postgresql://"), Qt::CaseInsensitive) ||
           location.startsWith(QLatin1String("postgres://"), Qt::CaseInsensitive);
}

Result<DatabaseLocation> DatabaseLocation::parse(const QString &location)
{
    DatabaseLocation result;
    if (!isPostgresUrl(location)) {
        result.m_path = location;
        return result;
    }
    result.m_kind = Kind::Postgres;
    const QUrl url(location, QUrl::StrictMode);
    // The message repeats the URL without its password: it may be shown or logged.
    QUrl shown = url;
    shown.setPassword({});
    const QString example = QStringLiteral("postgresql://editor@db.example.com:5432/listings");
    if (!url.isValid() || url.host().isEmpty() || url.userName().isEmpty() || url.path().size() < 2)
        return makeError(
            Error::Kind::Data,
            translate("\"%1\" is not a team library address; write it like %2")
                .arg(url.isValid() ? shown.toString() : QStringLiteral("postgresql://…"), example));
    result.m_host = url.host();
    result.m_port = url.port(5432);
    result.m_user = url.userName();
    result.m_database = url.path().mid(1);
    result.m_password = url.password();
    {
        QMutexLocker locker(&passwordsMutex);
        if (!result.m_password.isEmpty())
            sessionPasswords().insert(result.displayName(), result.m_password);
        else
            result.m_password = sessionPasswords().value(result.displayName());
    }
    if (result.m_password.isEmpty())
        result.m_password = qEnvironmentVariable("LISTINGDESK_DB_PASSWORD");
    // libpq options such as sslmode=require or connect_timeout=5 pass through.
    QStringList options;
    bool hasTimeout = false;
    for (const auto &[key, value] : QUrlQuery(url).queryItems(QUrl::FullyDecoded)) {
        options << key + u'=' + value;
        hasTimeout = hasTimeout || key == QLatin1String("connect_timeout");
    }
    // An unreachable server should fail in seconds, not hang the GUI for minutes.
    if (!hasTimeout)
        options << QStringLiteral("connect_timeout=10");
    result.m_options = options.join(u';');
    return result;
}

QString DatabaseLocation::displayName() const
{
    if (m_kind == Kind::Sqlite)
        return m_path;
    return QStringLiteral("postgresql://%1@%2:%3/%4")
        .arg(m_user, m_host)
        .arg(m_port)
        .arg(m_database);
}

QString DatabaseLocation::shortName() const
{
    if (m_kind == Kind::Sqlite)
        return QFileInfo(m_path).fileName();
    const QString host = m_port == 5432 ? m_host : QStringLiteral("%1:%2").arg(m_host).arg(m_port);
    return QStringLiteral("%1@%2/%3").arg(m_user, host, m_database);
}

QString DatabaseLocation::postgresUrl(const QString &host, int port, const QString &database,
                                      const QString &user, const QString &password,
                                      const QStringList &options)
{
    QUrl url;
    url.setScheme(QStringLiteral("postgresql"));
    url.setHost(host);
    url.setPort(port);
    url.setPath(u'/' + database);
    url.setUserName(user);
    if (!password.isEmpty())
        url.setPassword(password);
    if (!options.isEmpty()) {
        QUrlQuery query;
        for (const QString &option : options)
            query.addQueryItem(option.section(u'=', 0, 0), option.section(u'=', 1));
        url.setQuery(query);
    }
    return url.toString(QUrl::FullyEncoded);
}

DatabaseLocation DatabaseLocation::withDatabase(const QString &name) const
{
    DatabaseLocation other = *this;
    other.m_database = name;
    return other;
}

QSqlDatabase DatabaseLocation::addConnection(const QString &connectionName) const
{
    if (m_kind == Kind::Sqlite) {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connectionName);
        db.setDatabaseName(m_path);
        return db;
    }
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), connectionName);
    db.setHostName(m_host);
    db.setPort(m_port);
    db.setUserName(m_user);
    db.setPassword(m_password);
    db.setDatabaseName(m_database);
    db.setConnectOptions(m_options);
    return db;
}

} // namespace ListingDesk
