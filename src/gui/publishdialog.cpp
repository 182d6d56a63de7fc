#include "publishdialog.h"

#include "appsettings.h"
#include "chipbar.h"
#include "citypicker.h"
#include "library.h"
#include "synccontroller.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QRadioButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace ListingDesk {

PublishDialog::PublishDialog(Library *library, SyncController *sync,
                             const QList<qint64> &listingIds, QWidget *parent)
    : QDialog(parent), m_library(library), m_sync(sync), m_ids(listingIds)
{
    setObjectName(QStringLiteral("publishDialog"));
    setWindowTitle(tr("Publish %n Listing(s)", nullptr, int(m_ids.size())));
    m_replanTimer.setSingleShot(true);
    m_replanTimer.setInterval(0);
    connect(&m_replanTimer, &QTimer::timeout, this, &PublishDialog::replan);
    m_clockTimer.setInterval(15000);
    connect(&m_clockTimer, &QTimer::timeout, this, &PublishDialog::updateState);
    m_clockTimer.start();
    buildUi();
    loadPortals();
    setCities(AppSettings::defaultCities());
    replan();
}

void PublishDialog::buildUi()
{
    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);

    m_portalCombo = new QComboBox(this);
    m_portalCombo->setObjectName(QStringLiteral("portalComboBox"));
    form->addRow(tr("&Portal:"), m_portalCombo);

    m_ownCitiesRadio = new QRadioButton(tr("&Each listing's own cities"), this);
    m_ownCitiesRadio->setObjectName(QStringLiteral("ownCitiesRadioButton"));
    m_theseCitiesRadio = new QRadioButton(tr("&These cities:"), this);
    m_theseCitiesRadio->setObjectName(QStringLiteral("theseCitiesRadioButton"));
    auto *cityGroup = new QButtonGroup(this);
    cityGroup->addButton(m_ownCitiesRadio);
    cityGroup->addButton(m_theseCitiesRadio);
    m_ownCitiesRadio->setChecked(true);
    m_cityChips = new ChipBar(this);
    m_cityChips->setObjectName(QStringLiteral("publishCityChips"));
    m_cityChips->setPlaceholderText(tr("No city chosen"));
    m_chooseCitiesButton = new QPushButton(tr("C&hoose…"), this);
    m_chooseCitiesButton->setObjectName(QStringLiteral("chooseCitiesButton"));
    m_chooseCitiesButton->setAutoDefault(false);
    m_cityPicker = new CityPicker(m_library, this);
    auto *theseRow = new QHBoxLayout;
    theseRow->addWidget(m_theseCitiesRadio);
    theseRow->addWidget(m_cityChips, 1);
    theseRow->addWidget(m_chooseCitiesButton);
    auto *cityBox = new QVBoxLayout;
    cityBox->addWidget(m_ownCitiesRadio);
    cityBox->addLayout(theseRow);
    form->addRow(tr("Cities:"), cityBox);

    m_nowRadio = new QRadioButton(tr("Publish &now"), this);
    m_nowRadio->setObjectName(QStringLiteral("publishNowRadioButton"));
    m_atRadio = new QRadioButton(tr("Publish &at:"), this);
    m_atRadio->setObjectName(QStringLiteral("publishAtRadioButton"));
    auto *whenGroup = new QButtonGroup(this);
    whenGroup->addButton(m_nowRadio);
    whenGroup->addButton(m_atRadio);
    m_nowRadio->setChecked(true);
    m_atEdit = new QDateTimeEdit(this);
    m_atEdit->setObjectName(QStringLiteral("publishAtDateTimeEdit"));
    m_atEdit->setTimeSpec(Qt::LocalTime);
    m_atEdit->setCalendarPopup(true);
    m_atEdit->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm"));
    // A round hour ahead: the usual "tomorrow morning" is a few steps away.
    const QDateTime now = QDateTime::currentDateTime();
    m_atEdit->setDateTime(QDateTime(now.date(), QTime(now.time().hour(), 0)).addSecs(2 * 3600));
    m_atEdit->setEnabled(false);
    auto *whenRow = new QHBoxLayout;
    whenRow->addWidget(m_nowRadio);
    whenRow->addSpacing(12);
    whenRow->addWidget(m_atRadio);
    whenRow->addWidget(m_atEdit);
    whenRow->addStretch(1);
    form->addRow(tr("When:"), whenRow);

    m_problemsLabel = new QLabel(this);
    m_problemsLabel->setObjectName(QStringLiteral("problemsLabel"));
    m_problemsLabel->setWordWrap(true);
    m_problemsTable = new QTableWidget(0, 3, this);
    m_problemsTable->setObjectName(QStringLiteral("problemsTable"));
    m_problemsTable->setHorizontalHeaderLabels({tr("Listing"), tr("Why it cannot go"), {}});
    m_problemsTable->verticalHeader()->hide();
    m_problemsTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_problemsTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_problemsTable->setWordWrap(true);
    m_problemsTable->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Interactive);
    m_problemsTable->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_problemsTable->horizontalHeader()->setSectionResizeMode(2, QHeaderView::ResizeToContents);
    m_problemsTable->setColumnWidth(0, 220);
    // Enter on a row opens it too, for keyboard users.
    connect(m_problemsTable, &QTableWidget::itemActivated, this, [this](QTableWidgetItem *item) {
        emit openListing(m_problemsTable->item(item->row(), 0)->data(Qt::UserRole).toLongLong());
    });

    m_noteLabel = new QLabel(this);
    m_noteLabel->setObjectName(QStringLiteral("publishNoteLabel"));
    m_noteLabel->setWordWrap(true);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_publishButton = m_buttons->button(QDialogButtonBox::Ok);
    m_publishButton->setObjectName(QStringLiteral("publishButton"));
    m_publishButton->setDefault(true);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &PublishDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &PublishDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_problemsLabel);
    layout->addWidget(m_problemsTable, 1);
    layout->addWidget(m_noteLabel);
    layout->addWidget(m_buttons);
    resize(720, 460);

    connect(m_portalCombo, &QComboBox::currentIndexChanged, this, &PublishDialog::replanSoon);
    connect(m_ownCitiesRadio, &QRadioButton::toggled, this, &PublishDialog::replanSoon);
    connect(m_nowRadio, &QRadioButton::toggled, this, [this](bool immediately) {
        m_atEdit->setEnabled(!immediately);
        replanSoon();
    });
    connect(m_atEdit, &QDateTimeEdit::dateTimeChanged, this, &PublishDialog::replanSoon);
    connect(m_chooseCitiesButton, &QPushButton::clicked, this, &PublishDialog::chooseCities);
    connect(m_cityPicker, &CityPicker::codesChanged, this,
            [this](const QStringList &codes) { setCities(codes); });
    connect(m_cityChips, &ChipBar::chipRemoved, this, [this](const QString &code) {
        QStringList codes = m_cityCodes;
        codes.removeAll(code);
        setCities(codes);
        m_chooseCitiesButton->setFocus();
    });
}

