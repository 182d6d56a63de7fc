#pragma once

#include "result.h"

#include <QSqlDatabase>

namespace ListingDesk {

/// Fills the reference tables (regions, categories) from the data compiled
/// into the program. Runs inside the migration transaction that creates them.
class Seeder
{
public:
    explicit Seeder(QSqlDatabase db) : m_db(std::move(db)) {}

    Result<void> seedAll();
    Result<void> seedRegions();
    Result<void> seedCategories();
    /// Fills categories.pinyin (schema 3) from the "pinyin" of categories.json.
    Result<void> seedCategoryPinyin();

private:
    QSqlDatabase m_db;
};

} // namespace ListingDesk
