// The whole portal path against a real WordPress (Debian's wordpress with
// MariaDB, started by the `wordpress` CTest fixture), once with our companion
// plugin and once as plain WordPress. The real listingdesk-cli binary adds
// the portal, tests it, publishes and pulls; the portal is then checked
// through its own REST API, as anybody looking at the site would see it:
// the seed article with two captioned images, category, city 长治, contact
// and price published; pulled into a fresh library field by field; a remote
// edit pulled; a conflict detected; a remote deletion (for good and to the
// trash) reported and never re-created.

#include "livewordpress.h"
#include "testlibrary.h"

#include <QBuffer>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>
#include <QThread>
#include <QUuid>

using namespace ListingDesk;
using namespace ListingDesk::Testing;
using namespace Qt::StringLiterals;

namespace {

const QString changzhi = u"140400"_s;
const QString portalName = u"测试网站"_s;

// A small picture that is different on every run, so the portal's media
// library never already holds it.
QByteArray makePng(const QColor &color, int width, int height)
{
    QImage image(width, height, QImage::Format_RGB32);
    image.fill(color);
    const QRgb noise = QRandomGenerator::global()->generate();
    for (int y = 2; y < 10; ++y)
        for (int x = 2; x < 10; ++x)
            image.setPixel(x, y, noise);
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return bytes;
}

QStringList imageSources(const QString &html)
{
    QStringList sources;
    static const QRegularExpression img(u"<img[^>]*\\ssrc=\"([^\"]+)\""_s);
    auto it = img.globalMatch(html);
    while (it.hasNext())
        sources << it.next().captured(1);
    return sources;
}

} // namespace

class TestWordPressLive : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void publishPullEditConflict_data();
    void publishPullEditConflict();
    void remoteDeletionReported_data();
    void remoteDeletionReported();

private:
    bool loadPortal(const QString &mode, Portal *portal) { return m_live.loadPortal(mode, portal); }
    CliRun runCli(const QString &db, const QStringList &arguments)
    {
        return m_live.runCli(m_current, db, arguments);
    }
    /// Adds the portal to the library at \a db and runs `portal test`; the mode it found.
    QString connect(const QString &db, const Portal &portal);
    Rest rest(const QByteArray &verb, const Portal &portal, const QString &route,
              const QJsonObject &body = {})
    {
        return m_live.rest(verb, portal, route, body);
    }
    QJsonObject showJson(const QString &db, const QString &uuid);
    QJsonObject pullJson(const QString &db);

    LiveWordPress m_live;
    Portal m_current;
};

void TestWordPressLive::initTestCase()
{
    if (qgetenv("LISTINGDESK_SKIP_PORTAL_TESTS") == "1")
        QSKIP("LISTINGDESK_SKIP_PORTAL_TESTS=1: no test WordPress runs here");
    QVERIFY2(QFileInfo(QStringLiteral(LISTINGDESK_CLI_PATH)).isExecutable(),
             LISTINGDESK_CLI_PATH " is not built");
}

QString TestWordPressLive::connect(const QString &db, const Portal &portal)
{
    const CliRun add = runCli(db, {u"portal"_s, u"add"_s, portalName, u"--url"_s, portal.baseUrl,
                                   u"--user"_s, portal.user});
    if (!add.finished || add.exitCode != 0) {
        qWarning().noquote() << add.describe();
        return {};
    }
    const CliRun test = runCli(db, {u"portal"_s, u"test"_s, portalName, u"--json"_s});
    const QJsonObject report = QJsonDocument::fromJson(test.out.toUtf8()).object();
    if (!test.finished || test.exitCode != 0 || !report.value(u"usable"_s).toBool()) {
        qWarning().noquote() << test.describe();
        return {};
    }
    return report.value(u"mode"_s).toString();
}

QJsonObject TestWordPressLive::showJson(const QString &db, const QString &uuid)
{
    const CliRun show = runCli(db, {u"show"_s, uuid, u"--json"_s});
    if (show.exitCode != 0)
        qWarning().noquote() << show.describe();
    return QJsonDocument::fromJson(show.out.toUtf8()).object();
}

QJsonObject TestWordPressLive::pullJson(const QString &db)
{
    const CliRun pull = runCli(db, {u"pull"_s, u"--portal"_s, portalName, u"--json"_s});
    if (pull.exitCode != 0)
        qWarning().noquote() << pull.describe();
    return QJsonDocument::fromJson(pull.out.toUtf8()).object();
}

void TestWordPressLive::publishPullEditConflict_data()
{
    QTest::addColumn<QString>("mode");
    QTest::newRow("plugin") << u"plugin"_s;
    QTest::newRow("plain") << u"plain"_s;
}

