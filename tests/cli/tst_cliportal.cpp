// listingdesk-cli's portal commands without a network: portal add, list and
// remove, and every refusal a user can run into before a request is sent
// (unknown portal, bad or unencrypted address, missing password, bad publish
// arguments), with the exit codes scripts rely on (0 ok, 1 usage, 2 data).
// The real binary runs through QProcess; the library file is then read
// directly. Publishing and pulling against a real WordPress are in
// tests/sync/tst_wordpresslive.cpp.

#include "testlibrary.h"

#include <QDirIterator>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

using namespace ListingDesk;
using namespace ListingDesk::Testing;
using namespace Qt::StringLiterals;

namespace {

struct CliRun
{
    QStringList arguments;
    bool finished = false;
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

CliRun runCli(const QStringList &arguments, const QByteArray &input = {},
              const QProcessEnvironment &extra = {})
{
    CliRun run;
    run.arguments = arguments;
    QProcess process;
    process.setProgram(QStringLiteral(LISTINGDESK_CLI_PATH));
    process.setArguments(arguments);
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"LC_ALL"_s, u"C.UTF-8"_s);
    environment.insert(u"LANG"_s, u"C.UTF-8"_s);
    environment.remove(u"LANGUAGE"_s);
    // No keychain service runs here; never prompt or hang on one.
    environment.insert(u"LISTINGDESK_NO_KEYCHAIN"_s, u"1"_s);
    environment.remove(u"LISTINGDESK_PORTAL_PASSWORD"_s);
    for (const QString &key : extra.keys())
        environment.insert(key, extra.value(key));
    process.setProcessEnvironment(environment);
    process.start();
    if (process.waitForStarted(30000)) {
        process.write(input);
        process.closeWriteChannel();
    }
    run.finished = process.waitForFinished(180000) && process.exitStatus() == QProcess::NormalExit;
    run.exitCode = process.exitCode();
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

#define RUN_CLI(var, ...)                                                                          \
    const CliRun var = runCli(__VA_ARGS__);                                                        \
    QVERIFY2(var.finished, qPrintable(var.describe()))

#define EXPECT_EXIT(run, code) QVERIFY2((run).exitCode == (code), qPrintable((run).describe()))

#define EXPECT_CONTAINS(text, part, run)                                                           \
    QVERIFY2((text).contains(part),                                                                \
             qPrintable(u"expected \"%1\" in the output of:\n%2"_s.arg(part, (run).describe())))

const QString portalName = u"长治信息港"_s;
const QString secret = u"Zq8x Kp2m Wv4n Rt6y Hs3j Lb9c"_s;

} // namespace

class CliPortalTest : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void helpNamesPortalCommands();
    void addListRemove();
    void passwordNeverStoredOrPrinted();
    void refusals_data();
    void refusals();
    void missingPassword();
    void showJsonListsRemotePosts();

private:
    QStringList db() const { return {u"--db"_s, m_library->path()}; }

    std::unique_ptr<TestLibrary> m_library;
    QString m_uuid;
};

void CliPortalTest::init()
{
    QVERIFY(QFileInfo(QStringLiteral(LISTINGDESK_CLI_PATH)).isExecutable());
    m_library = std::make_unique<TestLibrary>();
    QVERIFY2(m_library->isOpen(), qPrintable(m_library->error()));
    auto created = m_library->create(u"长治市中心两室一厅出租"_s, u"<p>正文</p>"_s);
    LD_VERIFY_OK(created);
    m_uuid = created.value().uuid;
}

void CliPortalTest::cleanup()
{
    m_library.reset();
}

void CliPortalTest::helpNamesPortalCommands()
{
    RUN_CLI(help, {u"--help"_s});
    EXPECT_EXIT(help, 0);
    for (const QString &part :
         {u"portal add NAME --url URL --user USER"_s, u"portal list"_s, u"portal test NAME"_s,
          u"portal remove NAME"_s, u"pull --portal NAME"_s, u"publish --portal NAME UUID..."_s,
          u"--password-stdin"_s, u"LISTINGDESK_PORTAL_PASSWORD"_s, u"3 some items failed"_s})
        EXPECT_CONTAINS(help.out, part, help);
}

