#pragma once

#include <QPointer>
#include <QTextDocument>
#include <QTimer>
#include <QWidget>

class QCheckBox;
class QLabel;
class QLineEdit;
class QShortcut;
class QTextEdit;
class QToolButton;

namespace ListingDesk {

/// The find-and-replace bar under an article: find as you type, next and
/// previous (F3, Shift+F3, Enter, Shift+Enter) wrapping around the end,
/// "3 of 12", replace one, replace all as a single undo step, match case,
/// whole words. Escape closes it and gives the focus back to the text.
class FindReplaceBar : public QWidget
{
    Q_OBJECT
public:
    explicit FindReplaceBar(QWidget *parent = nullptr);

    /// The text edit searched; F3 and Shift+F3 work in it too.
    void setTextEdit(QTextEdit *edit);
    QTextEdit *textEdit() const { return m_edit; }

    /// Shows the bar with the selected text (if it is one line) as the
    /// search, and focuses the search field.
    void showAndFocus();

    bool findNext();
    bool findPrevious();
    /// Replaces the current match, if the selection is one, and moves on.
    bool replaceCurrent();
    /// Replaces every match in one undo step; how many.
    int replaceAll();

    /// Matches of the search in the whole document, and which one is
    /// selected (1-based; 0 when the selection is not a match).
    int matchCount();
    int currentMatch();

signals:
    void closed();

protected:
    void hideEvent(QHideEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    struct Span
    {
        int start;
        int end;
    };
    QTextDocument::FindFlags flags() const;
    bool find(bool backward);
    const QList<Span> &matches();
    void invalidate();
    void updateStatus(bool wrapped = false);
    void closeBar();

    QPointer<QTextEdit> m_edit;
    QLineEdit *m_findEdit;
    QLineEdit *m_replaceEdit;
    QToolButton *m_previousButton;
    QToolButton *m_nextButton;
    QToolButton *m_replaceButton;
    QToolButton *m_replaceAllButton;
    QCheckBox *m_caseCheckBox;
    QCheckBox *m_wordsCheckBox;
    QLabel *m_countLabel;
    QToolButton *m_closeButton;
    QList<Span> m_matches;
    bool m_matchesValid = false;
    QList<QPointer<QShortcut>> m_editShortcuts;
    QTimer m_refreshTimer;
};

} // namespace ListingDesk
