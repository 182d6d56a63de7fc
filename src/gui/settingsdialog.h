#pragma once

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QSpinBox;
class QTabWidget;

namespace ListingDesk {

class BackupScheduler;
class Library;

/// Edit › Preferences: language, autosave, sensitive words, publishing
/// defaults, proxy, where the library lives and its backups. Reads
/// QSettings when opened; OK writes every value back (see AppSettings for
/// the keys), applies the proxy and tells the window through settingsSaved.
class SettingsDialog : public QDialog
{
    Q_OBJECT
public:
    SettingsDialog(Library *library, BackupScheduler *backups, QWidget *parent = nullptr);

    void accept() override;

signals:
    /// After OK stored the settings (the main window re-reads what it uses).
    void settingsSaved();
    /// The sensitive-word list was saved from the Editor tab.
    void sensitiveWordsSaved();

private:
    QWidget *createGeneralTab();
    QWidget *createEditorTab();
    QWidget *createPublishingTab();
    QWidget *createNetworkTab();
    QWidget *createLibraryTab();
    QWidget *createBackupTab();
    void load();
    void updateProxyFields();
    void chooseBackupFolder();
    void backUpNow();

    Library *m_library;
    BackupScheduler *m_backups;
    QTabWidget *m_tabs;
    QComboBox *m_languageComboBox;
    QDoubleSpinBox *m_autosaveSpinBox;
    QComboBox *m_defaultPortalComboBox;
    QLineEdit *m_defaultCitiesLineEdit;
    QSpinBox *m_concurrencySpinBox;
    QSpinBox *m_spacingSpinBox;
    QComboBox *m_proxyModeComboBox;
    QLineEdit *m_proxyHostLineEdit;
    QSpinBox *m_proxyPortSpinBox;
    QCheckBox *m_backupEnabledCheckBox;
    QSpinBox *m_backupIntervalSpinBox;
    QLineEdit *m_backupFolderLineEdit;
    QLabel *m_backupStatusLabel;
    QLabel *m_citiesStatusLabel;
};

} // namespace ListingDesk
