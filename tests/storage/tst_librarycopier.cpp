// LibraryCopier: a library copied SQLite -> (PostgreSQL in the _pg run, SQLite
// otherwise) -> SQLite keeps every row of every table, ids included, for a
// small library and for the 10,000 listings issue 7 names (timings in the log).

#include "librarycopier.h"
#include "testlibrary.h"

#include <QBuffer>
#include <QElapsedTimer>
#include <QImage>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace ListingDesk;
using namespace ListingDesk::Testing;

namespace {

// Every table and an order that lists its rows the same way on both backends.
const QList<QPair<QString, QString>> tableOrders = {
    {QStringLiteral("regions"), QStringLiteral("code")},
    {QStringLiteral("categories"), QStringLiteral("id")},
    {QStringLiteral("listings"), QStringLiteral("id")},
    {QStringLiteral("listing_regions"), QStringLiteral("listing_id, region_code")},
    {QStringLiteral("revisions"), QStringLiteral("id")},
    {QStringLiteral("portals"), QStringLiteral("id")},
    {QStringLiteral("portal_terms"), QStringLiteral("portal_id, kind, local_key")},
    {QStringLiteral("remote_posts"), QStringLiteral("id")},
    {QStringLiteral("media_uploads"), QStringLiteral("sha256, portal_id")},
    {QStringLiteral("media"), QStringLiteral("sha256")},
    {QStringLiteral("outbox"), QStringLiteral("id")},
};

QString cell(const QVariant &value)
{
    if (value.isNull())
        return QStringLiteral("<null>");
    if (value.typeId() == QMetaType::QByteArray)
        return QString::fromLatin1(value.toByteArray().toHex());
    if (value.typeId() == QMetaType::Double)
        return QString::number(value.toDouble(), 'g', 17);
    return value.toString();
}

/// Every row of \a table as text, one line per row, columns by name.
QStringList dump(const QSqlDatabase &db, const QString &table, const QString &order)
{
    const QSqlRecord record = db.record(table);
    QStringList columns;
    for (int i = 0; i < record.count(); ++i)
        columns << record.fieldName(i);
    columns.sort();
    QSqlQuery query(db);
    query.setForwardOnly(true);
    if (!query.exec(QStringLiteral("SELECT %1 FROM %2 ORDER BY %3")
                        .arg(columns.join(QLatin1String(", ")), table, order)))
        return {QStringLiteral("query failed: ") + query.lastError().text()};
    QStringList rows;
    while (query.next()) {
        QStringList cells;
        for (int i = 0; i < columns.size(); ++i)
            cells << columns.at(i) + u'=' + cell(query.value(i));
        rows << cells.join(QLatin1String(" | "));
    }
    return rows;
}

QByteArray pngBytes(int seed)
{
    QImage image(7, 5, QImage::Format_RGB32);
    image.fill(QColor::fromRgb(seed * 40 % 256, 90, 200));
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return bytes;
}

/// Compares every table of \a a and \a b row by row; the first difference fails.
void compareLibraries(const QSqlDatabase &a, const QSqlDatabase &b)
{
    for (const auto &[table, order] : tableOrders) {
        const QStringList left = dump(a, table, order);
        const QStringList right = dump(b, table, order);
        QVERIFY2(!left.isEmpty(), qPrintable(table + QStringLiteral(" is empty")));
        QCOMPARE(right.size(), left.size());
        for (int i = 0; i < left.size(); ++i)
            QCOMPARE(right.at(i), left.at(i));
    }
}

} // namespace

class TestLibraryCopier : public QObject
{
    Q_OBJECT

private slots:
    void roundTripKeepsEveryRow_data();
    void roundTripKeepsEveryRow();
    void refusesTargetWithListings();

private:
    void fillSource(TestLibrary &t, int count);
};

