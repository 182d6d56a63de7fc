#pragma once

// Starts the fakeportal-server executable (tests/common/fakeportal) for tests
// that drive the real CLI against the fake portal over HTTP. The test's
// CMake entry defines FAKEPORTAL_SERVER_PATH.

#include <QByteArray>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QString>
#include <QTest>
#include <QUrl>

namespace ListingDesk::Testing {

/// The server's base URL once it listens, or an empty URL (with the reason in
/// \a error) when it did not come up. \a latencyMs stretches every answer, so
/// that a run takes seconds and kills or a second client land mid-run.
inline QUrl startFakePortalServer(QProcess &server, int latencyMs, QString *error)
{
    server.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    server.start(QStringLiteral(FAKEPORTAL_SERVER_PATH),
                 {QStringLiteral("--latency-ms"), QString::number(latencyMs)});
    if (!server.waitForStarted(5000) || !server.waitForReadyRead(10000)) {
        *error = QStringLiteral("fakeportal-server did not start: ") + server.errorString();
        return {};
    }
    const QByteArray line = server.readLine().trimmed();
    if (!line.startsWith("listening http://127.0.0.1:")) {
        *error = QStringLiteral("fakeportal-server said: ") + QString::fromUtf8(line);
        return {};
    }
    return QUrl::fromEncoded(line.mid(10));
}

/// Every post the running server holds (its /__fake/posts), or none when it
/// does not answer within 10 s. Not QTRY_VERIFY: this returns a value.
inline QJsonArray fakeServerPosts(QNetworkAccessManager &nam, QUrl base)
{
    base.setPath(QStringLiteral("/__fake/posts"));
    QNetworkReply *reply = nam.get(QNetworkRequest(base));
    for (int waited = 0; !reply->isFinished() && waited < 10000; waited += 20)
        QTest::qWait(20);
    const QJsonArray posts = QJsonDocument::fromJson(reply->readAll()).array();
    reply->deleteLater();
    return posts;
}

} // namespace ListingDesk::Testing
