#include "listingrepository.h"

#include "categoryrepository.h"
#include "htmltext.h"
#include "interchange.h"
#include "regionrepository.h"
#include "sqldialect.h"
#include "sqlstatement.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUuid>

namespace ListingDesk {

namespace {

// How many revisions of a listing are kept; autosave writes one every few
// seconds of typing, so older ones are pruned.
constexpr int keptRevisions = 100;

QString nowText()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}

QDateTime parseTime(const QVariant &value)
{
    if (value.isNull())
        return {};
    QDateTime when = QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
    return when;
}

// A null QString binds as SQL NULL; the text columns are NOT NULL and empty
// is what the user means by a field left blank.
QString text(const QString &value)
{
    return value.isNull() ? QStringLiteral("") : value;
}

QVariant timeValue(const QDateTime &when)
{
    return when.isValid() ? QVariant(when.toString(Qt::ISODate)) : QVariant();
}

ListingStatus statusOf(const QVariant &value)
{
    ListingStatus status = ListingStatus::Draft;
    statusFromKey(value.toString(), &status);
    return status;
}

struct Clause
{
    QStringList conditions;
    QVariantList params;
    QString sql() const
    {
        return conditions.isEmpty()
                   ? QString()
                   : QStringLiteral(" WHERE ") + conditions.join(QLatin1String(" AND "));
    }
};

// A trigram index answers a MATCH only for terms of three or more characters;
// shorter terms (a two-character city like 长治) fall back to LIKE. On
// PostgreSQL every term is an ILIKE, which the pg_trgm indexes answer for three
// or more characters (resources/sql/postgresql/002_fulltext_revisions.sql).
Clause whereFor(const ListingQuery &query, const SqlDialect &dialect)
{
    Clause clause;
    clause.conditions << (query.filter == SavedFilter::Trash ? QStringLiteral("l.deleted = 1")
                                                             : QStringLiteral("l.deleted = 0"));
    switch (query.filter) {
    case SavedFilter::Drafts:
        clause.conditions << QStringLiteral("l.status = 'draft'");
        break;
    case SavedFilter::Ready:
        clause.conditions << QStringLiteral("l.status = 'ready'");
        break;
    case SavedFilter::Published:
        clause.conditions << QStringLiteral("l.status IN ('published', 'modified', 'conflict')");
        break;
    case SavedFilter::Failed:
        clause.conditions << QStringLiteral("l.status = 'failed'");
        break;
    case SavedFilter::All:
    case SavedFilter::Trash:
        break;
    }
    if (query.status) {
        clause.conditions << QStringLiteral("l.status = ?");
        clause.params << statusKey(*query.status);
    }
    // Category and region narrow to a set of ids read from a covering index
    // (listings_category, listing_regions_region), like the full-text match
    // below. Written as "l.category_id IN (...)" or a correlated EXISTS, the
    // planner (which has no statistics and so believes "deleted = 0" matches
    // a handful of rows) reads every listing's wide row instead: 0.65 s instead
    // of 12 ms for one category of a 100,000-listing library (tests/bench).
    if (query.categoryId) {
        clause.conditions << QStringLiteral(
            "l.id IN (SELECT c.id FROM listings c WHERE c.category_id IN "
            "(SELECT id FROM categories WHERE id = ? OR parent_id = ?))");
        clause.params << query.categoryId << query.categoryId;
    }
    if (!query.regionCode.isEmpty()) {
        // A province or city also finds listings aimed at the places below it.
        clause.conditions << QStringLiteral(
            "l.id IN (SELECT lr.listing_id FROM listing_regions lr WHERE lr.region_code IN "
            "(SELECT code FROM regions WHERE code = ? OR parent_code = ? OR parent_code IN "
            "(SELECT code FROM regions WHERE parent_code = ?)))");
        clause.params << query.regionCode << query.regionCode << query.regionCode;
    }
    QStringList longTerms;
    for (const QString &term :
         query.searchText.simplified().split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        // Characters, not UTF-16 units: two emoji or rare CJK characters are
        // four units but only two characters, too short for a trigram.
        if (dialect.hasTrigramTable() && term.toUcs4().size() >= 3) {
            QString quoted = term;
            quoted.replace(QLatin1String("\""), QLatin1String("\"\""));
            longTerms << QLatin1Char('"') + quoted + QLatin1Char('"');
        } else {
            QString pattern = term;
            pattern.replace(QLatin1String("\\"), QLatin1String("\\\\"))
                .replace(QLatin1String("%"), QLatin1String("\\%"))
                .replace(QLatin1String("_"), QLatin1String("\\_"));
            pattern = QLatin1Char('%') + pattern + QLatin1Char('%');
            clause.conditions << QStringLiteral("(l.title %1 ? ESCAPE '\\' OR l.body_text %1 ? "
                                                "ESCAPE '\\')")
                                     .arg(dialect.likeOperator());
            clause.params << pattern << pattern;
        }
    }
    if (!longTerms.isEmpty()) {
        clause.conditions << QStringLiteral(
            "l.id IN (SELECT rowid FROM listings_fts WHERE listings_fts MATCH ?)");
        clause.params << longTerms.join(QLatin1String(" AND "));
    }
    return clause;
}

QString orderFor(const ListingQuery &query)
{
    const QString direction = query.descending ? QStringLiteral(" DESC") : QStringLiteral(" ASC");
    QString key;
    switch (query.sortKey) {
    case ListingQuery::SortKey::Title:
        key = QStringLiteral("l.title");
        break;
    case ListingQuery::SortKey::Category:
        key = QStringLiteral("(SELECT coalesce(p.name || '/', '') || c.name FROM categories c "
                             "LEFT JOIN categories p ON p.id = c.parent_id "
                             "WHERE c.id = l.category_id)");
        break;
    case ListingQuery::SortKey::Cities:
        key = QStringLiteral("(SELECT r.short_name FROM listing_regions lr JOIN regions r "
                             "ON r.code = lr.region_code WHERE lr.listing_id = l.id "
                             "ORDER BY lr.position LIMIT 1)");
        break;
    case ListingQuery::SortKey::Status:
        key = QStringLiteral("l.status");
        break;
    case ListingQuery::SortKey::Updated:
        key = QStringLiteral("l.updated_at");
        break;
    }
    // The id breaks ties so that paging never shows a row twice or skips one.
    return QStringLiteral(" ORDER BY ") + key + direction + QStringLiteral(", l.id") + direction;
}

QString rowColumns(const SqlDialect &dialect)
{
    return QStringLiteral("l.id, l.uuid, l.title, "
                          "(SELECT coalesce(p.name || '/', '') || c.name FROM categories c "
                          " LEFT JOIN categories p ON p.id = c.parent_id WHERE c.id = "
                          "l.category_id), ") +
           dialect.orderedJoin(QStringLiteral("r.short_name"), QStringLiteral("'、'"),
                               QStringLiteral("FROM listing_regions lr JOIN regions r ON r.code "
                                              "= lr.region_code WHERE lr.listing_id = l.id"),
                               QStringLiteral("lr.position")) +
           QStringLiteral(", l.status, l.updated_at, l.promoted, l.deleted");
}

ListingRow rowFrom(const SqlStatement &query)
{
    ListingRow row;
    row.id = query.value(0).toLongLong();
    row.uuid = query.value(1).toString();
    row.title = query.value(2).toString();
    row.category = query.value(3).toString();
    row.cities = query.value(4).toString();
    row.status = statusOf(query.value(5));
    row.updatedAt = parseTime(query.value(6));
    row.promoted = query.value(7).toBool();
    row.deleted = query.value(8).toBool();
    return row;
}

QString placeholders(qsizetype count)
{
    QStringList marks;
    marks.fill(QStringLiteral("?"), count);
    return marks.join(QLatin1Char(','));
}

// Like inTransaction(), but a SQLite transaction takes the write lock up front
// (BEGIN IMMEDIATE). A plain BEGIN reads first (the revision check) and asks
// for the lock later; when another process committed in between, SQLite
// cannot upgrade and fails at once with "database is locked", without waiting
// out the busy timeout. Two editors saving one listing must get a clean
// conflict instead. Kept here rather than in SqlStatement, which other
// writers share; the dialect test is the only SQLite-specific part.
template <typename Body> auto inWriteTransaction(QSqlDatabase db, Body &&body) -> decltype(body())
{
    if (SqlDialect::of(db).isPostgres())
        return inTransaction(db, std::forward<Body>(body));
    if (auto begun = execSql(db, QStringLiteral("BEGIN IMMEDIATE")); !begun)
        return begun.error();
    return finishTransaction(db, body());
}

} // namespace

