#pragma once

#include <QList>
#include <QString>

namespace ListingDesk {

/// One searchable place or category: what the user may type to find it.
struct SearchEntry
{
    QString key;        ///< region code ("140400") or category id as text
    QString name;       ///< full name: 长治市
    QString shortName;  ///< what people type and see: 长治
    QString pinyin;     ///< syllables of shortName, space-separated, ü written v: "lv liang"
    int levelOrder = 0; ///< ties are broken by this first (cities 0, provinces 1, counties 2)
    QString context;    ///< shown beside the name: the province, or the parent category
};

/// How well an entry matches, best first. The order is the ranking.
enum class MatchKind {
    ExactName,
    NamePrefix,
    PinyinExact,
    PinyinPrefix,
    Initials,
    Substring,
    None
};

struct SearchHit
{
    int entry = -1; ///< index into PlaceSearchIndex::entries()
    MatchKind kind = MatchKind::None;
};

/// Finds places and categories as people type them: Chinese substrings (长治,
/// 治), full pinyin with or without spaces (changzhi, chang zhi), a pinyin
/// prefix (chang), initials (cz), and ü typed as v or u (lvliang, luliang).
/// Results are ranked by MatchKind, then levelOrder, then key. Everything the
/// comparison needs is precomputed in setEntries(), so a search is one pass of
/// cheap string tests over a few thousand entries.
class PlaceSearchIndex
{
public:
    void setEntries(const QList<SearchEntry> &entries);
    const QList<SearchEntry> &entries() const { return m_entries; }

    /// At most \a limit hits (all when negative), best first. An empty query finds nothing.
    QList<SearchHit> search(const QString &query, int limit = 50) const;

    /// Lowercase, without spaces and apostrophes, ü as v: how queries and pinyin compare.
    static QString normalizedPinyin(const QString &text);

private:
    struct Prepared
    {
        QString pinyinV;   // "lvliang"
        QString pinyinU;   // "luliang"
        QString initials;  // "ll"
        QString name;      // entry.name, lowercased
        QString shortName; // entry.shortName, lowercased
    };
    MatchKind match(int index, const QString &raw, const QString &pinyinQuery) const;

    QList<SearchEntry> m_entries;
    QList<Prepared> m_prepared;
    QList<int> m_order; // entry indexes by levelOrder, then key: the tie-break order
};

} // namespace ListingDesk
