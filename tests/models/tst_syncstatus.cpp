// The sync status the table and the sidebar show, over a real library file:
// the Portal column's words for each state, read per page of 128 rows with
// one query (not one per row), updated when a post changes; and the
// sidebar's per-portal counts, as a well-behaved model.
#include "listingtablemodel.h"
#include "portalstatusmodel.h"
#include "testlibrary.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace ListingDesk;
using namespace ListingDesk::Testing;

class TestSyncStatus : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void summaryWords_data();
    void summaryWords();
    void forListingsGroupsByListing();
    void columnReadsPerPage();
    void columnFollowsChanges();
    void sidebarCounts();

private:
    RemotePostRecord post(qint64 listingId, qint64 portalId, const QString &region,
                          RemoteState state, const QString &error = {});

    std::unique_ptr<TestLibrary> m_library;
    qint64 m_portal = 0;
};

void TestSyncStatus::init()
{
    m_library = std::make_unique<TestLibrary>();
    QVERIFY2(m_library->isOpen(), qPrintable(m_library->error()));
    auto id = addPortal(m_library->library(), str("长治信息港"), QStringLiteral("https://a.test"));
    LD_VERIFY_OK(id);
    m_portal = id.value();
}

void TestSyncStatus::cleanup()
{
    m_library.reset();
}

RemotePostRecord TestSyncStatus::post(qint64 listingId, qint64 portalId, const QString &region,
                                      RemoteState state, const QString &error)
{
    RemotePostRecord r;
    r.listingId = listingId;
    r.portalId = portalId;
    r.regionCode = region;
    r.clientKey = QStringLiteral("ld-%1-%2").arg(listingId).arg(region);
    r.state = state;
    r.lastError = error;
    if (state == RemoteState::Published) {
        r.remoteId = listingId * 10 + region.toInt() % 7;
        r.url = QStringLiteral("https://a.test/?p=%1").arg(r.remoteId);
    }
    return r;
}

void TestSyncStatus::summaryWords_data()
{
    using S = RemoteState;
    QTest::addColumn<QList<int>>("states");
    QTest::addColumn<QString>("words");
    QTest::newRow("never sent") << QList<int>{} << QString();
    QTest::newRow("all on the portal")
        << QList<int>{int(S::Published), int(S::Published)} << QStringLiteral("On 2 of 2 cities");
    QTest::newRow("one pending") << QList<int>{int(S::Published), int(S::Pending)}
                                 << QStringLiteral("On 1 of 2 cities");
    QTest::newRow("one city") << QList<int>{int(S::Published)} << QStringLiteral("On the portal");
    QTest::newRow("deleted") << QList<int>{int(S::Published), int(S::Deleted)}
                             << QStringLiteral("Deleted on portal");
    QTest::newRow("failed wins over deleted")
        << QList<int>{int(S::Deleted), int(S::Failed)} << QStringLiteral("Failed: refused");
    QTest::newRow("conflict first")
        << QList<int>{int(S::Failed), int(S::Conflict)} << QStringLiteral("Conflict");
}

void TestSyncStatus::summaryWords()
{
    QFETCH(QList<int>, states);
    QFETCH(QString, words);
    QList<RemotePostRecord> posts;
    for (int state : states)
        posts << post(1, m_portal, QString::number(140400 + posts.size() * 100), RemoteState(state),
                      QStringLiteral("refused"));
    QCOMPARE(ListingTableModel::syncSummary(posts), words);
}

void TestSyncStatus::forListingsGroupsByListing()
{
    const qint64 a = m_library->create(QStringLiteral("a")).value().id;
    const qint64 b = m_library->create(QStringLiteral("b")).value().id;
    const qint64 c = m_library->create(QStringLiteral("c")).value().id;
    RemotePostRepository &repo = m_library->library().remotePosts();
    for (RemotePostRecord r : {post(a, m_portal, QStringLiteral("140400"), RemoteState::Published),
                               post(a, m_portal, QStringLiteral("140100"), RemoteState::Failed),
                               post(c, m_portal, QStringLiteral("140400"), RemoteState::Deleted)})
        LD_VERIFY_OK(repo.save(&r));
    auto grouped = repo.forListings({a, b, c});
    LD_VERIFY_OK(grouped);
    QCOMPARE(grouped.value().value(a).size(), 2);
    QVERIFY(!grouped.value().contains(b));
    QCOMPARE(grouped.value().value(c).first().state, RemoteState::Deleted);
    QVERIFY(repo.forListings({}).value().isEmpty());
}