ListingRepository::ListingRepository(QSqlDatabase db, CategoryRepository *categories,
                                     RegionRepository *regions, QObject *parent)
    : QObject(parent), m_db(std::move(db)), m_categories(categories), m_regions(regions)
{
}

Result<Listing> ListingRepository::readListing(const QString &where, const QVariant &key)
{
    SqlStatement query(
        m_db, QStringLiteral("SELECT id, uuid, title, body_html, coalesce(category_id, 0), "
                             "price, contact_name, contact_phone, contact_wechat, expires_at, "
                             "promoted, status, revision, created_at, updated_at, deleted "
                             "FROM listings WHERE ") +
                  where);
    if (auto done = query.exec({key}); !done)
        return done.error();
    if (!query.next())
        return makeError(Error::Kind::NotFound,
                         tr("The listing %1 does not exist in this library.").arg(key.toString()));
    Listing l;
    l.id = query.value(0).toLongLong();
    l.uuid = query.value(1).toString();
    l.title = query.value(2).toString();
    l.bodyHtml = query.value(3).toString();
    l.categoryId = query.value(4).toLongLong();
    if (!query.value(5).isNull())
        l.price = query.value(5).toDouble();
    l.contact = {query.value(6).toString(), query.value(7).toString(), query.value(8).toString()};
    if (!query.value(9).isNull())
        l.expiresAt = QDateTime::fromString(query.value(9).toString(), Qt::ISODate);
    l.promoted = query.value(10).toBool();
    l.status = statusOf(query.value(11));
    l.revision = query.value(12).toInt();
    l.createdAt = parseTime(query.value(13));
    l.updatedAt = parseTime(query.value(14));
    l.deleted = query.value(15).toBool();
    l.categoryPath = m_categories->pathOf(l.categoryId);

    SqlStatement cities(m_db, QStringLiteral("SELECT region_code FROM listing_regions "
                                             "WHERE listing_id = ? ORDER BY position"));
    if (auto done = cities.exec({l.id}); !done)
        return done.error();
    while (cities.next())
        l.cityCodes << cities.value(0).toString();
    return l;
}

