#include "statisticsview.h"

#include "chartpanel.h"
#include "library.h"
#include "statisticsloader.h"

#include <QEvent>
#include <QFontMetrics>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QScrollArea>
#include <QTime>
#include <QVBoxLayout>

namespace ListingDesk {

StatisticsView::StatisticsView(Library *library, QWidget *parent)
    : QWidget(parent), m_library(library)
{
    auto *hint = new QLabel(tr("Click a bar to show those listings in the table."), this);
    hint->setWordWrap(true);
    m_updatedLabel = new QLabel(this);
    m_updatedLabel->setObjectName(QStringLiteral("statisticsUpdatedLabel"));
    m_updatedLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_refreshButton = new QPushButton(tr("&Refresh"), this);
    m_refreshButton->setObjectName(QStringLiteral("statisticsRefreshButton"));
    m_refreshButton->setToolTip(tr("Count again (portal figures change after each sync)"));
    connect(m_refreshButton, &QPushButton::clicked, this, &StatisticsView::refresh);
    auto *top = new QHBoxLayout;
    top->addWidget(hint, 1);
    top->addWidget(m_updatedLabel);
    top->addWidget(m_refreshButton);

    m_statusPanel = new ChartPanel(tr("Listings by status"), Qt::Horizontal, this);
    m_statusPanel->setObjectName(QStringLiteral("statusChart"));
    m_statusPanel->setEmptyText(tr("No listings yet. Write one, or import a file."));
    m_categoryPanel = new ChartPanel(tr("Listings per category"), Qt::Horizontal, this);
    m_categoryPanel->setObjectName(QStringLiteral("categoryChart"));
    m_categoryPanel->setEmptyText(tr("No listing has a category yet."));
    m_cityPanel = new ChartPanel(tr("Listings per city (top 15)"), Qt::Horizontal, this);
    m_cityPanel->setObjectName(QStringLiteral("cityChart"));
    m_cityPanel->setEmptyText(tr("No listing targets a city yet. Choose cities in the form."));
    m_activityPanel = new ChartPanel(
        tr("Posts published per day (last %n day(s))", nullptr, activityDays), Qt::Vertical, this);
    m_activityPanel->setObjectName(QStringLiteral("activityChart"));
    m_activityPanel->setEmptyText(
        tr("Nothing was published in the last %n day(s).\nPosts show up here once listings are "
           "published to a portal.",
           nullptr, activityDays));
    m_viewsCityPanel = new ChartPanel(tr("Views per city (top 15)"), Qt::Horizontal, this);
    m_viewsCityPanel->setObjectName(QStringLiteral("viewsCityChart"));
    const QString noViews = tr("No portal has reported views yet.\nViews show up here after a "
                               "sync with a portal that counts them.");
    m_viewsCityPanel->setEmptyText(noViews);
    m_topListingsPanel = new ChartPanel(tr("Most viewed listings"), Qt::Horizontal, this);
    m_topListingsPanel->setObjectName(QStringLiteral("topListingsChart"));
    m_topListingsPanel->setEmptyText(noViews);

    auto *charts = new QWidget(this);
    auto *grid = new QGridLayout(charts);
    grid->setSpacing(16);
    grid->addWidget(m_statusPanel, 0, 0);
    grid->addWidget(m_categoryPanel, 0, 1);
    grid->addWidget(m_cityPanel, 0, 2);
    grid->addWidget(m_activityPanel, 1, 0, 1, 3);
    grid->addWidget(m_viewsCityPanel, 2, 0);
    grid->addWidget(m_topListingsPanel, 2, 1, 1, 2);
    for (int column = 0; column < 3; ++column)
        grid->setColumnStretch(column, 1);
    auto *scroll = new QScrollArea(this);
    scroll->setWidget(charts);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setAccessibleName(tr("Charts"));

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(scroll, 1);

    connect(m_statusPanel, &ChartPanel::barClicked, this, [this](int index) {
        ListingQuery query;
        query.status = m_statistics.byStatus.at(index).status;
        emit filterRequested(query, tr("Status: %1").arg(statusDisplayName(*query.status)));
    });
    connect(m_categoryPanel, &ChartPanel::barClicked, this, [this](int index) {
        ListingQuery query;
        query.categoryId = m_statistics.byCategory.at(index).categoryId;
        emit filterRequested(query, tr("Category: %1").arg(m_statistics.byCategory.at(index).name));
    });
    auto cityFilter = [this](const CityCount &city) {
        ListingQuery query;
        query.regionCode = city.code;
        emit filterRequested(query, tr("City: %1").arg(city.shortName));
    };
    connect(m_cityPanel, &ChartPanel::barClicked, this,
            [this, cityFilter](int index) { cityFilter(m_statistics.byCity.at(index)); });
    connect(m_viewsCityPanel, &ChartPanel::barClicked, this,
            [this, cityFilter](int index) { cityFilter(m_statistics.viewsByCity.at(index)); });
    connect(m_topListingsPanel, &ChartPanel::barClicked, this, [this](int index) {
        emit listingRequested(m_statistics.topListings.at(index).listingId);
    });

    m_loader = new StatisticsLoader(library->database().path(), activityDays, this);
    connect(m_loader, &StatisticsLoader::loaded, this, &StatisticsView::loaded);
    connect(m_loader, &StatisticsLoader::failed, this, &StatisticsView::showError);

    // Saving a listing changes the figures; while typing that happens every
    // few seconds, so refreshes wait for a quiet moment.
    m_refreshTimer.setSingleShot(true);
    m_refreshTimer.setInterval(1500);
    connect(&m_refreshTimer, &QTimer::timeout, this, &StatisticsView::refresh);
    connect(&library->listings(), &ListingRepository::listingsChanged, this,
            &StatisticsView::libraryChanged);
    connect(&library->listings(), &ListingRepository::listingChanged, this,
            &StatisticsView::libraryChanged);
}

StatisticsView::~StatisticsView() = default;

void StatisticsView::libraryChanged()
{
    // A hidden view does not count; it counts when it is shown again.
    m_stale = true;
    if (isVisible())
        m_refreshTimer.start();
}

void StatisticsView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_stale)
        refresh();
}

