#pragma once

#include "credentialstore.h"
#include "library.h"
#include "portalconnector.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QStringList>
#include <QTextStream>

#include <functional>
#include <optional>

namespace ListingDesk {

/// What `portal add` is given on the command line.
struct PortalAddRequest
{
    QString name;
    QString url;
    QString user;
    bool allowHttp = false;
};

/// The CLI's portal commands: portal add/list/test/remove, pull and publish.
/// The network commands run QCoreApplication::exec() once and quit when their
/// operation finishes; nothing else in the CLI runs the event loop.
class PortalCommands
{
    Q_DECLARE_TR_FUNCTIONS(PortalCommands)
public:
    /// The same numbers as CliApplication::ExitCode; 3 = some items failed.
    enum ExitCode { Ok = 0, UsageError = 1, DataError = 2, ItemsFailed = 3 };

    PortalCommands(Library &library, QTextStream &out, QTextStream &err);

    /// A password read from --password-stdin: kept for this process only.
    void setStdinPassword(const QString &password) { m_stdinPassword = password; }

    int add(const PortalAddRequest &request);
    int list(bool json);
    int test(const QString &name, bool json);
    int remove(const QString &name);
    int pull(const QString &name, bool json);

    /// Each post of a listing on the portals, for `show --json`.
    static QJsonArray remotePostsJson(Library &library, qint64 listingId);
    /// Refuses what would not even reach a portal: empty, relative or non-http(s)
    /// URLs, and plain http to another machine without \a allowHttp.
    static QString checkUrl(const QString &url, bool allowHttp);

    // Shared with the queue commands, which talk to the same portals.
    /// The portal of that name (with the --password-stdin password set for
    /// it), or nullopt after saying why there is none.
    std::optional<PortalInfo> findPortal(const QString &name);
    /// Runs the event loop until \a start's finish callback gives the exit code.
    int runLoop(const std::function<void(std::function<void(int)>)> &start);
    /// Connects to the portal and hands the client on, with the portal's mode
    /// found by a probe when no `portal test` has saved it yet; reports
    /// connection errors itself.
    void withClient(const PortalInfo &portal, std::function<void(int)> finish,
                    std::function<void(WordPressClient *, const PortalInfo &)> then);
    PortalConnector *connector() { return &m_connector; }
    int fail(const QString &message, int code = DataError);

private:
    Library &m_library;
    QTextStream &m_out;
    QTextStream &m_err;
    QString m_stdinPassword;
    CredentialStore m_credentials;
    QNetworkAccessManager m_nam;
    /// Also the context object of every callback: the stores and the
    /// connector drop callbacks whose context is null.
    PortalConnector m_connector;
};

} // namespace ListingDesk
