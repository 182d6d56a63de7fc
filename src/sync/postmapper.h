#pragma once

#include "listing.h"
#include "portalrepository.h"
#include "wordpresstypes.h"

#include <QString>

namespace ListingDesk {

/// Where one post of a listing goes: the portal's term ids already resolved.
struct PostTarget
{
    PortalMode mode = PortalMode::Plugin;
    QString regionCode;
    QString clientKey;
    qint64 categoryTermId = 0; ///< 0: no category on the portal
    qint64 cityTermId = 0;     ///< the plugin's city term, or the tag standing for the city
    QString status = QStringLiteral("publish");
    QDateTime publishAtUtc; ///< invalid: now; in the future: a scheduled ("future") post
};

/// The listing fields a portal post carries, as read back from the portal.
struct PortalListingFields
{
    QString listingUuid; ///< from the client key or the plugin's meta; may be empty
    QString regionCode;  ///< from the client key; may be empty
    QString title;
    QString bodyHtml;
    Contact contact;
    std::optional<double> price;
    QDateTime expiresAt;
    bool promoted = false;
    std::optional<int> views;
};

/// Translates between a listing and a WordPress post, in both portal modes.
/// With the companion plugin, contact, price, expiry and the client key are
/// post meta. On plain WordPress they have no place of their own: contact and
/// price go into a small block at the end of the body (which a pull takes out
/// again) and the client key is the post's slug.
class PostMapper
{
public:
    /// \a bodyHtml is the body as it should appear on the portal: sanitized,
    /// with local images already replaced by their uploaded URLs.
    static PostPayload toPayload(const Listing &listing, const QString &bodyHtml,
                                 const PostTarget &target);
    static PortalListingFields fromPost(const RemotePost &post, PortalMode mode);
    /// The client key a post carries (meta or slug); empty when it has none.
    static QString clientKeyOf(const RemotePost &post, PortalMode mode);

    /// Puts the portal's words into a listing (title, article, contact,
    /// price, expiry, promotion); category, cities and identity stay.
    static void applyTo(Listing *listing, const PortalListingFields &fields);
    /// The portal's side of a conflict, kept as JSON beside the listing
    /// until the user decides; fromJson() is empty for anything else.
    static QString toJson(const PortalListingFields &fields, const QDateTime &modifiedGmt);
    static std::optional<PortalListingFields> fromJson(const QString &json);

    /// The plain-mode block, exposed for tests.
    static QString contactBlock(const Listing &listing);
};

} // namespace ListingDesk
