#pragma once

#include "result.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>

namespace ListingDesk {

/// Why a portal request failed, sorted by what the caller should do next:
/// retry later (Transient), stop and tell the user (Permanent, Auth, Tls),
/// or take the special path for a missing or conflicting remote object.
struct PortalError
{
    enum class Kind {
        Transient, ///< timeout, reset, refused, 429, 5xx, cut-off answer: retry with backoff
        Permanent, ///< the portal refused the request as it is (4xx validation, not REST)
        Auth,      ///< 401 (wrong user or password) or 403 (not allowed)
        NotFound,  ///< 404: the post, term or route does not exist
        Conflict,  ///< 409
        Tls,       ///< certificate or handshake problem; never ignored
    };
    Kind kind = Kind::Permanent;
    int httpStatus = 0;
    QString code;    ///< WordPress error code, e.g. rest_invalid_param
    QString message; ///< translated, for people; includes WordPress's own message when it sent one
    int retryAfterSeconds = -1; ///< from Retry-After (429/503), -1 when absent
};

template <typename T> using PortalResult = Result<T, PortalError>;

/// One line for a log or a status bar: the message plus status and code.
QString describe(const PortalError &error);

/// Retry-After is either delta-seconds or an HTTP-date (RFC 9110 10.2.3);
/// -1 when absent or unreadable. \a now is injectable for tests.
int parseRetryAfter(const QByteArray &value,
                    const QDateTime &now = QDateTime::currentDateTimeUtc());

/// What the reply said, reduced to what classification needs; RestJob fills it
/// so that the rules below can be tested without a network.
struct ReplyFacts
{
    int networkError = 0; ///< QNetworkReply::NetworkError
    QString networkErrorString;
    bool timedOut = false;
    bool truncated = false; ///< fewer body bytes than Content-Length
    QString tlsDetails;     ///< the sslErrors() texts, when there were any
    int httpStatus = 0;
    QByteArray contentType;
    QByteArray retryAfter;
    QByteArray body;
};

/// The error for a finished reply, or nullopt when it succeeded and carries
/// JSON. Also checks that a 2xx answer is JSON at all: a web page in place of
/// REST data usually means a wrong address or a login wall.
std::optional<PortalError> classifyReply(const ReplyFacts &facts);

} // namespace ListingDesk
