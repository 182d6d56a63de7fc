#include "mainwindow.h"

#include "aboutdialog.h"
#include "appsettings.h"
#include "articlestatuslabel.h"
#include "backupscheduler.h"
#include "library.h"
#include "librarychangewatcher.h"
#include "listingeditor.h"
#include "listingexporter.h"
#include "listingimporter.h"
#include "listingtablemodel.h"
#include "portalactions.h"
#include "portalstatusmodel.h"
#include "savedfiltermodel.h"
#include "sensitivewordlist.h"
#include "sensitivewordsdialog.h"
#include "settingsdialog.h"
#include "shortcutsdialog.h"
#include "statisticsview.h"
#include "welcomeview.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QFileDialog>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollArea>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableView>
#include <QToolBar>
#include <QTreeView>
#include <QVBoxLayout>

namespace ListingDesk {

MainWindow::MainWindow(Library *library, QWidget *parent) : QMainWindow(parent), m_library(library)
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("ListingDesk"));
    m_model = new ListingTableModel(&library->listings(), this);
    m_filterModel = new SavedFilterModel(&library->listings(), this);
    m_model->setSyncSources(&library->remotePosts(), &library->portals(), &library->regions());
    m_portalStatusModel = new PortalStatusModel(&library->portals(), &library->remotePosts(), this);

    AppSettings::applyNetworkProxy();
    m_backupScheduler = new BackupScheduler(&library->database(), this);

    createActions();
    createWidgets();
    m_editor->setAutosaveDelay(AppSettings::autosaveDelayMs());
    createStatistics();
    m_portalActions = new PortalActions(library, this, m_editor, [this] { return selectedIds(); });
    connect(m_portalActions, &PortalActions::syncChanged, m_model, &ListingTableModel::refreshSync);
    connect(m_portalActions, &PortalActions::syncChanged, m_portalStatusModel,
            &PortalStatusModel::refresh);
    connect(&library->listings(), &ListingRepository::listingsChanged, m_portalStatusModel,
            &PortalStatusModel::refresh);
    connect(m_portalView, &QAbstractItemView::activated, m_portalActions->portalsAction(),
            &QAction::trigger);
    connect(m_portalActions, &PortalActions::openListing, this, &MainWindow::selectListing);
    // Publishing: edits of published listings update their posts, and a queue
    // an earlier run left (quit, crash) carries on.
    connect(m_editor, &ListingEditor::saved, m_portalActions, &PortalActions::queueUpdate);
    m_portalActions->applySettings();
    m_portalActions->resumeQueue();
    createMenus();

    m_searchTimer.setSingleShot(true);
    m_searchTimer.setInterval(200);
    connect(&m_searchTimer, &QTimer::timeout, this, &MainWindow::applyFilter);
    connect(m_model, &QAbstractItemModel::modelReset, this, &MainWindow::modelReset);
    connect(m_editor, &ListingEditor::copySaved, this, [this](qint64 id) { selectListing(id); });
    connect(m_editor, &ListingEditor::saveFailed, this, [this](const QString &message) {
        statusBar()->showMessage(tr("Not saved: %1").arg(message), 10000);
    });
    // Other editors of the library (another window, a team member, the CLI).
    auto *watcher = new LibraryChangeWatcher(library->database().connection(), this);
    connect(watcher, &LibraryChangeWatcher::listingsChangedElsewhere, m_model,
            &ListingTableModel::refreshListings);
    connect(watcher, &LibraryChangeWatcher::libraryChangedElsewhere, m_model,
            &ListingTableModel::refreshKeepingRows);
    connect(watcher, &LibraryChangeWatcher::listingsChangedElsewhere, m_editor,
            &ListingEditor::listingsChangedElsewhere);
    // The sidebar counts and the welcome view follow them too.
    connect(watcher, &LibraryChangeWatcher::listingsChangedElsewhere, m_filterModel,
            &SavedFilterModel::refresh);
    connect(watcher, &LibraryChangeWatcher::libraryChangedElsewhere, m_filterModel,
            &SavedFilterModel::refresh);
    connect(watcher, &LibraryChangeWatcher::libraryChangedElsewhere, m_welcomeView,
            &WelcomeView::refresh);
    if (auto watching = watcher->start(); !watching)
        statusBar()->showMessage(watching.error().message, 10000);

    restoreLayout();
    m_welcomeView->refresh();
    modelReset();
    reopenLastListing();
}

void MainWindow::reopenLastListing()
{
    // Back where the user left off; otherwise the newest listing, so the form
    // is never an empty pane when there is something to show.
    const QString uuid = QSettings().value(QStringLiteral("mainWindow/lastListing")).toString();
    if (!uuid.isEmpty()) {
        auto listing = m_library->listings().loadByUuid(uuid);
        if (listing && !listing.value().deleted && openListing(listing.value().id))
            return;
    }
    if (m_model->rowCount() > 0)
        m_tableView->selectRow(0);
}

