#pragma once

#include "portalrepository.h"
#include "remotepostrepository.h"

#include <QAbstractTableModel>
#include <QList>
#include <QMap>

namespace ListingDesk {

/// The sidebar's portal list: one row per portal account with how many of
/// the library's posts stand in each state there. Column 0 shows the name
/// with the counts on a second line (the sidebar is too narrow for two
/// columns); column 1 holds the counts alone, NameRole the name alone.
/// One GROUP BY per portal, re-read on refresh().
class PortalStatusModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Role { PortalIdRole = Qt::UserRole + 1, NameRole };

    PortalStatusModel(PortalRepository *portals, RemotePostRepository *remotePosts,
                      QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

    /// Posts in \a state on the portal in \a row.
    int count(int row, RemoteState state) const;
    /// The counts in words, most pressing first: "2 conflicts · 5 on the portal".
    static QString countsText(const QMap<RemoteState, int> &counts);

public slots:
    void refresh();

private:
    struct Row
    {
        PortalInfo portal;
        QMap<RemoteState, int> counts;
    };
    QList<Row> read() const;

    PortalRepository *m_portals;
    RemotePostRepository *m_remotePosts;
    QList<Row> m_rows;
};

} // namespace ListingDesk
