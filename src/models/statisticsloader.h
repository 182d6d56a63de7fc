#pragma once

#include "statisticsrepository.h"

#include <QObject>
#include <QThread>

namespace ListingDesk {

class StatisticsWorker;

/// Reads LibraryStatistics in a thread of its own, on its own read-only
/// connection, so that counting a 100,000-listing library (about a third of a
/// second, tests/bench/bench_statistics) never stops the window. Requests
/// while a read runs are folded into one more read after it.
class StatisticsLoader : public QObject
{
    Q_OBJECT
public:
    StatisticsLoader(const QString &libraryPath, int days, QObject *parent = nullptr);
    ~StatisticsLoader() override;

    /// Starts a read (or queues one behind the read under way).
    void request();
    bool isBusy() const { return m_busy; }

signals:
    void loaded(const ListingDesk::LibraryStatistics &statistics);
    void failed(const QString &message);

private:
    void finished();

    QThread m_thread;
    StatisticsWorker *m_worker = nullptr;
    int m_days;
    bool m_busy = false;
    bool m_again = false;
};

/// The half of StatisticsLoader that lives in its thread. Internal.
class StatisticsWorker : public QObject
{
    Q_OBJECT
public:
    explicit StatisticsWorker(const QString &libraryPath);
    ~StatisticsWorker() override;

    void read(const QDate &today, int days, int utcOffsetSeconds);

signals:
    void loaded(const ListingDesk::LibraryStatistics &statistics);
    void failed(const QString &message);
    void done();

private:
    QString m_path;
    QString m_connectionName;
    bool m_open = false;
};

} // namespace ListingDesk
