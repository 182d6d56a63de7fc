#include "savedfiltermodel.h"

#include <QLocale>

namespace ListingDesk {

SavedFilterModel::SavedFilterModel(ListingRepository *repository, QObject *parent)
    : QAbstractTableModel(parent), m_repository(repository)
{
    connect(m_repository, &ListingRepository::listingChanged, this, &SavedFilterModel::refresh);
    connect(m_repository, &ListingRepository::listingsChanged, this, &SavedFilterModel::refresh);
    m_counts = m_repository->filterCounts();
}

int SavedFilterModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : savedFilterCount;
}

int SavedFilterModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : 2;
}

QVariant SavedFilterModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const auto filter = SavedFilter(index.row());
    switch (role) {
    case Qt::DisplayRole:
        if (index.column() == 0)
            return savedFilterDisplayName(filter);
        return QLocale().toString(count(filter));
    case Qt::TextAlignmentRole:
        if (index.column() == 1)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case Qt::AccessibleTextRole:
        return tr("%1, %Ln listing(s)", nullptr, count(filter)).arg(savedFilterDisplayName(filter));
    case FilterRole:
        return index.row();
    case CountRole:
        return count(filter);
    }
    return {};
}

void SavedFilterModel::refresh()
{
    const auto counts = m_repository->filterCounts();
    if (counts == m_counts)
        return;
    m_counts = counts;
    emit dataChanged(index(0, 0), index(savedFilterCount - 1, 1));
}

} // namespace ListingDesk
