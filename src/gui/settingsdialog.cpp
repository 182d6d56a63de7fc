#include "settingsdialog.h"

#include "appsettings.h"
#include "backupscheduler.h"
#include "library.h"
#include "sensitivewordsdialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QDesktopServices>
#include <QDialogButtonBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QRegularExpression>
#include <QRegularExpressionValidator>
#include <QSettings>
#include <QSpinBox>
#include <QTabWidget>
#include <QUrl>
#include <QVBoxLayout>

namespace ListingDesk {

namespace {
QString key(const char *name)
{
    return QLatin1String(name);
}

QLabel *helpLabel(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setWordWrap(true);
    label->setForegroundRole(QPalette::PlaceholderText);
    return label;
}

QStringList splitCodes(const QString &text)
{
    static const QRegularExpression separators(QStringLiteral("[\\s,，、;；]+"));
    return text.split(separators, Qt::SkipEmptyParts);
}
} // namespace

SettingsDialog::SettingsDialog(Library *library, BackupScheduler *backups, QWidget *parent)
    : QDialog(parent), m_library(library), m_backups(backups)
{
    setObjectName(QStringLiteral("settingsDialog"));
    setWindowTitle(tr("Preferences"));

    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("settingsTabs"));
    // Every tab in sight (no scroll arrows), in both languages.
    m_tabs->setUsesScrollButtons(false);
    m_tabs->addTab(createGeneralTab(), tr("General"));
    m_tabs->addTab(createEditorTab(), tr("Editor"));
    m_tabs->addTab(createPublishingTab(), tr("Publishing"));
    m_tabs->addTab(createNetworkTab(), tr("Network"));
    m_tabs->addTab(createLibraryTab(), tr("Library"));
    m_tabs->addTab(createBackupTab(), tr("Backup"));

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->setObjectName(QStringLiteral("settingsButtonBox"));
    connect(buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &SettingsDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_tabs);
    layout->addWidget(buttons);

    load();
    updateProxyFields();
}

QWidget *SettingsDialog::createGeneralTab()
{
    auto *page = new QWidget(this);
    page->setObjectName(QStringLiteral("generalTab"));
    m_languageComboBox = new QComboBox(page);
    m_languageComboBox->setObjectName(QStringLiteral("languageComboBox"));
    m_languageComboBox->addItem(tr("System language"), QString());
    // Each language in its own words, so a user who cannot read the current
    // one still finds theirs.
    m_languageComboBox->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_languageComboBox->addItem(QStringLiteral("简体中文"), QStringLiteral("zh_CN"));
    m_languageComboBox->setAccessibleName(tr("Language"));

    m_autosaveSpinBox = new QDoubleSpinBox(page);
    m_autosaveSpinBox->setObjectName(QStringLiteral("autosaveSpinBox"));
    m_autosaveSpinBox->setRange(AppSettings::minAutosaveDelayMs / 1000.0,
                                AppSettings::maxAutosaveDelayMs / 1000.0);
    m_autosaveSpinBox->setSingleStep(0.5);
    m_autosaveSpinBox->setDecimals(1);
    m_autosaveSpinBox->setSuffix(tr(" s"));
    m_autosaveSpinBox->setAccessibleName(tr("Autosave delay in seconds"));

    auto *form = new QFormLayout(page);
    form->addRow(tr("&Language:"), m_languageComboBox);
    form->addRow(QString(), helpLabel(tr("Takes effect the next time ListingDesk starts."), page));
    form->addRow(tr("&Autosave after:"), m_autosaveSpinBox);
    form->addRow(QString(),
                 helpLabel(tr("A listing is saved this long after you stop typing, and at the "
                              "latest this long after the first change."),
                           page));
    return page;
}

