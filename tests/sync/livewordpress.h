#pragma once

// What the tests against the real WordPress of the `wordpress` CTest fixture
// share: its connection data, the real listingdesk-cli run as a cron job
// would run it, and the portal's own REST API to check what it holds.

#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSignalSpy>
#include <QTest>

namespace ListingDesk::Testing {

using namespace Qt::StringLiterals;

struct Portal
{
    QString baseUrl;
    QString user;
    QString password;
};

struct CliRun
{
    QStringList arguments;
    bool finished = false;
    int exitCode = -1;
    QString out;
    QString err;

    QString describe() const
    {
        return u"listingdesk-cli %1\n  exit code %2\n  stdout: %3\n  stderr: %4"_s.arg(
            arguments.join(u' '), QString::number(exitCode), out, err);
    }
};

#define RUN_CLI(var, ...)                                                                          \
    const CliRun var = runCli(__VA_ARGS__);                                                        \
    QVERIFY2(var.finished, qPrintable(var.describe()))
#define EXPECT_EXIT(run, code) QVERIFY2((run).exitCode == (code), qPrintable((run).describe()))

/// An answer of the portal's REST API.
struct Rest
{
    int status = 0;
    QByteArray body;
    QJsonObject object() const { return QJsonDocument::fromJson(body).object(); }
    QJsonArray array() const { return QJsonDocument::fromJson(body).array(); }
};

class LiveWordPress
{
public:
    bool loadPortal(const QString &mode, Portal *portal)
    {
        const QByteArray variable = mode == QLatin1String("plugin") ? "LISTINGDESK_WP_PLUGIN_ENV"
                                                                    : "LISTINGDESK_WP_PLAIN_ENV";
        QFile file(qEnvironmentVariable(variable.constData()));
        if (!file.open(QIODevice::ReadOnly))
            return false;
        QHash<QString, QString> values;
        for (const QByteArray &line : file.readAll().split('\n')) {
            const qsizetype eq = line.indexOf('=');
            if (eq > 0)
                values.insert(QString::fromUtf8(line.left(eq)),
                              QString::fromUtf8(line.mid(eq + 1)).trimmed());
        }
        portal->baseUrl = values.value(u"WP_BASE_URL"_s);
        portal->user = values.value(u"WP_USER"_s);
        portal->password = values.value(u"WP_APP_PASSWORD"_s);
        return !portal->baseUrl.isEmpty() && !portal->user.isEmpty() && !portal->password.isEmpty();
    }

    CliRun runCli(const Portal &current, const QString &db, const QStringList &arguments)
    {
        CliRun run;
        run.arguments = QStringList{u"--db"_s, db} + arguments;
        QProcess process;
        process.setProgram(QStringLiteral(LISTINGDESK_CLI_PATH));
        process.setArguments(run.arguments);
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(u"LC_ALL"_s, u"C.UTF-8"_s);
        environment.insert(u"LISTINGDESK_NO_KEYCHAIN"_s, u"1"_s);
        // How a cron job on a headless machine gives the password.
        environment.insert(u"LISTINGDESK_PORTAL_PASSWORD"_s, current.password);
        process.setProcessEnvironment(environment);
        process.start();
        run.finished = process.waitForStarted(30000) && process.waitForFinished(240000) &&
                       process.exitStatus() == QProcess::NormalExit;
        run.exitCode = process.exitCode();
        run.out = QString::fromUtf8(process.readAllStandardOutput());
        run.err = QString::fromUtf8(process.readAllStandardError());
        return run;
    }

    Rest rest(const QByteArray &verb, const Portal &portal, const QString &route,
              const QJsonObject &body = {})
    {
        const QUrl url = route.startsWith(u"http"_s) ? QUrl(route)
                                                     : QUrl(portal.baseUrl + u"/wp-json"_s + route);
        QNetworkRequest request(url);
        request.setRawHeader("Authorization",
                             "Basic " + (portal.user + u':' + portal.password).toUtf8().toBase64());
        request.setRawHeader("Content-Type", "application/json");
        QNetworkReply *reply = m_nam.sendCustomRequest(
            request, verb, body.isEmpty() ? QByteArray() : QJsonDocument(body).toJson());
        QSignalSpy finished(reply, &QNetworkReply::finished);
        Rest result;
        if (reply->isFinished() || finished.wait(60000)) {
            result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            result.body = reply->readAll();
        }
        reply->deleteLater();
        return result;
    }

private:
    QNetworkAccessManager m_nam;
};

} // namespace ListingDesk::Testing
