#include "pickerpopup.h"

#include "flowlayout.h"

#include <QLayout>
#include <QLineEdit>
#include <QScreen>

namespace ListingDesk {

PickerPopup::PickerPopup(QWidget *parent) : QFrame(parent, Qt::Popup)
{
    setFrameShape(QFrame::StyledPanel);
}

void PickerPopup::showBelow(QWidget *anchor)
{
    QPoint position = anchor->mapToGlobal(QPoint(0, anchor->height()));
    if (const QScreen *screen = anchor->screen()) {
        const QRect available = screen->availableGeometry();
        if (position.y() + height() > available.bottom())
            position.setY(anchor->mapToGlobal(QPoint(0, 0)).y() - height());
        position.setX(qBound(available.left(), position.x(), available.right() - width()));
    }
    move(position);
    show();
}

void PickerPopup::clearLayout(QLayout *layout)
{
    while (QLayoutItem *item = layout->takeAt(0)) {
        delete item->widget();
        delete item;
    }
}

QLineEdit *PickerPopup::makeSearchEdit(const QString &objectName, const QString &placeholder,
                                       const QString &accessibleName)
{
    auto *edit = new QLineEdit(this);
    edit->setObjectName(objectName);
    edit->setPlaceholderText(placeholder);
    edit->setAccessibleName(accessibleName);
    edit->setClearButtonEnabled(true);
    edit->installEventFilter(this);
    return edit;
}

QWidget *PickerPopup::makeQuickBar(const QString &objectName)
{
    auto *bar = new QWidget(this);
    bar->setObjectName(objectName);
    new FlowLayout(bar);
    return bar;
}

} // namespace ListingDesk
