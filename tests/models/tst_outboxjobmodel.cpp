// The publish progress view's per-post list over a real library file: one
// row per job of a batch with the listing, the city and the state in words
// (queued, sending, published with the link, retrying with a countdown and
// the reason, failed with the portal's message); a job that changes updates
// its row alone; the countdown timer runs only while a row waits to retry;
// the "everything open" view picks up new batches. QAbstractItemModelTester
// watches every step.
#include "outboxjobmodel.h"
#include "publishqueue.h"
#include "testlibrary.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace ListingDesk;
using namespace ListingDesk::Testing;

namespace {
const QString changzhi = QStringLiteral("140400");
const QString taiyuan = QStringLiteral("140100");
} // namespace

class TestOutboxJobModel : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void rowsOfABatch();
    void rowFollowsItsJob();
    void countdownOnlyWhileRetrying();
    void openViewPicksUpNewBatch();
    void thousandRows();

private:
    qint64 enqueue(const QList<qint64> &listings, const QStringList &cities);
    OutboxJob job(qint64 id) { return m_library->library().outbox().job(id).value().value(); }

    std::unique_ptr<TestLibrary> m_library;
    std::unique_ptr<PublishQueue> m_queue;
    qint64 m_portal = 0;
    QList<qint64> m_listings;
};

void TestOutboxJobModel::init()
{
    m_library = std::make_unique<TestLibrary>();
    QVERIFY2(m_library->isOpen(), qPrintable(m_library->error()));
    auto id = addPortal(m_library->library(), str("长治信息港"), QStringLiteral("https://a.test"));
    LD_VERIFY_OK(id);
    m_portal = id.value();
    // Never started: the test moves the jobs and lets the queue announce it.
    m_queue = std::make_unique<PublishQueue>(m_library->library(), nullptr, MediaSource{});
    m_listings.clear();
    for (const QString &title :
         {str("长治市中心两室一厅出租，家电齐全，拎包入住，近地铁站"), str("太原二手车转让")}) {
        auto created = m_library->listings().create(m_library->makeListing(title));
        LD_VERIFY_OK(created);
        m_listings << created.value().id;
    }
}

void TestOutboxJobModel::cleanup()
{
    m_queue.reset();
    m_library.reset();
}

qint64 TestOutboxJobModel::enqueue(const QList<qint64> &listings, const QStringList &cities)
{
    OutboxRepository &outbox = m_library->library().outbox();
    const qint64 batch = outbox.newBatchId().value();
    QList<OutboxRequest> requests;
    for (qint64 listing : listings) {
        for (const QString &city : cities) {
            OutboxRequest r;
            r.listingId = listing;
            r.regionCode = city;
            r.idempotencyKey = QStringLiteral("k-%1-%2").arg(listing).arg(city);
            requests << r;
        }
    }
    auto ids = outbox.enqueue(m_portal, batch, requests, QDateTime::currentDateTimeUtc());
    return ids ? batch : 0;
}

void TestOutboxJobModel::rowsOfABatch()
{
    const qint64 batch = enqueue(m_listings, {changzhi, taiyuan});
    QVERIFY(batch);
    enqueue({m_listings.first()}, {QStringLiteral("140200")}); // another batch: not shown
    OutboxJobModel model(&m_library->library(), m_queue.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setScope({0, batch});
    QCOMPARE(model.rowCount(), 4);
    QCOMPARE(model.columnCount(), int(OutboxJobModel::ColumnCount));
    QCOMPARE(model.headerData(OutboxJobModel::StateColumn, Qt::Horizontal).toString(),
             QStringLiteral("State"));
    QCOMPARE(model.index(0, OutboxJobModel::TitleColumn).data().toString(),
             str("长治市中心两室一厅出租，家电齐全，拎包入住，近地铁站"));
    QCOMPARE(model.index(0, OutboxJobModel::CityColumn).data().toString(),
             m_library->library().regions().displayName(changzhi));
    QVERIFY(model.index(0, OutboxJobModel::CityColumn).data().toString().contains(str("长治")));
    QCOMPARE(model.index(1, OutboxJobModel::CityColumn).data().toString(),
             m_library->library().regions().displayName(taiyuan));
    QCOMPARE(model.index(2, OutboxJobModel::TitleColumn).data().toString(), str("太原二手车转让"));
    for (int row = 0; row < 4; ++row) {
        QCOMPARE(model.index(row, OutboxJobModel::StateColumn).data().toString(),
                 QStringLiteral("Queued"));
        QCOMPARE(model.index(row, OutboxJobModel::AttemptsColumn).data().toInt(), 0);
        QCOMPARE(model.index(row, 0).data(OutboxJobModel::ListingIdRole).toLongLong(),
                 m_listings.at(row / 2));
    }
    QVERIFY(!model.isCountingDown());
}

void TestOutboxJobModel::rowFollowsItsJob()
{
    const qint64 batch = enqueue(m_listings, {changzhi, taiyuan});
    OutboxJobModel model(&m_library->library(), m_queue.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setScope({0, batch});
    OutboxRepository &outbox = m_library->library().outbox();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);

    // Sending: claimNext takes the oldest due job and counts the attempt.
    auto claimed = outbox.claimNext(m_portal, QStringLiteral("me"), now, now.addSecs(60));
    LD_VERIFY_OK(claimed);
    const qint64 first = claimed.value()->id;
    emit m_queue->jobChanged(job(first));
    const int row = model.rowOfJob(first);
    QCOMPARE(row, 0);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.first().at(0).toModelIndex().row(), row);
    QCOMPARE(changed.first().at(1).toModelIndex().row(), row);
    QCOMPARE(model.index(row, OutboxJobModel::StateColumn).data().toString(), str("Sending…"));
    QCOMPARE(model.index(row, OutboxJobModel::AttemptsColumn).data().toInt(), 1);
    // The title came from the list; a single job read has none, the row keeps it.
    QCOMPARE(model.index(row, OutboxJobModel::TitleColumn).data().toString(),
             str("长治市中心两室一厅出租，家电齐全，拎包入住，近地铁站"));

    LD_VERIFY_OK(outbox.markPublished(first, 77, QStringLiteral("https://a.test/?p=77"), now));
    emit m_queue->jobChanged(job(first));
    QCOMPARE(model.index(row, OutboxJobModel::StateColumn).data().toString(),
             QStringLiteral("Published: https://a.test/?p=77"));
    QCOMPARE(model.index(row, 0).data(OutboxJobModel::UrlRole).toString(),
             QStringLiteral("https://a.test/?p=77"));

    // Failed, with the portal's own words.
    claimed = outbox.claimNext(m_portal, QStringLiteral("me"), now, now.addSecs(60));
    const qint64 second = claimed.value()->id;
    LD_VERIFY_OK(outbox.markFailed(second, str("标题包含不允许的内容"), now));
    emit m_queue->jobChanged(job(second));
    QCOMPARE(model.index(model.rowOfJob(second), OutboxJobModel::StateColumn).data().toString(),
             str("Failed: 标题包含不允许的内容"));
    QVERIFY(
        model.index(model.rowOfJob(second), 0).data(OutboxJobModel::UrlRole).toString().isEmpty());
    QCOMPARE(reset.size(), 0); // never the whole list for one job
    QCOMPARE(model.index(2, OutboxJobModel::StateColumn).data().toString(),
             QStringLiteral("Queued"));
}

