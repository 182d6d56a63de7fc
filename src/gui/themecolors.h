#pragma once

#include <QColor>
#include <QPalette>

namespace ListingDesk::ThemeColors {

/// Colours with a meaning (an error, a warning, success, "this differs")
/// chosen for the palette they are shown on, so that they stay readable in
/// a dark theme as well as a light one. Everything else comes straight from
/// palette roles.

/// True when the window background is dark (a dark theme).
bool isDark(const QPalette &palette);
/// Text that reports an error or a limit exceeded.
QColor errorText(const QPalette &palette);
/// Text that draws attention without alarm (a label in the conflict dialog).
QColor warningText(const QPalette &palette);
/// Text that reports success.
QColor successText(const QPalette &palette);
/// Quiet, secondary text.
QColor mutedText(const QPalette &palette);
/// Background of a value that differs from its counterpart; text on it uses QPalette::Text.
QColor changedBackground(const QPalette &palette);
/// Background of a field whose search found nothing; text on it uses QPalette::Text.
QColor notFoundBackground(const QPalette &palette);
/// A dark palette for the Fusion style: what LISTINGDESK_FORCE_DARK=1 and the
/// dark screenshots use to check that every window stays readable in a dark theme.
QPalette darkPalette();
/// WCAG 2 contrast ratio of two opaque colours, from 1 (none) to 21.
double contrastRatio(const QColor &a, const QColor &b);

} // namespace ListingDesk::ThemeColors
