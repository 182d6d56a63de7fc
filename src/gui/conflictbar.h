#pragma once

#include <QFrame>

class QLabel;
class QPushButton;

namespace ListingDesk {

/// The bar over the listing form when another editor saved the listing first
/// (or changed it while this one had unsaved edits). It says what happened and
/// offers the three ways out: show their version (mine stays restorable until
/// the next edit), overwrite theirs with mine (after a second click; theirs
/// stays in the listing's history), or keep mine as a new listing. It only
/// asks; ListingEditor does the work.
class ConflictBar : public QFrame
{
    Q_OBJECT
public:
    explicit ConflictBar(QWidget *parent = nullptr);

    /// Asks how to resolve a conflict described by \a message.
    void showConflict(const QString &message);
    /// After "Reload theirs": their version is on screen, mine can come back.
    void showReloaded(const QString &message);
    /// The listing is gone elsewhere: only a copy can keep the user's words.
    void showGone(const QString &message);
    QString message() const;

signals:
    void reloadTheirsRequested();
    void overwriteRequested();
    void saveCopyRequested();
    void restoreMineRequested();

private:
    void askToConfirmOverwrite();
    void setButtons(std::initializer_list<QPushButton *> visible);

    QLabel *m_messageLabel;
    QString m_conflictMessage;
    QPushButton *m_reloadButton;
    QPushButton *m_overwriteButton;
    QPushButton *m_copyButton;
    QPushButton *m_confirmOverwriteButton;
    QPushButton *m_cancelOverwriteButton;
    QPushButton *m_restoreButton;
    QPushButton *m_dismissButton;
};

} // namespace ListingDesk
