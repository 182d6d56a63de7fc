#pragma once

#include "listing.h"
#include "result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>

#include <optional>

namespace ListingDesk {

/// One listing as read from an import file, before storage resolves its
/// category path and city references against the library.
struct ListingRecord
{
    QString location; ///< "record 3" (JSON) or "line 5" (CSV), for error messages
    QString uuid;     ///< empty = a new listing
    QString title;
    QString categoryPath; ///< "房产/租房"
    QStringList cities;   ///< GB/T 2260 codes (names are resolved later too)
    QString bodyHtml;
    std::optional<double> price;
    Contact contact;
    QDateTime expiresAt;
    bool promoted = false;
    std::optional<ListingStatus> status;
};

enum class InterchangeFormat { Json, Csv };

/// The format a file name implies (.json, .csv), or nothing.
std::optional<InterchangeFormat> interchangeFormatForPath(const QString &path);

/// Parses a whole file. Any problem fails the whole file with a message that
/// names the record (line for CSV) and the field.
Result<QList<ListingRecord>> parseInterchange(const QByteArray &data, InterchangeFormat format);

/// The interchange object for a listing, plus status, created_at and updated_at.
QJsonObject listingToJson(const Listing &listing);
/// The inverse of listingToJson() without any validation: for snapshots we
/// wrote ourselves (revisions), which may be unfinished drafts.
Listing listingFromJson(const QJsonObject &object);
QByteArray writeInterchange(const QList<Listing> &listings, InterchangeFormat format);

/// The CSV header written by writeInterchange() and understood by the parser.
QStringList interchangeCsvColumns();

} // namespace ListingDesk
