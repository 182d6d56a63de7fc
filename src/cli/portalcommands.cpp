#include "portalcommands.h"

#include "pulloperation.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QMimeDatabase>
#include <QTimer>
#include <QUrl>
#include <QUuid>

#include <memory>

namespace ListingDesk {

namespace {

QString yesNo(bool value)
{
    return value ? QCoreApplication::translate("PortalCommands", "yes")
                 : QCoreApplication::translate("PortalCommands", "no");
}

QJsonObject portalJson(const PortalInfo &p)
{
    return QJsonObject{
        {QStringLiteral("id"), p.id},
        {QStringLiteral("name"), p.name},
        {QStringLiteral("url"), p.baseUrl},
        {QStringLiteral("user"), p.username},
        {QStringLiteral("mode"),
         p.mode == PortalMode::Unknown ? QJsonValue() : QJsonValue(portalModeKey(p.mode))},
        {QStringLiteral("allow_http"), p.allowPlainHttp},
        {QStringLiteral("last_pull"),
         p.lastPull.isValid() ? QJsonValue(p.lastPull.toString(Qt::ISODate)) : QJsonValue()}};
}

} // namespace

PortalCommands::PortalCommands(Library &library, QTextStream &out, QTextStream &err)
    : m_library(library), m_out(out), m_err(err), m_connector(library, &m_credentials, &m_nam)
{
}

int PortalCommands::fail(const QString &message, int code)
{
    m_err << tr("listingdesk-cli: %1").arg(message) << Qt::endl;
    return code;
}

QString PortalCommands::checkUrl(const QString &url, bool allowHttp)
{
    const QUrl parsed(url, QUrl::StrictMode);
    if (!parsed.isValid() || parsed.host().isEmpty() ||
        (parsed.scheme() != QLatin1String("http") && parsed.scheme() != QLatin1String("https")))
        return tr("\"%1\" is not a portal address; give the site's address, e.g. "
                  "https://portal.example.com")
            .arg(url);
    if (parsed.scheme() == QLatin1String("http") && !allowHttp &&
        !PortalConnector::isLocalHost(parsed))
        return tr("\"%1\" uses plain http:// to another machine: the password and every listing "
                  "would cross the network unencrypted. Use https://, or add --allow-http if "
                  "you accept that.")
            .arg(url);
    return QString();
}

std::optional<PortalInfo> PortalCommands::findPortal(const QString &name)
{
    auto found = m_library.portals().portalByName(name);
    if (!found) {
        fail(tr("there is no portal named \"%1\"; see 'listingdesk-cli portal list'").arg(name));
        return std::nullopt;
    }
    if (!m_stdinPassword.isEmpty())
        m_credentials.setSessionPassword(found.value().id, m_stdinPassword);
    return found.value();
}

int PortalCommands::runLoop(const std::function<void(std::function<void(int)>)> &start)
{
    // exit() from inside the loop; the single shot makes sure the loop runs first.
    QTimer::singleShot(0, [start] { start([](int code) { QCoreApplication::exit(code); }); });
    return QCoreApplication::exec();
}

int PortalCommands::add(const PortalAddRequest &request)
{
    if (const QString problem = checkUrl(request.url, request.allowHttp); !problem.isEmpty())
        return fail(problem, UsageError);
    PortalInfo portal;
    portal.name = request.name.trimmed();
    portal.baseUrl = request.url;
    portal.username = request.user;
    portal.allowPlainHttp = request.allowHttp;
    auto id = m_library.portals().add(portal);
    if (!id)
        return fail(id.error().message);
    portal.id = id.value();
    m_out << tr("Added portal \"%1\" (%2). Check it with 'listingdesk-cli portal test %1'.")
                 .arg(portal.name, portal.baseUrl)
          << Qt::endl;
    if (m_stdinPassword.isEmpty())
        return Ok;
    if (!CredentialStore::keychainEnabled()) {
        m_err << tr("No keychain is used here: the password is not kept. Give it with "
                    "LISTINGDESK_PORTAL_PASSWORD or --password-stdin on each command.")
              << Qt::endl;
        return Ok;
    }
    return runLoop([this, portal](std::function<void(int)> finish) {
        m_credentials.write(portal, m_stdinPassword, &m_connector,
                            [this, finish](const Result<void> &written) {
                                if (!written)
                                    m_err << tr("The password could not be stored in the "
                                                "keychain (%1). Give it with "
                                                "LISTINGDESK_PORTAL_PASSWORD or "
                                                "--password-stdin on each command.")
                                                 .arg(written.error().message)
                                          << Qt::endl;
                                finish(Ok);
                            });
    });
}

int PortalCommands::list(bool json)
{
    auto portals = m_library.portals().all();
    if (!portals)
        return fail(portals.error().message);
    if (json) {
        QJsonArray array;
        for (const PortalInfo &p : std::as_const(portals.value()))
            array.append(portalJson(p));
        m_out << QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Indented));
        return Ok;
    }
    if (portals.value().isEmpty())
        m_out << tr("No portals yet; add one with 'listingdesk-cli portal add'.") << Qt::endl;
    for (const PortalInfo &p : std::as_const(portals.value()))
        m_out << p.name << QLatin1String("  ") << p.baseUrl << QLatin1String("  ") << p.username
              << QLatin1String("  ")
              << (p.mode == PortalMode::Unknown ? tr("(not tested yet)") : portalModeKey(p.mode))
              << Qt::endl;
    return Ok;
}

