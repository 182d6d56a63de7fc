#include "htmltext.h"

#include <QHash>

namespace ListingDesk {

namespace {

bool isBlockTag(QStringView name)
{
    static const QStringView blocks[] = {
        u"p",      u"br",         u"div", u"h1",    u"h2", u"h3", u"h4",
        u"h5",     u"h6",         u"li",  u"tr",    u"td", u"th", u"figcaption",
        u"figure", u"blockquote", u"pre", u"table", u"ul", u"ol", u"hr"};
    for (QStringView block : blocks) {
        if (name.compare(block, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

// Decodes the entity starting at html[pos] == '&'; returns the text and moves pos
// past it, or returns "&" unchanged when it is not a well-formed entity.
QString decodeEntity(const QString &html, qsizetype &pos)
{
    const qsizetype end = html.indexOf(QLatin1Char(';'), pos);
    if (end < 0 || end - pos > 10) {
        ++pos;
        return QStringLiteral("&");
    }
    const QStringView name = QStringView(html).mid(pos + 1, end - pos - 1);
    QString decoded;
    if (name.startsWith(u'#')) {
        bool ok = false;
        const uint code = (name.size() > 1 && (name[1] == u'x' || name[1] == u'X'))
                              ? name.mid(2).toUInt(&ok, 16)
                              : name.mid(1).toUInt(&ok, 10);
        if (ok && code > 0 && code <= 0x10FFFF) {
            const char32_t c = code;
            decoded = QString::fromUcs4(&c, 1);
        }
    } else {
        static const QHash<QString, QString> named{
            {QStringLiteral("amp"), QStringLiteral("&")},
            {QStringLiteral("lt"), QStringLiteral("<")},
            {QStringLiteral("gt"), QStringLiteral(">")},
            {QStringLiteral("quot"), QStringLiteral("\"")},
            {QStringLiteral("apos"), QStringLiteral("'")},
            {QStringLiteral("nbsp"), QStringLiteral(" ")},
            {QStringLiteral("ldquo"), QStringLiteral("\u201c")},
            {QStringLiteral("rdquo"), QStringLiteral("\u201d")},
            {QStringLiteral("mdash"), QStringLiteral("\u2014")},
            {QStringLiteral("hellip"), QStringLiteral("\u2026")},
        };
        decoded = named.value(name.toString());
    }
    if (decoded.isEmpty()) {
        ++pos;
        return QStringLiteral("&");
    }
    pos = end + 1;
    return decoded;
}

} // namespace

QString htmlToPlainText(const QString &html)
{
    QString out;
    out.reserve(html.size());
    qsizetype pos = 0;
    const qsizetype size = html.size();
    bool lastWasBreak = true;
    while (pos < size) {
        const QChar c = html.at(pos);
        // As in a browser, "<" starts a tag only before a letter, "/" or "!";
        // otherwise ("月租<2000元") it is text and must not swallow what follows.
        const QChar next = pos + 1 < size ? html.at(pos + 1) : QChar();
        const bool startsTag = (next >= u'a' && next <= u'z') || (next >= u'A' && next <= u'Z') ||
                               next == u'/' || next == u'!';
        if (c == u'<' && startsTag) {
            const qsizetype close = html.indexOf(QLatin1Char('>'), pos);
            if (close < 0)
                break; // an unterminated tag at the end carries no text
            QStringView tag = QStringView(html).mid(pos + 1, close - pos - 1);
            if (tag.startsWith(u"!--")) {
                const qsizetype endComment = html.indexOf(QStringLiteral("-->"), pos + 4);
                pos = endComment < 0 ? size : endComment + 3;
                continue;
            }
            const bool closing = tag.startsWith(u'/');
            if (closing)
                tag = tag.mid(1);
            qsizetype nameEnd = 0;
            while (nameEnd < tag.size() && tag[nameEnd].isLetterOrNumber())
                ++nameEnd;
            const QStringView name = tag.left(nameEnd);
            pos = close + 1;
            if (!closing && (name.compare(u"script", Qt::CaseInsensitive) == 0 ||
                             name.compare(u"style", Qt::CaseInsensitive) == 0)) {
                const QString endTag = QLatin1String("</") + name.toString();
                const qsizetype endPos = html.indexOf(endTag, pos, Qt::CaseInsensitive);
                pos = endPos < 0 ? size : endPos;
                continue;
            }
            if (isBlockTag(name) && !lastWasBreak) {
                out += QLatin1Char('\n');
                lastWasBreak = true;
            }
            continue;
        }
        if (c == u'&') {
            out += decodeEntity(html, pos);
            lastWasBreak = false;
            continue;
        }
        if (c == u'\n' || c == u'\r' || c == u'\t') {
            if (!lastWasBreak && !out.endsWith(QLatin1Char(' ')))
                out += QLatin1Char(' ');
        } else {
            out += c;
            lastWasBreak = false;
        }
        ++pos;
    }
    return out.trimmed();
}

} // namespace ListingDesk
