#include "statisticsloader.h"

#include <QDateTime>
#include <QSqlDatabase>
#include <QUuid>

namespace ListingDesk {

StatisticsLoader::StatisticsLoader(const QString &libraryPath, int days, QObject *parent)
    : QObject(parent), m_days(days)
{
    m_thread.setObjectName(QStringLiteral("statistics"));
    m_worker = new StatisticsWorker(libraryPath);
    m_worker->moveToThread(&m_thread);
    // The worker (and its connection) goes with the thread, in the thread.
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &StatisticsWorker::loaded, this, &StatisticsLoader::loaded);
    connect(m_worker, &StatisticsWorker::failed, this, &StatisticsLoader::failed);
    connect(m_worker, &StatisticsWorker::done, this, &StatisticsLoader::finished);
    m_thread.start(QThread::LowPriority);
}

StatisticsLoader::~StatisticsLoader()
{
    m_thread.quit();
    m_thread.wait();
}

void StatisticsLoader::request()
{
    if (m_busy) {
        m_again = true;
        return;
    }
    m_busy = true;
    // "Today" and the UTC offset of the user's clock, not of the thread's.
    const QDateTime now = QDateTime::currentDateTime();
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker, today = now.date(), days = m_days,
                   offset = now.offsetFromUtc()] { worker->read(today, days, offset); });
}

void StatisticsLoader::finished()
{
    m_busy = false;
    if (m_again) {
        m_again = false;
        request();
    }
}

StatisticsWorker::StatisticsWorker(const QString &libraryPath)
    : m_path(libraryPath), m_connectionName(QStringLiteral("statistics-") +
                                            QUuid::createUuid().toString(QUuid::WithoutBraces))
{
}

StatisticsWorker::~StatisticsWorker()
{
    if (m_open)
        QSqlDatabase::removeDatabase(m_connectionName);
}

void StatisticsWorker::read(const QDate &today, int days, int utcOffsetSeconds)
{
    QSqlDatabase db;
    if (m_open) {
        db = QSqlDatabase::database(m_connectionName, false);
    } else {
        auto opened = StatisticsRepository::openReadOnly(m_path, m_connectionName);
        if (!opened) {
            QSqlDatabase::removeDatabase(m_connectionName);
            emit failed(opened.error().message);
            emit done();
            return;
        }
        m_open = true;
        db = opened.value();
    }
    auto statistics = StatisticsRepository(db).readAll(today, days, utcOffsetSeconds);
    if (statistics)
        emit loaded(statistics.value());
    else
        emit failed(statistics.error().message);
    emit done();
}

} // namespace ListingDesk
