// The JSON and CSV interchange format: what a user may import, how every
// mistake is reported (which record or line, which field), and that an export
// reads back as the same listings.

#include "interchange.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <QTimeZone>

#include <functional>

using namespace ListingDesk;

namespace {

QString u8(const char *text)
{
    return QString::fromUtf8(text);
}

QJsonObject validJsonRecord()
{
    return QJsonObject{
        {u8("title"), u8("长治市区两室一厅出租")},
        {u8("category"), u8("房产/租房")},
        {u8("cities"), QJsonArray{u8("140400")}},
        {u8("body_html"), u8("<p>拎包入住</p>")},
    };
}

// Three records; the second one is changed by \a edit, so errors must name
// "record 2" and not just the first or the last record.
QByteArray jsonWithSecondRecord(const std::function<void(QJsonObject &)> &edit)
{
    QJsonObject second = validJsonRecord();
    edit(second);
    return QJsonDocument(QJsonArray{validJsonRecord(), second, validJsonRecord()}).toJson();
}

const char *csvHeader = "title,category,cities,body_html,price,expires_at,promoted,status,uuid\n";
const char *csvGoodLine = "长治两室,房产/租房,140400,<p>正文</p>,1500,,false,draft,\n";

// A header, one good line (line 2), the given line (line 3) and another good line.
QByteArray csvWithThirdLine(const char *line)
{
    return QByteArray(csvHeader) + csvGoodLine + line + "\n" + csvGoodLine;
}

Listing richListing()
{
    Listing l;
    l.uuid = u8("3f2c8a54-6d1e-4b7a-9c0e-2a1b3c4d5e6f");
    l.title = u8("两室一厅, \"精装\" 出租");
    l.categoryPath = u8("房产/租房");
    l.cityCodes = {u8("140400"), u8("140100"), u8("110105")};
    l.bodyHtml = u8("<p>第一段, 有逗号和 \"引号\"</p>\n<p>第二段</p>\r\n<p>&amp; 第三段</p>");
    l.price = 2500.5;
    l.contact = {u8("王先生, 房东"), u8("138 0000 0000"), u8("wang_\"fd\"")};
    l.expiresAt = QDateTime(QDate(2026, 12, 31), QTime(18, 30, 0), QTimeZone(8 * 3600));
    l.promoted = true;
    l.status = ListingStatus::Ready;
    l.createdAt = QDateTime(QDate(2025, 1, 2), QTime(3, 4, 5), QTimeZone::utc());
    l.updatedAt = QDateTime(QDate(2025, 2, 3), QTime(4, 5, 6), QTimeZone::utc());
    return l;
}

Listing plainListing()
{
    Listing l;
    l.title = u8("急招消防工");
    l.categoryPath = u8("招聘/普工技工");
    l.cityCodes = {u8("140400")};
    l.bodyHtml = QString();
    l.status = ListingStatus::Draft;
    return l;
}

} // namespace

Q_DECLARE_METATYPE(InterchangeFormat)

class TestInterchange : public QObject
{
    Q_OBJECT

private slots:
    void formatForPath_data();
    void formatForPath();
    void parsesJson();
    void parsesCsv();
    void csvPromotedValues_data();
    void csvPromotedValues();
    void rejectsJson_data();
    void rejectsJson();
    void rejectsMalformedJson_data();
    void rejectsMalformedJson();
    void rejectsCsv_data();
    void rejectsCsv();
    void roundTrip_data();
    void roundTrip();
    void csvExportHasHeader();
};

void TestInterchange::formatForPath_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<int>("format"); // -1 = none

    QTest::newRow("json") << u8("/tmp/导出.json") << int(InterchangeFormat::Json);
    QTest::newRow("JSON upper case") << u8("LISTINGS.JSON") << int(InterchangeFormat::Json);
    QTest::newRow("csv") << u8("listings.csv") << int(InterchangeFormat::Csv);
    QTest::newRow("xlsx") << u8("listings.xlsx") << -1;
    QTest::newRow("no extension") << u8("listings") << -1;
    QTest::newRow("json in the middle") << u8("listings.json.txt") << -1;
}

void TestInterchange::formatForPath()
{
    QFETCH(QString, path);
    QFETCH(int, format);
    const auto found = interchangeFormatForPath(path);
    QCOMPARE(found ? int(*found) : -1, format);
}

