// The preview shows a listing as the portal will: breadcrumb, title, times,
// views, the sanitised article with its own images, and links that leave for
// the browser instead of replacing the page.

#include "listingpreview.h"

#include <QDesktopServices>
#include <QPainter>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTest>
#include <QTextBlock>
#include <QTextDocument>
#include <QTextFragment>

using namespace ListingDesk;

namespace {
QString u8(const char *text)
{
    return QString::fromUtf8(text);
}

const QString redSha =
    QStringLiteral("aa00000000000000000000000000000000000000000000000000000000000001");
const QString wideSha =
    QStringLiteral("bb00000000000000000000000000000000000000000000000000000000000002");

QImage solid(int w, int h, QColor colour)
{
    QImage image(w, h, QImage::Format_RGB32);
    image.fill(colour);
    return image;
}

Listing seedListing()
{
    Listing listing;
    listing.title = u8("长治市政府召开2017年全市消防工作会议");
    listing.createdAt = QDateTime(QDate(2022, 9, 18), QTime(8, 24, 32));
    listing.updatedAt = listing.createdAt;
    listing.bodyHtml = u8("<figure><img src=\"ldmedia:") + redSha +
                       u8("\" alt=\"会议现场\">"
                          "<figcaption>会议现场</figcaption></figure>"
                          "<p>5月23日上午，长治市政府召开2017年全市消防工作会议。"
                          "详见<a href=\"https://example.com/news\">通知</a>。</p>"
                          "<script>alert(1)</script>"
                          "<p onclick=\"x()\">市政府副秘书长王克</p>");
    return listing;
}

// Records what QDesktopServices would have opened, instead of a browser.
class UrlCatcher : public QObject
{
    Q_OBJECT
public:
    QList<QUrl> urls;
public slots:
    void open(const QUrl &url) { urls << url; }
};
} // namespace

class TestListingPreview : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void showsPortalHeader();
    void omitsUnknownViewsAndShowsUpdate();
    void articleIsSanitised();
    void imagesComeFromResolver();
    void missingImageHasPlaceholder();
    void linksOpenOutsideAndNeverNavigate();
    void grabPicture();

private:
    ListingPreview *m_preview = nullptr;
    QStringList m_resolved;
};

void TestListingPreview::init()
{
    m_resolved.clear();
    m_preview = new ListingPreview;
    m_preview->setImageResolver([this](const QString &sha) {
        m_resolved << sha;
        if (sha == redSha)
            return solid(200, 120, Qt::red);
        if (sha == wideSha)
            return solid(2000, 1000, Qt::blue);
        return QImage();
    });
    m_preview->resize(760, 900);
    m_preview->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_preview));
}

void TestListingPreview::cleanup()
{
    delete m_preview;
}

void TestListingPreview::showsPortalHeader()
{
    Listing listing = seedListing();
    listing.promoted = true;
    listing.price = 1500;
    listing.contact = {u8("王先生"), QStringLiteral("13800000000"), QString()};
    m_preview->showListing(listing, {u8("长治")}, u8("房产/租房"), 44);
    const QString text = m_preview->toPlainText();
    QVERIFY2(text.startsWith(u8("Home > 长治 > 房产 > 租房\n")), qPrintable(text.left(60)));
    QVERIFY2(text.simplified().contains(listing.title + u8(" VIP ")), qPrintable(text.left(80)));
    QVERIFY2(text.contains(u8("Published 2022/9/18 8:24:32")), qPrintable(text));
    QVERIFY(text.contains(u8("44 view(s)")));
    QVERIFY(!text.contains(u8("Updated")));
    QVERIFY(text.contains(u8("1500")) && text.contains(u8("王先生")) &&
            text.contains(QStringLiteral("13800000000")));
    QVERIFY(!text.contains(QStringLiteral("WeChat")));
    // The title is the page's heading: large and bold.
    QTextBlock title = m_preview->document()->findBlockByNumber(1);
    QVERIFY(title.text().startsWith(listing.title));
    QCOMPARE(title.blockFormat().headingLevel(), 1);
    QVERIFY(title.begin().fragment().charFormat().fontWeight() >= QFont::Bold);
}

void TestListingPreview::omitsUnknownViewsAndShowsUpdate()
{
    Listing listing = seedListing();
    listing.updatedAt = listing.createdAt.addDays(1);
    listing.title = u8("<b>不是标签</b>");
    m_preview->showListing(listing, {u8("长治"), u8("太原")}, QString(), -1);
    const QString text = m_preview->toPlainText();
    QVERIFY(text.startsWith(u8("Home > 长治、太原\n")));
    QVERIFY(text.contains(u8("<b>不是标签</b>"))); // escaped, shown as typed
    QVERIFY(!text.contains(u8("view")));
    QVERIFY(text.contains(u8("Updated 2022/9/19 8:24:32")));
}

void TestListingPreview::articleIsSanitised()
{
    m_preview->showListing(seedListing(), {u8("长治")}, u8("综合"), 0);
    const QString html = m_preview->toHtml();
    QVERIFY(!html.contains(QStringLiteral("alert")));
    QVERIFY(!html.contains(QStringLiteral("onclick")));
    const QString text = m_preview->toPlainText();
    QVERIFY(text.contains(u8("市政府副秘书长王克")));
    QVERIFY(text.contains(u8("0 view(s)")));
    // The caption is its own centred paragraph under the image.
    bool captionFound = false;
    for (QTextBlock b = m_preview->document()->begin(); b.isValid(); b = b.next())
        if (b.text() == u8("会议现场")) {
            captionFound = true;
            QCOMPARE(b.blockFormat().alignment() & Qt::AlignHorizontal_Mask, Qt::AlignHCenter);
        }
    QVERIFY(captionFound);
}

