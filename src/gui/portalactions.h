#pragma once

#include "conflictdialog.h"
#include "portalrepository.h"

#include <QObject>
#include <QPointer>
#include <QTimer>

#include <functional>
#include <memory>

class QAction;
class QMainWindow;
class QProgressBar;

namespace ListingDesk {

class DesktopNotifier;
class Library;
class ListingEditor;
class PortalAccountsDialog;
class PublishDialog;
class PublishProgressDialog;
class QueueStatusIndicator;
class SensitiveWordMatcher;
class SyncController;
struct OutboxScope;
struct PublishReport;
struct PullReport;

/// The main window's portal menu: Portals…, Publish…, Unpublish…, Publishing
/// Queue…, Pull and Resolve Conflict. It asks what it must (which portal, a
/// password the keychain does not have), queues the work through the
/// SyncController, shows the queue in the status bar (QueueStatusIndicator)
/// and the outcome in words and a desktop notification. Dialogs are opened,
/// never exec()'d, so no nested event loop runs.
class PortalActions : public QObject
{
    Q_OBJECT
public:
    using Selection = std::function<QList<qint64>()>;

    PortalActions(Library *library, QMainWindow *window, ListingEditor *editor,
                  Selection selection);

    SyncController *controller() const { return m_sync; }
    QAction *portalsAction() const { return m_portalsAction; }
    QAction *publishAction() const { return m_publishAction; }
    QAction *unpublishAction() const { return m_unpublishAction; }
    QAction *queueAction() const { return m_queueAction; }
    QueueStatusIndicator *queueIndicator() const { return m_indicator; }
    DesktopNotifier *notifier() const { return m_notifier; }
    QAction *pullAction() const { return m_pullAction; }
    QAction *resolveConflictAction() const { return m_resolveAction; }

    /// Enables the actions for the selection and whether work is running.
    void updateActions();

    PortalAccountsDialog *openPortalsDialog();
    /// Opens the conflict dialog for a listing in the conflict state; null when
    /// there is nothing to resolve (the status bar says why).
    ConflictDialog *openConflictDialog(qint64 listingId);

    /// Opens the publish dialog for the selection; null when nothing can be
    /// published (no selection, no portal: the status bar says why).
    PublishDialog *publishSelected();
    void unpublishSelected();
    /// The progress of \a scope (batch 0: every open job), reusing an open view.
    PublishProgressDialog *openProgress(const OutboxScope &scope);
    PublishProgressDialog *openQueueView();
    /// Queues the update of \a listingId's posts after the user saved it; it
    /// waits 30 s so that a burst of edits makes one update.
    void queueUpdate(qint64 listingId);
    /// Carries on with jobs an earlier run left in the outbox (quit, crash).
    void resumeQueue();
    /// Concurrency and spacing from the preferences, now and after a change.
    void applySettings();
    void setSensitiveWords(std::shared_ptr<const SensitiveWordMatcher> matcher);
    void pullFromPortal();
    void resolveCurrentConflict();

signals:
    /// Posts, portals or listings changed through sync: views re-read their state.
    void syncChanged();
    /// The user wants to see a listing (from the publish dialog's problem list).
    void openListing(qint64 id);

private:
    /// Runs \a then with the portal to use: the only one, or the user's choice
    /// (remembered for next time).
    void choosePortal(const QString &purpose, std::function<void(const PortalInfo &)> then);
    /// Asks for the password of a portal whose keychain entry is missing, then runs \a retry.
    void askPassword(const PortalInfo &portal, const QString &why, std::function<void()> retry);
    void publishFinished(const PublishReport &report);
    void pullFinished(const PullReport &report);
    void showProgress(const QString &message, int done, int total);
    void updateIndicator();
    void showMessage(const QString &title, const QString &text, bool warning);
    /// The form shows what storage now holds (sync changed the open listing).
    void reloadEditor();

    Library *m_library;
    QMainWindow *m_window;
    ListingEditor *m_editor;
    Selection m_selection;
    SyncController *m_sync;
    QPointer<PortalAccountsDialog> m_portalsDialog;
    QPointer<PublishProgressDialog> m_progressDialog;
    QProgressBar *m_progressBar = nullptr;
    QueueStatusIndicator *m_indicator = nullptr;
    DesktopNotifier *m_notifier = nullptr;
    std::shared_ptr<const SensitiveWordMatcher> m_words;
    qint64 m_lastBatch = 0;  ///< what the status-bar indicator reopens
    QTimer m_indicatorTimer; ///< one count query per burst of queue changes

    QAction *m_portalsAction = nullptr;
    QAction *m_publishAction = nullptr;
    QAction *m_unpublishAction = nullptr;
    QAction *m_queueAction = nullptr;
    QAction *m_pullAction = nullptr;
    QAction *m_resolveAction = nullptr;
};

} // namespace ListingDesk
