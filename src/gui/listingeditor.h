#pragma once

#include "listing.h"

#include <QAction>
#include <QTimer>
#include <QUndoStack>
#include <QWidget>

#include <array>
#include <memory>

namespace Ui {
class ListingForm;
}

namespace ListingDesk {

class ArticleStatusLabel;
class CategoryPicker;
class CityPicker;
class FindReplaceBar;
class Library;
class SensitiveWordHighlighter;
class SensitiveWordMatcher;

/// The listing form. Edits save themselves: shortly after the last change,
/// when another listing is chosen, and when the window closes. A save that
/// fails keeps every word on screen and says why; a save that lost a race with
/// another writer offers to keep the user's version as a copy.
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
    bool m_applying = false;
    bool m_dirty = false;
    bool m_bodyDirty = false;   // untouched bodies keep their stored HTML byte for byte
    bool m_priceEdited = false; // likewise prices the spin box cannot show exactly
};

} // namespace ListingDesk
