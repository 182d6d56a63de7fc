// Importing listing files: all or nothing, errors that point at the record
// (or line) and the field, updates by uuid, the statuses an import may set,
// and cities given by name.

#include "listingimporter.h"
#include "testlibrary.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QSqlRecord>
#include <QTest>
#include <QTimeZone>

using namespace ListingDesk;
using namespace ListingDesk::Testing;

Q_DECLARE_METATYPE(InterchangeFormat)

namespace {

const QString existingUuid = QStringLiteral("5a0c6e2e-3b7d-4c1f-9e8a-0123456789ab");

QJsonObject record(const QString &title, const QJsonArray &cities,
                   const QString &category = QStringLiteral("房产/租房"))
{
    return QJsonObject{{QStringLiteral("title"), title},
                       {QStringLiteral("category"), category},
                       {QStringLiteral("cities"), cities},
                       {QStringLiteral("body_html"), QStringLiteral("<p>导入的正文</p>")}};
}

QByteArray json(const QJsonArray &records)
{
    return QJsonDocument(records).toJson();
}

/// Everything the library holds about listings, as text: rows of the
/// listings, listing_regions and revisions tables, in a fixed order.
QString dump(TestLibrary &t)
{
    QString out;
    for (const char *sql : {"SELECT * FROM listings ORDER BY id",
                            "SELECT * FROM listing_regions ORDER BY "
                            "listing_id, position",
                            "SELECT * FROM revisions ORDER BY id"}) {
        QSqlQuery query(t.db());
        if (!query.exec(QLatin1String(sql)))
            return QStringLiteral("query failed: ") + QLatin1String(sql);
        while (query.next()) {
            QStringList values;
            for (int i = 0; i < query.record().count(); ++i)
                values << (query.value(i).isNull() ? QStringLiteral("NULL")
                                                   : query.value(i).toString());
            out += values.join(QLatin1Char('|')) + QLatin1Char('\n');
        }
        out += QStringLiteral("--\n");
    }
    return out;
}

} // namespace

class TestListingImporter : public QObject
{
    Q_OBJECT

private slots:
    void allOrNothing_data();
    void allOrNothing();
    void createsListings();
    void csvWithBlankOptionalColumns();
    void existingUuidUpdates_data();
    void existingUuidUpdates();
    void statusRules_data();
    void statusRules();
    void citiesByName_data();
    void citiesByName();
    void unknownCategoryNamesRecordAndField();
    void fileErrors();
    void exportReadsBack_data();
    void exportReadsBack();
    void sanitizesBodies();
};

void TestListingImporter::allOrNothing_data()
{
    QTest::addColumn<QString>("fileName");
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("location");

    // Record 1 is new, record 2 updates an existing listing, record 3 names
    // an unknown city: nothing of records 1 and 2 may stay behind.
    QJsonObject update = record(str("被导入覆盖的标题"), {str("140100")});
    update.insert(QStringLiteral("uuid"), existingUuid);
    QTest::newRow("json") << str("listings.json")
                          << json({record(str("新导入的房源一"), {str("140400")}), update,
                                   record(str("坏记录"), {str("140400"), str("999999")}),
                                   record(str("新导入的房源四"), {str("140100")})})
                          << str("record 3");

    // The first record's article spans three lines, so record 3 starts on
    // line 6 of the file (the header is line 1).
    const QString csv = str("uuid,title,category,cities,body_html\r\n"
                            ",新导入的房源一,房产/租房,140400,\"<p>第一行</p>\n<p>第二行</"
                            "p>\n<p>第三行</p>\"\r\n") +
                        existingUuid +
                        str(",被导入覆盖的标题,房产/租房,140100,<p>x</p>\r\n"
                            ",坏记录,房产/租房,140400;999999,<p>x</p>\r\n"
                            ",新导入的房源四,房产/租房,140100,<p>x</p>\r\n");
    QTest::newRow("csv") << str("listings.csv") << csv.toUtf8() << str("line 6");
}

