// Opening a library file: fresh libraries, the settings we rely on, seed data,
// upgrades of older libraries (with a backup first), and refusal of files we
// must not touch (newer libraries, files that are not libraries at all).

#include "database.h"
#include "library.h"
#include "testlibrary.h"
#include "v1library.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <QtEndian>

using namespace ListingDesk;
using namespace ListingDesk::Testing;

namespace {

/// A plain connection to a SQLite file, without any of Database's settings.
class RawConnection
{
public:
    explicit RawConnection(const QString &path) : m_name(QStringLiteral("raw-%1").arg(++s_counter))
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
        db.setDatabaseName(path);
        m_open = db.open();
    }
    ~RawConnection()
    {
        {
            QSqlDatabase db = QSqlDatabase::database(m_name, false);
            db.close();
        }
        QSqlDatabase::removeDatabase(m_name);
    }
    bool isOpen() const { return m_open; }
    QSqlDatabase db() const { return QSqlDatabase::database(m_name, false); }
    bool exec(const QString &sql)
    {
        QSqlQuery query(db());
        if (!query.exec(sql)) {
            m_error = query.lastError().text();
            return false;
        }
        return true;
    }
    QString error() const { return m_error; }

private:
    static inline int s_counter = 0;
    QString m_name;
    bool m_open = false;
    QString m_error;
};

/// PRAGMA user_version as stored in the file header (offset 60, big-endian),
/// read without opening the file with SQLite.
int headerUserVersion(const QString &path)
{
    const QByteArray header = readAll(path).left(100);
    if (header.size() < 64)
        return -1;
    return int(qFromBigEndian<quint32>(header.constData() + 60));
}

QString fixturePath()
{
    return QStringLiteral(LISTINGDESK_FIXTURES_DIR "/library-v1.sqlite");
}

int countInSearch(Library &library, const QString &text, SavedFilter filter = SavedFilter::All)
{
    ListingQuery query;
    query.filter = filter;
    query.searchText = text;
    return library.listings().count(query);
}

} // namespace

class TestDatabase : public QObject
{
    Q_OBJECT

private slots:
    void freshLibraryIsCurrent();
    void settingsAreOn();
    void seededRegions_data();
    void seededRegions();
    void seededRegionsAreComplete();
    void seededCategories_data();
    void seededCategories();
    void migratesFromEarlierVersion_data();
    void migratesFromEarlierVersion();
    void upgradesCommittedV1Fixture();
    void refusesNewerLibrary_data();
    void refusesNewerLibrary();
    void refusesFileThatIsNotALibrary_data();
    void refusesFileThatIsNotALibrary();
};

void TestDatabase::freshLibraryIsCurrent()
{
    LD_SKIP_ON_POSTGRES("about a new SQLite file and its header; tst_postgresdatabase "
                        "freshLibraryIsCurrent covers PostgreSQL");
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("sub/folder/library.sqlite"));
    {
        Library library;
        auto opened = library.open(path);
        LD_VERIFY_OK(opened);
        QCOMPARE(library.database().schemaVersion(), Database::currentSchemaVersion);
        QVERIFY(library.database().backupPath().isEmpty()); // nothing to back up
        QCOMPARE(library.listings().count({}), 0);
    }
    QCOMPARE(headerUserVersion(path), Database::currentSchemaVersion);
    QCOMPARE(QDir(dir.filePath(QStringLiteral("sub/folder")))
                 .entryList({QStringLiteral("*.bak")}, QDir::Files),
             QStringList());

    // Reopening a current library neither migrates nor backs up.
    Library again;
    auto reopened = again.open(path);
    LD_VERIFY_OK(reopened);
    QCOMPARE(again.database().schemaVersion(), Database::currentSchemaVersion);
    QVERIFY(again.database().backupPath().isEmpty());
}

