#pragma once

#include "listingstatus.h"

#include <QDateTime>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <optional>

namespace ListingDesk {

struct Contact
{
    QString name;
    QString phone;
    QString wechat;
    bool operator==(const Contact &) const = default;
};

/// One classified listing as the user composes it. A plain value: storage reads
/// and writes it, the form edits a copy, the interchange format serialises it.
struct Listing
{
    qint64 id = 0; ///< local row id; 0 until stored
    QString uuid;  ///< stable identity across libraries and portals
    QString title;
    QString bodyHtml;
    qint64 categoryId = 0; ///< 0 = no category chosen yet
    QString categoryPath;  ///< "房产/租房", filled by storage for display and export
    QStringList cityCodes; ///< GB/T 2260 codes, in the order the user chose them
    std::optional<double> price;
    Contact contact;
    QDateTime expiresAt; ///< invalid = does not expire
    bool promoted = false;
    ListingStatus status = ListingStatus::Draft;
    int revision = 0; ///< optimistic lock; bumped by every save
    QDateTime createdAt;
    QDateTime updatedAt;
    bool deleted = false; ///< in the trash

    /// Equal in everything the user edits (ignores id, revision and timestamps).
    bool sameContent(const Listing &other) const;
};

class SensitiveWordMatcher;

/// One sensitive word found in a listing, and where.
struct SensitiveWordHit
{
    enum class Field { Title, Article, ContactName, ContactPhone, ContactWechat };
    QString word; ///< as the user's list spells it
    Field field = Field::Title;
    int paragraph = 0;    ///< article only: 1-based, counting non-empty paragraphs
    qsizetype column = 0; ///< 1-based character position in the field or paragraph
    QString context;      ///< article only: a few characters either side
};

/// Every sensitive word in the title, the article's visible text and the
/// contact fields, in that order.
QList<SensitiveWordHit> sensitiveWordHits(const Listing &listing,
                                          const SensitiveWordMatcher &matcher);

/// What a listing still lacks before it may be marked ready, as translated
/// sentences; empty when it is complete. With a \a matcher, a listing that
/// contains any of its words is not ready either: one sentence per word says
/// where it occurs.
QStringList readinessProblems(const Listing &listing,
                              const SensitiveWordMatcher *matcher = nullptr);

/// Title length limit of the local library; portals may have stricter ones.
constexpr int maxTitleLength = 80;

} // namespace ListingDesk

Q_DECLARE_METATYPE(ListingDesk::Listing)
