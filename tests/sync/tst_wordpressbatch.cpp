// Batch publishing against the real WordPress of the `wordpress` fixture (with
// our companion plugin): the real listingdesk-cli queues 200 listings for two
// cities each and sends them four at a time; the portal's own REST API must
// then show 400 posts with the right category and city. Listings scheduled
// for tomorrow must appear as WordPress "future" posts at that time.

#include "livewordpress.h"
#include "testlibrary.h"

#include <QElapsedTimer>
#include <QSet>
#include <QUrlQuery>
#include <QUuid>

using namespace ListingDesk;
using namespace ListingDesk::Testing;
using namespace Qt::StringLiterals;

namespace {
const QString portalName = u"批量测试网站"_s;
const QStringList cities{u"140400"_s, u"140100"_s};
constexpr int listingCount = 200;
} // namespace

class TestWordPressBatch : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void twoHundredListingsToTwoCities();
    void scheduledListingsAreFuturePosts();

private:
    CliRun runCli(const QString &db, const QStringList &arguments)
    {
        return m_live.runCli(m_portal, db, arguments);
    }
    /// A library with \a count ready listings whose titles carry \a tag.
    QString makeLibrary(QTemporaryDir &dir, const QString &tag, int count);
    /// Every post (any status) whose title contains \a tag, from the REST API.
    QList<QJsonObject> postsTagged(const QString &tag);
    qint64 termId(const QString &taxonomy, const QString &query);

    LiveWordPress m_live;
    Portal m_portal;
};

void TestWordPressBatch::initTestCase()
{
    if (qgetenv("LISTINGDESK_SKIP_PORTAL_TESTS") == "1")
        QSKIP("LISTINGDESK_SKIP_PORTAL_TESTS=1: no test WordPress runs here");
    QVERIFY2(m_live.loadPortal(u"plugin"_s, &m_portal),
             "the wordpress fixture wrote no connection data");
}

QString TestWordPressBatch::makeLibrary(QTemporaryDir &dir, const QString &tag, int count)
{
    const QString path = dir.filePath(u"library.sqlite"_s);
    Library library;
    if (!library.open(path))
        return {};
    auto category = library.categories().idForPath(u"房产/租房"_s);
    if (!category)
        return {};
    auto ids = inTransaction(library.database().connection(), [&]() -> Result<int> {
        for (int i = 0; i < count; ++i) {
            Listing l;
            l.title = u"%1 两室一厅出租 %2号"_s.arg(tag).arg(i);
            l.bodyHtml = u"<p>近地铁，拎包入住。第%1号房源。</p>"_s.arg(i);
            l.categoryId = category.value();
            l.cityCodes = {cities.first()};
            l.contact = {u"李先生"_s, u"13900000000"_s, {}};
            l.price = 1500 + i;
            l.status = ListingStatus::Ready;
            if (auto created = library.listings().insertInTransaction(l); !created)
                return created.error();
        }
        return count;
    });
    return ids ? path : QString();
}

QList<QJsonObject> TestWordPressBatch::postsTagged(const QString &tag)
{
    QList<QJsonObject> posts;
    for (int page = 1; page < 20; ++page) {
        QUrlQuery query;
        query.addQueryItem(u"search"_s, tag);
        query.addQueryItem(u"status"_s, u"publish,future"_s);
        query.addQueryItem(u"context"_s, u"edit"_s);
        query.addQueryItem(u"per_page"_s, u"100"_s);
        query.addQueryItem(u"page"_s, QString::number(page));
        const Rest answer =
            m_live.rest("GET", m_portal, u"/wp/v2/posts?"_s + query.toString(QUrl::FullyEncoded));
        const QJsonArray array = answer.array();
        for (const QJsonValue &value : array) {
            const QJsonObject post = value.toObject();
            if (post.value(u"title"_s).toObject().value(u"raw"_s).toString().contains(tag))
                posts << post;
        }
        if (answer.status != 200 || array.size() < 100)
            break;
    }
    return posts;
}

qint64 TestWordPressBatch::termId(const QString &taxonomy, const QString &query)
{
    const Rest answer = m_live.rest("GET", m_portal, u"/wp/v2/%1?%2"_s.arg(taxonomy, query));
    const QJsonArray terms = answer.array();
    return terms.isEmpty() ? 0 : terms.first().toObject().value(u"id"_s).toInteger();
}

