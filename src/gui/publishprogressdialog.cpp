#include "publishprogressdialog.h"

#include "library.h"
#include "outboxjobmodel.h"
#include "publishqueue.h"

#include <QAbstractButton>
#include <QDesktopServices>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace ListingDesk {

PublishProgressDialog::PublishProgressDialog(Library *library, PublishQueue *queue,
                                             const OutboxScope &scope, QWidget *parent)
    : QDialog(parent), m_library(library), m_queue(queue), m_scope(scope),
      m_model(new OutboxJobModel(library, queue, this)),
      m_openUrl([](const QUrl &url) { QDesktopServices::openUrl(url); })
{
    setObjectName(QStringLiteral("publishProgressDialog"));
    setWindowTitle(scope.batchId ? tr("Publishing") : tr("Publishing Queue"));
    // A batch shows all of its posts, done or not; the queue view what is open.
    m_model->setScope(scope, scope.batchId == 0);

    m_progressBar = new QProgressBar(this);
    m_progressBar->setObjectName(QStringLiteral("overallProgressBar"));
    m_countsLabel = new QLabel(this);
    m_countsLabel->setObjectName(QStringLiteral("countsLabel"));
    m_timeLeftLabel = new QLabel(this);
    m_timeLeftLabel->setObjectName(QStringLiteral("timeLeftLabel"));
    m_jobsView = new QTableView(this);
    m_jobsView->setObjectName(QStringLiteral("jobsTableView"));
    m_jobsView->setModel(m_model);
    m_jobsView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_jobsView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_jobsView->verticalHeader()->hide();
    // Fixed row heights keep thousands of rows cheap to lay out.
    m_jobsView->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_jobsView->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);
    m_jobsView->setWordWrap(false);
    // Long titles often differ at the end ("…第12号"): keep both ends.
    m_jobsView->setTextElideMode(Qt::ElideMiddle);
    QHeaderView *header = m_jobsView->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setSectionResizeMode(OutboxJobModel::StateColumn, QHeaderView::Stretch);
    header->setSectionResizeMode(OutboxJobModel::AttemptsColumn, QHeaderView::ResizeToContents);
    m_jobsView->setColumnWidth(OutboxJobModel::TitleColumn, 260);
    m_jobsView->setColumnWidth(OutboxJobModel::CityColumn, 110);
    connect(m_jobsView, &QTableView::activated, this, &PublishProgressDialog::openRow);

    m_pauseButton = new QPushButton(this);
    m_pauseButton->setObjectName(QStringLiteral("pauseButton"));
    m_cancelButton = new QPushButton(tr("&Cancel Waiting…"), this);
    m_cancelButton->setObjectName(QStringLiteral("cancelQueueButton"));
    m_retryButton = new QPushButton(tr("&Retry Failed"), this);
    m_retryButton->setObjectName(QStringLiteral("retryFailedButton"));
    m_closeButton = new QPushButton(tr("C&lose"), this);
    m_closeButton->setObjectName(QStringLiteral("closeButton"));
    m_closeButton->setDefault(true);
    for (QPushButton *button : {m_pauseButton, m_cancelButton, m_retryButton})
        button->setAutoDefault(false);
    connect(m_pauseButton, &QPushButton::clicked, this, &PublishProgressDialog::togglePause);
    connect(m_cancelButton, &QPushButton::clicked, this, &PublishProgressDialog::confirmCancel);
    connect(m_retryButton, &QPushButton::clicked, this, &PublishProgressDialog::retryFailed);
    connect(m_closeButton, &QPushButton::clicked, this, &QDialog::close);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_pauseButton);
    buttons->addWidget(m_cancelButton);
    buttons->addWidget(m_retryButton);
    buttons->addStretch(1);
    buttons->addWidget(m_closeButton);
    auto *countsRow = new QHBoxLayout;
    countsRow->addWidget(m_countsLabel, 1);
    countsRow->addWidget(m_timeLeftLabel);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_progressBar);
    layout->addLayout(countsRow);
    layout->addWidget(m_jobsView, 1);
    layout->addLayout(buttons);
    resize(760, 480);

    m_throttle.setSingleShot(true);
    m_throttle.setInterval(100);
    connect(&m_throttle, &QTimer::timeout, this, &PublishProgressDialog::updateProgress);
    connect(m_queue, &PublishQueue::changed, &m_throttle, qOverload<>(&QTimer::start));
    connect(m_queue, &PublishQueue::idle, this, &PublishProgressDialog::updateProgress);
    updateProgress();
}

