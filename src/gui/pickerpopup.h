#pragma once

#include <QFrame>

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
};

} // namespace ListingDesk
