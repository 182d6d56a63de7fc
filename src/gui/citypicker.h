#pragma once

#include "pickerhistory.h"
#include "pickerpopup.h"

#include <QSet>
#include <QStringList>

class QAbstractItemView;
class QLabel;
class QLineEdit;
class QListView;
class QStackedWidget;
class QTreeView;

namespace ListingDesk {

class Library;
class PlaceSearchModel;
class RegionTreeModel;
class CheckedKeysProxy;

/// The city picker: a popup with a search box over the region tree. Type
/// Chinese or pinyin (长治, changzhi, cz), move with the arrows, Enter adds
/// the highlighted city and clears the box for the next one, Esc closes.
/// Several cities can be chosen; checking a province chooses all its cities.
/// Recent and favourite cities sit on top.
class CityPicker : public PickerPopup
{
    Q_OBJECT
public:
    explicit CityPicker(Library *library, QWidget *parent = nullptr);
    ~CityPicker() override;

    void setCheckedCodes(const QStringList &codes);
    QStringList checkedCodes() const;
    /// Cities the chosen portal does not accept; shown greyed with a reason.
    void setRefusedCodes(const QSet<QString> &codes);
    /// Shows the popup under \a anchor with the focus in the search box.
    void popup(QWidget *anchor);

signals:
    /// The chosen cities changed (live, while the picker is open).
    void codesChanged(const QStringList &codes);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void searchChanged(const QString &text);
    void activateCurrent();
    void toggle(const QString &code);
    void toggleFavourite();
    QString currentCode() const;
    QAbstractItemView *currentView() const;
    void refreshQuickBar();
    void updateSummary();

    Library *m_library;
    RegionTreeModel *m_treeModel;
    PlaceSearchModel *m_searchModel;
    CheckedKeysProxy *m_searchProxy;
    QLineEdit *m_searchEdit;
    QWidget *m_quickBar;
    QStackedWidget *m_stack;
    QTreeView *m_treeView;
    QListView *m_resultsView;
    QLabel *m_summaryLabel;
    PickerHistory m_history{QStringLiteral("cities")};
};

} // namespace ListingDesk