MainWindow::~MainWindow() = default;

void MainWindow::createActions()
{
    auto make = [this](const QString &text, const QKeySequence &shortcut, const QString &icon,
                       auto slot) {
        auto *action = new QAction(QIcon::fromTheme(icon), text, this);
        if (!shortcut.isEmpty())
            action->setShortcut(shortcut);
        connect(action, &QAction::triggered, this, slot);
        addAction(action);
        return action;
    };
    m_newAction = make(tr("&New Listing"), QKeySequence::New, QStringLiteral("document-new"),
                       &MainWindow::newListing);
    m_newAction->setObjectName(QStringLiteral("newAction"));
    m_duplicateAction = make(tr("D&uplicate"), QKeySequence(tr("Ctrl+D")),
                             QStringLiteral("edit-copy"), &MainWindow::duplicateSelected);
    m_trashAction = make(tr("Move to &Trash"), QKeySequence::Delete, QStringLiteral("user-trash"),
                         &MainWindow::trashSelected);
    m_trashAction->setObjectName(QStringLiteral("trashAction"));
    // Delete trashes listings only while the table has the focus: in the form
    // it belongs to the fields (and to the city chips). So the action is not
    // one of the window's own; the table view carries it (see createWidgets).
    m_trashAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    removeAction(m_trashAction);
    m_restoreAction = make(tr("&Restore from Trash"), QKeySequence(tr("Ctrl+Shift+R")),
                           QStringLiteral("edit-undo"), &MainWindow::restoreSelected);
    m_restoreAction->setObjectName(QStringLiteral("restoreAction"));
    m_emptyTrashAction = make(tr("&Empty Trash…"), QKeySequence(), QStringLiteral("edit-delete"),
                              &MainWindow::emptyTrash);
    m_importAction = make(tr("&Import…"), QKeySequence(tr("Ctrl+I")),
                          QStringLiteral("document-import"), &MainWindow::importFile);
    m_exportAction = make(tr("&Export…"), QKeySequence(tr("Ctrl+E")),
                          QStringLiteral("document-export"), &MainWindow::exportFile);
    m_quitAction =
        make(tr("&Quit"), QKeySequence::Quit, QStringLiteral("application-exit"), &QWidget::close);
    m_undoAction = make(tr("&Undo"), QKeySequence::Undo, QStringLiteral("edit-undo"),
                        [this] { m_editor->undo(); });
    m_redoAction = make(tr("&Redo"), QKeySequence::Redo, QStringLiteral("edit-redo"),
                        [this] { m_editor->redo(); });
    m_findAction = make(tr("&Find"), QKeySequence::Find, QStringLiteral("edit-find"), [this] {
        m_searchLineEdit->setFocus();
        m_searchLineEdit->selectAll();
    });
    m_aboutAction = make(tr("&About ListingDesk"), QKeySequence(), QStringLiteral("help-about"),
                         &MainWindow::showAbout);
    m_aboutAction->setObjectName(QStringLiteral("aboutAction"));
    m_shortcutsAction = make(tr("&Keyboard Shortcuts"), QKeySequence(tr("Ctrl+/")),
                             QStringLiteral("help-keyboard-shortcuts"), &MainWindow::showShortcuts);
    m_shortcutsAction->setObjectName(QStringLiteral("shortcutsAction"));
    m_settingsAction = make(tr("&Preferences…"), QKeySequence::Preferences,
                            QStringLiteral("preferences-system"), &MainWindow::showSettings);
    m_settingsAction->setObjectName(QStringLiteral("settingsAction"));
    m_settingsAction->setMenuRole(QAction::PreferencesRole);
    // Toolbar labels without menu mnemonics: "新建信息(&N)" would show as "新建信息(N)".
    m_newAction->setIconText(tr("New"));
    m_duplicateAction->setIconText(tr("Duplicate"));
    m_trashAction->setIconText(tr("Trash", "toolbar: move to trash"));
    m_importAction->setIconText(tr("Import"));
    m_exportAction->setIconText(tr("Export"));
    // Stable names for GUI tests and accessibility tools.
    m_duplicateAction->setObjectName(QStringLiteral("duplicateAction"));
    m_emptyTrashAction->setObjectName(QStringLiteral("emptyTrashAction"));
    m_importAction->setObjectName(QStringLiteral("importAction"));
    m_exportAction->setObjectName(QStringLiteral("exportAction"));
    m_quitAction->setObjectName(QStringLiteral("quitAction"));
    m_undoAction->setObjectName(QStringLiteral("undoAction"));
    m_redoAction->setObjectName(QStringLiteral("redoAction"));
    m_findAction->setObjectName(QStringLiteral("findAction"));
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_newAction);
    file->addSeparator();
    file->addAction(m_importAction);
    file->addAction(m_exportAction);
    file->addSeparator();
    QAction *teamAction = file->addAction(tr("Connect to &Team Library…"));
    teamAction->setObjectName(QStringLiteral("connectTeamLibraryAction"));
    connect(teamAction, &QAction::triggered, this, &MainWindow::connectTeamLibraryRequested);
    file->addSeparator();
    file->addAction(m_quitAction);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    edit->addAction(m_undoAction);
    edit->addAction(m_redoAction);
    edit->addSeparator();
    edit->addAction(m_duplicateAction);
    edit->addAction(m_trashAction);
    edit->addAction(m_restoreAction);
    edit->addAction(m_emptyTrashAction);
    edit->addSeparator();
    edit->addAction(m_findAction);
    edit->addAction(m_editor->findInArticleAction());
    edit->addSeparator();
    edit->addAction(m_settingsAction);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->setObjectName(QStringLiteral("viewMenu"));
    view->addAction(m_editor->previewAction());
    view->addAction(m_statisticsAction);

    QMenu *tools = menuBar()->addMenu(tr("&Tools"));
    tools->setObjectName(QStringLiteral("toolsMenu"));
    QAction *sensitiveWords = tools->addAction(tr("&Sensitive Words…"), this, [this] {
        auto *dialog = new SensitiveWordsDialog(this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(dialog, &SensitiveWordsDialog::wordsSaved, this, &MainWindow::reloadSensitiveWords);
        dialog->open();
    });
    sensitiveWords->setObjectName(QStringLiteral("sensitiveWordsAction"));

    QMenu *portal = menuBar()->addMenu(tr("P&ortal"));
    portal->setObjectName(QStringLiteral("portalMenu"));
    portal->addAction(m_portalActions->publishAction());
    portal->addAction(m_portalActions->unpublishAction());
    portal->addAction(m_portalActions->queueAction());
    portal->addAction(m_portalActions->pullAction());
    portal->addAction(m_portalActions->resolveConflictAction());
    portal->addSeparator();
    portal->addAction(m_portalActions->portalsAction());

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(m_shortcutsAction);
    help->addSeparator();
    help->addAction(m_aboutAction);
    help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);

    QToolBar *toolBar = addToolBar(tr("Main"));
    toolBar->setObjectName(QStringLiteral("mainToolBar"));
    toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toolBar->addAction(m_newAction);
    toolBar->addAction(m_duplicateAction);
    toolBar->addAction(m_trashAction);
    toolBar->addSeparator();
    toolBar->addAction(m_importAction);
    toolBar->addAction(m_exportAction);
    toolBar->addSeparator();
    toolBar->addAction(m_portalActions->publishAction());
    toolBar->addAction(m_portalActions->pullAction());
    toolBar->addSeparator();
    toolBar->addWidget(m_searchLineEdit);
}

