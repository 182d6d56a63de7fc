// A team library on PostgreSQL: the URL and its password, the schema version in
// the meta table, upgrades in one transaction without a backup file, refusal of
// newer libraries and of other programs' databases, and the pg_trgm index that
// answers Chinese substring search. The tests that need a server skip outside
// the _pg run (the ctest fixture `postgres`, tests/pg).

#include "databaselocation.h"
#include "library.h"
#include "testlibrary.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace ListingDesk;
using namespace ListingDesk::Testing;

#define LD_REQUIRE_POSTGRES()                                                                      \
    do {                                                                                           \
        if (!onPostgres())                                                                         \
            QSKIP("needs the PostgreSQL server of the _pg run (ctest fixture postgres)");          \
    } while (false)

namespace {

/// Every line EXPLAIN prints for \a sql on \a db.
QString plan(const QSqlDatabase &db, const QString &sql)
{
    QSqlQuery query(db);
    QStringList lines;
    if (!query.exec(QStringLiteral("EXPLAIN ") + sql))
        return query.lastError().text();
    while (query.next())
        lines << query.value(0).toString();
    return lines.join(u'\n');
}

} // namespace

class TestPostgresDatabase : public QObject
{
    Q_OBJECT

private slots:
    void parsesLocations_data();
    void parsesLocations();
    void passwordFromEnvironment();
    void passwordRememberedForSecondConnection();
    void unreachableServerNamesNoPassword();
    void freshLibraryIsCurrent();
    void upgradesWithoutBackupFile();
    void refusesNewerLibrary();
    void refusesDatabaseOfAnotherProgram();
    void backupToRefuses();
    void substringSearchUsesTrigramIndex();
};

void TestPostgresDatabase::parsesLocations_data()
{
    QTest::addColumn<QString>("location");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<bool>("postgres");
    QTest::addColumn<QString>("shown");

    QTest::newRow("file") << QStringLiteral("/home/me/library.sqlite") << true << false
                          << QStringLiteral("/home/me/library.sqlite");
    QTest::newRow("relative file") << QStringLiteral("postgresql.sqlite") << true << false
                                   << QStringLiteral("postgresql.sqlite");
    QTest::newRow("url") << QStringLiteral("postgresql://editor@db.example:6543/team") << true
                         << true << QStringLiteral("postgresql://editor@db.example:6543/team");
    QTest::newRow("default port, short scheme")
        << QStringLiteral("postgres://editor@db.example/team") << true << true
        << QStringLiteral("postgresql://editor@db.example:5432/team");
    QTest::newRow("password hidden")
        << QStringLiteral("postgresql://editor:s3cr%40t@db.example:5432/team?sslmode=require")
        << true << true << QStringLiteral("postgresql://editor@db.example:5432/team");
    QTest::newRow("no user") << QStringLiteral("postgresql://db.example/team") << false << true
                             << QString();
    QTest::newRow("no database") << QStringLiteral("postgresql://editor@db.example:5432/") << false
                                 << true << QString();
}

void TestPostgresDatabase::parsesLocations()
{
    QFETCH(QString, location);
    QFETCH(bool, ok);
    QFETCH(bool, postgres);
    QFETCH(QString, shown);
    QCOMPARE(DatabaseLocation::isPostgresUrl(location), postgres);
    auto parsed = DatabaseLocation::parse(location);
    QCOMPARE(parsed.ok(), ok);
    if (!ok) {
        QVERIFY(!parsed.error().message.contains(QLatin1String("s3cr")));
        return;
    }
    QCOMPARE(parsed.value().isPostgres(), postgres);
    QCOMPARE(parsed.value().displayName(), shown);
}

void TestPostgresDatabase::passwordFromEnvironment()
{
    // Not in the URL: the environment supplies it, and it is never shown.
    qputenv("LISTINGDESK_DB_PASSWORD", "from-env-pw");
    // (Another host than the rows above: their password is remembered for this run.)
    auto parsed = DatabaseLocation::parse(QStringLiteral("postgresql://editor@env.example/team"));
    qunsetenv("LISTINGDESK_DB_PASSWORD");
    LD_VERIFY_OK(parsed);
    const QString name = QStringLiteral("ld-test-password");
    {
        QSqlDatabase db = parsed.value().addConnection(name);
        QCOMPARE(db.driverName(), QStringLiteral("QPSQL"));
        QCOMPARE(db.password(), QStringLiteral("from-env-pw"));
        QCOMPARE(db.hostName(), QStringLiteral("env.example"));
        QCOMPARE(db.databaseName(), QStringLiteral("team"));
        QVERIFY(!parsed.value().displayName().contains(QLatin1String("from-env-pw")));
    }
    QSqlDatabase::removeDatabase(name);
}

