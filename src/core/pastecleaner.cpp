#include "pastecleaner.h"

#include "htmlsanitizer.h"

#include <gumbo.h>

#include <QByteArray>
#include <QList>
#include <QStringView>

#include <algorithm>
#include <vector>

namespace ListingDesk {

namespace {

// The clipboard HTML is parsed once here, rewritten into plain structural
// markup (the word-processor and web-page specific part of the job), and
// that markup then goes through the sanitizer, which owns what is safe.

// As in the sanitizer: deeper subtrees are written as their text only.
constexpr int MaxDepth = 200;
constexpr int MaxListLevel = 9;

QString attribute(const GumboElement &element, const char *name)
{
    const GumboAttribute *found = gumbo_get_attribute(&element.attributes, name);
    return found ? QString::fromUtf8(found->value) : QString();
}

QString asciiLower(QStringView text)
{
    QString out;
    out.reserve(text.size());
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        out += (u >= u'A' && u <= u'Z') ? QChar(u + (u'a' - u'A')) : c;
    }
    return out;
}

// The value of one CSS property in a style attribute (the last one wins),
// lower case and trimmed; empty when absent. Only used to recognise what an
// office suite or a web page meant, never copied to the output.
QString styleValue(const GumboElement &element, QLatin1String property)
{
    const QString style = attribute(element, "style");
    QString value;
    for (const QStringView declaration : QStringView(style).split(u';')) {
        const qsizetype colon = declaration.indexOf(u':');
        if (colon < 0)
            continue;
        if (asciiLower(declaration.left(colon).trimmed()) == property)
            value = asciiLower(declaration.mid(colon + 1).trimmed());
    }
    return value;
}

// Text a reader cannot see is not content: Word's mso-hide, hidden web
// widgets, zero-size tracking images.
bool isHidden(const GumboElement &element)
{
    if (gumbo_get_attribute(&element.attributes, "hidden"))
        return true;
    if (styleValue(element, QLatin1String("display")) == QLatin1String("none") ||
        styleValue(element, QLatin1String("visibility")) == QLatin1String("hidden") ||
        styleValue(element, QLatin1String("mso-hide")) == QLatin1String("all"))
        return true;
    if (element.tag == GUMBO_TAG_IMG) {
        for (const QLatin1String side : {QLatin1String("width"), QLatin1String("height")}) {
            const QString size = styleValue(element, side);
            if (size == QLatin1String("0") || size == QLatin1String("0px") ||
                size == QLatin1String("1px"))
                return true;
        }
    }
    return false;
}

// Class and id words that mark the page around an article on news and
// portal sites (share bars, ads, "related" boxes, breadcrumbs). A selection
// copied from such a page usually drags some of them along.
bool isPageChrome(const GumboElement &element)
{
    if (element.tag == GUMBO_TAG_NAV || element.tag == GUMBO_TAG_ASIDE)
        return true;
    static const QStringList words = {QStringLiteral("ad"),        QStringLiteral("ads"),
                                      QStringLiteral("advert"),    QStringLiteral("advertisement"),
                                      QStringLiteral("banner"),    QStringLiteral("share"),
                                      QStringLiteral("social"),    QStringLiteral("sidebar"),
                                      QStringLiteral("comment"),   QStringLiteral("comments"),
                                      QStringLiteral("recommend"), QStringLiteral("related"),
                                      QStringLiteral("nav"),       QStringLiteral("navbar"),
                                      QStringLiteral("menu"),      QStringLiteral("breadcrumb"),
                                      QStringLiteral("crumb"),     QStringLiteral("crumbs")};
    const QString names = asciiLower(attribute(element, "class") + u' ' + attribute(element, "id"));
    for (const QStringView word : QStringView(names).split(u' ')) {
        for (const QStringView part : word.split(u'-')) {
            for (const QStringView piece : part.split(u'_')) {
                if (!piece.isEmpty() && words.contains(piece.toString()))
                    return true;
            }
        }
    }
    return false;
}

// Elements that never carry article content; the sanitizer would drop them
// too, but their text must not reach it as text either.
bool isDropped(const GumboElement &element)
{
    if (element.tag_namespace != GUMBO_NAMESPACE_HTML)
        return true;
    switch (element.tag) {
    case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_STYLE:
    case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_NOEMBED:
    case GUMBO_TAG_NOFRAMES:
    case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_OBJECT:
    case GUMBO_TAG_EMBED:
    case GUMBO_TAG_APPLET:
    case GUMBO_TAG_TEXTAREA:
    case GUMBO_TAG_TITLE:
    case GUMBO_TAG_XMP:
    case GUMBO_TAG_PLAINTEXT:
    case GUMBO_TAG_HEAD:
    case GUMBO_TAG_META:
    case GUMBO_TAG_LINK:
    case GUMBO_TAG_BASE:
    case GUMBO_TAG_FORM:
    case GUMBO_TAG_INPUT:
    case GUMBO_TAG_BUTTON:
    case GUMBO_TAG_SELECT:
    case GUMBO_TAG_SVG:
    case GUMBO_TAG_MATH:
        return true;
    default:
        return isHidden(element) || isPageChrome(element);
    }
}

bool isVoid(GumboTag tag)
{
    switch (tag) {
    case GUMBO_TAG_AREA:
    case GUMBO_TAG_BR:
    case GUMBO_TAG_COL:
    case GUMBO_TAG_HR:
    case GUMBO_TAG_IMG:
    case GUMBO_TAG_WBR:
    case GUMBO_TAG_SOURCE:
    case GUMBO_TAG_TRACK:
        return true;
    default:
        return false;
    }
}

bool isBlock(GumboTag tag)
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
    case GUMBO_TAG_UL:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_TABLE:
    case GUMBO_TAG_TR:
    case GUMBO_TAG_TD:
    case GUMBO_TAG_TH:
    case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_HR:
    case GUMBO_TAG_BR:
        return true;
    default:
        return false;
    }
}

