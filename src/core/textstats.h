#pragma once

#include <QString>

class QTextDocument;

namespace ListingDesk {

/// Counts for the editor's status bar and the portals' length limits.
/// Chinese, Japanese and Korean text has no spaces between words, so each
/// CJK character counts on its own (as 字数 in Chinese word processors);
/// other text counts in words. A character is what a reader sees as one:
/// a surrogate pair (CJK extension B and later, emoji) is one, and so is an
/// emoji sequence joined by ZWJ or a flag; combining marks, variation
/// selectors and other invisible format characters add nothing.
struct TextStats
{
    int characters = 0;    ///< visible characters, white space excluded
    int cjkCharacters = 0; ///< Han (all extensions), kana, hangul, bopomofo
    int latinWords = 0;    ///< runs of letters and digits outside CJK scripts
    int images = 0;
    int paragraphs = 0; ///< blocks with visible text (list items and cells count)

    /// CJK characters plus other words: what Chinese editors call 字数.
    int words() const { return cjkCharacters + latinWords; }

    static TextStats fromPlainText(const QString &text);
    /// From HTML as the editor stores it (sanitised body HTML).
    static TextStats fromHtml(const QString &html);
    /// From the editor's document; images are its image objects.
    static TextStats fromDocument(const QTextDocument &document);

    friend bool operator==(const TextStats &, const TextStats &) = default;
};

} // namespace ListingDesk
