#include "sensitivewordmatcher.h"

#include <QChar>
#include <QSet>

#include <algorithm>

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
    // Sorting the folded words lets the trie be built without a map per
    // node: in sorted order a word shares its prefix with the one before,
    // and every node's children appear in increasing order.
    // words() keeps the caller's order, without blanks and repeats.
    std::vector<QString> folded;
    QSet<QString> seen;
    for (const QString &raw : words) {
        const QString word = raw.trimmed();
        if (word.isEmpty())
            continue;
        QString key = word;
        for (QChar &c : key)
            c = QChar(fold(c.unicode()));
        if (seen.contains(key))
            continue;
        seen.insert(key);
        m_words << word;
        folded.push_back(std::move(key));
    }
    if (m_words.isEmpty())
        return; // findAll() and containsAny() never step an empty automaton
    std::vector<qint32> sorted(folded.size());
    for (size_t i = 0; i < sorted.size(); ++i)
        sorted[i] = qint32(i);
    std::sort(sorted.begin(), sorted.end(),
              [&folded](qint32 a, qint32 b) { return folded[a] < folded[b]; });

    struct BuildNode
    {
        qint32 parent;
        char16_t c;
        qint32 output;
    };
    std::vector<BuildNode> trie{{-1, 0, -1}};
    std::vector<qint32> path{0}; // nodes along the previous word
    const QString *previous = nullptr;
    for (const qint32 index : sorted) {
        const QString &word = folded[size_t(index)];
        qsizetype common = 0;
        if (previous)
            while (common < previous->size() && common < word.size() &&
                   (*previous)[common] == word[common])
                ++common;
        path.resize(size_t(common) + 1);
        for (qsizetype i = common; i < word.size(); ++i) {
            trie.push_back({path.back(), word[i].unicode(), -1});
            path.push_back(qint32(trie.size() - 1));
        }
        trie[size_t(path.back())].output = index;
        previous = &word;
    }

    // Children of each node, contiguous (compressed rows), in creation order,
    // which is increasing character order.
    std::vector<quint32> childStart(trie.size() + 1, 0);
    for (size_t i = 1; i < trie.size(); ++i)
        ++childStart[size_t(trie[i].parent) + 1];
    for (size_t i = 1; i <= trie.size(); ++i)
        childStart[i] += childStart[i - 1];
    std::vector<qint32> children(trie.size());
    {
        std::vector<quint32> fill(childStart.begin(), childStart.end() - 1);
        for (size_t i = 1; i < trie.size(); ++i)
            children[fill[size_t(trie[i].parent)]++] = qint32(i);
    }

    // Renumber breadth first so that failure links always point backwards.
    std::vector<qint32> order{0};
    order.reserve(trie.size());
    std::vector<qint32> newIndex(trie.size(), 0);
    for (size_t i = 0; i < order.size(); ++i)
        for (quint32 k = childStart[order[i]]; k < childStart[order[i] + 1]; ++k) {
            newIndex[children[k]] = qint32(order.size());
            order.push_back(children[k]);
        }

    m_nodes.resize(trie.size() + 1);
    m_edges.reserve(trie.size());
    for (size_t i = 0; i < order.size(); ++i) {
        const qint32 old = order[i];
        m_nodes[i].firstEdge = quint32(m_edges.size());
        m_nodes[i].output = trie[old].output;
        for (quint32 k = childStart[old]; k < childStart[old + 1]; ++k)
            m_edges.push_back({trie[children[k]].c, newIndex[children[k]]});
    }
    m_nodes.back().firstEdge = quint32(m_edges.size());

    // The root's transitions in pages of 256 code units, only the pages that
    // words start in: a Chinese list touches ~80 of 256, and a build does not
    // pay for clearing 256 KB.
    m_rootPage.assign(256, -1);
    for (quint32 e = m_nodes[0].firstEdge; e < m_nodes[1].firstEdge; ++e) {
        const char16_t c = m_edges[e].c;
        if (m_rootPage[c >> 8] < 0) {
            m_rootPage[c >> 8] = qint16(m_rootSlots.size() / 256);
            m_rootSlots.resize(m_rootSlots.size() + 256, 0);
        }
        m_rootSlots[size_t(m_rootPage[c >> 8]) * 256 + (c & 0xFF)] = m_edges[e].target;
    }

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
    const qint16 page = m_rootPage[c >> 8];
    return page < 0 ? 0 : m_rootSlots[size_t(page) * 256 + (c & 0xFF)];
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
