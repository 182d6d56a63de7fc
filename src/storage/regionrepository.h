#pragma once

#include "result.h"

#include <QHash>
#include <QList>
#include <QSqlDatabase>
#include <QString>

namespace ListingDesk {

struct Region
{
    QString code;       ///< GB/T 2260, six digits
    QString parentCode; ///< empty for a province
    int level = 0;      ///< 1 province, 2 prefecture-level city, 3 county-level
    QString name;       ///< 长治市
    QString shortName;  ///< 长治
    QString pinyin;     ///< "chang zhi"
    QString initials;   ///< "cz"
};

/// The region table (about 3,000 rows), read once and answered from memory.
class RegionRepository
{
public:
    explicit RegionRepository(QSqlDatabase db) : m_db(std::move(db)) {}

    Result<QList<Region>> all();
    /// Nothing when the code is unknown.
    std::optional<Region> byCode(const QString &code);
    /// The province a region belongs to (itself for a province).
    std::optional<Region> provinceOf(const QString &code);
    /// A code as is, or a name (长治, 长治市) that names exactly one region.
    /// The error lists the candidates when the name is ambiguous.
    Result<QString> resolve(const QString &reference);
    /// "长治 · 山西" for pickers and lists.
    QString displayName(const QString &code);

private:
    Result<void> load();

    QSqlDatabase m_db;
    QList<Region> m_regions;
    QHash<QString, int> m_indexByCode;
    bool m_loaded = false;
};

} // namespace ListingDesk