void TestLibraryCopier::fillSource(TestLibrary &t, int count)
{
    const QStringList cities{QStringLiteral("140400"), QStringLiteral("140100"),
                             QStringLiteral("110100"), QStringLiteral("140403")};
    const QStringList categories{QStringLiteral("房产/租房"), QStringLiteral("房产/二手房"),
                                 QString()};
    auto ids = t.createMany(count, [&](int i) {
        Listing l = t.makeListing(
            str("长治房源 %1 号 · \"引号\" 'apostrophe' 100%_").arg(i),
            str("<p>第 %1 段正文，<b>加粗</b>与图片</p><p>second paragraph \\ backslash</p>")
                .arg(i),
            categories.at(i % categories.size()),
            i % 5 == 0 ? QStringList{cities.at(i % 4), cities.at((i + 1) % 4)}
                       : QStringList{cities.at(i % 4)},
            i % 3 == 0 ? ListingStatus::Ready : ListingStatus::Draft);
        if (i % 4 != 0)
            l.price = 1234.56 + i / 7.0; // fractions that need every bit of a double
        l.contact.name = str("王先生%1").arg(i);
        l.contact.phone = QStringLiteral("1390000%1").arg(i, 4, 10, QLatin1Char('0'));
        l.contact.wechat = i % 2 ? QStringLiteral("wx_%1").arg(i) : QString();
        if (i % 6 == 0)
            l.expiresAt =
                QDateTime(QDate(2027, 1 + i % 12, 1 + i % 28), QTime(9, 30), QTimeZone(8 * 3600));
        l.promoted = i % 7 == 0;
        return l;
    });
    LD_VERIFY_OK(ids);
    // Revisions, a trashed listing and publishing state.
    for (int i = 0; i < 20; ++i) {
        auto loaded = t.listings().load(ids.value().at(i));
        LD_VERIFY_OK(loaded);
        Listing l = loaded.value();
        l.title += str(" 修改");
        LD_VERIFY_OK(t.listings().save(l));
    }
    LD_VERIFY_OK(t.listings().moveToTrash({ids.value().at(21), ids.value().at(22)}));
    LD_VERIFY_OK(t.listings().setStatus(ids.value().at(30), ListingStatus::Published));

    auto portal = addPortal(t.library(), str("长治信息港"), QStringLiteral("https://cz.example"),
                            QStringLiteral("editor"));
    LD_VERIFY_OK(portal);
    LD_VERIFY_OK(t.library().portalTerms().setTerm(portal.value(), TermKind::Region,
                                                   QStringLiteral("140400"), QStringLiteral("17"),
                                                   str("长治"), true));
    RemotePostRecord post;
    post.listingId = ids.value().at(30);
    post.portalId = portal.value();
    post.regionCode = QStringLiteral("140400");
    post.clientKey = QStringLiteral("ld-key-30");
    post.remoteId = 4711;
    post.url = QStringLiteral("https://cz.example/?p=4711");
    post.state = RemoteState::Published;
    post.views = 93;
    post.publishedAt = QDateTime(QDate(2026, 11, 2), QTime(8, 0), QTimeZone::utc());
    LD_VERIFY_OK(t.library().remotePosts().save(&post));
    for (int i = 0; i < 3; ++i) {
        auto media = t.library().media().store(pngBytes(i), QStringLiteral("photo%1.png").arg(i));
        LD_VERIFY_OK(media);
        if (i == 0)
            LD_VERIFY_OK(t.library().remotePosts().recordMediaUpload(
                portal.value(), media.value().sha256, 88,
                QStringLiteral("https://cz.example/a.png")));
    }
    LD_VERIFY_OK(t.exec(
        QStringLiteral(
            "INSERT INTO outbox (portal_id, listing_id, region_code, action, idempotency_key, "
            "next_attempt_at, created_at) VALUES (%1, %2, '140400', 'update', 'ld-key-30', "
            "'2026-11-03T00:00:00.000Z', '2026-11-02T00:00:00.000Z')")
            .arg(portal.value())
            .arg(ids.value().at(30))));
}

void TestLibraryCopier::roundTripKeepsEveryRow_data()
{
    QTest::addColumn<int>("count");
    QTest::newRow("1,000 listings") << 1000;
    QTest::newRow("10,000 listings") << 10000;
}

