#include "listing.h"

#include <QCoreApplication>

namespace ListingDesk {

bool Listing::sameContent(const Listing &other) const
{
    return uuid == other.uuid && title == other.title && bodyHtml == other.bodyHtml &&
           categoryId == other.categoryId && cityCodes == other.cityCodes && price == other.price &&
           contact == other.contact && expiresAt == other.expiresAt && promoted == other.promoted &&
           status == other.status;
}

QStringList readinessProblems(const Listing &listing)
{
    QStringList problems;
    if (listing.title.trimmed().isEmpty())
        problems << QCoreApplication::translate("Listing", "The title is empty.");
    else if (listing.title.size() > maxTitleLength)
        problems << QCoreApplication::translate("Listing",
                                                "The title is longer than %1 characters.")
                        .arg(maxTitleLength);
    if (listing.categoryId == 0)
        problems << QCoreApplication::translate("Listing", "No category is chosen.");
    if (listing.cityCodes.isEmpty())
        problems << QCoreApplication::translate("Listing", "No city is chosen.");
    if (listing.bodyHtml.trimmed().isEmpty())
        problems << QCoreApplication::translate("Listing", "The article is empty.");
    return problems;
}

} // namespace ListingDesk
