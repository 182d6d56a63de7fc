// MediaRepository: images stored in the library by content hash.

#include "testlibrary.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QImage>
#include <QImageReader>

using namespace ListingDesk;
using namespace ListingDesk::Testing;

namespace {

QByteArray encoded(const QImage &image, const char *format)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, format);
    return bytes;
}

QImage picture(int width, int height, QColor color)
{
    QImage image(width, height, QImage::Format_RGB32);
    image.fill(color);
    return image;
}

QString sha256Of(const QByteArray &bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

} // namespace

class TestMediaRepository : public QObject
{
    Q_OBJECT
private slots:
    void storesAndLoadsOriginalBytes_data();
    void storesAndLoadsOriginalBytes();
    void sameBytesAreStoredOnce();
    void refusesWhatIsNotAnImage_data();
    void refusesWhatIsNotAnImage();
    void unknownHashIsNotFound();
    void urlsRoundTrip();
    void survivesReopening();
    void upgradeFromVersion4AddsTheTable();
};

void TestMediaRepository::storesAndLoadsOriginalBytes_data()
{
    QTest::addColumn<QByteArray>("format");
    QTest::addColumn<QString>("mimeType");
    QTest::addRow("png") << QByteArray("PNG") << QStringLiteral("image/png");
    QTest::addRow("jpeg") << QByteArray("JPEG") << QStringLiteral("image/jpeg");
}

void TestMediaRepository::storesAndLoadsOriginalBytes()
{
    QFETCH(QByteArray, format);
    QFETCH(QString, mimeType);
    TestLibrary library;
    QVERIFY2(library.isOpen(), qPrintable(library.error()));
    const QByteArray bytes = encoded(picture(1600, 900, Qt::darkCyan), format.constData());

    auto stored = library.library().media().store(bytes, str("会议现场.") +
                                                             QString::fromLatin1(format).toLower());
    LD_VERIFY_OK(stored);
    const MediaInfo info = stored.value();
    QCOMPARE(info.sha256, sha256Of(bytes));
    QCOMPARE(info.mimeType, mimeType);
    QCOMPARE(info.byteSize, bytes.size());
    QCOMPARE(info.width, 1600);
    QCOMPARE(info.height, 900);
    QVERIFY(info.createdAt.isValid());

    // The original is kept byte for byte: display scaling never touches it.
    auto data = library.library().media().data(info.sha256);
    LD_VERIFY_OK(data);
    QCOMPARE(data.value(), bytes);

    auto loaded = library.library().media().info(info.sha256);
    LD_VERIFY_OK(loaded);
    QCOMPARE(loaded.value().fileName, str("会议现场.") + QString::fromLatin1(format).toLower());
    QCOMPARE(loaded.value().width, 1600);
    QCOMPARE(loaded.value().createdAt, info.createdAt);
}

void TestMediaRepository::sameBytesAreStoredOnce()
{
    TestLibrary library;
    QVERIFY(library.isOpen());
    MediaRepository &media = library.library().media();
    const QByteArray bytes = encoded(picture(40, 30, Qt::red), "PNG");
    auto first = media.store(bytes, QStringLiteral("a.png"));
    auto second = media.store(bytes, QStringLiteral("copy-of-a.png"));
    LD_VERIFY_OK(first);
    LD_VERIFY_OK(second);
    QCOMPARE(second.value().sha256, first.value().sha256);
    QCOMPARE(second.value().fileName, QStringLiteral("a.png")); // the first name stays
    QCOMPARE(scalar(library.db(), QStringLiteral("SELECT count(*) FROM media")).toInt(), 1);

    LD_VERIFY_OK(media.store(encoded(picture(40, 30, Qt::blue), "PNG")));
    auto count = media.count();
    LD_VERIFY_OK(count);
    QCOMPARE(count.value(), 2);
}

void TestMediaRepository::refusesWhatIsNotAnImage_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addRow("empty") << QByteArray();
    QTest::addRow("text") << QByteArray("<p>not a picture</p>");
    QTest::addRow("truncated png header") << QByteArray("\x89PNG\r\n\x1a\n", 8);
}

void TestMediaRepository::refusesWhatIsNotAnImage()
{
    QFETCH(QByteArray, bytes);
    TestLibrary library;
    QVERIFY(library.isOpen());
    auto stored = library.library().media().store(bytes, QStringLiteral("notes.txt"));
    QVERIFY(!stored.ok());
    QCOMPARE(stored.error().kind, Error::Kind::Data);
    QVERIFY2(stored.error().message.contains(QStringLiteral("notes.txt")),
             qPrintable(stored.error().message));
    QCOMPARE(scalar(library.db(), QStringLiteral("SELECT count(*) FROM media")).toInt(), 0);
}

void TestMediaRepository::unknownHashIsNotFound()
{
    TestLibrary library;
    QVERIFY(library.isOpen());
    const QString hash(64, u'a');
    auto data = library.library().media().data(hash);
    QVERIFY(!data.ok());
    QCOMPARE(data.error().kind, Error::Kind::NotFound);
    auto info = library.library().media().info(hash);
    QVERIFY(!info.ok());
    QCOMPARE(info.error().kind, Error::Kind::NotFound);
}

void TestMediaRepository::urlsRoundTrip()
{
    const QString hash = sha256Of("x");
    const QUrl url = MediaRepository::urlFor(hash);
    QCOMPARE(url.toString(), QStringLiteral("ldmedia:") + hash);
    QCOMPARE(MediaRepository::hashFromUrl(url), hash);
    QCOMPARE(MediaRepository::hashFromUrl(QUrl(QStringLiteral("LDMEDIA:") + hash.toUpper())), hash);
    QVERIFY(
        MediaRepository::hashFromUrl(QUrl(QStringLiteral("https://example.com/a.png"))).isEmpty());
    QVERIFY(MediaRepository::hashFromUrl(QUrl(QStringLiteral("ldmedia:../etc/passwd"))).isEmpty());
    QVERIFY(MediaRepository::hashFromUrl(QUrl(QStringLiteral("ldmedia:abc"))).isEmpty());
}

void TestMediaRepository::survivesReopening()
{
    // A second connection reads the bytes back (a BLOB in SQLite, a BYTEA in PostgreSQL).
    TestLibrary t;
    QVERIFY2(t.isOpen(), qPrintable(t.error()));
    const QByteArray bytes = encoded(picture(64, 48, Qt::green), "PNG");
    auto stored = t.library().media().store(bytes);
    LD_VERIFY_OK(stored);
    Library library;
    LD_VERIFY_OK(library.open(t.path()));
    auto data = library.media().data(stored.value().sha256);
    LD_VERIFY_OK(data);
    QCOMPARE(data.value(), bytes);
}

void TestMediaRepository::upgradeFromVersion4AddsTheTable()
{
    TestLibrary t(4);
    QVERIFY2(t.isOpen(), qPrintable(t.error()));
    QVERIFY(!scalar(t.db(), QStringLiteral("SELECT count(*) FROM media")).isValid());
    Library library;
    LD_VERIFY_OK(library.open(t.path()));
    QCOMPARE(library.database().schemaVersion(), Database::currentSchemaVersion);
    // An upgrade of a SQLite file backs it up first; PostgreSQL has no file to copy.
    QCOMPARE(library.database().backupPath().isEmpty(), t.isPostgres());
    LD_VERIFY_OK(library.media().store(encoded(picture(10, 10, Qt::black), "PNG")));
}

QTEST_GUILESS_MAIN(TestMediaRepository)
#include "tst_mediarepository.moc"
