#pragma once

#include <QTextFormat>

namespace ListingDesk {

/// Block properties the article editor uses for what QTextDocument has no
/// notion of: a figure (a paragraph holding an image) and its caption, the
/// paragraph right under it. They live in the block format so that they
/// survive undo, copy and paste, and so that no QSyntaxHighlighter block state
/// (which belongs to the highlighters) is needed.
namespace ArticleFormat {

enum Property {
    FigureProperty = QTextFormat::UserProperty + 0x4c10, ///< bool: the block is a figure's image
    CaptionProperty,                                     ///< bool: the block is a figure's caption
};

/// -qt-user-state values ArticleHtmlReader puts on figure and caption
/// paragraphs for QTextDocument::setHtml; turned into the properties above
/// right after the import and never left in a document.
constexpr int FigureUserState = 0x4c4401;
constexpr int CaptionUserState = 0x4c4402;

inline bool isFigure(const QTextBlockFormat &format)
{
    return format.boolProperty(FigureProperty);
}

inline bool isCaption(const QTextBlockFormat &format)
{
    return format.boolProperty(CaptionProperty);
}

} // namespace ArticleFormat

} // namespace ListingDesk
