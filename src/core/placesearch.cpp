#include "placesearch.h"

#include <algorithm>
#include <array>
#include <numeric>

namespace ListingDesk {

namespace {

// Codes are digit strings: of the same length (region codes) string order is
// number order; the length comes first so that category ids 9 < 10 as well.
bool keyLess(const QString &a, const QString &b)
{
    if (a.size() != b.size())
        return a.size() < b.size();
    return a < b;
}

bool isPinyinQuery(const QString &query)
{
    return std::all_of(query.cbegin(), query.cend(),
                       [](QChar c) { return c >= u'a' && c <= u'z'; });
}

} // namespace

QString PlaceSearchIndex::normalizedPinyin(const QString &text)
{
    QString out;
    out.reserve(text.size());
    for (const QChar c : text) {
        if (c.isSpace() || c == u'\'' || c == u'\u2019')
            continue;
        if (c == u'ü' || c == u'Ü')
            out += u'v';
        else
            out += c.toLower();
    }
    return out;
}

void PlaceSearchIndex::setEntries(const QList<SearchEntry> &entries)
{
    m_entries = entries;
    m_prepared.clear();
    m_prepared.reserve(entries.size());
    for (const SearchEntry &entry : entries) {
        Prepared prepared;
        prepared.pinyinV = normalizedPinyin(entry.pinyin);
        prepared.pinyinU = prepared.pinyinV;
        prepared.pinyinU.replace(u'v', u'u');
        for (const QString &syllable : entry.pinyin.split(u' ', Qt::SkipEmptyParts))
            prepared.initials += normalizedPinyin(syllable.left(1));
        // Names are Chinese, but a few carry Latin letters (IT培训); a typed
        // query is lowercased, so the names are compared lowercased too.
        prepared.name = entry.name.toLower();
        prepared.shortName = entry.shortName.toLower();
        m_prepared << prepared;
    }
    // The tie-break order (levelOrder, then key) is fixed per index, so it is
    // sorted once here and search() only walks entries in that order.
    m_order.resize(entries.size());
    std::iota(m_order.begin(), m_order.end(), 0);
    std::sort(m_order.begin(), m_order.end(), [this](int a, int b) {
        const SearchEntry &x = m_entries.at(a);
        const SearchEntry &y = m_entries.at(b);
        if (x.levelOrder != y.levelOrder)
            return x.levelOrder < y.levelOrder;
        if (x.key != y.key)
            return keyLess(x.key, y.key);
        return a < b;
    });
}

MatchKind PlaceSearchIndex::match(int index, const QString &raw, const QString &pinyinQuery) const
{
    const Prepared &p = m_prepared.at(index);
    if (raw == p.shortName || raw == p.name)
        return MatchKind::ExactName;
    if (p.shortName.startsWith(raw) || p.name.startsWith(raw))
        return MatchKind::NamePrefix;
    if (!pinyinQuery.isEmpty()) {
        if (pinyinQuery == p.pinyinV || pinyinQuery == p.pinyinU)
            return MatchKind::PinyinExact;
        if (p.pinyinV.startsWith(pinyinQuery) || p.pinyinU.startsWith(pinyinQuery))
            return MatchKind::PinyinPrefix;
        // One initial alone would match a third of all places; as a prefix
        // it counts from two letters on (cz, czs).
        if (pinyinQuery == p.initials ||
            (pinyinQuery.size() >= 2 && p.initials.startsWith(pinyinQuery)))
            return MatchKind::Initials;
    }
    if (p.name.contains(raw) || p.shortName.contains(raw))
        return MatchKind::Substring;
    return MatchKind::None;
}

QList<SearchHit> PlaceSearchIndex::search(const QString &query, int limit) const
{
    const QString raw = normalizedPinyin(query);
    if (raw.isEmpty() || limit == 0)
        return {};
    // Chinese text never equals pinyin: skip the pinyin tests for it.
    const QString pinyinQuery = isPinyinQuery(raw) ? raw : QString();

    // Entries are visited in tie-break order, so each kind's bucket comes out
    // already ranked: no sort per keystroke.
    constexpr int kindCount = int(MatchKind::None);
    std::array<QList<SearchHit>, kindCount> buckets;
    for (const int index : m_order) {
        const MatchKind kind = match(index, raw, pinyinQuery);
        if (kind != MatchKind::None)
            buckets[std::size_t(kind)].append(SearchHit{index, kind});
    }
    QList<SearchHit> hits;
    for (const QList<SearchHit> &bucket : buckets) {
        for (const SearchHit &hit : bucket) {
            if (limit >= 0 && hits.size() >= limit)
                return hits;
            hits << hit;
        }
    }
    return hits;
}

} // namespace ListingDesk
