#pragma once

#include "listing.h"
#include "postmapper.h"
#include "remotepostrepository.h"

#include <QDialog>

class QGridLayout;
class QLabel;
class QPushButton;

namespace ListingDesk {

class Library;

/// A listing changed here and on the portal since the last sync: both
/// versions side by side (title, article, contact, price, expiry) with the
/// differences marked, and the three ways out — keep mine, take the
/// portal's, keep both — carried out by ConflictResolver.
class ConflictDialog : public QDialog
{
    Q_OBJECT
public:
    enum class Choice { None, KeepMine, TakePortals, KeepBoth };
    Q_ENUM(Choice)

    ConflictDialog(Library &library, qint64 listingId, QWidget *parent = nullptr);

    /// False when there is nothing to show (no conflict, or the portal's
    /// version is not recorded); problem() says why.
    bool isValid() const { return m_valid; }
    QString problem() const { return m_problem; }
    Choice choice() const { return m_choice; }
    /// The listing made by "Keep both" (0 otherwise).
    qint64 copyId() const { return m_copyId; }
    /// The names of the fields that differ ("title", "article", ...), for tests.
    QStringList differingFields() const { return m_differing; }

signals:
    /// The conflict is settled; the listing (and with Keep both, the copy) changed.
    void resolved(ListingDesk::ConflictDialog::Choice choice, qint64 listingId, qint64 copyId);

private:
    void load();
    void addRow(const QString &key, const QString &label, const QString &mine,
                const QString &theirs, bool rich);
    void choose(Choice choice);

    Library &m_library;
    qint64 m_listingId;
    bool m_valid = false;
    QString m_problem;
    Choice m_choice = Choice::None;
    qint64 m_copyId = 0;
    QStringList m_differing;
    QGridLayout *m_grid = nullptr;
    int m_nextRow = 1;
    QLabel *m_headerLabel = nullptr;
    QLabel *m_errorLabel = nullptr;
    QPushButton *m_keepMineButton = nullptr;
    QPushButton *m_takePortalsButton = nullptr;
    QPushButton *m_keepBothButton = nullptr;
};

} // namespace ListingDesk