void TestInterchange::parsesJson()
{
    const QByteArray json = u8(R"([{
        "uuid": "3F2C8A54-6D1E-4B7A-9C0E-2A1B3C4D5E6F",
        "title": "长治市区两室一厅",
        "category": "房产/租房",
        "cities": ["140400", " 太原 "],
        "body_html": "<p>拎包入住</p>",
        "price": 1500.5,
        "contact": {"name": "王先生", "phone": "13800000000", "wechat": "wangfd"},
        "expires_at": "2026-12-31T00:00:00+08:00",
        "promoted": true,
        "status": "ready"
    }, {
        "title": "第二条",
        "category": "招聘/司机",
        "cities": ["140100"],
        "body_html": "",
        "price": null,
        "contact": null
    }])")
                                .toUtf8();

    const auto parsed = parseInterchange(json, InterchangeFormat::Json);
    QVERIFY2(parsed.ok(), qPrintable(parsed.error().message));
    QCOMPARE(parsed.value().size(), 2);

    const ListingRecord &r = parsed.value().at(0);
    QCOMPARE(r.location, u8("record 1"));
    QCOMPARE(r.uuid, u8("3F2C8A54-6D1E-4B7A-9C0E-2A1B3C4D5E6F"));
    QCOMPARE(r.title, u8("长治市区两室一厅"));
    QCOMPARE(r.categoryPath, u8("房产/租房"));
    QCOMPARE(r.cities, (QStringList{u8("140400"), u8("太原")}));
    QCOMPARE(r.bodyHtml, u8("<p>拎包入住</p>"));
    QVERIFY(r.price.has_value());
    QCOMPARE(*r.price, 1500.5);
    QCOMPARE(r.contact, (Contact{u8("王先生"), u8("13800000000"), u8("wangfd")}));
    QCOMPARE(r.expiresAt, QDateTime(QDate(2026, 12, 30), QTime(16, 0), QTimeZone::utc()));
    QCOMPARE(r.expiresAt.offsetFromUtc(), 8 * 3600);
    QVERIFY(r.promoted);
    QVERIFY(r.status.has_value());
    QCOMPARE(*r.status, ListingStatus::Ready);

    const ListingRecord &second = parsed.value().at(1);
    QCOMPARE(second.location, u8("record 2"));
    QVERIFY(second.uuid.isEmpty());
    QVERIFY(!second.price.has_value());
    QCOMPARE(second.contact, Contact{});
    QVERIFY(!second.expiresAt.isValid());
    QVERIFY(!second.promoted);
    QVERIFY(!second.status.has_value());
}

void TestInterchange::parsesCsv()
{
    const QByteArray csv =
        u8("\xEF\xBB\xBFtitle,category,cities,body_html,price,contact_name,contact_phone,"
           "contact_wechat,expires_at,promoted,status\r\n"
           "\"长治, 市区\",房产/租房,140400; 140100 ;,\"<p>一</p>\n<p>二</p>\",2500,王先生,"
           "13800000000,wangfd,2026-12-31T00:00:00+08:00,TRUE,ready\r\n"
           "第二条,招聘/司机,140100,,,,,,,,\r\n")
            .toUtf8();
    const auto parsed = parseInterchange(csv, InterchangeFormat::Csv);
    QVERIFY2(parsed.ok(), qPrintable(parsed.error().message));
    QCOMPARE(parsed.value().size(), 2);

    const ListingRecord &r = parsed.value().at(0);
    QCOMPARE(r.location, u8("line 2"));
    QCOMPARE(r.title, u8("长治, 市区"));
    QCOMPARE(r.categoryPath, u8("房产/租房"));
    QCOMPARE(r.cities, (QStringList{u8("140400"), u8("140100")}));
    QCOMPARE(r.bodyHtml, u8("<p>一</p>\n<p>二</p>"));
    QVERIFY(r.price.has_value());
    QCOMPARE(*r.price, 2500.0);
    QCOMPARE(r.contact, (Contact{u8("王先生"), u8("13800000000"), u8("wangfd")}));
    QCOMPARE(r.expiresAt.offsetFromUtc(), 8 * 3600);
    QCOMPARE(r.expiresAt.toUTC(), QDateTime(QDate(2026, 12, 30), QTime(16, 0), QTimeZone::utc()));
    QVERIFY(r.promoted);
    QCOMPARE(r.status.value_or(ListingStatus::Draft), ListingStatus::Ready);

    const ListingRecord &second = parsed.value().at(1);
    QCOMPARE(second.location, u8("line 4")); // the body of line 2 spans two lines
    QVERIFY(!second.price.has_value());
    QVERIFY(!second.promoted);
    QVERIFY(!second.status.has_value());
}