void TestPostgresDatabase::passwordRememberedForSecondConnection()
{
    // The statistics worker reopens the library from Database::path(), which
    // has no password in it: the one given earlier in this run is used.
    auto first = DatabaseLocation::parse(QStringLiteral("postgresql://ed:pw%2F1@stats.example/t"));
    LD_VERIFY_OK(first);
    auto second = DatabaseLocation::parse(first.value().displayName());
    LD_VERIFY_OK(second);
    auto other = DatabaseLocation::parse(QStringLiteral("postgresql://ed@stats.example/other"));
    LD_VERIFY_OK(other);
    const QString name = QStringLiteral("ld-test-remembered");
    {
        QCOMPARE(second.value().addConnection(name).password(), QStringLiteral("pw/1"));
        QSqlDatabase::removeDatabase(name);
        // Another database on the same server is another library: not shared.
        QCOMPARE(other.value().addConnection(name).password(), QString());
    }
    QSqlDatabase::removeDatabase(name);
}

void TestPostgresDatabase::unreachableServerNamesNoPassword()
{
    // Port 1 on loopback: nobody listens, the connection is refused at once.
    Library library;
    auto opened = library.open(QStringLiteral("postgresql://editor:Geheim123@127.0.0.1:1/team"));
    QVERIFY(!opened.ok());
    QVERIFY2(opened.error().message.contains(QLatin1String("127.0.0.1")),
             qPrintable(opened.error().message));
    QVERIFY2(!opened.error().message.contains(QLatin1String("Geheim123")),
             qPrintable(opened.error().message));
}

void TestPostgresDatabase::freshLibraryIsCurrent()
{
    LD_REQUIRE_POSTGRES();
    TestLibrary t;
    QVERIFY2(t.isOpen(), qPrintable(t.error()));
    QVERIFY(t.library().database().isPostgres());
    QCOMPARE(t.library().database().schemaVersion(), Database::currentSchemaVersion);
    QCOMPARE(scalar(t.db(), QStringLiteral("SELECT value FROM meta WHERE key = 'schema_version'"))
                 .toString(),
             QString::number(Database::currentSchemaVersion));
    QVERIFY(t.library().database().backupPath().isEmpty());
    // Seeded exactly like a SQLite library.
    TestLibrary file(Database::currentSchemaVersion, TestLibrary::Backend::Sqlite);
    QVERIFY2(file.isOpen(), qPrintable(file.error()));
    for (const QString &sql :
         {QStringLiteral("SELECT count(*) FROM regions"),
          QStringLiteral("SELECT count(*) FROM categories"),
          QStringLiteral(
              "SELECT max(code || name || short_name || pinyin || initials) FROM regions"),
          QStringLiteral("SELECT pinyin FROM categories WHERE name = '租房'"),
          QStringLiteral("SELECT sum(id * position) FROM categories")})
        QCOMPARE(scalar(t.db(), sql).toString(), scalar(file.db(), sql).toString());
    QVERIFY(scalar(t.db(), QStringLiteral("SELECT count(*) FROM regions")).toInt() > 3000);
    // Opening it again changes nothing.
    Library again;
    LD_VERIFY_OK(again.open(t.path()));
    QCOMPARE(again.database().schemaVersion(), Database::currentSchemaVersion);
}

void TestPostgresDatabase::upgradesWithoutBackupFile()
{
    LD_REQUIRE_POSTGRES();
    TestLibrary t(3);
    QVERIFY2(t.isOpen(), qPrintable(t.error()));
    QCOMPARE(t.library().database().schemaVersion(), 3);
    QVERIFY(scalar(t.db(), QStringLiteral("SELECT count(*) FROM information_schema.tables WHERE "
                                          "table_name = 'remote_posts'"))
                .toInt() == 0);
    auto created = t.create(str("升级前的房源"));
    LD_VERIFY_OK(created);

    Library upgraded;
    LD_VERIFY_OK(upgraded.open(t.path()));
    QCOMPARE(upgraded.database().schemaVersion(), Database::currentSchemaVersion);
    QVERIFY(upgraded.database().backupPath().isEmpty());
    QCOMPARE(upgraded.listings().load(created.value().id).value().title, str("升级前的房源"));
    // The tables of steps 4 to 6 work.
    LD_VERIFY_OK(addPortal(upgraded, QStringLiteral("P"), QStringLiteral("https://p.example")));
}

