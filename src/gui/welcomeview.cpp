#include "welcomeview.h"

#include "library.h"
#include "listingimporter.h"

#include <QAction>
#include <QApplication>
#include <QCommandLinkButton>
#include <QIcon>
#include <QLabel>
#include <QMessageBox>
#include <QPixmap>
#include <QStyle>
#include <QVBoxLayout>

namespace ListingDesk {

namespace {
// Theme icons where the desktop has them, Qt's own otherwise (offscreen,
// minimal desktops), so the buttons never show a blank square. Some of Qt's
// own exist only at 16 px: scaled up, so the four buttons look alike.
QIcon themedIcon(const QString &name, QStyle::StandardPixmap fallback, const QWidget *widget)
{
    if (QIcon::hasThemeIcon(name))
        return QIcon::fromTheme(name);
    const QIcon icon = widget->style()->standardIcon(fallback);
    const QPixmap pixmap = icon.pixmap(QSize(32, 32));
    if (pixmap.width() >= 32)
        return icon;
    return QIcon(pixmap.scaled(32, 32, Qt::KeepAspectRatio, Qt::SmoothTransformation));
}
} // namespace

WelcomeView::WelcomeView(Library *library, QWidget *parent) : QWidget(parent), m_library(library)
{
    setObjectName(QStringLiteral("welcomeView"));
    setAccessibleName(tr("Welcome"));
    // Background from the palette's base role, like the table it replaces,
    // so dark themes stay dark.
    setBackgroundRole(QPalette::Base);
    setAutoFillBackground(true);

    m_headline = new QLabel(tr("Welcome to ListingDesk"), this);
    m_headline->setObjectName(QStringLiteral("welcomeHeadline"));
    QFont headlineFont = m_headline->font();
    headlineFont.setPointSizeF(headlineFont.pointSizeF() * 1.6);
    headlineFont.setBold(true);
    m_headline->setFont(headlineFont);
    m_headline->setWordWrap(true);
    m_headline->setAlignment(Qt::AlignCenter);

    auto *intro = new QLabel(tr("Your library is empty. Choose how to begin:"), this);
    intro->setObjectName(QStringLiteral("welcomeIntroLabel"));
    intro->setWordWrap(true);
    intro->setAlignment(Qt::AlignCenter);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(32, 32, 32, 32);
    layout->setSpacing(12);
    layout->addStretch(1);
    layout->addWidget(m_headline);
    layout->addWidget(intro);
    layout->addSpacing(12);

    m_newButton = addButton(QStringLiteral("welcomeNewButton"), tr("Create your first listing"),
                            tr("Write a title, pick a category and cities, then the article."),
                            themedIcon(QStringLiteral("document-new"), QStyle::SP_FileIcon, this));
    m_importButton =
        addButton(QStringLiteral("welcomeImportButton"), tr("Import a file…"),
                  tr("Bring in listings from a JSON or CSV file."),
                  themedIcon(QStringLiteral("document-import"), QStyle::SP_DialogOpenButton, this));
    m_portalButton =
        addButton(QStringLiteral("welcomePortalButton"), tr("Connect a portal…"),
                  tr("Add the website you publish to, so listings can go out."),
                  themedIcon(QStringLiteral("network-server"), QStyle::SP_ComputerIcon, this));
    m_sampleButton = addButton(QStringLiteral("welcomeSampleButton"), tr("Open the sample library"),
                               tr("Add 36 example listings to look around; delete them any time."),
                               themedIcon(QStringLiteral("folder-open"), QStyle::SP_DirIcon, this));
    layout->addStretch(2);

    connect(m_newButton, &QAbstractButton::clicked, this, &WelcomeView::newListingRequested);
    connect(m_importButton, &QAbstractButton::clicked, this, &WelcomeView::importRequested);
    connect(m_sampleButton, &QAbstractButton::clicked, this, &WelcomeView::openSampleLibrary);
    connect(m_portalButton, &QAbstractButton::clicked, this, [this] {
        if (m_portalAction)
            m_portalAction->trigger();
    });
    setPortalAction(nullptr);
    connect(&m_library->listings(), &ListingRepository::listingsChanged, this,
            &WelcomeView::refresh);
}

void WelcomeView::refresh()
{
    const auto counts = m_library->listings().filterCounts();
    const bool empty =
        counts[std::size_t(SavedFilter::All)] == 0 && counts[std::size_t(SavedFilter::Trash)] == 0;
    if (empty) // looked up now: the portal action may be added after the window is built
        setPortalAction(window()->findChild<QAction *>(QStringLiteral("portalsAction")));
    emit libraryEmptyChanged(empty);
}

QCommandLinkButton *WelcomeView::addButton(const QString &objectName, const QString &text,
                                           const QString &description, const QIcon &icon)
{
    auto *button = new QCommandLinkButton(text, description, this);
    button->setObjectName(objectName);
    button->setIcon(icon);
    button->setIconSize(QSize(32, 32));
    button->setAccessibleName(text);
    button->setAccessibleDescription(description);
    // A readable column, centred: full-width buttons on a wide screen are
    // hard to scan.
    // The description wraps (heightForWidth), so Chinese never clips.
    button->setFixedWidth(qMax(480, fontMetrics().averageCharWidth() * 64));
    static_cast<QVBoxLayout *>(layout())->addWidget(button, 0, Qt::AlignHCenter);
    return button;
}

void WelcomeView::openSampleLibrary()
{
    QApplication::setOverrideCursor(Qt::WaitCursor);
    auto summary =
        ListingImporter(*m_library).importFile(QStringLiteral(":/samples/sample-listings.json"));
    QApplication::restoreOverrideCursor();
    if (!summary) {
        QMessageBox::warning(this, tr("Cannot open the sample library"), summary.error().message);
        return;
    }
    emit sampleLibraryOpened(summary.value().created);
}

void WelcomeView::setPortalAction(QAction *action)
{
    m_portalAction = action;
    const bool available = action != nullptr && action->isEnabled();
    m_portalButton->setEnabled(available);
    m_portalButton->setToolTip(available ? QString()
                                         : tr("Portal connections are not available in this "
                                              "version of ListingDesk."));
}

} // namespace ListingDesk