void CliPortalTest::addListRemove()
{
    RUN_CLI(add, db() + QStringList{u"portal"_s, u"add"_s, portalName, u"--url"_s,
                                    u"https://portal.example.com"_s, u"--user"_s, u"editor"_s});
    EXPECT_EXIT(add, 0);
    EXPECT_CONTAINS(add.out, portalName, add);

    RUN_CLI(text, db() + QStringList{u"portal"_s, u"list"_s});
    EXPECT_EXIT(text, 0);
    EXPECT_CONTAINS(text.out, portalName, text);
    EXPECT_CONTAINS(text.out, u"https://portal.example.com"_s, text);
    EXPECT_CONTAINS(text.out, u"not tested yet"_s, text);

    RUN_CLI(json, db() + QStringList{u"portal"_s, u"list"_s, u"--json"_s});
    EXPECT_EXIT(json, 0);
    const QJsonArray array = QJsonDocument::fromJson(json.out.toUtf8()).array();
    QCOMPARE(array.size(), 1);
    const QJsonObject p = array.first().toObject();
    QCOMPARE(p.value(u"name"_s).toString(), portalName);
    QCOMPARE(p.value(u"url"_s).toString(), u"https://portal.example.com"_s);
    QCOMPARE(p.value(u"user"_s).toString(), u"editor"_s);
    QVERIFY(p.value(u"mode"_s).isNull());
    QCOMPARE(p.value(u"allow_http"_s).toBool(), false);
    // The storage layer sees the same portal.
    auto stored = m_library->library().portals().portalByName(portalName);
    LD_VERIFY_OK(stored);
    QCOMPARE(stored.value().username, u"editor"_s);

    // Names are unique: a second portal of the same name is a data error.
    RUN_CLI(again, db() + QStringList{u"portal"_s, u"add"_s, portalName, u"--url"_s,
                                      u"https://other.example.com"_s, u"--user"_s, u"x"_s});
    EXPECT_EXIT(again, 2);
    QVERIFY2(!again.err.isEmpty(), qPrintable(again.describe()));

    RUN_CLI(removed, db() + QStringList{u"portal"_s, u"remove"_s, portalName});
    EXPECT_EXIT(removed, 0);
    RUN_CLI(empty, db() + QStringList{u"portal"_s, u"list"_s, u"--json"_s});
    EXPECT_EXIT(empty, 0);
    QCOMPARE(QJsonDocument::fromJson(empty.out.toUtf8()).array().size(), 0);
    RUN_CLI(gone, db() + QStringList{u"portal"_s, u"remove"_s, portalName});
    EXPECT_EXIT(gone, 2);
    EXPECT_CONTAINS(gone.err, u"no portal named"_s, gone);
}

void CliPortalTest::passwordNeverStoredOrPrinted()
{
    // A local address that refuses connections: the test needs no network.
    RUN_CLI(add,
            db() + QStringList{u"portal"_s, u"add"_s, portalName, u"--url"_s,
                               u"http://127.0.0.1:9"_s, u"--user"_s, u"editor"_s,
                               u"--password-stdin"_s},
            (secret + u"\n"_s).toUtf8());
    EXPECT_EXIT(add, 0);
    // Without a keychain the password is not kept: the user is told how to give it.
    EXPECT_CONTAINS(add.err, u"LISTINGDESK_PORTAL_PASSWORD"_s, add);

    RUN_CLI(test, db() + QStringList{u"portal"_s, u"test"_s, portalName, u"--password-stdin"_s},
            (secret + u"\n"_s).toUtf8());
    EXPECT_EXIT(test, 2);
    EXPECT_CONTAINS(test.out, u"Reachable:         no"_s, test);

    QProcessEnvironment env;
    env.insert(u"LISTINGDESK_PORTAL_PASSWORD"_s, secret);
    RUN_CLI(pull, db() + QStringList{u"pull"_s, u"--portal"_s, portalName, u"--json"_s}, {}, env);
    EXPECT_EXIT(pull, 2);

    for (const CliRun *run : {&add, &test, &pull}) {
        QVERIFY2(!run->out.contains(secret) && !run->err.contains(secret),
                 qPrintable(run->describe()));
    }
    if (m_library->isPostgres()) {
        // No row of any table of the library holds it.
        QSqlQuery tables(m_library->db());
        QVERIFY(tables.exec(u"SELECT table_name FROM information_schema.tables WHERE "
                            "table_schema = current_schema() AND table_type = 'BASE TABLE'"_s));
        int checked = 0;
        while (tables.next()) {
            QSqlQuery rows(m_library->db());
            const QString table = tables.value(0).toString();
            QVERIFY2(rows.exec(u"SELECT CAST(t AS text) FROM %1 t"_s.arg(table)),
                     qPrintable(table));
            while (rows.next())
                QVERIFY2(!rows.value(0).toString().contains(secret), qPrintable(table));
            ++checked;
        }
        QVERIFY(checked >= 5);
        return;
    }
    // Neither the library file nor its journal holds it, in UTF-8 or UTF-16.
    QSqlQuery(m_library->db()).exec(u"PRAGMA wal_checkpoint(TRUNCATE)"_s);
    QDirIterator files(m_library->dirPath(), QDir::Files);
    int checked = 0;
    while (files.hasNext()) {
        const QByteArray bytes = readAll(files.next());
        QVERIFY2(!bytes.contains(secret.toUtf8()), qPrintable(files.filePath()));
        QVERIFY(!bytes.contains(
            QByteArray(reinterpret_cast<const char *>(secret.utf16()), secret.size() * 2)));
        ++checked;
    }
    QVERIFY(checked >= 1);
}

