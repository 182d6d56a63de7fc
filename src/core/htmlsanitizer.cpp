#include "htmlsanitizer.h"

#include "htmltext.h"

#include <gumbo.h>

#include <QByteArray>
#include <QList>

#include <algorithm>
#include <optional>
#include <utility>
#include <vector>

namespace ListingDesk {

namespace {

// Deeper than this a subtree is flattened to its text: real articles are
// never nested this deep, and it keeps the recursion below bounded.
constexpr int MaxDepth = 200;

// Re-parsing our own output can still reshape it in rare cases: an element we
// unwrapped was what made its child legal where it stood (<li><marquee><li>).
// A few rounds reach the fixed point; the text fallback covers the rest.
constexpr int MaxRounds = 6;

enum class Disposition { Keep, Unwrap, Drop };

Disposition dispositionOf(const GumboElement &element)
{
    // Anything inside <svg> or <math> is dropped with them; a foreign element
    // can only appear there.
    if (element.tag_namespace != GUMBO_NAMESPACE_HTML)
        return Disposition::Drop;
    switch (element.tag) {
    case GUMBO_TAG_P:
    case GUMBO_TAG_BR:
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
    case GUMBO_TAG_STRONG:
    case GUMBO_TAG_B:
    case GUMBO_TAG_EM:
    case GUMBO_TAG_I:
    case GUMBO_TAG_U:
    case GUMBO_TAG_S:
    case GUMBO_TAG_STRIKE:
    case GUMBO_TAG_DEL:
    case GUMBO_TAG_SUB:
    case GUMBO_TAG_SUP:
    case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_CODE:
    case GUMBO_TAG_UL:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_A:
    case GUMBO_TAG_IMG:
    case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_TABLE:
    case GUMBO_TAG_THEAD:
    case GUMBO_TAG_TBODY:
    case GUMBO_TAG_TFOOT:
    case GUMBO_TAG_TR:
    case GUMBO_TAG_TH:
    case GUMBO_TAG_TD:
    case GUMBO_TAG_CAPTION:
    case GUMBO_TAG_HR:
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_SPAN: // kept only with a colour, see Serializer::element
        return Disposition::Keep;
    // Active content, forms, document-level elements, and raw-text elements
    // whose "text" is really markup: gone with everything inside.
    case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_STYLE:
    case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_OBJECT:
    case GUMBO_TAG_EMBED:
    case GUMBO_TAG_PARAM:
    case GUMBO_TAG_APPLET:
    case GUMBO_TAG_FRAME:
    case GUMBO_TAG_FRAMESET:
    case GUMBO_TAG_NOFRAMES:
    case GUMBO_TAG_NOEMBED:
    case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_FORM:
    case GUMBO_TAG_INPUT:
    case GUMBO_TAG_BUTTON:
    case GUMBO_TAG_SELECT:
    case GUMBO_TAG_OPTION:
    case GUMBO_TAG_OPTGROUP:
    case GUMBO_TAG_DATALIST:
    case GUMBO_TAG_TEXTAREA:
    case GUMBO_TAG_KEYGEN:
    case GUMBO_TAG_ISINDEX:
    case GUMBO_TAG_META:
    case GUMBO_TAG_LINK:
    case GUMBO_TAG_BASE:
    case GUMBO_TAG_HEAD:
    case GUMBO_TAG_TITLE:
    case GUMBO_TAG_SVG:
    case GUMBO_TAG_MATH:
    case GUMBO_TAG_XMP:
    case GUMBO_TAG_PLAINTEXT:
    case GUMBO_TAG_AUDIO:
    case GUMBO_TAG_VIDEO:
    case GUMBO_TAG_SOURCE:
    case GUMBO_TAG_TRACK:
    case GUMBO_TAG_CANVAS:
    case GUMBO_TAG_MAP:
    case GUMBO_TAG_AREA:
    case GUMBO_TAG_BGSOUND:
        return Disposition::Drop;
    default:
        // font, center, section, article, o:p and any other unknown tag
        return Disposition::Unwrap;
    }
}

// What a subtree put into the output, ordered so that std::max combines them.
enum class Content { Empty, Blank, Visible };

bool isBlankChar(QChar c)
{
    // U+00A0 counts: Word's "empty" paragraphs hold a single &nbsp;
    const char16_t u = c.unicode();
    return u == u' ' || u == u'\t' || u == u'\n' || u == u'\f' || u == u'\r' || u == 0xA0;
}

bool isControl(char16_t u)
{
    return u < 0x20 || u == 0x7F;
}

// Escapes markup characters and the no-break space; quotes too inside an
// attribute value. Control characters are dropped (in text, tab and newline
// stay). Returns what kind of text was written.
Content appendEscaped(QString &out, const QString &text, bool inAttribute)
{
    Content content = Content::Empty;
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if (isControl(u) && (inAttribute || (u != u'\t' && u != u'\n')))
            continue;
        content = std::max(content, isBlankChar(c) ? Content::Blank : Content::Visible);
        switch (u) {
        case u'&':
            out += QLatin1String("&amp;");
            break;
        case u'<':
            out += QLatin1String("&lt;");
            break;
        case u'>':
            out += QLatin1String("&gt;");
            break;
        case 0xA0:
            out += QLatin1String("&nbsp;");
            break;
        case u'"':
            out += inAttribute ? QLatin1String("&quot;") : QLatin1String("\"");
            break;
        default:
            out += c;
        }
    }
    return content;
}

Content appendText(QString &out, const QString &text)
{
    return appendEscaped(out, text, false);
}

void appendAttribute(QString &out, QLatin1String name, const QString &value)
{
    out += u' ';
    out += name;
    out += QLatin1String("=\"");
    appendEscaped(out, value, true);
    out += u'"';
}

const char *attributeValue(const GumboElement &element, const char *name)
{
    const GumboAttribute *attribute = gumbo_get_attribute(&element.attributes, name);
    return attribute ? attribute->value : nullptr;
}

enum class UrlUse { Link, Image };

// The URL to write out, or a null string when it must not be used. Browsers
// ignore control characters and surrounding spaces in a URL, so
// "java&#10;script:" and " javascript:" are javascript: URLs to them; we
// strip the same characters before looking at the scheme, and treat any colon
// before the first '/', '?' or '#' as ending a scheme.
QString checkedUrl(const char *raw, UrlUse use, const HtmlSanitizer::Options &options)
{
    if (!raw)
        return {};
    QString url;
    for (const QChar c : QString::fromUtf8(raw)) {
        if (!isControl(c.unicode()))
            url += c;
    }
    while (url.startsWith(u' '))
        url.remove(0, 1);
    while (url.endsWith(u' '))
        url.chop(1);
    if (url.isEmpty())
        return {};

    QString scheme;
    bool hasScheme = false;
    for (const QChar c : url) {
        const char16_t u = c.unicode();
        if (u == u'/' || u == u'?' || u == u'#')
            break;
        if (u == u':') {
            hasScheme = true;
            break;
        }
        if (u == u' ')
            continue;
        // ASCII-only lower-casing: a non-ASCII letter can never make an
        // allowed scheme (U+212A KELVIN SIGN is not a 'k').
        scheme += (u >= u'A' && u <= u'Z') ? QChar(u + (u'a' - u'A')) : c;
    }
    if (!hasScheme)
        return url; // relative

    if (scheme == QLatin1String("http") || scheme == QLatin1String("https"))
        return url;
    if (use == UrlUse::Link && scheme == QLatin1String("mailto"))
        return url;
    if (use == UrlUse::Image && !options.localMediaScheme.isEmpty() &&
        scheme == options.localMediaScheme)
        return url;
    return {};
}

// The leading decimal number of an attribute value, read the way browsers
// read width="100px"; nothing when there is none.
std::optional<qint64> leadingNumber(const char *raw, bool allowNegative, bool *percent = nullptr)
{
    if (!raw)
        return std::nullopt;
    const char *p = raw;
    while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\f' || *p == '\r')
        ++p;
    bool negative = false;
    if (allowNegative && *p == '-') {
        negative = true;
        ++p;
    }
    if (*p < '0' || *p > '9')
        return std::nullopt;
    qint64 value = 0;
    for (; *p >= '0' && *p <= '9'; ++p)
        value = std::min<qint64>(value * 10 + (*p - '0'), 1'000'000'000);
    if (percent)
        *percent = *p == '%';
    return negative ? -value : value;
}

// --- The two CSS properties the editor writes. The style attribute is never
// copied: it is read declaration by declaration, and only a value that
// matches a strict grammar is written back, in one canonical spelling. So no
// comment, escape ("\65 xpression"), url(), expression() or string can come
// through, whatever a browser's CSS parser would make of the input.

bool isCssSpace(QChar c)
{
    const char16_t u = c.unicode();
    return u == u' ' || u == u'\t' || u == u'\n' || u == u'\r' || u == u'\f';
}

QStringView trimmedCss(QStringView text)
{
    while (!text.isEmpty() && isCssSpace(text.front()))
        text = text.mid(1);
    while (!text.isEmpty() && isCssSpace(text.back()))
        text.chop(1);
    return text;
}

// ASCII-only lower-casing; any other character makes the value invalid
// anyway, and U+212A KELVIN SIGN must not turn into a 'k'.
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

int hexValue(QChar c)
{
    const char16_t u = c.unicode();
    if (u >= u'0' && u <= u'9')
        return u - u'0';
    if (u >= u'a' && u <= u'f')
        return u - u'a' + 10;
    return -1;
}

QString hexColor(int r, int g, int b)
{
    return QStringLiteral("#%1%2%3")
        .arg(r, 2, 16, QLatin1Char('0'))
        .arg(g, 2, 16, QLatin1Char('0'))
        .arg(b, 2, 16, QLatin1Char('0'));
}

// A colour component of rgb(): 0-255 written with plain digits.
std::optional<int> rgbComponent(QStringView text)
{
    text = trimmedCss(text);
    if (text.isEmpty() || text.size() > 3)
        return std::nullopt;
    int value = 0;
    for (const QChar c : text) {
        if (c < u'0' || c > u'9')
            return std::nullopt;
        value = value * 10 + (c.unicode() - u'0');
    }
    if (value > 255)
        return std::nullopt;
    return value;
}

// "#rgb", "#rrggbb", "rgb(r, g, b)" or a common colour name, as "#rrggbb";
// null for anything else. `value` is already lower case and trimmed.
QString canonicalColor(const QString &value)
{
    if (value.startsWith(u'#')) {
        const QStringView digits = QStringView(value).mid(1);
        if (digits.size() != 3 && digits.size() != 6)
            return {};
        for (const QChar c : digits) {
            if (hexValue(c) < 0)
                return {};
        }
        if (digits.size() == 6)
            return value;
        return QStringLiteral("#%1%1%2%2%3%3").arg(digits[0]).arg(digits[1]).arg(digits[2]);
    }
    if (value.startsWith(QLatin1String("rgb(")) && value.endsWith(u')')) {
        const QStringView inner = QStringView(value).mid(4, value.size() - 5);
        const QList<QStringView> parts = inner.split(u',');
        if (parts.size() != 3)
            return {};
        const auto r = rgbComponent(parts[0]);
        const auto g = rgbComponent(parts[1]);
        const auto b = rgbComponent(parts[2]);
        if (!r || !g || !b)
            return {};
        return hexColor(*r, *g, *b);
    }
    static const struct
    {
        const char *name;
        const char *hex;
    } named[] = {
        {"black", "#000000"}, {"white", "#ffffff"},  {"red", "#ff0000"},     {"green", "#008000"},
        {"blue", "#0000ff"},  {"yellow", "#ffff00"}, {"orange", "#ffa500"},  {"purple", "#800080"},
        {"gray", "#808080"},  {"grey", "#808080"},   {"silver", "#c0c0c0"},  {"maroon", "#800000"},
        {"navy", "#000080"},  {"olive", "#808000"},  {"teal", "#008080"},    {"lime", "#00ff00"},
        {"aqua", "#00ffff"},  {"cyan", "#00ffff"},   {"fuchsia", "#ff00ff"}, {"magenta", "#ff00ff"},
    };
    for (const auto &colour : named) {
        if (value == QLatin1String(colour.name))
            return QLatin1String(colour.hex);
    }
    return {};
}

QString canonicalAlignment(const QString &value)
{
    for (const char *alignment : {"left", "center", "right", "justify"}) {
        if (value == QLatin1String(alignment))
            return value;
    }
    return {};
}

// What a style attribute says about the colour and the alignment; later
// declarations win, as in CSS, and invalid ones are ignored, as in CSS.
struct Presentation
{
    QString color;
    QString alignment;
};

Presentation presentationOf(const char *style)
{
    Presentation presentation;
    if (!style)
        return presentation;
    const QString text = QString::fromUtf8(style);
    for (const QStringView declaration : QStringView(text).split(u';')) {
        const qsizetype colon = declaration.indexOf(u':');
        if (colon < 0)
            continue;
        const QString property = asciiLower(trimmedCss(declaration.left(colon)));
        const QString value = asciiLower(trimmedCss(declaration.mid(colon + 1)));
        if (property == QLatin1String("color")) {
            if (const QString color = canonicalColor(value); !color.isNull())
                presentation.color = color;
        } else if (property == QLatin1String("text-align")) {
            if (const QString alignment = canonicalAlignment(value); !alignment.isNull())
                presentation.alignment = alignment;
        }
    }
    return presentation;
}

// The blocks an editor paragraph can be aligned on.
bool takesAlignment(GumboTag tag)
{
    switch (tag) {
    case GUMBO_TAG_P:
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_TD:
    case GUMBO_TAG_TH:
        return true;
    default:
        return false;
    }
}

bool isVoid(GumboTag tag)
{
    return tag == GUMBO_TAG_BR || tag == GUMBO_TAG_HR || tag == GUMBO_TAG_IMG;
}

// Blocks that say nothing without text are dropped outright.
bool dropWhenBlank(GumboTag tag)
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
    case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_FIGCAPTION:
        return true;
    default:
        return false;
    }
}