Result<Listing> ListingRepository::load(qint64 id)
{
    return readListing(QStringLiteral("id = ?"), id);
}

Result<Listing> ListingRepository::loadByUuid(const QString &uuid)
{
    return readListing(QStringLiteral("uuid = ?"), uuid);
}

Result<ListingStamp> ListingRepository::stamp(qint64 id)
{
    SqlStatement query(
        m_db, QStringLiteral("SELECT uuid, revision, status, deleted FROM listings WHERE id = ?"));
    if (auto done = query.exec({id}); !done)
        return done.error();
    if (!query.next())
        return makeError(Error::Kind::NotFound,
                         tr("The listing %1 does not exist in this library.").arg(id));
    ListingStamp s;
    s.uuid = query.value(0).toString();
    s.revision = query.value(1).toInt();
    s.status = statusOf(query.value(2));
    s.deleted = query.value(3).toBool();
    return s;
}

Result<void> ListingRepository::writeRegions(qint64 id, const QStringList &codes)
{
    SqlStatement clear(m_db, QStringLiteral("DELETE FROM listing_regions WHERE listing_id = ?"));
    if (auto done = clear.exec({id}); !done)
        return done;
    SqlStatement insert(m_db, QStringLiteral("INSERT INTO listing_regions (listing_id, "
                                             "region_code, position) VALUES (?, ?, ?)"));
    QStringList seen;
    for (const QString &code : codes) {
        if (seen.contains(code))
            continue; // the same city twice is one target
        seen << code;
        const std::optional<Region> region = m_regions->byCode(code);
        if (!region)
            return makeError(
                Error::Kind::Data,
                tr("Unknown city code %1; use a GB/T 2260 code such as 140400.").arg(code));
        // Listings go to city sub-sites; a whole province is a choice of its
        // cities, which the city picker makes in one step.
        if (region->level == 1)
            return makeError(Error::Kind::Data,
                             tr("%1 (%2) is a province; choose its cities instead.")
                                 .arg(code, region->shortName));
        if (auto done = insert.exec({id, code, int(seen.size() - 1)}); !done)
            return done;
    }
    return {};
}