void TestDatabase::settingsAreOn()
{
    TestLibrary t;
    QVERIFY2(t.isOpen(), qPrintable(t.error()));
    // The pragmas are SQLite's; PostgreSQL always enforces foreign keys.
    if (!t.isPostgres()) {
        QCOMPARE(scalar(t.db(), QStringLiteral("PRAGMA journal_mode")).toString(),
                 QStringLiteral("wal"));
        QCOMPARE(scalar(t.db(), QStringLiteral("PRAGMA foreign_keys")).toInt(), 1);
    }

    // Foreign keys are enforced, not just declared: a listing cannot target
    // a region that does not exist, and purging a listing removes its targets.
    auto created = t.create(str("外键测试"));
    LD_VERIFY_OK(created);
    const qint64 id = created.value().id;
    QVERIFY(!t.exec(QStringLiteral("INSERT INTO listing_regions (listing_id, region_code) "
                                   "VALUES (%1, '999999')")
                        .arg(id))
                 .ok());
    LD_VERIFY_OK(t.exec(QStringLiteral("DELETE FROM listings WHERE id = %1").arg(id)));
    QCOMPARE(scalar(t.db(), QStringLiteral("SELECT count(*) FROM listing_regions")).toInt(), 0);
    QCOMPARE(scalar(t.db(), QStringLiteral("SELECT count(*) FROM revisions")).toInt(), 0);
}

void TestDatabase::seededRegions_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("shortName");
    QTest::addColumn<QString>("pinyin");
    QTest::addColumn<int>("level");
    QTest::addColumn<QString>("province");
    QTest::addColumn<QString>("display");

    QTest::newRow("长治") << str("140400") << str("长治市") << str("长治") << str("chang zhi") << 2
                          << str("140000") << str("长治 · 山西");
    QTest::newRow("山西") << str("140000") << str("山西省") << str("山西") << str("shan xi") << 1
                          << str("140000") << str("山西");
    QTest::newRow("潞州区") << str("140403") << str("潞州区") << str("潞州") << str("lu zhou") << 3
                            << str("140000") << str("潞州 · 山西");
    QTest::newRow("长子县 (zhang, not chang)")
        << str("140428") << str("长子县") << str("长子") << str("zhang zi") << 3 << str("140000")
        << str("长子 · 山西");
    QTest::newRow("北京朝阳") << str("110105") << str("朝阳区") << str("朝阳") << str("chao yang")
                              << 3 << str("110000") << str("朝阳 · 北京");
}

void TestDatabase::seededRegions()
{
    QFETCH(QString, code);
    QFETCH(QString, name);
    QFETCH(QString, shortName);
    QFETCH(QString, pinyin);
    QFETCH(int, level);
    QFETCH(QString, province);
    QFETCH(QString, display);

    TestLibrary t;
    QVERIFY2(t.isOpen(), qPrintable(t.error()));
    RegionRepository &regions = t.library().regions();
    const auto region = regions.byCode(code);
    QVERIFY(region.has_value());
    QCOMPARE(region->name, name);
    QCOMPARE(region->shortName, shortName);
    QCOMPARE(region->pinyin, pinyin);
    QCOMPARE(region->level, level);
    QCOMPARE(regions.provinceOf(code)->code, province);
    QCOMPARE(regions.displayName(code), display);
}

void TestDatabase::seededRegionsAreComplete()
{
    TestLibrary t;
    QVERIFY2(t.isOpen(), qPrintable(t.error()));
    const QSqlDatabase db = t.db();
    QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM regions WHERE level = 1")).toInt(),
             31);
    // 市辖区 ("districts under the city") is a placeholder in GB/T 2260, not a place.
    QCOMPARE(scalar(db, str("SELECT count(*) FROM regions WHERE name = '市辖区' "
                            "OR short_name = '市辖区'"))
                 .toInt(),
             0);
    // Every row of the built-in data is in the library, and every parent exists.
    QFile csv(QStringLiteral(":/data/regions.csv"));
    QVERIFY(csv.open(QIODevice::ReadOnly));
    const int dataRows = int(csv.readAll().trimmed().count('\n')); // lines minus the header
    QVERIFY(dataRows > 3000);
    QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM regions")).toInt(), dataRows);
    QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM regions r WHERE parent_code IS NOT "
                                       "NULL AND NOT EXISTS (SELECT 1 FROM regions p WHERE "
                                       "p.code = r.parent_code)"))
                 .toInt(),
             0);
    QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM regions WHERE pinyin = ''")).toInt(),
             0);
}