void CliPortalTest::refusals_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("message");

    const QStringList add{u"portal"_s, u"add"_s, u"网站"_s, u"--user"_s, u"editor"_s};
    QTest::newRow("plain http to another machine")
        << add + QStringList{u"--url"_s, u"http://portal.example.com"_s} << QByteArray() << 1
        << u"--allow-http"_s;
    QTest::newRow("not a URL") << add + QStringList{u"--url"_s, u"portal example"_s} << QByteArray()
                               << 1 << u"not a portal address"_s;
    QTest::newRow("ftp") << add + QStringList{u"--url"_s, u"ftp://portal.example.com"_s}
                         << QByteArray() << 1 << u"not a portal address"_s;
    QTest::newRow("no --url") << add << QByteArray() << 1 << u"--url"_s;
    QTest::newRow("no name") << QStringList{u"portal"_s, u"add"_s,
                                            u"--url"_s,  u"https://a.example.com"_s,
                                            u"--user"_s, u"u"_s}
                             << QByteArray() << 1 << u"NAME"_s;
    QTest::newRow("empty password on stdin")
        << add + QStringList{u"--url"_s, u"https://a.example.com"_s, u"--password-stdin"_s}
        << QByteArray("\n") << 1 << u"no password"_s;
    QTest::newRow("unknown subcommand")
        << QStringList{u"portal"_s, u"edit"_s, u"x"_s} << QByteArray() << 1 << u"portal add"_s;
    QTest::newRow("--url elsewhere") << QStringList{u"portal"_s, u"list"_s, u"--url"_s, u"x"_s}
                                     << QByteArray() << 1 << u"--url"_s;
    QTest::newRow("test unknown portal") << QStringList{u"portal"_s, u"test"_s, u"无此网站"_s}
                                         << QByteArray() << 2 << u"no portal named"_s;
    QTest::newRow("pull unknown portal") << QStringList{u"pull"_s, u"--portal"_s, u"无此网站"_s}
                                         << QByteArray() << 2 << u"no portal named"_s;
    QTest::newRow("pull without --portal")
        << QStringList{u"pull"_s} << QByteArray() << 1 << u"--portal"_s;
    QTest::newRow("publish without uuid")
        << QStringList{u"publish"_s, u"--portal"_s, portalName} << QByteArray() << 1 << u"UUID"_s;
    QTest::newRow("publish bad --at")
        << QStringList{u"publish"_s, u"--portal"_s, portalName,
                       u"--at"_s,    u"tomorrow"_s, u"3f2c8a54-6d1e-4b7a-9c0e-2a1b3c4d5e6f"_s}
        << QByteArray() << 1 << u"--at"_s;
    QTest::newRow("publish unknown uuid") << QStringList{u"publish"_s, u"--portal"_s, portalName,
                                                         u"3f2c8a54-6d1e-4b7a-9c0e-2a1b3c4d5e6f"_s}
                                          << QByteArray() << 2 << u"no listing has the uuid"_s;
    QTest::newRow("publish unknown city") << QStringList{u"publish"_s,  u"--portal"_s, portalName,
                                                         u"--cities"_s, u"999999"_s,   u"LISTING"_s}
                                          << QByteArray() << 2 << u"unknown city code"_s;
    QTest::newRow("--cities on pull")
        << QStringList{u"pull"_s, u"--portal"_s, portalName, u"--cities"_s, u"140400"_s}
        << QByteArray() << 1 << u"--cities"_s;
}

