#include "categoryrepository.h"

#include "sqlstatement.h"

#include <QCoreApplication>
#include <QHash>

namespace ListingDesk {

Result<void> CategoryRepository::load()
{
    if (m_loaded)
        return {};
    SqlStatement query(
        m_db, QStringLiteral("SELECT c.id, coalesce(c.parent_id, 0), c.name, c.name_en, c.pinyin "
                             "FROM categories c LEFT JOIN categories p ON p.id = c.parent_id "
                             "ORDER BY coalesce(p.position, c.position), c.parent_id IS NOT NULL, "
                             "c.position, c.id"));
    if (auto done = query.exec(); !done)
        return done;
    QHash<qint64, QString> names;
    m_categories.clear();
    while (query.next()) {
        Category category;
        category.id = query.value(0).toLongLong();
        category.parentId = query.value(1).toLongLong();
        category.name = query.value(2).toString();
        category.nameEn = query.value(3).toString();
        category.pinyin = query.value(4).toString();
        names.insert(category.id, category.name);
        category.path = category.parentId
                            ? names.value(category.parentId) + QLatin1Char('/') + category.name
                            : category.name;
        m_categories << category;
    }
    m_loaded = true;
    return {};
}

Result<QList<Category>> CategoryRepository::all()
{
    if (auto done = load(); !done)
        return done.error();
    return m_categories;
}

Result<qint64> CategoryRepository::idForPath(const QString &path)
{
    if (auto done = load(); !done)
        return done.error();
    const QString wanted = path.trimmed();
    for (const Category &category : std::as_const(m_categories)) {
        if (category.path == wanted)
            return category.id;
    }
    return makeError(Error::Kind::NotFound,
                     QCoreApplication::translate("CategoryRepository",
                                                 "unknown category \"%1\"; write the path of "
                                                 "category names, e.g. 房产/租房")
                         .arg(wanted));
}

QString CategoryRepository::pathOf(qint64 id)
{
    if (!load().ok())
        return {};
    for (const Category &category : std::as_const(m_categories)) {
        if (category.id == id)
            return category.path;
    }
    return {};
}

} // namespace ListingDesk
