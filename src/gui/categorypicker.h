#pragma once

#include "pickerhistory.h"
#include "pickerpopup.h"

#include <QSet>

class QLineEdit;
class QListView;
class QStackedWidget;

namespace ListingDesk {

class CategoryTreeModel;
class Library;
class PlaceSearchModel;

/// The category picker: a search box (Chinese or pinyin, as for cities) over
/// a two-column browse like a classified site's 发布 page: groups on the left,
/// their categories on the right. Enter picks, Esc closes. Recent categories
/// sit on top.
class CategoryPicker : public PickerPopup
{
    Q_OBJECT
public:
    explicit CategoryPicker(Library *library, QWidget *parent = nullptr);

    void setCurrentCategory(qint64 id);
    void setRefusedIds(const QSet<qint64> &ids);
    void popup(QWidget *anchor);

signals:
    void categoryPicked(qint64 id);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void searchChanged(const QString &text);
    void groupChanged();
    void pick(qint64 id);
    void pickCurrent();
    void refreshRecent();

    Library *m_library;
    CategoryTreeModel *m_model;
    PlaceSearchModel *m_searchModel;
    QLineEdit *m_searchEdit;
    QWidget *m_recentBar;
    QStackedWidget *m_stack;
    QListView *m_groupView;
    QListView *m_categoryView;
    QListView *m_resultsView;
    PickerHistory m_history{QStringLiteral("categories")};
};

} // namespace ListingDesk
