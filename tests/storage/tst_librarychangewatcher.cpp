// LibraryChangeWatcher: changes committed by another connection to the same
// library are reported within a moment; our own are not. Runs on SQLite
// (polling PRAGMA data_version) and, as tst_librarychangewatcher_pg, on
// PostgreSQL (LISTEN/NOTIFY through the 007 triggers).

#include "librarychangewatcher.h"
#include "testlibrary.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>

using namespace ListingDesk;
using namespace ListingDesk::Testing;

class TestLibraryChangeWatcher : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void externalSaveIsReported();
    void ownSaveIsNotReported();
    void externalCreateAndTrashAreReported();
    void externalStatusChangeIsReported();
    void lostRaceIsNotAChange();
    void stoppedWatcherIsQuiet();

private:
    bool spyHas(const QSignalSpy &spy, qint64 id) const;

    std::unique_ptr<TestLibrary> m_lib;
    std::unique_ptr<Library> m_other; // the other editor: its own connection
    std::unique_ptr<LibraryChangeWatcher> m_watcher;
    qint64 m_id = 0;
};

void TestLibraryChangeWatcher::init()
{
    m_lib = std::make_unique<TestLibrary>();
    QVERIFY2(m_lib->isOpen(), qPrintable(m_lib->error()));
    auto created = m_lib->create(QStringLiteral("共享的房源"), QStringLiteral("<p>原文</p>"));
    LD_VERIFY_OK(created);
    m_id = created.value().id;
    m_other = std::make_unique<Library>();
    LD_VERIFY_OK(m_other->open(m_lib->path()));
    m_watcher = std::make_unique<LibraryChangeWatcher>(m_lib->db());
    m_watcher->setPollInterval(50);
    LD_VERIFY_OK(m_watcher->start());
    QCOMPARE(m_watcher->usesNotifications(), m_lib->isPostgres());
}

void TestLibraryChangeWatcher::cleanup()
{
    m_watcher.reset();
    m_other.reset();
    m_lib.reset();
}

bool TestLibraryChangeWatcher::spyHas(const QSignalSpy &spy, qint64 id) const
{
    for (const QList<QVariant> &args : spy) {
        if (args.at(0).value<QList<qint64>>().contains(id))
            return true;
    }
    return false;
}

void TestLibraryChangeWatcher::externalSaveIsReported()
{
    // At the default interval, as the main window uses it, and at moments
    // spread over the poll interval: the figures for the report.
    m_watcher->setPollInterval(LibraryChangeWatcher::defaultPollIntervalMs);
    LD_VERIFY_OK(m_watcher->start());
    QSignalSpy changed(m_watcher.get(), &LibraryChangeWatcher::listingsChangedElsewhere);
    QList<qint64> latencies;
    for (int round = 0; round < 4; ++round) {
        QTest::qWait(150 + 230 * round); // not in step with the polls
        changed.clear();
        Listing theirs = m_other->listings().load(m_id).value();
        theirs.title = QStringLiteral("别人改的标题 %1").arg(round);
        QElapsedTimer clock;
        clock.start();
        LD_VERIFY_OK(m_other->listings().save(theirs));
        QTRY_VERIFY_WITH_TIMEOUT(spyHas(changed, m_id), 5000);
        latencies << clock.elapsed();
        QCOMPARE(m_lib->listings().load(m_id).value().title, theirs.title);
    }
    qInfo("external save reported after %s ms (%s)", qPrintable([&] {
              QStringList parts;
              for (qint64 ms : latencies)
                  parts << QString::number(ms);
              return parts.join(QStringLiteral(", "));
          }()),
          m_lib->isPostgres() ? "LISTEN/NOTIFY" : "polling every 1000 ms");
}

