// Crash recovery with the real program: start `listingdesk` on a library
// file, let it type into the article (the test-only LISTINGDESK_TEST_SCRIPT
// hook, src/app/testscript.h), kill it with SIGKILL, and read the file with
// the storage API. Whatever was typed more than 2 s before the kill must be
// there, and the file must be intact.

#include "htmltext.h"
#include "library.h"
#include "listingeditor.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <sys/types.h>

using namespace ListingDesk;

namespace {
QString u8(const char *text)
{
    return QString::fromUtf8(text);
}

// Distinct chunks, so that the stored text shows exactly which ones arrived.
QString chunk(int n)
{
    return u8("[%1]长治房产").arg(n, 3, 10, QLatin1Char('0'));
}

QString typedText(int count)
{
    QString text;
    for (int n = 1; n <= count; ++n)
        text += chunk(n);
    return text;
}

// The app under test, its stdout read line by line as it arrives.
class Child
{
public:
    Child(const QString &dbPath, const QString &scriptPath)
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        env.insert(QStringLiteral("LISTINGDESK_TEST_SCRIPT"), scriptPath);
        m_process.setProcessEnvironment(env);
        m_process.setProcessChannelMode(QProcess::SeparateChannels);
        QObject::connect(&m_process, &QProcess::readyReadStandardOutput, [this] { read(); });
        m_clock.start();
        m_process.start(
            QStringLiteral(LISTINGDESK_APP),
            {QStringLiteral("--db"), dbPath, QStringLiteral("--lang"), QStringLiteral("en")});
    }
    ~Child()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished(5000);
        }
    }

    QProcess &process() { return m_process; }
    int typed() const { return int(m_typedAt.size()); }
    bool done() const { return m_done; }
    qint64 now() const { return m_clock.elapsed(); }
    /// When chunk n (1-based) was reported typed, on the test's clock. The
    /// report comes after the typing, so this errs on the safe side.
    qint64 typedAt(int n) const { return m_typedAt.at(n - 1); }

    /// SIGKILL, the way a crash or the OOM killer ends a process: no event
    /// loop, no destructors, no close event. Returns the kill time.
    qint64 killHard()
    {
        const qint64 at = now();
        ::kill(pid_t(m_process.processId()), SIGKILL);
        return at;
    }

private:
    void read()
    {
        while (m_process.canReadLine()) {
            const QByteArray line = m_process.readLine().trimmed();
            if (line.startsWith("typed "))
                m_typedAt << now();
            else if (line == "done")
                m_done = true;
        }
    }

    QProcess m_process;
    QElapsedTimer m_clock;
    QList<qint64> m_typedAt;
    bool m_done = false;
};
} // namespace

class TestCrashRecovery : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void killAfterPauseKeepsEverything();
    void killMidBurstKeepsEarlierBursts();
    void killDuringContinuousTyping();

private:
    bool writeScript(const QStringList &lines);
    // The article text stored in the library after the kill; checks the
    // file's integrity on the way.
    QString storedText();
    /// How many whole chunks \a stored holds; -1 when it is not what was typed.
    static int storedChunks(const QString &stored);

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_dbPath;
    QString m_scriptPath;
    qint64 m_listingId = 0;
};

void TestCrashRecovery::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_dbPath = m_dir->filePath(QStringLiteral("library.sqlite"));
    m_scriptPath = m_dir->filePath(QStringLiteral("script.txt"));
    // One listing: the app opens it at start, and the script types into it.
    Library library;
    QVERIFY(library.open(m_dbPath).ok());
    Listing listing;
    listing.title = u8("崩溃恢复测试");
    auto created = library.listings().create(listing);
    QVERIFY(created.ok());
    m_listingId = created.value().id;
}

bool TestCrashRecovery::writeScript(const QStringList &lines)
{
    QFile file(m_scriptPath);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) &&
           file.write(lines.join(QLatin1Char('\n')).toUtf8()) > 0;
}

QString TestCrashRecovery::storedText()
{
    Library library;
    const auto opened = library.open(m_dbPath);
    if (!opened) {
        qWarning() << "cannot reopen the library:" << opened.error().message;
        return QStringLiteral("<cannot open>");
    }
    QSqlQuery check(library.database().connection());
    if (!check.exec(QStringLiteral("PRAGMA integrity_check")) || !check.next() ||
        check.value(0).toString() != QLatin1String("ok")) {
        qWarning() << "integrity_check:" << check.value(0).toString();
        return QStringLiteral("<corrupt>");
    }
    const auto listing = library.listings().load(m_listingId);
    return listing ? htmlToPlainText(listing.value().bodyHtml) : QStringLiteral("<missing>");
}

