#pragma once

// Writes listings into a library at schema version 1 with raw SQL, the way
// the version-1 program stored them (no full-text index, no revisions).
// Shared by tst_database and the generator of tests/fixtures/library-v1.sqlite.

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QString>
#include <QStringList>
#include <QVariant>

namespace ListingDesk::Testing {

struct V1Listing
{
    QString uuid;
    QString title;
    QString bodyHtml;
    QString bodyText;       ///< what version 1 stored as the visible text
    QString parentCategory; ///< "房产"
    QString category;       ///< "租房"
    QStringList cities;
    QVariant price; ///< null or a number
    QString contactName;
    QString contactPhone;
    QString contactWechat;
    QVariant expiresAt; ///< null or ISO 8601 text with offset
    bool promoted = false;
    QString status = QStringLiteral("draft");
    int revision = 1;
    QString createdAt = QStringLiteral("2024-05-01T08:00:00.000Z");
    QString updatedAt = QStringLiteral("2024-05-02T09:30:00.000Z");
    bool deleted = false;
};

/// Inserts \a l; returns the new row id, or 0 with \a error set.
inline qint64 insertV1Listing(const QSqlDatabase &db, const V1Listing &l, QString *error)
{
    QSqlQuery category(db);
    category.prepare(QStringLiteral("SELECT c.id FROM categories c JOIN categories p "
                                    "ON p.id = c.parent_id WHERE p.name = ? AND c.name = ?"));
    category.addBindValue(l.parentCategory);
    category.addBindValue(l.category);
    if (!category.exec() || !category.next()) {
        *error = QStringLiteral("no category %1/%2 %3")
                     .arg(l.parentCategory, l.category, category.lastError().text());
        return 0;
    }
    QSqlQuery insert(db);
    insert.prepare(QStringLiteral(
        "INSERT INTO listings (uuid, title, body_html, body_text, category_id, price, "
        "contact_name, contact_phone, contact_wechat, expires_at, promoted, status, revision, "
        "created_at, updated_at, deleted, deleted_at) "
        "VALUES (?, ?, ifnull(?, ''), ifnull(?, ''), ?, ?, ifnull(?, ''), ifnull(?, ''), ifnull(?, "
        "''), "
        "?, ?, ?, ?, ?, ?, ?, ?)"));
    for (const QVariant &value :
         {QVariant(l.uuid), QVariant(l.title), QVariant(l.bodyHtml), QVariant(l.bodyText),
          category.value(0), l.price, QVariant(l.contactName), QVariant(l.contactPhone),
          QVariant(l.contactWechat), l.expiresAt, QVariant(l.promoted ? 1 : 0), QVariant(l.status),
          QVariant(l.revision), QVariant(l.createdAt), QVariant(l.updatedAt),
          QVariant(l.deleted ? 1 : 0), l.deleted ? QVariant(l.updatedAt) : QVariant()})
        insert.addBindValue(value);
    if (!insert.exec()) {
        *error = insert.lastError().text();
        return 0;
    }
    const qint64 id = insert.lastInsertId().toLongLong();
    for (int i = 0; i < l.cities.size(); ++i) {
        QSqlQuery region(db);
        region.prepare(QStringLiteral("INSERT INTO listing_regions (listing_id, region_code, "
                                      "position) VALUES (?, ?, ?)"));
        region.addBindValue(id);
        region.addBindValue(l.cities.at(i));
        region.addBindValue(i);
        if (!region.exec()) {
            *error = region.lastError().text();
            return 0;
        }
    }
    return id;
}

/// The listings in tests/fixtures/library-v1.sqlite (see make_library_v1.cpp).
inline QList<V1Listing> fixtureV1Listings()
{
    V1Listing rental;
    rental.uuid = QStringLiteral("6f1d2c3b-8a9e-4f10-9b2c-0d1e2f3a4b01");
    rental.title = QStringLiteral("长治市区精装两室一厅出租");
    rental.bodyHtml = QStringLiteral("<p>拎包入住，<b>近</b>长治学院。</p><p>月租 1500 元</p>");
    rental.bodyText = QStringLiteral("拎包入住，近长治学院。\n月租 1500 元");
    rental.parentCategory = QStringLiteral("房产");
    rental.category = QStringLiteral("租房");
    rental.cities = {QStringLiteral("140403"), QStringLiteral("140400")};
    rental.price = 1500.0;
    rental.contactName = QStringLiteral("王先生");
    rental.contactPhone = QStringLiteral("13800000000");
    rental.contactWechat = QStringLiteral("wangfd");
    rental.expiresAt = QStringLiteral("2026-12-31T00:00:00+08:00");
    rental.promoted = true;
    rental.status = QStringLiteral("ready");
    rental.revision = 3;

    V1Listing job;
    job.uuid = QStringLiteral("6f1d2c3b-8a9e-4f10-9b2c-0d1e2f3a4b02");
    job.title = QStringLiteral("太原急招技术员");
    job.bodyHtml = QStringLiteral("<p>本公司长期招聘消防工程师助理，待遇从优。</p>");
    job.bodyText = QStringLiteral("本公司长期招聘消防工程师助理，待遇从优。");
    job.parentCategory = QStringLiteral("招聘");
    job.category = QStringLiteral("普工技工");
    job.cities = {QStringLiteral("140100")};
    job.status = QStringLiteral("published");

    V1Listing trashed;
    trashed.uuid = QStringLiteral("6f1d2c3b-8a9e-4f10-9b2c-0d1e2f3a4b03");
    trashed.title = QStringLiteral("二手电动车转让");
    trashed.bodyHtml = QStringLiteral("<p>九成新</p>");
    trashed.bodyText = QStringLiteral("九成新");
    trashed.parentCategory = QStringLiteral("车辆");
    trashed.category = QStringLiteral("电动车");
    trashed.cities = {QStringLiteral("110105")};
    trashed.deleted = true;

    return {rental, job, trashed};
}

} // namespace ListingDesk::Testing
