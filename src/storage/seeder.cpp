#include "seeder.h"

#include "csv.h"
#include "sqlstatement.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace ListingDesk {

namespace {

Result<QByteArray> readResource(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return makeError(Error::Kind::Database,
                         QCoreApplication::translate("Seeder", "The built-in data file %1 is "
                                                               "missing from this build.")
                             .arg(path));
    return file.readAll();
}

} // namespace

Result<void> Seeder::seedAll()
{
    if (auto done = seedRegions(); !done)
        return done;
    return seedCategories();
}

Result<void> Seeder::seedRegions()
{
    auto data = readResource(QStringLiteral(":/data/regions.csv"));
    if (!data)
        return data.error();
    auto rows = parseCsv(QString::fromUtf8(data.value()));
    if (!rows)
        return rows.error();
    // Many rows per statement: one round trip per row would take a minute to
    // seed a team library on a PostgreSQL server 20 ms away. 7 x 400 bound
    // values stay far below both backends' limits (SQLite 32766, PostgreSQL 65535).
    constexpr int rowsPerStatement = 400;
    const QString columns = QStringLiteral("INSERT INTO regions (code, parent_code, level, name, "
                                           "short_name, pinyin, initials) VALUES ");
    const QString oneRow = QStringLiteral("(?, ?, ?, ?, ?, ?, ?)");
    QVariantList values;
    int pending = 0;
    auto flush = [&]() -> Result<void> {
        if (pending == 0)
            return {};
        QStringList marks;
        marks.fill(oneRow, pending);
        SqlStatement insert(m_db, columns + marks.join(QLatin1String(", ")));
        auto done = insert.exec(values);
        values.clear();
        pending = 0;
        return done;
    };
    bool header = true;
    for (const CsvRecord &row : std::as_const(rows.value())) {
        if (header) { // code,parent,level,name,short_name,pinyin,initials
            header = false;
            continue;
        }
        if (row.fields.size() != 7)
            return makeError(Error::Kind::Database,
                             QStringLiteral("regions.csv line %1 is malformed").arg(row.line));
        const QStringList &f = row.fields;
        const QVariant parent = f[1].isEmpty() ? QVariant() : QVariant(f[1]);
        values << f[0] << parent << f[2].toInt() << f[3] << f[4] << f[5] << f[6];
        if (++pending == rowsPerStatement) {
            if (auto done = flush(); !done)
                return done;
        }
    }
    return flush();
}

Result<void> Seeder::seedCategories()
{
    auto data = readResource(QStringLiteral(":/data/categories.json"));
    if (!data)
        return data.error();
    const QJsonArray top = QJsonDocument::fromJson(data.value()).array();
    SqlStatement insert(m_db, QStringLiteral("INSERT INTO categories (parent_id, name, name_en, "
                                             "position) VALUES (?, ?, ?, ?) RETURNING id"));
    int position = 0;
    for (const QJsonValue &value : top) {
        const QJsonObject group = value.toObject();
        if (auto done = insert.exec({QVariant(), group.value(QStringLiteral("name")).toString(),
                                     group.value(QStringLiteral("en")).toString(), position++});
            !done)
            return done;
        // RETURNING rather than lastInsertId(), which QPSQL cannot answer.
        const qint64 parentId = insert.next() ? insert.value(0).toLongLong() : 0;
        if (parentId == 0)
            return makeError(Error::Kind::Database,
                             QStringLiteral("categories: no id for %1")
                                 .arg(group.value(QStringLiteral("name")).toString()));
        int childPosition = 0;
        for (const QJsonValue &childValue : group.value(QStringLiteral("children")).toArray()) {
            const QJsonObject child = childValue.toObject();
            if (auto done =
                    insert.exec({parentId, child.value(QStringLiteral("name")).toString(),
                                 child.value(QStringLiteral("en")).toString(), childPosition++});
                !done)
                return done;
        }
    }
    return {};
}

Result<void> Seeder::seedCategoryPinyin()
{
    auto data = readResource(QStringLiteral(":/data/categories.json"));
    if (!data)
        return data.error();
    const QJsonArray top = QJsonDocument::fromJson(data.value()).array();
    // Matched by names, not ids: a library may have been seeded by an older
    // categories.json whose ids differ.
    SqlStatement topUpdate(m_db, QStringLiteral("UPDATE categories SET pinyin = ? "
                                                "WHERE parent_id IS NULL AND name = ?"));
    SqlStatement childUpdate(m_db,
                             QStringLiteral("UPDATE categories SET pinyin = ? WHERE name = ? AND "
                                            "parent_id = (SELECT id FROM categories WHERE "
                                            "parent_id IS NULL AND name = ?)"));
    for (const QJsonValue &value : top) {
        const QJsonObject group = value.toObject();
        const QString groupName = group.value(QStringLiteral("name")).toString();
        if (auto done =
                topUpdate.exec({group.value(QStringLiteral("pinyin")).toString(), groupName});
            !done)
            return done;
        for (const QJsonValue &childValue : group.value(QStringLiteral("children")).toArray()) {
            const QJsonObject child = childValue.toObject();
            if (auto done =
                    childUpdate.exec({child.value(QStringLiteral("pinyin")).toString(),
                                      child.value(QStringLiteral("name")).toString(), groupName});
                !done)
                return done;
        }
    }
    return {};
}

} // namespace ListingDesk
