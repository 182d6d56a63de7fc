#pragma once

#include <QList>
#include <QObject>
#include <QPointer>

class QWidget;

namespace ListingDesk {

/// Makes a row of controls (a formatting toolbar) a single Tab stop: Tab
/// reaches the row once, and the arrow keys, Home and End move within it.
/// The control used last stays the row's Tab stop, as in the WAI-ARIA
/// toolbar pattern, so 25 buttons do not stand between a form and its text.
class RovingFocus : public QObject
{
    Q_OBJECT
public:
    explicit RovingFocus(QObject *parent = nullptr);

    /// The controls, in reading order; the first becomes the Tab stop.
    void setItems(const QList<QWidget *> &items);
    QList<QWidget *> items() const;
    /// The control Tab reaches now.
    QWidget *tabStop() const { return m_tabStop; }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void makeTabStop(QWidget *item);
    QWidget *neighbour(QWidget *from, int step) const;
    bool usable(const QWidget *item) const;

    QList<QPointer<QWidget>> m_items;
    QPointer<QWidget> m_tabStop;
};

} // namespace ListingDesk