void TestListingImporter::allOrNothing()
{
    QFETCH(QString, fileName);
    QFETCH(QByteArray, content);
    QFETCH(QString, location);

    TestLibrary t;
    QVERIFY2(t.isOpen(), qPrintable(t.error()));
    Listing existing = t.makeListing(str("原有的房源"), str("<p>原有的正文</p>"));
    existing.uuid = existingUuid;
    LD_VERIFY_OK(t.listings().create(existing));
    LD_VERIFY_OK(t.create(str("另一条原有的房源")));
    const QString before = dump(t);
    const int countBefore = t.listings().count({});

    const QString path = QDir(t.dirPath()).filePath(fileName);
    QVERIFY(writeFile(path, content));
    QSignalSpy bulk(&t.listings(), &ListingRepository::listingsChanged);
    QSignalSpy one(&t.listings(), &ListingRepository::listingChanged);
    auto imported = ListingImporter(t.library()).importFile(path);

    QVERIFY(!imported.ok());
    QCOMPARE(imported.error().kind, Error::Kind::Data);
    const QString message = imported.error().message;
    QVERIFY2(message.contains(location + str(", field \"cities\"")), qPrintable(message));
    QVERIFY2(message.contains(str("999999")), qPrintable(message));
    QVERIFY2(message.contains(path), qPrintable(message));
    QVERIFY2(message.contains(str("nothing was imported")), qPrintable(message));

    QCOMPARE(t.listings().count({}), countBefore);
    QCOMPARE(dump(t), before);
    QCOMPARE(t.listings().loadByUuid(existingUuid).value().title, str("原有的房源"));
    QCOMPARE(t.listings().count([] {
        ListingQuery q;
        q.searchText = str("新导入");
        return q;
    }()),
             0);
    QCOMPARE(bulk.size(), 0);
    QCOMPARE(one.size(), 0);
}

void TestListingImporter::createsListings()
{
    TestLibrary t;
    QVERIFY2(t.isOpen(), qPrintable(t.error()));
    const QByteArray file = str(R"([{
        "uuid": "7E57AB1E-0000-4000-8000-000000000001",
        "title": "长治市区两室一厅出租",
        "category": "房产/租房",
        "cities": ["长治", "潞州区", "140100"],
        "body_html": "<p>拎包入住</p>",
        "price": 1500,
        "contact": {"name": "王先生", "phone": "13800000000", "wechat": "wangfd"},
        "expires_at": "2026-12-31T00:00:00+08:00",
        "promoted": true,
        "status": "ready"
    }, {
        "title": "急招消防工",
        "category": "招聘/普工技工",
        "cities": ["太原市"],
        "body_html": ""
    }])")
                                .toUtf8();
    const QString path = QDir(t.dirPath()).filePath(QStringLiteral("new.json"));
    QVERIFY(writeFile(path, file));
    QSignalSpy bulk(&t.listings(), &ListingRepository::listingsChanged);

    auto imported = ListingImporter(t.library()).importFile(path);
    LD_VERIFY_OK(imported);
    QCOMPARE(imported.value().created, 2);
    QCOMPARE(imported.value().updated, 0);
    QCOMPARE(bulk.size(), 1); // one re-query for the whole file

    auto first = t.listings().loadByUuid(str("7e57ab1e-0000-4000-8000-000000000001"));
    LD_VERIFY_OK(first);
    const Listing &l = first.value();
    QCOMPARE(l.title, str("长治市区两室一厅出租"));
    QCOMPARE(l.categoryId, t.categoryId(str("房产/租房")));
    QCOMPARE(l.cityCodes, (QStringList{str("140400"), str("140403"), str("140100")}));
    QCOMPARE(l.bodyHtml, str("<p>拎包入住</p>"));
    QCOMPARE(l.price, std::optional<double>(1500));
    QCOMPARE(l.contact, (Contact{str("王先生"), str("13800000000"), str("wangfd")}));
    QCOMPARE(l.expiresAt, QDateTime(QDate(2026, 12, 31), QTime(0, 0), QTimeZone(8 * 3600)));
    QCOMPARE(l.expiresAt.offsetFromUtc(), 8 * 3600);
    QVERIFY(l.promoted);
    QCOMPARE(l.status, ListingStatus::Ready);
    QCOMPARE(l.revision, 1);
    QCOMPARE(t.listings().revisions(l.id).size(), 0); // a new listing has no earlier version

    ListingQuery query;
    query.searchText = str("消防工");
    const QList<qint64> ids = t.listings().ids(query);
    QCOMPARE(ids.size(), 1);
    const Listing second = t.listings().load(ids.first()).value();
    QCOMPARE(second.status, ListingStatus::Draft);
    QCOMPARE(second.cityCodes, QStringList{str("140100")});
    QVERIFY(!second.uuid.isEmpty());
    QVERIFY(!second.price.has_value());
}

