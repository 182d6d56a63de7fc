#pragma once

#include "listing.h"

#include <QAction>
#include <QTimer>
#include <QUndoStack>
#include <QWidget>

#include <array>
#include <memory>
#include <optional>

namespace Ui {
class ListingForm;
}

namespace ListingDesk {

class ArticleStatusLabel;
class CategoryPicker;
class CityPicker;
class ConflictBar;
class FindReplaceBar;
class Library;
class SensitiveWordHighlighter;
class SensitiveWordMatcher;

/// The listing form. Edits save themselves: shortly after the last change,
/// when another listing is chosen, and when the window closes. A save that
/// fails keeps every word on screen and says why. A save that lost a race with
/// another writer (or an edit of a listing another editor just changed) opens
/// the conflict bar: reload theirs, overwrite theirs, or save mine as a copy.
/// Until the user picks one, autosave does not retry and nothing is overwritten.
class ListingEditor : public QWidget
{
    Q_OBJECT
public:
    enum Field {
        Title,
        Category,
        Cities,
        Price,
        ContactName,
        ContactPhone,
        ContactWechat,
        Expiry,
        Promoted,
        Ready,
        FieldCount
    };

    /// Autosave runs this long after the last change...
    static constexpr int autosaveDelayMs = 1500;
    /// ...and at the latest this long after the first unsaved one, so that
    /// someone who types without pausing loses at most this much to a crash.
    static constexpr int autosaveMaxWaitMs = 1500;

    explicit ListingEditor(Library *library, QWidget *parent = nullptr);
    /// The user's autosave delay (Preferences): both waits above become \a ms.
    void setAutosaveDelay(int ms);
    int autosaveDelay() const { return m_autosaveTimer.interval(); }
    ~ListingEditor() override;

    /// Shows \a listing after saving the one being edited; false (and the
    /// form unchanged) when that save failed.
    bool setListing(const Listing &listing);
    void clear();
    bool hasListing() const { return m_listing.id != 0; }
    qint64 listingId() const { return m_listing.id; }
    /// The listing as the form shows it now.
    Listing currentListing() const;
    bool hasUnsavedChanges() const { return m_dirty; }

    /// Saves now if anything changed; false if the save failed (the form keeps the edits).
    bool saveNow();
    /// True while a save conflict waits for the user's choice.
    bool hasConflict() const { return m_conflict; }

    /// Another editor changed these listings (LibraryChangeWatcher). The one
    /// in the form is reloaded quietly when it has no unsaved edits; with
    /// unsaved edits the conflict bar asks what to do before any save.
    void listingsChangedElsewhere(const QList<qint64> &ids);

    void undo();
    void redo();
    QUndoStack *undoStack() { return &m_undoStack; }
    void focusTitle();

    /// The words that keep a listing from being marked ready; highlighted in the article.
    void setSensitiveWords(std::shared_ptr<const SensitiveWordMatcher> matcher);
    /// Find and replace in the article (Ctrl+H).
    QAction *findInArticleAction() const { return m_findInArticleAction; }
    /// Shows the listing as the portal will (Ctrl+Shift+R).
    QAction *previewAction() const { return m_previewAction; }
    /// Counts for the status bar; the main window places it.
    ArticleStatusLabel *statusLabel() const { return m_statusLabel; }

signals:
    /// A listing was put into the form (true) or the form was emptied (false).
    void listingShown(bool shown);
    void saved(qint64 id);
    void copySaved(qint64 id);
    void saveFailed(const QString &message);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void connectFields();
    void fieldEdited(Field field);
    void applyField(int field, const QVariant &value);
    QVariant fieldValue(Field field) const;
    void setFieldValue(Field field, const QVariant &value);
    void setCities(const QStringList &codes);
    void setCategory(qint64 id);
    void openCityPicker();
    void openCategoryPicker();
    QStringList cityCodes() const;
    void readyToggled(bool checked);
    void markDirty();
    void updateTitleCounter();
    void showSaveState(const QString &text);
    void saveAsCopy();
    void showConflict(const Listing &theirs, bool whileEditing);
    /// The stored version, or nothing (and the bar says it was deleted).
    std::optional<Listing> loadTheirs();
    void reloadTheirs();
    void overwriteTheirs();
    void restoreMine();
    void setUpArticleTools();
    void showPreview();

    Library *m_library;
    std::unique_ptr<Ui::ListingForm> m_ui;
    Listing m_listing;
    std::array<QVariant, FieldCount> m_lastValues;
    QUndoStack m_undoStack;
    QTimer m_autosaveTimer;
    QTimer m_maxWaitTimer;
    std::shared_ptr<const SensitiveWordMatcher> m_sensitiveWords;
    SensitiveWordHighlighter *m_highlighter = nullptr;
    FindReplaceBar *m_findBar = nullptr;
    ArticleStatusLabel *m_statusLabel = nullptr;
    QAction *m_findInArticleAction = nullptr;
    QAction *m_previewAction = nullptr;
    CityPicker *m_cityPicker = nullptr;
    CategoryPicker *m_categoryPicker = nullptr;
    qint64 m_categoryId = 0;
    QStringList m_cityCodes;
    ConflictBar *m_conflictBar = nullptr;
    bool m_conflict = false;            // a conflict waits for the user: no autosave
    std::optional<Listing> m_discarded; // mine, after "Reload theirs", until the next edit
    bool m_applying = false;
    bool m_dirty = false;
    bool m_bodyDirty = false;   // untouched bodies keep their stored HTML byte for byte
    bool m_priceEdited = false; // likewise prices the spin box cannot show exactly
};

} // namespace ListingDesk
