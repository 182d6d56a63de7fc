#pragma once

#include <QString>

namespace ListingDesk {

/// Turns untrusted HTML (pasted, imported, or about to be sent to a portal)
/// into a safe body fragment: an allowlist of tags and attributes, only
/// http/https/mailto/relative links and http/https/relative/local-media
/// images, no scripts, styles, event handlers or comments.
///
/// The input is parsed by a real HTML5 parser (gumbo), so the sanitizer sees
/// the tree a browser would build, entities decoded and broken markup
/// repaired, and the output is serialised from that tree, never patched as
/// text. The result is a fixed point: sanitize(sanitize(x)) == sanitize(x).
class HtmlSanitizer
{
public:
    struct Options
    {
        /// Scheme of the media stored in the local library ("ldmedia:…");
        /// allowed for img src only. Lower case, without the colon.
        QString localMediaScheme = QStringLiteral("ldmedia");
        /// Keeps the two presentation styles the editor writes: a text colour
        /// on <span> and a text alignment on blocks (p, h1-h6, div, figure,
        /// li, td, th), each strictly validated and rewritten in one canonical
        /// spelling ("color:#rrggbb", "text-align:center"). Every other CSS
        /// property, and with false every style attribute, is dropped.
        bool keepPresentation = true;
    };

    static QString sanitize(const QString &html);
    static QString sanitize(const QString &html, const Options &options);
};

} // namespace ListingDesk