int TestCrashRecovery::storedChunks(const QString &stored)
{
    // What is stored is what was typed up to some chunk, whole chunks only.
    int count = 0;
    while (count < 1000 && typedText(count + 1).size() <= stored.size() &&
           stored.startsWith(typedText(count + 1)))
        ++count;
    return stored == typedText(count) ? count : -1;
}

void TestCrashRecovery::killAfterPauseKeepsEverything()
{
    QStringList script;
    for (int n = 1; n <= 6; ++n)
        script << QStringLiteral("type ") + chunk(n);
    QVERIFY(writeScript(script));
    Child child(m_dbPath, m_scriptPath);
    QVERIFY2(child.process().waitForStarted(10000), qPrintable(child.process().errorString()));
    QTRY_VERIFY_WITH_TIMEOUT(child.done(), 60000);
    QCOMPARE(child.typed(), 6);
    // Quiet for longer than the autosave delay, then the crash.
    QTest::qWait(ListingEditor::autosaveDelayMs + 700);
    const qint64 killedAt = child.killHard();
    QVERIFY(killedAt - child.typedAt(6) >= 2200);
    QVERIFY(child.process().waitForFinished(10000));
    QCOMPARE(child.process().exitStatus(), QProcess::CrashExit);
    QCOMPARE(storedText(), typedText(6));
}

void TestCrashRecovery::killMidBurstKeepsEarlierBursts()
{
    // A writer types a sentence, pauses to think, types the next: the kill
    // comes in the middle of the third sentence.
    QStringList script;
    int n = 0;
    for (int burst = 0; burst < 3; ++burst) {
        for (int i = 0; i < (burst < 2 ? 5 : 60); ++i)
            script << QStringLiteral("type ") + chunk(++n);
        if (burst < 2)
            script << QStringLiteral("wait 1900");
    }
    QVERIFY(writeScript(script));
    Child child(m_dbPath, m_scriptPath);
    QVERIFY2(child.process().waitForStarted(10000), qPrintable(child.process().errorString()));
    // 1.5 s into the third burst (chunk 11 starts it).
    QTRY_VERIFY_WITH_TIMEOUT(child.typed() >= 11, 60000);
    QTRY_VERIFY_WITH_TIMEOUT(child.now() - child.typedAt(11) >= 1500, 10000);
    QVERIFY(!child.done());
    const qint64 killedAt = child.killHard();
    QVERIFY(child.process().waitForFinished(10000));
    QCOMPARE(child.process().exitStatus(), QProcess::CrashExit);

    int olderThanTwoSeconds = 0;
    for (int i = 1; i <= child.typed(); ++i)
        if (killedAt - child.typedAt(i) > 2000)
            olderThanTwoSeconds = i;
    QVERIFY(olderThanTwoSeconds >= 10);
    const QString stored = storedText();
    const int count = storedChunks(stored);
    QVERIFY2(count >= 0, qPrintable(stored));
    QVERIFY2(count >= olderThanTwoSeconds,
             qPrintable(QStringLiteral("%1 of %2 chunks").arg(count).arg(olderThanTwoSeconds)));
}

void TestCrashRecovery::killDuringContinuousTyping()
{
    // Typing without a pause longer than the autosave delay, then the kill.
    QStringList script;
    for (int n = 1; n <= 80; ++n)
        script << QStringLiteral("type ") + chunk(n);
    QVERIFY(writeScript(script));
    Child child(m_dbPath, m_scriptPath);
    QVERIFY2(child.process().waitForStarted(10000), qPrintable(child.process().errorString()));
    QTRY_VERIFY_WITH_TIMEOUT(child.typed() >= 1, 60000);
    QTRY_VERIFY_WITH_TIMEOUT(child.now() - child.typedAt(1) >= 4000, 10000);
    QVERIFY(!child.done());
    const qint64 killedAt = child.killHard();
    QVERIFY(child.process().waitForFinished(10000));
    QCOMPARE(child.process().exitStatus(), QProcess::CrashExit);

    int olderThanTwoSeconds = 0;
    for (int i = 1; i <= child.typed(); ++i)
        if (killedAt - child.typedAt(i) > 2000)
            olderThanTwoSeconds = i;
    QVERIFY(olderThanTwoSeconds >= 5);
    const QString stored = storedText();
    const int count = storedChunks(stored);
    QVERIFY2(count >= 0, qPrintable(stored)); // not corrupt, and nothing but the typing
    QEXPECT_FAIL("",
                 "ListingEditor's autosave restarts its 1.5 s timer on every change, so "
                 "continuous typing is never saved; it needs a maximum wait as well",
                 Abort);
    QVERIFY2(count >= olderThanTwoSeconds,
             qPrintable(QStringLiteral("%1 of %2 chunks").arg(count).arg(olderThanTwoSeconds)));
}

QTEST_MAIN(TestCrashRecovery)
#include "tst_crashrecovery.moc"
