#pragma once

#include "result.h"
#include "sensitivewordmatcher.h"

#include <QStringList>

#include <memory>

namespace ListingDesk {

/// The user's list of sensitive words: one word per line in the settings
/// dialog, kept in QSettings ("ListingDesk"/"ListingDesk", key
/// editor/sensitiveWords) and importable from a UTF-8 text file.
class SensitiveWordList
{
public:
    static constexpr const char *settingsKey = "editor/sensitiveWords";
    /// Larger files are certainly not word lists.
    static constexpr qint64 maxFileSize = 4 * 1024 * 1024;

    const QStringList &words() const { return m_words; }
    /// Normalised as parse() does.
    void setWords(const QStringList &words);

    void load();
    void save() const;

    /// Adds the words of a UTF-8 text file to the list (one per line, blank
    /// lines and lines starting with # ignored, duplicates dropped) and returns
    /// how many were new. On any error the list is left as it was.
    Result<int> importFile(const QString &path);

    /// The words of a text, one per line: trimmed, blanks and # comments
    /// skipped, duplicates (ignoring case, as the matcher does) dropped.
    static QStringList parse(QStringView text);

    std::shared_ptr<const SensitiveWordMatcher> makeMatcher() const;

private:
    QStringList m_words;
};

} // namespace ListingDesk
