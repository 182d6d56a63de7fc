#include "conflictdialog.h"

#include "conflictresolver.h"
#include "htmltext.h"
#include "library.h"
#include "themecolors.h"

#include <QDialogButtonBox>
#include <QGridLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace ListingDesk {

namespace {

QString contactText(const Contact &contact)
{
    QStringList parts;
    for (const QString &part : {contact.name, contact.phone, contact.wechat}) {
        if (!part.trimmed().isEmpty())
            parts << part.trimmed();
    }
    return parts.isEmpty() ? ConflictDialog::tr("(none)") : parts.join(QStringLiteral(" · "));
}

QString priceText(const std::optional<double> &price)
{
    return price ? QLocale().toString(*price, 'f', 2) : ConflictDialog::tr("(none)");
}

QString expiryText(const QDateTime &when)
{
    return when.isValid() ? QLocale().toString(when.toLocalTime(), QLocale::ShortFormat)
                          : ConflictDialog::tr("does not expire");
}

bool sameTime(const QDateTime &a, const QDateTime &b)
{
    if (!a.isValid() || !b.isValid())
        return a.isValid() == b.isValid();
    return a.toSecsSinceEpoch() == b.toSecsSinceEpoch();
}

// The article is compared as a reader sees it: the portal rewrites markup
// (image URLs, paragraphs) without changing the words.
QString articleWords(const QString &html)
{
    return htmlToPlainText(html).simplified();
}

// A tint of the palette's base with its own text colour: readable in a dark theme too.
QString differsStyle(const QPalette &palette)
{
    return QStringLiteral("background-color: %1; color: %2;")
        .arg(ThemeColors::changedBackground(palette).name(), palette.color(QPalette::Text).name());
}

} // namespace

ConflictDialog::ConflictDialog(Library &library, qint64 listingId, QWidget *parent)
    : QDialog(parent), m_library(library), m_listingId(listingId)
{
    setObjectName(QStringLiteral("conflictDialog"));
    setWindowTitle(tr("Resolve Conflict"));

    m_headerLabel = new QLabel(this);
    m_headerLabel->setObjectName(QStringLiteral("conflictHeaderLabel"));
    m_headerLabel->setWordWrap(true);
    m_grid = new QGridLayout;
    m_grid->setColumnStretch(1, 1);
    m_grid->setColumnStretch(2, 1);
    m_errorLabel = new QLabel(this);
    m_errorLabel->setObjectName(QStringLiteral("conflictErrorLabel"));
    m_errorLabel->setWordWrap(true);
    m_errorLabel->setStyleSheet(
        QStringLiteral("color: %1;").arg(ThemeColors::errorText(palette()).name()));

    auto *buttons = new QDialogButtonBox(this);
    m_keepMineButton = buttons->addButton(tr("Keep &Mine"), QDialogButtonBox::AcceptRole);
    m_keepMineButton->setObjectName(QStringLiteral("keepMineButton"));
    m_keepMineButton->setToolTip(tr("Keep this library's version; the next publish sends it "
                                    "to the portal."));
    m_takePortalsButton =
        buttons->addButton(tr("Take the &Portal's"), QDialogButtonBox::AcceptRole);
    m_takePortalsButton->setObjectName(QStringLiteral("takePortalsButton"));
    m_takePortalsButton->setToolTip(tr("Replace the listing with the portal's version; yours "
                                       "stays in the listing's history."));
    m_keepBothButton = buttons->addButton(tr("Keep &Both"), QDialogButtonBox::AcceptRole);
    m_keepBothButton->setObjectName(QStringLiteral("keepBothButton"));
    m_keepBothButton->setToolTip(tr("Keep yours, and add the portal's version as a new draft."));
    buttons->addButton(QDialogButtonBox::Cancel);
    connect(m_keepMineButton, &QPushButton::clicked, this, [this] { choose(Choice::KeepMine); });
    connect(m_takePortalsButton, &QPushButton::clicked, this,
            [this] { choose(Choice::TakePortals); });
    connect(m_keepBothButton, &QPushButton::clicked, this, [this] { choose(Choice::KeepBoth); });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_headerLabel);
    layout->addLayout(m_grid, 1);
    layout->addWidget(m_errorLabel);
    layout->addWidget(buttons);
    load();
    for (QPushButton *button : {m_keepMineButton, m_takePortalsButton, m_keepBothButton})
        button->setEnabled(m_valid);
    resize(900, 620);
}