void PublishDialog::loadPortals()
{
    auto portals = m_library->portals().all();
    m_portals = portals ? portals.value() : QList<PortalInfo>{};
    const QString preferred = AppSettings::defaultPortal();
    int current = 0;
    for (const PortalInfo &portal : std::as_const(m_portals)) {
        if (portal.name == preferred)
            current = m_portalCombo->count();
        m_portalCombo->addItem(portal.name, portal.id);
    }
    m_portalCombo->setCurrentIndex(m_portals.isEmpty() ? -1 : current);
}

bool PublishDialog::selectPortal(qint64 portalId)
{
    const int index = m_portalCombo->findData(portalId);
    if (index < 0)
        return false;
    m_portalCombo->setCurrentIndex(index);
    replan();
    return true;
}

PortalInfo PublishDialog::currentPortal() const
{
    const qint64 id = m_portalCombo->currentData().toLongLong();
    for (const PortalInfo &portal : m_portals) {
        if (portal.id == id)
            return portal;
    }
    return {};
}

void PublishDialog::setCities(const QStringList &codes)
{
    m_cityCodes = codes;
    showCities();
    if (!codes.isEmpty())
        m_theseCitiesRadio->setChecked(true);
    replanSoon();
}

void PublishDialog::showCities()
{
    QStringList labels;
    for (const QString &code : std::as_const(m_cityCodes))
        labels << m_library->regions().displayName(code);
    m_cityChips->setChips(m_cityCodes, labels);
}

void PublishDialog::chooseCities()
{
    m_theseCitiesRadio->setChecked(true);
    m_cityPicker->setCheckedCodes(m_cityCodes);
    m_cityPicker->popup(m_chooseCitiesButton);
}

QStringList PublishDialog::chosenCities() const
{
    return m_theseCitiesRadio->isChecked() ? m_cityCodes : QStringList{};
}

void PublishDialog::setPublishAt(const QDateTime &local)
{
    if (local.isValid()) {
        m_atEdit->setDateTime(local);
        m_atRadio->setChecked(true);
    } else {
        m_nowRadio->setChecked(true);
    }
    replan();
}