void MainWindow::createWidgets()
{
    m_searchLineEdit = new QLineEdit(this);
    m_searchLineEdit->setObjectName(QStringLiteral("searchLineEdit"));
    m_searchLineEdit->setPlaceholderText(tr("Search titles and articles (Ctrl+F)"));
    m_searchLineEdit->setAccessibleName(tr("Search listings"));
    m_searchLineEdit->setClearButtonEnabled(true);
    m_searchLineEdit->setMinimumWidth(260);
    connect(m_searchLineEdit, &QLineEdit::textChanged, this, [this] { m_searchTimer.start(); });

    m_filterView = new QTreeView(this);
    m_filterView->setObjectName(QStringLiteral("filterView"));
    m_filterView->setAccessibleName(tr("Saved filters"));
    m_filterView->setModel(m_filterModel);
    m_filterView->setRootIsDecorated(false);
    m_filterView->setHeaderHidden(true);
    m_filterView->setUniformRowHeights(true);
    m_filterView->setIndentation(0);
    m_filterView->setStyleSheet(QStringLiteral("QTreeView::item { padding: 4px 6px; }"));
    m_filterView->header()->setStretchLastSection(false);
    m_filterView->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_filterView->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_filterView->setCurrentIndex(m_filterModel->index(0, 0));
    connect(m_filterView->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this] {
        // A saved filter replaces a chart's filter rather than narrowing it.
        if (m_chartFilterButton && !m_chartFilterButton->isHidden())
            clearChartFilter();
        applyFilter();
    });

    m_tableView = new QTableView(this);
    m_tableView->setObjectName(QStringLiteral("listingTableView"));
    m_tableView->setAccessibleName(tr("Listings"));
    m_tableView->setModel(m_model);
    m_tableView->setSortingEnabled(true);
    m_tableView->sortByColumn(ListingTableModel::UpdatedColumn, Qt::DescendingOrder);
    m_tableView->setAlternatingRowColors(true);
    m_tableView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_tableView->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_tableView->setWordWrap(false);
    m_tableView->setTextElideMode(Qt::ElideRight);
    m_tableView->verticalHeader()->hide();
    // Fixed row heights let the view skip measuring 100,000 rows.
    m_tableView->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_tableView->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 10);
    configureTableHeader();
    m_tableView->addAction(m_trashAction);
    connect(m_tableView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &MainWindow::currentRowChanged);
    connect(m_tableView->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &MainWindow::updateActions);
    connect(m_tableView, &QAbstractItemView::doubleClicked, this, [this](const QModelIndex &index) {
        // A listing in conflict opens the side-by-side comparison.
        if (index.data(ListingTableModel::StatusRole).toInt() == int(ListingStatus::Conflict))
            m_portalActions->openConflictDialog(m_model->idAt(index.row()));
    });

    m_emptyLabel = new QLabel(this);
    m_emptyLabel->setObjectName(QStringLiteral("emptyStateLabel"));
    m_emptyLabel->setAlignment(Qt::AlignCenter);
    m_emptyLabel->setWordWrap(true);
    m_emptyLabel->setMargin(24);
    m_tableStack = new QStackedWidget(this);
    m_tableStack->addWidget(m_tableView);
    m_tableStack->addWidget(m_emptyLabel);

    m_editor = new ListingEditor(m_library, this);
    m_editor->setObjectName(QStringLiteral("listingEditor"));
    auto *editorScroll = new QScrollArea(this);
    editorScroll->setWidget(m_editor);
    editorScroll->setWidgetResizable(true);
    editorScroll->setFrameShape(QFrame::NoFrame);
    // Not a Tab stop of its own: it scrolls to whichever field has the focus.
    editorScroll->setFocusPolicy(Qt::NoFocus);
    m_noListingLabel =
        new QLabel(tr("Select a listing to edit it here, or press %1 to write a new one.")
                       .arg(m_newAction->shortcut().toString(QKeySequence::NativeText)),
                   this);
    m_noListingLabel->setObjectName(QStringLiteral("noListingLabel"));
    m_noListingLabel->setAlignment(Qt::AlignCenter);
    m_noListingLabel->setWordWrap(true);
    m_noListingLabel->setMargin(24);
    m_editorStack = new QStackedWidget(this);
    m_editorStack->addWidget(m_noListingLabel);
    m_editorStack->addWidget(editorScroll);
    m_editorStack->setMinimumWidth(380);
    connect(m_editor, &ListingEditor::listingShown, m_editorStack,
            [this](bool shown) { m_editorStack->setCurrentIndex(shown ? 1 : 0); });

    auto *splitter = new QSplitter(this);
    splitter->setObjectName(QStringLiteral("mainSplitter"));
    splitter->addWidget(createSidebar());
    splitter->addWidget(m_tableStack);
    splitter->addWidget(m_editorStack);
    splitter->setStretchFactor(0, 0);
    splitter->setStretchFactor(1, 3);
    splitter->setStretchFactor(2, 2);
    splitter->setSizes({150, 700, 430});
    // An empty library opens on the welcome view instead of an empty grid.
    m_welcomeView = new WelcomeView(m_library, this);
    connect(m_welcomeView, &WelcomeView::newListingRequested, this, &MainWindow::newListing);
    connect(m_welcomeView, &WelcomeView::importRequested, m_importAction, &QAction::trigger);
    connect(m_welcomeView, &WelcomeView::sampleLibraryOpened, this, [this] {
        m_tableView->selectRow(0);
        m_tableView->setFocus();
    });
    m_centralStack = new QStackedWidget(this);
    m_centralStack->addWidget(splitter);
    m_centralStack->addWidget(m_welcomeView);
    setCentralWidget(m_centralStack);
    connect(m_welcomeView, &WelcomeView::libraryEmptyChanged, m_centralStack,
            [this](bool empty) { m_centralStack->setCurrentIndex(empty ? 1 : 0); });

    m_countLabel = new QLabel(this);
    m_countLabel->setObjectName(QStringLiteral("countLabel"));
    statusBar()->addPermanentWidget(m_editor->statusLabel());
    statusBar()->addPermanentWidget(m_countLabel);
}

