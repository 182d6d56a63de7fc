#pragma once

#include <QString>
#include <QStringView>

namespace ListingDesk {

/// Appends text escaped for HTML the way our serialisers write it: & < > always,
/// U+00A0 as &nbsp; (so that it stays visible in the source view), and " only
/// inside attribute values. With \a dropControls, C0 controls and DEL vanish.
inline void appendHtmlEscaped(QString &out, QStringView text, bool inAttribute,
                              bool dropControls = false)
{
    for (const QChar c : text) {
        switch (c.unicode()) {
        case u'&':
            out += QLatin1String("&amp;");
            break;
        case u'<':
            out += QLatin1String("&lt;");
            break;
        case u'>':
            out += QLatin1String("&gt;");
            break;
        case 0xA0:
            out += QLatin1String("&nbsp;");
            break;
        case u'"':
            out += inAttribute ? QLatin1String("&quot;") : QLatin1String("\"");
            break;
        default:
            if (!dropControls || (c.unicode() >= 0x20 && c.unicode() != 0x7F))
                out += c;
        }
    }
}

} // namespace ListingDesk