Result<void> ListingRepository::writeRevision(const Listing &listing)
{
    SqlStatement insert(m_db, QStringLiteral("INSERT INTO revisions (listing_id, revision, "
                                             "saved_at, snapshot) VALUES (?, ?, ?, ?) "
                                             "ON CONFLICT (listing_id, revision) DO UPDATE SET "
                                             "saved_at = excluded.saved_at, "
                                             "snapshot = excluded.snapshot"));
    const QByteArray snapshot =
        QJsonDocument(listingToJson(listing)).toJson(QJsonDocument::Compact);
    if (auto done =
            insert.exec({listing.id, listing.revision, nowText(), QString::fromUtf8(snapshot)});
        !done)
        return done;
    SqlStatement prune(m_db, QStringLiteral("DELETE FROM revisions WHERE listing_id = ? "
                                            "AND revision <= ?"));
    return prune.exec({listing.id, listing.revision - keptRevisions});
}

Result<Listing> ListingRepository::insertInTransaction(Listing listing)
{
    if (listing.categoryId && m_categories->pathOf(listing.categoryId).isEmpty())
        return makeError(Error::Kind::Data, tr("Unknown category id %1.").arg(listing.categoryId));
    if (listing.uuid.isEmpty())
        listing.uuid = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const QString now = nowText();
    SqlStatement insert(
        m_db, QStringLiteral("INSERT INTO listings (uuid, title, body_html, body_text, "
                             "category_id, price, contact_name, contact_phone, contact_wechat, "
                             "expires_at, promoted, status, revision, created_at, updated_at) "
                             "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?) RETURNING id"));
    if (auto done = insert.exec({listing.uuid, text(listing.title), text(listing.bodyHtml),
                                 text(htmlToPlainText(listing.bodyHtml)),
                                 listing.categoryId ? QVariant(listing.categoryId) : QVariant(),
                                 listing.price ? QVariant(*listing.price) : QVariant(),
                                 text(listing.contact.name), text(listing.contact.phone),
                                 text(listing.contact.wechat), timeValue(listing.expiresAt),
                                 listing.promoted, statusKey(listing.status), now, now});
        !done)
        return done.error();
    // RETURNING rather than lastInsertId(), which QPSQL cannot answer.
    if (!insert.next())
        return makeError(Error::Kind::Database, tr("The library did not report the new "
                                                   "listing's id."));
    listing.id = insert.value(0).toLongLong();
    listing.revision = 1;
    listing.createdAt = listing.updatedAt = parseTime(now);
    listing.deleted = false;
    listing.categoryPath = m_categories->pathOf(listing.categoryId);
    if (auto done = writeRegions(listing.id, listing.cityCodes); !done)
        return done.error();
    return listing;
}

Result<Listing> ListingRepository::updateInTransaction(Listing listing, bool checkRevision,
                                                       SaveOrigin origin)
{
    if (listing.categoryId && m_categories->pathOf(listing.categoryId).isEmpty())
        return makeError(Error::Kind::Data, tr("Unknown category id %1.").arg(listing.categoryId));
    // The version being replaced goes into the history first. The history
    // holds earlier versions only; the current one lives in listings. A stale
    // edit fails below and the caller's transaction takes this back.
    auto previous = load(listing.id);
    if (!previous)
        return previous.error();
    if (auto done = writeRevision(previous.value()); !done)
        return done.error();
    if (origin == SaveOrigin::User) {
        // Past "ready", the status belongs to publishing: a form that loaded
        // the listing before it was published must not set it back.
        const ListingStatus stored = previous.value().status;
        if (stored != ListingStatus::Draft && stored != ListingStatus::Ready)
            listing.status = stored;
        // The portal still shows the old words: the listing is due for an update.
        Listing asBefore = previous.value();
        asBefore.status = listing.status;
        if (listing.status == ListingStatus::Published && !listing.sameContent(asBefore))
            listing.status = ListingStatus::Modified;
    }
    const QString now = nowText();
    SqlStatement update(
        m_db, QStringLiteral("UPDATE listings SET title = ?, body_html = ?, body_text = ?, "
                             "category_id = ?, price = ?, contact_name = ?, contact_phone = ?, "
                             "contact_wechat = ?, expires_at = ?, promoted = ?, status = ?, "
                             "revision = revision + 1, updated_at = ? "
                             "WHERE id = ? AND (? = 0 OR revision = ?)"));
    if (auto done = update.exec(
            {text(listing.title), text(listing.bodyHtml), text(htmlToPlainText(listing.bodyHtml)),
             listing.categoryId ? QVariant(listing.categoryId) : QVariant(),
             listing.price ? QVariant(*listing.price) : QVariant(), text(listing.contact.name),
             text(listing.contact.phone), text(listing.contact.wechat),
             timeValue(listing.expiresAt), listing.promoted, statusKey(listing.status), now,
             listing.id, checkRevision ? 1 : 0, listing.revision});
        !done)
        return done.error();
    if (update.rowsAffected() != 1) {
        auto stored = load(listing.id);
        if (!stored)
            return stored.error();
        return makeError(Error::Kind::Conflict,
                         tr("\"%1\" was changed elsewhere (now revision %2, this edit started "
                            "from revision %3).")
                             .arg(stored.value().title)
                             .arg(stored.value().revision)
                             .arg(listing.revision));
    }
    if (auto done = writeRegions(listing.id, listing.cityCodes); !done)
        return done.error();
    return load(listing.id);
}

