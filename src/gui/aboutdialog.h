#pragma once

#include <QDialog>

namespace ListingDesk {

/// Help › About: the version, the Qt it was built with and runs on, the
/// library file, and the licences of the data shipped inside the program
/// (regions, pinyin), which their licences ask us to pass on.
class AboutDialog : public QDialog
{
    Q_OBJECT
public:
    explicit AboutDialog(const QString &libraryPath, QWidget *parent = nullptr);

    /// The notices shown on the Licences tab.
    static QString licenceText();
};

} // namespace ListingDesk
