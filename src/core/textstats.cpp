#include "textstats.h"

#include "htmltext.h"

#include <QTextBlock>
#include <QTextDocument>
#include <QTextFragment>

namespace ListingDesk {

namespace {

bool isCjk(char32_t u)
{
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

// Characters inside a word that do not split it: "don't", "e-mail", "3.5".
bool isWordConnector(char32_t u)
{
    return u == u'\'' || u == u'-' || u == u'.' || u == 0x2019;
}

// Counts one block of text at a time; words never run across blocks.
class Counter
{
public:
    explicit Counter(TextStats &stats) : m_stats(stats) {}

    void block(QStringView text)
    {
        m_inWord = false;
        m_afterConnector = false;
        m_joinNext = false;
        m_regionalPending = false;
        const int before = m_stats.characters;
        const qsizetype size = text.size();
        for (qsizetype i = 0; i < size; ++i) {
            char32_t u = text[i].unicode();
            if (QChar::isHighSurrogate(u) && i + 1 < size && text[i + 1].isLowSurrogate()) {
                u = QChar::surrogateToUcs4(char16_t(u), text[i + 1].unicode());
                ++i;
            }
            codePoint(u);
        }
        if (m_stats.characters > before)
            ++m_stats.paragraphs;
    }

private:
    void codePoint(char32_t u)
    {
        // ASCII first: most of any article's markup-free text is either this
        // or CJK, and the table lookups below are not needed for it.
        if (u < 0x80) {
            if (u <= u' ' || u == 0x7F) {
                endWord();
                return;
            }
            ++m_stats.characters;
            m_joinNext = false;
            m_regionalPending = false;
            const bool alnum =
                (u >= u'0' && u <= u'9') || (u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z');
            if (alnum) {
                wordCharacter();
            } else if (m_inWord && isWordConnector(u)) {
                m_afterConnector = true;
                m_inWord = false;
            } else {
                endWord();
            }
            return;
        }
        if (QChar::isSpace(u) || u == QChar::ObjectReplacementCharacter) {
            endWord();
            return;
        }
        const QChar::Category category = QChar::category(u);
        if (u == 0x200D) { // ZERO WIDTH JOINER: the next one belongs to this one
            m_joinNext = true;
            return;
        }
        if (category == QChar::Mark_NonSpacing || category == QChar::Mark_Enclosing ||
            category == QChar::Mark_SpacingCombining || category == QChar::Other_Format ||
            (u >= 0x1F3FB && u <= 0x1F3FF)) // emoji skin tones
            return;
        if (m_joinNext) {
            m_joinNext = false;
            return;
        }
        if (u >= 0x1F1E6 && u <= 0x1F1FF) { // two regional indicators make one flag
            m_regionalPending = !m_regionalPending;
            if (!m_regionalPending)
                return;
        } else {
            m_regionalPending = false;
        }
        ++m_stats.characters;
        if (isCjk(u)) {
            ++m_stats.cjkCharacters;
            endWord();
        } else if (QChar::isLetterOrNumber(u)) {
            wordCharacter();
        } else if (m_inWord && isWordConnector(u)) {
            m_afterConnector = true;
            m_inWord = false;
        } else {
            endWord();
        }
    }

    void wordCharacter()
    {
        if (!m_inWord && !m_afterConnector)
            ++m_stats.latinWords;
        m_inWord = true;
        m_afterConnector = false;
    }

    void endWord()
    {
        m_inWord = false;
        m_afterConnector = false;
    }

    TextStats &m_stats;
    bool m_inWord = false;
    bool m_afterConnector = false;
    bool m_joinNext = false;
    bool m_regionalPending = false;
};

bool isLineBreak(QChar c)
{
    return c == u'\n' || c == u'\r' || c == QChar::ParagraphSeparator;
}

int countImageTags(const QString &html)
{
    int images = 0;
    const qsizetype size = html.size();
    for (qsizetype at = html.indexOf(u'<'); at >= 0 && at + 4 < size;
         at = html.indexOf(u'<', at + 1)) {
        if (QStringView(html).mid(at + 1, 3).compare(u"img", Qt::CaseInsensitive) != 0)
            continue;
        const QChar after = html.at(at + 4);
        if (after == u' ' || after == u'>' || after == u'/' || after == u'\t' || after == u'\n' ||
            after == u'\r' || after == u'\f')
            ++images;
    }
    return images;
}

} // namespace

TextStats TextStats::fromPlainText(const QString &text)
{
    TextStats stats;
    Counter counter(stats);
    qsizetype start = 0;
    for (qsizetype i = 0; i <= text.size(); ++i) {
        if (i == text.size() || isLineBreak(text.at(i))) {
            counter.block(QStringView(text).mid(start, i - start));
            start = i + 1;
        }
    }
    return stats;
}

TextStats TextStats::fromHtml(const QString &html)
{
    // Stored bodies are sanitised: no comments or scripts that could hide
    // an "<img" from this simple scan or add one to it.
    TextStats stats = fromPlainText(htmlToPlainText(html));
    stats.images = countImageTags(html);
    return stats;
}

TextStats TextStats::fromDocument(const QTextDocument &document)
{
    TextStats stats;
    Counter counter(stats);
    QString text;
    for (QTextBlock block = document.begin(); block.isValid(); block = block.next()) {
        text.clear();
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            const QTextFragment fragment = it.fragment();
            if (!fragment.isValid())
                continue;
            const QString fragmentText = fragment.text();
            if (fragment.charFormat().isImageFormat()) {
                stats.images += int(fragmentText.count(QChar::ObjectReplacementCharacter));
                continue;
            }
            text += fragmentText;
        }
        // Soft line breaks (Shift+Enter) are U+2028 inside the block.
        counter.block(text);
    }
    return stats;
}

} // namespace ListingDesk
