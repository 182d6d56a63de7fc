// Two real processes edit the same listing from the same revision and save at
// the same moment: exactly one save conflict is reported, and after the loser
// resolves it (a copy, or an overwrite that keeps the winner in the history)
// no edit is lost. On SQLite (one file, two processes) and, as
// tst_concurrentedit_pg, on PostgreSQL.

#include "testlibrary.h"

#include <QProcess>
#include <QTest>

using namespace ListingDesk;
using namespace ListingDesk::Testing;

class TestConcurrentEdit : public QObject
{
    Q_OBJECT

private slots:
    void oneConflictNoEditLost_data();
    void oneConflictNoEditLost();
};

void TestConcurrentEdit::oneConflictNoEditLost_data()
{
    QTest::addColumn<QString>("resolution");
    QTest::newRow("save mine as a copy") << QStringLiteral("copy");
    QTest::newRow("overwrite") << QStringLiteral("overwrite");
}

void TestConcurrentEdit::oneConflictNoEditLost()
{
    QFETCH(QString, resolution);
    TestLibrary lib;
    QVERIFY2(lib.isOpen(), qPrintable(lib.error()));
    auto created = lib.create(QStringLiteral("两人同时编辑"), QStringLiteral("<p>原文</p>"));
    LD_VERIFY_OK(created);
    const qint64 id = created.value().id;
    const QString go = lib.dirPath() + QStringLiteral("/go");
    const QStringList titles{QStringLiteral("甲的标题"), QStringLiteral("乙的标题")};

    QProcess editors[2];
    for (int i = 0; i < 2; ++i) {
        editors[i].start(QStringLiteral(LISTINGDESK_CONCURRENT_EDITOR),
                         {lib.path(), QString::number(id), titles[i], go, resolution});
    }
    for (QProcess &editor : editors) {
        QVERIFY(editor.waitForStarted(10000));
        QTRY_VERIFY2_WITH_TIMEOUT(editor.canReadLine() || editor.state() == QProcess::NotRunning,
                                  "the editor did not load the listing", 20000);
        QCOMPARE(editor.readLine().trimmed(), QByteArray("ready 1"));
    }
    QVERIFY(writeFile(go, "go"));
    QStringList outputs;
    int conflicts = 0;
    int winner = -1;
    for (int i = 0; i < 2; ++i) {
        QVERIFY(editors[i].waitForFinished(30000));
        const QByteArray errors = editors[i].readAllStandardError();
        QVERIFY2(editors[i].exitStatus() == QProcess::NormalExit, errors.constData());
        const QString output = QString::fromUtf8(editors[i].readAllStandardOutput()).trimmed();
        outputs << output;
        if (editors[i].exitCode() == 3) {
            ++conflicts;
            QVERIFY2(output.startsWith(QLatin1String("conflict")), qPrintable(output));
        } else {
            QVERIFY2(editors[i].exitCode() == 0, errors.constData());
            QCOMPARE(output, QStringLiteral("saved 2"));
            winner = i;
        }
    }
    QCOMPARE(conflicts, 1);
    QVERIFY(winner >= 0);
    const QString won = titles[winner];
    const QString lost = titles[1 - winner];
    qInfo("winner %s; loser said: %s", qPrintable(won),
          qPrintable(outputs[1 - winner].replace(u'\n', u' ')));

    // Both edits exist afterwards.
    const Listing listing = lib.listings().load(id).value();
    if (resolution == QLatin1String("copy")) {
        QCOMPARE(listing.title, won);
        QCOMPARE(listing.revision, 2);
        ListingQuery query;
        query.searchText = lost;
        const QList<qint64> copies = lib.listings().ids(query);
        QCOMPARE(copies.size(), 1);
        QVERIFY(copies.first() != id);
        QCOMPARE(lib.listings().load(copies.first()).value().bodyHtml, listing.bodyHtml);
    } else {
        QCOMPARE(listing.title, lost);
        QCOMPARE(listing.revision, 3);
        QStringList history;
        for (const ListingRevision &revision : lib.listings().revisions(id))
            history << revision.listing.title;
        // Newest first: the winner's version it overwrote, then the original.
        QCOMPARE(history, (QStringList{won, QStringLiteral("两人同时编辑")}));
    }
}

QTEST_GUILESS_MAIN(TestConcurrentEdit)
#include "tst_concurrentedit.moc"
