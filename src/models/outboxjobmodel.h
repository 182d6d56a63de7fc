#pragma once

#include "outboxrepository.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>
#include <QTimer>

namespace ListingDesk {

class Library;
class PublishQueue;

/// The jobs of one outbox scope (a batch, or everything open) for the
/// publish progress view: listing, city, state in words, attempts. A job that
/// changes is re-read alone (PublishQueue::jobChanged), so a batch of
/// thousands stays cheap; the whole list is read again on refresh(). While a
/// row waits to retry, a one-second timer keeps its countdown current.
class OutboxJobModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { TitleColumn, CityColumn, StateColumn, AttemptsColumn, ColumnCount };
    enum Role {
        JobIdRole = Qt::UserRole + 1,
        ListingIdRole,
        StateRole, ///< OutboxState as int
        UrlRole,   ///< the published post's address; empty before
    };

    /// \a queue may be null (nothing updates by itself then).
    OutboxJobModel(Library *library, PublishQueue *queue, QObject *parent = nullptr);

    /// Which jobs to show; \a openOnly keeps queued, sending and retrying ones
    /// (the "everything open" view). Reads the list.
    void setScope(const OutboxScope &scope, bool openOnly = false);
    OutboxScope scope() const { return m_scope; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    const OutboxJob &jobAt(int row) const { return m_jobs.at(row); }
    int rowOfJob(qint64 jobId) const { return m_rowOfJob.value(jobId, -1); }
    /// The state column's words for \a job at \a now (UTC).
    static QString stateText(const OutboxJob &job, const QDateTime &now);
    bool isCountingDown() const { return m_countdown.isActive(); }

public slots:
    /// Reads the scope's jobs again (after cancel or retry, which change many).
    void refresh();

private:
    void jobChanged(const OutboxJob &job);
    void tick();
    void updateCountdown();

    Library *m_library;
    OutboxScope m_scope;
    bool m_openOnly = false;
    QList<OutboxJob> m_jobs;
    QList<QString> m_cities; ///< display names, per row
    QHash<qint64, int> m_rowOfJob;
    QTimer m_countdown;
    QTimer m_refreshLater; ///< new jobs in scope: one re-read for a burst of them
};

} // namespace ListingDesk