void TestDatabase::seededCategories_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<bool>("exists");

    QTest::newRow("房产/租房") << str("房产/租房") << true;
    QTest::newRow("top level") << str("房产") << true;
    QTest::newRow("招聘/普工技工") << str("招聘/普工技工") << true;
    QTest::newRow("surrounding spaces") << str(" 车辆/电动车 ") << true;
    QTest::newRow("child under the wrong parent") << str("招聘/租房") << false;
    QTest::newRow("unknown") << str("房产/火星") << false;
    QTest::newRow("child alone") << str("租房") << false;
}

void TestDatabase::seededCategories()
{
    QFETCH(QString, path);
    QFETCH(bool, exists);

    TestLibrary t;
    QVERIFY2(t.isOpen(), qPrintable(t.error()));
    CategoryRepository &categories = t.library().categories();
    const auto id = categories.idForPath(path);
    QCOMPARE(id.ok(), exists);
    if (exists) {
        QCOMPARE(categories.pathOf(id.value()), path.trimmed());
    } else {
        QCOMPARE(id.error().kind, Error::Kind::NotFound);
        QVERIFY2(id.error().message.contains(path.trimmed()), qPrintable(id.error().message));
    }

    // The whole tree from the built-in data, parents before children.
    const auto all = categories.all();
    LD_VERIFY_OK(all);
    QFile json(QStringLiteral(":/data/categories.json"));
    QVERIFY(json.open(QIODevice::ReadOnly));
    int expected = 0;
    for (const QJsonValue &group : QJsonDocument::fromJson(json.readAll()).array())
        expected += 1 + int(group.toObject().value(QStringLiteral("children")).toArray().size());
    QCOMPARE(all.value().size(), expected);
    QSet<qint64> seen;
    for (const Category &category : all.value()) {
        QVERIFY2(category.parentId == 0 || seen.contains(category.parentId),
                 qPrintable(category.path));
        seen.insert(category.id);
    }
    QCOMPARE(all.value().first().path, str("房产"));
    QCOMPARE(all.value().at(1).path, str("房产/租房"));
}

void TestDatabase::migratesFromEarlierVersion_data()
{
    QTest::addColumn<int>("version");
    for (int version = 1; version < Database::currentSchemaVersion; ++version)
        QTest::addRow("from version %d", version) << version;
}

void TestDatabase::migratesFromEarlierVersion()
{
    LD_SKIP_ON_POSTGRES("about SQLite files and their backup copies; tst_postgresdatabase "
                        "upgradesWithoutBackupFile covers PostgreSQL");
    QFETCH(int, version);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("library.sqlite"));
    const V1Listing old = fixtureV1Listings().first();
    {
        Library library;
        auto opened = library.open(path, version);
        LD_VERIFY_OK(opened);
        QCOMPARE(library.database().schemaVersion(), version);
        QString error;
        QVERIFY2(insertV1Listing(library.database().connection(), old, &error), qPrintable(error));
    }
    QCOMPARE(headerUserVersion(path), version);

    QString backupPath;
    {
        Library library;
        auto opened = library.open(path);
        LD_VERIFY_OK(opened);
        QCOMPARE(library.database().schemaVersion(), Database::currentSchemaVersion);

        // The listing is still there, whole.
        auto loaded = library.listings().loadByUuid(old.uuid);
        LD_VERIFY_OK(loaded);
        QCOMPARE(loaded.value().title, old.title);
        QCOMPARE(loaded.value().cityCodes, old.cities);
        QCOMPARE(loaded.value().categoryPath, old.parentCategory + u'/' + old.category);
        QCOMPARE(loaded.value().revision, old.revision);

        // The full-text index covers listings written before it existed.
        QCOMPARE(countInSearch(library, str("两室一厅")), 1);
        QCOMPARE(countInSearch(library, str("长治学院")), 1);
        QCOMPARE(countInSearch(library, str("长治")), 1);
        QCOMPARE(countInSearch(library, str("不存在的")), 0);

        // And the upgraded library works: saving keeps history from now on.
        Listing edited = loaded.value();
        edited.title = str("长治市区精装三室出租");
        auto saved = library.listings().save(edited);
        LD_VERIFY_OK(saved);
        QCOMPARE(saved.value().revision, old.revision + 1);
        QCOMPARE(library.listings().revisions(edited.id).size(), 1);
        QCOMPARE(countInSearch(library, str("三室出租")), 1);
        QCOMPARE(countInSearch(library, str("两室一厅")), 0);

        // A copy of the old file was taken first, named after its version.
        backupPath = library.database().backupPath();
        QVERIFY(!backupPath.isEmpty());
        const QRegularExpression pattern(QRegularExpression::anchoredPattern(
            QRegularExpression::escape(path) +
            QStringLiteral("\\.v%1-\\d{14}\\.bak").arg(version)));
        QVERIFY2(pattern.match(backupPath).hasMatch(), qPrintable(backupPath));
    }
    const QStringList backups =
        QDir(dir.path())
            .entryList({QStringLiteral("library.sqlite.v%1-*.bak").arg(version)}, QDir::Files);
    QCOMPARE(backups.size(), 1);
    QCOMPARE(dir.filePath(backups.first()), backupPath);

    // The backup is the old library as it was: its version, the old title.
    QCOMPARE(headerUserVersion(backupPath), version);
    {
        Database backup;
        auto opened = backup.open(backupPath, version);
        LD_VERIFY_OK(opened);
        QCOMPARE(backup.schemaVersion(), version);
        QCOMPARE(
            scalar(backup.connection(),
                   QStringLiteral("SELECT title FROM listings WHERE uuid = '%1'").arg(old.uuid))
                .toString(),
            old.title);
        QCOMPARE(scalar(backup.connection(),
                        QStringLiteral("SELECT count(*) FROM regions WHERE level = 1"))
                     .toInt(),
                 31);
    }

    // Opening the upgraded library again takes no second backup.
    Library again;
    auto reopened = again.open(path);
    LD_VERIFY_OK(reopened);
    QVERIFY(again.database().backupPath().isEmpty());
}

