#pragma once

#include "portalrepository.h"
#include "result.h"

#include <QHash>
#include <QObject>

#include <functional>

namespace ListingDesk {

/// Where portal passwords live: the OS keychain (QtKeychain: Secret Service,
/// KWallet), never the database, the settings or a log. Where no keychain
/// service runs (a headless machine, a cron job), a password given for this
/// session (the GUI asks; the CLI reads --password-stdin or
/// LISTINGDESK_PORTAL_PASSWORD) is kept in memory only.
class CredentialStore : public QObject
{
    Q_OBJECT
public:
    explicit CredentialStore(QObject *parent = nullptr);

    /// Keeps a password for this session only; it wins over the keychain.
    void setSessionPassword(qint64 portalId, const QString &password);
    void forgetSessionPassword(qint64 portalId);

    /// Session password, then LISTINGDESK_PORTAL_PASSWORD, then the keychain.
    /// Fails with Error::Kind::NotFound when there is none anywhere.
    void read(const PortalInfo &portal, QObject *context,
              std::function<void(const Result<QString> &)> done);
    /// Stores in the keychain and for the session. When the keychain cannot
    /// take it, the session keeps it and the error says so.
    void write(const PortalInfo &portal, const QString &password, QObject *context,
               std::function<void(const Result<void> &)> done);
    void remove(const PortalInfo &portal, QObject *context,
                std::function<void(const Result<void> &)> done);

    /// The same for another secret kept under \a key: a team library's
    /// password, under its URL without the password. Session, then keychain;
    /// NotFound when neither has it.
    void readSecret(const QString &key, QObject *context,
                    std::function<void(const Result<QString> &)> done);
    void writeSecret(const QString &key, const QString &secret, QObject *context,
                     std::function<void(const Result<void> &)> done);
    void removeSecret(const QString &key, QObject *context,
                      std::function<void(const Result<void> &)> done);

    /// The keychain entry's key; never the password.
    static QString keyFor(const PortalInfo &portal);
    /// False when LISTINGDESK_NO_KEYCHAIN=1 (tests, and machines whose
    /// keychain service would only prompt or hang).
    static bool keychainEnabled();

private:
    static QString keyForPortalId(qint64 portalId);
    /// Session, then \a fromEnvironment when set, then the keychain.
    void readKey(const QString &key, const QString &fromEnvironment, const Error &missing,
                 QObject *context, std::function<void(const Result<QString> &)> done);
    void writeKey(const QString &key, const QString &secret, QObject *context,
                  std::function<void(const Result<void> &)> done);
    void removeKey(const QString &key, QObject *context,
                   std::function<void(const Result<void> &)> done);

    QHash<QString, QString> m_session; ///< by keychain key: this session only
};

} // namespace ListingDesk
