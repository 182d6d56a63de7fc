#include "sensitivewordhighlighter.h"

#include <QColor>

namespace ListingDesk {

SensitiveWordHighlighter::SensitiveWordHighlighter(QTextDocument *document)
    : QSyntaxHighlighter(document), m_format(matchFormat())
{
}

QTextCharFormat SensitiveWordHighlighter::matchFormat()
{
    QTextCharFormat format;
    format.setUnderlineStyle(QTextCharFormat::WaveUnderline);
    format.setUnderlineColor(QColor(0xE5, 0x39, 0x35));
    // Translucent, so it tints whatever the palette's base is instead of
    // replacing it: dark text on light themes and light text on dark themes
    // both stay readable.
    format.setBackground(QColor(0xE5, 0x39, 0x35, 0x48));
    return format;
}

void SensitiveWordHighlighter::setMatcher(std::shared_ptr<const SensitiveWordMatcher> matcher)
{
    m_matcher = std::move(matcher);
    rehighlight();
}

void SensitiveWordHighlighter::highlightBlock(const QString &text)
{
    // No setCurrentBlockState(): matches never span paragraphs, so no block
    // depends on the previous one, and the state belongs to the editor.
    if (!m_matcher)
        return;
    for (const auto &match : m_matcher->findAll(text))
        setFormat(int(match.start), int(match.length), m_format);
}

} // namespace ListingDesk