void TestListingImporter::csvWithBlankOptionalColumns()
{
    // A spreadsheet export: every column present, most of them left blank.
    TestLibrary t;
    QVERIFY2(t.isOpen(), qPrintable(t.error()));
    const QString csv = interchangeCsvColumns().join(QLatin1Char(',')) + str("\r\n") +
                        str(",只有标题,房产/租房,140400,,,,,,,,,,\r\n");
    const QString path = QDir(t.dirPath()).filePath(QStringLiteral("blank.csv"));
    QVERIFY(writeFile(path, csv.toUtf8()));
    auto imported = ListingImporter(t.library()).importFile(path);
    LD_VERIFY_OK(imported);
    QCOMPARE(imported.value().created, 1);
    const Listing l = t.listings().load(t.listings().ids({}).first()).value();
    QCOMPARE(l.title, str("只有标题"));
    QVERIFY(l.bodyHtml.isEmpty());
    QCOMPARE(l.contact, Contact{});
    QVERIFY(!l.price.has_value());
    QVERIFY(!l.expiresAt.isValid());
    QVERIFY(!l.promoted);
    QCOMPARE(l.status, ListingStatus::Draft);
}

void TestListingImporter::existingUuidUpdates_data()
{
    QTest::addColumn<InterchangeFormat>("format");
    QTest::newRow("json") << InterchangeFormat::Json;
    QTest::newRow("csv") << InterchangeFormat::Csv;
}

void TestListingImporter::existingUuidUpdates()
{
    QFETCH(InterchangeFormat, format);

    TestLibrary t;
    QVERIFY2(t.isOpen(), qPrintable(t.error()));
    Listing original = t.makeListing(str("旧的标题文字"), str("<p>旧的正文</p>"), str("房产/租房"),
                                     {str("140400")}, ListingStatus::Published);
    original.uuid = existingUuid;
    auto created = t.listings().create(original);
    LD_VERIFY_OK(created);
    auto other = t.create(str("不相关的房源"));
    LD_VERIFY_OK(other);

    // The file spells the uuid in upper case and leaves the status out.
    Listing incoming = created.value();
    incoming.uuid = existingUuid.toUpper();
    incoming.title = str("新的标题文字");
    incoming.bodyHtml = str("<p>新的正文</p>");
    incoming.categoryPath = str("房产/二手房");
    incoming.cityCodes = {str("140100"), str("140400")};
    incoming.price = 880000;
    QByteArray file = writeInterchange({incoming}, format);
    auto records = parseInterchange(file, format);
    LD_VERIFY_OK(records);
    QList<ListingRecord> list = records.value();
    list.first().status.reset();

    QSignalSpy bulk(&t.listings(), &ListingRepository::listingsChanged);
    auto imported = ListingImporter(t.library()).import(list);
    LD_VERIFY_OK(imported);
    QCOMPARE(imported.value().created, 0);
    QCOMPARE(imported.value().updated, 1);
    QCOMPARE(bulk.size(), 1);
    QCOMPARE(t.listings().count({}), 2);

    const Listing l = t.listings().load(created.value().id).value();
    QCOMPARE(l.uuid, existingUuid);
    QCOMPARE(l.title, str("新的标题文字"));
    QCOMPARE(l.bodyHtml, str("<p>新的正文</p>"));
    QCOMPARE(l.categoryPath, str("房产/二手房"));
    QCOMPARE(l.cityCodes, (QStringList{str("140100"), str("140400")}));
    QCOMPARE(l.price, std::optional<double>(880000));
    QCOMPARE(l.status, ListingStatus::Published); // kept: the portal's state is not the file's
    QCOMPARE(l.revision, 2);
    QCOMPARE(l.createdAt, created.value().createdAt);
    QCOMPARE(t.listings().revisions(l.id).size(), 1); // the version the import replaced

    ListingQuery query;
    query.searchText = str("旧的标题");
    QCOMPARE(t.listings().count(query), 0);
    query.searchText = str("新的标题");
    QCOMPARE(t.listings().count(query), 1);
    QCOMPARE(t.listings().load(other.value().id).value().revision, 1);
}

