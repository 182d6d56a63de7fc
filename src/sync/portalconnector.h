#pragma once

#include "credentialstore.h"
#include "library.h"
#include "wordpressclient.h"

#include <QHash>
#include <QObject>

#include <functional>

class QNetworkAccessManager;

namespace ListingDesk {

/// Turns a portal account into a ready WordPressClient: reads its password
/// from the CredentialStore and refuses plain http:// to anything but this
/// machine unless the user confirmed it for that portal. One client per
/// portal, owned here and shared by the GUI's and the CLI's operations.
class PortalConnector : public QObject
{
    Q_OBJECT
public:
    PortalConnector(Library &library, CredentialStore *credentials, QNetworkAccessManager *nam,
                    QObject *parent = nullptr);

    void connectTo(const PortalInfo &portal, QObject *context,
                   std::function<void(const Result<WordPressClient *> &)> done);
    /// Drops the client of a portal whose account changed.
    void forget(qint64 portalId);

    /// How long one request may take; tests shorten it.
    void setTimeoutMs(int ms) { m_timeoutMs = ms; }

    static bool isLocalHost(const QUrl &url);
    /// https always; http only to this machine or after the user's confirmation.
    static bool isPlainHttpAllowed(const PortalInfo &portal);

private:
    Library &m_library;
    CredentialStore *m_credentials;
    QNetworkAccessManager *m_nam;
    QHash<qint64, WordPressClient *> m_clients;
    int m_timeoutMs = 30000;
};

} // namespace ListingDesk
