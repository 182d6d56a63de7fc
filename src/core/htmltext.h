#pragma once

#include <QString>

namespace ListingDesk {

/// The visible text of an HTML fragment, for the full-text index and for
/// character counts. A small single-pass scanner: fast enough to run on every
/// save, and it never needs to be exact about layout, only about the words.
/// (Sanitising HTML is a different job and uses a real parser.)
QString htmlToPlainText(const QString &html);

} // namespace ListingDesk
