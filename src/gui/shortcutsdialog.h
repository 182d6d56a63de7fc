#pragma once

#include <QDialog>

class QLineEdit;
class QSortFilterProxyModel;
class QStandardItemModel;
class QTreeView;

namespace ListingDesk {

/// Help › Keyboard Shortcuts: every action of a window that has a shortcut,
/// read from the actions themselves when the dialog opens (so the list never
/// goes stale and shows the texts in the current language), with a search box.
class ShortcutsDialog : public QDialog
{
    Q_OBJECT
public:
    explicit ShortcutsDialog(QWidget *window, QWidget *parent = nullptr);

    /// "&New Listing" -> "New Listing", "新建信息(&N)" -> "新建信息".
    static QString withoutMnemonic(const QString &text);
    /// Rows shown after the search (for tests and screen readers).
    int visibleRowCount() const;

private:
    QLineEdit *m_searchLineEdit = nullptr;
    QStandardItemModel *m_model = nullptr;
    QSortFilterProxyModel *m_proxy = nullptr;
    QTreeView *m_view = nullptr;
};

} // namespace ListingDesk
