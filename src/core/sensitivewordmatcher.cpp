#include "sensitivewordmatcher.h"

#include <QChar>

#include <algorithm>
#include <map>

namespace ListingDesk {

char16_t SensitiveWordMatcher::fold(char16_t c)
{
    if (c < 0x80)
        return (c >= u'A' && c <= u'Z') ? char16_t(c + 32) : c;
    // CJK punctuation, kana and the unified ideographs have no case: the bulk
    // of a Chinese article skips the Unicode tables.
    if (c >= 0x3000 && c < 0xA000)
        return c;
    // Full-width ASCII (U+FF01..U+FF5E) maps onto U+0021..U+007E.
    if (c >= 0xFF01 && c <= 0xFF5E)
        return fold(char16_t(c - 0xFF01 + 0x21));
    // Surrogates are compared as they are; folding them alone would be wrong.
    if (QChar::isSurrogate(c))
        return c;
    return QChar::toCaseFolded(c);
}

SensitiveWordMatcher::SensitiveWordMatcher(const QStringList &words)
{
    // Build a plain trie first (maps keep the edges sorted), then flatten it
    // into contiguous arrays that the scan walks without allocating.
    struct BuildNode
    {
        std::map<char16_t, qint32> next;
        qint32 output = -1;
        qint32 depth = 0;
    };
    std::vector<BuildNode> trie(1);
    for (const QString &raw : words) {
        const QString word = raw.trimmed();
        if (word.isEmpty())
            continue;
        qint32 node = 0;
        for (QChar qc : word) {
            const char16_t c = fold(qc.unicode());
            auto found = trie[node].next.find(c);
            if (found == trie[node].next.end()) {
                trie.push_back({});
                trie.back().depth = trie[node].depth + 1;
                found = trie[node].next.emplace(c, qint32(trie.size() - 1)).first;
            }
            node = found->second;
        }
        if (trie[node].output < 0) {
            trie[node].output = qint32(m_words.size());
            m_words << word;
        }
    }

    if (m_words.isEmpty())
        return; // findAll() and containsAny() never step an empty automaton

    // Renumber breadth first so that failure links always point backwards.
    std::vector<qint32> order{0};
    std::vector<qint32> newIndex(trie.size(), 0);
    for (size_t i = 0; i < order.size(); ++i)
        for (const auto &[c, target] : trie[order[i]].next) {
            newIndex[target] = qint32(order.size());
            order.push_back(target);
        }

    m_nodes.resize(trie.size() + 1);
    for (size_t i = 0; i < order.size(); ++i) {
        const BuildNode &old = trie[order[i]];
        m_nodes[i].firstEdge = quint32(m_edges.size());
        m_nodes[i].output = old.output;
        m_nodes[i].depth = old.depth;
        for (const auto &[c, target] : old.next)
            m_edges.push_back({c, newIndex[target]});
    }
    m_nodes.back().firstEdge = quint32(m_edges.size());

    m_rootNext.assign(0x10000, 0);
    for (quint32 e = m_nodes[0].firstEdge; e < m_nodes[1].firstEdge; ++e)
        m_rootNext[m_edges[e].c] = m_edges[e].target;

    // Failure links in breadth-first order; a node without a word of its own
    // inherits the longest word that ends at its failure node.
    for (size_t i = 1; i < order.size(); ++i) {
        const quint32 end = m_nodes[i + 1].firstEdge;
        for (quint32 e = m_nodes[i].firstEdge; e < end; ++e) {
            const qint32 target = m_edges[e].target;
            m_nodes[target].fail = step(m_nodes[i].fail, m_edges[e].c);
            if (m_nodes[target].output < 0)
                m_nodes[target].output = m_nodes[m_nodes[target].fail].output;
        }
    }
}

qint32 SensitiveWordMatcher::child(qint32 node, char16_t c) const
{
    // Below the root nodes have few children; a linear scan beats a search.
    const quint32 end = m_nodes[node + 1].firstEdge;
    for (quint32 e = m_nodes[node].firstEdge; e < end; ++e) {
        if (m_edges[e].c == c)
            return m_edges[e].target;
        if (m_edges[e].c > c)
            break;
    }
    return -1;
}

qint32 SensitiveWordMatcher::step(qint32 node, char16_t c) const
{
    while (node != 0) {
        const qint32 next = child(node, c);
        if (next >= 0)
            return next;
        node = m_nodes[node].fail;
    }
    return m_rootNext[c];
}

QList<SensitiveWordMatcher::Match> SensitiveWordMatcher::findAll(QStringView text) const
{
    QList<Match> matches;
    if (isEmpty())
        return matches;
    qint32 node = 0;
    const qsizetype size = text.size();
    for (qsizetype i = 0; i < size; ++i) {
        node = step(node, fold(text[i].unicode()));
        const qint32 word = m_nodes[node].output;
        if (word < 0)
            continue;
        // Only the longest word ending here can matter: any shorter one ends
        // here too and so lies inside it.
        const qsizetype length = m_words[word].size();
        const Match match{i + 1 - length, length, word};
        // Earlier matches that start at or after this one lie inside it.
        while (!matches.isEmpty() && matches.last().start >= match.start)
            matches.removeLast();
        matches.append(match);
    }
    return matches;
}

bool SensitiveWordMatcher::containsAny(QStringView text) const
{
    if (isEmpty())
        return false;
    qint32 node = 0;
    for (QChar c : text) {
        node = step(node, fold(c.unicode()));
        if (m_nodes[node].output >= 0)
            return true;
    }
    return false;
}

} // namespace ListingDesk
