#pragma once

#include "portalerror.h"

#include <QByteArray>
#include <QJsonDocument>
#include <QNetworkRequest>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QUrl>

#include <optional>

class QNetworkAccessManager;
class QNetworkReply;

namespace ListingDesk {

/// One REST request to the portal, from sending to a classified result.
/// It owns its reply, stops waiting after a period without progress, follows
/// redirects only within the same origin (so the Authorization header never
/// reaches another host) and deletes itself after finished(). One object per
/// request, as in Nextcloud's AbstractNetworkJob: the state of a request never
/// leaks into the next one.
class RestJob : public QObject
{
    Q_OBJECT

public:
    /// Prepares the request; nothing is sent before start().
    RestJob(QNetworkAccessManager *nam, const QNetworkRequest &request, const QByteArray &verb,
            const QByteArray &body, int timeoutMs, QObject *parent = nullptr);
    ~RestJob() override;

    /// Sends the request. finished() always comes later, from the event loop.
    void start();
    /// Gives up; finished() follows with a Transient error unless already finished.
    void abort();

    bool isFinished() const { return m_finished; }
    /// Whether start() sent it (or it finished without being sent).
    bool isStarted() const { return m_started || m_finished; }
    /// nullptr when the request succeeded.
    const PortalError *error() const { return m_error ? &*m_error : nullptr; }
    int httpStatus() const { return m_httpStatus; }
    /// The parsed body; also set for error answers that carry WordPress's JSON.
    QJsonDocument json() const { return m_json; }
    QByteArray body() const { return m_body; }
    QByteArray header(const QByteArray &name) const;
    /// X-WP-TotalPages, or -1 when the portal did not send it.
    int totalPages() const;
    /// X-WP-Total, or -1.
    int total() const;
    /// Where the request finally went (after redirects).
    QUrl url() const { return m_request.url(); }
    QByteArray verb() const { return m_verb; }

signals:
    void finished();

private:
    void send();
    void onReplyFinished();
    bool handleRedirect(int status);
    void finish(std::optional<PortalError> error);
    void onTimeout();

    QPointer<QNetworkAccessManager> m_nam;
    QNetworkRequest m_request;
    QByteArray m_verb;
    QByteArray m_requestBody;
    QNetworkReply *m_reply = nullptr;
    QTimer m_timer;
    int m_redirects = 0;
    bool m_timedOut = false;
    bool m_finished = false;
    bool m_started = false;
    QString m_tlsDetails;

    int m_httpStatus = 0;
    QByteArray m_body;
    QJsonDocument m_json;
    QList<std::pair<QByteArray, QByteArray>> m_headers;
    std::optional<PortalError> m_error;
};

} // namespace ListingDesk
