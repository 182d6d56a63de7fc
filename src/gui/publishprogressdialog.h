#pragma once

#include "outboxrepository.h"
#include "publishqueue.h"

#include <QDialog>
#include <QPointer>
#include <QTimer>
#include <QUrl>

#include <functional>

class QLabel;
class QProgressBar;
class QPushButton;
class QTableView;

namespace ListingDesk {

class Library;
class OutboxJobModel;

/// How a batch (or everything queued) is getting on: an overall bar, counts
/// ("412 of 600 posts · 3 retrying · 2 failed"), the time left, and one row
/// per post with its state; Pause/Resume, Cancel, Retry failed. Closing it
/// never stops the queue: the status-bar indicator reopens it.
class PublishProgressDialog : public QDialog
{
    Q_OBJECT
public:
    /// \a scope.batchId 0: every open job (the "Publishing queue…" view).
    PublishProgressDialog(Library *library, PublishQueue *queue, const OutboxScope &scope,
                          QWidget *parent = nullptr);

    OutboxScope scope() const { return m_scope; }
    OutboxJobModel *model() const { return m_model; }
    /// Opens published links; QDesktopServices unless a test replaces it.
    void setUrlOpener(std::function<void(const QUrl &)> opener) { m_openUrl = std::move(opener); }

    /// The counts line, e.g. "412 of 600 posts · 3 retrying · 2 failed".
    static QString countsText(const OutboxCounts &counts);
    static QString timeLeftText(int seconds);

public slots:
    void updateProgress();

private:
    void togglePause();
    void confirmCancel();
    void retryFailed();
    void openRow(const QModelIndex &index);

    Library *m_library;
    QPointer<PublishQueue> m_queue; ///< gone when the controller makes a new one (new network)
    OutboxScope m_scope;
    OutboxJobModel *m_model;
    QTimer m_throttle; ///< one count query per burst of job changes
    std::function<void(const QUrl &)> m_openUrl;

    QProgressBar *m_progressBar;
    QLabel *m_countsLabel;
    QLabel *m_timeLeftLabel;
    QTableView *m_jobsView;
    QPushButton *m_pauseButton;
    QPushButton *m_cancelButton;
    QPushButton *m_retryButton;
    QPushButton *m_closeButton;
};

} // namespace ListingDesk
