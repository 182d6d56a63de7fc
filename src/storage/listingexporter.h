#pragma once

#include "result.h"

#include <QString>

namespace ListingDesk {

class Library;

/// Writes every listing outside the trash to a .json or .csv interchange file,
/// oldest first. The file appears whole or not at all.
class ListingExporter
{
public:
    explicit ListingExporter(Library &library) : m_library(library) {}
    /// The number of listings written.
    Result<int> exportFile(const QString &path);

private:
    Library &m_library;
};

} // namespace ListingDesk
