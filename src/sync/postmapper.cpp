#include "postmapper.h"

#include "htmlsanitizer.h"
#include "remotepostrepository.h"
#include "wordpressjson.h"

#include <QJsonObject>

namespace ListingDesk {

namespace {

// The plain-mode block starts with this exact text, which our own sanitizer
// never produces (it drops class attributes), so a pull can find and remove
// the block it wrote without guessing at the rest of the body.
const QString blockStart = QStringLiteral("<div class=\"listingdesk-contact\">");
const QString blockEnd = QStringLiteral("</div>");

// Labels are in Chinese on purpose: they are read by the portal's visitors,
// whose language is the portal's, not the editor's interface language.
const QString nameLabel = QStringLiteral("联系人：");
const QString phoneLabel = QStringLiteral("电话：");
const QString wechatLabel = QStringLiteral("微信/QQ：");
const QString priceLabel = QStringLiteral("价格：");
const QString expiryLabel = QStringLiteral("有效期至：");

QString escaped(const QString &text)
{
    return text.toHtmlEscaped();
}

QString priceText(double price)
{
    return QString::number(price, 'f', price == qint64(price) ? 0 : 2);
}

// Reads back one "<p>label value</p>" line of our own block.
QString lineValue(const QString &block, const QString &label)
{
    const QString open = QStringLiteral("<p>") + label;
    const qsizetype start = block.indexOf(open);
    if (start < 0)
        return {};
    const qsizetype from = start + open.size();
    const qsizetype end = block.indexOf(QStringLiteral("</p>"), from);
    if (end < 0)
        return {};
    // Our own escaping, undone: &amp; &lt; &gt; &quot;
    QString value = block.mid(from, end - from);
    value.replace(QStringLiteral("&lt;"), QStringLiteral("<"))
        .replace(QStringLiteral("&gt;"), QStringLiteral(">"))
        .replace(QStringLiteral("&quot;"), QStringLiteral("\""))
        .replace(QStringLiteral("&amp;"), QStringLiteral("&"));
    return value;
}

} // namespace

QString PostMapper::contactBlock(const Listing &listing)
{
    QString lines;
    auto add = [&lines](const QString &label, const QString &value) {
        if (!value.trimmed().isEmpty())
            lines +=
                QStringLiteral("<p>") + label + escaped(value.trimmed()) + QStringLiteral("</p>");
    };
    add(nameLabel, listing.contact.name);
    add(phoneLabel, listing.contact.phone);
    add(wechatLabel, listing.contact.wechat);
    if (listing.price)
        add(priceLabel, priceText(*listing.price));
    if (listing.expiresAt.isValid())
        add(expiryLabel, listing.expiresAt.toString(Qt::ISODate));
    if (lines.isEmpty())
        return {};
    return blockStart + lines + blockEnd;
}

PostPayload PostMapper::toPayload(const Listing &listing, const QString &bodyHtml,
                                  const PostTarget &target)
{
    PostPayload payload;
    payload.title = listing.title;
    payload.contentHtml = bodyHtml;
    payload.status = target.status;
    if (target.publishAtUtc.isValid() && target.publishAtUtc > QDateTime::currentDateTimeUtc()) {
        payload.status = QStringLiteral("future");
        payload.dateGmt = target.publishAtUtc;
    }
    if (target.categoryTermId)
        payload.categories = {target.categoryTermId};
    if (target.mode == PortalMode::Plain) {
        payload.contentHtml += contactBlock(listing);
        payload.slug = target.clientKey;
        if (target.cityTermId)
            payload.tags = {target.cityTermId};
        return payload;
    }
    if (target.cityTermId)
        payload.cities = {target.cityTermId};
    QJsonObject meta;
    meta.insert(QStringLiteral("listingdesk_client_key"), target.clientKey);
    meta.insert(QStringLiteral("listingdesk_listing_uuid"), listing.uuid);
    meta.insert(QStringLiteral("listingdesk_contact_name"), listing.contact.name);
    meta.insert(QStringLiteral("listingdesk_contact_phone"), listing.contact.phone);
    meta.insert(QStringLiteral("listingdesk_contact_wechat"), listing.contact.wechat);
    // The plugin cannot store "no price" (it reads back as 0); 0 is what we
    // send for none as well, and a pull reads 0 back as none.
    meta.insert(QStringLiteral("listingdesk_price"), listing.price.value_or(0.0));
    meta.insert(QStringLiteral("listingdesk_expires_at"),
                listing.expiresAt.isValid() ? listing.expiresAt.toUTC().toString(Qt::ISODate)
                                            : QString());
    meta.insert(QStringLiteral("listingdesk_promoted"), listing.promoted);
    payload.meta = meta;
    return payload;
}

QString PostMapper::clientKeyOf(const RemotePost &post, PortalMode mode)
{
    if (mode == PortalMode::Plugin) {
        const QString key = post.meta.value(u"listingdesk_client_key").toString();
        if (!key.isEmpty())
            return key;
    }
    QString slug = post.slug;
    if (slug.endsWith(QLatin1String("__trashed")))
        slug.chop(9);
    return parseClientKey(slug, nullptr, nullptr) ? slug : QString();
}

PortalListingFields PostMapper::fromPost(const RemotePost &post, PortalMode mode)
{
    PortalListingFields fields;
    fields.title = post.title;
    parseClientKey(clientKeyOf(post, mode), &fields.listingUuid, &fields.regionCode);
    QString body = post.contentHtml;
    if (mode == PortalMode::Plugin) {
        const QJsonObject &m = post.meta;
        if (const QString uuid = m.value(u"listingdesk_listing_uuid").toString(); !uuid.isEmpty())
            fields.listingUuid = uuid;
        fields.contact.name = m.value(u"listingdesk_contact_name").toString();
        fields.contact.phone = m.value(u"listingdesk_contact_phone").toString();
        fields.contact.wechat = m.value(u"listingdesk_contact_wechat").toString();
        const double price = m.value(u"listingdesk_price").toDouble();
        if (price > 0)
            fields.price = price;
        fields.expiresAt =
            QDateTime::fromString(m.value(u"listingdesk_expires_at").toString(), Qt::ISODate);
        fields.promoted = m.value(u"listingdesk_promoted").toBool();
        if (m.contains(u"listingdesk_views"))
            fields.views = m.value(u"listingdesk_views").toInt();
    } else if (const qsizetype at = body.lastIndexOf(blockStart); at >= 0) {
        const QString block = body.mid(at);
        fields.contact.name = lineValue(block, nameLabel);
        fields.contact.phone = lineValue(block, phoneLabel);
        fields.contact.wechat = lineValue(block, wechatLabel);
        bool ok = false;
        const double price = lineValue(block, priceLabel).toDouble(&ok);
        if (ok)
            fields.price = price;
        fields.expiresAt = QDateTime::fromString(lineValue(block, expiryLabel), Qt::ISODate);
        body.truncate(at);
    }
    // What comes from the portal is untrusted like any other input.
    fields.bodyHtml = HtmlSanitizer::sanitize(body);
    return fields;
}

} // namespace ListingDesk
