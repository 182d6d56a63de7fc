#pragma once

#include "listingstatus.h"

#include <QDateTime>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <optional>

namespace ListingDesk {

struct Contact
{
    QString name;
    QString phone;
    QString wechat;
    bool operator==(const Contact &) const = default;
};

/// One classified listing as the user composes it. A plain value: storage reads
/// and writes it, the form edits a copy, the interchange format serialises it.
struct Listing
{
    qint64 id = 0; ///< local row id; 0 until stored
    QString uuid;  ///< stable identity across libraries and portals
    QString title;
    QString bodyHtml;
    qint64 categoryId = 0; ///< 0 = no category chosen yet
    QString categoryPath;  ///< "房产/租房", filled by storage for display and export
    QStringList cityCodes; ///< GB/T 2260 codes, in the order the user chose them
    std::optional<double> price;
    Contact contact;
    QDateTime expiresAt; ///< invalid = does not expire
    bool promoted = false;
    ListingStatus status = ListingStatus::Draft;
    int revision = 0; ///< optimistic lock; bumped by every save
    QDateTime createdAt;
    QDateTime updatedAt;
    bool deleted = false; ///< in the trash

    /// Equal in everything the user edits (ignores id, revision and timestamps).
    bool sameContent(const Listing &other) const;
};

/// What a listing still lacks before it may be marked ready, as translated
/// sentences; empty when it is complete.
QStringList readinessProblems(const Listing &listing);

/// Title length limit of the local library; portals may have stricter ones.
constexpr int maxTitleLength = 80;

} // namespace ListingDesk

Q_DECLARE_METATYPE(ListingDesk::Listing)