void StatisticsView::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::LanguageChange && !m_stale)
        redraw();
}

bool StatisticsView::isUpToDate() const
{
    return !m_stale && !m_loader->isBusy();
}

void StatisticsView::refresh()
{
    m_refreshTimer.stop();
    m_stale = false; // a change from now on needs another read
    m_updatedLabel->setText(tr("Counting…"));
    m_loader->request();
}

void StatisticsView::loaded(const LibraryStatistics &statistics)
{
    m_statistics = statistics;
    redraw();
    m_updatedLabel->setText(
        tr("Counted at %1").arg(QLocale().toString(QTime::currentTime(), QLocale::ShortFormat)));
    emit refreshed();
}

void StatisticsView::showError(const QString &message)
{
    m_updatedLabel->setText(tr("Some figures could not be read: %1").arg(message));
}

void StatisticsView::redraw()
{
    QStringList labels;
    QList<qint64> values;
    auto reset = [&] {
        labels.clear();
        values.clear();
    };

    for (const StatusCount &c : m_statistics.byStatus) {
        labels << statusDisplayName(c.status);
        values << c.count;
    }
    m_statusPanel->setBars(labels, values);

    reset();
    for (const CategoryCount &c : m_statistics.byCategory) {
        labels << c.name;
        values << c.count;
    }
    m_categoryPanel->setBars(labels, values);

    reset();
    for (const CityCount &c : m_statistics.byCity) {
        labels << c.shortName;
        values << c.count;
    }
    m_cityPanel->setBars(labels, values);

    reset();
    for (const DayCount &d : m_statistics.publishedPerDay) {
        labels << QString::number(d.day.day());
        values << d.count;
    }
    QString range;
    if (!m_statistics.publishedPerDay.isEmpty())
        range = tr("%1 to %2")
                    .arg(QLocale().toString(m_statistics.publishedPerDay.constFirst().day,
                                            QLocale::ShortFormat),
                         QLocale().toString(m_statistics.publishedPerDay.constLast().day,
                                            QLocale::ShortFormat));
    m_activityPanel->setBars(labels, values, range);

    reset();
    for (const CityCount &c : m_statistics.viewsByCity) {
        labels << c.shortName;
        values << c.count;
    }
    m_viewsCityPanel->setBars(labels, values);

    reset();
    // Titles run long; the bar matters more than the end of its title.
    const QFontMetrics metrics = fontMetrics();
    const int titleWidth = metrics.horizontalAdvance(QStringLiteral("长治市二手房出售急售")) + 8;
    for (const ListingViews &l : m_statistics.topListings) {
        labels << metrics.elidedText(l.title.isEmpty() ? tr("(untitled)") : l.title, Qt::ElideRight,
                                     titleWidth);
        values << l.views;
    }
    m_topListingsPanel->setBars(labels, values);
}

} // namespace ListingDesk
