#include "conflictbar.h"

#include "themecolors.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace ListingDesk {

namespace {

QPushButton *makeButton(const QString &text, const QString &objectName, const QString &description,
                        QWidget *parent)
{
    auto *button = new QPushButton(text, parent);
    button->setObjectName(objectName);
    button->setAccessibleDescription(description);
    button->setToolTip(description);
    button->setAutoDefault(false);
    return button;
}

} // namespace

ConflictBar::ConflictBar(QWidget *parent) : QFrame(parent)
{
    setObjectName(QStringLiteral("conflictBar"));
    setAccessibleName(tr("Save conflict"));
    setFrameShape(QFrame::StyledPanel);
    // The colour of a changed value (as in the portal conflict dialog): it
    // marks the form as differing from the library, in light and dark themes.
    setAutoFillBackground(true);
    QPalette colours = palette();
    colours.setColor(QPalette::Window, ThemeColors::changedBackground(colours));
    colours.setColor(QPalette::WindowText, colours.color(QPalette::Text));
    setPalette(colours);

    m_messageLabel = new QLabel(this);
    m_messageLabel->setObjectName(QStringLiteral("conflictMessageLabel"));
    m_messageLabel->setWordWrap(true);
    m_messageLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_messageLabel->setAccessibleName(tr("What happened"));

    // Mnemonics chosen to avoid the form's own (Title, cAtegory, cIties, ...).
    m_reloadButton =
        makeButton(tr("Reload th&eirs"), QStringLiteral("reloadTheirsButton"),
                   tr("Show the version saved elsewhere; yours can be restored until you "
                      "edit again."),
                   this);
    m_overwriteButton = makeButton(
        tr("&Overwrite…"), QStringLiteral("overwriteButton"),
        tr("Save your version over theirs; theirs stays in the listing's history."), this);
    m_copyButton = makeButton(tr("Save mine as a &copy"), QStringLiteral("saveAsCopyButton"),
                              tr("Keep their version and save yours as a new listing."), this);
    m_confirmOverwriteButton =
        makeButton(tr("&Overwrite"), QStringLiteral("confirmOverwriteButton"),
                   tr("Replace their version with yours now."), this);
    m_cancelOverwriteButton = makeButton(tr("Cancel"), QStringLiteral("cancelOverwriteButton"),
                                         tr("Go back to the three choices without saving."), this);
    m_restoreButton = makeButton(tr("Re&store mine"), QStringLiteral("restoreMineButton"),
                                 tr("Put your version back into the form; it saves over "
                                    "theirs, which stays in the history."),
                                 this);
    m_dismissButton = makeButton(tr("Close"), QStringLiteral("dismissConflictButton"),
                                 tr("Hide this bar and keep their version."), this);

    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    for (QPushButton *button :
         {m_reloadButton, m_overwriteButton, m_copyButton, m_confirmOverwriteButton,
          m_cancelOverwriteButton, m_restoreButton, m_dismissButton})
        buttons->addWidget(button);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_messageLabel);
    layout->addLayout(buttons);

    connect(m_reloadButton, &QPushButton::clicked, this, &ConflictBar::reloadTheirsRequested);
    connect(m_overwriteButton, &QPushButton::clicked, this, &ConflictBar::askToConfirmOverwrite);
    connect(m_copyButton, &QPushButton::clicked, this, &ConflictBar::saveCopyRequested);
    connect(m_confirmOverwriteButton, &QPushButton::clicked, this,
            &ConflictBar::overwriteRequested);
    connect(m_cancelOverwriteButton, &QPushButton::clicked, this,
            [this] { showConflict(m_conflictMessage); });
    connect(m_restoreButton, &QPushButton::clicked, this, &ConflictBar::restoreMineRequested);
    connect(m_dismissButton, &QPushButton::clicked, this, &QWidget::hide);
    hide();
}

void ConflictBar::setButtons(std::initializer_list<QPushButton *> visible)
{
    for (QPushButton *button :
         {m_reloadButton, m_overwriteButton, m_copyButton, m_confirmOverwriteButton,
          m_cancelOverwriteButton, m_restoreButton, m_dismissButton})
        button->setVisible(std::find(visible.begin(), visible.end(), button) != visible.end());
}

void ConflictBar::showConflict(const QString &message)
{
    m_conflictMessage = message;
    m_messageLabel->setText(message);
    setButtons({m_reloadButton, m_overwriteButton, m_copyButton});
    show();
}

void ConflictBar::askToConfirmOverwrite()
{
    // A second, deliberate click: an overwrite replaces another person's work
    // (it stays in the history, but they will not see it in the form).
    m_messageLabel->setText(tr("Replace their version with yours? Theirs stays in the "
                               "listing's history."));
    setButtons({m_confirmOverwriteButton, m_cancelOverwriteButton});
    m_confirmOverwriteButton->setFocus();
}

void ConflictBar::showReloaded(const QString &message)
{
    m_messageLabel->setText(message);
    setButtons({m_restoreButton, m_dismissButton});
    show();
}

void ConflictBar::showGone(const QString &message)
{
    m_conflictMessage = message;
    m_messageLabel->setText(message);
    setButtons({m_copyButton});
    show();
}

QString ConflictBar::message() const
{
    return m_messageLabel->text();
}

} // namespace ListingDesk