void TestLibraryChangeWatcher::ownSaveIsNotReported()
{
    QSignalSpy changed(m_watcher.get(), &LibraryChangeWatcher::listingsChangedElsewhere);
    QSignalSpy reset(m_watcher.get(), &LibraryChangeWatcher::libraryChangedElsewhere);
    Listing mine = m_lib->listings().load(m_id).value();
    mine.title = QStringLiteral("我自己改的");
    LD_VERIFY_OK(m_lib->listings().save(mine));
    LD_VERIFY_OK(m_lib->create(QStringLiteral("我自己新建的")));
    QTest::qWait(500); // ten polls; a notification would have come long before
    QCOMPARE(changed.count(), 0);
    QCOMPARE(reset.count(), 0);

    // ...while another writer's save right after is still seen.
    Listing theirs = m_other->listings().load(m_id).value();
    theirs.title = QStringLiteral("别人改的");
    LD_VERIFY_OK(m_other->listings().save(theirs));
    QTRY_VERIFY(spyHas(changed, m_id));
}

void TestLibraryChangeWatcher::externalCreateAndTrashAreReported()
{
    QSignalSpy reset(m_watcher.get(), &LibraryChangeWatcher::libraryChangedElsewhere);
    QSignalSpy changed(m_watcher.get(), &LibraryChangeWatcher::listingsChangedElsewhere);
    auto created = m_other->listings().create(m_lib->makeListing(QStringLiteral("别人新建的")));
    LD_VERIFY_OK(created);
    QTRY_VERIFY(reset.count() >= 1);
    LD_VERIFY_OK(m_other->listings().moveToTrash({m_id}));
    QTRY_VERIFY(spyHas(changed, m_id));
}

void TestLibraryChangeWatcher::externalStatusChangeIsReported()
{
    // Publishing in another process sets a status without a new revision.
    QSignalSpy reset(m_watcher.get(), &LibraryChangeWatcher::libraryChangedElsewhere);
    QSignalSpy changed(m_watcher.get(), &LibraryChangeWatcher::listingsChangedElsewhere);
    LD_VERIFY_OK(m_other->listings().setStatus(m_id, ListingStatus::Published));
    QTRY_VERIFY(spyHas(changed, m_id) || reset.count() > 0);
}

void TestLibraryChangeWatcher::lostRaceIsNotAChange()
{
    // Both start from revision 1; ours wins, theirs fails: nothing changed elsewhere.
    Listing theirs = m_other->listings().load(m_id).value();
    Listing mine = m_lib->listings().load(m_id).value();
    mine.title = QStringLiteral("我先保存");
    LD_VERIFY_OK(m_lib->listings().save(mine));
    QSignalSpy changed(m_watcher.get(), &LibraryChangeWatcher::listingsChangedElsewhere);
    QSignalSpy reset(m_watcher.get(), &LibraryChangeWatcher::libraryChangedElsewhere);
    theirs.title = QStringLiteral("他后保存");
    auto lost = m_other->listings().save(theirs);
    QVERIFY(!lost.ok());
    QCOMPARE(lost.error().kind, Error::Kind::Conflict);
    QTest::qWait(400);
    QCOMPARE(changed.count(), 0);
    QCOMPARE(reset.count(), 0);
}

void TestLibraryChangeWatcher::stoppedWatcherIsQuiet()
{
    m_watcher->stop();
    QVERIFY(!m_watcher->isWatching());
    QSignalSpy changed(m_watcher.get(), &LibraryChangeWatcher::listingsChangedElsewhere);
    Listing theirs = m_other->listings().load(m_id).value();
    theirs.title = QStringLiteral("停了以后改的");
    LD_VERIFY_OK(m_other->listings().save(theirs));
    QTest::qWait(300);
    QCOMPARE(changed.count(), 0);
    // Started again, it watches from the present: the earlier save is not news.
    LD_VERIFY_OK(m_watcher->start());
    QTest::qWait(300);
    QCOMPARE(changed.count(), 0);
}

QTEST_GUILESS_MAIN(TestLibraryChangeWatcher)
#include "tst_librarychangewatcher.moc"