void TestListingImporter::statusRules_data()
{
    QTest::addColumn<QString>("existingStatus"); // empty = a new listing
    QTest::addColumn<QString>("fileStatus");
    QTest::addColumn<QString>("body");
    QTest::addColumn<bool>("accepted");
    QTest::addColumn<QString>("storedStatus");

    const QString body = str("<p>正文</p>");
    QTest::newRow("new, draft") << QString() << str("draft") << body << true << str("draft");
    QTest::newRow("new, ready") << QString() << str("ready") << body << true << str("ready");
    QTest::newRow("new, no status") << QString() << QString() << body << true << str("draft");
    QTest::newRow("new, published") << QString() << str("published") << body << false << QString();
    QTest::newRow("new, queued") << QString() << str("queued") << body << false << QString();
    QTest::newRow("new, failed") << QString() << str("failed") << body << false << QString();
    QTest::newRow("new, ready without an article")
        << QString() << str("ready") << QString() << false << QString();
    QTest::newRow("published read back as published")
        << str("published") << str("published") << body << true << str("published");
    QTest::newRow("draft made published")
        << str("draft") << str("published") << body << false << str("draft");
    QTest::newRow("published set back to draft")
        << str("published") << str("draft") << body << true << str("draft");
}

void TestListingImporter::statusRules()
{
    QFETCH(QString, existingStatus);
    QFETCH(QString, fileStatus);
    QFETCH(QString, body);
    QFETCH(bool, accepted);
    QFETCH(QString, storedStatus);

    TestLibrary t;
    QVERIFY2(t.isOpen(), qPrintable(t.error()));
    LD_VERIFY_OK(t.create(str("不相关的第一条")));
    if (!existingStatus.isEmpty()) {
        ListingStatus status;
        QVERIFY(statusFromKey(existingStatus, &status));
        Listing existing =
            t.makeListing(str("已有"), body, str("房产/租房"), {str("140400")}, status);
        existing.uuid = existingUuid;
        LD_VERIFY_OK(t.listings().create(existing));
    }
    QJsonObject second = record(str("导入的房源"), {str("140400")});
    second.insert(QStringLiteral("body_html"), body);
    if (!fileStatus.isEmpty())
        second.insert(QStringLiteral("status"), fileStatus);
    if (!existingStatus.isEmpty())
        second.insert(QStringLiteral("uuid"), existingUuid);
    auto records = parseInterchange(
        json({record(str("同一文件的第一条"), {str("140100")}), second}), InterchangeFormat::Json);
    LD_VERIFY_OK(records);
    const int countBefore = t.listings().count({});

    auto imported = ListingImporter(t.library()).import(records.value());
    QCOMPARE(imported.ok(), accepted);
    if (!accepted) {
        QCOMPARE(imported.error().kind, Error::Kind::Data);
        QVERIFY2(imported.error().message.startsWith(str("record 2, field \"status\"")),
                 qPrintable(imported.error().message));
        QCOMPARE(t.listings().count({}), countBefore); // record 1 was rolled back too
    }
    if (!storedStatus.isEmpty()) {
        Listing stored;
        if (!existingStatus.isEmpty()) {
            stored = t.listings().loadByUuid(existingUuid).value();
        } else {
            ListingQuery query;
            query.searchText = str("导入的房源");
            const QList<qint64> ids = t.listings().ids(query);
            QCOMPARE(ids.size(), 1);
            stored = t.listings().load(ids.first()).value();
        }
        QCOMPARE(statusKey(stored.status), storedStatus);
    }
}