void TestDatabase::upgradesCommittedV1Fixture()
{
    LD_SKIP_ON_POSTGRES("the committed fixture is a SQLite file");
    QVERIFY2(QFile::exists(fixturePath()), qPrintable(fixturePath()));
    QCOMPARE(headerUserVersion(fixturePath()), 1);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("library.sqlite"));
    QVERIFY(QFile::copy(fixturePath(), path));
    QVERIFY(QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner));
    const QByteArray fixtureBytes = readAll(fixturePath());

    Library library;
    auto opened = library.open(path);
    LD_VERIFY_OK(opened);
    QCOMPARE(library.database().schemaVersion(), Database::currentSchemaVersion);
    QVERIFY(QFile::exists(library.database().backupPath()));
    QCOMPARE(headerUserVersion(library.database().backupPath()), 1);

    const auto counts = library.listings().filterCounts();
    QCOMPARE(counts[std::size_t(SavedFilter::All)], 2);
    QCOMPARE(counts[std::size_t(SavedFilter::Ready)], 1);
    QCOMPARE(counts[std::size_t(SavedFilter::Published)], 1);
    QCOMPARE(counts[std::size_t(SavedFilter::Trash)], 1);

    // Every field of the old listing survives the upgrade.
    const V1Listing expected = fixtureV1Listings().first();
    auto loaded = library.listings().loadByUuid(expected.uuid);
    LD_VERIFY_OK(loaded);
    const Listing &l = loaded.value();
    QCOMPARE(l.title, expected.title);
    QCOMPARE(l.bodyHtml, expected.bodyHtml);
    QCOMPARE(l.categoryPath, str("房产/租房"));
    QCOMPARE(l.cityCodes, expected.cities);
    QVERIFY(l.price.has_value());
    QCOMPARE(*l.price, 1500.0);
    QCOMPARE(l.contact,
             (Contact{expected.contactName, expected.contactPhone, expected.contactWechat}));
    QCOMPARE(l.expiresAt, QDateTime::fromString(expected.expiresAt.toString(), Qt::ISODate));
    QCOMPARE(l.expiresAt.offsetFromUtc(), 8 * 3600);
    QVERIFY(l.promoted);
    QCOMPARE(l.status, ListingStatus::Ready);
    QCOMPARE(l.revision, 3);
    QVERIFY(!l.deleted);

    // Search works on the old text, in the article too, and in the trash.
    QCOMPARE(countInSearch(library, str("两室一厅")), 1);
    QCOMPARE(countInSearch(library, str("消防工")), 1);
    QCOMPARE(countInSearch(library, str("电动车")), 0);
    QCOMPARE(countInSearch(library, str("电动车"), SavedFilter::Trash), 1);
    QCOMPARE(countInSearch(library, str("太原")), 1);

    // The committed fixture itself is never written (we worked on a copy).
    QCOMPARE(readAll(fixturePath()), fixtureBytes);
}

