#include "articlehtmlreader.h"

#include "htmlescape.h"

#include "articleformat.h"

#include <gumbo.h>

#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>

namespace ListingDesk {

namespace {

constexpr int MaxDepth = 200; // deeper subtrees are flattened to text (cf. the sanitizer)

// One escaping routine for every serialiser: see htmlescape.h.
void appendEscaped(QString &out, const QString &text, bool inAttribute)
{
    appendHtmlEscaped(out, text, inAttribute, false);
}

QString tagName(const GumboElement &element)
{
    if (element.tag != GUMBO_TAG_UNKNOWN)
        return QString::fromLatin1(gumbo_normalized_tagname(element.tag));
    // Unknown tags keep their original spelling; lower-case it like gumbo does.
    GumboStringPiece piece = element.original_tag;
    gumbo_tag_from_original_text(&piece);
    return QString::fromUtf8(piece.data, qsizetype(piece.length)).toLower();
}

bool isVoid(GumboTag tag)
{
    return tag == GUMBO_TAG_BR || tag == GUMBO_TAG_HR || tag == GUMBO_TAG_IMG;
}

bool isParagraphLike(GumboTag tag)
{
    switch (tag) {
    case GUMBO_TAG_P:
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
        return true;
    default:
        return false;
    }
}

// The value of text-align in a style attribute, lower case; empty if none.
// QTextDocument's CSS reader does not know "justify"; the align attribute it does.
QString textAlignOf(const QString &style)
{
    const QStringList declarations = style.split(u';', Qt::SkipEmptyParts);
    for (const QString &declaration : declarations) {
        const qsizetype colon = declaration.indexOf(u':');
        if (colon > 0 && declaration.left(colon).trimmed().compare(QLatin1String("text-align"),
                                                                   Qt::CaseInsensitive) == 0)
            return declaration.mid(colon + 1).trimmed().toLower();
    }
    return {};
}

class Converter
{
public:
    QString run(const GumboNode *root)
    {
        QString out;
        const GumboNode *body = findBody(root);
        if (body)
            children(body, out, 0);
        return out;
    }

private:
    static const GumboNode *findBody(const GumboNode *node)
    {
        if (node->type != GUMBO_NODE_ELEMENT && node->type != GUMBO_NODE_DOCUMENT)
            return nullptr;
        if (node->type == GUMBO_NODE_ELEMENT && node->v.element.tag == GUMBO_TAG_BODY)
            return node;
        const GumboVector &kids = node->type == GUMBO_NODE_DOCUMENT ? node->v.document.children
                                                                    : node->v.element.children;
        for (unsigned int i = 0; i < kids.length; ++i) {
            if (const GumboNode *found = findBody(static_cast<const GumboNode *>(kids.data[i])))
                return found;
        }
        return nullptr;
    }

    void children(const GumboNode *node, QString &out, int depth)
    {
        const GumboVector &kids = node->v.element.children;
        for (unsigned int i = 0; i < kids.length; ++i)
            this->node(static_cast<const GumboNode *>(kids.data[i]), out, depth + 1);
    }

    void node(const GumboNode *node, QString &out, int depth)
    {
        switch (node->type) {
        case GUMBO_NODE_TEXT:
        case GUMBO_NODE_WHITESPACE:
        case GUMBO_NODE_CDATA:
            appendEscaped(out, QString::fromUtf8(node->v.text.text), false);
            break;
        case GUMBO_NODE_ELEMENT:
            element(node, out, depth);
            break;
        default:
            break;
        }
    }