void ConflictDialog::load()
{
    auto listing = m_library.listings().load(m_listingId);
    if (!listing) {
        m_problem = listing.error().message;
        m_errorLabel->setText(m_problem);
        return;
    }
    auto posts = m_library.remotePosts().forListing(m_listingId);
    if (!posts) {
        m_problem = posts.error().message;
        m_errorLabel->setText(m_problem);
        return;
    }
    std::optional<RemotePostRecord> conflict;
    for (const RemotePostRecord &post : posts.value()) {
        if (post.state == RemoteState::Conflict) {
            conflict = post;
            break;
        }
    }
    if (!conflict) {
        m_problem = tr("This listing has no conflict with a portal.");
        m_errorLabel->setText(m_problem);
        return;
    }
    auto theirs = ConflictResolver::portalVersion(*conflict);
    if (!theirs) {
        m_problem = theirs.error().message;
        m_errorLabel->setText(m_problem);
        return;
    }
    const Listing &mine = listing.value();
    const PortalListingFields &portal = theirs.value();
    auto portalInfo = m_library.portals().portal(conflict->portalId);
    const QString portalName = portalInfo ? portalInfo.value().name : QString();
    const QString city = m_library.regions().displayName(conflict->regionCode);

    m_headerLabel->setText(tr("“%1” was changed here and on %2 since the last sync. Choose which "
                              "version to keep; the differences are marked.")
                               .arg(mine.title, portalName));
    auto *mineHeader = new QLabel(tr("<b>Mine</b> (this library)"), this);
    auto *theirsHeader = new QLabel(
        tr("<b>The portal's</b> (%1 · %2)").arg(portalName.toHtmlEscaped(), city.toHtmlEscaped()),
        this);
    m_grid->addWidget(mineHeader, 0, 1);
    m_grid->addWidget(theirsHeader, 0, 2);

    addRow(QStringLiteral("title"), tr("Title"), mine.title, portal.title, false);
    addRow(QStringLiteral("article"), tr("Article"), mine.bodyHtml, portal.bodyHtml, true);
    addRow(QStringLiteral("contact"), tr("Contact"), contactText(mine.contact),
           contactText(portal.contact), false);
    addRow(QStringLiteral("price"), tr("Price"), priceText(mine.price), priceText(portal.price),
           false);
    addRow(QStringLiteral("expiry"), tr("Expires"), expiryText(mine.expiresAt),
           expiryText(portal.expiresAt), false);
    // Texts of expiry and price are locale-formatted; compare the values instead.
    m_differing.removeAll(QStringLiteral("expiry"));
    if (!sameTime(mine.expiresAt, portal.expiresAt))
        m_differing << QStringLiteral("expiry");
    m_valid = true;
}

void ConflictDialog::addRow(const QString &key, const QString &label, const QString &mine,
                            const QString &theirs, bool rich)
{
    const bool differs = rich ? articleWords(mine) != articleWords(theirs) : mine != theirs;
    if (differs)
        m_differing << key;
    auto *name = new QLabel(differs ? tr("%1 ≠").arg(label) : label, this);
    name->setObjectName(key + QStringLiteral("FieldLabel"));
    name->setAlignment(Qt::AlignRight | Qt::AlignTop);
    if (differs)
        name->setStyleSheet(QStringLiteral("font-weight: bold; color: %1;")
                                .arg(ThemeColors::warningText(palette()).name()));
    name->setToolTip(differs ? tr("The two versions differ here.") : tr("Both versions agree."));
    int column = 1;
    for (const QString &text : {mine, theirs}) {
        QWidget *cell = nullptr;
        if (rich) {
            auto *browser = new QTextBrowser(this);
            browser->setOpenLinks(false);
            browser->setHtml(text); // rendered as the reader sees it
            browser->setMinimumHeight(180);
            if (differs)
                browser->setStyleSheet(
                    QStringLiteral("QTextBrowser { %1 }").arg(differsStyle(palette())));
            cell = browser;
        } else {
            auto *value = new QLabel(text, this);
            value->setTextFormat(Qt::PlainText);
            value->setWordWrap(true);
            value->setTextInteractionFlags(Qt::TextSelectableByMouse);
            value->setMargin(3);
            if (differs)
                value->setStyleSheet(differsStyle(palette()));
            cell = value;
        }
        cell->setObjectName(key +
                            (column == 1 ? QStringLiteral("Mine") : QStringLiteral("Theirs")));
        // The column headings are not announced with each cell: say whose it is.
        cell->setAccessibleName(column == 1 ? tr("%1, your version").arg(label)
                                            : tr("%1, the portal's version").arg(label));
        cell->setProperty("differs", differs);
        m_grid->addWidget(cell, m_nextRow, column++);
    }
    m_grid->addWidget(name, m_nextRow, 0);
    if (rich)
        m_grid->setRowStretch(m_nextRow, 1);
    ++m_nextRow;
}

void ConflictDialog::choose(Choice choice)
{
    ConflictResolver resolver(m_library);
    Result<void> done;
    qint64 copy = 0;
    switch (choice) {
    case Choice::KeepMine:
        done = resolver.keepMine(m_listingId);
        break;
    case Choice::TakePortals:
        done = resolver.takePortals(m_listingId);
        break;
    case Choice::KeepBoth: {
        auto made = resolver.keepBoth(m_listingId);
        if (made)
            copy = made.value();
        else
            done = made.error();
        break;
    }
    case Choice::None:
        return;
    }
    if (!done) {
        m_errorLabel->setText(done.error().message);
        return;
    }
    m_choice = choice;
    m_copyId = copy;
    emit resolved(choice, m_listingId, copy);
    accept();
}

} // namespace ListingDesk
