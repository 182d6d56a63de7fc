#pragma once

#include "listingrepository.h"

#include <QAbstractTableModel>

#include <array>

namespace ListingDesk {

/// The sidebar: All, Drafts, Ready, Published, Failed, Trash with their counts
/// (name in column 0, count in column 1). Counts come from one GROUP BY.
class SavedFilterModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Role { FilterRole = Qt::UserRole + 1, CountRole };

    explicit SavedFilterModel(ListingRepository *repository, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

    int count(SavedFilter filter) const { return m_counts[std::size_t(filter)]; }

public slots:
    void refresh();

private:
    ListingRepository *m_repository;
    std::array<int, savedFilterCount> m_counts{};
};

} // namespace ListingDesk