void TestListingImporter::citiesByName_data()
{
    QTest::addColumn<QString>("reference");
    QTest::addColumn<QString>("code");          // empty = rejected
    QTest::addColumn<QStringList>("mentioned"); // what the error must name

    QTest::newRow("short name") << str("长治") << str("140400") << QStringList{};
    QTest::newRow("full name") << str("长治市") << str("140400") << QStringList{};
    QTest::newRow("county") << str("潞州区") << str("140403") << QStringList{};
    QTest::newRow("code") << str("140100") << str("140100") << QStringList{};
    QTest::newRow("spaces around") << str(" 太原 ") << str("140100") << QStringList{};
    QTest::newRow("ambiguous 朝阳")
        << str("朝阳") << QString()
        << QStringList{str("朝阳"), str("110105"), str("211300"), str("220104")};
    QTest::newRow("ambiguous 城区")
        << str("城区") << QString()
        << QStringList{str("城区"), str("140302"), str("140502"), str("441502")};
    QTest::newRow("unknown name") << str("火星市") << QString() << QStringList{str("火星市")};
    QTest::newRow("unknown code") << str("999999") << QString() << QStringList{str("999999")};
}

void TestListingImporter::citiesByName()
{
    QFETCH(QString, reference);
    QFETCH(QString, code);
    QFETCH(QStringList, mentioned);

    TestLibrary t;
    QVERIFY2(t.isOpen(), qPrintable(t.error()));
    auto records = parseInterchange(json({record(str("按名称指定城市"), {reference})}),
                                    InterchangeFormat::Json);
    LD_VERIFY_OK(records);
    auto imported = ListingImporter(t.library()).import(records.value());
    if (code.isEmpty()) {
        QVERIFY(!imported.ok());
        const QString message = imported.error().message;
        QVERIFY2(message.startsWith(str("record 1, field \"cities\"")), qPrintable(message));
        for (const QString &word : mentioned)
            QVERIFY2(message.contains(word), qPrintable(message));
        QCOMPARE(t.listings().count({}), 0);
    } else {
        LD_VERIFY_OK(imported);
        const QList<qint64> ids = t.listings().ids({});
        QCOMPARE(ids.size(), 1);
        QCOMPARE(t.listings().load(ids.first()).value().cityCodes, QStringList{code});
    }
}

void TestListingImporter::unknownCategoryNamesRecordAndField()
{
    TestLibrary t;
    QVERIFY2(t.isOpen(), qPrintable(t.error()));
    auto records =
        parseInterchange(json({record(str("第一条"), {str("140400")}),
                               record(str("第二条"), {str("140400")}, str("房产/火星"))}),
                         InterchangeFormat::Json);
    LD_VERIFY_OK(records);
    auto imported = ListingImporter(t.library()).import(records.value());
    QVERIFY(!imported.ok());
    QVERIFY2(imported.error().message.startsWith(str("record 2, field \"category\"")),
             qPrintable(imported.error().message));
    QVERIFY2(imported.error().message.contains(str("房产/火星")),
             qPrintable(imported.error().message));
    QCOMPARE(t.listings().count({}), 0);
}