void TestInterchange::csvPromotedValues_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<bool>("promoted");
    for (const char *yes : {"true", "True", "1", "yes", " YES "})
        QTest::newRow(yes) << u8(yes) << true;
    for (const char *no : {"false", "FALSE", "0", "no", ""})
        QTest::newRow(*no ? no : "empty") << u8(no) << false;
}

void TestInterchange::csvPromotedValues()
{
    QFETCH(QString, value);
    QFETCH(bool, promoted);
    const QByteArray csv = (u8("title,category,cities,body_html,promoted\n"
                               "标题,房产/租房,140400,,\"") +
                            value + u8("\"\n"))
                               .toUtf8();
    const auto parsed = parseInterchange(csv, InterchangeFormat::Csv);
    QVERIFY2(parsed.ok(), qPrintable(parsed.error().message));
    QCOMPARE(parsed.value().first().promoted, promoted);
}

void TestInterchange::rejectsJson_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("field");

    using Edit = std::function<void(QJsonObject &)>;
    const auto row = [](const char *name, const char *field, const Edit &edit) {
        QTest::newRow(name) << jsonWithSecondRecord(edit) << QString::fromUtf8(field);
    };
    row("missing title", "title", [](QJsonObject &o) { o.remove(u8("title")); });
    row("blank title", "title", [](QJsonObject &o) { o[u8("title")] = u8("   "); });
    row("title not a string", "title", [](QJsonObject &o) { o[u8("title")] = 42; });
    row("missing category", "category", [](QJsonObject &o) { o.remove(u8("category")); });
    row("empty category", "category", [](QJsonObject &o) { o[u8("category")] = u8(""); });
    row("missing cities", "cities", [](QJsonObject &o) { o.remove(u8("cities")); });
    row("cities not an array", "cities",
        [](QJsonObject &o) { o[u8("cities")] = u8("140400,140100"); });
    row("cities empty", "cities", [](QJsonObject &o) { o[u8("cities")] = QJsonArray(); });
    row("city not a string", "cities",
        [](QJsonObject &o) { o[u8("cities")] = QJsonArray{140400}; });
    row("blank city", "cities", [](QJsonObject &o) {
        o[u8("cities")] = QJsonArray{u8("140400"), u8(" ")};
    });
    row("missing body_html", "body_html", [](QJsonObject &o) { o.remove(u8("body_html")); });
    row("bad uuid", "uuid", [](QJsonObject &o) { o[u8("uuid")] = u8("not-a-uuid"); });
    row("uuid not a string", "uuid", [](QJsonObject &o) { o[u8("uuid")] = 7; });
    row("negative price", "price", [](QJsonObject &o) { o[u8("price")] = -1; });
    row("price as text", "price", [](QJsonObject &o) { o[u8("price")] = u8("1500"); });
    row("bad expires_at", "expires_at", [](QJsonObject &o) { o[u8("expires_at")] = u8("下周五"); });
    row("impossible expires_at date", "expires_at",
        [](QJsonObject &o) { o[u8("expires_at")] = u8("2026-13-45T00:00:00+08:00"); });
    row("unknown field", "colour", [](QJsonObject &o) { o[u8("colour")] = u8("red"); });
    row("misspelt field", "titel", [](QJsonObject &o) { o[u8("titel")] = u8("x"); });
    row("contact not an object", "contact",
        [](QJsonObject &o) { o[u8("contact")] = u8("13800000000"); });
    row("unknown contact field", "contact.email", [](QJsonObject &o) {
        o[u8("contact")] = QJsonObject{{u8("email"), u8("a@b.c")}};
    });
    row("contact phone not a string", "contact.phone", [](QJsonObject &o) {
        o[u8("contact")] = QJsonObject{{u8("phone"), 13800000000.0}};
    });
    row("promoted as text", "promoted", [](QJsonObject &o) { o[u8("promoted")] = u8("yes"); });
    row("promoted as number", "promoted", [](QJsonObject &o) { o[u8("promoted")] = 1; });
    row("unknown status", "status", [](QJsonObject &o) { o[u8("status")] = u8("sold"); });
}

