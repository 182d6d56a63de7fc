#include "portalconnector.h"

#include <QHostAddress>
#include <QPointer>

namespace ListingDesk {

PortalConnector::PortalConnector(Library &library, CredentialStore *credentials,
                                 QNetworkAccessManager *nam, QObject *parent)
    : QObject(parent), m_library(library), m_credentials(credentials), m_nam(nam)
{
}

bool PortalConnector::isLocalHost(const QUrl &url)
{
    const QString host = url.host().toLower();
    if (host == QLatin1String("localhost"))
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

bool PortalConnector::isPlainHttpAllowed(const PortalInfo &portal)
{
    const QUrl url(portal.baseUrl);
    if (url.scheme() != QLatin1String("http"))
        return true;
    return isLocalHost(url) || portal.allowPlainHttp;
}

void PortalConnector::forget(qint64 portalId)
{
    if (WordPressClient *client = m_clients.take(portalId))
        client->deleteLater();
}

void PortalConnector::connectTo(const PortalInfo &portal, QObject *context,
                                std::function<void(const Result<WordPressClient *> &)> done)
{
    if (!isPlainHttpAllowed(portal))
        return done(makeError(
            Error::Kind::Data,
            tr("\"%1\" uses plain http:// to another machine: the password and every listing "
               "would cross the network unencrypted. Use https://, or confirm plain http for "
               "this portal in its settings.")
                .arg(portal.name)));
    QPointer<QObject> guard(context);
    m_credentials->read(portal, this, [this, portal, guard, done](const Result<QString> &password) {
        if (!guard)
            return;
        if (!password)
            return done(password.error());
        forget(portal.id);
        PortalEndpoint endpoint;
        endpoint.baseUrl = QUrl(portal.baseUrl);
        endpoint.username = portal.username;
        endpoint.password = password.value();
        endpoint.timeoutMs = m_timeoutMs;
        auto *client = new WordPressClient(m_nam, endpoint, this);
        m_clients.insert(portal.id, client);
        done(client);
    });
}

} // namespace ListingDesk
