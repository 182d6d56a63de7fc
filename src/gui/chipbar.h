#pragma once

#include <QStringList>
#include <QWidget>

class QLabel;

namespace ListingDesk {

class FlowLayout;

/// A row of removable chips ("长治 · 山西 ×"), one per chosen key. A chip is
/// removed with its × button, or with Delete or Backspace when it has focus.
class ChipBar : public QWidget
{
    Q_OBJECT
public:
    explicit ChipBar(QWidget *parent = nullptr);

    /// Keys with their labels, in order.
    void setChips(const QStringList &keys, const QStringList &labels);
    QStringList keys() const { return m_keys; }
    void setPlaceholderText(const QString &text);
    /// New chips join the Tab order right after \a widget, where they are
    /// shown, instead of at the end of the window's chain.
    void setTabPredecessor(QWidget *widget) { m_tabPredecessor = widget; }

signals:
    /// The user removed a chip.
    void chipRemoved(const QString &key);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    FlowLayout *m_layout;
    QLabel *m_placeholder;
    QStringList m_keys;
    QList<QWidget *> m_chips;
    QWidget *m_tabPredecessor = nullptr;
};

} // namespace ListingDesk
