#pragma once

#include <QStringList>

namespace ListingDesk {

/// Recently picked and favourite cities or categories, kept in the user's
/// settings so the pickers can put them on top.
class PickerHistory
{
public:
    /// \a kind names the list: "cities" or "categories".
    explicit PickerHistory(QString kind) : m_kind(std::move(kind)) {}

    static constexpr int maxRecent = 8;

    QStringList recent() const;
    void addRecent(const QString &key);
    QStringList favourites() const;
    bool isFavourite(const QString &key) const { return favourites().contains(key); }
    void toggleFavourite(const QString &key);

private:
    QString m_kind;
};

} // namespace ListingDesk
