#pragma once

#include "library.h"
#include "portalcommands.h"
#include "publishplanner.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QStringList>
#include <QTextStream>

namespace ListingDesk {

/// What `publish` is given on the command line.
struct PublishCommand
{
    QString portal;
    QStringList uuids;
    bool allReady = false;
    QStringList cities; ///< empty: each listing's own
    QDateTime publishAtUtc;
    int jobs = 4;
};

/// The CLI's publish queue commands: `publish` queues listings and runs the
/// queue of that portal to the end (resuming whatever an earlier run left),
/// `unpublish` queues the removal of listings' posts, `queue` shows the outbox.
class QueueCommands
{
    Q_DECLARE_TR_FUNCTIONS(QueueCommands)
public:
    /// 0 everything published, 3 some jobs failed for good, 4 interrupted
    /// (Ctrl+C, SIGTERM, or the portal became unreachable) with jobs left
    /// in the queue for the next run.
    enum ExitCode { Ok = 0, UsageError = 1, DataError = 2, ItemsFailed = 3, Interrupted = 4 };

    QueueCommands(Library &library, PortalCommands &portals, QTextStream &out, QTextStream &err);

    int publish(const PublishCommand &command);
    int unpublish(const QString &portal, const QStringList &uuids, int jobs);
    int show(bool json);

private:
    /// Listings named by uuid, or every ready one; nullopt after saying why.
    std::optional<QList<qint64>> listingIds(const PublishCommand &command);
    /// Queues the plan, runs the portal's queue to the end and reports.
    int run(const PortalInfo &portal, const PublishPlan &plan, int jobs);
    void printProblems(const PublishPlan &plan);
    QString uuidOf(qint64 listingId);

    Library &m_library;
    PortalCommands &m_portals;
    QTextStream &m_out;
    QTextStream &m_err;
    QHash<qint64, QString> m_uuids;
};

} // namespace ListingDesk
