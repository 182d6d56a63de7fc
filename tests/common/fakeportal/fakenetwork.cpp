// The network half of the fake portal: a QNetworkAccessManager that never
// opens a socket and replies that behave like Qt's HTTP replies (status and
// headers first, the body, HTTP errors mapped to QNetworkReply error codes).

#include "fakeportal.h"
#include "fakeportal_p.h"

#include <QTimer>

#include <algorithm>
#include <memory>

namespace ListingDesk::Testing {

namespace {

// What Qt's HTTP backend reports for an error status, so that code under test
// sees the same error() as against a real server.
QNetworkReply::NetworkError errorForStatus(int status)
{
    switch (status) {
    case 401:
        return QNetworkReply::AuthenticationRequiredError;
    case 403:
        return QNetworkReply::ContentAccessDenied;
    case 404:
        return QNetworkReply::ContentNotFoundError;
    case 405:
        return QNetworkReply::ContentOperationNotPermittedError;
    case 409:
        return QNetworkReply::ContentConflictError;
    case 410:
        return QNetworkReply::ContentGoneError;
    case 500:
        return QNetworkReply::InternalServerError;
    case 501:
        return QNetworkReply::OperationNotImplementedError;
    case 503:
        return QNetworkReply::ServiceUnavailableError;
    default:
        if (status >= 500)
            return QNetworkReply::UnknownServerError;
        if (status >= 400)
            return QNetworkReply::UnknownContentError;
        return QNetworkReply::NoError;
    }
}

} // namespace

FakeNetworkAccessManager::FakeNetworkAccessManager(FakePortal *portal, QObject *parent)
    : QNetworkAccessManager(parent), m_portal(portal)
{
}

QNetworkReply *FakeNetworkAccessManager::createRequest(Operation op, const QNetworkRequest &request,
                                                       QIODevice *outgoingData)
{
    QByteArray verb;
    switch (op) {
    case HeadOperation:
        verb = "HEAD";
        break;
    case GetOperation:
        verb = "GET";
        break;
    case PutOperation:
        verb = "PUT";
        break;
    case PostOperation:
        verb = "POST";
        break;
    case DeleteOperation:
        verb = "DELETE";
        break;
    default:
        verb = request.attribute(QNetworkRequest::CustomVerbAttribute).toByteArray();
    }
    const QByteArray body = outgoingData ? outgoingData->readAll() : QByteArray();
    FakeResponse response = m_portal->handle(verb, request, body);
    auto *reply = new FakeReply(op, request, verb, std::move(response), this);
    m_maxOpen = std::max(m_maxOpen, ++m_open);
    // A reply finishes once (answered or aborted); one deleted unanswered
    // counts as closed too.
    auto closed = std::make_shared<bool>(false);
    auto close = [this, closed] {
        if (!*closed) {
            *closed = true;
            --m_open;
        }
    };
    connect(reply, &QNetworkReply::finished, this, close);
    connect(reply, &QObject::destroyed, this, close);
    return reply;
}

FakeReply::FakeReply(QNetworkAccessManager::Operation op, const QNetworkRequest &request,
                     const QByteArray &verb, FakeResponse response, QObject *parent)
    : QNetworkReply(parent), m_response(std::move(response))
{
    setRequest(request);
    setUrl(request.url());
    setOperation(op);
    if (op == QNetworkAccessManager::CustomOperation)
        setAttribute(QNetworkRequest::CustomVerbAttribute, verb);
    open(QIODevice::ReadOnly | QIODevice::Unbuffered);
    if (m_response.hang)
        return; // only abort() ends this one
    QTimer::singleShot(m_response.delayMs, this, &FakeReply::respond);
}

void FakeReply::respond()
{
    if (m_done)
        return;
    m_done = true;
    const bool connected = m_response.status > 0;
    if (connected) {
        setAttribute(QNetworkRequest::HttpStatusCodeAttribute, m_response.status);
        setAttribute(QNetworkRequest::HttpReasonPhraseAttribute,
                     Detail::reasonPhrase(m_response.status));
        for (const auto &[name, value] : m_response.headers)
            setRawHeader(name, value);
        setRawHeader("Content-Length", QByteArray::number(m_response.body.size()));
        emit metaDataChanged();
        m_payload = m_response.sendBytes >= 0 ? m_response.body.left(m_response.sendBytes)
                                              : m_response.body;
        if (!m_payload.isEmpty()) {
            emit downloadProgress(m_payload.size(), m_response.body.size());
            emit readyRead();
        }
    }
    QNetworkReply::NetworkError error = m_response.error;
    QString errorText = m_response.errorString;
    if (error == QNetworkReply::NoError && connected) {
        error = errorForStatus(m_response.status);
        errorText = QStringLiteral("Server replied: %1")
                        .arg(QString::fromLatin1(Detail::reasonPhrase(m_response.status)));
    }
    if (error != QNetworkReply::NoError) {
        setError(error, errorText);
        emit errorOccurred(error);
    }
    setFinished(true);
    emit finished();
}

void FakeReply::abort()
{
    if (m_done)
        return;
    m_done = true;
    setError(OperationCanceledError, QStringLiteral("Operation canceled"));
    emit errorOccurred(OperationCanceledError);
    setFinished(true);
    emit finished();
}

qint64 FakeReply::bytesAvailable() const
{
    return m_payload.size() - m_position + QIODevice::bytesAvailable();
}

qint64 FakeReply::readData(char *data, qint64 maxSize)
{
    const qint64 count = qMin(maxSize, qint64(m_payload.size()) - m_position);
    if (count <= 0)
        return m_done ? -1 : 0;
    memcpy(data, m_payload.constData() + m_position, size_t(count));
    m_position += count;
    return count;
}

} // namespace ListingDesk::Testing
