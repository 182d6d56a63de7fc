#include "citypicker.h"

#include "library.h"
#include "placesearchmodel.h"
#include "regiontreemodel.h"
#include "searchentries.h"

#include <QAction>
#include <QCoreApplication>
#include <QHeaderView>
#include <QIdentityProxyModel>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenu>
#include <QStackedWidget>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

namespace ListingDesk {

/// Search results with a check box showing whether each city is chosen; the
/// tree model holds the choice, this only mirrors it.
class CheckedKeysProxy : public QIdentityProxyModel
{
public:
    CheckedKeysProxy(RegionTreeModel *tree, QObject *parent)
        : QIdentityProxyModel(parent), m_tree(tree)
    {
    }

    QVariant data(const QModelIndex &index, int role) const override
    {
        if (role == Qt::CheckStateRole) {
            const QString code = index.data(PlaceSearchModel::KeyRole).toString();
            return m_tree->checkedCodes().contains(code) ? Qt::Checked : Qt::Unchecked;
        }
        return QIdentityProxyModel::data(index, role);
    }
    bool setData(const QModelIndex &index, const QVariant &value, int role) override
    {
        if (role != Qt::CheckStateRole)
            return QIdentityProxyModel::setData(index, value, role);
        const QString code = index.data(PlaceSearchModel::KeyRole).toString();
        return m_tree->setData(m_tree->indexForCode(code), value, Qt::CheckStateRole);
    }
    Qt::ItemFlags flags(const QModelIndex &index) const override
    {
        return QIdentityProxyModel::flags(index) | Qt::ItemIsUserCheckable;
    }
    void refresh()
    {
        if (rowCount() > 0)
            emit dataChanged(index(0, 0), index(rowCount() - 1, 0), {Qt::CheckStateRole});
    }

private:
    RegionTreeModel *m_tree;
};

CityPicker::CityPicker(Library *library, QWidget *parent) : PickerPopup(parent), m_library(library)
{
    setObjectName(QStringLiteral("cityPicker"));
    setAccessibleName(tr("City picker"));
    m_treeModel = new RegionTreeModel(&library->regions(), this);
    m_searchModel = new PlaceSearchModel(regionSearchEntries(library->regions()), this);
    m_searchProxy = new CheckedKeysProxy(m_treeModel, this);
    m_searchProxy->setSourceModel(m_searchModel);

    m_searchEdit =
        makeSearchEdit(QStringLiteral("citySearchLineEdit"),
                       tr("City in Chinese or pinyin: 长治, changzhi, cz"), tr("Search cities"));
    m_quickBar = makeQuickBar(QStringLiteral("cityQuickBar"));

    m_treeView = new QTreeView(this);
    m_treeView->setObjectName(QStringLiteral("regionTreeView"));
    m_treeView->setAccessibleName(tr("Provinces and cities"));
    m_treeView->setModel(m_treeModel);
    m_treeView->setHeaderHidden(true);
    m_treeView->setUniformRowHeights(true);
    m_treeView->installEventFilter(this);

    m_resultsView = new QListView(this);
    m_resultsView->setObjectName(QStringLiteral("cityResultsView"));
    m_resultsView->setAccessibleName(tr("Matching cities"));
    m_resultsView->setModel(m_searchProxy);
    m_resultsView->setUniformItemSizes(true);
    m_resultsView->installEventFilter(this);

    m_stack = new QStackedWidget(this);
    m_stack->addWidget(m_treeView);
    m_stack->addWidget(m_resultsView);

    m_summaryLabel = new QLabel(this);
    m_summaryLabel->setObjectName(QStringLiteral("citySummaryLabel"));
    m_summaryLabel->setWordWrap(true);

    auto *hint = new QLabel(tr("Enter adds the highlighted city · Space checks in the tree · "
                               "Ctrl+D marks a favourite · Esc closes"),
                            this);
    hint->setWordWrap(true);
    hint->setEnabled(false);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_searchEdit);
    layout->addWidget(m_quickBar);
    layout->addWidget(m_stack, 1);
    layout->addWidget(m_summaryLabel);
    layout->addWidget(hint);
    resize(440, 480);

    auto *favourite = new QAction(tr("Add to or remove from favourites"), this);
    favourite->setShortcut(QKeySequence(tr("Ctrl+D")));
    favourite->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(favourite, &QAction::triggered, this, &CityPicker::toggleFavourite);
    addAction(favourite);
    for (QAbstractItemView *view : {static_cast<QAbstractItemView *>(m_treeView),
                                    static_cast<QAbstractItemView *>(m_resultsView)}) {
        view->setContextMenuPolicy(Qt::ActionsContextMenu);
        view->addAction(favourite);
    }
    // Clicking a result adds it. The tree is left alone on purpose: a
    // double-click there expands a province and must not choose all its cities.
    connect(m_resultsView, &QAbstractItemView::clicked, this, &CityPicker::activateCurrent);

    connect(m_searchEdit, &QLineEdit::textChanged, this, &CityPicker::searchChanged);
    connect(m_treeModel, &RegionTreeModel::checkedCodesChanged, this, [this] {
        m_searchProxy->refresh();
        updateSummary();
        emit codesChanged(m_treeModel->checkedCodes());
    });
    refreshQuickBar();
    updateSummary();
}

