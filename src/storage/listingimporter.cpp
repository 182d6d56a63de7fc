#include "listingimporter.h"

#include "htmlsanitizer.h"
#include "library.h"
#include "sqlstatement.h"

#include <QCoreApplication>
#include <QFile>
#include <QUuid>

namespace ListingDesk {

namespace {

Error recordError(const ListingRecord &record, const QString &field, const QString &problem)
{
    return makeError(Error::Kind::Data,
                     QCoreApplication::translate("ListingImporter", "%1, field \"%2\": %3")
                         .arg(record.location, field, problem));
}

} // namespace

Result<ImportSummary> ListingImporter::importFile(const QString &path)
{
    const auto format = interchangeFormatForPath(path);
    if (!format)
        return makeError(
            Error::Kind::Data,
            QCoreApplication::translate("ListingImporter",
                                        "%1: unknown file type; import reads .json and .csv files")
                .arg(path));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return makeError(Error::Kind::Io,
                         QCoreApplication::translate("ListingImporter", "%1: cannot be read (%2)")
                             .arg(path, file.errorString()));
    auto records = parseInterchange(file.readAll(), *format);
    if (!records)
        return makeError(Error::Kind::Data, QCoreApplication::translate(
                                                "ListingImporter", "%1: %2; nothing was imported")
                                                .arg(path, records.error().message));
    auto imported = import(records.value());
    if (!imported)
        return makeError(
            imported.error().kind,
            QCoreApplication::translate("ListingImporter", "%1: %2; nothing was imported")
                .arg(path, imported.error().message));
    return imported;
}

Result<ImportSummary> ListingImporter::import(const QList<ListingRecord> &records)
{
    ImportSummary summary;
    ListingRepository &listings = m_library.listings();
    auto done = inTransaction(m_library.database().connection(), [&]() -> Result<void> {
        for (const ListingRecord &record : records) {
            Listing listing;
            auto category = m_library.categories().idForPath(record.categoryPath);
            if (!category)
                return recordError(record, QStringLiteral("category"), category.error().message);
            for (const QString &reference : record.cities) {
                auto code = m_library.regions().resolve(reference);
                if (!code)
                    return recordError(record, QStringLiteral("cities"), code.error().message);
                listing.cityCodes << code.value();
            }
            // One spelling per UUID ("{3F2C...}" and "3f2c..." are the same listing).
            if (!record.uuid.isEmpty())
                listing.uuid = QUuid::fromString(record.uuid).toString(QUuid::WithoutBraces);
            listing.title = record.title;
            listing.categoryId = category.value();
            // Import files come from anywhere (other tools, old exports,
            // hand edits): the body goes into the library only as safe HTML,
            // before the readiness check so that a body of nothing but
            // <script> counts as empty.
            listing.bodyHtml = HtmlSanitizer::sanitize(record.bodyHtml);
            listing.price = record.price;
            listing.contact = record.contact;
            listing.expiresAt = record.expiresAt;
            listing.promoted = record.promoted;

            std::optional<Listing> existing;
            if (!listing.uuid.isEmpty()) {
                auto stored = listings.loadByUuid(listing.uuid);
                if (stored)
                    existing = stored.value();
                else if (stored.error().kind != Error::Kind::NotFound)
                    return stored.error();
            }
            // Only draft and ready are the user's to set; the publishing states
            // belong to the portal. An export read back unchanged is fine, though.
            const ListingStatus current = existing ? existing->status : ListingStatus::Draft;
            listing.status = record.status.value_or(current);
            if (listing.status != current && listing.status != ListingStatus::Draft &&
                listing.status != ListingStatus::Ready)
                return recordError(
                    record, QStringLiteral("status"),
                    QCoreApplication::translate(
                        "ListingImporter", "\"%1\" cannot be set by an import; use draft or ready")
                        .arg(statusKey(listing.status)));
            if (listing.status == ListingStatus::Ready && current != ListingStatus::Ready) {
                const QStringList problems = readinessProblems(listing);
                if (!problems.isEmpty())
                    return recordError(
                        record, QStringLiteral("status"),
                        QCoreApplication::translate("ListingImporter", "cannot be ready: %1")
                            .arg(problems.join(QLatin1Char(' '))));
            }
            if (existing) {
                listing.id = existing->id;
                listing.deleted = existing->deleted;
                auto updated = listings.updateInTransaction(
                    listing, false, ListingRepository::SaveOrigin::Verbatim);
                if (!updated)
                    return recordError(record, QStringLiteral("uuid"), updated.error().message);
                ++summary.updated;
            } else {
                auto created = listings.insertInTransaction(listing);
                if (!created)
                    return recordError(record, QStringLiteral("title"), created.error().message);
                ++summary.created;
            }
        }
        return {};
    });
    if (!done)
        return done.error();
    listings.notifyBulkChange();
    return summary;
}

} // namespace ListingDesk