// Chinese, Japanese and Korean text has no spaces between words, so a line
// break that a word processor put into the HTML source between two such
// characters must vanish rather than become a space.
bool isCjk(char32_t u)
{
    if ((u >= 0x3000 && u <= 0x303F) || (u >= 0xFF00 && u <= 0xFFEF))
        return true; // CJK and full-width punctuation
    switch (QChar::script(u)) {
    case QChar::Script_Han:
    case QChar::Script_Hiragana:
    case QChar::Script_Katakana:
    case QChar::Script_Hangul:
    case QChar::Script_Bopomofo:
        return true;
    default:
        return false;
    }
}

bool isHtmlSpace(QChar c)
{
    const char16_t u = c.unicode();
    return u == u' ' || u == u'\t' || u == u'\n' || u == u'\r' || u == u'\f';
}

// Word writes a list item as <p style="mso-list:l0 level2 lfo1"> with the
// bullet or number as text in a <span style="mso-list:Ignore">.
struct WordListItem
{
    const GumboNode *node = nullptr;
    QString list; // "l0"
    int level = 0;
};

WordListItem wordListItem(const GumboNode *node)
{
    WordListItem item;
    if (node->type != GUMBO_NODE_ELEMENT || node->v.element.tag != GUMBO_TAG_P)
        return item;
    const QString list = styleValue(node->v.element, QLatin1String("mso-list"));
    const QList<QStringView> words = QStringView(list).split(u' ', Qt::SkipEmptyParts);
    if (words.size() < 2 || !words[1].startsWith(u"level"))
        return item;
    bool ok = false;
    const int level = words[1].mid(5).toInt(&ok);
    if (!ok || level < 1)
        return item;
    item.node = node;
    item.list = words[0].toString();
    item.level = std::min(level, MaxListLevel);
    return item;
}

bool isWordListMarker(const GumboElement &element)
{
    return element.tag == GUMBO_TAG_SPAN &&
           styleValue(element, QLatin1String("mso-list")) == QLatin1String("ignore");
}