void TestListingPreview::imagesComeFromResolver()
{
    Listing listing = seedListing();
    listing.bodyHtml += u8("<p><img src=\"ldmedia:") + wideSha + u8("\"></p>");
    m_preview->showListing(listing, {}, QString(), -1);
    QTRY_VERIFY(m_resolved.contains(redSha) && m_resolved.contains(wideSha));
    const QImage red =
        m_preview->document()
            ->resource(QTextDocument::ImageResource, QUrl(QStringLiteral("ldmedia:") + redSha))
            .value<QImage>();
    QCOMPARE(red.size(), QSize(200, 120));
    QCOMPARE(red.pixelColor(10, 10), QColor(Qt::red));
    // Large originals are scaled for display only.
    const QImage wide =
        m_preview->document()
            ->resource(QTextDocument::ImageResource, QUrl(QStringLiteral("ldmedia:") + wideSha))
            .value<QImage>();
    QCOMPARE(wide.width(), ListingPreview::maxImageWidth);
    QCOMPARE(wide.height(), ListingPreview::maxImageWidth / 2);
}

void TestListingPreview::missingImageHasPlaceholder()
{
    Listing listing = seedListing();
    listing.bodyHtml =
        u8("<p><img src=\"ldmedia:cc00\"><img src=\"https://example.com/a.png\"></p>");
    m_preview->showListing(listing, {}, QString(), -1);
    const QImage missing =
        m_preview->document()
            ->resource(QTextDocument::ImageResource, QUrl(QStringLiteral("ldmedia:cc00")))
            .value<QImage>();
    QVERIFY(!missing.isNull());
    const QImage remote = m_preview->document()
                              ->resource(QTextDocument::ImageResource,
                                         QUrl(QStringLiteral("https://example.com/a.png")))
                              .value<QImage>();
    QVERIFY(!remote.isNull()); // a placeholder; the preview never goes online
    QVERIFY(m_resolved.contains(QStringLiteral("cc00")));
}

void TestListingPreview::linksOpenOutsideAndNeverNavigate()
{
    UrlCatcher catcher;
    QDesktopServices::setUrlHandler(QStringLiteral("https"), &catcher, "open");
    m_preview->showListing(seedListing(), {u8("长治")}, QString(), -1);
    const QString before = m_preview->toHtml();
    QSignalSpy opened(m_preview, &ListingPreview::linkOpened);
    // Click the link where it is drawn.
    QTextCursor found = m_preview->document()->find(u8("通知"));
    QVERIFY(!found.isNull());
    QTextCursor middle(m_preview->document());
    middle.setPosition(found.selectionStart() + 1);
    const QPoint at = m_preview->cursorRect(middle).center();
    QTest::mouseClick(m_preview->viewport(), Qt::LeftButton, {}, at);
    QTRY_COMPARE(catcher.urls.size(), 1);
    QCOMPARE(catcher.urls.constFirst(), QUrl(QStringLiteral("https://example.com/news")));
    QCOMPARE(opened.size(), 1);
    QCOMPARE(m_preview->toHtml(), before);
    QVERIFY(m_preview->source().isEmpty());
    QVERIFY(!m_preview->isBackwardAvailable());
    QDesktopServices::unsetUrlHandler(QStringLiteral("https"));
}

void TestListingPreview::grabPicture()
{
    const QString out = qEnvironmentVariable("LISTINGDESK_SCREENSHOT_DIR");
    if (out.isEmpty())
        QSKIP("set LISTINGDESK_SCREENSHOT_DIR to save docs/preview.png");
    // The seed article, as a writer would have typed it, with one figure.
    // A worktree has no ../shared next to it; the variable points elsewhere.
    QFile seed(
        qEnvironmentVariable("LISTINGDESK_SEED_ARTICLE", QStringLiteral(LISTINGDESK_SEED_ARTICLE)));
    if (!seed.open(QIODevice::ReadOnly))
        QSKIP("the seed article is not next to the repository");
    const QStringList lines = QString::fromUtf8(seed.readAll()).split(QLatin1Char('\n'));
    Listing listing = seedListing();
    listing.promoted = true;
    QString body = u8("<figure><img src=\"ldmedia:") + redSha +
                   u8("\" alt=\"会议现场\"><figcaption>会议现场</figcaption></figure>");
    for (qsizetype i = 8; i < 14 && i < lines.size(); ++i)
        body += QStringLiteral("<p>%1</p>").arg(lines[i].toHtmlEscaped());
    listing.bodyHtml = body;
    m_preview->setImageResolver([](const QString &) {
        QImage photo(560, 300, QImage::Format_RGB32);
        QPainter painter(&photo);
        QLinearGradient gradient(0, 0, 560, 300);
        gradient.setColorAt(0, QColor(0x44, 0x66, 0x88));
        gradient.setColorAt(1, QColor(0xaa, 0x88, 0x55));
        painter.fillRect(photo.rect(), gradient);
        return photo;
    });
    m_preview->showListing(listing, {u8("长治")}, u8("新闻"), 44);
    QVERIFY(m_preview->grab().save(out + QStringLiteral("/preview.png")));
}

QTEST_MAIN(TestListingPreview)
#include "tst_listingpreview.moc"