void TestListingImporter::fileErrors()
{
    TestLibrary t;
    QVERIFY2(t.isOpen(), qPrintable(t.error()));
    ListingImporter importer(t.library());
    const QDir dir(t.dirPath());

    const QString text = dir.filePath(QStringLiteral("listings.txt"));
    QVERIFY(writeFile(text, "title\n"));
    auto wrongType = importer.importFile(text);
    QVERIFY(!wrongType.ok());
    QCOMPARE(wrongType.error().kind, Error::Kind::Data);
    QVERIFY2(wrongType.error().message.contains(str(".json")),
             qPrintable(wrongType.error().message));

    const QString missing = dir.filePath(QStringLiteral("missing.json"));
    auto notThere = importer.importFile(missing);
    QVERIFY(!notThere.ok());
    QCOMPARE(notThere.error().kind, Error::Kind::Io);
    QVERIFY2(notThere.error().message.contains(missing), qPrintable(notThere.error().message));

    const QString broken = dir.filePath(QStringLiteral("broken.json"));
    QVERIFY(writeFile(broken, "[\n  {\"title\": \"x\",\n"));
    auto badJson = importer.importFile(broken);
    QVERIFY(!badJson.ok());
    QCOMPARE(badJson.error().kind, Error::Kind::Data);
    QVERIFY2(badJson.error().message.contains(broken), qPrintable(badJson.error().message));
    QVERIFY2(badJson.error().message.contains(str("line 3")), qPrintable(badJson.error().message));

    const QString badCsv = dir.filePath(QStringLiteral("bad.csv"));
    QVERIFY(writeFile(badCsv, str("title,category,cities,body_html\n好,房产/租房,140400,\n"
                                  "坏,房产/租房,140400,,多余\n")
                                  .toUtf8()));
    auto wrongFields = importer.importFile(badCsv);
    QVERIFY(!wrongFields.ok());
    QVERIFY2(wrongFields.error().message.contains(str("line 3")),
             qPrintable(wrongFields.error().message));
    QCOMPARE(t.listings().count({}), 0);
}

void TestListingImporter::exportReadsBack_data()
{
    QTest::addColumn<InterchangeFormat>("format");
    QTest::newRow("json") << InterchangeFormat::Json;
    QTest::newRow("csv") << InterchangeFormat::Csv;
}

void TestListingImporter::exportReadsBack()
{
    // A user's backup: export everything, import it into an empty library.
    QFETCH(InterchangeFormat, format);

    TestLibrary source;
    QVERIFY2(source.isOpen(), qPrintable(source.error()));
    Listing rich = source.makeListing(
        str("两室一厅, \"精装\" 出租"), str("<p>第一段, 有逗号</p>\n<p>第二段 \"引号\"</p>"),
        str("房产/租房"), {str("140403"), str("140400")}, ListingStatus::Ready);
    rich.price = 1500.5;
    rich.contact = {str("王先生, 房东"), str("13800000000"), str("wang")};
    rich.expiresAt = QDateTime(QDate(2026, 12, 31), QTime(18, 30), QTimeZone(8 * 3600));
    rich.promoted = true;
    LD_VERIFY_OK(source.listings().create(rich));
    LD_VERIFY_OK(
        source.create(str("急招消防工"), QString(), str("招聘/普工技工"), {str("140100")}));
    QList<Listing> all;
    for (qint64 id : source.listings().ids({}))
        all << source.listings().load(id).value();

    TestLibrary target;
    QVERIFY2(target.isOpen(), qPrintable(target.error()));
    const QString path =
        QDir(target.dirPath())
            .filePath(format == InterchangeFormat::Json ? str("备份.json") : str("备份.csv"));
    QVERIFY(writeFile(path, writeInterchange(all, format)));
    auto imported = ListingImporter(target.library()).importFile(path);
    LD_VERIFY_OK(imported);
    QCOMPARE(imported.value().created, all.size());

    for (const Listing &original : all) {
        auto copy = target.listings().loadByUuid(original.uuid);
        LD_VERIFY_OK(copy);
        QVERIFY2(copy.value().sameContent(original), qPrintable(original.title));
        QCOMPARE(copy.value().categoryPath, original.categoryPath);
    }

    // Importing the same file again updates instead of duplicating.
    auto again = ListingImporter(target.library()).importFile(path);
    LD_VERIFY_OK(again);
    QCOMPARE(again.value().created, 0);
    QCOMPARE(again.value().updated, all.size());
    QCOMPARE(target.listings().count({}), all.size());
}