// Inline elements around nothing but spaces keep the spaces, which may be
// what separates two words, and lose the tag.
bool unwrapWhenBlank(GumboTag tag)
{
    switch (tag) {
    case GUMBO_TAG_STRONG:
    case GUMBO_TAG_B:
    case GUMBO_TAG_EM:
    case GUMBO_TAG_I:
    case GUMBO_TAG_U:
    case GUMBO_TAG_S:
    case GUMBO_TAG_STRIKE:
    case GUMBO_TAG_DEL:
    case GUMBO_TAG_SUB:
    case GUMBO_TAG_SUP:
    case GUMBO_TAG_CODE:
    case GUMBO_TAG_A:
    case GUMBO_TAG_SPAN:
        return true;
    default:
        return false;
    }
}

class Serializer
{
public:
    explicit Serializer(const HtmlSanitizer::Options &options) : m_options(options) {}

    Content children(const GumboNode *parent, QString &out, int depth) const
    {
        const GumboVector &kids = parent->v.element.children;
        Content content = Content::Empty;
        for (unsigned int i = 0; i < kids.length; ++i) {
            const auto *child = static_cast<const GumboNode *>(kids.data[i]);
            content = std::max(content, node(child, out, depth + 1));
        }
        return content;
    }

private:
    Content node(const GumboNode *node, QString &out, int depth) const
    {
        switch (node->type) {
        case GUMBO_NODE_TEXT:
        case GUMBO_NODE_WHITESPACE:
            return appendText(out, QString::fromUtf8(node->v.text.text));
        case GUMBO_NODE_ELEMENT:
            return depth > MaxDepth ? flattened(node, out) : element(node, out, depth);
        default:
            // comments, CDATA (foreign content only), <template>
            return Content::Empty;
        }
    }

