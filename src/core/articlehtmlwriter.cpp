#include "articlehtmlwriter.h"

#include "htmlescape.h"

#include "articleformat.h"

#include <QFont>
#include <QTextBlock>
#include <QTextDocument>
#include <QTextFrame>
#include <QTextList>
#include <QTextTable>

#include <utility>
#include <vector>

namespace ListingDesk {

namespace {

// One escaping routine for every serialiser: see htmlescape.h.
void appendEscaped(QString &out, const QString &text, bool inAttribute)
{
    appendHtmlEscaped(out, text, inAttribute, true);
}

void appendAttribute(QString &out, QLatin1String name, const QString &value)
{
    out += u' ';
    out += name;
    out += QLatin1String("=\"");
    appendEscaped(out, value, true);
    out += u'"';
}

QString alignmentStyle(Qt::Alignment alignment)
{
    const Qt::Alignment horizontal = alignment & Qt::AlignHorizontal_Mask;
    if (horizontal & Qt::AlignHCenter)
        return QStringLiteral(" style=\"text-align:center\"");
    if (horizontal & Qt::AlignRight)
        return QStringLiteral(" style=\"text-align:right\"");
    if (horizontal & Qt::AlignJustify)
        return QStringLiteral(" style=\"text-align:justify\"");
    return {};
}

// One inline wrapper (<a href>, a colour span, <strong>, …). Fragments open
// and close wrappers in a fixed order so adjacent fragments share the ones
// they have in common: "<strong>a<em>b</em></strong>", and a document read
// back gives the same fragments, hence the same text.
struct Wrapper
{
    enum Kind { Link, Color, Strong, Em, Underline, Strike, Sup, Sub } kind;
    QString value;
    bool operator==(const Wrapper &other) const
    {
        return kind == other.kind && value == other.value;
    }
};

std::vector<Wrapper> wrappersOf(const QTextCharFormat &format, bool inHeading)
{
    std::vector<Wrapper> wrappers;
    const bool link = format.isAnchor() && !format.anchorHref().isEmpty();
    if (link)
        wrappers.push_back({Wrapper::Link, format.anchorHref()});
    // A link's underline and colour are how links look, not the author's markup.
    if (!link && format.foreground().style() != Qt::NoBrush)
        wrappers.push_back({Wrapper::Color, format.foreground().color().name()});
    // Headings are bold by themselves.
    if (!inHeading && format.hasProperty(QTextFormat::FontWeight) &&
        format.fontWeight() >= QFont::DemiBold)
        wrappers.push_back({Wrapper::Strong, {}});
    if (format.fontItalic())
        wrappers.push_back({Wrapper::Em, {}});
    if (!link && format.fontUnderline())
        wrappers.push_back({Wrapper::Underline, {}});
    if (format.fontStrikeOut())
        wrappers.push_back({Wrapper::Strike, {}});
    if (format.verticalAlignment() == QTextCharFormat::AlignSuperScript)
        wrappers.push_back({Wrapper::Sup, {}});
    else if (format.verticalAlignment() == QTextCharFormat::AlignSubScript)
        wrappers.push_back({Wrapper::Sub, {}});
    return wrappers;
}

void openWrapper(QString &out, const Wrapper &wrapper)
{
    switch (wrapper.kind) {
    case Wrapper::Link:
        out += QLatin1String("<a");
        appendAttribute(out, QLatin1String("href"), wrapper.value);
        out += u'>';
        break;
    case Wrapper::Color:
        out += QLatin1String("<span style=\"color:") + wrapper.value + QLatin1String("\">");
        break;
    case Wrapper::Strong:
        out += QLatin1String("<strong>");
        break;
    case Wrapper::Em:
        out += QLatin1String("<em>");
        break;
    case Wrapper::Underline:
        out += QLatin1String("<u>");
        break;
    case Wrapper::Strike:
        out += QLatin1String("<s>");
        break;
    case Wrapper::Sup:
        out += QLatin1String("<sup>");
        break;
    case Wrapper::Sub:
        out += QLatin1String("<sub>");
        break;
    }
}

void closeWrapper(QString &out, const Wrapper &wrapper)
{
    static const char *const names[] = {"a", "span", "strong", "em", "u", "s", "sup", "sub"};
    out += QLatin1String("</") + QLatin1String(names[wrapper.kind]) + u'>';
}

bool isSpace(QChar c)
{
    return c == u' ' || c == u'\t' || c == QChar::Nbsp || c == QChar::LineSeparator;
}

class Writer
{
public:
    explicit Writer(const QTextDocument *document) : m_document(document) {}

