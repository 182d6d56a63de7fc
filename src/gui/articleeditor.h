#pragma once

#include <QHash>
#include <QPointer>
#include <QWidget>

class QAction;
class QComboBox;
class QPlainTextEdit;
class QStackedWidget;
class QTextCharFormat;
class QTextDocument;
class QTextEdit;

namespace ListingDesk {

class RovingFocus;
class ArticleTextEdit;
class LinkDialog;
class MediaRepository;

/// The article editor of the listing form: a formatting toolbar over an
/// ArticleTextEdit, and an HTML source view to switch to. It reads and
/// writes the stored body HTML (ArticleHtmlReader / ArticleHtmlWriter), so
/// what is saved is clean semantic HTML, never QTextDocument's own.
///
/// Every action has an objectName ("boldAction", …) for tests and
/// shortcuts that work while the article has focus, taking precedence over
/// the window's (Ctrl+I is Import elsewhere, Italic here).
class ArticleEditor : public QWidget
{
    Q_OBJECT
public:
    explicit ArticleEditor(QWidget *parent = nullptr);
    ~ArticleEditor() override;

    /// Where inserted images are stored and shown from; none: no images.
    void setMediaRepository(MediaRepository *media);

    /// Shows \a storedHtml (leaves source mode); not an undoable edit.
    void setHtml(const QString &storedHtml);
    /// The body as stored: the writer's HTML of the document, or in source
    /// mode the sanitised source. Empty for an empty article.
    QString html() const;
    bool isEmpty() const;
    void clear();

    QTextEdit *textEdit() const;
    ArticleTextEdit *articleTextEdit() const { return m_textEdit; }
    QTextDocument *document() const;
    bool isSourceMode() const;
    void setSourceMode(bool on);
    /// True when keyboard focus is in the article (rich or source view).
    bool hasEditFocus() const;
    void undo();
    void redo();

    void setHeadingLevel(int level);
    void setTextColor(const QColor &color);
    /// Links the selection (or the link at the cursor) to \a url; with no
    /// selection inserts \a text (or the url) as a link.
    void insertLink(const QString &url, const QString &text = {});
    void removeLink();
    bool insertImageFile(const QString &path);
    void insertTable(int rows, int columns);
    /// Puts the formatting toolbar (one Tab stop) and then the text right
    /// after \a previous in Tab order: top to bottom, as they are shown.
    void setTabOrderAfter(QWidget *previous);

signals:
    /// The article changed by the user (typing, formatting, source edits).
    void changed();
    /// Something the user asked for could not be done; the message says why.
    void problem(const QString &message);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QAction *addAction_(const char *objectName, const QString &text, const QString &iconText,
                        const QKeySequence &shortcut, void (ArticleEditor::*slot)(),
                        bool checkable = false);
    void buildActions();
    void buildToolBar();
    void mergeCharFormat(const QTextCharFormat &format);
    void toggleBold();
    void toggleItalic();
    void toggleUnderline();
    void toggleStrike();
    void chooseColor();
    void toggleBulletList();
    void toggleNumberedList();
    void indent();
    void outdent();
    void alignLeft();
    void alignCenter();
    void alignRight();
    void alignJustify();
    void editLink();
    void insertRule();
    void insertDefaultTable();
    void addTableRow();
    void addTableColumn();
    void removeTableRow();
    void removeTableColumn();
    void chooseImage();
    void clearFormatting();
    void toggleSourceMode();
    void pastePlain();
    void updateCharState(const QTextCharFormat &format);
    void updateBlockState();
    void updateColorIcon(const QColor &color);

    ArticleTextEdit *m_textEdit;
    QPlainTextEdit *m_sourceEdit;
    QStackedWidget *m_stack;
    QWidget *m_toolBar = nullptr;
    QComboBox *m_headingCombo = nullptr;
    RovingFocus *m_toolBarFocus = nullptr;
    QHash<QString, QAction *> m_actions;
    QPointer<LinkDialog> m_linkDialog;
    bool m_loading = false;
};

} // namespace ListingDesk