    Content element(const GumboNode *node, QString &out, int depth) const
    {
        const GumboElement &element = node->v.element;
        switch (dispositionOf(element)) {
        case Disposition::Drop:
            return Content::Empty;
        case Disposition::Unwrap:
            return children(node, out, depth);
        case Disposition::Keep:
            break;
        }

        const GumboTag tag = element.tag;
        QString attributes;
        switch (tag) {
        case GUMBO_TAG_A: {
            const QString href =
                checkedUrl(attributeValue(element, "href"), UrlUse::Link, m_options);
            if (href.isNull())
                return children(node, out, depth); // the text stays, the link goes
            appendAttribute(attributes, QLatin1String("href"), href);
            if (const char *title = attributeValue(element, "title"))
                appendAttribute(attributes, QLatin1String("title"), QString::fromUtf8(title));
            break;
        }
        case GUMBO_TAG_IMG: {
            const QString src =
                checkedUrl(attributeValue(element, "src"), UrlUse::Image, m_options);
            if (src.isNull())
                return Content::Empty;
            appendAttribute(attributes, QLatin1String("src"), src);
            for (const char *name : {"alt", "title"}) {
                if (const char *value = attributeValue(element, name))
                    appendAttribute(attributes, QLatin1String(name), QString::fromUtf8(value));
            }
            for (const char *name : {"width", "height"}) {
                bool percent = false;
                const std::optional<qint64> size =
                    leadingNumber(attributeValue(element, name), false, &percent);
                if (!size)
                    continue;
                if (*size <= 1 && !percent)
                    return Content::Empty; // a tracking pixel
                appendAttribute(attributes, QLatin1String(name),
                                QString::number(*size) +
                                    (percent ? QStringLiteral("%") : QString()));
            }
            break;
        }
        case GUMBO_TAG_TD:
        case GUMBO_TAG_TH:
            for (const char *name : {"colspan", "rowspan"}) {
                const std::optional<qint64> span =
                    leadingNumber(attributeValue(element, name), false);
                if (span && *span >= 1)
                    appendAttribute(attributes, QLatin1String(name),
                                    QString::number(std::min<qint64>(*span, 1000)));
            }
            break;
        case GUMBO_TAG_OL:
            if (const std::optional<qint64> start =
                    leadingNumber(attributeValue(element, "start"), true))
                appendAttribute(attributes, QLatin1String("start"), QString::number(*start));
            break;
        case GUMBO_TAG_SPAN: {
            // A span means something only as the editor's text colour.
            const QString color = m_options.keepPresentation
                                      ? presentationOf(attributeValue(element, "style")).color
                                      : QString();
            if (color.isEmpty())
                return children(node, out, depth);
            appendAttribute(attributes, QLatin1String("style"), QLatin1String("color:") + color);
            break;
        }
        default:
            break;
        }
        if (m_options.keepPresentation && takesAlignment(tag)) {
            QString alignment = presentationOf(attributeValue(element, "style")).alignment;
            // QTextDocument::toHtml() and old pages spell it align="center".
            if (alignment.isEmpty()) {
                if (const char *align = attributeValue(element, "align"))
                    alignment =
                        canonicalAlignment(asciiLower(trimmedCss(QString::fromUtf8(align))));
            }
            if (!alignment.isEmpty())
                appendAttribute(attributes, QLatin1String("style"),
                                QLatin1String("text-align:") + alignment);
        }

        const QLatin1String name(gumbo_normalized_tagname(tag));
        if (isVoid(tag)) {
            out += u'<' + name + attributes + u'>';
            return Content::Visible;
        }

        QString inner;
        const Content content = children(node, inner, depth);
        if (content != Content::Visible) {
            if (dropWhenBlank(tag))
                return Content::Empty;
            if (unwrapWhenBlank(tag)) {
                out += inner;
                return content;
            }
        }
        // The parser eats one newline right after <pre>; write an extra one
        // so that a leading newline of the text survives the next parse.
        if (tag == GUMBO_TAG_PRE && inner.startsWith(u'\n'))
            inner.prepend(u'\n');
        out += u'<' + name + attributes + u'>' + inner + QLatin1String("</") + name + u'>';
        return Content::Visible;
    }

