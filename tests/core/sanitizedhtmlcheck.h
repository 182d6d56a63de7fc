#pragma once

// An independent check of the sanitizer's output, shared by the unit test and
// the fuzzer: the HTML is parsed again with gumbo, and every element,
// attribute, style value and URL scheme found is compared against the
// allowlist written out here a second time, not taken from the sanitizer.

#include <gumbo.h>

#include <QRegularExpression>
#include <QString>
#include <QStringList>

namespace ListingDesk::SanitizedHtmlCheck {

inline bool isAllowedTag(const QString &tag)
{
    static const QStringList allowed = {
        QStringLiteral("p"),          QStringLiteral("br"),    QStringLiteral("h1"),
        QStringLiteral("h2"),         QStringLiteral("h3"),    QStringLiteral("h4"),
        QStringLiteral("h5"),         QStringLiteral("h6"),    QStringLiteral("strong"),
        QStringLiteral("b"),          QStringLiteral("em"),    QStringLiteral("i"),
        QStringLiteral("u"),          QStringLiteral("s"),     QStringLiteral("strike"),
        QStringLiteral("del"),        QStringLiteral("sub"),   QStringLiteral("sup"),
        QStringLiteral("blockquote"), QStringLiteral("pre"),   QStringLiteral("code"),
        QStringLiteral("ul"),         QStringLiteral("ol"),    QStringLiteral("li"),
        QStringLiteral("a"),          QStringLiteral("img"),   QStringLiteral("figure"),
        QStringLiteral("figcaption"), QStringLiteral("table"), QStringLiteral("thead"),
        QStringLiteral("tbody"),      QStringLiteral("tfoot"), QStringLiteral("tr"),
        QStringLiteral("th"),         QStringLiteral("td"),    QStringLiteral("caption"),
        QStringLiteral("hr"),         QStringLiteral("span"),  QStringLiteral("div")};
    return allowed.contains(tag);
}

// The only style values the sanitizer may write: its own canonical spellings.
inline bool isAllowedStyle(const QString &tag, const QString &value, bool presentation)
{
    static const QRegularExpression color(QStringLiteral("^color:#[0-9a-f]{6}$"));
    static const QRegularExpression alignment(
        QStringLiteral("^text-align:(left|center|right|justify)$"));
    static const QStringList blocks = {
        QStringLiteral("p"),      QStringLiteral("h1"), QStringLiteral("h2"), QStringLiteral("h3"),
        QStringLiteral("h4"),     QStringLiteral("h5"), QStringLiteral("h6"), QStringLiteral("div"),
        QStringLiteral("figure"), QStringLiteral("li"), QStringLiteral("td"), QStringLiteral("th")};
    if (!presentation)
        return false;
    if (tag == QLatin1String("span"))
        return color.match(value).hasMatch();
    return blocks.contains(tag) && alignment.match(value).hasMatch();
}

inline bool isAllowedAttribute(const QString &tag, const QString &attribute)
{
    if (tag == QLatin1String("a"))
        return attribute == QLatin1String("href") || attribute == QLatin1String("title");
    if (tag == QLatin1String("img"))
        return QStringList{QStringLiteral("src"), QStringLiteral("alt"), QStringLiteral("title"),
                           QStringLiteral("width"), QStringLiteral("height")}
            .contains(attribute);
    if (tag == QLatin1String("td") || tag == QLatin1String("th"))
        return attribute == QLatin1String("colspan") || attribute == QLatin1String("rowspan");
    if (tag == QLatin1String("ol"))
        return attribute == QLatin1String("start");
    return false;
}

inline void inspect(const GumboNode *node, QStringList &problems, bool presentation)
{
    if (node->type != GUMBO_NODE_ELEMENT)
        return;
    const GumboElement &element = node->v.element;
    const QString tag = QString::fromUtf8(gumbo_normalized_tagname(element.tag));
    if (element.tag_namespace != GUMBO_NAMESPACE_HTML || !isAllowedTag(tag))
        problems << QStringLiteral("tag <%1>").arg(tag);
    for (unsigned int i = 0; i < element.attributes.length; ++i) {
        const auto *attribute = static_cast<const GumboAttribute *>(element.attributes.data[i]);
        const QString name = QString::fromUtf8(attribute->name);
        const QString value = QString::fromUtf8(attribute->value);
        if (name == QLatin1String("style")) {
            if (!isAllowedStyle(tag, value, presentation))
                problems << QStringLiteral("style \"%1\" on <%2>").arg(value, tag);
        } else if (!isAllowedAttribute(tag, name) || name.startsWith(QLatin1String("on"))) {
            problems << QStringLiteral("attribute %1 on <%2>").arg(name, tag);
        }
        if (name == QLatin1String("href") || name == QLatin1String("src")) {
            QString compact;
            for (const QChar c : QString::fromUtf8(attribute->value)) {
                if (c.unicode() > 0x20 && c.unicode() != 0x7F)
                    compact += c.toLower();
            }
            for (const char *scheme : {"javascript:", "vbscript:", "data:"}) {
                if (compact.startsWith(QLatin1String(scheme)))
                    problems << QStringLiteral("URL %1").arg(compact);
            }
        }
    }
    for (unsigned int i = 0; i < element.children.length; ++i)
        inspect(static_cast<const GumboNode *>(element.children.data[i]), problems, presentation);
}

// What an independent parse of the output finds wrong with it; empty when clean.
inline QStringList problemsIn(const QString &html, bool presentation = true)
{
    QStringList problems;
    if (html.contains(QLatin1String("<script"), Qt::CaseInsensitive))
        problems << QStringLiteral("<script");
    const QByteArray utf8 = html.toUtf8();
    GumboOptions options = kGumboDefaultOptions;
    options.fragment_context = GUMBO_TAG_BODY;
    GumboOutput *output = gumbo_parse_with_options(&options, utf8.constData(), size_t(utf8.size()));
    const GumboVector &top = output->root->v.element.children;
    for (unsigned int i = 0; i < top.length; ++i)
        inspect(static_cast<const GumboNode *>(top.data[i]), problems, presentation);
    gumbo_destroy_output(&options, output);
    return problems;
}

} // namespace ListingDesk::SanitizedHtmlCheck
