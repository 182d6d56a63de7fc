#include "shortcutsdialog.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLineEdit>
#include <QRegularExpression>
#include <QSet>
#include <QSortFilterProxyModel>
#include <QStandardItemModel>
#include <QTreeView>
#include <QVBoxLayout>

namespace ListingDesk {

ShortcutsDialog::ShortcutsDialog(QWidget *window, QWidget *parent) : QDialog(parent)
{
    setObjectName(QStringLiteral("shortcutsDialog"));
    setWindowTitle(tr("Keyboard Shortcuts"));

    m_model = new QStandardItemModel(0, 2, this);
    m_model->setHorizontalHeaderLabels({tr("Action"), tr("Shortcut")});
    // The window's own actions and those of every widget in it (the table's
    // Delete, the editor's formatting), each once.
    QList<QAction *> actions = window->actions();
    actions += window->findChildren<QAction *>();
    QSet<QAction *> seen;
    QSet<QString> rows;
    for (QAction *action : std::as_const(actions)) {
        if (seen.contains(action) || action->isSeparator() || action->shortcuts().isEmpty())
            continue;
        seen.insert(action);
        QStringList keys;
        for (const QKeySequence &key : action->shortcuts())
            keys << key.toString(QKeySequence::NativeText);
        const QString name = withoutMnemonic(action->text());
        const QString shortcut = keys.join(QStringLiteral(", "));
        // Two actions with the same name and keys (a menu's and a toolbar's
        // copy) are one line for the reader.
        if (name.isEmpty() || rows.contains(name + u'\t' + shortcut))
            continue;
        rows.insert(name + u'\t' + shortcut);
        auto *nameItem = new QStandardItem(name);
        nameItem->setToolTip(action->toolTip());
        auto *keyItem = new QStandardItem(shortcut);
        nameItem->setEditable(false);
        keyItem->setEditable(false);
        m_model->appendRow({nameItem, keyItem});
    }

    m_proxy = new QSortFilterProxyModel(this);
    m_proxy->setSourceModel(m_model);
    m_proxy->setFilterKeyColumn(-1);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setSortCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setSortLocaleAware(true);
    m_proxy->sort(0);

    m_searchLineEdit = new QLineEdit(this);
    m_searchLineEdit->setObjectName(QStringLiteral("shortcutSearchLineEdit"));
    m_searchLineEdit->setPlaceholderText(tr("Search actions and keys"));
    m_searchLineEdit->setAccessibleName(tr("Search shortcuts"));
    m_searchLineEdit->setClearButtonEnabled(true);
    connect(m_searchLineEdit, &QLineEdit::textChanged, m_proxy,
            &QSortFilterProxyModel::setFilterFixedString);

    m_view = new QTreeView(this);
    m_view->setObjectName(QStringLiteral("shortcutsView"));
    m_view->setAccessibleName(tr("Keyboard shortcuts"));
    m_view->setModel(m_proxy);
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true);
    m_view->setAlternatingRowColors(true);
    m_view->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_view->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_view->header()->setStretchLastSection(false);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_searchLineEdit);
    layout->addWidget(m_view, 1);
    layout->addWidget(buttons);
    resize(480, 520);
}

QString ShortcutsDialog::withoutMnemonic(const QString &text)
{
    // Chinese menus write the mnemonic after the text: "导入(&I)…".
    static const QRegularExpression cjkMnemonic(QStringLiteral("\\(&[^&\\s]\\)"));
    QString plain = text;
    plain.remove(cjkMnemonic);
    plain.replace(QStringLiteral("&&"), QStringLiteral("\x01"));
    plain.remove(u'&');
    plain.replace(u'\x01', u'&');
    return plain.trimmed();
}

int ShortcutsDialog::visibleRowCount() const
{
    return m_proxy->rowCount();
}

} // namespace ListingDesk
