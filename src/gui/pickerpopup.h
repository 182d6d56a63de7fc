#pragma once

#include <QFrame>

class QLineEdit;

namespace ListingDesk {

/// What the city and category pickers share: a popup frame that opens under
/// the button that called it (or above it near the bottom of the screen) and
/// a quick bar of buttons rebuilt as history changes.
class PickerPopup : public QFrame
{
    Q_OBJECT
public:
    explicit PickerPopup(QWidget *parent = nullptr);

protected:
    /// Shows the popup next to \a anchor, kept on \a anchor's screen.
    void showBelow(QWidget *anchor);
    /// Removes and deletes every widget of a quick bar's layout.
    static void clearLayout(QLayout *layout);
    /// The search box on top; its keys come to this popup's eventFilter().
    QLineEdit *makeSearchEdit(const QString &objectName, const QString &placeholder,
                              const QString &accessibleName);
    /// An empty bar for recent and favourite entries; buttons wrap like words.
    QWidget *makeQuickBar(const QString &objectName);
};

} // namespace ListingDesk
