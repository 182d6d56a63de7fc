#include "queuecommands.h"

#include "listingquery.h"
#include "mediapublisher.h"
#include "publishqueue.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>
#include <QUuid>

#include <csignal>
#include <memory>

#ifdef Q_OS_UNIX
#include <unistd.h>
#endif

namespace ListingDesk {

namespace {

volatile std::sig_atomic_t interruptRequested = 0;

extern "C" void requestInterrupt(int)
{
    interruptRequested = 1;
}

/// Ctrl+C and SIGTERM stop the run cleanly instead of killing it: running
/// jobs go back to the queue and the exit code says "interrupted". (A kill
/// -9 is safe too; it only takes the next run a moment longer to resume.)
class InterruptGuard
{
public:
    InterruptGuard()
    {
        interruptRequested = 0;
        m_int = std::signal(SIGINT, requestInterrupt);
        m_term = std::signal(SIGTERM, requestInterrupt);
    }
    ~InterruptGuard()
    {
        std::signal(SIGINT, m_int);
        std::signal(SIGTERM, m_term);
    }
    InterruptGuard(const InterruptGuard &) = delete;
    InterruptGuard &operator=(const InterruptGuard &) = delete;

private:
    void (*m_int)(int);
    void (*m_term)(int);
};

bool stderrIsTerminal()
{
#ifdef Q_OS_UNIX
    return ::isatty(STDERR_FILENO) == 1;
#else
    return false;
#endif
}

QString duration(int seconds)
{
    if (seconds < 60)
        return QCoreApplication::translate("QueueCommands", "%1 s").arg(seconds);
    return QCoreApplication::translate("QueueCommands", "%1 min %2 s")
        .arg(seconds / 60)
        .arg(seconds % 60);
}

QJsonValue timeJson(const QDateTime &t)
{
    return t.isValid() ? QJsonValue(t.toString(Qt::ISODate)) : QJsonValue();
}

} // namespace

QueueCommands::QueueCommands(Library &library, PortalCommands &portals, QTextStream &out,
                             QTextStream &err)
    : m_library(library), m_portals(portals), m_out(out), m_err(err)
{
}

QString QueueCommands::uuidOf(qint64 listingId)
{
    auto it = m_uuids.find(listingId);
    if (it != m_uuids.end())
        return *it;
    auto stamp = m_library.listings().stamp(listingId);
    const QString uuid = stamp ? stamp.value().uuid : QString::number(listingId);
    m_uuids.insert(listingId, uuid);
    return uuid;
}

std::optional<QList<qint64>> QueueCommands::listingIds(const PublishCommand &command)
{
    QList<qint64> ids;
    if (command.allReady) {
        ListingQuery query;
        query.status = ListingStatus::Ready;
        auto found = m_library.listings().findIds(query);
        if (!found) {
            m_portals.fail(found.error().message);
            return std::nullopt;
        }
        ids = found.value();
    }
    // Everything is checked before the first request: a typo never half-publishes.
    for (const QString &given : command.uuids) {
        const QUuid uuid = QUuid::fromString(given);
        auto loaded = m_library.listings().loadByUuid(
            uuid.isNull() ? given : uuid.toString(QUuid::WithoutBraces));
        if (!loaded) {
            m_portals.fail(tr("no listing has the uuid %1").arg(given));
            return std::nullopt;
        }
        if (!ids.contains(loaded.value().id))
            ids << loaded.value().id;
    }
    for (const QString &code : command.cities) {
        if (!m_library.regions().byCode(code)) {
            m_portals.fail(tr("unknown city code \"%1\"; find codes with 'listingdesk-cli regions "
                              "search NAME'")
                               .arg(code));
            return std::nullopt;
        }
    }
    return ids;
}

void QueueCommands::printProblems(const PublishPlan &plan)
{
    for (const PlanProblem &problem : plan.problems)
        m_err << tr("%1: not queued: %2").arg(uuidOf(problem.listingId), problem.reasons.join(u' '))
              << Qt::endl;
}

int QueueCommands::publish(const PublishCommand &command)
{
    const auto portal = m_portals.findPortal(command.portal);
    if (!portal)
        return DataError;
    const auto ids = listingIds(command);
    if (!ids)
        return DataError;
    if (ids->isEmpty() && command.allReady)
        m_out << tr("No listing is ready; resuming what is queued for %1.").arg(portal->name)
              << Qt::endl;
    int code = Ok;
    PublishPlan plan;
    PortalInfo probed = *portal;
    // The plan needs the portal's mode (plugin or plain), which a probe finds
    // when no `portal test` recorded it yet.
    const int connected = m_portals.runLoop([&](std::function<void(int)> finish) {
        m_portals.withClient(*portal, finish,
                             [&, finish](WordPressClient *, const PortalInfo &info) {
                                 probed = info;
                                 finish(Ok);
                             });
    });
    if (connected != Ok)
        return connected;
    plan =
        PublishPlanner(m_library, probed).planPublish(*ids, command.cities, command.publishAtUtc);
    printProblems(plan);
    code = run(probed, plan, command.jobs);
    if (code == Ok && !plan.problems.isEmpty())
        code = ItemsFailed;
    return code;
}

int QueueCommands::unpublish(const QString &portalName, const QStringList &uuids, int jobs)
{
    const auto portal = m_portals.findPortal(portalName);
    if (!portal)
        return DataError;
    PublishCommand command;
    command.uuids = uuids;
    const auto ids = listingIds(command);
    if (!ids)
        return DataError;
    const PublishPlan plan = PublishPlanner(m_library, *portal).planTrash(*ids);
    printProblems(plan);
    const int code = run(*portal, plan, jobs);
    return code == Ok && !plan.problems.isEmpty() ? int(ItemsFailed) : code;
}

int QueueCommands::run(const PortalInfo &portal, const PublishPlan &plan, int jobs)
{
    PublishQueue queue(m_library, m_portals.connector(), mediaSourceOf(m_library));
    PublishQueueSettings settings = queue.settings();
    settings.concurrency = jobs;
    queue.setSettings(settings);
    if (!plan.requests.isEmpty()) {
        if (auto batch = queue.enqueue(portal, plan); !batch)
            return m_portals.fail(batch.error().message);
    }
    const OutboxScope scope{portal.id, 0};
    auto before = m_library.outbox().counts(scope);
    const int total = before ? before.value().open() : 0;
    if (total == 0) {
        m_out << tr("Nothing to send to %1.").arg(portal.name) << Qt::endl;
        return Ok;
    }

    const bool live = stderrIsTerminal();
    QElapsedTimer clock;
    clock.start();
    int published = 0;
    QStringList failures;
    QString unavailable;
    InterruptGuard guard;
    QTimer interruptPoll;
    interruptPoll.setInterval(100);

    const int code = m_portals.runLoop([&](std::function<void(int)> finish) {
        QObject::connect(&queue, &PublishQueue::jobChanged, &queue, [&](const OutboxJob &job) {
            if (job.portalId != portal.id)
                return;
            if (job.state == OutboxState::Published) {
                ++published;
                m_out << uuidOf(job.listingId) << QLatin1String("  ") << job.regionCode
                      << QLatin1String("  ") << job.url << Qt::endl;
            } else if (job.state == OutboxState::Failed) {
                failures << tr("%1  %2  failed: %3")
                                .arg(uuidOf(job.listingId), job.regionCode, job.lastError);
            }
            if (live) {
                const QueueProgress p = queue.progress(scope);
                m_err << u'\r'
                      << tr("[%1/%2] %3 published, %4 retrying, %5 failed%6")
                             .arg(total - p.counts.open())
                             .arg(total)
                             .arg(published)
                             .arg(p.counts.retrying)
                             .arg(failures.size())
                             .arg(p.secondsLeft >= 0
                                      ? tr(", about %1 left").arg(duration(p.secondsLeft))
                                      : QString())
                      << QLatin1String("   ") << Qt::flush;
            }
        });
        QObject::connect(
            &queue, &PublishQueue::portalUnavailable, &queue,
            [&](const PortalInfo &, const QString &reason, bool) { unavailable = reason; });
        QObject::connect(&queue, &PublishQueue::idle, &queue, [&, finish] {
            interruptPoll.stop();
            auto left = m_library.outbox().counts(scope);
            if (left && left.value().open() > 0)
                return finish(Interrupted);
            finish(failures.isEmpty() ? Ok : ItemsFailed);
        });
        QObject::connect(&interruptPoll, &QTimer::timeout, &queue, [&, finish] {
            if (!interruptRequested)
                return;
            interruptPoll.stop();
            queue.stop();
            finish(Interrupted);
        });
        interruptPoll.start();
        queue.start();
    });
    if (live)
        m_err << Qt::endl;
    for (const QString &failure : std::as_const(failures))
        m_err << failure << Qt::endl;
    auto after = m_library.outbox().counts(scope);
    const int left = after ? after.value().open() : 0;
    m_out << tr("Published %1 of %2 posts to %3 in %4; %5 failed, %6 still queued.")
                 .arg(published)
                 .arg(total)
                 .arg(portal.name)
                 .arg(duration(int(clock.elapsed() / 1000)))
                 .arg(failures.size())
                 .arg(left)
          << Qt::endl;
    if (code == Interrupted) {
        if (!unavailable.isEmpty())
            m_err << tr("listingdesk-cli: %1 cannot be reached: %2").arg(portal.name, unavailable)
                  << Qt::endl;
        m_err << tr("listingdesk-cli: interrupted; run publish again to send the %n queued "
                    "posts.",
                    nullptr, left)
              << Qt::endl;
    }
    return code;
}

int QueueCommands::show(bool json)
{
    auto jobs = m_library.outbox().jobs();
    if (!jobs)
        return m_portals.fail(jobs.error().message);
    auto portals = m_library.portals().all();
    QHash<qint64, QString> portalNames;
    if (portals) {
        for (const PortalInfo &p : portals.value())
            portalNames.insert(p.id, p.name);
    }
    // Finished jobs stay in the table as history; the outbox view shows what
    // still needs something: open jobs and failures.
    QList<OutboxJob> shown;
    for (const OutboxJob &job : jobs.value()) {
        if (!job.isFinished() || job.state == OutboxState::Failed)
            shown << job;
    }
    if (json) {
        QJsonArray array;
        for (const OutboxJob &job : std::as_const(shown)) {
            array.append(QJsonObject{{QStringLiteral("id"), job.id},
                                     {QStringLiteral("portal"), portalNames.value(job.portalId)},
                                     {QStringLiteral("listing"), uuidOf(job.listingId)},
                                     {QStringLiteral("title"), job.listingTitle},
                                     {QStringLiteral("city"), job.regionCode},
                                     {QStringLiteral("action"), outboxActionKey(job.action)},
                                     {QStringLiteral("state"), outboxStateKey(job.state)},
                                     {QStringLiteral("attempts"), job.attempts},
                                     {QStringLiteral("next_attempt"), timeJson(job.nextAttemptAt)},
                                     {QStringLiteral("publish_at"), timeJson(job.publishAt)},
                                     {QStringLiteral("idempotency_key"), job.idempotencyKey},
                                     {QStringLiteral("last_error"), job.lastError},
                                     {QStringLiteral("batch"), job.batchId}});
        }
        m_out << QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Indented));
        return Ok;
    }
    if (shown.isEmpty()) {
        m_out << tr("The queue is empty.") << Qt::endl;
        return Ok;
    }
    for (const OutboxJob &job : std::as_const(shown)) {
        m_out << QStringLiteral("%1  %2  %3  %4  %5  %6")
                     .arg(outboxStateKey(job.state), -9)
                     .arg(outboxActionKey(job.action), -6)
                     .arg(portalNames.value(job.portalId), job.regionCode, uuidOf(job.listingId),
                          job.listingTitle);
        if (job.attempts > 0)
            m_out << QLatin1String("  ") << tr("(%n attempts)", nullptr, job.attempts);
        if (!job.lastError.isEmpty())
            m_out << QLatin1String("  ") << job.lastError;
        m_out << Qt::endl;
    }
    return Ok;
}

} // namespace ListingDesk