void TestWordPressLive::publishPullEditConflict()
{
    QFETCH(QString, mode);
    QVERIFY2(loadPortal(mode, &m_current),
             "the wordpress fixture wrote no connection data (LISTINGDESK_WP_*_ENV); run through "
             "ctest, or set LISTINGDESK_SKIP_PORTAL_TESTS=1 to skip");
    const Portal portal = m_current;

    // The seed article, stored the way the editor stores it: images in the
    // library, the body referring to them as ldmedia: figures.
    TestLibrary local;
    QVERIFY2(local.isOpen(), qPrintable(local.error()));
    const QByteArray png1 = makePng(Qt::red, 64, 48);
    const QByteArray png2 = makePng(Qt::blue, 48, 64);
    auto image1 = local.library().media().store(png1, u"会场.png"_s);
    auto image2 = local.library().media().store(png2, u"部署.png"_s);
    LD_VERIFY_OK(image1);
    LD_VERIFY_OK(image2);
    const QString run = QUuid::createUuid().toString(QUuid::Id128).left(8);
    const QString title = u"长治市政府召开2017年全市消防工作会议（%1）"_s.arg(run);
    const QString body =
        u"<p>3月2日，市政府召开2017年全市消防工作会议，总结2016年消防工作，部署今年任务。</p>"
        u"<figure><img src=\"ldmedia:%1\" alt=\"\"><figcaption>会议现场</figcaption></figure>"
        u"<h2>一、扎实做好火灾防控工作</h2>"
        u"<p>各县区、各部门要认清形势，落实消防安全责任制。</p>"
        u"<figure><img src=\"ldmedia:%2\" alt=\"\"><figcaption>副市长部署工作</figcaption></figure>"
        u"<p>会议要求，全市上下要确保火灾形势持续稳定。</p>"_s.arg(image1.value().sha256,
                                                                   image2.value().sha256);
    Listing listing = local.makeListing(title, body, u"房产/租房"_s, {changzhi});
    listing.contact = {u"王先生"_s, u"0355-2021234"_s, u"wang_cz"_s};
    listing.price = 1500;
    auto created = local.listings().create(listing);
    LD_VERIFY_OK(created);
    listing = created.value();

    QCOMPARE(connect(local.path(), portal), mode);

    // Publish with the real binary: one post for 长治, its URL printed.
    RUN_CLI(publish, local.path(), {u"publish"_s, u"--portal"_s, portalName, listing.uuid});
    EXPECT_EXIT(publish, 0);
    QVERIFY2(publish.out.contains(portal.baseUrl), qPrintable(publish.describe()));
    const QJsonArray records =
        showJson(local.path(), listing.uuid).value(u"remote_posts"_s).toArray();
    QCOMPARE(records.size(), 1);
    const QJsonObject record = records.first().toObject();
    QCOMPARE(record.value(u"state"_s).toString(), u"published"_s);
    QCOMPARE(record.value(u"city"_s).toString(), changzhi);
    QCOMPARE(record.value(u"portal"_s).toString(), portalName);
    const qint64 postId = record.value(u"remote_id"_s).toInteger();
    QVERIFY(postId > 0);

    // What the portal holds.
    const Rest post = rest("GET", portal, u"/wp/v2/posts/%1?context=edit"_s.arg(postId));
    QCOMPARE(post.status, 200);
    const QJsonObject p = post.object();
    QCOMPARE(p.value(u"title"_s).toObject().value(u"raw"_s).toString(), title);
    QCOMPARE(p.value(u"status"_s).toString(), u"publish"_s);
    // WordPress sends the link percent-encoded; the library keeps it readable.
    QCOMPARE(QUrl(p.value(u"link"_s).toString()), QUrl(record.value(u"url"_s).toString()));
    const QString content = p.value(u"content"_s).toObject().value(u"raw"_s).toString();
    QVERIFY2(!content.contains(u"ldmedia:"_s), qPrintable(content));
    QVERIFY(content.contains(u"<h2>一、扎实做好火灾防控工作</h2>"_s));
    QVERIFY(content.contains(u"<figcaption>会议现场</figcaption>"_s));
    QVERIFY(content.contains(u"<figcaption>副市长部署工作</figcaption>"_s));
    const QStringList sources = imageSources(content);
    QCOMPARE(sources.size(), 2);
    // Each image is in the portal's media library and serves the very bytes we stored.
    const QJsonArray media =
        rest("GET", portal, u"/wp/v2/media?per_page=100&context=edit"_s).array();
    const QList<QByteArray> originals{png1, png2};
    for (int i = 0; i < 2; ++i) {
        bool listed = false;
        for (const QJsonValue &m : media)
            listed = listed || m.toObject().value(u"source_url"_s).toString() == sources.at(i);
        QVERIFY2(listed, qPrintable(sources.at(i)));
        const Rest file = rest("GET", portal, sources.at(i));
        QCOMPARE(file.status, 200);
        QVERIFY2(file.body == originals.at(i), qPrintable(sources.at(i)));
    }
    // City 长治 (the plugin's city taxonomy, or a tag on plain WordPress) and category 租房.
    const QString cityRoute = mode == u"plugin"_s ? u"/wp/v2/city/%1"_s : u"/wp/v2/tags/%1"_s;
    const QJsonArray cityIds = p.value(mode == u"plugin"_s ? u"city"_s : u"tags"_s).toArray();
    QCOMPARE(cityIds.size(), 1);
    QCOMPARE(rest("GET", portal, cityRoute.arg(cityIds.first().toInteger()))
                 .object()
                 .value(u"slug"_s)
                 .toString(),
             changzhi);
    const QJsonArray categoryIds = p.value(u"categories"_s).toArray();
    QCOMPARE(categoryIds.size(), 1);
    QCOMPARE(rest("GET", portal, u"/wp/v2/categories/%1"_s.arg(categoryIds.first().toInteger()))
                 .object()
                 .value(u"name"_s)
                 .toString(),
             u"租房"_s);
    if (mode == u"plugin"_s) {
        const QJsonObject meta = p.value(u"meta"_s).toObject();
        QCOMPARE(meta.value(u"listingdesk_listing_uuid"_s).toString(), listing.uuid);
        QCOMPARE(meta.value(u"listingdesk_contact_name"_s).toString(), u"王先生"_s);
        QCOMPARE(meta.value(u"listingdesk_contact_phone"_s).toString(), u"0355-2021234"_s);
        QCOMPARE(meta.value(u"listingdesk_price"_s).toDouble(), 1500.0);
        QCOMPARE(meta.value(u"listingdesk_client_key"_s).toString(),
                 clientKeyFor(listing.uuid, changzhi));
    } else {
        // No meta on plain WordPress: contact and price are in the body, the key is the slug.
        QVERIFY2(content.contains(u"0355-2021234"_s), qPrintable(content));
        QCOMPARE(p.value(u"slug"_s).toString(), clientKeyFor(listing.uuid, changzhi));
    }

    // Pulled into a fresh library, field by field.
    TestLibrary fresh;
    QVERIFY2(fresh.isOpen(), qPrintable(fresh.error()));
    QCOMPARE(connect(fresh.path(), portal), mode);
    const QJsonObject firstPull = pullJson(fresh.path());
    QVERIFY2(firstPull.value(u"new"_s).toInt() >= 1, QJsonDocument(firstPull).toJson().constData());
    QCOMPARE(firstPull.value(u"errors"_s).toInt(), 0);
    auto pulled = fresh.listings().loadByUuid(listing.uuid);
    LD_VERIFY_OK(pulled);
    const Listing &copy = pulled.value();
    QCOMPARE(copy.title, title);
    QCOMPARE(copy.categoryPath, u"房产/租房"_s);
    QCOMPARE(copy.cityCodes, QStringList{changzhi});
    QCOMPARE(copy.contact.name, u"王先生"_s);
    QCOMPARE(copy.contact.phone, u"0355-2021234"_s);
    QVERIFY(copy.price.has_value());
    QCOMPARE(*copy.price, 1500.0);
    // The article comes back as written, its images now the portal's.
    QString expected = body;
    expected.replace(u"ldmedia:"_s + image1.value().sha256, sources.at(0));
    expected.replace(u"ldmedia:"_s + image2.value().sha256, sources.at(1));
    QCOMPARE(copy.bodyHtml, expected);
    const QJsonArray copyPosts =
        showJson(fresh.path(), listing.uuid).value(u"remote_posts"_s).toArray();
    QCOMPARE(copyPosts.size(), 1);
    QCOMPARE(copyPosts.first().toObject().value(u"remote_id"_s).toInteger(), postId);

    // A remote edit is pulled. modified_gmt has one-second resolution.
    QThread::msleep(1100);
    const QString remoteTitle = title + u" 【网站修改】"_s;
    QCOMPARE(rest("POST", portal, u"/wp/v2/posts/%1"_s.arg(postId),
                  QJsonObject{{u"title"_s, remoteTitle}})
                 .status,
             200);
    const QJsonObject editPull = pullJson(local.path());
    QVERIFY2(editPull.value(u"updated"_s).toInt() >= 1,
             QJsonDocument(editPull).toJson().constData());
    QCOMPARE(local.listings().loadByUuid(listing.uuid).value().title, remoteTitle);

    // A conflict: edited here and there since the last sync.
    Listing edited = local.listings().loadByUuid(listing.uuid).value();
    edited.title = title + u" 【本地修改】"_s;
    LD_VERIFY_OK(local.listings().save(edited));
    QThread::msleep(1100);
    QCOMPARE(rest("POST", portal, u"/wp/v2/posts/%1"_s.arg(postId),
                  QJsonObject{{u"title"_s, title + u" 【网站再改】"_s}})
                 .status,
             200);
    const QJsonObject conflictPull = pullJson(local.path());
    QVERIFY2(conflictPull.value(u"conflicts"_s).toInt() >= 1,
             QJsonDocument(conflictPull).toJson().constData());
    const QJsonObject shown = showJson(local.path(), listing.uuid);
    QCOMPARE(shown.value(u"status"_s).toString(), u"conflict"_s);
    QCOMPARE(shown.value(u"title"_s).toString(), edited.title); // the local edit is kept
    QCOMPARE(
        shown.value(u"remote_posts"_s).toArray().first().toObject().value(u"state"_s).toString(),
        u"conflict"_s);
}

