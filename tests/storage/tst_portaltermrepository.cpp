// The portal term map: portals have unique names, a term is replaced rather
// than duplicated when the portal connection maps it again, the pickers learn
// which keys a portal refuses, and removing a portal takes its terms with it.

#include "testlibrary.h"

#include <QTest>

#include <memory>

using namespace ListingDesk;
using namespace ListingDesk::Testing;

class TestPortalTermRepository : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void setTermUpserts();
    void setTermUnknownPortal();
    void refusedKeys();
    void deletingPortalDeletesTerms();

private:
    int termCount(qint64 portalId);

    std::unique_ptr<TestLibrary> m_library;
};

void TestPortalTermRepository::init()
{
    m_library = std::make_unique<TestLibrary>();
    QVERIFY2(m_library->isOpen(), qPrintable(m_library->error()));
}

void TestPortalTermRepository::cleanup()
{
    m_library.reset();
}

int TestPortalTermRepository::termCount(qint64 portalId)
{
    return scalar(m_library->db(),
                  QStringLiteral("SELECT count(*) FROM portal_terms WHERE portal_id = %1")
                      .arg(portalId))
        .toInt();
}

void TestPortalTermRepository::setTermUpserts()
{
    PortalTermRepository &repository = m_library->library().portalTerms();
    auto portal =
        addPortal(m_library->library(), QStringLiteral("P"), QStringLiteral("https://p.example"));
    LD_VERIFY_OK(portal);
    const qint64 id = portal.value();
    LD_VERIFY_OK(repository.setTerm(id, TermKind::Region, QStringLiteral("140400"), {}, {}, true));
    LD_VERIFY_OK(repository.setTerm(id, TermKind::Region, QStringLiteral("140400"),
                                    QStringLiteral("17"), str("长治"), false));
    // The same key of the other kind is a different term.
    LD_VERIFY_OK(repository.setTerm(id, TermKind::Category, QStringLiteral("140400"),
                                    QStringLiteral("3"), QStringLiteral("x"), true));
    QCOMPARE(termCount(id), 2);
    QSqlQuery query(m_library->db());
    QVERIFY(query.exec(QStringLiteral("SELECT remote_id, remote_name, accepted FROM portal_terms "
                                      "WHERE kind = 'region' AND local_key = '140400'")));
    QVERIFY(query.next());
    QCOMPARE(query.value(0).toString(), QStringLiteral("17"));
    QCOMPARE(query.value(1).toString(), str("长治"));
    QCOMPARE(query.value(2).toInt(), 0);
    QVERIFY(!query.next());

    // And back to accepted.
    LD_VERIFY_OK(repository.setTerm(id, TermKind::Region, QStringLiteral("140400"),
                                    QStringLiteral("17"), str("长治"), true));
    QCOMPARE(termCount(id), 2);
    QVERIFY(repository.refusedKeys(id, TermKind::Region).isEmpty());
}

void TestPortalTermRepository::setTermUnknownPortal()
{
    auto done = m_library->library().portalTerms().setTerm(4242, TermKind::Region,
                                                           QStringLiteral("140400"), {}, {}, false);
    QVERIFY(!done.ok());
    QCOMPARE(done.error().kind, Error::Kind::NotFound);
    QVERIFY2(done.error().message.contains(QStringLiteral("4242")),
             qPrintable(done.error().message));
}

void TestPortalTermRepository::refusedKeys()
{
    PortalTermRepository &repository = m_library->library().portalTerms();
    const qint64 a =
        addPortal(m_library->library(), QStringLiteral("A"), QStringLiteral("https://a")).value();
    const qint64 b =
        addPortal(m_library->library(), QStringLiteral("B"), QStringLiteral("https://b")).value();
    for (const char *code : {"140400", "140100", "110100"})
        LD_VERIFY_OK(repository.setTerm(a, TermKind::Region, QString::fromLatin1(code), {}, {},
                                        QString::fromLatin1(code) == QStringLiteral("140100")));
    LD_VERIFY_OK(repository.setTerm(a, TermKind::Category, QStringLiteral("5"), {}, {}, false));
    LD_VERIFY_OK(repository.setTerm(b, TermKind::Region, QStringLiteral("320100"), {}, {}, false));

    QCOMPARE(repository.refusedKeys(a, TermKind::Region),
             (QSet<QString>{QStringLiteral("140400"), QStringLiteral("110100")}));
    QCOMPARE(repository.refusedKeys(a, TermKind::Category), QSet<QString>{QStringLiteral("5")});
    QCOMPARE(repository.refusedKeys(b, TermKind::Region), QSet<QString>{QStringLiteral("320100")});
    QVERIFY(repository.refusedKeys(b, TermKind::Category).isEmpty());
    QVERIFY(repository.refusedKeys(999, TermKind::Region).isEmpty());
}

void TestPortalTermRepository::deletingPortalDeletesTerms()
{
    PortalTermRepository &repository = m_library->library().portalTerms();
    const qint64 a =
        addPortal(m_library->library(), QStringLiteral("A"), QStringLiteral("https://a")).value();
    const qint64 b =
        addPortal(m_library->library(), QStringLiteral("B"), QStringLiteral("https://b")).value();
    LD_VERIFY_OK(repository.setTerm(a, TermKind::Region, QStringLiteral("140400"), {}, {}, false));
    LD_VERIFY_OK(repository.setTerm(a, TermKind::Category, QStringLiteral("5"), {}, {}, false));
    LD_VERIFY_OK(repository.setTerm(b, TermKind::Region, QStringLiteral("140400"), {}, {}, false));
    QCOMPARE(termCount(a), 2);

    LD_VERIFY_OK(m_library->library().portals().remove(a));
    QCOMPARE(termCount(a), 0);
    QCOMPARE(termCount(b), 1);
    QVERIFY(repository.refusedKeys(a, TermKind::Region).isEmpty());
    QCOMPARE(repository.refusedKeys(b, TermKind::Region), QSet<QString>{QStringLiteral("140400")});
    QCOMPARE(m_library->library().portals().all().value().size(), 1);
}

QTEST_GUILESS_MAIN(TestPortalTermRepository)
#include "tst_portaltermrepository.moc"