void CliPortalTest::refusals()
{
    QFETCH(QStringList, arguments);
    QFETCH(QByteArray, input);
    QFETCH(int, exitCode);
    QFETCH(QString, message);
    // A portal the refusals can name; listing "LISTING" stands for the stored one.
    PortalInfo portal;
    portal.name = portalName;
    portal.baseUrl = u"http://127.0.0.1:9"_s;
    portal.username = u"editor"_s;
    LD_VERIFY_OK(m_library->library().portals().add(portal));
    arguments.replaceInStrings(u"LISTING"_s, m_uuid);

    RUN_CLI(run, db() + arguments, input);
    EXPECT_EXIT(run, exitCode);
    EXPECT_CONTAINS(run.err, message, run);
    // A refusal adds no portal.
    QCOMPARE(m_library->library().portals().all().value().size(), 1);
}

void CliPortalTest::missingPassword()
{
    PortalInfo portal;
    portal.name = portalName;
    portal.baseUrl = u"http://127.0.0.1:9"_s;
    portal.username = u"editor"_s;
    LD_VERIFY_OK(m_library->library().portals().add(portal));
    for (const QStringList &args : {QStringList{u"portal"_s, u"test"_s, portalName},
                                    QStringList{u"pull"_s, u"--portal"_s, portalName},
                                    QStringList{u"publish"_s, u"--portal"_s, portalName, m_uuid}}) {
        RUN_CLI(run, db() + args);
        EXPECT_EXIT(run, 2);
        EXPECT_CONTAINS(run.err, u"no password for portal"_s, run);
        EXPECT_CONTAINS(run.err, u"--password-stdin"_s, run);
    }
}

void CliPortalTest::showJsonListsRemotePosts()
{
    PortalInfo portal;
    portal.name = portalName;
    portal.baseUrl = u"https://portal.example.com"_s;
    portal.username = u"editor"_s;
    auto portalId = m_library->library().portals().add(portal);
    LD_VERIFY_OK(portalId);
    auto listing = m_library->listings().loadByUuid(m_uuid);
    LD_VERIFY_OK(listing);
    RemotePostRecord record;
    record.listingId = listing.value().id;
    record.portalId = portalId.value();
    record.regionCode = u"140400"_s;
    record.clientKey = clientKeyFor(m_uuid, record.regionCode);
    record.remoteId = 4711;
    record.url = u"https://portal.example.com/?p=4711"_s;
    record.state = RemoteState::Failed;
    record.lastError = u"标题太长"_s;
    LD_VERIFY_OK(m_library->library().remotePosts().save(&record));

    RUN_CLI(run, db() + QStringList{u"show"_s, m_uuid, u"--json"_s});
    EXPECT_EXIT(run, 0);
    const QJsonArray posts =
        QJsonDocument::fromJson(run.out.toUtf8()).object().value(u"remote_posts"_s).toArray();
    QCOMPARE(posts.size(), 1);
    const QJsonObject post = posts.first().toObject();
    QCOMPARE(post.value(u"portal"_s).toString(), portalName);
    QCOMPARE(post.value(u"city"_s).toString(), u"140400"_s);
    QCOMPARE(post.value(u"remote_id"_s).toInteger(), 4711);
    QCOMPARE(post.value(u"url"_s).toString(), record.url);
    QCOMPARE(post.value(u"state"_s).toString(), u"failed"_s);
    QCOMPARE(post.value(u"last_error"_s).toString(), u"标题太长"_s);
}

QTEST_GUILESS_MAIN(CliPortalTest)
#include "tst_cliportal.moc"
