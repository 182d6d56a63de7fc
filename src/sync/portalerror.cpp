#include "portalerror.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QTimeZone>

namespace ListingDesk {

namespace {

// WordPress messages sometimes carry markup ("<strong>Error</strong>: ...").
QString plainText(QString text)
{
    static const QRegularExpression tags(QStringLiteral("<[^>]*>"));
    return text.remove(tags).simplified();
}

bool looksLikeHtml(const ReplyFacts &facts)
{
    if (facts.contentType.toLower().contains("text/html"))
        return true;
    const QByteArray start = facts.body.left(256).trimmed().toLower();
    return start.startsWith("<!doctype") || start.startsWith("<html") || start.startsWith("<?xml");
}

PortalError make(PortalError::Kind kind, int status, QString message)
{
    PortalError error;
    error.kind = kind;
    error.httpStatus = status;
    error.message = std::move(message);
    return error;
}

PortalError fromHttpStatus(const ReplyFacts &facts)
{
    const int status = facts.httpStatus;
    QString wpCode;
    QString wpMessage;
    const QJsonDocument document = QJsonDocument::fromJson(facts.body);
    if (document.isObject()) {
        wpCode = document.object().value(u"code").toString();
        wpMessage = plainText(document.object().value(u"message").toString());
    }
    auto withPortalText = [&](QString ours) {
        if (wpMessage.isEmpty())
            return ours;
        return QCoreApplication::translate("PortalError", "%1 The portal says: %2")
            .arg(ours, wpMessage);
    };

    PortalError error;
    error.httpStatus = status;
    error.code = wpCode;
    if (status == 429) {
        error.kind = PortalError::Kind::Transient;
        error.retryAfterSeconds = parseRetryAfter(facts.retryAfter);
        error.message = withPortalText(QCoreApplication::translate(
            "PortalError", "The portal asks us to slow down (too many requests)."));
    } else if (status >= 500) {
        error.kind = PortalError::Kind::Transient;
        error.retryAfterSeconds = parseRetryAfter(facts.retryAfter);
        error.message = withPortalText(
            QCoreApplication::translate(
                "PortalError", "The portal had a server error (HTTP %1); it may work again later.")
                .arg(status));
    } else if (status == 401) {
        error.kind = PortalError::Kind::Auth;
        error.message = withPortalText(QCoreApplication::translate(
            "PortalError", "The portal did not accept the user name or application password."));
    } else if (status == 403) {
        error.kind = PortalError::Kind::Auth;
        error.message = withPortalText(QCoreApplication::translate(
            "PortalError",
            "The portal account is not allowed to do this; ask the site administrator for "
            "a role that may publish."));
    } else if (status == 404) {
        error.kind = PortalError::Kind::NotFound;
        error.message = withPortalText(QCoreApplication::translate(
            "PortalError", "The portal does not have this item or address."));
    } else if (status == 409) {
        error.kind = PortalError::Kind::Conflict;
        error.message = withPortalText(
            QCoreApplication::translate("PortalError", "The portal reports a conflicting change."));
    } else if (status == 413) {
        error.kind = PortalError::Kind::Permanent;
        error.message = withPortalText(QCoreApplication::translate(
            "PortalError", "The portal refused the upload because it is too large."));
    } else if (status >= 300 && status < 400) {
        error.kind = PortalError::Kind::Permanent;
        error.message =
            QCoreApplication::translate(
                "PortalError", "The portal redirected the request (HTTP %1) to a place we do not "
                               "follow; check the address.")
                .arg(status);
    } else {
        error.kind = PortalError::Kind::Permanent;
        error.message = withPortalText(
            QCoreApplication::translate("PortalError", "The portal refused the request (HTTP %1).")
                .arg(status));
    }
    return error;
}

} // namespace

QString describe(const PortalError &error)
{
    QString text = error.message;
    if (error.httpStatus > 0)
        text += QStringLiteral(" [HTTP %1").arg(error.httpStatus) +
                (error.code.isEmpty() ? QString() : QStringLiteral(" ") + error.code) +
                QStringLiteral("]");
    else if (!error.code.isEmpty())
        text += QStringLiteral(" [") + error.code + QStringLiteral("]");
    if (error.retryAfterSeconds >= 0)
        text += QCoreApplication::translate("PortalError", " (retry after %n s)", nullptr,
                                            error.retryAfterSeconds);
    return text;
}

int parseRetryAfter(const QByteArray &value, const QDateTime &now)
{
    const QByteArray trimmed = value.trimmed();
    if (trimmed.isEmpty())
        return -1;
    bool isNumber = false;
    const int seconds = trimmed.toInt(&isNumber);
    if (isNumber)
        return seconds >= 0 ? seconds : -1;
    // IMF-fixdate, e.g. "Wed, 21 Oct 2015 07:28:00 GMT"; always English names.
    QDateTime when = QLocale::c().toDateTime(QString::fromLatin1(trimmed),
                                             QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'"));
    if (!when.isValid())
        return -1;
    when.setTimeZone(QTimeZone::utc());
    return int(qMax<qint64>(0, now.secsTo(when)));
}

std::optional<PortalError> classifyReply(const ReplyFacts &facts)
{
    using Kind = PortalError::Kind;
    if (facts.timedOut)
        return make(
            Kind::Transient, facts.httpStatus,
            QCoreApplication::translate("PortalError", "The portal did not answer in time."));
    if (!facts.tlsDetails.isEmpty() || facts.networkError == QNetworkReply::SslHandshakeFailedError)
        return make(
            Kind::Tls, 0,
            QCoreApplication::translate("PortalError",
                                        "The secure connection to the portal failed: %1")
                .arg(facts.tlsDetails.isEmpty() ? facts.networkErrorString : facts.tlsDetails));
    // Transport errors (1..199: connection and proxy) come before the status:
    // a reset after the headers still leaves a status of 200.
    if (facts.networkError > 0 && facts.networkError < 200) {
        QString what;
        switch (facts.networkError) {
        case QNetworkReply::HostNotFoundError:
            what =
                QCoreApplication::translate("PortalError", "The portal's host name was not found.");
            break;
        case QNetworkReply::ConnectionRefusedError:
            what = QCoreApplication::translate("PortalError", "The portal refused the connection.");
            break;
        case QNetworkReply::OperationCanceledError:
            what = QCoreApplication::translate("PortalError", "The request was cancelled.");
            break;
        case QNetworkReply::RemoteHostClosedError:
            what = QCoreApplication::translate(
                "PortalError", "The portal closed the connection before answering completely.");
            break;
        default:
            what = QCoreApplication::translate("PortalError", "The network failed: %1")
                       .arg(facts.networkErrorString);
        }
        return make(Kind::Transient, facts.httpStatus, what);
    }
    if (facts.httpStatus == 0) {
        if (facts.networkError != 0)
            return make(Kind::Permanent, 0,
                        QCoreApplication::translate("PortalError", "The request failed: %1")
                            .arg(facts.networkErrorString));
        return make(Kind::Transient, 0,
                    QCoreApplication::translate("PortalError", "The portal sent no answer."));
    }
    if (facts.httpStatus < 200 || facts.httpStatus >= 300)
        return fromHttpStatus(facts);
    if (facts.truncated)
        return make(Kind::Transient, facts.httpStatus,
                    QCoreApplication::translate("PortalError",
                                                "The portal's answer was cut off before its end."));
    if (facts.httpStatus == 204)
        return std::nullopt;
    QJsonParseError parseError;
    QJsonDocument::fromJson(facts.body, &parseError);
    if (parseError.error == QJsonParseError::NoError)
        return std::nullopt;
    if (looksLikeHtml(facts))
        return make(Kind::Permanent, facts.httpStatus,
                    QCoreApplication::translate(
                        "PortalError",
                        "The portal answered with a web page instead of REST data; check the "
                        "address."));
    return make(Kind::Permanent, facts.httpStatus,
                QCoreApplication::translate(
                    "PortalError",
                    "The portal's answer is not valid JSON (%1); a plugin or PHP warning may "
                    "be corrupting it.")
                    .arg(parseError.errorString()));
}

} // namespace ListingDesk
