#pragma once

#include <QString>

class QTextDocument;

namespace ListingDesk {

/// Writes an article document as the clean, semantic HTML the library stores
/// and portals receive: <p>, <h1>–<h3>, <strong>, <em>, <u>, <s>, colour spans,
/// links, nested lists, tables, <hr>, and figures with captions for images
/// (see ArticleFormat). No fonts, sizes or Qt-specific styles: the only
/// styles written are style="color:#rrggbb" and style="text-align:…", which
/// the sanitizer keeps. ArticleHtmlReader reads it back; writing what was read
/// gives the same text again.
class ArticleHtmlWriter
{
public:
    /// The body fragment for \a document; empty for an empty document.
    static QString write(const QTextDocument *document);
};

} // namespace ListingDesk