void TestDatabase::refusesNewerLibrary_data()
{
    QTest::addColumn<bool>("writtenByListingDesk");
    QTest::newRow("library in WAL mode") << true;
    QTest::newRow("file in rollback-journal mode") << false;
}

void TestDatabase::refusesNewerLibrary()
{
    LD_SKIP_ON_POSTGRES("about SQLite files in WAL mode; tst_postgresdatabase "
                        "refusesNewerLibrary covers PostgreSQL");
    QFETCH(bool, writtenByListingDesk);
    const int newer = Database::currentSchemaVersion + 1;

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("library.sqlite"));
    if (writtenByListingDesk) {
        Library library;
        auto opened = library.open(path);
        LD_VERIFY_OK(opened);
        auto created = library.listings().create({});
        LD_VERIFY_OK(created);
    }
    {
        RawConnection raw(path);
        QVERIFY(raw.isOpen());
        if (!writtenByListingDesk)
            QVERIFY2(raw.exec(QStringLiteral("CREATE TABLE listings (id INTEGER PRIMARY KEY, "
                                             "title TEXT, future_column TEXT)")),
                     qPrintable(raw.error()));
        QVERIFY2(raw.exec(QStringLiteral("PRAGMA user_version = %1").arg(newer)),
                 qPrintable(raw.error()));
    }
    QCOMPARE(headerUserVersion(path), newer);
    const QByteArray before = readAll(path);
    QVERIFY(!before.isEmpty());

    for (int attempt = 0; attempt < 2; ++attempt) {
        Library library;
        auto opened = library.open(path);
        QVERIFY(!opened.ok());
        QCOMPARE(opened.error().kind, Error::Kind::TooNew);
        QString message = opened.error().message;
        QVERIFY2(message.contains(path), qPrintable(message));
        message.remove(path);
        QVERIFY2(message.contains(QString::number(newer)), qPrintable(message));
        QVERIFY2(message.contains(QString::number(Database::currentSchemaVersion)),
                 qPrintable(message));
    }
    {
        Database database;
        auto opened = database.open(path);
        QVERIFY(!opened.ok());
        QCOMPARE(opened.error().kind, Error::Kind::TooNew);
    }
    QCOMPARE(readAll(path), before);
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files),
             QStringList{QStringLiteral("library.sqlite")});
}

void TestDatabase::refusesFileThatIsNotALibrary_data()
{
    QTest::addColumn<QByteArray>("content");

    QTest::newRow("text") << str("这不是数据库，是一段说明文字。\n").repeated(100).toUtf8();
    QTest::newRow("json") << QByteArray("[{\"title\": \"an export, not a library\"}]\n");
    QByteArray noise(8192, '\0');
    quint32 state = 12345;
    for (char &byte : noise) {
        state = state * 1103515245u + 12345u;
        byte = char(state >> 24);
    }
    QTest::newRow("binary noise") << noise;
    QTest::newRow("SQLite magic, garbage after it")
        << QByteArray("SQLite format 3", 16) + noise.left(4080);
}

void TestDatabase::refusesFileThatIsNotALibrary()
{
    LD_SKIP_ON_POSTGRES("about files that are not SQLite libraries; tst_postgresdatabase "
                        "refusesDatabaseOfAnotherProgram covers PostgreSQL");
    QFETCH(QByteArray, content);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("listings.sqlite"));
    QVERIFY(writeFile(path, content));

    Library library;
    auto opened = library.open(path);
    QVERIFY(!opened.ok());
    QCOMPARE(opened.error().kind, Error::Kind::Database);
    const QString message = opened.error().message;
    QVERIFY2(message.contains(path), qPrintable(message));
    QVERIFY2(message.contains(QStringLiteral("not a ListingDesk library")), qPrintable(message));

    QCOMPARE(readAll(path), content);
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files),
             QStringList{QStringLiteral("listings.sqlite")});
}

QTEST_GUILESS_MAIN(TestDatabase)
#include "tst_database.moc"
