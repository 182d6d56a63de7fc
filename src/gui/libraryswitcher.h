#pragma once

#include "result.h"

#include <QObject>
#include <QPointer>

#include <functional>
#include <memory>

namespace ListingDesk {

class CredentialStore;
class Library;
class MainWindow;

/// The open library and its main window, for the life of the program. Opening
/// another library (File › Connect to Team Library…) builds a new window on
/// it and retires the old pair once the old window agreed to close (its
/// listing saved), because every part of a window holds its library's
/// repositories. Team library passwords are remembered through its
/// CredentialStore.
class LibrarySwitcher : public QObject
{
    Q_OBJECT
public:
    explicit LibrarySwitcher(QObject *parent = nullptr);
    ~LibrarySwitcher() override;

    /// Opens \a location and shows a window on it, replacing the current
    /// one. On failure (or when the old window keeps an unsaved listing) the
    /// current library and window stay as they were.
    Result<void> open(const QString &location);
    /// open() for a postgresql:// URL that carries no password while neither
    /// this run nor LISTINGDESK_DB_PASSWORD gave one: the keychain is asked
    /// first (asynchronously), then \a done gets open()'s result.
    void openWithStoredPassword(const QString &location,
                                std::function<void(const Result<void> &)> done);

    MainWindow *window() const { return m_window; }
    Library *library() const { return m_library.get(); }
    CredentialStore *credentials() const { return m_credentials; }

    /// Shows the Connect to Team Library dialog over the window; OK switches.
    void connectTeamLibrary();

signals:
    /// A new window replaced the old one (tests and the test script follow it).
    void windowChanged(ListingDesk::MainWindow *window);

private:
    void decorate(MainWindow *window) const;

    CredentialStore *m_credentials;
    std::unique_ptr<Library> m_library;
    QPointer<MainWindow> m_window;
};

} // namespace ListingDesk
