// The rules that turn a finished reply into a PortalError, without a network:
// Retry-After in both forms, and the statuses and bodies the publish queue
// must tell apart (retry later vs. stop and tell the user).

#include "portalerror.h"

#include <QNetworkReply>
#include <QTest>
#include <QTimeZone>

using namespace ListingDesk;

Q_DECLARE_METATYPE(ListingDesk::PortalError::Kind)

class TestPortalError : public QObject
{
    Q_OBJECT

private slots:
    void retryAfter_data();
    void retryAfter();
    void classify_data();
    void classify();
    void describeNamesStatusAndCode();
};

void TestPortalError::retryAfter_data()
{
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<int>("seconds");
    QTest::newRow("empty") << QByteArray() << -1;
    QTest::newRow("seconds") << QByteArray("120") << 120;
    QTest::newRow("spaces") << QByteArray(" 5 ") << 5;
    QTest::newRow("negative") << QByteArray("-3") << -1;
    QTest::newRow("http-date") << QByteArray("Mon, 05 Jan 2026 08:01:30 GMT") << 90;
    QTest::newRow("past date") << QByteArray("Mon, 05 Jan 2026 07:00:00 GMT") << 0;
    QTest::newRow("garbage") << QByteArray("soon") << -1;
}

void TestPortalError::retryAfter()
{
    QFETCH(QByteArray, value);
    QFETCH(int, seconds);
    const QDateTime now(QDate(2026, 1, 5), QTime(8, 0), QTimeZone::utc());
    QCOMPARE(parseRetryAfter(value, now), seconds);
}

void TestPortalError::classify_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<int>("networkError");
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<PortalError::Kind>("kind");
    QTest::addColumn<QString>("code");

    using Kind = PortalError::Kind;
    const QByteArray json = "application/json; charset=UTF-8";
    const QByteArray wpError =
        R"({"code":"rest_invalid_param","message":"Invalid parameter(s): status","data":{"status":400}})";
    QTest::newRow("200 json") << 200 << 0 << json << QByteArray("[]") << true << Kind::Permanent
                              << QString();
    QTest::newRow("204 empty") << 204 << 0 << QByteArray() << QByteArray() << true
                               << Kind::Permanent << QString();
    QTest::newRow("400 wp") << 400 << int(QNetworkReply::UnknownContentError) << json << wpError
                            << false << Kind::Permanent << QStringLiteral("rest_invalid_param");
    QTest::newRow("410") << 410 << int(QNetworkReply::ContentGoneError) << json << QByteArray()
                         << false << Kind::Permanent << QString();
    QTest::newRow("401") << 401 << int(QNetworkReply::AuthenticationRequiredError) << json
                         << QByteArray() << false << Kind::Auth << QString();
    QTest::newRow("504") << 504 << int(QNetworkReply::UnknownServerError) << QByteArray("text/html")
                         << QByteArray("<html>") << false << Kind::Transient << QString();
    QTest::newRow("200 html") << 200 << 0 << QByteArray("text/html") << QByteArray("<p>hi</p>")
                              << false << Kind::Permanent << QString();
    QTest::newRow("200 html as json") << 200 << 0 << json << QByteArray("<!DOCTYPE html><html>")
                                      << false << Kind::Permanent << QString();
    QTest::newRow("reset after headers")
        << 200 << int(QNetworkReply::RemoteHostClosedError) << json << QByteArray("[{") << false
        << Kind::Transient << QString();
    QTest::newRow("tls") << 0 << int(QNetworkReply::SslHandshakeFailedError) << QByteArray()
                         << QByteArray() << false << Kind::Tls << QString();
    QTest::newRow("no answer") << 0 << 0 << QByteArray() << QByteArray() << false << Kind::Transient
                               << QString();
}

void TestPortalError::classify()
{
    QFETCH(int, status);
    QFETCH(int, networkError);
    QFETCH(QByteArray, contentType);
    QFETCH(QByteArray, body);
    QFETCH(bool, ok);
    QFETCH(PortalError::Kind, kind);
    QFETCH(QString, code);

    ReplyFacts facts;
    facts.httpStatus = status;
    facts.networkError = networkError;
    facts.contentType = contentType;
    facts.body = body;
    const std::optional<PortalError> error = classifyReply(facts);
    QCOMPARE(!error.has_value(), ok);
    if (!error)
        return;
    QCOMPARE(error->kind, kind);
    QCOMPARE(error->httpStatus, status);
    QCOMPARE(error->code, code);
    QVERIFY(!error->message.isEmpty());
}

void TestPortalError::describeNamesStatusAndCode()
{
    PortalError error{PortalError::Kind::Transient, 429, QStringLiteral("too_many_requests"),
                      QStringLiteral("Slow down."), 30};
    const QString text = describe(error);
    QVERIFY2(text.contains(u"Slow down.") && text.contains(u"429") &&
                 text.contains(u"too_many_requests") && text.contains(u"30"),
             qPrintable(text));
}

QTEST_GUILESS_MAIN(TestPortalError)
#include "tst_portalerror.moc"
