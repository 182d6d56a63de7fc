#include "portalactions.h"

#include "appsettings.h"
#include "desktopnotifier.h"
#include "library.h"
#include "listingeditor.h"
#include "portalaccountsdialog.h"
#include "publishdialog.h"
#include "publishprogressdialog.h"
#include "queuestatusindicator.h"
#include "sensitivewordlist.h"
#include "synccontroller.h"

#include <QAbstractButton>
#include <QAction>
#include <QInputDialog>
#include <QLineEdit>
#include <QMainWindow>
#include <QMessageBox>
#include <QProgressBar>
#include <QSettings>
#include <QStatusBar>

namespace ListingDesk {

namespace {
const QString lastPortalKey = QStringLiteral("sync/lastPortal");
}

PortalActions::PortalActions(Library *library, QMainWindow *window, ListingEditor *editor,
                             Selection selection)
    : QObject(window), m_library(library), m_window(window), m_editor(editor),
      m_selection(std::move(selection)), m_sync(new SyncController(*library, this))
{
    auto make = [this](const QString &text, const QString &icon, const char *name, auto slot) {
        auto *action = new QAction(QIcon::fromTheme(icon), text, m_window);
        action->setObjectName(QLatin1String(name));
        connect(action, &QAction::triggered, this, slot);
        m_window->addAction(action);
        return action;
    };
    m_portalsAction = make(tr("&Portals…"), QStringLiteral("network-server"), "portalsAction",
                           [this] { openPortalsDialog(); });
    m_publishAction = make(tr("&Publish…"), QStringLiteral("document-send"), "publishAction",
                           [this] { publishSelected(); });
    m_publishAction->setIconText(tr("Publish"));
    m_publishAction->setShortcut(QKeySequence(tr("Ctrl+Shift+P")));
    m_publishAction->setToolTip(
        tr("Publish the selected listings to a portal, now or at a set time (%1)")
            .arg(m_publishAction->shortcut().toString(QKeySequence::NativeText)));
    m_unpublishAction = make(tr("&Unpublish…"), QStringLiteral("edit-delete"), "unpublishAction",
                             &PortalActions::unpublishSelected);
    m_unpublishAction->setToolTip(tr("Move the selected listings' posts to the portal's trash"));
    m_queueAction = make(tr("Publishing &Queue…"), QStringLiteral("view-list-details"),
                         "publishingQueueAction", [this] { openQueueView(); });
    m_pullAction = make(tr("P&ull from Portal"), QStringLiteral("view-refresh"), "pullAction",
                        &PortalActions::pullFromPortal);
    m_pullAction->setIconText(tr("Pull"));
    m_pullAction->setToolTip(tr("Bring the portal's changes into the library"));
    m_resolveAction = make(tr("&Resolve Conflict…"), QStringLiteral("document-edit"),
                           "resolveConflictAction", &PortalActions::resolveCurrentConflict);

    m_progressBar = new QProgressBar(m_window);
    m_progressBar->setObjectName(QStringLiteral("syncProgressBar"));
    m_progressBar->setMaximumWidth(160);
    m_progressBar->setTextVisible(false);
    m_progressBar->hide();
    m_window->statusBar()->addPermanentWidget(m_progressBar);
    m_indicator = new QueueStatusIndicator(m_window);
    m_window->statusBar()->addPermanentWidget(m_indicator);
    connect(m_indicator, &QueueStatusIndicator::clicked, this, [this] {
        auto counts = m_library->outbox().counts({0, m_lastBatch});
        openProgress({0, counts && m_lastBatch && counts.value().open() > 0 ? m_lastBatch : 0});
    });
    m_notifier = new DesktopNotifier(this);
    SensitiveWordList words;
    words.load();
    setSensitiveWords(words.makeMatcher());

    connect(m_sync, &SyncController::progress, this, &PortalActions::showProgress);
    m_indicatorTimer.setSingleShot(true);
    m_indicatorTimer.setInterval(150);
    connect(&m_indicatorTimer, &QTimer::timeout, this, &PortalActions::updateIndicator);
    connect(m_sync, &SyncController::queueChanged, this, [this] {
        if (!m_indicatorTimer.isActive())
            m_indicatorTimer.start();
    });
    connect(m_sync, &SyncController::busyChanged, this, &PortalActions::updateActions);
    connect(m_sync, &SyncController::publishFinished, this, &PortalActions::publishFinished);
    connect(m_sync, &SyncController::pullFinished, this, &PortalActions::pullFinished);
    connect(m_editor, &ListingEditor::listingShown, this, &PortalActions::updateActions);
    connect(&m_library->listings(), &ListingRepository::listingChanged, this,
            &PortalActions::updateActions);
    updateActions();
}

void PortalActions::updateActions()
{
    const bool busy = m_sync->isBusy();
    const bool selected = !m_selection().isEmpty();
    m_publishAction->setEnabled(selected);
    m_unpublishAction->setEnabled(selected);
    m_pullAction->setEnabled(!busy);
    bool conflict = false;
    if (m_editor->hasListing()) {
        auto listing = m_library->listings().load(m_editor->listingId());
        conflict = listing && listing.value().status == ListingStatus::Conflict;
    }
    m_resolveAction->setEnabled(!busy && conflict);
}

PortalAccountsDialog *PortalActions::openPortalsDialog()
{
    if (!m_portalsDialog) {
        m_portalsDialog = new PortalAccountsDialog(*m_library, m_sync, m_window);
        m_portalsDialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(m_portalsDialog, &PortalAccountsDialog::portalsChanged, this,
                &PortalActions::syncChanged);
    }
    m_portalsDialog->open();
    m_portalsDialog->raise();
    return m_portalsDialog;
}

void PortalActions::choosePortal(const QString &purpose,
                                 std::function<void(const PortalInfo &)> then)
{
    auto portals = m_library->portals().all();
    if (!portals) {
        showMessage(purpose, portals.error().message, true);
        return;
    }
    const QList<PortalInfo> list = portals.value();
    if (list.isEmpty()) {
        m_window->statusBar()->showMessage(tr("Add a portal account first."), 10000);
        openPortalsDialog();
        return;
    }
    // The engine needs to know whether the companion plugin is there before
    // it sends anything; the connection test finds out.
    auto checked = [this, then](const PortalInfo &portal) {
        if (portal.mode != PortalMode::Unknown)
            return then(portal);
        m_window->statusBar()->showMessage(
            tr("Test the connection to “%1” first, so that ListingDesk knows how to talk to it.")
                .arg(portal.name),
            15000);
        openPortalsDialog()->selectPortal(portal.id);
    };
    if (list.size() == 1)
        return checked(list.first());
    QStringList names;
    for (const PortalInfo &portal : list)
        names << portal.name;
    auto *dialog = new QInputDialog(m_window);
    dialog->setObjectName(QStringLiteral("portalChooserDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(purpose);
    dialog->setLabelText(tr("Portal:"));
    dialog->setComboBoxItems(names);
    dialog->setComboBoxEditable(false);
    const QString last = QSettings().value(lastPortalKey).toString();
    if (names.contains(last))
        dialog->setTextValue(last);
    connect(dialog, &QInputDialog::textValueSelected, this, [list, checked](const QString &name) {
        for (const PortalInfo &portal : list) {
            if (portal.name == name) {
                QSettings().setValue(lastPortalKey, name);
                checked(portal);
                return;
            }
        }
    });
    dialog->open();
}

void PortalActions::askPassword(const PortalInfo &portal, const QString &why,
                                std::function<void()> retry)
{
    auto *dialog = new QInputDialog(m_window);
    dialog->setObjectName(QStringLiteral("portalPasswordDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Password for %1").arg(portal.name));
    dialog->setLabelText(tr("%1\n\nApplication password for %2 at %3 (kept in memory for this "
                            "session only):")
                             .arg(why, portal.username, portal.baseUrl));
    dialog->setTextEchoMode(QLineEdit::Password);
    connect(dialog, &QInputDialog::textValueSelected, this,
            [this, portal, retry](const QString &password) {
                if (password.isEmpty())
                    return;
                m_sync->credentials()->setSessionPassword(portal.id, password);
                retry();
            });
    dialog->open();
}

PublishDialog *PortalActions::publishSelected()
{
    const QList<qint64> ids = m_selection();
    if (ids.isEmpty())
        return nullptr;
    // What goes to the portal is what storage holds: save the form first.
    if (!m_editor->saveNow()) {
        m_window->statusBar()->showMessage(
            tr("The open listing could not be saved; nothing was published."), 10000);
        return nullptr;
    }
    auto portals = m_library->portals().all();
    if (portals && portals.value().isEmpty()) {
        m_window->statusBar()->showMessage(tr("Add a portal account first."), 10000);
        openPortalsDialog();
        return nullptr;
    }
    auto *dialog = new PublishDialog(m_library, m_sync, ids, m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (AppSettings::defaultPortal().isEmpty()) {
        auto last = m_library->portals().portalByName(QSettings().value(lastPortalKey).toString());
        if (last)
            dialog->selectPortal(last.value().id);
    }
    connect(dialog, &PublishDialog::openListing, this, &PortalActions::openListing);
    connect(dialog, &PublishDialog::queued, this,
            [this, ids, dialog](const PortalInfo &portal, qint64 batch) {
                QSettings().setValue(lastPortalKey, portal.name);
                m_lastBatch = batch;
                m_sync->watchBatch(portal, batch, ids, dialog->plan().problems);
                emit syncChanged();
                openProgress({0, batch});
            });
    dialog->open();
    return dialog;
}

void PortalActions::unpublishSelected()
{
    const QList<qint64> ids = m_selection();
    if (ids.isEmpty() || !m_editor->saveNow())
        return;
    choosePortal(tr("Unpublish"), [this, ids](const PortalInfo &portal) {
        PublishPlanner planner(*m_library, portal, m_words.get());
        const PublishPlan plan = planner.planTrash(ids);
        if (plan.requests.isEmpty()) {
            showMessage(tr("Nothing to unpublish"),
                        tr("None of the selected listings has posts on %1.").arg(portal.name),
                        false);
            return;
        }
        auto *box = new QMessageBox(
            QMessageBox::Question, tr("Unpublish"),
            tr("Move %n post(s) on %1 to the portal's trash? The listings stay in your library.",
               nullptr, int(plan.requests.size()))
                .arg(portal.name),
            QMessageBox::Yes | QMessageBox::No, m_window);
        box->setObjectName(QStringLiteral("confirmUnpublishMessageBox"));
        box->setDefaultButton(QMessageBox::No);
        box->setAttribute(Qt::WA_DeleteOnClose);
        connect(box, &QMessageBox::buttonClicked, this,
                [this, box, portal, plan, ids](QAbstractButton *button) {
                    if (box->standardButton(button) != QMessageBox::Yes)
                        return;
                    auto batch = m_sync->publishQueue()->enqueue(portal, plan);
                    if (!batch) {
                        showMessage(tr("Not unpublished"), batch.error().message, true);
                        return;
                    }
                    m_lastBatch = batch.value();
                    m_sync->watchBatch(portal, batch.value(), ids, plan.problems, true);
                });
        box->open();
    });
}

PublishProgressDialog *PortalActions::openProgress(const OutboxScope &scope)
{
    if (m_progressDialog && (m_progressDialog->scope().batchId != scope.batchId ||
                             m_progressDialog->scope().portalId != scope.portalId)) {
        m_progressDialog->close();
        m_progressDialog = nullptr;
    }
    if (!m_progressDialog) {
        m_progressDialog =
            new PublishProgressDialog(m_library, m_sync->publishQueue(), scope, m_window);
        m_progressDialog->setAttribute(Qt::WA_DeleteOnClose);
    }
    // Modeless: the user keeps editing while the queue runs.
    m_progressDialog->show();
    m_progressDialog->raise();
    m_progressDialog->activateWindow();
    return m_progressDialog;
}

PublishProgressDialog *PortalActions::openQueueView()
{
    return openProgress({});
}

void PortalActions::queueUpdate(qint64 listingId)
{
    auto posts = m_library->remotePosts().forListing(listingId);
    if (!posts || posts.value().isEmpty())
        return;
    QSet<qint64> portalIds;
    for (const RemotePostRecord &post : posts.value())
        portalIds.insert(post.portalId);
    // The edits settle first; saving again moves the time on.
    const QDateTime notBefore = QDateTime::currentDateTimeUtc().addSecs(30);
    for (qint64 portalId : std::as_const(portalIds)) {
        auto portal = m_library->portals().portal(portalId);
        if (!portal)
            continue;
        PublishPlanner planner(*m_library, portal.value(), m_words.get());
        PublishPlan plan = planner.planUpdate(listingId);
        if (!plan.problems.isEmpty()) {
            m_window->statusBar()->showMessage(
                tr("Not updated on %1: %2")
                    .arg(portal.value().name, plan.problems.first().reasons.join(u' ')),
                10000);
        }
        if (plan.requests.isEmpty())
            continue;
        for (OutboxRequest &request : plan.requests)
            request.notBefore = notBefore;
        if (auto queued = m_sync->publishQueue()->enqueue(portal.value(), plan); !queued)
            m_window->statusBar()->showMessage(
                tr("Could not queue the update: %1").arg(queued.error().message), 10000);
    }
}

void PortalActions::resumeQueue()
{
    m_sync->resumeQueue();
}

void PortalActions::applySettings()
{
    PublishQueueSettings settings; // the engine's defaults for leases and retries
    settings.concurrency = AppSettings::concurrency();
    settings.spacingMs = AppSettings::spacingMs();
    m_sync->setQueueSettings(settings);
}

void PortalActions::setSensitiveWords(std::shared_ptr<const SensitiveWordMatcher> matcher)
{
    // The controller holds a plain pointer; we keep the matcher alive.
    m_sync->setSensitiveWords(matcher.get());
    m_words = std::move(matcher);
}

void PortalActions::updateIndicator()
{
    auto counts = m_library->outbox().counts();
    if (!counts)
        return;
    m_indicator->setCounts(counts.value(), m_sync->publishQueue()->isPaused());
}

void PortalActions::publishFinished(const PublishReport &report)
{
    reloadEditor();
    emit syncChanged();
    if (report.needsPassword) {
        askPassword(report.portal, report.connectionProblem, [this, report] {
            m_sync->resumeQueue();
            m_sync->watchBatch(report.portal, report.batchId, report.listingIds, {}, report.trash);
        });
        return;
    }
    if (!report.connectionProblem.isEmpty()) {
        showMessage(report.trash ? tr("Not unpublished") : tr("Not published"),
                    report.connectionProblem, true);
        return;
    }
    const QString done = report.trash ? tr("Unpublished %1 of %2 listings from %3.")
                                            .arg(report.succeeded)
                                            .arg(report.listings)
                                            .arg(report.portal.name)
                                      : tr("Published %1 of %2 listings to %3.")
                                            .arg(report.succeeded)
                                            .arg(report.listings)
                                            .arg(report.portal.name);
    m_window->statusBar()->showMessage(done, 15000);
    m_notifier->notify(report.trash ? tr("Unpublishing finished") : tr("Publishing finished"),
                       report.failures.isEmpty()
                           ? done
                           : done + QLatin1Char(' ') +
                                 tr("%n listing(s) failed.", nullptr, int(report.failures.size())));
    if (!report.failures.isEmpty())
        showMessage(report.trash ? tr("Some posts were not unpublished")
                                 : tr("Some listings were not published"),
                    done + QStringLiteral("\n\n") + report.failures.join(u'\n') +
                        QStringLiteral("\n\n") +
                        tr("The listings keep their words; correct them and publish again."),
                    true);
}

void PortalActions::pullFromPortal()
{
    if (m_sync->isBusy())
        return;
    if (!m_editor->saveNow()) {
        m_window->statusBar()->showMessage(
            tr("The open listing could not be saved; pull again after saving it."), 10000);
        return;
    }
    choosePortal(tr("Pull"), [this](const PortalInfo &portal) { m_sync->pull(portal); });
}

void PortalActions::pullFinished(const PullReport &report)
{
    reloadEditor();
    emit syncChanged();
    if (report.needsPassword) {
        askPassword(report.portal, report.failure,
                    [this, portal = report.portal] { m_sync->pull(portal); });
        return;
    }
    if (!report.failure.isEmpty()) {
        showMessage(tr("Pull failed"), report.failure, true);
        return;
    }
    const PullSummary &s = report.summary;
    const QString line = tr("Pulled from %1 — new: %2, updated: %3, conflicts: %4, deleted on "
                            "the portal: %5, errors: %6.")
                             .arg(report.portal.name)
                             .arg(s.created)
                             .arg(s.updated)
                             .arg(s.conflicts)
                             .arg(s.deleted)
                             .arg(s.errors);
    m_window->statusBar()->showMessage(line, 15000);
    if (s.conflicts || s.deleted || s.errors)
        showMessage(tr("Pull finished"),
                    line + QStringLiteral("\n\n") + s.messages.join(u'\n') +
                        (s.conflicts ? QStringLiteral("\n\n") +
                                           tr("Open a listing marked “Conflict” to choose "
                                              "which version to keep.")
                                     : QString()),
                    s.errors > 0);
}

void PortalActions::resolveCurrentConflict()
{
    if (m_editor->hasListing())
        openConflictDialog(m_editor->listingId());
}

ConflictDialog *PortalActions::openConflictDialog(qint64 listingId)
{
    if (!m_editor->saveNow())
        return nullptr;
    auto *dialog = new ConflictDialog(*m_library, listingId, m_window);
    if (!dialog->isValid()) {
        m_window->statusBar()->showMessage(dialog->problem(), 10000);
        delete dialog;
        return nullptr;
    }
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ConflictDialog::resolved, this,
            [this](ConflictDialog::Choice choice, qint64, qint64 copyId) {
                reloadEditor();
                emit syncChanged();
                QString text;
                switch (choice) {
                case ConflictDialog::Choice::KeepMine:
                    text = tr("Kept your version; publish to send it to the portal.");
                    break;
                case ConflictDialog::Choice::TakePortals:
                    text = tr("Took the portal's version; yours is in the listing's history.");
                    break;
                case ConflictDialog::Choice::KeepBoth:
                    text = tr("Kept both: the portal's version is a new draft (%1).").arg(copyId);
                    break;
                case ConflictDialog::Choice::None:
                    break;
                }
                m_window->statusBar()->showMessage(text, 15000);
                updateActions();
            });
    dialog->open();
    return dialog;
}

void PortalActions::showProgress(const QString &message, int done, int total)
{
    if (message.isEmpty()) {
        m_progressBar->hide();
        return;
    }
    m_window->statusBar()->showMessage(message);
    m_progressBar->setRange(0, qMax(0, total)); // 0..0: busy indicator until the total is known
    m_progressBar->setValue(done);
    m_progressBar->show();
}

void PortalActions::showMessage(const QString &title, const QString &text, bool warning)
{
    auto *box = new QMessageBox(warning ? QMessageBox::Warning : QMessageBox::Information, title,
                                text, QMessageBox::Ok, m_window);
    box->setObjectName(QStringLiteral("syncResultMessageBox"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

void PortalActions::reloadEditor()
{
    if (!m_editor->hasListing() || m_editor->hasUnsavedChanges())
        return;
    auto fresh = m_library->listings().load(m_editor->listingId());
    if (fresh)
        m_editor->setListing(fresh.value());
}

} // namespace ListingDesk
