#include "restjob.h"

#include "synclog.h"

#include <QCoreApplication>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#if QT_CONFIG(ssl)
#include <QSslError>
#endif

namespace ListingDesk {

namespace {

constexpr int maxRedirects = 5;

int defaultPort(const QUrl &url)
{
    return url.port(url.scheme() == u"https" ? 443 : 80);
}

// Same origin, or the same host moving from http to https on its default
// ports: the only redirects that may carry our credentials.
bool mayFollow(const QUrl &from, const QUrl &to)
{
    if (from.host().compare(to.host(), Qt::CaseInsensitive) != 0)
        return false;
    if (from.scheme() == to.scheme())
        return defaultPort(from) == defaultPort(to);
    return from.scheme() == u"http" && to.scheme() == u"https" && from.port(80) == 80 &&
           to.port(443) == 443;
}

// The URL as it may appear in a log: never user info.
QString loggable(const QUrl &url)
{
    return url.toString(QUrl::RemoveUserInfo);
}

} // namespace

RestJob::RestJob(QNetworkAccessManager *nam, const QNetworkRequest &request, const QByteArray &verb,
                 const QByteArray &body, int timeoutMs, QObject *parent)
    : QObject(parent), m_nam(nam), m_request(request), m_verb(verb), m_requestBody(body)
{
    // We judge every redirect ourselves; Qt's default policy would follow
    // one to another host together with the Authorization header.
    m_request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                           QNetworkRequest::ManualRedirectPolicy);
    m_timer.setSingleShot(true);
    m_timer.setInterval(timeoutMs > 0 ? timeoutMs : 30000);
    connect(&m_timer, &QTimer::timeout, this, &RestJob::onTimeout);
}

RestJob::~RestJob()
{
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        delete m_reply;
    }
}

void RestJob::start()
{
    // A paced job may be aborted before its turn comes.
    if (m_finished || m_reply)
        return;
    m_started = true;
    send();
}

void RestJob::abort()
{
    if (m_finished)
        return;
    if (m_reply)
        m_reply->abort(); // finishes through onReplyFinished
    else
        finish(PortalError{PortalError::Kind::Transient,
                           0,
                           {},
                           QCoreApplication::translate("PortalError", "The request was cancelled."),
                           -1});
}

void RestJob::send()
{
    if (!m_nam) {
        QMetaObject::invokeMethod(
            this,
            [this] {
                finish(PortalError{PortalError::Kind::Permanent,
                                   0,
                                   {},
                                   QStringLiteral("no network access manager"),
                                   -1});
            },
            Qt::QueuedConnection);
        return;
    }
    m_reply = m_nam->sendCustomRequest(m_request, m_verb, m_requestBody);
    connect(m_reply, &QNetworkReply::finished, this, &RestJob::onReplyFinished);
    // The timeout measures silence, not duration: a large image on a slow
    // line keeps making progress and must not be cut off.
    connect(m_reply, &QNetworkReply::uploadProgress, &m_timer, qOverload<>(&QTimer::start));
    connect(m_reply, &QNetworkReply::downloadProgress, &m_timer, qOverload<>(&QTimer::start));
#if QT_CONFIG(ssl)
    connect(m_reply, &QNetworkReply::sslErrors, this, [this](const QList<QSslError> &errors) {
        // Collected for the message only; we never call ignoreSslErrors.
        QStringList texts;
        for (const QSslError &error : errors)
            texts << error.errorString();
        m_tlsDetails = texts.join(QStringLiteral("; "));
    });
#endif
    m_timer.start();
}

void RestJob::onTimeout()
{
    if (!m_reply || m_finished)
        return;
    m_timedOut = true;
    m_reply->abort();
}

QByteArray RestJob::header(const QByteArray &name) const
{
    for (const auto &[key, value] : m_headers)
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    return {};
}

int RestJob::totalPages() const
{
    bool ok = false;
    const int pages = header("X-WP-TotalPages").trimmed().toInt(&ok);
    return ok ? pages : -1;
}

int RestJob::total() const
{
    bool ok = false;
    const int count = header("X-WP-Total").trimmed().toInt(&ok);
    return ok ? count : -1;
}

void RestJob::onReplyFinished()
{
    QNetworkReply *reply = m_reply;
    m_reply = nullptr;
    m_timer.stop();
    reply->deleteLater();
    reply->disconnect(this);

    ReplyFacts facts;
    facts.networkError = reply->error();
    facts.networkErrorString = reply->errorString();
    facts.timedOut = m_timedOut;
    facts.tlsDetails = m_tlsDetails;
    facts.httpStatus = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    facts.contentType = reply->rawHeader("Content-Type");
    facts.retryAfter = reply->rawHeader("Retry-After");
    facts.body = reply->readAll();
    bool lengthOk = false;
    const qint64 announced = reply->rawHeader("Content-Length").toLongLong(&lengthOk);
    facts.truncated =
        lengthOk && reply->rawHeader("Content-Encoding").isEmpty() && facts.body.size() < announced;
    m_httpStatus = facts.httpStatus;
    m_headers = reply->rawHeaderPairs();
    m_body = facts.body;

    qCDebug(lcSync).noquote() << m_verb << loggable(m_request.url()) << "->" << m_httpStatus
                              << (facts.timedOut ? "timeout" : "");

    if (!facts.timedOut && facts.networkError != QNetworkReply::RemoteHostClosedError &&
        m_httpStatus >= 300 && m_httpStatus < 400 && handleRedirect(m_httpStatus))
        return;

    m_json = QJsonDocument::fromJson(m_body);
    finish(classifyReply(facts));
}

bool RestJob::handleRedirect(int status)
{
    const QByteArray location = header("Location");
    if (location.isEmpty() || status == 304)
        return false;
    const QUrl target = m_request.url().resolved(QUrl::fromEncoded(location));
    if (!mayFollow(m_request.url(), target)) {
        qCWarning(lcSync).noquote() << "not following redirect from" << loggable(m_request.url())
                                    << "to" << loggable(target);
        finish(PortalError{
            PortalError::Kind::Permanent, status, QStringLiteral("redirect_other_host"),
            QCoreApplication::translate("PortalError",
                                        "The portal redirected to another address (%1). It was "
                                        "not followed, so that your password is not sent there; "
                                        "check the portal address.")
                .arg(target.toString(QUrl::RemoveUserInfo | QUrl::RemoveQuery)),
            -1});
        return true;
    }
    if (++m_redirects > maxRedirects) {
        finish(PortalError{
            PortalError::Kind::Permanent, status, QStringLiteral("too_many_redirects"),
            QCoreApplication::translate("PortalError", "The portal redirected too many times."),
            -1});
        return true;
    }
    if (status == 303) {
        m_verb = "GET";
        m_requestBody.clear();
    }
    m_request.setUrl(target);
    m_tlsDetails.clear();
    send();
    return true;
}

void RestJob::finish(std::optional<PortalError> error)
{
    if (m_finished)
        return;
    m_finished = true;
    m_timer.stop();
    m_error = std::move(error);
    if (m_error)
        qCDebug(lcSync).noquote() << m_verb << loggable(m_request.url())
                                  << "failed:" << describe(*m_error);
    emit finished();
    deleteLater();
}

} // namespace ListingDesk
