#pragma once

#include "sensitivewordmatcher.h"

#include <QSyntaxHighlighter>
#include <QTextCharFormat>

#include <memory>

namespace ListingDesk {

/// Marks the sensitive words in an article as the user types: a red wavy
/// underline on a translucent red tint, legible on light and dark palettes.
/// Only the edited paragraph is scanned again on a keystroke. It leaves the
/// blocks' user state alone: the editor keeps figure-caption marks there.
class SensitiveWordHighlighter : public QSyntaxHighlighter
{
    Q_OBJECT
public:
    explicit SensitiveWordHighlighter(QTextDocument *document);

    /// Null or an empty matcher highlights nothing. Rehighlights the document.
    void setMatcher(std::shared_ptr<const SensitiveWordMatcher> matcher);
    std::shared_ptr<const SensitiveWordMatcher> matcher() const { return m_matcher; }

    /// The format put on a match (for tests and the legend in the dialog).
    static QTextCharFormat matchFormat();

protected:
    void highlightBlock(const QString &text) override;

private:
    std::shared_ptr<const SensitiveWordMatcher> m_matcher;
    QTextCharFormat m_format;
};

} // namespace ListingDesk