QDateTime PublishDialog::publishAtUtc() const
{
    if (!m_atRadio->isChecked())
        return {};
    return m_atEdit->dateTime().toUTC();
}

QString PublishDialog::blocker() const
{
    if (m_portals.isEmpty())
        return tr("Add a portal account first (Portal ▸ Portals…).");
    const PortalInfo portal = currentPortal();
    if (portal.mode == PortalMode::Unknown)
        return tr("Test the connection to “%1” first (Portal ▸ Portals…), so that ListingDesk "
                  "knows how to talk to it.")
            .arg(portal.name);
    if (m_theseCitiesRadio->isChecked() && m_cityCodes.isEmpty())
        return tr("Choose at least one city, or publish to each listing's own cities.");
    if (m_atRadio->isChecked() && m_atEdit->dateTime() <= QDateTime::currentDateTime())
        return tr("The publish time has passed; choose a time in the future or publish now.");
    return {};
}

void PublishDialog::replan()
{
    m_replanTimer.stop();
    const PortalInfo portal = currentPortal();
    if (portal.id != 0 && (!m_theseCitiesRadio->isChecked() || !m_cityCodes.isEmpty())) {
        PublishPlanner planner(*m_library, portal, m_sync->sensitiveWords());
        m_plan = planner.planPublish(m_ids, chosenCities(), publishAtUtc());
    } else {
        m_plan = PublishPlan{};
    }
    showProblems();
    updateState();
}

void PublishDialog::updateState()
{
    const QString why = blocker();
    m_noteLabel->setText(why);
    m_noteLabel->setVisible(!why.isEmpty());
    const int posts = int(m_plan.requests.size());
    // Spelled out: there is no English plural catalogue, and this button is
    // the sentence the user reads before sending thousands of posts.
    const int listings = m_plan.listingsPlanned;
    const QString listingsText = listings == 1 ? tr("1 listing") : tr("%1 listings").arg(listings);
    const QString postsText = posts == 1 ? tr("1 post") : tr("%1 posts").arg(posts);
    m_publishButton->setText(tr("Publish %1 (%2)").arg(listingsText, postsText));
    m_publishButton->setEnabled(why.isEmpty() && posts > 0);
}

void PublishDialog::showProblems()
{
    const QList<PlanProblem> &problems = m_plan.problems;
    m_problemsLabel->setText(
        problems.isEmpty() ? (m_ids.size() == 1 ? tr("The listing can go.")
                                                : tr("All %1 listings can go.").arg(m_ids.size()))
        : problems.size() == 1
            ? tr("1 listing cannot go; open it to correct it, the rest can be published:")
            : tr("%1 listings cannot go; open one to correct it, the rest can be published:")
                  .arg(problems.size()));
    m_problemsTable->setVisible(!problems.isEmpty());
    m_problemsTable->setRowCount(int(problems.size()));
    for (int row = 0; row < problems.size(); ++row) {
        const PlanProblem &problem = problems.at(row);
        auto *title =
            new QTableWidgetItem(problem.title.isEmpty() ? tr("(untitled)") : problem.title);
        title->setData(Qt::UserRole, problem.listingId);
        title->setToolTip(title->text());
        m_problemsTable->setItem(row, 0, title);
        auto *reasons = new QTableWidgetItem(problem.reasons.join(u'\n'));
        reasons->setToolTip(reasons->text());
        m_problemsTable->setItem(row, 1, reasons);
        auto *open = new QPushButton(tr("Open"), m_problemsTable);
        open->setObjectName(QStringLiteral("openProblemButton"));
        open->setAutoDefault(false);
        const qint64 id = problem.listingId;
        connect(open, &QPushButton::clicked, this, [this, id] { emit openListing(id); });
        m_problemsTable->setCellWidget(row, 2, open);
    }
    m_problemsTable->resizeRowsToContents();
}

void PublishDialog::accept()
{
    // The chosen time may have passed meanwhile. The listings are not checked
    // again here (a second for thousands): each job checks its listing just
    // before sending anyway.
    if (m_replanTimer.isActive())
        replan();
    else
        updateState();
    if (!m_publishButton->isEnabled())
        return;
    const PortalInfo portal = currentPortal();
    auto batch = m_sync->publishQueue()->enqueue(portal, m_plan);
    if (!batch) {
        m_noteLabel->setText(tr("Could not queue the posts: %1").arg(batch.error().message));
        m_noteLabel->show();
        return;
    }
    // enqueue() starts sending unless the user paused the queue; a paused
    // queue stays paused (the progress view offers Resume).
    emit queued(portal, batch.value());
    QDialog::accept();
}

} // namespace ListingDesk
