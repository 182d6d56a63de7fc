#include "libraryswitcher.h"

#include "credentialstore.h"
#include "databaselocation.h"
#include "library.h"
#include "mainwindow.h"
#include "teamlibrarydialog.h"

#include <QApplication>
#include <QLabel>
#include <QMessageBox>
#include <QStatusBar>
#include <QTimer>
#include <QUrl>

namespace ListingDesk {

LibrarySwitcher::LibrarySwitcher(QObject *parent)
    : QObject(parent), m_credentials(new CredentialStore(this))
{
}

LibrarySwitcher::~LibrarySwitcher()
{
    // The window's parts hold the library's repositories: window first.
    delete m_window.data();
    m_library.reset();
}

Result<void> LibrarySwitcher::open(const QString &location)
{
    auto library = std::make_unique<Library>();
    if (auto opened = library->open(location); !opened)
        return opened;
    if (MainWindow *old = m_window) {
        // The old window saves its listing as it closes, or keeps it and
        // stays (the user cancelled); meanwhile no window is visible, which
        // must not end the program.
        const bool quitOnClose = QApplication::quitOnLastWindowClosed();
        QApplication::setQuitOnLastWindowClosed(false);
        const bool closed = old->close();
        QApplication::setQuitOnLastWindowClosed(quitOnClose);
        if (!closed)
            return makeError(Error::Kind::Conflict,
                             tr("The listing being edited is not saved, so the library was not "
                                "switched."));
        // Later, not now: the request may come from inside this window.
        Library *retired = m_library.release();
        connect(old, &QObject::destroyed, this, [retired] { delete retired; });
        old->deleteLater();
    }
    m_library = std::move(library);
    auto *window = new MainWindow(m_library.get());
    m_window = window;
    decorate(window);
    window->show();
    emit windowChanged(window);
    return {};
}

void LibrarySwitcher::openWithStoredPassword(const QString &location,
                                             std::function<void(const Result<void> &)> done)
{
    auto parsed = DatabaseLocation::parse(location);
    if (!parsed || !parsed.value().isPostgres() || parsed.value().hasPassword())
        return done(open(location));
    m_credentials->readSecret(parsed.value().displayName(), this,
                              [this, location, done](const Result<QString> &password) {
                                  QUrl url(location);
                                  // None remembered: libpq may still know one (~/.pgpass) or need
                                  // none.
                                  if (password)
                                      url.setPassword(password.value());
                                  done(open(url.toString(QUrl::FullyEncoded)));
                              });
}

void LibrarySwitcher::connectTeamLibrary()
{
    auto *dialog = new TeamLibraryDialog(m_credentials, m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (m_library && m_library->database().isPostgres())
        dialog->setLocation(m_library->database().path());
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        const QString location = dialog->location();
        // After the dialog, a child of the old window, has gone.
        QTimer::singleShot(0, this, [this, location] {
            auto opened = open(location);
            if (opened)
                return;
            auto *box = new QMessageBox(QMessageBox::Warning, tr("Cannot open the team library"),
                                        opened.error().message, QMessageBox::Ok, m_window);
            box->setObjectName(QStringLiteral("teamLibraryErrorBox"));
            box->setAttribute(Qt::WA_DeleteOnClose);
            box->open();
        });
    });
    dialog->open();
}

void LibrarySwitcher::decorate(MainWindow *window) const
{
    connect(window, &MainWindow::connectTeamLibraryRequested, this,
            &LibrarySwitcher::connectTeamLibrary);
    const DatabaseLocation &location = m_library->database().location();
    if (!location.isPostgres())
        return;
    // Whose library this is matters when several are in use: say it twice.
    window->setWindowTitle(tr("%1 — ListingDesk").arg(location.shortName()));
    auto *label = new QLabel(tr("Team library: %1").arg(location.shortName()), window);
    label->setObjectName(QStringLiteral("teamLibraryLabel"));
    label->setToolTip(location.displayName());
    window->statusBar()->addPermanentWidget(label);
}

} // namespace ListingDesk
