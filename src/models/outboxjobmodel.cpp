#include "outboxjobmodel.h"

#include "library.h"
#include "publishqueue.h"

#include <QLocale>

#include <algorithm>

namespace ListingDesk {

OutboxJobModel::OutboxJobModel(Library *library, PublishQueue *queue, QObject *parent)
    : QAbstractTableModel(parent), m_library(library)
{
    m_countdown.setInterval(1000);
    connect(&m_countdown, &QTimer::timeout, this, &OutboxJobModel::tick);
    m_refreshLater.setSingleShot(true);
    m_refreshLater.setInterval(200);
    connect(&m_refreshLater, &QTimer::timeout, this, &OutboxJobModel::refresh);
    if (queue)
        connect(queue, &PublishQueue::jobChanged, this, &OutboxJobModel::jobChanged);
}

void OutboxJobModel::setScope(const OutboxScope &scope, bool openOnly)
{
    m_scope = scope;
    m_openOnly = openOnly;
    refresh();
}

void OutboxJobModel::refresh()
{
    m_refreshLater.stop();
    auto jobs = m_library->outbox().jobs(m_scope, m_openOnly);
    beginResetModel();
    m_jobs = jobs ? jobs.value() : QList<OutboxJob>{};
    m_cities.clear();
    m_rowOfJob.clear();
    // Thousands of rows share a few dozen cities: look each name up once.
    QHash<QString, QString> names;
    for (int row = 0; row < m_jobs.size(); ++row) {
        const QString &code = m_jobs.at(row).regionCode;
        auto it = names.constFind(code);
        if (it == names.cend())
            it = names.insert(code, m_library->regions().displayName(code));
        m_cities << it.value();
        m_rowOfJob.insert(m_jobs.at(row).id, row);
    }
    endResetModel();
    updateCountdown();
}

void OutboxJobModel::jobChanged(const OutboxJob &job)
{
    const int row = rowOfJob(job.id);
    if (row < 0) {
        // A job of this scope we have not read yet (a new batch in the
        // "everything open" view): read the list once the burst is over.
        const bool inScope = (m_scope.portalId == 0 || m_scope.portalId == job.portalId) &&
                             (m_scope.batchId == 0 || m_scope.batchId == job.batchId);
        if (inScope && !(m_openOnly && job.isFinished()))
            m_refreshLater.start();
        return;
    }
    const QString title = m_jobs.at(row).listingTitle; // job() does not join the title
    m_jobs[row] = job;
    m_jobs[row].listingTitle = title;
    emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
    updateCountdown();
}

void OutboxJobModel::tick()
{
    for (int row = 0; row < m_jobs.size(); ++row) {
        if (m_jobs.at(row).state == OutboxState::Retrying)
            emit dataChanged(index(row, StateColumn), index(row, StateColumn), {Qt::DisplayRole});
    }
}

void OutboxJobModel::updateCountdown()
{
    const bool retrying = std::any_of(m_jobs.cbegin(), m_jobs.cend(), [](const OutboxJob &job) {
        return job.state == OutboxState::Retrying;
    });
    if (retrying && !m_countdown.isActive())
        m_countdown.start();
    else if (!retrying)
        m_countdown.stop();
}

int OutboxJobModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_jobs.size());
}

int OutboxJobModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString OutboxJobModel::stateText(const OutboxJob &job, const QDateTime &now)
{
    switch (job.state) {
    case OutboxState::Queued:
        if (job.publishAt.isValid() && job.action == OutboxAction::Create)
            return tr("Queued (to appear %1)")
                .arg(QLocale().toString(job.publishAt.toLocalTime(), QLocale::ShortFormat));
        return tr("Queued");
    case OutboxState::Sending:
        return tr("Sending…");
    case OutboxState::Retrying: {
        const qint64 seconds = qMax<qint64>(0, now.secsTo(job.nextAttemptAt));
        return tr("Retrying in %1 s: %2").arg(seconds).arg(job.lastError);
    }
    case OutboxState::Published:
        if (job.action == OutboxAction::Trash)
            return tr("Moved to the portal's trash");
        return job.url.isEmpty() ? tr("Published") : tr("Published: %1").arg(job.url);
    case OutboxState::Failed:
        return tr("Failed: %1").arg(job.lastError);
    case OutboxState::Cancelled:
        return tr("Cancelled");
    }
    return {};
}

QVariant OutboxJobModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const OutboxJob &job = m_jobs.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case TitleColumn:
            return job.listingTitle.isEmpty() ? tr("(untitled)") : job.listingTitle;
        case CityColumn:
            return m_cities.at(index.row());
        case StateColumn:
            return stateText(job, QDateTime::currentDateTimeUtc());
        case AttemptsColumn:
            return job.attempts;
        }
        return {};
    case Qt::ToolTipRole:
        if (index.column() == StateColumn || index.column() == TitleColumn)
            return data(index, Qt::DisplayRole);
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == AttemptsColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case JobIdRole:
        return job.id;
    case ListingIdRole:
        return job.listingId;
    case StateRole:
        return int(job.state);
    case UrlRole:
        return job.state == OutboxState::Published && job.action != OutboxAction::Trash ? job.url
                                                                                        : QString();
    }
    return {};
}

QVariant OutboxJobModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case TitleColumn:
        return tr("Listing");
    case CityColumn:
        return tr("City");
    case StateColumn:
        return tr("State");
    case AttemptsColumn:
        return tr("Attempts");
    }
    return {};
}

} // namespace ListingDesk
