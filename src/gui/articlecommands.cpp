#include "articlecommands.h"

#include "articleformat.h"

#include <QFont>
#include <QTextBlock>
#include <QTextDocument>
#include <QTextList>
#include <QTextTable>

#include <functional>

namespace ListingDesk::ArticleCommands {

namespace {

// Every block touched by the cursor's selection (or the cursor's block).
QList<QTextBlock> selectedBlocks(const QTextCursor &cursor)
{
    QList<QTextBlock> blocks;
    const QTextDocument *document = cursor.document();
    QTextBlock block = document->findBlock(cursor.selectionStart());
    const QTextBlock last = document->findBlock(cursor.selectionEnd());
    while (block.isValid()) {
        blocks << block;
        if (block == last)
            break;
        block = block.next();
    }
    return blocks;
}

// Replaces the character format of every fragment in the cursor's selection
// by \a change applied to it (mergeCharFormat cannot remove properties).
void transformCharFormats(QTextCursor cursor, const std::function<void(QTextCharFormat &)> &change)
{
    const int start = cursor.selectionStart();
    const int end = cursor.selectionEnd();
    QTextDocument *document = cursor.document();
    // Collect first: changing a format merges and splits fragments under an iterator.
    struct Part
    {
        int from;
        int to;
        QTextCharFormat format;
    };
    QList<Part> parts;
    for (QTextBlock block = document->findBlock(start); block.isValid() && block.position() < end;
         block = block.next()) {
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            const QTextFragment fragment = it.fragment();
            const int from = std::max(start, fragment.position());
            const int to = std::min(end, fragment.position() + fragment.length());
            if (from < to && !fragment.charFormat().isImageFormat())
                parts.append({from, to, fragment.charFormat()});
        }
    }
    for (Part &part : parts) {
        change(part.format);
        QTextCursor range(document);
        range.setPosition(part.from);
        range.setPosition(part.to, QTextCursor::KeepAnchor);
        range.setCharFormat(part.format);
    }
}

} // namespace

void setHeadingLevel(QTextCursor cursor, int level)
{
    cursor.beginEditBlock();
    for (const QTextBlock &block : selectedBlocks(cursor)) {
        QTextCursor blockCursor(block);
        QTextBlockFormat format = block.blockFormat();
        format.setHeadingLevel(level);
        blockCursor.setBlockFormat(format);
        // How QTextDocument itself shows <h1>…<h3>: bold, larger.
        QTextCharFormat look;
        look.setFontWeight(level > 0 ? QFont::Bold : QFont::Normal);
        look.setProperty(QTextFormat::FontSizeAdjustment, level > 0 ? 4 - level : 0);
        blockCursor.movePosition(QTextCursor::EndOfBlock, QTextCursor::KeepAnchor);
        blockCursor.mergeCharFormat(look);
        blockCursor.mergeBlockCharFormat(look);
    }
    cursor.endEditBlock();
}

void toggleList(QTextCursor cursor, QTextListFormat::Style style)
{
    cursor.beginEditBlock();
    QTextList *list = cursor.currentList();
    if (list && list->format().style() == style) {
        for (const QTextBlock &block : selectedBlocks(cursor)) {
            if (QTextList *own = block.textList())
                own->remove(block);
            QTextCursor blockCursor(block);
            QTextBlockFormat format = block.blockFormat();
            format.setIndent(0);
            blockCursor.setBlockFormat(format);
        }
    } else if (list) {
        QTextListFormat format = list->format();
        format.setStyle(style);
        list->setFormat(format);
    } else {
        QTextListFormat format;
        format.setStyle(style);
        format.setIndent(1);
        cursor.createList(format);
    }
    cursor.endEditBlock();
}

void changeIndent(QTextCursor cursor, int delta)
{
    cursor.beginEditBlock();
    for (const QTextBlock &block : selectedBlocks(cursor)) {
        QTextCursor blockCursor(block);
        if (QTextList *list = block.textList()) {
            QTextListFormat format = list->format();
            const int target = std::max(1, format.indent() + delta);
            if (target == format.indent())
                continue;
            // Rejoin the list the previous item belongs to when it has this
            // level, so that outdenting continues the outer list.
            const QTextBlock previous = block.previous();
            QTextList *previousList = previous.isValid() ? previous.textList() : nullptr;
            if (previousList && previousList != list && previousList->format().indent() == target) {
                list->remove(block);
                previousList->add(block);
            } else {
                format.setIndent(target);
                blockCursor.createList(format);
            }
        } else {
            QTextBlockFormat format = block.blockFormat();
            format.setIndent(std::clamp(format.indent() + delta, 0, 5));
            blockCursor.setBlockFormat(format);
        }
    }
    cursor.endEditBlock();
}