void TestInterchange::rejectsJson()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, field);

    const auto parsed = parseInterchange(json, InterchangeFormat::Json);
    QVERIFY(!parsed.ok());
    QCOMPARE(parsed.error().kind, Error::Kind::Data);
    const QString message = parsed.error().message;
    QVERIFY2(message.startsWith(u8("record 2, ")), qPrintable(message));
    QVERIFY2(message.contains(u8("field \"") + field + u8("\"")), qPrintable(message));
}

void TestInterchange::rejectsMalformedJson_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("expected");

    QTest::newRow("syntax error names the line")
        << QByteArray("[\n  {\"title\": \"a\",\n   \"category\" \"x\"}\n]") << u8("line 3");
    QTest::newRow("object instead of array")
        << QJsonDocument(validJsonRecord()).toJson() << u8("JSON array");
    QTest::newRow("record not an object")
        << QJsonDocument(QJsonArray{validJsonRecord(), u8("长治")}).toJson() << u8("record 2");
}

void TestInterchange::rejectsMalformedJson()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, expected);
    const auto parsed = parseInterchange(json, InterchangeFormat::Json);
    QVERIFY(!parsed.ok());
    QCOMPARE(parsed.error().kind, Error::Kind::Data);
    QVERIFY2(parsed.error().message.contains(expected), qPrintable(parsed.error().message));
}

void TestInterchange::rejectsCsv_data()
{
    QTest::addColumn<QByteArray>("csv");
    QTest::addColumn<QString>("location");
    QTest::addColumn<QString>("field"); // the quoted field or column name, if any

    QTest::newRow("missing title")
        << csvWithThirdLine(",房产/租房,140400,,,,,,") << u8("line 3") << u8("\"title\"");
    QTest::newRow("blank title") << csvWithThirdLine("  ,房产/租房,140400,,,,,,") << u8("line 3")
                                 << u8("\"title\"");
    QTest::newRow("empty category")
        << csvWithThirdLine("标题,,140400,,,,,,") << u8("line 3") << u8("\"category\"");
    QTest::newRow("no cities") << csvWithThirdLine("标题,房产/租房,,,,,,,") << u8("line 3")
                               << u8("\"cities\"");
    QTest::newRow("only separators in cities")
        << csvWithThirdLine("标题,房产/租房,; ;,,,,,,") << u8("line 3") << u8("\"cities\"");
    QTest::newRow("bad uuid") << csvWithThirdLine("标题,房产/租房,140400,,,,,,1234") << u8("line 3")
                              << u8("\"uuid\"");
    QTest::newRow("negative price")
        << csvWithThirdLine("标题,房产/租房,140400,,-5,,,,") << u8("line 3") << u8("\"price\"");
    QTest::newRow("price not a number")
        << csvWithThirdLine("标题,房产/租房,140400,,1500元,,,,") << u8("line 3") << u8("\"price\"");
    QTest::newRow("bad expires_at") << csvWithThirdLine("标题,房产/租房,140400,,,31/12/2026,,,")
                                    << u8("line 3") << u8("\"expires_at\"");
    QTest::newRow("bad promoted") << csvWithThirdLine("标题,房产/租房,140400,,,,maybe,,")
                                  << u8("line 3") << u8("\"promoted\"");
    QTest::newRow("bad status") << csvWithThirdLine("标题,房产/租房,140400,,,,,sold,")
                                << u8("line 3") << u8("\"status\"");
    QTest::newRow("too few fields")
        << csvWithThirdLine("标题,房产/租房,140400") << u8("line 3") << u8("3 fields");
    QTest::newRow("too many fields")
        << csvWithThirdLine("标题,房产/租房,140400,,,,,,,extra") << u8("line 3") << u8("10 fields");
    QTest::newRow("unterminated quote")
        << csvWithThirdLine("标题,房产/租房,140400,\"<p>never closed,,,,,") << u8("line 3")
        << QString();
    QTest::newRow("unknown column")
        << (QByteArray("title,category,cities,body_html,colour\n") + "标题,房产/租房,140400,,red\n")
        << u8("line 1") << u8("\"colour\"");
    QTest::newRow("column twice") << (QByteArray("title,category,cities,body_html,title\n") +
                                      "标题,房产/租房,140400,,x\n")
                                  << u8("line 1") << u8("\"title\"");
    QTest::newRow("required column missing")
        << (QByteArray("title,category,body_html\n") + "标题,房产/租房,\n") << u8("line 1")
        << u8("\"cities\"");
    QTest::newRow("empty file") << QByteArray() << QString() << u8("empty");
    // Line numbers are those an editor shows: a quoted field spanning lines
    // moves the following records down.
    QTest::newRow("line after a multi-line field")
        << (QByteArray(csvHeader) + "标题,房产/租房,140400,\"<p>一</p>\n<p>二</p>\n\",,,,,\n" +
            "标题,房产/租房,140400,,-1,,,,\n")
        << u8("line 5") << u8("\"price\"");
}

