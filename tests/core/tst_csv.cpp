// RFC 4180 reading and writing, as used by the CSV import/export and by the
// region seed data.

#include "csv.h"

#include <QTest>

using namespace ListingDesk;

namespace {
QString u8(const char *text)
{
    return QString::fromUtf8(text);
}
} // namespace

class TestCsv : public QObject
{
    Q_OBJECT

private slots:
    void parse_data();
    void parse();
    void rejects_data();
    void rejects();
    void csvLine_data();
    void csvLine();
    void roundTrip_data();
    void roundTrip();
};

void TestCsv::parse_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QList<QStringList>>("records");
    QTest::addColumn<QList<int>>("lines");

    QTest::newRow("simple") << u8("a,b,c\n1,2,3\n")
                            << QList<QStringList>{{u8("a"), u8("b"), u8("c")},
                                                  {u8("1"), u8("2"), u8("3")}}
                            << QList<int>{1, 2};
    QTest::newRow("no final line break")
        << u8("a,b\n1,2") << QList<QStringList>{{u8("a"), u8("b")}, {u8("1"), u8("2")}}
        << QList<int>{1, 2};
    QTest::newRow("empty fields") << u8(",,\n")
                                  << QList<QStringList>{{QString(), QString(), QString()}}
                                  << QList<int>{1};
    QTest::newRow("quoted comma") << u8("\"长治,太原\",x\n")
                                  << QList<QStringList>{{u8("长治,太原"), u8("x")}}
                                  << QList<int>{1};
    QTest::newRow("doubled quotes")
        << u8("\"他说\"\"好\"\"\",y\n") << QList<QStringList>{{u8("他说\"好\""), u8("y")}}
        << QList<int>{1};
    QTest::newRow("quoted empty field")
        << u8("\"\",z\n") << QList<QStringList>{{QString(), u8("z")}} << QList<int>{1};
    QTest::newRow("line break inside quotes counts lines")
        << u8("h1,h2\n\"第一行\n第二行\n第三行\",x\nnext,y\n")
        << QList<QStringList>{{u8("h1"), u8("h2")},
                              {u8("第一行\n第二行\n第三行"), u8("x")},
                              {u8("next"), u8("y")}}
        << QList<int>{1, 2, 5};
    QTest::newRow("CRLF") << u8("a,b\r\n1,2\r\n")
                          << QList<QStringList>{{u8("a"), u8("b")}, {u8("1"), u8("2")}}
                          << QList<int>{1, 2};
    QTest::newRow("lone CR") << u8("a\r1\r") << QList<QStringList>{{u8("a")}, {u8("1")}}
                             << QList<int>{1, 2};
    QTest::newRow("byte-order mark skipped")
        << (QString(QChar(0xFEFF)) + u8("title,cities\n房子,140400\n"))
        << QList<QStringList>{{u8("title"), u8("cities")}, {u8("房子"), u8("140400")}}
        << QList<int>{1, 2};
    QTest::newRow("blank lines are not records")
        << u8("a\n\n\nb\n\n") << QList<QStringList>{{u8("a")}, {u8("b")}} << QList<int>{1, 4};
    QTest::newRow("empty input") << QString() << QList<QStringList>{} << QList<int>{};
    QTest::newRow("spaces kept") << u8(" a , b \n") << QList<QStringList>{{u8(" a "), u8(" b ")}}
                                 << QList<int>{1};
}

void TestCsv::parse()
{
    QFETCH(QString, input);
    QFETCH(QList<QStringList>, records);
    QFETCH(QList<int>, lines);

    const auto parsed = parseCsv(input);
    QVERIFY2(parsed.ok(), qPrintable(parsed.error().message));
    QList<QStringList> fields;
    QList<int> startLines;
    for (const CsvRecord &record : parsed.value()) {
        fields << record.fields;
        startLines << record.line;
    }
    QCOMPARE(fields, records);
    QCOMPARE(startLines, lines);
}

void TestCsv::rejects_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("location");

    QTest::newRow("unterminated quote names the line it opens on")
        << u8("a,b\n1,2\n3,\"never closed\n4,5\n") << u8("line 3");
    QTest::newRow("quote inside an unquoted field") << u8("a,b\nx,ab\"c\n") << u8("line 2");
    QTest::newRow("text after the closing quote") << u8("a\n\"x\"y\n") << u8("line 2");
    QTest::newRow("after a multi-line field") << u8("a,b\n\"1\n2\",x\ny,z\"\n") << u8("line 4");
}

void TestCsv::rejects()
{
    QFETCH(QString, input);
    QFETCH(QString, location);

    const auto parsed = parseCsv(input);
    QVERIFY(!parsed.ok());
    QCOMPARE(parsed.error().kind, Error::Kind::Data);
    QVERIFY2(parsed.error().message.startsWith(location + u8(":")),
             qPrintable(parsed.error().message));
}

void TestCsv::csvLine_data()
{
    QTest::addColumn<QStringList>("fields");
    QTest::addColumn<QString>("line");

    QTest::newRow("plain") << QStringList{u8("a"), u8("长治"), QString()} << u8("a,长治,");
    QTest::newRow("comma") << QStringList{u8("长治,太原")} << u8("\"长治,太原\"");
    QTest::newRow("quote") << QStringList{u8("say \"hi\"")} << u8("\"say \"\"hi\"\"\"");
    QTest::newRow("newline") << QStringList{u8("一\n二"), u8("x")} << u8("\"一\n二\",x");
    QTest::newRow("carriage return") << QStringList{u8("一\r\n二")} << u8("\"一\r\n二\"");
}

void TestCsv::csvLine()
{
    QFETCH(QStringList, fields);
    QFETCH(QString, line);
    QCOMPARE(ListingDesk::csvLine(fields), line);
}

void TestCsv::roundTrip_data()
{
    QTest::addColumn<QList<QStringList>>("records");

    QTest::newRow("tricky fields") << QList<QStringList>{
        {u8("标题"), u8("正文"), u8("价格")},
        {u8("两室一厅, \"精装\""), u8("<p>第一段</p>\n<p>第二段, 有逗号</p>"), u8("2500")},
        {u8("\"\""), u8(","), QString()},
        {u8("  前后空格  "), u8("一\r\n二"), u8("0")},
    };
}

void TestCsv::roundTrip()
{
    QFETCH(QList<QStringList>, records);
    QString text;
    for (const QStringList &record : records)
        text += ListingDesk::csvLine(record) + u8("\r\n");
    const auto parsed = parseCsv(text);
    QVERIFY2(parsed.ok(), qPrintable(parsed.error().message));
    QCOMPARE(parsed.value().size(), records.size());
    for (int i = 0; i < records.size(); ++i)
        QCOMPARE(parsed.value().at(i).fields, records.at(i));
}

QTEST_GUILESS_MAIN(TestCsv)
#include "tst_csv.moc"
