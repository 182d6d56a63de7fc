#include "listing.h"

#include "htmltext.h"
#include "sensitivewordmatcher.h"

#include <QCoreApplication>
#include <QMap>

namespace ListingDesk {

bool Listing::sameContent(const Listing &other) const
{
    return uuid == other.uuid && title == other.title && bodyHtml == other.bodyHtml &&
           categoryId == other.categoryId && cityCodes == other.cityCodes && price == other.price &&
           contact == other.contact && expiresAt == other.expiresAt && promoted == other.promoted &&
           status == other.status;
}

namespace {
// Enough places to find the word; a list of fifty would hide the other problems.
constexpr int maxPlacesPerWord = 5;
constexpr qsizetype contextChars = 8;

QString snippet(QStringView paragraph, qsizetype start, qsizetype length)
{
    const qsizetype from = qMax<qsizetype>(0, start - contextChars);
    const qsizetype to = qMin(paragraph.size(), start + length + contextChars);
    QString text = paragraph.mid(from, to - from).toString();
    if (from > 0)
        text.prepend(QChar(0x2026));
    if (to < paragraph.size())
        text.append(QChar(0x2026));
    return text;
}

QString describePlace(const SensitiveWordHit &hit)
{
    switch (hit.field) {
    case SensitiveWordHit::Field::Title:
        return QCoreApplication::translate("Listing", "in the title at character %1")
            .arg(hit.column);
    case SensitiveWordHit::Field::Article:
        return QCoreApplication::translate(
                   "Listing", "in the article, paragraph %1, character %2 (\u201c%3\u201d)")
            .arg(hit.paragraph)
            .arg(hit.column)
            .arg(hit.context);
    case SensitiveWordHit::Field::ContactName:
        return QCoreApplication::translate("Listing", "in the contact name");
    case SensitiveWordHit::Field::ContactPhone:
        return QCoreApplication::translate("Listing", "in the phone number");
    case SensitiveWordHit::Field::ContactWechat:
        return QCoreApplication::translate("Listing", "in the WeChat/QQ field");
    }
    return {};
}
} // namespace

QList<SensitiveWordHit> sensitiveWordHits(const Listing &listing,
                                          const SensitiveWordMatcher &matcher)
{
    QList<SensitiveWordHit> hits;
    if (matcher.isEmpty())
        return hits;
    const auto scan = [&](SensitiveWordHit::Field field, QStringView text) {
        for (const auto &match : matcher.findAll(text))
            hits.append({matcher.words().at(match.wordIndex), field, 0, match.start + 1, {}});
    };
    scan(SensitiveWordHit::Field::Title, listing.title);
    // Paragraph by paragraph, as the editor highlights them: a word split
    // across two paragraphs is not a word the reader sees.
    const QString article = htmlToPlainText(listing.bodyHtml);
    int paragraph = 0;
    for (QStringView line : QStringView(article).split(u'\n')) {
        if (line.trimmed().isEmpty())
            continue;
        ++paragraph;
        for (const auto &match : matcher.findAll(line))
            hits.append({matcher.words().at(match.wordIndex), SensitiveWordHit::Field::Article,
                         paragraph, match.start + 1, snippet(line, match.start, match.length)});
    }
    scan(SensitiveWordHit::Field::ContactName, listing.contact.name);
    scan(SensitiveWordHit::Field::ContactPhone, listing.contact.phone);
    scan(SensitiveWordHit::Field::ContactWechat, listing.contact.wechat);
    return hits;
}

QStringList readinessProblems(const Listing &listing, const SensitiveWordMatcher *matcher)
{
    QStringList problems;
    if (listing.title.trimmed().isEmpty())
        problems << QCoreApplication::translate("Listing", "The title is empty.");
    else if (listing.title.size() > maxTitleLength)
        problems << QCoreApplication::translate("Listing",
                                                "The title is longer than %1 characters.")
                        .arg(maxTitleLength);
    if (listing.categoryId == 0)
        problems << QCoreApplication::translate("Listing", "No category is chosen.");
    if (listing.cityCodes.isEmpty())
        problems << QCoreApplication::translate("Listing", "No city is chosen.");
    if (listing.bodyHtml.trimmed().isEmpty())
        problems << QCoreApplication::translate("Listing", "The article is empty.");
    if (!matcher)
        return problems;
    // One sentence per word, its places in the order they occur.
    QStringList order;
    QMap<QString, QList<SensitiveWordHit>> byWord;
    for (const SensitiveWordHit &hit : sensitiveWordHits(listing, *matcher)) {
        if (!byWord.contains(hit.word))
            order << hit.word;
        byWord[hit.word].append(hit);
    }
    for (const QString &word : std::as_const(order)) {
        const QList<SensitiveWordHit> &hits = byWord[word];
        QStringList places;
        for (qsizetype i = 0; i < hits.size() && i < maxPlacesPerWord; ++i)
            places << describePlace(hits[i]);
        if (hits.size() > maxPlacesPerWord)
            places << QCoreApplication::translate("Listing", "and %n more place(s)", nullptr,
                                                  int(hits.size() - maxPlacesPerWord));
        problems << QCoreApplication::translate("Listing",
                                                "The sensitive word \u201c%1\u201d occurs %2.")
                        .arg(word, places.join(QStringLiteral("; ")));
    }
    return problems;
}

} // namespace ListingDesk
