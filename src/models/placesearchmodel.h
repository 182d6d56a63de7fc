#pragma once

#include "placesearch.h"

#include <QAbstractListModel>

namespace ListingDesk {

/// The pickers' result list: what PlaceSearchIndex finds for the text typed
/// so far, best first, one row per hit ("长治 · 山西"). Each keystroke
/// replaces the whole list (a model reset): the results of two queries have
/// nothing in common worth animating.
class PlaceSearchModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Role {
        KeyRole = Qt::UserRole + 1, ///< region code or category id as text
        MatchKindRole,              ///< int(MatchKind): how the query matched
    };

    /// Enough to fill a popup; more would only slow typing down.
    static constexpr int resultLimit = 50;

    /// \a entries from regionSearchEntries() or categorySearchEntries().
    explicit PlaceSearchModel(const QList<SearchEntry> &entries, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    QString queryText() const { return m_query; }
    /// Runs the search; an empty query empties the list.
    void setQuery(const QString &query);

    /// The entry shown in \a row, or nullptr outside the results.
    const SearchEntry *entryAt(int row) const;
    const PlaceSearchIndex &searchIndex() const { return m_index; }

    /// "长治 · 山西"; just the short name when the context adds nothing (北京).
    static QString displayText(const SearchEntry &entry);

private:
    PlaceSearchIndex m_index;
    QList<SearchHit> m_hits;
    QString m_query;
};

} // namespace ListingDesk
