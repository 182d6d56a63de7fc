#pragma once

#include <QMainWindow>
#include <QTimer>

class QAction;
class QDockWidget;
class QLabel;
class QPushButton;
class QLineEdit;
class QStackedWidget;
class QTableView;
class QTreeView;

namespace ListingDesk {

class BackupScheduler;
class Library;
class ListingEditor;
class ListingTableModel;
class PortalActions;
class PortalStatusModel;
class SavedFilterModel;
class StatisticsView;
class WelcomeView;
struct ListingQuery;

/// The main window: saved filters on the left, the listing table in the
/// middle, the listing form on the right. It wires the parts together and
/// owns the actions; the parts do the work.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(Library *library, QWidget *parent = nullptr);
    ~MainWindow() override;

    ListingEditor *editor() const { return m_editor; }
    ListingTableModel *listingModel() const { return m_model; }
    StatisticsView *statisticsView() const { return m_statisticsView; }
    /// Portal accounts, publish, pull and conflicts; its controller takes an
    /// injected QNetworkAccessManager (tests use the fake portal).
    PortalActions *portalActions() const { return m_portalActions; }
    BackupScheduler *backupScheduler() const { return m_backupScheduler; }

    /// Selects the listing in the table if it is among the rows read so far
    /// (which loads it into the form).
    bool selectListing(qint64 id);
    /// Shows the listing in the form, selecting its row when it can be found.
    /// False when the form's current listing could not be saved first.
    bool openListing(qint64 id);

public slots:
    void newListing();
    void duplicateSelected();
    void trashSelected();
    void restoreSelected();
    void emptyTrash();
    void importFile();
    void exportFile();
    /// Narrows the table to a chart's bar: the status, category or region of
    /// \a chartQuery, on all listings, until cleared (a chip in the status bar).
    void applyChartFilter(const ListingDesk::ListingQuery &chartQuery, const QString &description);
    void clearChartFilter();
    void showShortcuts();
    void showSettings();

signals:
    /// File › Connect to Team Library… (the LibrarySwitcher answers).
    void connectTeamLibraryRequested();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createActions();
    void createMenus();
    void createWidgets();
    void createStatistics();
    QWidget *createSidebar();
    void configureTableHeader();
    void restoreLayout();
    void reopenLastListing();
    void saveLayout() const;
    void applyFilter();
    void currentRowChanged();
    void refuseToLeaveUnsaved();
    void modelReset();
    void updateActions();
    void updateEmptyState();
    void reloadSensitiveWords();
    void showStatusCount();
    QList<qint64> selectedIds() const;
    void showError(const QString &title, const QString &message);
    void showAbout();

    Library *m_library;
    ListingTableModel *m_model = nullptr;
    SavedFilterModel *m_filterModel = nullptr;
    PortalStatusModel *m_portalStatusModel = nullptr;
    PortalActions *m_portalActions = nullptr;
    QTreeView *m_portalView = nullptr;
    ListingEditor *m_editor = nullptr;
    QTreeView *m_filterView = nullptr;
    QTableView *m_tableView = nullptr;
    QStackedWidget *m_tableStack = nullptr;
    QLabel *m_emptyLabel = nullptr;
    QLabel *m_noListingLabel = nullptr;
    QStackedWidget *m_editorStack = nullptr;
    QLineEdit *m_searchLineEdit = nullptr;
    QLabel *m_countLabel = nullptr;
    QTimer m_searchTimer;
    qint64 m_currentId = 0;

    QAction *m_newAction = nullptr;
    QAction *m_duplicateAction = nullptr;
    QAction *m_trashAction = nullptr;
    QAction *m_restoreAction = nullptr;
    QAction *m_emptyTrashAction = nullptr;
    QAction *m_importAction = nullptr;
    QAction *m_exportAction = nullptr;
    QAction *m_quitAction = nullptr;
    QAction *m_undoAction = nullptr;
    QAction *m_redoAction = nullptr;
    QAction *m_findAction = nullptr;
    QAction *m_aboutAction = nullptr;
    QAction *m_shortcutsAction = nullptr;
    QAction *m_statisticsAction = nullptr;
    QDockWidget *m_statisticsDock = nullptr;
    StatisticsView *m_statisticsView = nullptr;
    QPushButton *m_chartFilterButton = nullptr;
    QStackedWidget *m_centralStack = nullptr;
    WelcomeView *m_welcomeView = nullptr;
    QAction *m_settingsAction = nullptr;
    BackupScheduler *m_backupScheduler = nullptr;
};

} // namespace ListingDesk
