#include "synccontroller.h"

#include "publishoperation.h"

#include <QCoreApplication>
#include <QNetworkAccessManager>

namespace ListingDesk {

namespace {

bool isMissingPassword(const Error &error)
{
    return error.kind == Error::Kind::NotFound;
}

} // namespace

SyncController::SyncController(Library &library, QObject *parent)
    : QObject(parent), m_library(library), m_credentials(new CredentialStore(this))
{
}

SyncController::~SyncController() = default;

void SyncController::setNetworkAccessManager(QNetworkAccessManager *nam)
{
    m_nam = nam;
    // The connector's clients hold the old manager.
    delete m_connector;
    m_connector = nullptr;
}

QNetworkAccessManager *SyncController::networkAccessManager()
{
    if (!m_nam) {
        m_ownNam = new QNetworkAccessManager(this);
        // Redirects stay on the same origin; the client decides about others.
        m_ownNam->setRedirectPolicy(QNetworkRequest::NoLessSafeRedirectPolicy);
        m_nam = m_ownNam;
    }
    return m_nam;
}

PortalConnector *SyncController::connector()
{
    if (!m_connector) {
        m_connector = new PortalConnector(m_library, m_credentials, networkAccessManager(), this);
        m_connector->setTimeoutMs(m_timeoutMs);
    }
    return m_connector;
}

void SyncController::setTimeoutMs(int ms)
{
    m_timeoutMs = ms;
    if (m_connector)
        m_connector->setTimeoutMs(ms);
}

void SyncController::setBusy(bool busy)
{
    if (m_busy == busy)
        return;
    m_busy = busy;
    emit busyChanged(busy);
}

void SyncController::publish(const PortalInfo &portal, const QList<qint64> &listingIds)
{
    if (m_busy || listingIds.isEmpty())
        return;
    setBusy(true);
    m_report = PublishReport{};
    m_report.portal = portal;
    m_report.listings = int(listingIds.size());
    m_queue = listingIds;
    emit progress(tr("Connecting to %1…").arg(portal.name), 0, m_report.listings);
    connector()->connectTo(portal, this, [this](const Result<WordPressClient *> &client) {
        if (!client) {
            m_report.connectionProblem = client.error().message;
            m_report.needsPassword = isMissingPassword(client.error());
            m_queue.clear();
            finishPublish();
            return;
        }
        m_client = client.value();
        publishNext();
    });
}

void SyncController::publishNext()
{
    if (m_queue.isEmpty() || !m_client)
        return finishPublish();
    const qint64 id = m_queue.takeFirst();
    const int done = m_report.listings - int(m_queue.size()) - 1;
    emit progress(tr("Publishing %1 of %2 to %3…")
                      .arg(done + 1)
                      .arg(m_report.listings)
                      .arg(m_report.portal.name),
                  done, m_report.listings);
    auto *operation = new PublishOperation(m_library, m_client, m_report.portal, id,
                                           mediaSourceOf(m_library), this);
    connect(operation, &PublishOperation::finished, this, [this, operation, id] {
        operation->deleteLater();
        if (operation->succeeded()) {
            ++m_report.succeeded;
        } else {
            QStringList reasons;
            if (!operation->problem().isEmpty())
                reasons << operation->problem();
            for (const PublishOutcome &outcome : operation->outcomes()) {
                if (outcome.ok || !outcome.error)
                    continue;
                const QString city = m_library.regions().displayName(outcome.regionCode);
                reasons << tr("%1: %2").arg(city, describe(*outcome.error));
            }
            if (reasons.isEmpty())
                reasons << tr("The portal did not take it.");
            m_report.failures << tr("“%1”: %2").arg(listingTitle(id), reasons.join(u"; "));
        }
        publishNext();
    });
    operation->start();
}

void SyncController::finishPublish()
{
    m_client = nullptr;
    emit progress({}, m_report.listings, m_report.listings);
    setBusy(false);
    emit publishFinished(m_report);
}

void SyncController::pull(const PortalInfo &portal)
{
    if (m_busy)
        return;
    setBusy(true);
    emit progress(tr("Connecting to %1…").arg(portal.name), 0, 0);
    connector()->connectTo(portal, this, [this, portal](const Result<WordPressClient *> &client) {
        if (!client) {
            PullReport report;
            report.portal = portal;
            report.failure = client.error().message;
            report.needsPassword = isMissingPassword(client.error());
            setBusy(false);
            emit pullFinished(report);
            return;
        }
        auto *operation = new PullOperation(m_library, client.value(), portal, this);
        connect(operation, &PullOperation::progress, this, [this, portal](int done, int total) {
            emit progress(
                tr("Pulling from %1: %2 of %3 posts…").arg(portal.name).arg(done).arg(total), done,
                total);
        });
        connect(operation, &PullOperation::finished, this, [this, operation, portal] {
            operation->deleteLater();
            PullReport report;
            // The pull moved lastPull on; hand the caller the fresh account.
            auto fresh = m_library.portals().portal(portal.id);
            report.portal = fresh ? fresh.value() : portal;
            report.summary = operation->summary();
            if (auto failure = operation->failure())
                report.failure = describe(*failure);
            emit progress({}, 0, 0);
            setBusy(false);
            emit pullFinished(report);
        });
        operation->start();
    });
}

QString SyncController::listingTitle(qint64 id)
{
    auto listing = m_library.listings().load(id);
    if (!listing || listing.value().title.isEmpty())
        return tr("(untitled)");
    return listing.value().title;
}

} // namespace ListingDesk