Result<Listing> ListingRepository::create(const Listing &listing)
{
    auto created = inWriteTransaction(m_db, [&] { return insertInTransaction(listing); });
    if (created)
        emit listingsChanged();
    return created;
}

Result<Listing> ListingRepository::save(const Listing &listing, SaveOrigin origin)
{
    auto saved =
        inWriteTransaction(m_db, [&] { return updateInTransaction(listing, true, origin); });
    if (saved)
        emit listingChanged(listing.id);
    return saved;
}

Result<void> ListingRepository::setStatus(qint64 id, ListingStatus status)
{
    SqlStatement update(m_db, QStringLiteral("UPDATE listings SET status = ? WHERE id = ?"));
    if (auto done = update.exec({statusKey(status), id}); !done)
        return done;
    if (update.rowsAffected() != 1)
        return makeError(Error::Kind::NotFound, tr("The listing no longer exists."));
    emit listingChanged(id);
    return {};
}

Result<Listing> ListingRepository::duplicate(qint64 id)
{
    auto original = load(id);
    if (!original)
        return original;
    Listing copy = original.value();
    copy.id = 0;
    copy.uuid.clear();
    copy.title = tr("%1 (copy)").arg(copy.title);
    copy.status = ListingStatus::Draft;
    return create(copy);
}

Result<void> ListingRepository::setDeleted(const QList<qint64> &ids, bool deleted)
{
    // Bound in chunks: SQLite limits the number of parameters of one statement.
    constexpr qsizetype chunk = 500;
    auto done = inWriteTransaction(m_db, [&]() -> Result<void> {
        const QString now = nowText();
        for (qsizetype start = 0; start < ids.size(); start += chunk) {
            const QList<qint64> part = ids.mid(start, chunk);
            // The revision moves too, so a form still open elsewhere cannot
            // save into a listing that was trashed or restored meanwhile.
            SqlStatement update(m_db, QStringLiteral("UPDATE listings SET deleted = ?, "
                                                     "deleted_at = ?, updated_at = ?, "
                                                     "revision = revision + 1 "
                                                     "WHERE id IN (%1)")
                                          .arg(placeholders(part.size())));
            QVariantList params{deleted ? 1 : 0, deleted ? QVariant(now) : QVariant(), now};
            for (qint64 id : part)
                params << id;
            if (auto result = update.exec(params); !result)
                return result;
        }
        return {};
    });
    if (done)
        emit listingsChanged();
    return done;
}

Result<void> ListingRepository::moveToTrash(const QList<qint64> &ids)
{
    return setDeleted(ids, true);
}

Result<void> ListingRepository::restore(const QList<qint64> &ids)
{
    return setDeleted(ids, false);
}

Result<int> ListingRepository::emptyTrash()
{
    SqlStatement purge(m_db, QStringLiteral("DELETE FROM listings WHERE deleted = 1"));
    if (auto done = purge.exec(); !done)
        return done.error();
    const int removed = purge.rowsAffected();
    emit listingsChanged();
    return removed;
}

int ListingRepository::count(const ListingQuery &query)
{
    const Clause where = whereFor(query, SqlDialect::of(m_db));
    SqlStatement statement(m_db, QStringLiteral("SELECT count(*) FROM listings l") + where.sql());
    if (!statement.exec(where.params) || !statement.next())
        return 0;
    return statement.value(0).toInt();
}