    void element(const GumboNode *node, QString &out, int depth)
    {
        const GumboElement &element = node->v.element;
        switch (element.tag) {
        case GUMBO_TAG_SCRIPT:
        case GUMBO_TAG_STYLE:
        case GUMBO_TAG_HEAD:
        case GUMBO_TAG_TITLE:
            return; // never in stored bodies; never shown either
        case GUMBO_TAG_FIGURE:
            return figure(node, out, depth);
        case GUMBO_TAG_BLOCKQUOTE:
            ++m_quoteDepth;
            children(node, out, depth);
            --m_quoteDepth;
            return;
        default:
            break;
        }
        if (depth > MaxDepth)
            return children(node, out, depth);

        const QString name = tagName(element);
        out += u'<' + name;
        QString style;
        for (unsigned int i = 0; i < element.attributes.length; ++i) {
            const auto *attribute = static_cast<const GumboAttribute *>(element.attributes.data[i]);
            const QString attributeName = QString::fromUtf8(attribute->name);
            if (attributeName == QLatin1String("style")) {
                style = QString::fromUtf8(attribute->value);
                continue;
            }
            out += u' ' + attributeName + QLatin1String("=\"");
            appendEscaped(out, QString::fromUtf8(attribute->value), true);
            out += u'"';
        }
        if (isParagraphLike(element.tag) && !gumbo_get_attribute(&element.attributes, "align")) {
            const QString align = textAlignOf(style);
            if (align == QLatin1String("justify") || align == QLatin1String("center") ||
                align == QLatin1String("right") || align == QLatin1String("left"))
                out += QLatin1String(" align=\"") + align + u'"';
        }
        if (isParagraphLike(element.tag) && m_quoteDepth > 0)
            style += QStringLiteral(";-qt-block-indent:%1").arg(m_quoteDepth);
        if (element.tag == GUMBO_TAG_TABLE && !gumbo_get_attribute(&element.attributes, "border")) {
            // Borders while editing; the writer never writes them.
            out += QLatin1String(" border=\"1\" cellspacing=\"0\" cellpadding=\"4\"");
        }
        if (!style.isEmpty()) {
            out += QLatin1String(" style=\"");
            appendEscaped(out, style, true);
            out += u'"';
        }
        out += u'>';
        if (isVoid(element.tag))
            return;
        children(node, out, depth);
        out += QLatin1String("</") + name + u'>';
    }

    // <figure><img …><figcaption>…</figcaption></figure> becomes an image
    // paragraph and a caption paragraph, the latter always present so there
    // is a place to type a caption.
    void figure(const GumboNode *node, QString &out, int depth)
    {
        QString images;
        QString caption;
        const GumboVector &kids = node->v.element.children;
        for (unsigned int i = 0; i < kids.length; ++i) {
            const auto *kid = static_cast<const GumboNode *>(kids.data[i]);
            if (kid->type == GUMBO_NODE_ELEMENT && kid->v.element.tag == GUMBO_TAG_FIGCAPTION)
                children(kid, caption, depth + 1);
            else if (kid->type != GUMBO_NODE_WHITESPACE)
                this->node(kid, images, depth + 1);
        }
        out += QStringLiteral("<p align=\"center\" style=\"-qt-user-state:%1\">")
                   .arg(ArticleFormat::FigureUserState) +
               images + QLatin1String("</p>");
        out += QStringLiteral("<p align=\"center\" style=\"-qt-user-state:%1\">")
                   .arg(ArticleFormat::CaptionUserState) +
               caption + QLatin1String("</p>");
    }

    int m_quoteDepth = 0;
};

} // namespace

QString ArticleHtmlReader::toQtHtml(const QString &storedHtml)
{
    const QByteArray utf8 = storedHtml.toUtf8();
    GumboOutput *output =
        gumbo_parse_with_options(&kGumboDefaultOptions, utf8.constData(), std::size_t(utf8.size()));
    const QString html = Converter().run(output->document);
    gumbo_destroy_output(&kGumboDefaultOptions, output);
    return html;
}

void ArticleHtmlReader::applyMarkers(QTextDocument *document)
{
    QTextCursor cursor(document);
    // One edit block: the layout hears of all changes once, not per figure.
    cursor.beginEditBlock();
    for (QTextBlock block = document->begin(); block.isValid(); block = block.next()) {
        const int state = block.userState();
        if (state != ArticleFormat::FigureUserState && state != ArticleFormat::CaptionUserState)
            continue;
        QTextBlockFormat format;
        format.setProperty(state == ArticleFormat::FigureUserState ? ArticleFormat::FigureProperty
                                                                   : ArticleFormat::CaptionProperty,
                           true);
        cursor.setPosition(block.position());
        cursor.mergeBlockFormat(format);
        block.setUserState(-1);
    }
    cursor.endEditBlock();
}

void ArticleHtmlReader::load(QTextDocument *document, const QString &storedHtml)
{
    // Loading is not an edit the user could undo.
    const bool undo = document->isUndoRedoEnabled();
    document->setUndoRedoEnabled(false);
    document->setHtml(toQtHtml(storedHtml));
    applyMarkers(document);
    document->setUndoRedoEnabled(undo);
}

} // namespace ListingDesk
