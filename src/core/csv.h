#pragma once

#include "result.h"

#include <QList>
#include <QStringList>

namespace ListingDesk {

/// One CSV record and the line (1-based) it starts on, so errors can name it.
struct CsvRecord
{
    int line = 0;
    QStringList fields;
};

/// RFC 4180 CSV: quoted fields may hold commas, quotes ("") and line breaks.
/// A UTF-8 byte-order mark at the start is skipped (spreadsheets write one).
Result<QList<CsvRecord>> parseCsv(const QString &text);

/// One CSV line (without the line break), quoting fields that need it.
QString csvLine(const QStringList &fields);

} // namespace ListingDesk
