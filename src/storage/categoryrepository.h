#pragma once

#include "result.h"

#include <QList>
#include <QSqlDatabase>
#include <QString>

namespace ListingDesk {

struct Category
{
    qint64 id = 0;
    qint64 parentId = 0; ///< 0 for a top-level category
    QString name;        ///< Chinese name, as on the portal
    QString nameEn;
    QString path;   ///< "房产/租房"
    QString pinyin; ///< "zu fang", for search
};

/// The category tree. Small (about a hundred rows), so it is read once and
/// answered from memory.
class CategoryRepository
{
public:
    explicit CategoryRepository(QSqlDatabase db) : m_db(std::move(db)) {}

    /// Parents before their children, each level in its own order.
    Result<QList<Category>> all();
    /// The id of "房产/租房" (or of a top-level name), with an actionable error otherwise.
    Result<qint64> idForPath(const QString &path);
    QString pathOf(qint64 id);

private:
    Result<void> load();

    QSqlDatabase m_db;
    QList<Category> m_categories;
    bool m_loaded = false;
};

} // namespace ListingDesk
