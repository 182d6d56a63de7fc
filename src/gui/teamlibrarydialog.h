#pragma once

#include "result.h"

#include <QDialog>
#include <QPointer>

class QCheckBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QThread;

namespace ListingDesk {

class CredentialStore;

/// File › Connect to Team Library…: where a shared library on PostgreSQL
/// lives (host, port, database, user, password), a connection test, and the
/// password remembered in the OS keychain under the URL without it. The
/// connection is tried on a worker thread, so the window keeps painting while
/// a far server answers (libpq's connect_timeout bounds the wait). OK tries
/// once more and accepts only a library that opens; location() then names it.
class TeamLibraryDialog : public QDialog
{
    Q_OBJECT
public:
    /// Why a connection failed, in the user's terms.
    enum class Failure { None, Unreachable, Authentication, MissingDatabase, TooNew, Other };

    /// \a credentials keeps remembered passwords; it must outlive the dialog.
    explicit TeamLibraryDialog(CredentialStore *credentials, QWidget *parent = nullptr);
    ~TeamLibraryDialog() override;

    /// Fills the fields from a postgresql:// URL (its password, if any, too)
    /// and looks up a remembered password for it.
    void setLocation(const QString &location);
    /// The library to open: a postgresql:// URL with the password in it, for
    /// Library::open() only (never show or store it; see
    /// DatabaseLocation::displayName()).
    QString location() const;
    /// The same without the password: the key of the remembered password.
    QString locationWithoutPassword() const;
    /// Seconds libpq waits for the server before giving up.
    static constexpr int connectTimeoutSeconds = 5;

    /// What the last test or OK found out (None after a success).
    Failure lastFailure() const { return m_lastFailure; }
    /// Sorts a connection error into a Failure by libpq's words.
    static Failure classify(const Error &error);

    void accept() override;

signals:
    /// A connection attempt ended; \a ok false leaves the reason on screen.
    void connectionTested(bool ok);

private:
    enum class Purpose { Test, Accept };
    void updateButtons();
    void lookUpRememberedPassword();
    void tryConnection(Purpose purpose);
    void connectionFinished(Purpose purpose, const Result<int> &version);
    void showStatus(const QString &text, bool error);
    QString messageFor(Failure failure, const Error &error) const;

    CredentialStore *m_credentials;
    QLineEdit *m_hostLineEdit;
    QSpinBox *m_portSpinBox;
    QLineEdit *m_databaseLineEdit;
    QLineEdit *m_userLineEdit;
    QLineEdit *m_passwordLineEdit;
    QCheckBox *m_rememberCheckBox;
    QPushButton *m_testButton;
    QLabel *m_statusLabel;
    QDialogButtonBox *m_buttons;
    QPointer<QThread> m_probe;
    Failure m_lastFailure = Failure::None;
    /// The password field holds what the keychain gave, not a typed one.
    bool m_passwordFromStore = false;
};

} // namespace ListingDesk