void appendTextOf(const GumboNode *node, QString &out)
{
    std::vector<const GumboNode *> stack{node};
    while (!stack.empty()) {
        const GumboNode *current = stack.back();
        stack.pop_back();
        if (current->type == GUMBO_NODE_TEXT || current->type == GUMBO_NODE_WHITESPACE)
            out += QString::fromUtf8(current->v.text.text);
        if (current->type != GUMBO_NODE_ELEMENT)
            continue;
        const GumboVector &kids = current->v.element.children;
        for (unsigned int i = kids.length; i > 0; --i)
            stack.push_back(static_cast<const GumboNode *>(kids.data[i - 1]));
    }
}

const GumboNode *findWordListMarker(const GumboNode *node, int depth = 0)
{
    if (node->type != GUMBO_NODE_ELEMENT || depth > 4)
        return nullptr;
    if (isWordListMarker(node->v.element))
        return node;
    const GumboVector &kids = node->v.element.children;
    for (unsigned int i = 0; i < kids.length; ++i) {
        if (const GumboNode *found =
                findWordListMarker(static_cast<const GumboNode *>(kids.data[i]), depth + 1))
            return found;
    }
    return nullptr;
}

// "1." "a)" "iv." "一、" "（二）" "12" number an item; "·" "§" "o" and the
// letters Word writes in the Wingdings font for its bullets ("l" is a black
// circle, "n" a square) do not: a lone letter needs its punctuation.
bool isNumberMarker(const QString &marker)
{
    QString text;
    for (const QChar c : marker) {
        if (!isHtmlSpace(c) && c.unicode() != 0xA0)
            text += c;
    }
    int numerals = 0;
    bool digit = false;
    bool punctuation = false;
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if (u >= u'0' && u <= u'9') {
            digit = true;
            ++numerals;
        } else if ((u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z') ||
                   QStringView(u"一二三四五六七八九十").contains(c)) {
            ++numerals;
        } else if (QStringView(u".)、（）(").contains(c)) {
            punctuation = true;
        } else {
            return false;
        }
    }
    return numerals > 0 && (digit || punctuation);
}

class Writer
{
public:
    QString take() { return std::move(m_out); }

    void children(const GumboNode *parent, int depth)
    {
        const GumboVector &kids = parent->v.element.children;
        for (unsigned int i = 0; i < kids.length; ++i) {
            const auto *child = static_cast<const GumboNode *>(kids.data[i]);
            const WordListItem item = wordListItem(child);
            if (!item.node) {
                node(child, depth + 1);
                continue;
            }
            // A run of Word list paragraphs, whitespace between them allowed.
            std::vector<WordListItem> items{item};
            unsigned int next = i + 1;
            for (; next < kids.length; ++next) {
                const auto *sibling = static_cast<const GumboNode *>(kids.data[next]);
                if (sibling->type == GUMBO_NODE_WHITESPACE || sibling->type == GUMBO_NODE_COMMENT)
                    continue;
                const WordListItem more = wordListItem(sibling);
                if (!more.node || more.list != item.list)
                    break;
                items.push_back(more);
                i = next;
            }
            wordList(items, depth + 1);
        }
    }

private:
    void node(const GumboNode *node, int depth)
    {
        switch (node->type) {
        case GUMBO_NODE_TEXT:
        case GUMBO_NODE_WHITESPACE:
            text(QString::fromUtf8(node->v.text.text));
            return;
        case GUMBO_NODE_ELEMENT:
            element(node, depth);
            return;
        default:
            return; // comments, Office's <![if ...]> and <!--StartFragment-->
        }
    }