void TestOutboxJobModel::countdownOnlyWhileRetrying()
{
    const qint64 batch = enqueue({m_listings.first()}, {changzhi});
    OutboxJobModel model(&m_library->library(), m_queue.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setScope({0, batch});
    OutboxRepository &outbox = m_library->library().outbox();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const qint64 id =
        outbox.claimNext(m_portal, QStringLiteral("me"), now, now.addSecs(60)).value()->id;
    LD_VERIFY_OK(outbox.markRetry(id, now.addSecs(12), QStringLiteral("HTTP 503")));
    emit m_queue->jobChanged(job(id));
    QVERIFY(model.isCountingDown());
    const QString text = model.index(0, OutboxJobModel::StateColumn).data().toString();
    QVERIFY2(text == QStringLiteral("Retrying in 12 s: HTTP 503") ||
                 text == QStringLiteral("Retrying in 11 s: HTTP 503"),
             qPrintable(text));

    // The timer repaints the countdown once a second.
    QSignalSpy ticks(&model, &QAbstractItemModel::dataChanged);
    QVERIFY(ticks.wait(2500));
    QCOMPARE(ticks.first().at(0).toModelIndex().column(), int(OutboxJobModel::StateColumn));
    QTRY_VERIFY(model.index(0, OutboxJobModel::StateColumn).data().toString() != text);

    LD_VERIFY_OK(outbox.markFailed(id, QStringLiteral("gave up"), now));
    emit m_queue->jobChanged(job(id));
    QVERIFY(!model.isCountingDown());
}

void TestOutboxJobModel::openViewPicksUpNewBatch()
{
    enqueue({m_listings.first()}, {changzhi});
    OutboxJobModel model(&m_library->library(), m_queue.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setScope({}, true);
    QCOMPARE(model.rowCount(), 1);
    const qint64 batch = enqueue({m_listings.last()}, {changzhi, taiyuan});
    const qint64 newJob = m_library->library().outbox().jobs({0, batch}).value().first().id;
    emit m_queue->jobChanged(job(newJob));
    QTRY_COMPARE(model.rowCount(), 3);
    // Finished jobs leave the open view when it is read again.
    const QDateTime now = QDateTime::currentDateTimeUtc();
    LD_VERIFY_OK(m_library->library().outbox().cancelWaiting({0, batch}, now));
    model.refresh();
    QCOMPARE(model.rowCount(), 1);
}

void TestOutboxJobModel::thousandRows()
{
    QList<qint64> many;
    for (int i = 0; i < 500; ++i) {
        auto created =
            m_library->listings().create(m_library->makeListing(str("批量信息 %1").arg(i)));
        LD_VERIFY_OK(created);
        many << created.value().id;
    }
    const qint64 batch = enqueue(many, {changzhi, taiyuan});
    OutboxJobModel model(&m_library->library(), m_queue.get());
    QElapsedTimer clock;
    clock.start();
    model.setScope({0, batch});
    const qint64 ms = clock.elapsed();
    QCOMPARE(model.rowCount(), 1000);
    qInfo("read 1000 jobs in %lld ms", ms);
    QCOMPARE(model.index(999, OutboxJobModel::TitleColumn).data().toString(), str("批量信息 499"));
}

QTEST_MAIN(TestOutboxJobModel)
#include "tst_outboxjobmodel.moc"