void TestLibraryCopier::roundTripKeepsEveryRow()
{
    QFETCH(int, count);
    const QString middleName =
        onPostgres() ? QStringLiteral("PostgreSQL") : QStringLiteral("SQLite");
    QElapsedTimer timer;
    // The source is always a SQLite file, whatever the run.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    TestLibrary sqliteSource(Database::currentSchemaVersion, TestLibrary::Backend::Sqlite);
    QVERIFY2(sqliteSource.isOpen(), qPrintable(sqliteSource.error()));
    QVERIFY(!sqliteSource.isPostgres());
    timer.start();
    fillSource(sqliteSource, count);
    if (QTest::currentTestFailed())
        return;
    qInfo("%d listings: filling the SQLite source took %lld ms", count, timer.restart());

    // The middle is PostgreSQL in the _pg run.
    TestLibrary middle;
    QVERIFY2(middle.isOpen(), qPrintable(middle.error()));
    QCOMPARE(middle.isPostgres(), onPostgres());
    auto there =
        LibraryCopier::copy(sqliteSource.library().database(), middle.library().database());
    LD_VERIFY_OK(there);
    qInfo("%d listings: SQLite -> %s took %lld ms", count, qPrintable(middleName), timer.restart());
    compareLibraries(sqliteSource.db(), middle.db());
    if (QTest::currentTestFailed())
        return;
    qInfo("%d listings: comparing every table took %lld ms", count, timer.restart());

    Library back;
    LD_VERIFY_OK(back.open(dir.filePath(QStringLiteral("back.sqlite"))));
    auto home = LibraryCopier::copy(middle.library().database(), back.database());
    LD_VERIFY_OK(home);
    qInfo("%d listings: %s -> SQLite took %lld ms", count, qPrintable(middleName), timer.restart());
    compareLibraries(sqliteSource.db(), back.database().connection());
    if (QTest::currentTestFailed())
        return;
    qint64 listingRows = 0;
    for (const LibraryCopier::TableCount &table : home.value())
        if (table.table == QLatin1String("listings"))
            listingRows = table.rows;
    QCOMPARE(listingRows, qint64(count));

    // The copies work as libraries: search finds the same listings, the full-text
    // index of the SQLite copy was filled, and a new listing gets a fresh id.
    ListingQuery query;
    query.searchText = str("房源 99");
    const int expected = sqliteSource.listings().count(query);
    QVERIFY(expected > 1);
    QCOMPARE(middle.listings().count(query), expected);
    QCOMPARE(back.listings().count(query), expected);
    auto fresh = middle.create(str("复制后新建"));
    LD_VERIFY_OK(fresh);
    QVERIFY(fresh.value().id > count);
    auto freshBack = back.listings().create(middle.makeListing(str("复制后新建")));
    LD_VERIFY_OK(freshBack);
    QVERIFY(freshBack.value().id > count);
}

void TestLibraryCopier::refusesTargetWithListings()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    Library source;
    LD_VERIFY_OK(source.open(dir.filePath(QStringLiteral("source.sqlite"))));
    LD_VERIFY_OK(source.listings().create([] {
        Listing l;
        l.title = QStringLiteral("source");
        return l;
    }()));

    TestLibrary target;
    QVERIFY2(target.isOpen(), qPrintable(target.error()));
    auto kept = target.create(str("目标里已有的房源"));
    LD_VERIFY_OK(kept);
    auto copied = LibraryCopier::copy(source.database(), target.library().database());
    QVERIFY(!copied.ok());
    QCOMPARE(copied.error().kind, Error::Kind::Conflict);
    QVERIFY2(copied.error().message.contains(QLatin1String("listings")),
             qPrintable(copied.error().message));
    // Nothing changed: still only the target's own listing.
    QCOMPARE(scalar(target.db(), QStringLiteral("SELECT count(*) FROM listings")).toInt(), 1);
    QCOMPARE(target.listings().load(kept.value().id).value().title, str("目标里已有的房源"));
}

QTEST_GUILESS_MAIN(TestLibraryCopier)
#include "tst_librarycopier.moc"
