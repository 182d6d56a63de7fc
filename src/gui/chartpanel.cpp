#include "chartpanel.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QEvent>
#include <QFontMetrics>
#include <QHorizontalBarSeries>
#include <QLabel>
#include <QStackedWidget>
#include <QVBoxLayout>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace ListingDesk {

namespace {

// An axis end and a tick step in whole numbers: counts have no fractions, and
// "0 0 1 1 2" under five ticks of a 0..2 axis would read as nonsense.
std::pair<qint64, int> integerAxis(qint64 max)
{
    const qint64 room = qMax<qint64>(1, qint64(std::ceil(double(max) * 1.15)));
    const qint64 step = qMax<qint64>(1, (room + 3) / 4);
    return {step * 4, 5};
}

} // namespace

ChartPanel::ChartPanel(const QString &title, Qt::Orientation orientation, QWidget *parent)
    : QWidget(parent), m_orientation(orientation)
{
    m_titleLabel = new QLabel(title, this);
    QFont bold = m_titleLabel->font();
    bold.setBold(true);
    m_titleLabel->setFont(bold);

    m_chart = new QChart;
    m_chart->legend()->hide();
    m_chart->setBackgroundRoundness(0);
    m_chart->setMargins(QMargins(4, 4, 12, 4));
    m_chart->setAnimationOptions(QChart::NoAnimation);
    m_view = new QChartView(m_chart, this);
    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setAccessibleName(title);
    m_view->setMinimumHeight(260);

    m_emptyLabel = new QLabel(this);
    m_emptyLabel->setAlignment(Qt::AlignCenter);
    m_emptyLabel->setWordWrap(true);
    m_emptyLabel->setMargin(16);
    m_emptyLabel->setForegroundRole(QPalette::PlaceholderText);
    m_emptyLabel->setMinimumHeight(260);

    m_stack = new QStackedWidget(this);
    m_stack->addWidget(m_emptyLabel);
    m_stack->addWidget(m_view);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_titleLabel);
    layout->addWidget(m_stack, 1);
}

void ChartPanel::setEmptyText(const QString &text)
{
    m_emptyLabel->setText(text);
}

bool ChartPanel::isShowingChart() const
{
    return m_stack->currentWidget() == m_view;
}

void ChartPanel::setBars(const QStringList &labels, const QList<qint64> &values,
                         const QString &axisTitle)
{
    m_labels = labels;
    m_values = values;
    m_chart->removeAllSeries();
    for (QAbstractAxis *axis : m_chart->axes()) {
        m_chart->removeAxis(axis); // hands the axis back to us
        delete axis;
    }

    const qint64 max = values.isEmpty() ? 0 : *std::max_element(values.begin(), values.end());
    if (max <= 0) {
        m_stack->setCurrentWidget(m_emptyLabel);
        return;
    }

    auto *set = new QBarSet(m_titleLabel->text());
    auto *categories = new QBarCategoryAxis;
    auto *valueAxis = new QValueAxis;
    const auto [end, ticks] = integerAxis(max);
    valueAxis->setRange(0, double(end));
    valueAxis->setTickCount(ticks);
    valueAxis->setLabelFormat(QStringLiteral("%d"));
    if (!axisTitle.isEmpty())
        categories->setTitleText(axisTitle);

    QAbstractBarSeries *series = nullptr;
    if (m_orientation == Qt::Horizontal) {
        // Qt Charts elides a category label to "..." when its text box (the
        // line plus a text document's margins) is taller than the bar's share
        // of the axis, and Chinese lines (from the CJK fallback font) are
        // taller than Latin ones: 长治 became "..." below about 2.2 lines per
        // bar (docs/statistics-zh.png), so every bar gets 2.5 lines.
        const int perBar = qRound(QFontMetrics(font()).lineSpacing() * 2.5);
        m_view->setMinimumHeight(qMax(260, int(labels.size()) * perBar + 80));
        // A category axis draws its first category at the bottom; reversed,
        // the list reads top to bottom like a table.
        for (qsizetype i = labels.size() - 1; i >= 0; --i) {
            set->append(double(values.at(i)));
            categories->append(labels.at(i));
        }
        series = new QHorizontalBarSeries;
        series->setLabelsVisible(true);
        series->setLabelsPosition(QAbstractBarSeries::LabelsOutsideEnd);
        series->setLabelsFormat(QStringLiteral("@value"));
        m_chart->addSeries(series);
        m_chart->addAxis(valueAxis, Qt::AlignBottom);
        m_chart->addAxis(categories, Qt::AlignLeft);
    } else {
        for (qsizetype i = 0; i < labels.size(); ++i) {
            set->append(double(values.at(i)));
            categories->append(labels.at(i));
        }
        series = new QBarSeries;
        m_chart->addSeries(series);
        m_chart->addAxis(categories, Qt::AlignBottom);
        m_chart->addAxis(valueAxis, Qt::AlignLeft);
    }
    series->setBarWidth(0.7);
    series->append(set);
    series->attachAxis(valueAxis);
    series->attachAxis(categories);
    connect(series, &QAbstractBarSeries::clicked, this, [this](int index, QBarSet *) {
        const int count = int(m_labels.size());
        const int original = m_orientation == Qt::Horizontal ? count - 1 - index : index;
        if (original >= 0 && original < count)
            emit barClicked(original);
    });
    applyPalette();
    m_stack->setCurrentWidget(m_view);
}

QPoint ChartPanel::barCenter(int index) const
{
    const auto series = m_chart->series();
    if (series.isEmpty() || index < 0 || index >= m_values.size())
        return {};
    const double half = double(m_values.at(index)) / 2;
    const int count = int(m_labels.size());
    const QPointF value =
        m_orientation == Qt::Horizontal ? QPointF(half, count - 1 - index) : QPointF(index, half);
    const QPointF inChart = m_chart->mapToPosition(value, series.constFirst());
    return m_view->mapFromScene(m_chart->mapToScene(inChart));
}

void ChartPanel::applyPalette()
{
    const QPalette pal = palette();
    m_chart->setBackgroundBrush(pal.brush(QPalette::Base));
    m_chart->setBackgroundPen(Qt::NoPen);
    m_chart->setPlotAreaBackgroundVisible(false);
    for (QAbstractAxis *axis : m_chart->axes()) {
        axis->setLabelsBrush(pal.brush(QPalette::Text));
        axis->setLabelsFont(font());
        axis->setTitleBrush(pal.brush(QPalette::Text));
        axis->setTitleFont(font());
        axis->setLinePenColor(pal.color(QPalette::Mid));
        axis->setGridLineColor(pal.color(QPalette::Midlight));
    }
    for (QAbstractSeries *series : m_chart->series()) {
        auto *bars = qobject_cast<QAbstractBarSeries *>(series);
        if (!bars)
            continue;
        for (QBarSet *set : bars->barSets()) {
            set->setColor(pal.color(QPalette::Highlight));
            set->setBorderColor(pal.color(QPalette::Highlight));
            set->setLabelColor(pal.color(QPalette::Text));
            set->setLabelFont(font());
        }
    }
}

void ChartPanel::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange)
        applyPalette();
}

} // namespace ListingDesk
