#pragma once

#include "listingquery.h"
#include "statisticsrepository.h"

#include <QTimer>
#include <QWidget>

class QLabel;
class QPushButton;

namespace ListingDesk {

class ChartPanel;
class Library;
class StatisticsLoader;

/// Charts of the library and its publishing: listings by status, per city and
/// per category, posts published per day, views per city and per listing.
/// Every figure comes from StatisticsRepository (SQL aggregates), read in a
/// thread of its own (StatisticsLoader) when the view is shown and again,
/// debounced, after the listings change while it is visible, so a big library
/// never freezes the window. Clicking a bar asks the main window to filter.
class StatisticsView : public QWidget
{
    Q_OBJECT
public:
    explicit StatisticsView(Library *library, QWidget *parent = nullptr);
    ~StatisticsView() override;

    /// What the last read found (empty before the first one ends).
    const LibraryStatistics &statistics() const { return m_statistics; }
    /// True once a read has ended and until the next one starts.
    bool isUpToDate() const;
    /// How many days the activity chart covers.
    static constexpr int activityDays = 30;

public slots:
    /// Reads every aggregate again (in the background) and redraws the charts.
    void refresh();

signals:
    /// A bar of listings by status, city or category was clicked: \a query
    /// carries that status, categoryId or regionCode (the rest is default);
    /// \a description names it for the user ("City: 长治").
    void filterRequested(const ListingDesk::ListingQuery &query, const QString &description);
    /// A bar of the most viewed listings was clicked.
    void listingRequested(qint64 listingId);
    /// New figures are on screen.
    void refreshed();

protected:
    void showEvent(QShowEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void libraryChanged();
    void loaded(const LibraryStatistics &statistics);
    void redraw();
    void showError(const QString &message);

    Library *m_library;
    StatisticsLoader *m_loader = nullptr;
    LibraryStatistics m_statistics;
    QTimer m_refreshTimer;
    bool m_stale = true;
    QLabel *m_updatedLabel = nullptr;
    QPushButton *m_refreshButton = nullptr;
    ChartPanel *m_statusPanel = nullptr;
    ChartPanel *m_cityPanel = nullptr;
    ChartPanel *m_categoryPanel = nullptr;
    ChartPanel *m_activityPanel = nullptr;
    ChartPanel *m_viewsCityPanel = nullptr;
    ChartPanel *m_topListingsPanel = nullptr;
};

} // namespace ListingDesk