void TestInterchange::rejectsCsv()
{
    QFETCH(QByteArray, csv);
    QFETCH(QString, location);
    QFETCH(QString, field);

    const auto parsed = parseInterchange(csv, InterchangeFormat::Csv);
    QVERIFY(!parsed.ok());
    QCOMPARE(parsed.error().kind, Error::Kind::Data);
    const QString message = parsed.error().message;
    if (!location.isEmpty())
        QVERIFY2(message.startsWith(location + u8(":")) || message.startsWith(location + u8(",")),
                 qPrintable(message));
    if (!field.isEmpty())
        QVERIFY2(message.contains(field), qPrintable(message));
}

void TestInterchange::roundTrip_data()
{
    QTest::addColumn<InterchangeFormat>("format");
    QTest::newRow("json") << InterchangeFormat::Json;
    QTest::newRow("csv") << InterchangeFormat::Csv;
}

void TestInterchange::roundTrip()
{
    QFETCH(InterchangeFormat, format);
    const QList<Listing> listings{richListing(), plainListing()};

    const QByteArray written = writeInterchange(listings, format);
    const auto parsed = parseInterchange(written, format);
    QVERIFY2(parsed.ok(),
             qPrintable(parsed.error().message + u8("\n") + QString::fromUtf8(written)));
    QCOMPARE(parsed.value().size(), listings.size());

    for (int i = 0; i < listings.size(); ++i) {
        const Listing &l = listings.at(i);
        const ListingRecord &r = parsed.value().at(i);
        QCOMPARE(r.uuid, l.uuid);
        QCOMPARE(r.title, l.title);
        QCOMPARE(r.categoryPath, l.categoryPath);
        QCOMPARE(r.cities, l.cityCodes);
        QCOMPARE(r.bodyHtml, l.bodyHtml);
        QCOMPARE(r.price.has_value(), l.price.has_value());
        if (l.price)
            QCOMPARE(*r.price, *l.price);
        QCOMPARE(r.contact, l.contact);
        QCOMPARE(r.expiresAt, l.expiresAt);
        if (l.expiresAt.isValid())
            QCOMPARE(r.expiresAt.offsetFromUtc(), l.expiresAt.offsetFromUtc());
        QCOMPARE(r.promoted, l.promoted);
        QCOMPARE(r.status.value_or(ListingStatus::Conflict), l.status);
    }
}

void TestInterchange::csvExportHasHeader()
{
    const QByteArray written = writeInterchange({plainListing()}, InterchangeFormat::Csv);
    const QString text = QString::fromUtf8(written);
    QVERIFY(text.startsWith(interchangeCsvColumns().join(u8(",")) + u8("\r\n")));
    QVERIFY(text.contains(u8("急招消防工")));
    // An empty export still names the columns, so it can be filled in and read back.
    const auto parsed =
        parseInterchange(writeInterchange({}, InterchangeFormat::Csv), InterchangeFormat::Csv);
    QVERIFY2(parsed.ok(), qPrintable(parsed.error().message));
    QVERIFY(parsed.value().isEmpty());
}

QTEST_GUILESS_MAIN(TestInterchange)
#include "tst_interchange.moc"
