#pragma once

#include "portalrepository.h"
#include "publishplanner.h"

#include <QDialog>
#include <QTimer>

class QButtonGroup;
class QComboBox;
class QDateTimeEdit;
class QDialogButtonBox;
class QLabel;
class QPushButton;
class QRadioButton;
class QTableWidget;

namespace ListingDesk {

class ChipBar;
class CityPicker;
class Library;
class SyncController;

/// Publish a selection (one listing to thousands): choose the portal, the
/// cities (each listing's own, or these for all: one post per listing and
/// city) and when (now, or at a local time that becomes a scheduled post).
/// The plan is checked as the choices change; listings that cannot go are
/// listed with the reason and an Open button, and the OK button says what
/// will be queued: "Publish 3 listings (6 posts)". Accepting queues the rest
/// as one batch (queued()); the dialog never waits for the network.
class PublishDialog : public QDialog
{
    Q_OBJECT
public:
    PublishDialog(Library *library, SyncController *sync, const QList<qint64> &listingIds,
                  QWidget *parent = nullptr);

    /// The plan the OK button would queue now.
    const PublishPlan &plan() const { return m_plan; }
    /// The publish time the choices come to: invalid for now, else UTC.
    QDateTime publishAtUtc() const;
    QStringList chosenCities() const;
    /// Selects the portal by id; false when there is no such portal.
    bool selectPortal(qint64 portalId);
    /// The cities to use for every listing; empty: each listing's own.
    void setCities(const QStringList &codes);
    /// Publish at \a local (local time), or now when invalid.
    void setPublishAt(const QDateTime &local);

    void accept() override;

signals:
    /// The user wants to see (and fix) a listing that cannot go.
    void openListing(qint64 id);
    /// The plan was queued as batch \a batchId.
    void queued(const PortalInfo &portal, qint64 batchId);

private:
    void buildUi();
    void loadPortals();
    void replanSoon() { m_replanTimer.start(); }
    void replan();
    /// The note and the OK button for the current plan and time.
    void updateState();
    void showProblems();
    void showCities();
    void chooseCities();
    /// Why OK is disabled, or empty.
    QString blocker() const;
    PortalInfo currentPortal() const;

    Library *m_library;
    SyncController *m_sync;
    QList<qint64> m_ids;
    QList<PortalInfo> m_portals;
    PublishPlan m_plan;
    QStringList m_cityCodes;
    QTimer m_replanTimer;
    QTimer m_clockTimer; ///< "at" must stay in the future while the dialog is open

    QComboBox *m_portalCombo = nullptr;
    QRadioButton *m_ownCitiesRadio = nullptr;
    QRadioButton *m_theseCitiesRadio = nullptr;
    ChipBar *m_cityChips = nullptr;
    QPushButton *m_chooseCitiesButton = nullptr;
    CityPicker *m_cityPicker = nullptr;
    QRadioButton *m_nowRadio = nullptr;
    QRadioButton *m_atRadio = nullptr;
    QDateTimeEdit *m_atEdit = nullptr;
    QLabel *m_problemsLabel = nullptr;
    QTableWidget *m_problemsTable = nullptr;
    QLabel *m_noteLabel = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    QPushButton *m_publishButton = nullptr;
};

} // namespace ListingDesk
