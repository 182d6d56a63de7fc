#pragma once

#include "conflictdialog.h"
#include "portalrepository.h"

#include <QObject>
#include <QPointer>

#include <functional>

class QAction;
class QMainWindow;
class QProgressBar;

namespace ListingDesk {

class Library;
class ListingEditor;
class PortalAccountsDialog;
class SyncController;
struct PublishReport;
struct PullReport;

/// The main window's portal menu: Portals…, Publish, Pull and Resolve
/// Conflict. It asks what it must (which portal, a password the keychain does
/// not have), runs the work through the SyncController, shows progress in
/// the status bar and the outcome in words. Dialogs are opened, never
/// exec()'d, so no nested event loop runs.
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
    QAction *pullAction() const { return m_pullAction; }
    QAction *resolveConflictAction() const { return m_resolveAction; }

    /// Enables the actions for the selection and whether work is running.
    void updateActions();

    PortalAccountsDialog *openPortalsDialog();
    /// Opens the conflict dialog for a listing in the conflict state; null when
    /// there is nothing to resolve (the status bar says why).
    ConflictDialog *openConflictDialog(qint64 listingId);

    void publishSelected();
    void pullFromPortal();
    void resolveCurrentConflict();

signals:
    /// Posts, portals or listings changed through sync: views re-read their state.
    void syncChanged();

private:
    /// Runs \a then with the portal to use: the only one, or the user's choice
    /// (remembered for next time).
    void choosePortal(const QString &purpose, std::function<void(const PortalInfo &)> then);
    /// Asks for the password of a portal whose keychain entry is missing, then runs \a retry.
    void askPassword(const PortalInfo &portal, const QString &why, std::function<void()> retry);
    void publishFinished(const PublishReport &report);
    void pullFinished(const PullReport &report);
    void showProgress(const QString &message, int done, int total);
    void showMessage(const QString &title, const QString &text, bool warning);
    /// The form shows what storage now holds (sync changed the open listing).
    void reloadEditor();

    Library *m_library;
    QMainWindow *m_window;
    ListingEditor *m_editor;
    Selection m_selection;
    SyncController *m_sync;
    QPointer<PortalAccountsDialog> m_portalsDialog;
    QProgressBar *m_progressBar = nullptr;
    QList<qint64> m_publishing;

    QAction *m_portalsAction = nullptr;
    QAction *m_publishAction = nullptr;
    QAction *m_pullAction = nullptr;
    QAction *m_resolveAction = nullptr;
};

} // namespace ListingDesk