    void element(const GumboNode *node, int depth)
    {
        const GumboElement &element = node->v.element;
        if (isDropped(element) || isWordListMarker(element))
            return;
        if (depth > MaxDepth) {
            QString flat;
            appendTextOf(node, flat);
            text(flat);
            return;
        }
        const GumboTag tag = element.tag;
        if (tag == GUMBO_TAG_PRE) {
            ++m_inPre;
            open(element);
            children(node, depth);
            close(tag);
            --m_inPre;
            return;
        }
        if (tag == GUMBO_TAG_UNKNOWN || tag == GUMBO_TAG_SPAN || tag == GUMBO_TAG_FONT) {
            // o:p, v:shape, span, font: only what their style means survives.
            inlineStyled(node, depth);
            return;
        }
        if ((tag == GUMBO_TAG_B || tag == GUMBO_TAG_STRONG) &&
            isNormalWeight(styleValue(element, QLatin1String("font-weight")))) {
            // Google Docs wraps a whole paste in <b style="font-weight:normal">.
            children(node, depth);
            return;
        }
        if (tag == GUMBO_TAG_BR) {
            // Written only when text follows in the same block: a break at
            // the start or end of a paragraph, or between blocks, is an
            // empty line the user did not mean to paste.
            ++m_pendingBreaks;
            m_pendingSpace = false;
            return;
        }
        open(element);
        if (!isVoid(tag)) {
            children(node, depth);
            close(tag);
        }
    }

    static bool isNormalWeight(const QString &weight)
    {
        return weight == QLatin1String("normal") || weight == QLatin1String("400");
    }

    static bool isBoldWeight(const QString &weight)
    {
        return weight == QLatin1String("bold") || weight == QLatin1String("bolder") ||
               weight == QLatin1String("600") || weight == QLatin1String("700") ||
               weight == QLatin1String("800") || weight == QLatin1String("900");
    }

    // Web editors and Google Docs make bold and italic with CSS on spans.
    void inlineStyled(const GumboNode *node, int depth)
    {
        const GumboElement &element = node->v.element;
        const bool bold = isBoldWeight(styleValue(element, QLatin1String("font-weight")));
        const bool italic =
            styleValue(element, QLatin1String("font-style")) == QLatin1String("italic");
        if (bold)
            m_out += QLatin1String("<b>");
        if (italic)
            m_out += QLatin1String("<i>");
        children(node, depth);
        if (italic)
            m_out += QLatin1String("</i>");
        if (bold)
            m_out += QLatin1String("</b>");
    }

    void wordList(const std::vector<WordListItem> &items, int depth)
    {
        dropPendingSpace();
        std::vector<bool> open; // one entry per open list: ordered or not
        for (const WordListItem &item : items) {
            while (int(open.size()) > item.level) {
                m_out += open.back() ? QLatin1String("</li></ol>") : QLatin1String("</li></ul>");
                open.pop_back();
            }
            if (int(open.size()) == item.level)
                m_out += QLatin1String("</li>");
            while (int(open.size()) < item.level) {
                QString marker;
                if (const GumboNode *found = findWordListMarker(item.node))
                    appendTextOf(found, marker);
                const bool ordered = isNumberMarker(marker);
                m_out += ordered ? QLatin1String("<ol>") : QLatin1String("<ul>");
                open.push_back(ordered);
            }
            m_out += QLatin1String("<li>");
            children(item.node, depth);
            dropPendingSpace();
        }
        while (!open.empty()) {
            m_out += open.back() ? QLatin1String("</li></ol>") : QLatin1String("</li></ul>");
            open.pop_back();
        }
    }

    void open(const GumboElement &element)
    {
        // A space before an inline element waits for its first character.
        if (isBlock(element.tag))
            dropPendingSpace();
        else if (element.tag == GUMBO_TAG_IMG)
            flushPendingSpace(0xFFFC);
        m_out += u'<';
        m_out += QLatin1String(gumbo_normalized_tagname(element.tag));
        // The attributes the sanitizer can keep; it checks their values.
        for (const char *name :
             {"href", "title", "src", "alt", "width", "height", "colspan", "rowspan", "start"}) {
            const GumboAttribute *found = gumbo_get_attribute(&element.attributes, name);
            if (!found)
                continue;
            m_out += u' ';
            m_out += QLatin1String(name);
            m_out += QLatin1String("=\"");
            escape(QString::fromUtf8(found->value), true);
            m_out += u'"';
        }
        m_out += u'>';
        if (element.tag == GUMBO_TAG_IMG)
            m_lastChar = 0xFFFC;
    }

