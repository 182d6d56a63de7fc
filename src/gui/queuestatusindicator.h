#pragma once

#include <QWidget>

class QLabel;
class QProgressBar;
class QToolButton;

namespace ListingDesk {

struct OutboxCounts;

/// The status bar's "Publishing 120/600" with a small bar, shown while the
/// outbox has open jobs and hidden when it is idle. The figures count from
/// the moment the queue last became busy, so old finished batches do not
/// swell them. Clicking it (or pressing Space/Enter on it) asks for the
/// progress view.
class QueueStatusIndicator : public QWidget
{
    Q_OBJECT
public:
    explicit QueueStatusIndicator(QWidget *parent = nullptr);

    /// The whole outbox's counts now (every portal, every batch).
    void setCounts(const OutboxCounts &counts, bool paused);
    QString text() const;

signals:
    void clicked();

private:
    QToolButton *m_button;
    QProgressBar *m_bar;
    int m_baseFinished = -1; ///< finished jobs when this busy spell began; -1 when idle
};

} // namespace ListingDesk
