#pragma once

#include <QString>

class QTextDocument;

namespace ListingDesk {

/// Loads stored article HTML (ArticleHtmlWriter's output, sanitised imports,
/// or the Qt-generated bodies of older libraries) into a QTextDocument.
/// QTextDocument knows neither <figure> nor <figcaption>; the reader turns a
/// figure into an image paragraph followed by a caption paragraph, marked with
/// the ArticleFormat properties, so the caption is an editable block under
/// its image. Blockquotes become indented paragraphs and tables get visible
/// borders for editing (the writer writes neither back as styles).
class ArticleHtmlReader
{
public:
    /// Replaces the content of \a document with \a storedHtml.
    static void load(QTextDocument *document, const QString &storedHtml);
    /// The HTML QTextDocument::setHtml() gets for \a storedHtml (figures as
    /// paragraphs carrying -qt-user-state markers). Parsed with gumbo.
    static QString toQtHtml(const QString &storedHtml);
    /// Turns the markers toQtHtml() left in \a document into block properties.
    static void applyMarkers(QTextDocument *document);
};

} // namespace ListingDesk