void TestWordPressLive::remoteDeletionReported_data()
{
    QTest::addColumn<QString>("mode");
    QTest::addColumn<bool>("force");
    QTest::newRow("plugin, deleted for good") << u"plugin"_s << true;
    QTest::newRow("plugin, trashed") << u"plugin"_s << false;
    QTest::newRow("plain, deleted for good") << u"plain"_s << true;
    QTest::newRow("plain, trashed") << u"plain"_s << false;
}

void TestWordPressLive::remoteDeletionReported()
{
    QFETCH(QString, mode);
    QFETCH(bool, force);
    QVERIFY2(loadPortal(mode, &m_current), "the wordpress fixture wrote no connection data");
    const Portal portal = m_current;
    TestLibrary local;
    QVERIFY2(local.isOpen(), qPrintable(local.error()));
    Listing listing = local.makeListing(
        u"九成新笔记本电脑转让 %1"_s.arg(QUuid::createUuid().toString(QUuid::Id128).left(8)),
        u"<p>成色好，无维修。</p>"_s, u"房产/租房"_s, {changzhi});
    listing.contact = {u"李女士"_s, u"13800000000"_s, QString()};
    auto created = local.listings().create(listing);
    LD_VERIFY_OK(created);
    listing = created.value();
    QCOMPARE(connect(local.path(), portal), mode);
    RUN_CLI(publish, local.path(), {u"publish"_s, u"--portal"_s, portalName, listing.uuid});
    EXPECT_EXIT(publish, 0);
    const qint64 postId = showJson(local.path(), listing.uuid)
                              .value(u"remote_posts"_s)
                              .toArray()
                              .first()
                              .toObject()
                              .value(u"remote_id"_s)
                              .toInteger();
    QVERIFY(postId > 0);

    QThread::msleep(1100);
    const Rest deleted =
        rest("DELETE", portal,
             u"/wp/v2/posts/%1%2"_s.arg(postId).arg(force ? u"?force=true"_s : QString()));
    QCOMPARE(deleted.status, 200);
    const QJsonObject pull = pullJson(local.path());
    QVERIFY2(pull.value(u"deleted"_s).toInt() >= 1, QJsonDocument(pull).toJson().constData());
    QVERIFY2(!pull.value(u"messages"_s).toArray().isEmpty(),
             QJsonDocument(pull).toJson().constData());
    QCOMPARE(showJson(local.path(), listing.uuid)
                 .value(u"remote_posts"_s)
                 .toArray()
                 .first()
                 .toObject()
                 .value(u"state"_s)
                 .toString(),
             u"deleted"_s);

    // Publishing again does not bring it back behind the user's back.
    RUN_CLI(again, local.path(), {u"publish"_s, u"--portal"_s, portalName, listing.uuid});
    EXPECT_EXIT(again, 3);
    const Rest gone = rest("GET", portal, u"/wp/v2/posts/%1?context=edit"_s.arg(postId));
    if (force)
        QCOMPARE(gone.status, 404);
    else
        QCOMPARE(gone.object().value(u"status"_s).toString(), u"trash"_s);
    // And no new post carries its key.
    const QJsonArray search = rest("GET", portal,
                                   u"/wp/v2/posts?status=publish&search=%1"_s.arg(
                                       QString::fromUtf8(QUrl::toPercentEncoding(listing.title))))
                                  .array();
    QCOMPARE(search.size(), 0);
}

QTEST_GUILESS_MAIN(TestWordPressLive)
#include "tst_wordpresslive.moc"
