#include "chipbar.h"

#include "flowlayout.h"

#include <QKeyEvent>
#include <QLabel>
#include <QToolButton>

namespace ListingDesk {

ChipBar::ChipBar(QWidget *parent) : QWidget(parent), m_layout(new FlowLayout(this))
{
    m_placeholder = new QLabel(this);
    m_placeholder->setEnabled(false); // greyed, like a line edit's placeholder
    m_layout->addWidget(m_placeholder);
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Minimum);
}

void ChipBar::setPlaceholderText(const QString &text)
{
    m_placeholder->setText(text);
}

void ChipBar::setChips(const QStringList &keys, const QStringList &labels)
{
    // Deferred: setChips() is often called from a chip's own key or click handler.
    for (QWidget *chip : std::as_const(m_chips)) {
        chip->hide();
        chip->setObjectName(QString());
        chip->removeEventFilter(this);
        chip->deleteLater();
    }
    m_chips.clear();
    m_keys = keys;
    QWidget *previous = m_tabPredecessor;
    for (int i = 0; i < keys.size(); ++i) {
        auto *chip = new QToolButton(this);
        chip->setObjectName(QStringLiteral("chip_") + keys.at(i));
        chip->setText(labels.value(i, keys.at(i)) + QStringLiteral("  ×"));
        chip->setToolTip(tr("Remove %1 (Delete)").arg(labels.value(i, keys.at(i))));
        chip->setAccessibleName(labels.value(i, keys.at(i)));
        chip->setAccessibleDescription(tr("Chosen; press Delete to remove"));
        chip->setFocusPolicy(Qt::StrongFocus);
        chip->setAutoRaise(false);
        chip->setProperty("chipKey", keys.at(i));
        chip->installEventFilter(this);
        const QString key = keys.at(i);
        connect(chip, &QToolButton::clicked, this, [this, key] { emit chipRemoved(key); });
        m_layout->addWidget(chip);
        m_chips << chip;
        if (previous)
            setTabOrder(previous, chip);
        previous = chip;
    }
    m_placeholder->setVisible(keys.isEmpty());
    updateGeometry();
}

bool ChipBar::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::KeyPress) {
        auto *key = static_cast<QKeyEvent *>(event);
        if (key->key() == Qt::Key_Delete || key->key() == Qt::Key_Backspace) {
            emit chipRemoved(watched->property("chipKey").toString());
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace ListingDesk
