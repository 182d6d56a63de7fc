#include "listingpreview.h"

#include "htmlsanitizer.h"

#include <QDesktopServices>
#include <QPainter>
#include <QTextDocument>

namespace ListingDesk {

namespace {
QString escaped(const QString &text)
{
    return text.toHtmlEscaped();
}

// The portal's own way of writing times ("2022/9/18 8:24:32"), not the
// user's locale: the preview shows the page as readers will see it.
QString portalTime(const QDateTime &time)
{
    return time.toLocalTime().toString(QStringLiteral("yyyy/M/d H:mm:ss"));
}

QString priceText(double price)
{
    // Whole yuan without decimals, as the portal prints them.
    return QString::number(price, 'f', price == double(qRound64(price)) ? 0 : 2);
}

// QTextDocument knows no <figure>/<figcaption>; give the figures the block
// and class the stylesheet centres. The article is already the sanitizer's
// canonical output, so the tag names are exact.
QString withFigureBlocks(QString html)
{
    html.replace(QLatin1String("<figure>"),
                 QLatin1String("<div class=\"figure\" align=\"center\">"));
    html.replace(QLatin1String("</figure>"), QLatin1String("</div>"));
    html.replace(QLatin1String("<figcaption>"),
                 QLatin1String("<p class=\"caption\" align=\"center\">"));
    html.replace(QLatin1String("</figcaption>"), QLatin1String("</p>"));
    return html;
}
} // namespace

ListingPreview::ListingPreview(QWidget *parent) : QTextBrowser(parent)
{
    setObjectName(QStringLiteral("listingPreview"));
    // Links never navigate the preview; openLink hands them to the desktop.
    setOpenLinks(false);
    setOpenExternalLinks(false);
    connect(this, &QTextBrowser::anchorClicked, this, &ListingPreview::openLink);
    document()->setDefaultStyleSheet(styleSheet());
    document()->setDocumentMargin(20);
}

void ListingPreview::setImageResolver(ImageResolver resolver)
{
    m_resolver = std::move(resolver);
}

QString ListingPreview::styleSheet()
{
    // Modelled on the portal's article page: a small grey breadcrumb, a large
    // dark title, a grey meta line, a rule, then 14-pixel body text with
    // centred figures and grey captions. QTextDocument's CSS subset only.
    return QStringLiteral(
        "body { color: #333333; background-color: #ffffff; font-size: 14px; }"
        "p.crumbs { color: #888888; font-size: 12px; margin-bottom: 10px; }"
        "a.crumb { color: #3366cc; text-decoration: none; }"
        "h1.title { color: #222222; font-size: 22px; font-weight: bold; margin-top: 6px;"
        " margin-bottom: 6px; }"
        "span.vip { color: #ffffff; background-color: #e4393c; font-size: 12px;"
        " font-weight: bold; }"
        "p.meta { color: #999999; font-size: 12px; margin-bottom: 4px; }"
        "span.views { color: #e4393c; }"
        "table.facts { color: #555555; font-size: 13px; margin-top: 6px; }"
        "td.label { color: #999999; padding-right: 12px; }"
        "div.article { margin-top: 12px; }"
        "div.article p { margin-top: 8px; margin-bottom: 8px; line-height: 170%; }"
        "div.article h1, div.article h2, div.article h3 { color: #222222; }"
        "div.article a { color: #3366cc; }"
        "div.figure { margin-top: 12px; margin-bottom: 4px; }"
        "p.caption { color: #888888; font-size: 12px; margin-top: 4px; margin-bottom: 12px; }"
        "p.empty { color: #aaaaaa; font-style: italic; }");
}

QString ListingPreview::pageHtml(const Listing &listing, const QStringList &cityNames,
                                 const QString &categoryPath, int viewCount)
{
    QString html;
    // Breadcrumb: home, the city sub-site, the category path.
    QStringList crumbs{tr("Home")};
    if (!cityNames.isEmpty())
        crumbs << cityNames.join(QStringLiteral("\u3001"));
    for (const QString &part : categoryPath.split(QLatin1Char('/'), Qt::SkipEmptyParts))
        crumbs << part;
    QStringList crumbHtml;
    for (const QString &crumb : std::as_const(crumbs))
        crumbHtml << QStringLiteral("<span class=\"crumb\">%1</span>").arg(escaped(crumb));
    html +=
        QStringLiteral("<p class=\"crumbs\">%1</p>").arg(crumbHtml.join(QStringLiteral(" &gt; ")));

    const QString title =
        listing.title.trimmed().isEmpty() ? tr("(no title)") : escaped(listing.title.trimmed());
    html += QStringLiteral("<h1 class=\"title\">%1%2</h1>")
                .arg(title, listing.promoted
                                ? QStringLiteral(" <span class=\"vip\">&nbsp;VIP&nbsp;</span>")
                                : QString());

    QStringList meta;
    const QDateTime published =
        listing.createdAt.isValid() ? listing.createdAt : QDateTime::currentDateTime();
    meta << tr("Published %1").arg(portalTime(published));
    if (listing.updatedAt.isValid() && listing.updatedAt.secsTo(published) != 0)
        meta << tr("Updated %1").arg(portalTime(listing.updatedAt));
    if (viewCount >= 0)
        meta << QStringLiteral("<span class=\"views\">%1</span>")
                    .arg(tr("%n view(s)", nullptr, viewCount));
    html += QStringLiteral("<p class=\"meta\">%1</p>")
                .arg(meta.join(QStringLiteral("&nbsp;&nbsp;&nbsp;")));

    // What a reader needs to act on, when the listing gives it.
    QList<std::pair<QString, QString>> facts;
    if (listing.price)
        facts.append({tr("Price"), priceText(*listing.price)});
    if (!listing.contact.name.isEmpty())
        facts.append({tr("Contact"), listing.contact.name});
    if (!listing.contact.phone.isEmpty())
        facts.append({tr("Phone"), listing.contact.phone});
    if (!listing.contact.wechat.isEmpty())
        facts.append({tr("WeChat/QQ"), listing.contact.wechat});
    if (!facts.isEmpty()) {
        html += QStringLiteral("<table class=\"facts\" cellspacing=\"0\" cellpadding=\"2\">");
        for (const auto &[label, value] : facts)
            html += QStringLiteral("<tr><td class=\"label\">%1</td><td>%2</td></tr>")
                        .arg(escaped(label), escaped(value));
        html += QStringLiteral("</table>");
    }
    html += QStringLiteral("<hr/>");

    // The portal receives the sanitised article; show exactly that.
    const QString article = HtmlSanitizer::sanitize(listing.bodyHtml);
    html += QStringLiteral("<div class=\"article\">%1</div>")
                .arg(article.trimmed().isEmpty() ? QStringLiteral("<p class=\"empty\">%1</p>")
                                                       .arg(escaped(tr("The article is empty.")))
                                                 : withFigureBlocks(article));
    return html;
}

void ListingPreview::showListing(const Listing &listing, const QStringList &cityNames,
                                 const QString &categoryPath, int viewCount)
{
    document()->setDefaultStyleSheet(styleSheet());
    setHtml(pageHtml(listing, cityNames, categoryPath, viewCount));
}

QVariant ListingPreview::loadResource(int type, const QUrl &name)
{
    if (type != QTextDocument::ImageResource)
        return {}; // never load documents or stylesheets from anywhere
    if (name.scheme() == QLatin1String("ldmedia")) {
        QImage image = m_resolver ? m_resolver(name.path()) : QImage();
        if (image.isNull())
            return placeholder(tr("Image missing"));
        if (image.width() > maxImageWidth)
            image = image.scaledToWidth(maxImageWidth, Qt::SmoothTransformation);
        return image;
    }
    // Remote images are the portal's business; the preview stays offline.
    return placeholder(tr("Image on the web"));
}

QImage ListingPreview::placeholder(const QString &text) const
{
    QImage image(320, 180, QImage::Format_ARGB32_Premultiplied);
    image.fill(QColor(0xee, 0xee, 0xee));
    QPainter painter(&image);
    painter.setPen(QColor(0x99, 0x99, 0x99));
    painter.drawRect(image.rect().adjusted(0, 0, -1, -1));
    painter.setFont(font());
    painter.drawText(image.rect(), Qt::AlignCenter, text);
    return image;
}

void ListingPreview::openLink(const QUrl &url)
{
    // Only what a browser or mail program should get; anything else (a
    // relative link, a local media URL) has nowhere to go from a preview.
    const QString scheme = url.scheme().toLower();
    if (scheme != QLatin1String("http") && scheme != QLatin1String("https") &&
        scheme != QLatin1String("mailto"))
        return;
    QDesktopServices::openUrl(url);
    emit linkOpened(url);
}

} // namespace ListingDesk
