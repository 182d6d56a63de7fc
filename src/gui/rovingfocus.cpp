#include "rovingfocus.h"

#include <QEvent>
#include <QKeyEvent>
#include <QWidget>

namespace ListingDesk {

RovingFocus::RovingFocus(QObject *parent) : QObject(parent) {}

void RovingFocus::setItems(const QList<QWidget *> &items)
{
    for (const QPointer<QWidget> &item : std::as_const(m_items)) {
        if (item)
            item->removeEventFilter(this);
    }
    m_items.clear();
    for (QWidget *item : items) {
        m_items << item;
        item->installEventFilter(this);
        item->setFocusPolicy(Qt::ClickFocus);
    }
    m_tabStop = nullptr;
    makeTabStop(neighbour(nullptr, 1));
}

QList<QWidget *> RovingFocus::items() const
{
    QList<QWidget *> items;
    for (const QPointer<QWidget> &item : m_items) {
        if (item)
            items << item;
    }
    return items;
}

bool RovingFocus::usable(const QWidget *item) const
{
    return item && item->isEnabled() && !item->isHidden();
}

// The next usable control \a step places away from \a from (nullptr: from
// the start for step 1, from the end for step -1); nullptr if none.
QWidget *RovingFocus::neighbour(QWidget *from, int step) const
{
    const QList<QWidget *> all = items();
    qsizetype index = from ? all.indexOf(from) : (step > 0 ? -1 : all.size());
    for (index += step; index >= 0 && index < all.size(); index += step) {
        if (usable(all.at(index)))
            return all.at(index);
    }
    return nullptr;
}

void RovingFocus::makeTabStop(QWidget *item)
{
    if (m_tabStop == item)
        return;
    if (m_tabStop)
        m_tabStop->setFocusPolicy(Qt::ClickFocus);
    m_tabStop = item;
    if (item)
        item->setFocusPolicy(Qt::StrongFocus);
}

bool RovingFocus::eventFilter(QObject *watched, QEvent *event)
{
    auto *item = qobject_cast<QWidget *>(watched);
    switch (event->type()) {
    case QEvent::FocusIn:
        makeTabStop(item); // clicked, or reached by Tab
        break;
    case QEvent::EnabledChange:
    case QEvent::HideToParent:
        // A disabled Tab stop would make the whole row unreachable.
        if (item == m_tabStop && !usable(item)) {
            m_tabStop = nullptr;
            item->setFocusPolicy(Qt::ClickFocus);
            makeTabStop(neighbour(nullptr, 1));
        } else if (!m_tabStop && usable(item)) {
            makeTabStop(item);
        }
        break;
    case QEvent::KeyPress: {
        const auto *key = static_cast<QKeyEvent *>(event);
        if (key->modifiers() & ~Qt::KeypadModifier)
            break;
        QWidget *target = nullptr;
        switch (key->key()) {
        case Qt::Key_Left:
            target = neighbour(item, -1);
            break;
        case Qt::Key_Right:
            target = neighbour(item, 1);
            break;
        case Qt::Key_Home:
            target = neighbour(nullptr, 1);
            break;
        case Qt::Key_End:
            target = neighbour(nullptr, -1);
            break;
        default:
            return QObject::eventFilter(watched, event);
        }
        if (target) {
            makeTabStop(target);
            target->setFocus(Qt::TabFocusReason);
        }
        return true; // the row's keys, even at its ends
    }
    default:
        break;
    }
    return QObject::eventFilter(watched, event);
}

} // namespace ListingDesk