int PortalCommands::remove(const QString &name)
{
    const auto portal = findPortal(name);
    if (!portal)
        return DataError;
    if (auto removed = m_library.portals().remove(portal->id); !removed)
        return fail(removed.error().message);
    m_out << tr("Removed portal \"%1\".").arg(name) << Qt::endl;
    if (!CredentialStore::keychainEnabled())
        return Ok;
    return runLoop([this, portal](std::function<void(int)> finish) {
        // A password left in the keychain is harmless but stale; say so, still exit 0.
        m_credentials.remove(*portal, &m_connector, [this, finish](const Result<void> &removed) {
            if (!removed)
                m_err << tr("The keychain entry could not be removed: %1")
                             .arg(removed.error().message)
                      << Qt::endl;
            finish(Ok);
        });
    });
}

void PortalCommands::withClient(const PortalInfo &portal, std::function<void(int)> finish,
                                std::function<void(WordPressClient *, const PortalInfo &)> then)
{
    m_connector.connectTo(
        portal, &m_connector,
        [this, portal, finish, then](const Result<WordPressClient *> &client) {
            if (!client) {
                if (client.error().kind == Error::Kind::NotFound)
                    fail(tr("no password for portal \"%1\": give it with --password-stdin or "
                            "LISTINGDESK_PORTAL_PASSWORD")
                             .arg(portal.name));
                else
                    fail(client.error().message);
                return finish(DataError);
            }
            if (portal.mode != PortalMode::Unknown)
                return then(client.value(), portal);
            WordPressClient *wp = client.value();
            wp->probe(&m_connector, [this, portal, finish, then,
                                     wp](const PortalResult<ConnectionReport> &report) {
                if (report.value().problem) {
                    fail(describe(*report.value().problem));
                    return finish(DataError);
                }
                PortalInfo probed = portal;
                probed.mode =
                    report.value().companionPlugin ? PortalMode::Plugin : PortalMode::Plain;
                m_library.portals().setMode(probed.id, probed.mode);
                then(wp, probed);
            });
        });
}

int PortalCommands::test(const QString &name, bool json)
{
    const auto portal = findPortal(name);
    if (!portal)
        return DataError;
    return runLoop([this, portal, json](std::function<void(int)> finish) {
        m_connector.connectTo(
            *portal, &m_connector,
            [this, portal, json, finish](const Result<WordPressClient *> &client) {
                if (!client) {
                    fail(client.error().kind == Error::Kind::NotFound
                             ? tr("no password for portal \"%1\": give it with --password-stdin or "
                                  "LISTINGDESK_PORTAL_PASSWORD")
                                   .arg(portal->name)
                             : client.error().message);
                    return finish(DataError);
                }
                client.value()->probe(&m_connector, [this, portal, json, finish](
                                                        const PortalResult<ConnectionReport> &r) {
                    const ConnectionReport &report = r.value();
                    const bool usable = report.reachable && report.restApi && report.authenticated;
                    const PortalMode mode = !usable                  ? PortalMode::Unknown
                                            : report.companionPlugin ? PortalMode::Plugin
                                                                     : PortalMode::Plain;
                    if (usable)
                        m_library.portals().setMode(portal->id, mode);
                    if (json) {
                        QJsonObject o{{QStringLiteral("portal"), portal->name},
                                      {QStringLiteral("usable"), usable},
                                      {QStringLiteral("reachable"), report.reachable},
                                      {QStringLiteral("rest_api"), report.restApi},
                                      {QStringLiteral("authenticated"), report.authenticated},
                                      {QStringLiteral("companion_plugin"), report.companionPlugin},
                                      {QStringLiteral("mode"),
                                       usable ? QJsonValue(portalModeKey(mode)) : QJsonValue()},
                                      {QStringLiteral("site_name"), report.siteName},
                                      {QStringLiteral("user"), report.userName},
                                      {QStringLiteral("plugin_version"), report.pluginVersion},
                                      {QStringLiteral("features"),
                                       QJsonArray::fromStringList(report.features)}};
                        if (report.problem)
                            o.insert(QStringLiteral("problem"), describe(*report.problem));
                        m_out << QString::fromUtf8(
                            QJsonDocument(o).toJson(QJsonDocument::Indented));
                    } else {
                        m_out << tr("Portal:            %1 (%2)").arg(portal->name, portal->baseUrl)
                              << Qt::endl
                              << tr("Reachable:         %1").arg(yesNo(report.reachable))
                              << Qt::endl
                              << tr("REST API:          %1").arg(yesNo(report.restApi)) << Qt::endl
                              << tr("Credentials:       %1").arg(yesNo(report.authenticated))
                              << Qt::endl
                              << tr("Companion plugin:  %1")
                                     .arg(report.companionPlugin
                                              ? tr("yes (version %1)").arg(report.pluginVersion)
                                              : tr("no"))
                              << Qt::endl;
                        if (usable)
                            m_out << tr("Mode:              %1")
                                         .arg(mode == PortalMode::Plugin
                                                  ? tr("plugin (city taxonomy, post meta)")
                                                  : tr("plain WordPress (cities as tags, contact "
                                                       "and price in the body)"))
                                  << Qt::endl;
                        if (!report.siteName.isEmpty())
                            m_out << tr("Site:              %1").arg(report.siteName) << Qt::endl;
                        if (!report.userName.isEmpty())
                            m_out << tr("Signed in as:      %1").arg(report.userName) << Qt::endl;
                        if (!report.features.isEmpty())
                            m_out << tr("Features:          %1")
                                         .arg(report.features.join(QStringLiteral(", ")))
                                  << Qt::endl;
                        if (report.problem)
                            m_err << tr("Problem: %1").arg(describe(*report.problem)) << Qt::endl;
                    }
                    finish(usable ? Ok : DataError);
                });
            });
    });
}