void TestWordPressBatch::twoHundredListingsToTwoCities()
{
    QTemporaryDir dir;
    const QString tag = u"批量"_s + QUuid::createUuid().toString(QUuid::Id128).left(8);
    const QString db = makeLibrary(dir, tag, listingCount);
    QVERIFY(!db.isEmpty());
    RUN_CLI(add, db,
            {u"portal"_s, u"add"_s, portalName, u"--url"_s, m_portal.baseUrl, u"--user"_s,
             m_portal.user});
    EXPECT_EXIT(add, 0);

    QElapsedTimer clock;
    clock.start();
    RUN_CLI(publish, db,
            {u"publish"_s, u"--portal"_s, portalName, u"--all-ready"_s, u"--cities"_s,
             cities.join(u','), u"--jobs"_s, u"4"_s});
    const qint64 ms = clock.elapsed();
    EXPECT_EXIT(publish, 0);
    qInfo("real WordPress: %d posts in %lld ms = %.1f posts/s (4 at a time)", listingCount * 2, ms,
          listingCount * 2 * 1000.0 / double(ms));

    const QList<QJsonObject> posts = postsTagged(tag);
    QCOMPARE(posts.size(), listingCount * 2);
    // The category of the first post must be 房产 > 租房, and every post has it.
    // (Looked up by id: other tests on this portal make terms of the same name.)
    QVERIFY(!posts.isEmpty());
    const QJsonArray first = posts.first().value(u"categories"_s).toArray();
    QCOMPARE(first.size(), 1);
    const qint64 rentals = first.first().toInteger();
    const QJsonObject rentalsTerm =
        m_live.rest("GET", m_portal, u"/wp/v2/categories/%1"_s.arg(rentals)).object();
    QCOMPARE(rentalsTerm.value(u"name"_s).toString(), u"租房"_s);
    const QJsonObject propertyTerm =
        m_live
            .rest("GET", m_portal,
                  u"/wp/v2/categories/%1"_s.arg(rentalsTerm.value(u"parent"_s).toInteger()))
            .object();
    QCOMPARE(propertyTerm.value(u"name"_s).toString(), u"房产"_s);
    QHash<qint64, QString> cityOfTerm;
    for (const QString &code : cities) {
        const qint64 id = termId(u"city"_s, u"slug="_s + code);
        QVERIFY2(id > 0, qPrintable(code));
        cityOfTerm.insert(id, code);
    }
    QSet<QString> keys;
    QHash<QString, int> perCity;
    for (const QJsonObject &post : posts) {
        QCOMPARE(post.value(u"status"_s).toString(), u"publish"_s);
        const QJsonArray categories = post.value(u"categories"_s).toArray();
        QVERIFY(categories.contains(QJsonValue(rentals)));
        const QJsonArray city = post.value(u"city"_s).toArray();
        QCOMPARE(city.size(), 1);
        const QString code = cityOfTerm.value(city.first().toInteger());
        QVERIFY2(!code.isEmpty(), "a post in a city nobody asked for");
        ++perCity[code];
        const QString key =
            post.value(u"meta"_s).toObject().value(u"listingdesk_client_key"_s).toString();
        QVERIFY2(key.endsWith(code), qPrintable(key));
        QVERIFY2(!keys.contains(key), qPrintable(u"two posts for "_s + key));
        keys.insert(key);
    }
    QCOMPARE(perCity.value(cities.at(0)), listingCount);
    QCOMPARE(perCity.value(cities.at(1)), listingCount);

    RUN_CLI(queue, db, {u"queue"_s, u"--json"_s});
    EXPECT_EXIT(queue, 0);
    QCOMPARE(QJsonDocument::fromJson(queue.out.toUtf8()).array().size(), 0);
}

void TestWordPressBatch::scheduledListingsAreFuturePosts()
{
    QTemporaryDir dir;
    const QString tag = u"定时"_s + QUuid::createUuid().toString(QUuid::Id128).left(8);
    const QString db = makeLibrary(dir, tag, 5);
    QVERIFY(!db.isEmpty());
    RUN_CLI(add, db,
            {u"portal"_s, u"add"_s, portalName, u"--url"_s, m_portal.baseUrl, u"--user"_s,
             m_portal.user});
    EXPECT_EXIT(add, 0);
    const QDateTime at =
        QDateTime::currentDateTimeUtc().addDays(1).addSecs(3600).toOffsetFromUtc(8 * 3600);
    RUN_CLI(publish, db,
            {u"publish"_s, u"--portal"_s, portalName, u"--all-ready"_s, u"--at"_s,
             at.toString(Qt::ISODate)});
    EXPECT_EXIT(publish, 0);
    const QList<QJsonObject> posts = postsTagged(tag);
    QCOMPARE(posts.size(), 5);
    for (const QJsonObject &post : posts) {
        QCOMPARE(post.value(u"status"_s).toString(), u"future"_s);
        QDateTime gmt = QDateTime::fromString(post.value(u"date_gmt"_s).toString(), Qt::ISODate);
        gmt.setTimeSpec(Qt::UTC);
        QCOMPARE(gmt.toSecsSinceEpoch(), at.toSecsSinceEpoch());
    }
    // Scheduled posts left on the shared portal upset tst_wordpresslive's
    // pulls that run after this test (to be understood: see the closing note
    // of session 3); remove them for good.
    for (const QJsonObject &post : posts) {
        const Rest removed =
            m_live.rest("DELETE", m_portal,
                        u"/wp/v2/posts/%1?force=true"_s.arg(post.value(u"id"_s).toInteger()));
        QCOMPARE(removed.status, 200);
    }
}

QTEST_GUILESS_MAIN(TestWordPressBatch)
#include "tst_wordpressbatch.moc"