void TestPostgresDatabase::refusesNewerLibrary()
{
    LD_REQUIRE_POSTGRES();
    TestLibrary t;
    QVERIFY2(t.isOpen(), qPrintable(t.error()));
    const int newer = Database::currentSchemaVersion + 1;
    LD_VERIFY_OK(t.exec(
        QStringLiteral("UPDATE meta SET value = '%1' WHERE key = 'schema_version'").arg(newer)));
    Library library;
    auto opened = library.open(t.path());
    QVERIFY(!opened.ok());
    QCOMPARE(opened.error().kind, Error::Kind::TooNew);
    QVERIFY2(opened.error().message.contains(QString::number(newer)),
             qPrintable(opened.error().message));
    QCOMPARE(scalar(t.db(), QStringLiteral("SELECT value FROM meta WHERE key = 'schema_version'"))
                 .toInt(),
             newer);
}

void TestPostgresDatabase::refusesDatabaseOfAnotherProgram()
{
    LD_REQUIRE_POSTGRES();
    PostgresScratchDatabase scratch(postgresTestServer());
    QVERIFY2(scratch.error().isEmpty(), qPrintable(scratch.error()));
    const QString connection = QStringLiteral("ld-test-foreign");
    {
        auto location = DatabaseLocation::parse(scratch.url());
        LD_VERIFY_OK(location);
        QSqlDatabase db = location.value().addConnection(connection);
        QVERIFY(db.open());
        QSqlQuery create(db);
        QVERIFY(create.exec(QStringLiteral("CREATE TABLE invoices (id integer)")));

        Library library;
        auto opened = library.open(scratch.url());
        QVERIFY(!opened.ok());
        QVERIFY2(opened.error().message.contains(QLatin1String("another program")),
                 qPrintable(opened.error().message));
        // Untouched: still only the other program's table.
        QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM information_schema.tables "
                                           "WHERE table_schema = current_schema()"))
                     .toInt(),
                 1);
        db.close();
    }
    QSqlDatabase::removeDatabase(connection);
}

void TestPostgresDatabase::backupToRefuses()
{
    LD_REQUIRE_POSTGRES();
    TestLibrary t;
    QVERIFY2(t.isOpen(), qPrintable(t.error()));
    QTemporaryDir dir;
    const QString target = dir.filePath(QStringLiteral("copy.sqlite"));
    auto done = t.library().database().backupTo(target);
    QVERIFY(!done.ok());
    QVERIFY2(done.error().message.contains(QLatin1String("pg_dump")),
             qPrintable(done.error().message));
    QVERIFY(!QFile::exists(target));
}

void TestPostgresDatabase::substringSearchUsesTrigramIndex()
{
    LD_REQUIRE_POSTGRES();
    TestLibrary t;
    QVERIFY2(t.isOpen(), qPrintable(t.error()));
    auto ids = t.createMany(300, [&](int i) {
        return t.makeListing(str("房源%1 潞州区两室一厅").arg(i),
                             str("<p>近长治学院，拎包入住</p>"));
    });
    LD_VERIFY_OK(ids);
    LD_VERIFY_OK(t.create(str("英雄南路精装三室"), str("<p>可月付</p>")));
    LD_VERIFY_OK(t.exec(QStringLiteral("ANALYZE listings")));

    ListingQuery query;
    query.searchText = str("精装三");
    QCOMPARE(titlesOf(t.listings(), query), QStringList{str("英雄南路精装三室")});
    query.searchText = str("长治学院");
    QCOMPARE(t.listings().count(query), 300);
    query.searchText = str("三室"); // two characters: no trigram, found by a scan
    QCOMPARE(t.listings().count(query), 1);

    // Three or more characters: the GIN indexes of pg_trgm can answer the ILIKE.
    // (On 301 rows a scan is cheaper, so the planner is told not to scan; on a
    // real library it picks the index by itself.)
    LD_VERIFY_OK(t.exec(QStringLiteral("SET enable_seqscan = off")));
    const QString sql = QStringLiteral("SELECT id FROM listings l WHERE "
                                       "l.title ILIKE '%精装三%' OR l.body_text ILIKE '%精装三%'");
    const QString chosen = plan(t.db(), sql);
    QVERIFY2(chosen.contains(QLatin1String("listings_title_trgm")) &&
                 chosen.contains(QLatin1String("listings_body_trgm")),
             qPrintable(chosen));
}

QTEST_GUILESS_MAIN(TestPostgresDatabase)
#include "tst_postgresdatabase.moc"