void MainWindow::createStatistics()
{
    m_statisticsView = new StatisticsView(m_library, this);
    m_statisticsView->setObjectName(QStringLiteral("statisticsView"));
    m_statisticsDock = new QDockWidget(tr("Statistics"), this);
    m_statisticsDock->setObjectName(QStringLiteral("statisticsDock"));
    m_statisticsDock->setWidget(m_statisticsView);
    addDockWidget(Qt::BottomDockWidgetArea, m_statisticsDock);
    // Closed until asked for: the charts count only while they are shown.
    m_statisticsDock->hide();
    m_statisticsAction = m_statisticsDock->toggleViewAction();
    m_statisticsAction->setText(tr("&Statistics"));
    m_statisticsAction->setShortcut(QKeySequence(tr("F9")));
    m_statisticsAction->setObjectName(QStringLiteral("statisticsAction"));
    addAction(m_statisticsAction);
    connect(m_statisticsView, &StatisticsView::filterRequested, this,
            &MainWindow::applyChartFilter);
    connect(m_statisticsView, &StatisticsView::listingRequested, this,
            [this](qint64 id) { openListing(id); });

    m_chartFilterButton = new QPushButton(this);
    m_chartFilterButton->setObjectName(QStringLiteral("chartFilterButton"));
    m_chartFilterButton->setFlat(true);
    m_chartFilterButton->setToolTip(tr("Show all listings again"));
    m_chartFilterButton->hide();
    connect(m_chartFilterButton, &QPushButton::clicked, this, &MainWindow::clearChartFilter);
    statusBar()->addPermanentWidget(m_chartFilterButton);
}

