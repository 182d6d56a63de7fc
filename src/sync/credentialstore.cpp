#include "credentialstore.h"

#include "synclog.h"

#include <QPointer>
#include <qt6keychain/keychain.h>

namespace ListingDesk {

namespace {

const QString service = QStringLiteral("ListingDesk");

Error noKeychain(const QString &detail)
{
    return makeError(Error::Kind::Io,
                     CredentialStore::tr("The password could not be kept in the system keychain "
                                         "(%1); it is kept only until ListingDesk quits.")
                         .arg(detail));
}

} // namespace

CredentialStore::CredentialStore(QObject *parent) : QObject(parent) {}

QString CredentialStore::keyFor(const PortalInfo &portal)
{
    return keyForPortalId(portal.id);
}

bool CredentialStore::keychainEnabled()
{
    return qgetenv("LISTINGDESK_NO_KEYCHAIN") != "1";
}

QString CredentialStore::keyForPortalId(qint64 portalId)
{
    return QStringLiteral("portal-%1").arg(portalId);
}

void CredentialStore::setSessionPassword(qint64 portalId, const QString &password)
{
    m_session.insert(keyForPortalId(portalId), password);
}

void CredentialStore::forgetSessionPassword(qint64 portalId)
{
    m_session.remove(keyForPortalId(portalId));
}

void CredentialStore::read(const PortalInfo &portal, QObject *context,
                           std::function<void(const Result<QString> &)> done)
{
    const Error missing = makeError(
        Error::Kind::NotFound,
        tr("No password is stored for \"%1\". Enter it in the portal's settings, or for the "
           "command line pass --password-stdin or set LISTINGDESK_PORTAL_PASSWORD.")
            .arg(portal.name));
    readKey(keyFor(portal), qEnvironmentVariable("LISTINGDESK_PORTAL_PASSWORD"), missing, context,
            std::move(done));
}

void CredentialStore::write(const PortalInfo &portal, const QString &password, QObject *context,
                            std::function<void(const Result<void> &)> done)
{
    writeKey(keyFor(portal), password, context, std::move(done));
}

void CredentialStore::remove(const PortalInfo &portal, QObject *context,
                             std::function<void(const Result<void> &)> done)
{
    removeKey(keyFor(portal), context, std::move(done));
}

void CredentialStore::readSecret(const QString &key, QObject *context,
                                 std::function<void(const Result<QString> &)> done)
{
    readKey(key, {}, makeError(Error::Kind::NotFound, tr("No password is stored for %1.").arg(key)),
            context, std::move(done));
}

void CredentialStore::writeSecret(const QString &key, const QString &secret, QObject *context,
                                  std::function<void(const Result<void> &)> done)
{
    writeKey(key, secret, context, std::move(done));
}

void CredentialStore::removeSecret(const QString &key, QObject *context,
                                   std::function<void(const Result<void> &)> done)
{
    removeKey(key, context, std::move(done));
}

void CredentialStore::readKey(const QString &key, const QString &fromEnvironment,
                              const Error &missing, QObject *context,
                              std::function<void(const Result<QString> &)> done)
{
    QPointer<QObject> guard(context);
    auto answer = [guard, done](const Result<QString> &result) {
        if (guard)
            done(result);
    };
    if (const auto it = m_session.constFind(key); it != m_session.constEnd())
        return answer(it.value());
    if (!fromEnvironment.isEmpty())
        return answer(fromEnvironment);
    if (!keychainEnabled())
        return answer(missing);
    auto *job = new QKeychain::ReadPasswordJob(service, this);
    job->setAutoDelete(true);
    job->setKey(key);
    connect(job, &QKeychain::Job::finished, this, [answer, missing](QKeychain::Job *finished) {
        auto *read = static_cast<QKeychain::ReadPasswordJob *>(finished);
        if (read->error() == QKeychain::NoError)
            return answer(read->textData());
        // The reason goes to the log, the password never does.
        if (read->error() != QKeychain::EntryNotFound)
            qCInfo(lcSync) << "keychain read failed:" << read->errorString();
        answer(missing);
    });
    job->start();
}

void CredentialStore::writeKey(const QString &key, const QString &secret, QObject *context,
                               std::function<void(const Result<void> &)> done)
{
    QPointer<QObject> guard(context);
    auto answer = [guard, done](const Result<void> &result) {
        if (guard)
            done(result);
    };
    m_session.insert(key, secret);
    if (!keychainEnabled())
        return answer(noKeychain(tr("turned off by LISTINGDESK_NO_KEYCHAIN")));
    auto *job = new QKeychain::WritePasswordJob(service, this);
    job->setAutoDelete(true);
    job->setKey(key);
    job->setTextData(secret);
    connect(job, &QKeychain::Job::finished, this, [answer](QKeychain::Job *finished) {
        if (finished->error() == QKeychain::NoError)
            return answer({});
        qCInfo(lcSync) << "keychain write failed:" << finished->errorString();
        answer(noKeychain(finished->errorString()));
    });
    job->start();
}

void CredentialStore::removeKey(const QString &key, QObject *context,
                                std::function<void(const Result<void> &)> done)
{
    QPointer<QObject> guard(context);
    auto answer = [guard, done](const Result<void> &result) {
        if (guard)
            done(result);
    };
    m_session.remove(key);
    if (!keychainEnabled())
        return answer({});
    auto *job = new QKeychain::DeletePasswordJob(service, this);
    job->setAutoDelete(true);
    job->setKey(key);
    connect(job, &QKeychain::Job::finished, this, [answer](QKeychain::Job *finished) {
        if (finished->error() == QKeychain::NoError ||
            finished->error() == QKeychain::EntryNotFound)
            return answer({});
        answer(makeError(Error::Kind::Io, finished->errorString()));
    });
    job->start();
}

} // namespace ListingDesk