QList<ListingRow> ListingRepository::rows(const ListingQuery &query, int offset, int limit)
{
    // The page's ids come first from the (often covering) index alone; only
    // those rows are then read in full. Deep pages stay cheap that way.
    const Clause where = whereFor(query, SqlDialect::of(m_db));
    const QString order = orderFor(query);
    SqlStatement statement(m_db, QStringLiteral("SELECT ") + rowColumns(SqlDialect::of(m_db)) +
                                     QStringLiteral(" FROM listings l WHERE l.id IN ("
                                                    "SELECT l.id FROM listings l") +
                                     where.sql() + order + QStringLiteral(" LIMIT ? OFFSET ?)") +
                                     order);
    QVariantList params = where.params;
    params << SqlDialect::of(m_db).limitValue(limit) << offset;
    QList<ListingRow> result;
    if (!statement.exec(params))
        return result;
    result.reserve(limit);
    while (statement.next())
        result << rowFrom(statement);
    return result;
}

std::optional<ListingRow> ListingRepository::row(qint64 id)
{
    SqlStatement statement(m_db, QStringLiteral("SELECT ") + rowColumns(SqlDialect::of(m_db)) +
                                     QStringLiteral(" FROM listings l WHERE l.id = ?"));
    if (!statement.exec({id}) || !statement.next())
        return std::nullopt;
    return rowFrom(statement);
}

Result<QList<qint64>> ListingRepository::findIds(const ListingQuery &query, int offset, int limit)
{
    const Clause where = whereFor(query, SqlDialect::of(m_db));
    SqlStatement statement(m_db, QStringLiteral("SELECT l.id FROM listings l") + where.sql() +
                                     orderFor(query) + QStringLiteral(" LIMIT ? OFFSET ?"));
    QVariantList params = where.params;
    params << SqlDialect::of(m_db).limitValue(limit) << offset;
    if (auto done = statement.exec(params); !done)
        return done.error();
    QList<qint64> result;
    while (statement.next())
        result << statement.value(0).toLongLong();
    return result;
}

QList<qint64> ListingRepository::ids(const ListingQuery &query, int offset, int limit)
{
    auto found = findIds(query, offset, limit);
    return found ? found.value() : QList<qint64>();
}

std::array<int, savedFilterCount> ListingRepository::filterCounts()
{
    std::array<int, savedFilterCount> counts{};
    SqlStatement statement(m_db, QStringLiteral("SELECT deleted, status, count(*) FROM listings "
                                                "GROUP BY deleted, status"));
    if (!statement.exec())
        return counts;
    auto add = [&counts](SavedFilter filter, int n) { counts[std::size_t(filter)] += n; };
    while (statement.next()) {
        const int n = statement.value(2).toInt();
        if (statement.value(0).toBool()) {
            add(SavedFilter::Trash, n);
            continue;
        }
        add(SavedFilter::All, n);
        switch (statusOf(statement.value(1))) {
        case ListingStatus::Draft:
            add(SavedFilter::Drafts, n);
            break;
        case ListingStatus::Ready:
            add(SavedFilter::Ready, n);
            break;
        case ListingStatus::Published:
        case ListingStatus::Modified:
        case ListingStatus::Conflict:
            add(SavedFilter::Published, n);
            break;
        case ListingStatus::Failed:
            add(SavedFilter::Failed, n);
            break;
        default:
            break;
        }
    }
    return counts;
}

QList<ListingRevision> ListingRepository::revisions(qint64 id)
{
    QList<ListingRevision> result;
    SqlStatement statement(m_db,
                           QStringLiteral("SELECT revision, saved_at, snapshot FROM revisions "
                                          "WHERE listing_id = ? ORDER BY revision DESC"));
    if (!statement.exec({id}))
        return result;
    while (statement.next()) {
        ListingRevision revision;
        revision.revision = statement.value(0).toInt();
        revision.savedAt = parseTime(statement.value(1));
        const QJsonObject snapshot =
            QJsonDocument::fromJson(statement.value(2).toString().toUtf8()).object();
        revision.listing = listingFromJson(snapshot);
        revision.listing.id = id;
        revision.listing.revision = revision.revision;
        result << revision;
    }
    return result;
}

} // namespace ListingDesk