QWidget *SettingsDialog::createEditorTab()
{
    auto *page = new QWidget(this);
    page->setObjectName(QStringLiteral("editorTab"));
    auto *button = new QPushButton(tr("Edit &Sensitive Words…"), page);
    button->setObjectName(QStringLiteral("sensitiveWordsButton"));
    connect(button, &QPushButton::clicked, this, [this] {
        auto *dialog = new SensitiveWordsDialog(this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(dialog, &SensitiveWordsDialog::wordsSaved, this,
                &SettingsDialog::sensitiveWordsSaved);
        dialog->open();
    });
    auto *layout = new QVBoxLayout(page);
    layout->addWidget(helpLabel(tr("Words the portal rejects or that you want to avoid are "
                                   "highlighted in the article and block “Ready”."),
                                page));
    layout->addWidget(button, 0, Qt::AlignLeft);
    layout->addStretch();
    return page;
}

QWidget *SettingsDialog::createPublishingTab()
{
    auto *page = new QWidget(this);
    page->setObjectName(QStringLiteral("publishingTab"));
    m_defaultPortalComboBox = new QComboBox(page);
    m_defaultPortalComboBox->setObjectName(QStringLiteral("defaultPortalComboBox"));
    m_defaultPortalComboBox->setEditable(true);
    m_defaultPortalComboBox->setAccessibleName(tr("Default portal"));
    if (auto portals = m_library->portals().all()) {
        for (const PortalInfo &portal : portals.value())
            m_defaultPortalComboBox->addItem(portal.name);
    }

    m_defaultCitiesLineEdit = new QLineEdit(page);
    m_defaultCitiesLineEdit->setObjectName(QStringLiteral("defaultCitiesLineEdit"));
    m_defaultCitiesLineEdit->setPlaceholderText(tr("e.g. 140400, 140100"));
    m_defaultCitiesLineEdit->setAccessibleName(tr("Default cities as region codes"));
    m_defaultCitiesLineEdit->setValidator(new QRegularExpressionValidator(
        QRegularExpression(QStringLiteral("[0-9\\s,，、;；]*")), m_defaultCitiesLineEdit));
    m_citiesStatusLabel = helpLabel(QString(), page);
    m_citiesStatusLabel->setObjectName(QStringLiteral("defaultCitiesStatusLabel"));
    connect(m_defaultCitiesLineEdit, &QLineEdit::textChanged, this, [this](const QString &text) {
        // Names for the codes, so a typo shows before it is saved.
        QStringList names;
        for (const QString &code : splitCodes(text)) {
            const auto region = m_library->regions().byCode(code);
            names << (region ? region->name : tr("%1 (unknown code)").arg(code));
        }
        m_citiesStatusLabel->setText(names.join(QStringLiteral(", ")));
    });

    m_concurrencySpinBox = new QSpinBox(page);
    m_concurrencySpinBox->setObjectName(QStringLiteral("concurrencySpinBox"));
    m_concurrencySpinBox->setRange(1, 16);
    m_concurrencySpinBox->setAccessibleName(tr("Requests at once"));

    m_spacingSpinBox = new QSpinBox(page);
    m_spacingSpinBox->setObjectName(QStringLiteral("spacingSpinBox"));
    m_spacingSpinBox->setRange(0, 60000);
    m_spacingSpinBox->setSingleStep(100);
    m_spacingSpinBox->setSuffix(tr(" ms"));
    m_spacingSpinBox->setAccessibleName(tr("Spacing between requests in milliseconds"));

    auto *form = new QFormLayout(page);
    form->addRow(tr("Default &portal:"), m_defaultPortalComboBox);
    form->addRow(tr("Default &cities:"), m_defaultCitiesLineEdit);
    form->addRow(QString(), m_citiesStatusLabel);
    form->addRow(tr("Requests at &once:"), m_concurrencySpinBox);
    form->addRow(tr("&Spacing between requests:"), m_spacingSpinBox);
    form->addRow(QString(), helpLabel(tr("Fewer requests, further apart, are kinder to a small "
                                         "portal's server."),
                                      page));
    return page;
}

QWidget *SettingsDialog::createNetworkTab()
{
    auto *page = new QWidget(this);
    page->setObjectName(QStringLiteral("networkTab"));
    m_proxyModeComboBox = new QComboBox(page);
    m_proxyModeComboBox->setObjectName(QStringLiteral("proxyModeComboBox"));
    m_proxyModeComboBox->addItem(tr("Use the system's proxy settings"), QStringLiteral("system"));
    m_proxyModeComboBox->addItem(tr("No proxy"), QStringLiteral("none"));
    m_proxyModeComboBox->addItem(tr("Manual HTTP proxy"), QStringLiteral("manual"));
    m_proxyModeComboBox->setAccessibleName(tr("Proxy"));
    connect(m_proxyModeComboBox, &QComboBox::currentIndexChanged, this,
            &SettingsDialog::updateProxyFields);

    m_proxyHostLineEdit = new QLineEdit(page);
    m_proxyHostLineEdit->setObjectName(QStringLiteral("proxyHostLineEdit"));
    m_proxyHostLineEdit->setPlaceholderText(QStringLiteral("proxy.example.com"));
    m_proxyHostLineEdit->setAccessibleName(tr("Proxy host"));
    m_proxyPortSpinBox = new QSpinBox(page);
    m_proxyPortSpinBox->setObjectName(QStringLiteral("proxyPortSpinBox"));
    m_proxyPortSpinBox->setRange(1, 65535);
    m_proxyPortSpinBox->setAccessibleName(tr("Proxy port"));

    auto *form = new QFormLayout(page);
    form->addRow(tr("&Proxy:"), m_proxyModeComboBox);
    form->addRow(tr("&Host:"), m_proxyHostLineEdit);
    form->addRow(tr("P&ort:"), m_proxyPortSpinBox);
    return page;
}

QWidget *SettingsDialog::createLibraryTab()
{
    auto *page = new QWidget(this);
    page->setObjectName(QStringLiteral("libraryTab"));
    const bool team = m_library->database().isPostgres();
    // A team library's "path" is its URL (without the password): no folder to open.
    auto *pathLineEdit =
        new QLineEdit(team ? m_library->database().path()
                           : QDir::toNativeSeparators(m_library->database().path()),
                      page);
    pathLineEdit->setObjectName(QStringLiteral("libraryPathLineEdit"));
    pathLineEdit->setReadOnly(true);
    pathLineEdit->setAccessibleName(team ? tr("Team library") : tr("Library file"));
    auto *openButton = new QPushButton(tr("&Open Folder"), page);
    openButton->setObjectName(QStringLiteral("openLibraryFolderButton"));
    openButton->setVisible(!team);
    connect(openButton, &QPushButton::clicked, this, [this] {
        QDesktopServices::openUrl(
            QUrl::fromLocalFile(QFileInfo(m_library->database().path()).absolutePath()));
    });
    auto *form = new QFormLayout(page);
    form->addRow(team ? tr("Team library:") : tr("Library file:"), pathLineEdit);
    if (!team)
        form->addRow(QString(), openButton);
    form->addRow(QString(), helpLabel(tr("To use another library, start ListingDesk with "
                                         "--db PATH, or choose File › Connect to Team Library…"),
                                      page));
    return page;
}

QWidget *SettingsDialog::createBackupTab()
{
    auto *page = new QWidget(this);
    page->setObjectName(QStringLiteral("backupTab"));
    m_backupEnabledCheckBox = new QCheckBox(tr("&Back up the library automatically"), page);
    m_backupEnabledCheckBox->setObjectName(QStringLiteral("backupEnabledCheckBox"));

    m_backupIntervalSpinBox = new QSpinBox(page);
    m_backupIntervalSpinBox->setObjectName(QStringLiteral("backupIntervalSpinBox"));
    m_backupIntervalSpinBox->setRange(1, 168);
    m_backupIntervalSpinBox->setSuffix(tr(" h"));
    m_backupIntervalSpinBox->setAccessibleName(tr("Hours between backups"));

    m_backupFolderLineEdit = new QLineEdit(page);
    m_backupFolderLineEdit->setObjectName(QStringLiteral("backupFolderLineEdit"));
    m_backupFolderLineEdit->setAccessibleName(tr("Backup folder"));
    auto *chooseButton = new QPushButton(tr("C&hoose…"), page);
    chooseButton->setObjectName(QStringLiteral("chooseBackupFolderButton"));
    connect(chooseButton, &QPushButton::clicked, this, &SettingsDialog::chooseBackupFolder);
    auto *folderRow = new QHBoxLayout;
    folderRow->addWidget(m_backupFolderLineEdit, 1);
    folderRow->addWidget(chooseButton);

    auto *nowButton = new QPushButton(tr("Back Up &Now"), page);
    nowButton->setObjectName(QStringLiteral("backupNowButton"));
    connect(nowButton, &QPushButton::clicked, this, &SettingsDialog::backUpNow);
    m_backupStatusLabel = helpLabel(QString(), page);
    m_backupStatusLabel->setObjectName(QStringLiteral("backupStatusLabel"));
    m_backupStatusLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *restoreLabel =
        helpLabel(tr("To restore a backup: quit ListingDesk, then copy the backup file over the "
                     "library file (%1), and delete any -wal or -shm file beside it.")
                      .arg(QDir::toNativeSeparators(m_library->database().path())),
                  page);
    restoreLabel->setObjectName(QStringLiteral("restoreHelpLabel"));
    restoreLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *form = new QFormLayout(page);
    form->addRow(m_backupEnabledCheckBox);
    form->addRow(tr("&Every:"), m_backupIntervalSpinBox);
    // A row whose field is a layout gets no buddy by itself: without one the
    // "&" showed as is and Alt+F did nothing.
    auto *folderLabel = new QLabel(tr("&Folder:"), page);
    folderLabel->setBuddy(m_backupFolderLineEdit);
    form->addRow(folderLabel, folderRow);
    form->addRow(QString(), nowButton);
    form->addRow(QString(), m_backupStatusLabel);
    form->addRow(restoreLabel);
    if (m_library->database().isPostgres()) {
        // Backup files are copies of a SQLite file; a server has its own tools.
        for (QWidget *control :
             {static_cast<QWidget *>(m_backupEnabledCheckBox),
              static_cast<QWidget *>(m_backupIntervalSpinBox),
              static_cast<QWidget *>(m_backupFolderLineEdit), static_cast<QWidget *>(chooseButton),
              static_cast<QWidget *>(nowButton)})
            control->setEnabled(false);
        restoreLabel->hide();
        auto *teamLabel = helpLabel(tr("Backups of a team library are the server's job (for "
                                       "example pg_dump, run by its administrator). ListingDesk "
                                       "writes backup files of libraries on this computer only."),
                                    page);
        teamLabel->setObjectName(QStringLiteral("teamBackupLabel"));
        form->insertRow(0, teamLabel);
    }
    return page;
}

void SettingsDialog::load()
{
    QSettings settings;
    m_languageComboBox->setCurrentIndex(
        qMax(0, m_languageComboBox->findData(AppSettings::language())));
    m_autosaveSpinBox->setValue(AppSettings::autosaveDelayMs() / 1000.0);
    m_defaultPortalComboBox->setCurrentText(AppSettings::defaultPortal());
    m_defaultCitiesLineEdit->setText(AppSettings::defaultCities().join(QStringLiteral(", ")));
    m_concurrencySpinBox->setValue(AppSettings::concurrency());
    m_spacingSpinBox->setValue(AppSettings::spacingMs());
    m_proxyModeComboBox->setCurrentIndex(
        qMax(0, m_proxyModeComboBox->findData(
                    settings.value(key(AppSettings::proxyModeKey), QStringLiteral("system")))));
    m_proxyHostLineEdit->setText(settings.value(key(AppSettings::proxyHostKey)).toString());
    m_proxyPortSpinBox->setValue(settings.value(key(AppSettings::proxyPortKey), 8080).toInt());
    m_backupEnabledCheckBox->setChecked(
        settings.value(key(AppSettings::backupEnabledKey), false).toBool());
    m_backupIntervalSpinBox->setValue(
        settings.value(key(AppSettings::backupIntervalKey), AppSettings::defaultBackupIntervalHours)
            .toInt());
    m_backupFolderLineEdit->setText(QDir::toNativeSeparators(AppSettings::backupFolder()));
    const QDateTime last = settings.value(key(AppSettings::backupLastKey)).toDateTime();
    m_backupStatusLabel->setText(
        last.isValid() ? tr("Last backup: %1")
                             .arg(QLocale().toString(last.toLocalTime(), QLocale::ShortFormat))
                       : tr("No backup yet."));
}

void SettingsDialog::accept()
{
    QSettings settings;
    settings.setValue(key(AppSettings::languageKey), m_languageComboBox->currentData());
    settings.setValue(key(AppSettings::autosaveDelayKey),
                      qRound(m_autosaveSpinBox->value() * 1000));
    settings.setValue(key(AppSettings::defaultPortalKey),
                      m_defaultPortalComboBox->currentText().trimmed());
    settings.setValue(key(AppSettings::defaultCitiesKey),
                      splitCodes(m_defaultCitiesLineEdit->text()));
    settings.setValue(key(AppSettings::concurrencyKey), m_concurrencySpinBox->value());
    settings.setValue(key(AppSettings::spacingKey), m_spacingSpinBox->value());
    settings.setValue(key(AppSettings::proxyModeKey), m_proxyModeComboBox->currentData());
    settings.setValue(key(AppSettings::proxyHostKey), m_proxyHostLineEdit->text().trimmed());
    settings.setValue(key(AppSettings::proxyPortKey), m_proxyPortSpinBox->value());
    settings.setValue(key(AppSettings::backupEnabledKey), m_backupEnabledCheckBox->isChecked());
    settings.setValue(key(AppSettings::backupIntervalKey), m_backupIntervalSpinBox->value());
    settings.setValue(key(AppSettings::backupFolderKey),
                      QDir::fromNativeSeparators(m_backupFolderLineEdit->text().trimmed()));
    settings.sync();
    AppSettings::applyNetworkProxy();
    if (m_backups)
        m_backups->reload();
    emit settingsSaved();
    QDialog::accept();
}

void SettingsDialog::updateProxyFields()
{
    const bool manual = m_proxyModeComboBox->currentData().toString() == QLatin1String("manual");
    m_proxyHostLineEdit->setEnabled(manual);
    m_proxyPortSpinBox->setEnabled(manual);
}

void SettingsDialog::chooseBackupFolder()
{
    const QString folder = QFileDialog::getExistingDirectory(this, tr("Backup folder"),
                                                             m_backupFolderLineEdit->text());
    if (!folder.isEmpty())
        m_backupFolderLineEdit->setText(QDir::toNativeSeparators(folder));
}

void SettingsDialog::backUpNow()
{
    if (!m_backups || m_library->database().isPostgres())
        return;
    // The folder as typed here, even before OK (Cancel still forgets it).
    auto written =
        m_backups->backupNow(QDir::fromNativeSeparators(m_backupFolderLineEdit->text().trimmed()));
    m_backupStatusLabel->setText(
        written ? tr("Backed up to %1").arg(QDir::toNativeSeparators(written.value()))
                : tr("Backup failed: %1").arg(written.error().message));
}

} // namespace ListingDesk