QString PublishProgressDialog::countsText(const OutboxCounts &c)
{
    QStringList parts;
    parts << (c.total() == 1 ? tr("%1 of 1 post").arg(c.finished())
                             : tr("%1 of %2 posts").arg(c.finished()).arg(c.total()));
    if (c.sending)
        parts << tr("%1 sending").arg(c.sending);
    if (c.retrying)
        parts << tr("%1 retrying").arg(c.retrying);
    if (c.failed)
        parts << tr("%1 failed").arg(c.failed);
    if (c.cancelled)
        parts << tr("%1 cancelled").arg(c.cancelled);
    return parts.join(QStringLiteral(" · "));
}

QString PublishProgressDialog::timeLeftText(int seconds)
{
    if (seconds < 0)
        return {};
    if (seconds < 60)
        return tr("Less than a minute left");
    if (seconds < 90)
        return tr("About a minute left");
    if (seconds < 3600)
        return tr("About %1 minutes left").arg((seconds + 30) / 60);
    return tr("About %1 h %2 min left").arg(seconds / 3600).arg((seconds % 3600) / 60);
}

void PublishProgressDialog::updateProgress()
{
    if (!m_queue)
        return;
    const QueueProgress p = m_queue->progress(m_scope);
    const OutboxCounts &c = p.counts;
    m_progressBar->setRange(0, qMax(1, c.total()));
    m_progressBar->setValue(c.total() ? c.finished() : 0);
    m_countsLabel->setText(countsText(c));
    const bool paused = m_queue->isPaused();
    m_timeLeftLabel->setText(paused          ? tr("Paused")
                             : c.open() == 0 ? tr("Done")
                                             : timeLeftText(p.secondsLeft));
    m_pauseButton->setText(paused ? tr("&Resume") : tr("&Pause"));
    m_pauseButton->setEnabled(paused || c.open() > 0);
    m_cancelButton->setEnabled(c.queued + c.retrying > 0);
    m_retryButton->setEnabled(c.failed > 0);
}

void PublishProgressDialog::togglePause()
{
    if (!m_queue)
        return;
    if (m_queue->isPaused())
        m_queue->resume();
    else
        m_queue->pause();
    updateProgress();
}

void PublishProgressDialog::confirmCancel()
{
    auto *box = new QMessageBox(
        QMessageBox::Question, tr("Cancel Publishing"),
        tr("Cancel the posts that are still waiting? Posts being sent now finish; the "
           "listings keep their words and can be published again later."),
        QMessageBox::Yes | QMessageBox::No, this);
    box->setObjectName(QStringLiteral("confirmCancelMessageBox"));
    box->setDefaultButton(QMessageBox::No);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::buttonClicked, this, [this, box](QAbstractButton *button) {
        if (box->standardButton(button) != QMessageBox::Yes || !m_queue)
            return;
        m_queue->cancel(m_scope);
        m_model->refresh();
        updateProgress();
    });
    box->open();
}

void PublishProgressDialog::retryFailed()
{
    if (!m_queue)
        return;
    m_queue->retryFailed(m_scope);
    m_model->refresh();
    updateProgress();
}

void PublishProgressDialog::openRow(const QModelIndex &index)
{
    const QString url = index.data(OutboxJobModel::UrlRole).toString();
    if (!url.isEmpty() && m_openUrl)
        m_openUrl(QUrl(url));
}

} // namespace ListingDesk
