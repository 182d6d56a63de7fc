#pragma once

#include "interchange.h"
#include "result.h"

namespace ListingDesk {

class Library;

struct ImportSummary
{
    int created = 0;
    int updated = 0;
};

/// Writes parsed import records into the library, all or nothing: the first
/// record that cannot be stored (unknown category or city, a status that may
/// not be set) rolls everything back and is named in the error. Every body
/// is stored as HtmlSanitizer made it (GUI import and listingdesk-cli import
/// both come through here).
class ListingImporter
{
public:
    explicit ListingImporter(Library &library) : m_library(library) {}

    Result<ImportSummary> import(const QList<ListingRecord> &records);
    /// Reads, parses and imports a .json or .csv file.
    Result<ImportSummary> importFile(const QString &path);

private:
    Library &m_library;
};

} // namespace ListingDesk
