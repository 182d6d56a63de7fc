#pragma once

#include <QList>
#include <QStringList>
#include <QWidget>

class QChart;
class QChartView;
class QLabel;
class QStackedWidget;

namespace ListingDesk {

/// One titled bar chart of the statistics view, or a sentence saying why it
/// is empty and what would fill it. Horizontal bars for named things (long
/// Chinese names get the whole left margin), vertical ones for a time line.
/// Colours come from the widget's palette, so a dark theme stays readable.
class ChartPanel : public QWidget
{
    Q_OBJECT
public:
    ChartPanel(const QString &title, Qt::Orientation orientation, QWidget *parent = nullptr);

    /// Shows one bar per label, in the order given (top to bottom, or left
    /// to right). With no bar above zero the empty text shows instead.
    /// \a axisTitle names the categories (the dates of a time line).
    void setBars(const QStringList &labels, const QList<qint64> &values,
                 const QString &axisTitle = {});
    void setEmptyText(const QString &text);
    bool isShowingChart() const;

    QChartView *chartView() const { return m_view; }
    QStringList labels() const { return m_labels; }
    /// Where the middle of bar \a index is, in the chart view's viewport.
    QPoint barCenter(int index) const;
    /// Re-reads the colours from the palette (after a theme change).
    void applyPalette();

signals:
    void barClicked(int index);

protected:
    void changeEvent(QEvent *event) override;

private:
    Qt::Orientation m_orientation;
    QStringList m_labels;
    QList<qint64> m_values;
    QLabel *m_titleLabel = nullptr;
    QLabel *m_emptyLabel = nullptr;
    QStackedWidget *m_stack = nullptr;
    QChart *m_chart = nullptr;
    QChartView *m_view = nullptr;
};

} // namespace ListingDesk
