#include "listinghash.h"

#include <QCryptographicHash>
#include <QDataStream>
#include <QIODevice>

namespace ListingDesk {

QString listingContentHash(const Listing &listing)
{
    QByteArray bytes;
    QDataStream out(&bytes, QIODevice::WriteOnly);
    out.setVersion(QDataStream::Qt_6_4); // the hash is stored: keep the encoding fixed
    out << listing.title << listing.bodyHtml << listing.categoryId << listing.cityCodes
        << listing.price.has_value() << listing.price.value_or(0.0) << listing.contact.name
        << listing.contact.phone << listing.contact.wechat
        << listing.expiresAt.toUTC().toString(Qt::ISODate) << listing.promoted;
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

} // namespace ListingDesk
