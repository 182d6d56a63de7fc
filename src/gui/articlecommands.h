#pragma once

#include <QColor>
#include <QTextCursor>
#include <QTextListFormat>

namespace ListingDesk {

/// The editing operations behind the article toolbar, on a cursor (its
/// selection, or the block it is in). Kept apart from the widget so that the
/// toolbar code stays about buttons and state. Each is one undo step.
namespace ArticleCommands {

/// 0 makes a paragraph; 1–3 headings. Applies to every block in the selection.
void setHeadingLevel(QTextCursor cursor, int level);
/// Turns the blocks into a list of \a style, changes the list's style, or
/// (when already a list of that style) turns them back into paragraphs.
void toggleList(QTextCursor cursor, QTextListFormat::Style style);
/// List items move one level deeper or shallower; paragraphs are indented as quotations.
void changeIndent(QTextCursor cursor, int delta);
/// The extent of the link at the cursor (or the selection when there is one).
QTextCursor linkUnderCursor(const QTextCursor &cursor);
/// Links the selection to \a url, or inserts \a text linked when nothing is selected.
void setLink(QTextCursor cursor, const QString &url, const QString &text, const QColor &linkColor);
void removeLink(QTextCursor cursor);
/// Removes character formatting (bold, colour, …) from the selection; links and images stay.
void clearFormatting(QTextCursor cursor);
/// \a cursor ends in the paragraph after the rule.
void insertHorizontalRule(QTextCursor &cursor);
/// \a cursor ends in the first cell.
void insertTable(QTextCursor &cursor, int rows, int columns);

} // namespace ArticleCommands

} // namespace ListingDesk