CityPicker::~CityPicker() = default;

void CityPicker::setCheckedCodes(const QStringList &codes)
{
    const QSignalBlocker blocker(m_treeModel);
    m_treeModel->setCheckedCodes(codes);
    m_searchProxy->refresh();
    updateSummary();
}

QStringList CityPicker::checkedCodes() const
{
    return m_treeModel->checkedCodes();
}

void CityPicker::setRefusedCodes(const QSet<QString> &codes)
{
    m_treeModel->setRefusedCodes(codes);
}

void CityPicker::popup(QWidget *anchor)
{
    m_searchEdit->clear();
    refreshQuickBar();
    showBelow(anchor);
    m_searchEdit->setFocus();
}

void CityPicker::searchChanged(const QString &text)
{
    m_searchModel->setQuery(text);
    const bool searching = !text.trimmed().isEmpty();
    m_stack->setCurrentWidget(searching ? static_cast<QWidget *>(m_resultsView) : m_treeView);
    if (searching && m_searchProxy->rowCount() > 0)
        m_resultsView->setCurrentIndex(m_searchProxy->index(0, 0));
}

QAbstractItemView *CityPicker::currentView() const
{
    return m_stack->currentWidget() == m_resultsView
               ? static_cast<QAbstractItemView *>(m_resultsView)
               : m_treeView;
}

QString CityPicker::currentCode() const
{
    const QModelIndex index = currentView()->currentIndex();
    if (!index.isValid())
        return {};
    return currentView() == m_resultsView ? index.data(PlaceSearchModel::KeyRole).toString()
                                          : index.data(RegionTreeModel::CodeRole).toString();
}

void CityPicker::toggle(const QString &code)
{
    const QModelIndex index = m_treeModel->indexForCode(code);
    if (!index.isValid())
        return;
    const bool checked = index.data(Qt::CheckStateRole).toInt() == Qt::Checked;
    m_treeModel->setData(index, checked ? Qt::Unchecked : Qt::Checked, Qt::CheckStateRole);
    if (!checked)
        m_history.addRecent(code);
}

void CityPicker::activateCurrent()
{
    const QString code = currentCode();
    if (code.isEmpty())
        return;
    if (currentView() == m_resultsView) {
        // Enter on a result adds it (never removes it), and the box is ready
        // for the next city at once.
        if (!m_treeModel->checkedCodes().contains(code))
            toggle(code);
        m_searchEdit->clear();
        m_searchEdit->setFocus();
        return;
    }
    toggle(code);
}

void CityPicker::toggleFavourite()
{
    const QString code = currentCode();
    if (code.isEmpty())
        return;
    m_history.toggleFavourite(code);
    refreshQuickBar();
}

bool CityPicker::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() != QEvent::KeyPress)
        return PickerPopup::eventFilter(watched, event);
    auto *key = static_cast<QKeyEvent *>(event);
    switch (key->key()) {
    case Qt::Key_Escape:
        hide();
        return true;
    case Qt::Key_Return:
    case Qt::Key_Enter:
        activateCurrent();
        return true;
    case Qt::Key_Up:
    case Qt::Key_Down:
    case Qt::Key_PageUp:
    case Qt::Key_PageDown:
        if (watched == m_searchEdit) {
            // The arrows move in the list while the focus stays in the search box.
            QAbstractItemView *view = currentView();
            if (!view->currentIndex().isValid() && view->model()->rowCount() > 0)
                view->setCurrentIndex(view->model()->index(0, 0));
            else
                QCoreApplication::sendEvent(view, event);
            return true;
        }
        break;
    default:
        break;
    }
    return PickerPopup::eventFilter(watched, event);
}

void CityPicker::refreshQuickBar()
{
    QLayout *layout = m_quickBar->layout();
    clearLayout(layout);
    auto addRow = [&](const QString &title, const QStringList &codes) {
        if (codes.isEmpty())
            return;
        auto *label = new QLabel(title, m_quickBar);
        label->setEnabled(false);
        layout->addWidget(label);
        for (const QString &code : codes) {
            const std::optional<Region> region = m_library->regions().byCode(code);
            if (!region)
                continue;
            auto *button = new QToolButton(m_quickBar);
            button->setText(region->shortName);
            button->setToolTip(m_library->regions().displayName(code));
            button->setAutoRaise(true);
            connect(button, &QToolButton::clicked, this, [this, code] { toggle(code); });
            layout->addWidget(button);
        }
    };
    addRow(tr("Favourites:"), m_history.favourites());
    addRow(tr("Recent:"), m_history.recent());
    m_quickBar->setVisible(layout->count() > 0);
}

void CityPicker::updateSummary()
{
    const QStringList codes = m_treeModel->checkedCodes();
    QStringList names;
    for (const QString &code : codes)
        names << m_library->regions().displayName(code);
    m_summaryLabel->setText(codes.isEmpty()
                                ? tr("No city chosen yet.")
                                : tr("Chosen: %1").arg(names.join(QStringLiteral("、"))));
}

} // namespace ListingDesk