QTextCursor linkUnderCursor(const QTextCursor &cursor)
{
    if (cursor.hasSelection())
        return cursor;
    struct Piece
    {
        int from;
        int to;
        QString href;
    };
    QList<Piece> pieces;
    const QTextBlock block = cursor.block();
    for (auto it = block.begin(); !it.atEnd(); ++it) {
        const QTextFragment fragment = it.fragment();
        const QTextCharFormat format = fragment.charFormat();
        pieces.append({fragment.position(), fragment.position() + fragment.length(),
                       format.isAnchor() ? format.anchorHref() : QString()});
    }
    const int position = cursor.position();
    qsizetype found = -1;
    for (qsizetype i = 0; i < pieces.size(); ++i) {
        if (pieces[i].href.isEmpty() || position < pieces[i].from || position > pieces[i].to)
            continue;
        found = i;
        if (position < pieces[i].to)
            break; // inside beats touching the end
    }
    QTextCursor link(cursor.document());
    link.setPosition(position);
    if (found < 0)
        return link;
    // Neighbouring fragments with the same address are one link in other formats.
    qsizetype first = found;
    qsizetype last = found;
    while (first > 0 && pieces[first - 1].href == pieces[found].href)
        --first;
    while (last + 1 < pieces.size() && pieces[last + 1].href == pieces[found].href)
        ++last;
    link.setPosition(pieces[first].from);
    link.setPosition(pieces[last].to, QTextCursor::KeepAnchor);
    return link;
}

void setLink(QTextCursor cursor, const QString &url, const QString &text, const QColor &linkColor)
{
    QTextCharFormat format;
    format.setAnchor(true);
    format.setAnchorHref(url);
    format.setFontUnderline(true);
    format.setForeground(linkColor);
    cursor.beginEditBlock();
    const QTextCursor existing = linkUnderCursor(cursor);
    if (existing.hasSelection()) {
        QTextCursor target = existing;
        if (!text.isEmpty() && !cursor.hasSelection()) {
            target.insertText(text, format);
        } else {
            target.mergeCharFormat(format);
        }
    } else {
        cursor.insertText(text.isEmpty() ? url : text, format);
    }
    cursor.endEditBlock();
}

void removeLink(QTextCursor cursor)
{
    const QTextCursor link = linkUnderCursor(cursor);
    if (!link.hasSelection())
        return;
    QTextCursor edit = link;
    edit.beginEditBlock();
    transformCharFormats(link, [](QTextCharFormat &format) {
        if (!format.isAnchor())
            return;
        format.setAnchor(false);
        format.clearProperty(QTextFormat::AnchorHref);
        format.clearProperty(QTextFormat::TextUnderlineStyle);
        format.clearProperty(QTextFormat::FontUnderline);
        format.clearForeground();
    });
    edit.endEditBlock();
}

void clearFormatting(QTextCursor cursor)
{
    if (!cursor.hasSelection())
        cursor.select(QTextCursor::BlockUnderCursor);
    QTextCursor edit = cursor;
    edit.beginEditBlock();
    const bool inHeading = cursor.blockFormat().headingLevel() > 0;
    transformCharFormats(cursor, [inHeading](QTextCharFormat &format) {
        QTextCharFormat plain;
        if (format.isAnchor()) {
            plain.setAnchor(true);
            plain.setAnchorHref(format.anchorHref());
            plain.setFontUnderline(true);
            plain.setForeground(format.foreground());
        }
        if (inHeading) { // a heading's size and weight are the heading's, not formatting
            plain.setFontWeight(format.fontWeight());
            plain.setProperty(QTextFormat::FontSizeAdjustment,
                              format.property(QTextFormat::FontSizeAdjustment));
        }
        format = plain;
    });
    edit.endEditBlock();
}

void insertHorizontalRule(QTextCursor &cursor)
{
    QTextBlockFormat rule;
    rule.setProperty(QTextFormat::BlockTrailingHorizontalRulerWidth,
                     QTextLength(QTextLength::PercentageLength, 100));
    cursor.beginEditBlock();
    cursor.clearSelection();
    if (cursor.block().length() > 1) {
        cursor.movePosition(QTextCursor::EndOfBlock);
        cursor.insertBlock(rule, QTextCharFormat());
    } else {
        cursor.setBlockFormat(rule);
    }
    cursor.insertBlock(QTextBlockFormat(), QTextCharFormat());
    cursor.endEditBlock();
}

void insertTable(QTextCursor &cursor, int rows, int columns)
{
    QTextTableFormat format;
    format.setBorder(1);
    format.setBorderStyle(QTextFrameFormat::BorderStyle_Solid);
    format.setBorderCollapse(true);
    format.setCellPadding(4);
    format.setCellSpacing(0);
    format.setWidth(QTextLength(QTextLength::PercentageLength, 100));
    cursor.insertTable(rows, columns, format);
}

} // namespace ListingDesk::ArticleCommands