    // The text of a too-deep subtree, without recursion; dropped elements
    // still take their content with them.
    static Content flattened(const GumboNode *root, QString &out)
    {
        Content content = Content::Empty;
        std::vector<const GumboNode *> stack{root};
        while (!stack.empty()) {
            const GumboNode *node = stack.back();
            stack.pop_back();
            if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_WHITESPACE) {
                content = std::max(content, appendText(out, QString::fromUtf8(node->v.text.text)));
            } else if (node->type == GUMBO_NODE_ELEMENT &&
                       dispositionOf(node->v.element) != Disposition::Drop) {
                const GumboVector &kids = node->v.element.children;
                for (unsigned int i = kids.length; i > 0; --i)
                    stack.push_back(static_cast<const GumboNode *>(kids.data[i - 1]));
            }
        }
        return content;
    }

    const HtmlSanitizer::Options &m_options;
};

// One parse of the input as the content of a <body>, serialised back.
QString sanitizeOnce(const QString &html, const HtmlSanitizer::Options &options)
{
    // Control characters are never content; the parser would turn them into
    // U+FFFD, which a person would then see in the article.
    QString input;
    input.reserve(html.size());
    for (const QChar c : html) {
        const char16_t u = c.unicode();
        if (!isControl(u) || u == u'\t' || u == u'\n' || u == u'\f' || u == u'\r')
            input += c;
    }
    const QByteArray utf8 = input.toUtf8();
    GumboOptions parseOptions = kGumboDefaultOptions;
    parseOptions.fragment_context = GUMBO_TAG_BODY;
    parseOptions.fragment_namespace = GUMBO_NAMESPACE_HTML;
    parseOptions.max_errors = 0; // we never read them
    GumboOutput *output =
        gumbo_parse_with_options(&parseOptions, utf8.constData(), size_t(utf8.size()));
    QString result;
    result.reserve(input.size());
    Serializer(options).children(output->root, result, 0);
    gumbo_destroy_output(&parseOptions, output);
    return result;
}

} // namespace

QString HtmlSanitizer::sanitize(const QString &html)
{
    return sanitize(html, Options());
}

QString HtmlSanitizer::sanitize(const QString &html, const Options &options)
{
    QString current = sanitizeOnce(html, options);
    // Already clean input (the editor's own HTML, a stored body) comes back
    // unchanged and is thereby a fixed point: no second parse needed.
    if (current == html)
        return current;
    for (int round = 1; round < MaxRounds; ++round) {
        QString next = sanitizeOnce(current, options);
        if (next == current)
            return current;
        current = std::move(next);
    }
    // Never seen in practice; if the markup will not settle, its text will.
    QString text;
    appendText(text, htmlToPlainText(current));
    const QString fallback = QLatin1String("<p>") + text + QLatin1String("</p>");
    return sanitizeOnce(fallback, options) == fallback ? fallback : QString();
}

} // namespace ListingDesk