void TestListingImporter::sanitizesBodies()
{
    // A file from another tool with script in its bodies: what is stored is
    // the sanitised article, for new and updated listings alike, and the rest
    // of each listing is exactly what the file says.
    TestLibrary t;
    QVERIFY2(t.isOpen(), qPrintable(t.error()));
    LD_VERIFY_OK(t.create(str("已有"), str("<p>旧的正文</p>"), str("房产/租房"), {str("140400")}));
    const QString uuid = t.listings().load(t.listings().ids({}).first()).value().uuid;
    QJsonObject hostile = record(str("长治两室出租"), QJsonArray{str("长治")});
    hostile.insert(
        QStringLiteral("body_html"),
        str("<p onclick=\"steal()\">南北通透<script>alert(1)</script></p>"
            "<img src=x onerror=alert(2)><a href=\"javascript:alert(3)\">看房</a>"
            "<p><span style=\"color:red;background:url(javascript:x)\">急租</span></p>"));
    hostile.insert(QStringLiteral("price"), 1500);
    hostile.insert(QStringLiteral("contact"),
                   QJsonObject{{QStringLiteral("name"), str("王先生")},
                               {QStringLiteral("phone"), str("13800000000")}});
    hostile.insert(QStringLiteral("status"), str("ready"));
    QJsonObject update = record(str("已有"), QJsonArray{str("140400")});
    update.insert(QStringLiteral("uuid"), uuid);
    update.insert(QStringLiteral("body_html"), str("<iframe src=\"http://evil.example/\"></iframe>"
                                                   "<p>新正文</p><svg onload=alert(4)>"));
    // Nothing but script is an empty article, which cannot be ready.
    QJsonObject empty = record(str("空"), QJsonArray{str("140400")});
    empty.insert(QStringLiteral("body_html"), str("<script>alert(5)</script>"));

    const QString path = QDir(t.dirPath()).filePath(QStringLiteral("hostile.json"));
    QVERIFY(writeFile(path, json({hostile, update, empty})));
    auto imported = ListingImporter(t.library()).importFile(path);
    LD_VERIFY_OK(imported);
    QCOMPARE(imported.value().created, 2);
    QCOMPARE(imported.value().updated, 1);

    ListingQuery query;
    query.searchText = str("南北通透");
    const QList<qint64> ids = t.listings().ids(query);
    QCOMPARE(ids.size(), 1);
    const Listing l = t.listings().load(ids.first()).value();
    QCOMPARE(l.bodyHtml, str("<p>南北通透</p><img src=\"x\">看房"
                             "<p><span style=\"color:#ff0000\">急租</span></p>"));
    QCOMPARE(l.title, str("长治两室出租"));
    QCOMPARE(l.price, std::optional<double>(1500));
    QCOMPARE(l.contact, (Contact{str("王先生"), str("13800000000"), QString()}));
    QCOMPARE(l.status, ListingStatus::Ready);
    QCOMPARE(l.cityCodes, QStringList{str("140400")});

    QCOMPARE(t.listings().loadByUuid(uuid).value().bodyHtml, str("<p>新正文</p>"));
    bool foundBlank = false;
    for (qint64 id : t.listings().ids({})) {
        const Listing other = t.listings().load(id).value();
        if (other.title == str("空")) {
            foundBlank = true;
            QCOMPARE(other.bodyHtml, QString());
        }
    }
    QVERIFY(foundBlank);

    // The script text is not searchable either: it never reached the library.
    query.searchText = str("alert");
    QCOMPARE(t.listings().ids(query).size(), 0);

    QJsonObject readyButEmpty = empty;
    readyButEmpty.insert(QStringLiteral("title"), str("空而就绪"));
    readyButEmpty.insert(QStringLiteral("status"), str("ready"));
    QVERIFY(writeFile(path, json({readyButEmpty})));
    auto refused = ListingImporter(t.library()).importFile(path);
    QVERIFY(!refused.ok());
    QVERIFY2(refused.error().message.contains(QStringLiteral("status")),
             qPrintable(refused.error().message));
}

QTEST_GUILESS_MAIN(TestListingImporter)
#include "tst_listingimporter.moc"
