#include "pickerhistory.h"

#include <QSettings>

namespace ListingDesk {

QStringList PickerHistory::recent() const
{
    return QSettings().value(QStringLiteral("pickers/%1/recent").arg(m_kind)).toStringList();
}

void PickerHistory::addRecent(const QString &key)
{
    QStringList keys = recent();
    keys.removeAll(key);
    keys.prepend(key);
    while (keys.size() > maxRecent)
        keys.removeLast();
    QSettings().setValue(QStringLiteral("pickers/%1/recent").arg(m_kind), keys);
}

QStringList PickerHistory::favourites() const
{
    return QSettings().value(QStringLiteral("pickers/%1/favourites").arg(m_kind)).toStringList();
}

void PickerHistory::toggleFavourite(const QString &key)
{
    QStringList keys = favourites();
    if (!keys.removeAll(key))
        keys.append(key);
    QSettings().setValue(QStringLiteral("pickers/%1/favourites").arg(m_kind), keys);
}

} // namespace ListingDesk