void MainWindow::applyChartFilter(const ListingQuery &chartQuery, const QString &description)
{
    m_editor->saveNow();
    // The bar counted all live listings regardless of the search box, so the
    // table drops both to show exactly those.
    {
        const QSignalBlocker blockSearch(m_searchLineEdit);
        m_searchLineEdit->clear();
    }
    m_filterView->setCurrentIndex(m_filterModel->index(int(SavedFilter::All), 0));
    ListingQuery query = m_model->query();
    query.filter = SavedFilter::All;
    query.searchText.clear();
    query.status = chartQuery.status;
    query.categoryId = chartQuery.categoryId;
    query.regionCode = chartQuery.regionCode;
    if (query != m_model->query())
        m_model->setQuery(query);
    m_chartFilterButton->setText(tr("%1  ✕").arg(description));
    m_chartFilterButton->setAccessibleName(tr("Clear the filter %1").arg(description));
    m_chartFilterButton->show();
    updateActions();
}

void MainWindow::clearChartFilter()
{
    m_chartFilterButton->hide();
    ListingQuery query = m_model->query();
    query.status.reset();
    query.categoryId = 0;
    query.regionCode.clear();
    if (query != m_model->query())
        m_model->setQuery(query);
    updateActions();
}

void MainWindow::showShortcuts()
{
    // Built afresh each time from the actions as they are now; modeless, so
    // the user can keep it open while trying the keys.
    auto *dialog = new ShortcutsDialog(this, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
}

QWidget *MainWindow::createSidebar()
{
    // Saved filters on top, the portals with their post counts below.
    m_portalView = new QTreeView(this);
    m_portalView->setObjectName(QStringLiteral("portalStatusView"));
    m_portalView->setAccessibleName(tr("Portals"));
    m_portalView->setModel(m_portalStatusModel);
    m_portalView->setRootIsDecorated(false);
    m_portalView->setHeaderHidden(true);
    m_portalView->setIndentation(0);
    // The sidebar is narrow: column 0 carries the name with the counts below it.
    m_portalView->setUniformRowHeights(false);
    m_portalView->setTextElideMode(Qt::ElideRight);
    m_portalView->setColumnHidden(1, true);
    m_portalView->setStyleSheet(QStringLiteral("QTreeView::item { padding: 3px 6px; }"));
    auto *portalsLabel = new QLabel(tr("Portals"), this);
    portalsLabel->setMargin(4);
    portalsLabel->setStyleSheet(QStringLiteral("font-weight: bold;"));
    auto *sidebar = new QSplitter(Qt::Vertical, this);
    sidebar->setObjectName(QStringLiteral("sidebarSplitter"));
    sidebar->addWidget(m_filterView);
    auto *portalPane = new QWidget(this);
    auto *portalLayout = new QVBoxLayout(portalPane);
    portalLayout->setContentsMargins(0, 0, 0, 0);
    portalLayout->setSpacing(0);
    portalLayout->addWidget(portalsLabel);
    // An empty list says how to fill it.
    auto *noPortalLabel = new QLabel(tr("No portal yet.\nAdd one under Portal → Portals…"), this);
    noPortalLabel->setObjectName(QStringLiteral("noPortalLabel"));
    noPortalLabel->setWordWrap(true);
    noPortalLabel->setAlignment(Qt::AlignCenter);
    auto *portalStack = new QStackedWidget(this);
    portalStack->addWidget(m_portalView);
    portalStack->addWidget(noPortalLabel);
    auto showPortals = [this, portalStack] {
        portalStack->setCurrentIndex(m_portalStatusModel->rowCount() > 0 ? 0 : 1);
    };
    connect(m_portalStatusModel, &QAbstractItemModel::modelReset, portalStack, showPortals);
    showPortals();
    portalLayout->addWidget(portalStack);
    sidebar->addWidget(portalPane);
    sidebar->setStretchFactor(0, 3);
    sidebar->setStretchFactor(1, 1);
    return sidebar;
}

void MainWindow::showSettings()
{
    auto *dialog = new SettingsDialog(m_library, m_backupScheduler, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &SettingsDialog::settingsSaved, this, [this] {
        m_editor->setAutosaveDelay(AppSettings::autosaveDelayMs());
        m_portalActions->applySettings();
    });
    connect(dialog, &SettingsDialog::sensitiveWordsSaved, this, &MainWindow::reloadSensitiveWords);
    dialog->open();
}

void MainWindow::reloadSensitiveWords()
{
    SensitiveWordList words;
    words.load();
    auto matcher = words.makeMatcher();
    m_editor->setSensitiveWords(matcher);
    m_portalActions->setSensitiveWords(matcher);
}

void MainWindow::configureTableHeader()
{
    QHeaderView *header = m_tableView->horizontalHeader();
    header->setStretchLastSection(false);
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setSectionResizeMode(ListingTableModel::TitleColumn, QHeaderView::Stretch);
    const QFontMetrics metrics = fontMetrics();
    header->resizeSection(ListingTableModel::CategoryColumn,
                          metrics.horizontalAdvance(QStringLiteral("生活服务/家政保洁")) + 16);
    header->resizeSection(ListingTableModel::CitiesColumn,
                          metrics.horizontalAdvance(QStringLiteral("长治、太原、北京")) + 16);
    header->resizeSection(ListingTableModel::StatusColumn,
                          metrics.horizontalAdvance(tr("Publishing")) + 24);
    // Wide enough for this locale's short date and time; measuring every row
    // of a 100,000-row table (ResizeToContents) would be slow.
    const QString sampleDate =
        ListingTableModel::shortDateTime(QDateTime(QDate(2026, 12, 28), QTime(23, 59)));
    header->resizeSection(ListingTableModel::UpdatedColumn,
                          metrics.horizontalAdvance(sampleDate) + 28);
    // Narrow on purpose: the title needs the room; the full state of every
    // city is in the cell's tooltip, and the column can be widened.
    header->resizeSection(ListingTableModel::PortalColumn, metrics.averageCharWidth() * 12 + 16);
}

void MainWindow::restoreLayout()
{
    QSettings settings;
    if (!restoreGeometry(settings.value(QStringLiteral("mainWindow/geometry")).toByteArray()))
        resize(1280, 800);
    restoreState(settings.value(QStringLiteral("mainWindow/state")).toByteArray());
    if (auto *splitter = findChild<QSplitter *>(QStringLiteral("mainSplitter")))
        splitter->restoreState(settings.value(QStringLiteral("mainWindow/splitter")).toByteArray());
    const QByteArray header =
        settings.value(QStringLiteral("mainWindow/tableHeader")).toByteArray();
    if (!header.isEmpty())
        m_tableView->horizontalHeader()->restoreState(header);
}

void MainWindow::saveLayout() const
{
    QSettings settings;
    settings.setValue(QStringLiteral("mainWindow/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("mainWindow/state"), saveState());
    if (auto *splitter = findChild<QSplitter *>(QStringLiteral("mainSplitter")))
        settings.setValue(QStringLiteral("mainWindow/splitter"), splitter->saveState());
    settings.setValue(QStringLiteral("mainWindow/tableHeader"),
                      m_tableView->horizontalHeader()->saveState());
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!m_editor->saveNow()) {
        const auto answer = QMessageBox::warning(
            this, tr("Unsaved listing"),
            tr("The listing being edited could not be saved. Close anyway and lose the "
               "changes since the last save?"),
            QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Cancel);
        if (answer != QMessageBox::Discard) {
            event->ignore();
            return;
        }
    }
    saveLayout();
    QSettings().setValue(QStringLiteral("mainWindow/lastListing"),
                         m_editor->hasListing() ? m_editor->currentListing().uuid : QString());
    event->accept();
}

void MainWindow::applyFilter()
{
    m_editor->saveNow();
    ListingQuery query = m_model->query();
    query.filter = SavedFilter(qMax(0, m_filterView->currentIndex().row()));
    query.searchText = m_searchLineEdit->text().trimmed();
    if (query != m_model->query())
        m_model->setQuery(query);
    updateActions();
}

void MainWindow::modelReset()
{
    // After a re-query the current listing is selected again if it is still shown.
    if (m_currentId && m_model->rowCount() > 0) {
        m_model->idAt(0); // reads the first page, where a new or edited listing usually is
        const int row = m_model->rowOf(m_currentId);
        if (row >= 0) {
            QSignalBlocker blocker(m_tableView->selectionModel());
            m_tableView->selectionModel()->setCurrentIndex(m_model->index(row, 0),
                                                           QItemSelectionModel::ClearAndSelect |
                                                               QItemSelectionModel::Rows);
        }
    }
    updateEmptyState();
    updateActions();
    showStatusCount();
}

bool MainWindow::selectListing(qint64 id)
{
    if (m_model->rowCount() > 0)
        m_model->idAt(0); // the first page, where new and recently saved listings are
    const int row = m_model->rowOf(id);
    if (row < 0)
        return false;
    m_tableView->selectionModel()->setCurrentIndex(
        m_model->index(row, 0), QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_tableView->scrollTo(m_model->index(row, 0));
    return true;
}

bool MainWindow::openListing(qint64 id)
{
    if (selectListing(id))
        return m_editor->listingId() == id;
    // Not among the rows read so far (a deep row, another sort order): open it
    // in the form anyway and leave the table's selection empty.
    if (!m_editor->saveNow())
        return false;
    auto listing = m_library->listings().load(id);
    if (!listing) {
        showError(tr("Cannot open the listing"), listing.error().message);
        return false;
    }
    {
        const QSignalBlocker blocker(m_tableView->selectionModel());
        m_tableView->selectionModel()->clearSelection();
    }
    m_currentId = id;
    return m_editor->setListing(listing.value());
}

void MainWindow::refuseToLeaveUnsaved()
{
    // The form still holds words that could not be stored: keep the table on
    // that listing so the user sees what needs attention.
    const int row = m_model->rowOf(m_editor->listingId());
    const QSignalBlocker blocker(m_tableView->selectionModel());
    if (row >= 0)
        m_tableView->selectionModel()->setCurrentIndex(m_model->index(row, 0),
                                                       QItemSelectionModel::ClearAndSelect |
                                                           QItemSelectionModel::Rows);
    else
        m_tableView->selectionModel()->clearSelection();
    statusBar()->showMessage(tr("The open listing is not saved yet; save it as a copy or undo "
                                "your changes first."),
                             10000);
}

void MainWindow::currentRowChanged()
{
    const QModelIndex current = m_tableView->currentIndex();
    const qint64 id = current.isValid() ? m_model->idAt(current.row()) : 0;
    if (id == m_editor->listingId())
        return;
    if (!m_editor->saveNow()) {
        refuseToLeaveUnsaved();
        return;
    }
    m_currentId = id;
    if (!id) {
        m_editor->clear();
        return;
    }
    auto listing = m_library->listings().load(id);
    if (!listing) {
        showError(tr("Cannot open the listing"), listing.error().message);
        return;
    }
    m_editor->setListing(listing.value());
}

void MainWindow::newListing()
{
    if (!m_editor->saveNow()) {
        refuseToLeaveUnsaved();
        return;
    }
    auto created = m_library->listings().create(Listing{});
    if (!created) {
        showError(tr("Cannot create a listing"), created.error().message);
        return;
    }
    m_currentId = created.value().id;
    if (m_filterView->currentIndex().row() != int(SavedFilter::All) &&
        m_filterView->currentIndex().row() != int(SavedFilter::Drafts))
        m_filterView->setCurrentIndex(m_filterModel->index(int(SavedFilter::All), 0));
    if (openListing(created.value().id))
        m_editor->focusTitle();
}

void MainWindow::duplicateSelected()
{
    if (!m_editor->saveNow()) {
        refuseToLeaveUnsaved();
        return;
    }
    qint64 last = 0;
    for (qint64 id : selectedIds()) {
        auto copy = m_library->listings().duplicate(id);
        if (!copy) {
            showError(tr("Cannot duplicate"), copy.error().message);
            return;
        }
        last = copy.value().id;
    }
    if (last)
        openListing(last);
}

void MainWindow::trashSelected()
{
    const QList<qint64> ids = selectedIds();
    if (ids.isEmpty() || m_model->query().filter == SavedFilter::Trash)
        return;
    if (!m_editor->saveNow()) {
        refuseToLeaveUnsaved();
        return;
    }
    if (ids.contains(m_editor->listingId())) {
        m_editor->clear();
        m_currentId = 0;
    }
    if (auto done = m_library->listings().moveToTrash(ids); !done) {
        showError(tr("Cannot move to the trash"), done.error().message);
        return;
    }
    statusBar()->showMessage(
        tr("Moved %n listing(s) to the trash. Restore them from Trash.", nullptr, int(ids.size())),
        8000);
}

void MainWindow::restoreSelected()
{
    const QList<qint64> ids = selectedIds();
    if (ids.isEmpty())
        return;
    if (auto done = m_library->listings().restore(ids); !done) {
        showError(tr("Cannot restore"), done.error().message);
        return;
    }
    statusBar()->showMessage(tr("Restored %n listing(s).", nullptr, int(ids.size())), 8000);
}

void MainWindow::emptyTrash()
{
    const int inTrash = m_filterModel->count(SavedFilter::Trash);
    if (inTrash == 0)
        return;
    if (!m_editor->saveNow()) {
        refuseToLeaveUnsaved();
        return;
    }
    const auto answer = QMessageBox::question(
        this, tr("Empty the trash"),
        tr("Delete the %n listing(s) in the trash for good? This cannot be undone.", nullptr,
           inTrash),
        QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
    if (answer != QMessageBox::Yes)
        return;
    if (m_editor->hasListing() && m_editor->currentListing().deleted) {
        m_editor->clear();
        m_currentId = 0;
    }
    if (auto done = m_library->listings().emptyTrash(); !done)
        showError(tr("Cannot empty the trash"), done.error().message);
}

void MainWindow::importFile()
{
    m_editor->saveNow();
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Import listings"),
        QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation),
        tr("Listings (*.json *.csv);;JSON (*.json);;CSV (*.csv)"));
    if (path.isEmpty())
        return;
    QApplication::setOverrideCursor(Qt::WaitCursor);
    auto summary = ListingImporter(*m_library).importFile(path);
    QApplication::restoreOverrideCursor();
    if (!summary) {
        showError(tr("Nothing was imported"), summary.error().message);
        return;
    }
    statusBar()->showMessage(tr("Imported: %1 new, %2 updated.")
                                 .arg(summary.value().created)
                                 .arg(summary.value().updated),
                             10000);
}

void MainWindow::exportFile()
{
    m_editor->saveNow();
    QString selectedFilter;
    QString path = QFileDialog::getSaveFileName(
        this, tr("Export listings"),
        QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation) +
            QStringLiteral("/listings.json"),
        tr("JSON (*.json);;CSV (*.csv)"), &selectedFilter);
    if (path.isEmpty())
        return;
    if (!path.endsWith(QLatin1String(".json"), Qt::CaseInsensitive) &&
        !path.endsWith(QLatin1String(".csv"), Qt::CaseInsensitive))
        path += selectedFilter.contains(QLatin1String("csv")) ? QStringLiteral(".csv")
                                                              : QStringLiteral(".json");
    auto written = ListingExporter(*m_library).exportFile(path);
    if (!written) {
        showError(tr("Export failed"), written.error().message);
        return;
    }
    statusBar()->showMessage(tr("Exported %n listing(s).", nullptr, written.value()), 10000);
}

QList<qint64> MainWindow::selectedIds() const
{
    QList<qint64> ids;
    const QModelIndexList rows = m_tableView->selectionModel()->selectedRows();
    for (const QModelIndex &index : rows) {
        if (const qint64 id = m_model->idAt(index.row()))
            ids << id;
    }
    return ids;
}

void MainWindow::updateActions()
{
    const bool inTrash = m_model->query().filter == SavedFilter::Trash;
    const bool hasSelection = m_tableView->selectionModel()->hasSelection();
    m_duplicateAction->setEnabled(hasSelection && !inTrash);
    m_trashAction->setEnabled(hasSelection && !inTrash);
    m_restoreAction->setEnabled(hasSelection && inTrash);
    m_emptyTrashAction->setEnabled(m_filterModel->count(SavedFilter::Trash) > 0);
    if (m_portalActions)
        m_portalActions->updateActions();
}

void MainWindow::updateEmptyState()
{
    if (m_model->rowCount() > 0) {
        m_tableStack->setCurrentWidget(m_tableView);
        return;
    }
    const ListingQuery query = m_model->query();
    QString text;
    if (!query.searchText.isEmpty())
        text = tr("No listing contains “%1”.\nCheck the spelling or clear the search box.")
                   .arg(query.searchText);
    else if (query.filter == SavedFilter::Trash)
        text = tr("The trash is empty.\nListings you delete wait here until you empty it.");
    else if (query.filter != SavedFilter::All)
        text = tr("No listings here yet.\nChoose “All listings” to see the others.");
    else
        text = tr("Your library is empty.\n\nPress %1 to write your first listing, or %2 to "
                  "import listings from a JSON or CSV file.")
                   .arg(m_newAction->shortcut().toString(QKeySequence::NativeText),
                        m_importAction->shortcut().toString(QKeySequence::NativeText));
    m_emptyLabel->setText(text);
    m_tableStack->setCurrentWidget(m_emptyLabel);
}

void MainWindow::showStatusCount()
{
    m_countLabel->setText(tr("%Ln listing(s)", nullptr, m_model->rowCount()));
}

void MainWindow::showError(const QString &title, const QString &message)
{
    QMessageBox::warning(this, title, message);
}

void MainWindow::showAbout()
{
    auto *dialog = new AboutDialog(m_library->database().path(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
}

} // namespace ListingDesk
