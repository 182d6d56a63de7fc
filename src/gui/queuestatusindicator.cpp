#include "queuestatusindicator.h"

#include "outboxrepository.h"

#include <QHBoxLayout>
#include <QProgressBar>
#include <QToolButton>

namespace ListingDesk {

QueueStatusIndicator::QueueStatusIndicator(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("queueStatusIndicator"));
    // A flat tool button: looks like a label, takes Tab and Space like a button.
    m_button = new QToolButton(this);
    m_button->setObjectName(QStringLiteral("queueStatusButton"));
    m_button->setAutoRaise(true);
    m_button->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_button->setToolTip(tr("Show the publishing progress"));
    m_bar = new QProgressBar(this);
    m_bar->setObjectName(QStringLiteral("queueStatusProgressBar"));
    m_bar->setTextVisible(false);
    m_bar->setFixedWidth(100);
    m_bar->setMaximumHeight(14);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addWidget(m_button);
    layout->addWidget(m_bar);
    connect(m_button, &QToolButton::clicked, this, &QueueStatusIndicator::clicked);
    hide();
}

void QueueStatusIndicator::setCounts(const OutboxCounts &counts, bool paused)
{
    if (counts.open() == 0) {
        m_baseFinished = -1;
        hide();
        return;
    }
    if (m_baseFinished < 0 || m_baseFinished > counts.finished())
        m_baseFinished = counts.finished();
    const int done = counts.finished() - m_baseFinished;
    const int total = done + counts.open();
    m_button->setText(paused ? tr("Publishing paused %1/%2").arg(done).arg(total)
                             : tr("Publishing %1/%2").arg(done).arg(total));
    m_bar->setRange(0, qMax(1, total));
    m_bar->setValue(done);
    show();
}

QString QueueStatusIndicator::text() const
{
    return m_button->text();
}

} // namespace ListingDesk
