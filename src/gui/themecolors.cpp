#include "themecolors.h"

#include <QtMath>

namespace ListingDesk::ThemeColors {

namespace {
double channel(double value)
{
    // sRGB to linear light, as WCAG 2 defines relative luminance.
    return value <= 0.03928 ? value / 12.92 : qPow((value + 0.055) / 1.055, 2.4);
}

double luminance(const QColor &c)
{
    return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF());
}

// Mixes \a tint into \a base; \a amount from 0 (base) to 1 (tint).
QColor mix(const QColor &base, const QColor &tint, double amount)
{
    return QColor::fromRgbF(float(base.redF() + (tint.redF() - base.redF()) * amount),
                            float(base.greenF() + (tint.greenF() - base.greenF()) * amount),
                            float(base.blueF() + (tint.blueF() - base.blueF()) * amount));
}
} // namespace

bool isDark(const QPalette &palette)
{
    return luminance(palette.color(QPalette::Window)) < 0.2;
}

// The light-theme shades are the ones the app always used (the green a
// little darker, to reach 4.5:1 on Fusion's grey window); the dark-theme
// ones are lighter tints of the same hues, all at least 4.5:1 against the
// usual dark window and base colours.
QColor errorText(const QPalette &palette)
{
    return isDark(palette) ? QColor(0xff, 0x8a, 0x80) : QColor(0xb0, 0x00, 0x20);
}

QColor warningText(const QPalette &palette)
{
    return isDark(palette) ? QColor(0xff, 0xcc, 0x66) : QColor(0x8a, 0x5a, 0x00);
}

QColor successText(const QPalette &palette)
{
    return isDark(palette) ? QColor(0x81, 0xd8, 0x8f) : QColor(0x18, 0x74, 0x3a);
}

QColor mutedText(const QPalette &palette)
{
    // Halfway between text and background keeps about 4.5:1 on either theme.
    return mix(palette.color(QPalette::Base), palette.color(QPalette::Text), 0.62);
}

QColor changedBackground(const QPalette &palette)
{
    return mix(palette.color(QPalette::Base), QColor(0xff, 0xc1, 0x07),
               isDark(palette) ? 0.22 : 0.28);
}

QColor notFoundBackground(const QPalette &palette)
{
    return mix(palette.color(QPalette::Base), QColor(0xe5, 0x39, 0x35),
               isDark(palette) ? 0.35 : 0.3);
}

QPalette darkPalette()
{
    const QColor text(0xe8, 0xe8, 0xe8);
    const QColor disabledText(0x9a, 0x9a, 0x9a); // hints are disabled labels: keep them legible
    QPalette dark(QColor(0x35, 0x35, 0x35), QColor(0x2b, 0x2b, 0x2b));
    dark.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2b));
    dark.setColor(QPalette::WindowText, text);
    dark.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
    dark.setColor(QPalette::AlternateBase, QColor(0x26, 0x26, 0x26));
    dark.setColor(QPalette::ToolTipBase, QColor(0x3a, 0x3a, 0x3a));
    dark.setColor(QPalette::ToolTipText, text);
    dark.setColor(QPalette::Text, text);
    dark.setColor(QPalette::BrightText, QColor(0xff, 0x8a, 0x80));
    dark.setColor(QPalette::Button, QColor(0x35, 0x35, 0x35));
    dark.setColor(QPalette::ButtonText, text);
    dark.setColor(QPalette::Highlight, QColor(0x3d, 0x8e, 0xd8));
    dark.setColor(QPalette::HighlightedText, Qt::white);
    dark.setColor(QPalette::Link, QColor(0x8a, 0xb4, 0xf8));
    dark.setColor(QPalette::LinkVisited, QColor(0xc5, 0x8a, 0xf9));
    dark.setColor(QPalette::Light, QColor(0x4a, 0x4a, 0x4a));
    dark.setColor(QPalette::Midlight, QColor(0x40, 0x40, 0x40));
    dark.setColor(QPalette::Mid, QColor(0x55, 0x55, 0x55));
    dark.setColor(QPalette::Dark, QColor(0x20, 0x20, 0x20));
    dark.setColor(QPalette::Shadow, QColor(0x10, 0x10, 0x10));
    dark.setColor(QPalette::PlaceholderText, QColor(0x99, 0x99, 0x99));
    for (QPalette::ColorRole role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        dark.setColor(QPalette::Disabled, role, disabledText);
    dark.setColor(QPalette::Disabled, QPalette::Base, QColor(0x26, 0x26, 0x26));
    return dark;
}

double contrastRatio(const QColor &a, const QColor &b)
{
    const double la = luminance(a);
    const double lb = luminance(b);
    return (qMax(la, lb) + 0.05) / (qMin(la, lb) + 0.05);
}

} // namespace ListingDesk::ThemeColors