void TestSyncStatus::columnReadsPerPage()
{
    // 300 listings: three pages. Every listing has a post; the column of
    // each row is right whichever page it sits on.
    auto ids = m_library->createMany(300, [this](int i) {
        return m_library->makeListing(QStringLiteral("L%1").arg(i, 3, 10, QLatin1Char('0')));
    });
    LD_VERIFY_OK(ids);
    RemotePostRepository &repo = m_library->library().remotePosts();
    for (int i = 0; i < 300; ++i) {
        RemotePostRecord r = post(ids.value().at(i), m_portal, QStringLiteral("140400"),
                                  i % 3 == 0 ? RemoteState::Conflict : RemoteState::Published);
        LD_VERIFY_OK(repo.save(&r));
    }
    ListingTableModel model(&m_library->listings());
    QAbstractItemModelTester tester(&model);
    model.setSyncSources(&repo, &m_library->library().portals(), &m_library->library().regions());
    QCOMPARE(model.columnCount(), int(ListingTableModel::ColumnCount));
    QCOMPARE(model.headerData(ListingTableModel::PortalColumn, Qt::Horizontal).toString(),
             QStringLiteral("Portal"));
    for (int row : {0, 5, 130, 299}) {
        const qint64 id = model.idAt(row);
        const int i = int(ids.value().indexOf(id));
        const QString expected =
            i % 3 == 0 ? QStringLiteral("Conflict") : QStringLiteral("On the portal");
        QCOMPARE(model.index(row, ListingTableModel::PortalColumn).data().toString(), expected);
        const QString tip =
            model.index(row, ListingTableModel::PortalColumn).data(Qt::ToolTipRole).toString();
        QVERIFY2(tip.startsWith(str("长治信息港 · 长治")), qPrintable(tip));
    }
    QCOMPARE(model.pagesFetched(), 3);
    // Sorting by the Portal column is refused (it would be a join per page).
    const ListingQuery before = model.query();
    model.sort(ListingTableModel::PortalColumn);
    QCOMPARE(model.query(), before);
}

void TestSyncStatus::columnFollowsChanges()
{
    const Listing l = m_library->create(QStringLiteral("x")).value();
    ListingTableModel model(&m_library->listings());
    model.setSyncSources(&m_library->library().remotePosts(), &m_library->library().portals(),
                         &m_library->library().regions());
    const QModelIndex cell = model.index(model.rowCount() - 1, ListingTableModel::PortalColumn);
    QCOMPARE(cell.data().toString(), QString());
    RemotePostRecord r = post(l.id, m_portal, QStringLiteral("140400"), RemoteState::Published);
    LD_VERIFY_OK(m_library->library().remotePosts().save(&r));
    // Publishing ends with the listing's status changing: its row re-reads its posts.
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    LD_VERIFY_OK(m_library->listings().setStatus(l.id, ListingStatus::Published));
    QCOMPARE(changed.size(), 1);
    QCOMPARE(cell.data().toString(), QStringLiteral("On the portal"));
    r.state = RemoteState::Failed;
    r.lastError = str("标题太长");
    LD_VERIFY_OK(m_library->library().remotePosts().save(&r));
    model.refreshSync();
    QCOMPARE(cell.data().toString(), str("Failed: 标题太长"));
}

void TestSyncStatus::sidebarCounts()
{
    auto second =
        addPortal(m_library->library(), QStringLiteral("Backup"), QStringLiteral("https://b.test"));
    LD_VERIFY_OK(second);
    const qint64 a = m_library->create(QStringLiteral("a")).value().id;
    const qint64 b = m_library->create(QStringLiteral("b")).value().id;
    PortalStatusModel model(&m_library->library().portals(), &m_library->library().remotePosts());
    QAbstractItemModelTester tester(&model);
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.index(1, 1).data().toString(), QStringLiteral("nothing sent yet"));

    RemotePostRepository &repo = m_library->library().remotePosts();
    for (RemotePostRecord r :
         {post(a, m_portal, QStringLiteral("140400"), RemoteState::Published),
          post(a, m_portal, QStringLiteral("140100"), RemoteState::Published),
          post(b, m_portal, QStringLiteral("140400"), RemoteState::Conflict),
          post(b, second.value(), QStringLiteral("140400"), RemoteState::Failed)})
        LD_VERIFY_OK(repo.save(&r));
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.refresh();
    QCOMPARE(changed.size(), 1);
    // Rows are by name: "Backup" before "长治信息港".
    QCOMPARE(model.index(0, 0).data(PortalStatusModel::NameRole).toString(),
             QStringLiteral("Backup"));
    QCOMPARE(model.index(0, 0).data().toString(), QStringLiteral("Backup\n1 failed"));
    QCOMPARE(model.index(0, 1).data().toString(), QStringLiteral("1 failed"));
    QCOMPARE(model.index(1, 1).data().toString(),
             QStringLiteral("1 in conflict · 2 on the portal"));
    QCOMPARE(model.count(1, RemoteState::Published), 2);

    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    LD_VERIFY_OK(m_library->library().portals().remove(second.value()));
    model.refresh();
    QCOMPARE(reset.size(), 1);
    QCOMPARE(model.rowCount(), 1);
}

QTEST_GUILESS_MAIN(TestSyncStatus)
#include "tst_syncstatus.moc"