int PortalCommands::pull(const QString &name, bool json)
{
    const auto portal = findPortal(name);
    if (!portal)
        return DataError;
    std::unique_ptr<PullOperation> operation;
    return runLoop([this, portal, json, &operation](std::function<void(int)> finish) {
        withClient(
            *portal, finish,
            [this, json, finish, &operation](WordPressClient *client, const PortalInfo &info) {
                operation = std::make_unique<PullOperation>(m_library, client, info);
                PullOperation *op = operation.get();
                QObject::connect(op, &PullOperation::finished, op, [this, op, json, finish, info] {
                    if (const auto failure = op->failure()) {
                        fail(tr("pull from \"%1\" failed: %2").arg(info.name, describe(*failure)));
                        return finish(DataError);
                    }
                    const PullSummary &s = op->summary();
                    if (json) {
                        const QJsonObject o{
                            {QStringLiteral("portal"), info.name},
                            {QStringLiteral("new"), s.created},
                            {QStringLiteral("updated"), s.updated},
                            {QStringLiteral("unchanged"), s.unchanged},
                            {QStringLiteral("conflicts"), s.conflicts},
                            {QStringLiteral("deleted"), s.deleted},
                            {QStringLiteral("errors"), s.errors},
                            {QStringLiteral("messages"), QJsonArray::fromStringList(s.messages)}};
                        m_out << QString::fromUtf8(
                            QJsonDocument(o).toJson(QJsonDocument::Indented));
                    } else {
                        m_out << tr("Pulled from %1: %2 new, %3 updated, %4 unchanged, %5 "
                                    "conflicts, %6 deleted on the portal, %7 errors.")
                                     .arg(info.name)
                                     .arg(s.created)
                                     .arg(s.updated)
                                     .arg(s.unchanged)
                                     .arg(s.conflicts)
                                     .arg(s.deleted)
                                     .arg(s.errors)
                              << Qt::endl;
                        for (const QString &message : s.messages)
                            m_out << QLatin1String("  ") << message << Qt::endl;
                    }
                    finish(s.errors > 0 ? ItemsFailed : Ok);
                });
                op->start();
            });
    });
}

QJsonArray PortalCommands::remotePostsJson(Library &library, qint64 listingId)
{
    QJsonArray array;
    auto records = library.remotePosts().forListing(listingId);
    if (!records)
        return array;
    QHash<qint64, QString> names;
    for (const RemotePostRecord &r : std::as_const(records.value())) {
        if (!names.contains(r.portalId)) {
            auto portal = library.portals().portal(r.portalId);
            names.insert(r.portalId, portal ? portal.value().name : QString());
        }
        array.append(QJsonObject{
            {QStringLiteral("portal"), names.value(r.portalId)},
            {QStringLiteral("city"), r.regionCode},
            {QStringLiteral("remote_id"), r.remoteId},
            {QStringLiteral("url"), r.url},
            {QStringLiteral("state"), remoteStateKey(r.state)},
            {QStringLiteral("remote_status"), r.remoteStatus},
            {QStringLiteral("last_error"), r.lastError},
            {QStringLiteral("synced_at"),
             r.syncedAt.isValid() ? QJsonValue(r.syncedAt.toString(Qt::ISODate)) : QJsonValue()}});
    }
    return array;
}

} // namespace ListingDesk