    void close(GumboTag tag)
    {
        if (isBlock(tag))
            dropPendingSpace();
        m_out += QLatin1String("</");
        m_out += QLatin1String(gumbo_normalized_tagname(tag));
        m_out += u'>';
    }

    // Runs of white space become one space, held back until the next
    // character shows whether it separates two CJK characters (then it
    // goes) or anything else (then it stays). Next to a block it goes too.
    void text(const QString &text)
    {
        if (m_inPre > 0) {
            escape(text, false);
            return;
        }
        for (qsizetype i = 0; i < text.size(); ++i) {
            const QChar c = text.at(i);
            if (isHtmlSpace(c)) {
                m_pendingSpace = m_pendingBreaks == 0;
                continue;
            }
            const bool pair =
                c.isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate();
            const char32_t u = pair ? QChar::surrogateToUcs4(c, text.at(i + 1)) : c.unicode();
            flushPendingSpace(u);
            escape(QStringView(text).mid(i, pair ? 2 : 1), false);
            m_lastChar = u;
            if (pair)
                ++i;
        }
    }

    void flushPendingSpace(char32_t next)
    {
        if (m_pendingBreaks > 0) {
            if (m_lastChar != 0)
                m_out += QStringLiteral("<br>").repeated(m_pendingBreaks);
            m_pendingBreaks = 0;
            m_pendingSpace = false;
            m_lastChar = u'\n';
            return;
        }
        if (!m_pendingSpace)
            return;
        m_pendingSpace = false;
        if (m_lastChar == 0 || (next != 0 && isCjk(next) && isCjk(m_lastChar)))
            return;
        m_out += u' ';
        m_lastChar = u' ';
    }

    void dropPendingSpace()
    {
        m_pendingSpace = false;
        m_pendingBreaks = 0;
        m_lastChar = 0;
    }

    void escape(QStringView text, bool inAttribute)
    {
        for (const QChar c : text) {
            switch (c.unicode()) {
            case u'&':
                m_out += QLatin1String("&amp;");
                break;
            case u'<':
                m_out += QLatin1String("&lt;");
                break;
            case u'>':
                m_out += QLatin1String("&gt;");
                break;
            case u'"':
                m_out += inAttribute ? QLatin1String("&quot;") : QLatin1String("\"");
                break;
            default:
                m_out += c;
            }
        }
    }

    QString m_out;
    int m_inPre = 0;
    bool m_pendingSpace = false;
    int m_pendingBreaks = 0;
    char32_t m_lastChar = 0; // 0: at the start of a block
};

QString cleanOnce(const QString &html)
{
    const QByteArray utf8 = html.toUtf8();
    GumboOptions options = kGumboDefaultOptions;
    options.fragment_context = GUMBO_TAG_BODY;
    options.fragment_namespace = GUMBO_NAMESPACE_HTML;
    options.max_errors = 0;
    GumboOutput *output = gumbo_parse_with_options(&options, utf8.constData(), size_t(utf8.size()));
    Writer writer;
    writer.children(output->root, 0);
    gumbo_destroy_output(&options, output);

    HtmlSanitizer::Options sanitizerOptions;
    sanitizerOptions.keepPresentation = false;
    return HtmlSanitizer::sanitize(writer.take(), sanitizerOptions);
}

} // namespace

QString PasteCleaner::clean(const QString &html)
{
    // The sanitizer can drop what the writer already spaced around (an
    // image with a bad URL); another round settles that, so that cleaning
    // a cleaned paste changes nothing.
    QString current = cleanOnce(html);
    for (int round = 1; round < 4; ++round) {
        QString next = cleanOnce(current);
        if (next == current)
            break;
        current = std::move(next);
    }
    return current;
}

} // namespace ListingDesk
