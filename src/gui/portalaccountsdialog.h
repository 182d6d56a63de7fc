#pragma once

#include "portalrepository.h"
#include "wordpresstypes.h"

#include <QDialog>
#include <QPointer>

class QCheckBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QSpinBox;

namespace ListingDesk {

class Library;
class SyncController;
class WordPressClient;

/// Tools → Portals: the portal accounts. Add, edit and remove them, and test
/// a connection step by step (reachable, REST API, credentials, companion
/// plugin, features). The password goes to the keychain through the
/// CredentialStore, or for this session only where no keychain runs.
class PortalAccountsDialog : public QDialog
{
    Q_OBJECT
public:
    PortalAccountsDialog(Library &library, SyncController *sync, QWidget *parent = nullptr);

    /// Selects the portal with this id in the list (0: a new, unsaved portal).
    void selectPortal(qint64 id);
    qint64 currentPortalId() const { return m_portal.id; }

    /// The report of a connection test as rich text, one line per step.
    static QString reportHtml(const ConnectionReport &report);

signals:
    /// A portal was added, changed or removed.
    void portalsChanged();
    /// The last connection test is complete (its words are in the report label).
    void connectionTested(bool ok);
    /// A save (including the password) is complete.
    void saveFinished(bool ok);

private:
    void createWidgets();
    void reloadList(qint64 selectId);
    void showPortal(const PortalInfo &portal);
    void currentItemChanged();
    void addPortal();
    void removePortal();
    void removeConfirmed();
    void save();
    void testConnection();
    void probeWith(const PortalInfo &portal, const QString &password);
    void updatePlainHttpNotice();
    PortalInfo portalFromForm() const;
    /// Empty when the form can be saved or tested; otherwise why not.
    QString formProblem(const PortalInfo &portal) const;
    void showResult(const QString &html);

    Library &m_library;
    SyncController *m_sync;
    PortalInfo m_portal; ///< the portal the form shows (id 0: new)
    PortalMode m_testedMode = PortalMode::Unknown;
    QPointer<WordPressClient> m_probeClient;

    QListWidget *m_portalList = nullptr;
    QPushButton *m_addButton = nullptr;
    QPushButton *m_removeButton = nullptr;
    QLineEdit *m_nameEdit = nullptr;
    QLineEdit *m_urlEdit = nullptr;
    QLineEdit *m_userEdit = nullptr;
    QLineEdit *m_passwordEdit = nullptr;
    QCheckBox *m_plainHttpCheck = nullptr;
    QCheckBox *m_createTermsCheck = nullptr;
    QSpinBox *m_titleLimitSpin = nullptr;
    QSpinBox *m_bodyLimitSpin = nullptr;
    QPushButton *m_testButton = nullptr;
    QPushButton *m_saveButton = nullptr;
    QLabel *m_modeLabel = nullptr;
    QLabel *m_reportLabel = nullptr;
    QLabel *m_passwordNoteLabel = nullptr;
};

} // namespace ListingDesk
