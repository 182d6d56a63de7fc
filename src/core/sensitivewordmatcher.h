#pragma once

#include <QList>
#include <QString>
#include <QStringList>
#include <QStringView>

#include <vector>

namespace ListingDesk {

/// Finds every word of a fixed list in a text in one pass (Aho–Corasick over
/// UTF-16 code units), so highlighting a 50 KB article against thousands of
/// words costs about as much as reading it once.
///
/// Matching ignores case and treats full-width Latin letters and digits
/// ("ＱＱ") as their ASCII forms, the usual way to dodge a word filter.
/// Immutable after construction: share one between threads and widgets.
class SensitiveWordMatcher
{
public:
    struct Match
    {
        qsizetype start = 0;  ///< in UTF-16 code units, like QString
        qsizetype length = 0; ///< in UTF-16 code units
        int wordIndex = 0;    ///< index into words()
        bool operator==(const Match &) const = default;
    };

    /// Blank entries are skipped; surrounding whitespace is trimmed; of two
    /// entries equal after case folding the first one listed is kept.
    explicit SensitiveWordMatcher(const QStringList &words = {});

    const QStringList &words() const { return m_words; }
    bool isEmpty() const { return m_words.isEmpty(); }

    /// The matches in \a text, ordered by position. Where words overlap, the
    /// longest word starting at a position wins and a word lying wholly inside
    /// another match is not reported ("法轮功" hides "法轮"); words that only
    /// partly overlap are both reported.
    QList<Match> findAll(QStringView text) const;
    /// Cheaper than findAll when only yes or no matters.
    bool containsAny(QStringView text) const;

    /// The form in which characters are compared.
    static char16_t fold(char16_t c);

private:
    struct Node
    {
        quint32 firstEdge = 0; // edges of node i: [firstEdge, next node's firstEdge)
        qint32 fail = 0;
        qint32 output = -1; // longest word ending here: its index in m_words
    };
    struct Edge
    {
        char16_t c;
        qint32 target;
    };

    qint32 step(qint32 node, char16_t c) const;
    qint32 child(qint32 node, char16_t c) const;

    QStringList m_words;
    std::vector<Node> m_nodes; // plus one sentinel at the end for edge ranges
    std::vector<Edge> m_edges;
    std::vector<qint16> m_rootPage;  // per high byte: page in m_rootSlots, or -1
    std::vector<qint32> m_rootSlots; // the root's transitions, 256 per page
};

} // namespace ListingDesk