    QString run()
    {
        QStringList blocks;
        writeItems(m_document->rootFrame()->begin(), blocks);
        return blocks.join(u'\n');
    }

private:
    struct OpenList
    {
        QTextList *list;
        int indent;
    };

    // Writes the blocks and tables from \a it to the end of its frame or
    // table cell, one entry per top-level element.
    void writeItems(QTextFrame::iterator it, QStringList &out)
    {
        std::vector<OpenList> lists;
        QString current; // the list being written, if any
        const auto closeLists = [&](std::size_t keep) {
            while (lists.size() > keep) {
                current += QLatin1String("</li>");
                current += lists.back().list->format().style() < QTextListFormat::ListSquare
                               ? QLatin1String("</ol>")
                               : QLatin1String("</ul>");
                lists.pop_back();
            }
            if (lists.empty() && !current.isEmpty()) {
                out << current;
                current.clear();
            }
        };

        for (; !it.atEnd(); ++it) {
            if (QTextFrame *child = it.currentFrame()) {
                closeLists(0);
                if (auto *table = qobject_cast<QTextTable *>(child))
                    out << table_(table);
                continue;
            }
            const QTextBlock block = it.currentBlock();
            QTextList *list = block.textList();
            if (!list) {
                closeLists(0);
                const QString html = blockHtml(block);
                if (!html.isEmpty())
                    out << html;
                continue;
            }
            const int indent = list->format().indent();
            while (!lists.empty() && (lists.back().indent > indent ||
                                      (lists.back().indent == indent && lists.back().list != list)))
                closeLists(lists.size() - 1);
            if (lists.empty() || lists.back().list != list) {
                const bool ordered = list->format().style() < QTextListFormat::ListSquare;
                current += ordered ? QLatin1String("<ol>") : QLatin1String("<ul>");
                lists.push_back({list, indent});
            } else {
                current += QLatin1String("</li>");
            }
            current += QLatin1String("<li>") + inlineHtml(block, false);
        }
        closeLists(0);
    }

    QString table_(QTextTable *table)
    {
        QString out = QStringLiteral("<table>");
        for (int row = 0; row < table->rows(); ++row) {
            out += QLatin1String("<tr>");
            for (int column = 0; column < table->columns(); ++column) {
                const QTextTableCell cell = table->cellAt(row, column);
                if (cell.row() != row || cell.column() != column)
                    continue; // covered by a span
                out += QLatin1String("<td");
                if (cell.columnSpan() > 1)
                    appendAttribute(out, QLatin1String("colspan"),
                                    QString::number(cell.columnSpan()));
                if (cell.rowSpan() > 1)
                    appendAttribute(out, QLatin1String("rowspan"), QString::number(cell.rowSpan()));
                out += u'>';
                out += cellHtml(cell);
                out += QLatin1String("</td>");
            }
            out += QLatin1String("</tr>");
        }
        out += QLatin1String("</table>");
        return out;
    }

    QString cellHtml(const QTextTableCell &cell)
    {
        // A one-paragraph cell is written as its text: <td>a</td>, not <td><p>a</p></td>.
        const auto first = cell.begin();
        if (!first.atEnd() && !first.currentFrame()) {
            auto next = first;
            ++next;
            const QTextBlock block = first.currentBlock();
            if (next.atEnd() && !block.textList() && block.blockFormat().headingLevel() == 0 &&
                !block.blockFormat().hasProperty(QTextFormat::BlockTrailingHorizontalRulerWidth))
                return inlineHtml(block, false);
        }
        QStringList parts;
        writeItems(cell.begin(), parts);
        return parts.join(QString());
    }

