#include "categorypicker.h"

#include "categorytreemodel.h"
#include "library.h"
#include "placesearchmodel.h"
#include "searchentries.h"

#include <QCoreApplication>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QStackedWidget>
#include <QToolButton>
#include <QVBoxLayout>

namespace ListingDesk {

CategoryPicker::CategoryPicker(Library *library, QWidget *parent)
    : PickerPopup(parent), m_library(library)
{
    setObjectName(QStringLiteral("categoryPicker"));
    setAccessibleName(tr("Category picker"));
    m_model = new CategoryTreeModel(&library->categories(), this);
    m_searchModel = new PlaceSearchModel(categorySearchEntries(library->categories()), this);

    m_searchEdit = makeSearchEdit(QStringLiteral("categorySearchLineEdit"),
                                  tr("Category in Chinese or pinyin: 租房, zufang, zf"),
                                  tr("Search categories"));
    m_recentBar = makeQuickBar(QStringLiteral("categoryRecentBar"));

    m_groupView = new QListView(this);
    m_groupView->setObjectName(QStringLiteral("categoryGroupView"));
    m_groupView->setAccessibleName(tr("Category groups"));
    m_groupView->setModel(m_model);
    m_groupView->installEventFilter(this);
    m_categoryView = new QListView(this);
    m_categoryView->setObjectName(QStringLiteral("categoryListView"));
    m_categoryView->setAccessibleName(tr("Categories in the group"));
    m_categoryView->setModel(m_model);
    m_categoryView->installEventFilter(this);
    auto *browse = new QWidget(this);
    auto *columns = new QHBoxLayout(browse);
    columns->setContentsMargins(0, 0, 0, 0);
    columns->addWidget(m_groupView, 2);
    columns->addWidget(m_categoryView, 3);

    m_resultsView = new QListView(this);
    m_resultsView->setObjectName(QStringLiteral("categoryResultsView"));
    m_resultsView->setAccessibleName(tr("Matching categories"));
    m_resultsView->setModel(m_searchModel);
    m_resultsView->installEventFilter(this);

    m_stack = new QStackedWidget(this);
    m_stack->addWidget(browse);
    m_stack->addWidget(m_resultsView);

    auto *hint = new QLabel(tr("Enter picks · ← → move between the columns · Esc closes"), this);
    hint->setEnabled(false);
    hint->setWordWrap(true);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_searchEdit);
    layout->addWidget(m_recentBar);
    layout->addWidget(m_stack, 1);
    layout->addWidget(hint);
    resize(460, 420);

    connect(m_searchEdit, &QLineEdit::textChanged, this, &CategoryPicker::searchChanged);
    connect(m_groupView->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &CategoryPicker::groupChanged);
    connect(m_categoryView, &QListView::activated, this, &CategoryPicker::pickCurrent);
    connect(m_resultsView, &QListView::activated, this, &CategoryPicker::pickCurrent);
    connect(m_groupView, &QListView::activated, this, [this] {
        // A group with no categories of its own is a category itself.
        if (m_model->rowCount(m_groupView->currentIndex()) == 0)
            pickCurrent();
        else
            m_categoryView->setFocus();
    });
    m_groupView->setCurrentIndex(m_model->index(0, 0));
    refreshRecent();
}

void CategoryPicker::setCurrentCategory(qint64 id)
{
    const QModelIndex index = m_model->indexForId(id);
    if (!index.isValid())
        return;
    if (index.parent().isValid()) {
        m_groupView->setCurrentIndex(index.parent());
        m_categoryView->setCurrentIndex(index);
    } else {
        m_groupView->setCurrentIndex(index);
    }
}

void CategoryPicker::setRefusedIds(const QSet<qint64> &ids)
{
    m_model->setRefusedIds(ids);
}

void CategoryPicker::popup(QWidget *anchor)
{
    m_searchEdit->clear();
    refreshRecent();
    showBelow(anchor);
    m_searchEdit->setFocus();
}

void CategoryPicker::groupChanged()
{
    m_categoryView->setRootIndex(m_groupView->currentIndex());
    if (m_model->rowCount(m_groupView->currentIndex()) > 0)
        m_categoryView->setCurrentIndex(m_model->index(0, 0, m_groupView->currentIndex()));
}

void CategoryPicker::searchChanged(const QString &text)
{
    m_searchModel->setQuery(text);
    const bool searching = !text.trimmed().isEmpty();
    m_stack->setCurrentWidget(searching ? static_cast<QWidget *>(m_resultsView)
                                        : m_stack->widget(0));
    if (searching && m_searchModel->rowCount() > 0)
        m_resultsView->setCurrentIndex(m_searchModel->index(0, 0));
}

void CategoryPicker::pick(qint64 id)
{
    if (!id)
        return;
    m_history.addRecent(QString::number(id));
    emit categoryPicked(id);
    hide();
}

void CategoryPicker::pickCurrent()
{
    if (m_stack->currentWidget() == m_resultsView) {
        pick(m_resultsView->currentIndex().data(PlaceSearchModel::KeyRole).toLongLong());
        return;
    }
    const QModelIndex index = m_categoryView->hasFocus() || m_searchEdit->hasFocus()
                                  ? m_categoryView->currentIndex()
                                  : m_groupView->currentIndex();
    pick(index.data(CategoryTreeModel::IdRole).toLongLong());
}

bool CategoryPicker::eventFilter(QObject *watched, QEvent *event)
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
        if (watched == m_groupView && m_model->rowCount(m_groupView->currentIndex()) > 0) {
            m_categoryView->setFocus();
            return true;
        }
        pickCurrent();
        return true;
    case Qt::Key_Right:
        if (watched == m_groupView) {
            m_categoryView->setFocus();
            return true;
        }
        break;
    case Qt::Key_Left:
        if (watched == m_categoryView) {
            m_groupView->setFocus();
            return true;
        }
        break;
    case Qt::Key_Up:
    case Qt::Key_Down:
    case Qt::Key_PageUp:
    case Qt::Key_PageDown:
        if (watched == m_searchEdit) {
            QAbstractItemView *view = m_stack->currentWidget() == m_resultsView
                                          ? static_cast<QAbstractItemView *>(m_resultsView)
                                          : m_categoryView;
            QCoreApplication::sendEvent(view, event);
            return true;
        }
        break;
    default:
        break;
    }
    return PickerPopup::eventFilter(watched, event);
}

void CategoryPicker::refreshRecent()
{
    QLayout *layout = m_recentBar->layout();
    clearLayout(layout);
    const QStringList recent = m_history.recent();
    if (!recent.isEmpty()) {
        auto *label = new QLabel(tr("Recent:"), m_recentBar);
        label->setEnabled(false);
        layout->addWidget(label);
    }
    for (const QString &key : recent) {
        const qint64 id = key.toLongLong();
        const QString path = m_library->categories().pathOf(id);
        if (path.isEmpty())
            continue;
        auto *button = new QToolButton(m_recentBar);
        button->setText(path.section(QLatin1Char('/'), -1));
        button->setToolTip(path);
        button->setAutoRaise(true);
        connect(button, &QToolButton::clicked, this, [this, id] { pick(id); });
        layout->addWidget(button);
    }
    m_recentBar->setVisible(layout->count() > 0);
}

} // namespace ListingDesk
