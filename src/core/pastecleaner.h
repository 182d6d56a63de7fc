#pragma once

#include <QString>

namespace ListingDesk {

/// Cleans HTML from the clipboard (web pages, LibreOffice Writer, MS Word,
/// WPS) into an article fragment: structure stays (paragraphs, headings,
/// lists, bold/italic, links, images, tables), and the page around it and the
/// word processor's formatting go (navigation and share bars, hidden text,
/// fonts, classes, inline styles, comments, Office conditional comments,
/// <o:p>, tracking pixels, empty spans and paragraphs). Word's "MsoList"
/// paragraphs, which are lists only by their look, become real lists.
///
/// The result has passed HtmlSanitizer with keepPresentation off, so it is as
/// safe as anything the sanitizer returns.
class PasteCleaner
{
public:
    static QString clean(const QString &html);
};

} // namespace ListingDesk