    QString blockHtml(const QTextBlock &block)
    {
        const QTextBlockFormat format = block.blockFormat();
        if (format.hasProperty(QTextFormat::BlockTrailingHorizontalRulerWidth))
            return QStringLiteral("<hr>");
        if (ArticleFormat::isCaption(format) && block.previous().isValid() &&
            ArticleFormat::isFigure(block.previous().blockFormat()))
            return {}; // written with its figure
        if (ArticleFormat::isFigure(format)) {
            QString out = QStringLiteral("<figure>") + inlineHtml(block, false);
            const QTextBlock next = block.next();
            if (next.isValid() && ArticleFormat::isCaption(next.blockFormat()) && next.length() > 1)
                out += QLatin1String("<figcaption>") + inlineHtml(next, false) +
                       QLatin1String("</figcaption>");
            return out + QLatin1String("</figure>");
        }
        if (block.length() <= 1)
            return {}; // empty paragraphs are spacing, which the portal's style decides
        int level = format.headingLevel();
        const QString inner = inlineHtml(block, level > 0);
        QString tag = QStringLiteral("p");
        if (level > 0)
            tag = QStringLiteral("h%1").arg(std::min(level, 6));
        QString open = u'<' + tag;
        if (!ArticleFormat::isCaption(format))
            open += alignmentStyle(format.alignment());
        QString out = open + u'>' + inner + QLatin1String("</") + tag + u'>';
        // Indented paragraphs are quotations; the sanitizer allows no margins.
        for (int i = 0; i < format.indent(); ++i)
            out = QLatin1String("<blockquote>") + out + QLatin1String("</blockquote>");
        return out;
    }

    QString inlineHtml(const QTextBlock &block, bool inHeading)
    {
        QString out;
        std::vector<Wrapper> open;
        const QString text = block.text();
        const int blockStart = block.position();
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            const QTextFragment fragment = it.fragment();
            if (!fragment.isValid())
                continue;
            const QTextCharFormat format = fragment.charFormat();
            const std::vector<Wrapper> wanted = wrappersOf(format, inHeading);
            std::size_t common = 0;
            while (common < open.size() && common < wanted.size() && open[common] == wanted[common])
                ++common;
            while (open.size() > common) {
                closeWrapper(out, open.back());
                open.pop_back();
            }
            for (std::size_t i = common; i < wanted.size(); ++i) {
                openWrapper(out, wanted[i]);
                open.push_back(wanted[i]);
            }
            const int offset = fragment.position() - blockStart;
            const QString fragmentText = fragment.text();
            for (int i = 0; i < fragmentText.size(); ++i) {
                const QChar c = fragmentText.at(i);
                const int at = offset + i;
                if (c == QChar::ObjectReplacementCharacter) {
                    if (format.isImageFormat())
                        image(out, format.toImageFormat());
                } else if (c == QChar::LineSeparator) {
                    out += QLatin1String("<br>");
                } else if (c == u' ' || c == u'\t') {
                    // HTML collapses spaces: keep the ones it would drop.
                    const bool collapsible = at == 0 || at + 1 >= text.size() ||
                                             isSpace(text.at(at - 1)) ||
                                             text.at(at + 1) == QChar::LineSeparator;
                    out += collapsible ? QStringLiteral("&nbsp;") : QStringLiteral(" ");
                } else {
                    appendEscaped(out, QString(c), false);
                }
            }
        }
        while (!open.empty()) {
            closeWrapper(out, open.back());
            open.pop_back();
        }
        return out;
    }

    static void image(QString &out, const QTextImageFormat &format)
    {
        out += QLatin1String("<img");
        appendAttribute(out, QLatin1String("src"), format.name());
        const QString alt = format.stringProperty(QTextFormat::ImageAltText);
        if (!alt.isEmpty())
            appendAttribute(out, QLatin1String("alt"), alt);
        if (format.hasProperty(QTextFormat::ImageWidth) && format.width() > 0)
            appendAttribute(out, QLatin1String("width"), QString::number(qRound(format.width())));
        if (format.hasProperty(QTextFormat::ImageHeight) && format.height() > 0)
            appendAttribute(out, QLatin1String("height"), QString::number(qRound(format.height())));
        out += u'>';
    }

    const QTextDocument *m_document;
};

} // namespace

QString ArticleHtmlWriter::write(const QTextDocument *document)
{
    if (!document || document->isEmpty())
        return {};
    return Writer(document).run();
}

} // namespace ListingDesk
