#pragma once

#include <QPointer>
#include <QWidget>

class QAction;
class QIcon;
class QCommandLinkButton;
class QLabel;

namespace ListingDesk {

class Library;

/// What an empty library opens on: a headline and four large buttons that
/// lead somewhere (write, import, connect a portal, try the sample library),
/// instead of an empty grid. New and Import are the window's to do; the
/// sample library is imported here.
class WelcomeView : public QWidget
{
    Q_OBJECT
public:
    explicit WelcomeView(Library *library, QWidget *parent = nullptr);

    /// Imports the 36 shipped sample listings (a Qt resource) into the
    /// library through ListingImporter, as a file import would.
    void openSampleLibrary();

    /// Checks whether the library is empty (the trash counts as not empty:
    /// the view returns only when the last listing is deleted for good) and
    /// says so through libraryEmptyChanged. Runs on every bulk change.
    void refresh();
    /// The action behind "Connect a portal…"; without one (no portal support
    /// in this window) the button is disabled and its tooltip says why.
    /// refresh() looks for the window's action named "portalsAction".
    void setPortalAction(QAction *action);

signals:
    /// The window shows this view while \a empty, its table otherwise.
    void libraryEmptyChanged(bool empty);
    void newListingRequested();
    void importRequested();
    /// After openSampleLibrary() added \a count listings.
    void sampleLibraryOpened(int count);

private:
    QCommandLinkButton *addButton(const QString &objectName, const QString &text,
                                  const QString &description, const QIcon &icon);

    Library *m_library;
    QLabel *m_headline;
    QCommandLinkButton *m_newButton;
    QCommandLinkButton *m_importButton;
    QCommandLinkButton *m_portalButton;
    QCommandLinkButton *m_sampleButton;
    QPointer<QAction> m_portalAction;
};

} // namespace ListingDesk
