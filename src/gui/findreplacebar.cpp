#include "findreplacebar.h"

#include "themecolors.h"

#include <QCheckBox>
#include <QGridLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QShortcut>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextEdit>
#include <QToolButton>

namespace ListingDesk {

namespace {
// Beyond this the count says "1000+": counting costs a pass over the document
// on every keystroke in the search field.
constexpr int maxCounted = 1000;
} // namespace

FindReplaceBar::FindReplaceBar(QWidget *parent)
    : QWidget(parent), m_findEdit(new QLineEdit(this)), m_replaceEdit(new QLineEdit(this)),
      m_previousButton(new QToolButton(this)), m_nextButton(new QToolButton(this)),
      m_replaceButton(new QToolButton(this)), m_replaceAllButton(new QToolButton(this)),
      m_caseCheckBox(new QCheckBox(tr("Match case"), this)),
      m_wordsCheckBox(new QCheckBox(tr("Whole words"), this)), m_countLabel(new QLabel(this)),
      m_closeButton(new QToolButton(this))
{
    setObjectName(QStringLiteral("findReplaceBar"));
    m_findEdit->setObjectName(QStringLiteral("findLineEdit"));
    // No label beside the fields (the placeholder says it): name them for screen readers.
    m_findEdit->setAccessibleName(tr("Find in the article"));
    m_findEdit->setPlaceholderText(tr("Find"));
    m_findEdit->setClearButtonEnabled(true);
    m_replaceEdit->setObjectName(QStringLiteral("replaceLineEdit"));
    m_replaceEdit->setAccessibleName(tr("Replace with"));
    m_replaceEdit->setPlaceholderText(tr("Replace with"));
    m_previousButton->setObjectName(QStringLiteral("findPreviousButton"));
    m_previousButton->setText(tr("Previous"));
    m_previousButton->setToolTip(tr("Find the previous match (Shift+F3)"));
    m_nextButton->setObjectName(QStringLiteral("findNextButton"));
    m_nextButton->setText(tr("Next"));
    m_nextButton->setToolTip(tr("Find the next match (F3)"));
    m_replaceButton->setObjectName(QStringLiteral("replaceButton"));
    m_replaceButton->setText(tr("Replace"));
    m_replaceAllButton->setObjectName(QStringLiteral("replaceAllButton"));
    m_replaceAllButton->setText(tr("Replace All"));
    m_caseCheckBox->setObjectName(QStringLiteral("matchCaseCheckBox"));
    m_wordsCheckBox->setObjectName(QStringLiteral("wholeWordsCheckBox"));
    m_countLabel->setObjectName(QStringLiteral("matchCountLabel"));
    m_countLabel->setMinimumWidth(fontMetrics().horizontalAdvance(QStringLiteral("0000 of 0000")));
    m_closeButton->setObjectName(QStringLiteral("closeFindButton"));
    m_closeButton->setText(QStringLiteral("\u00d7"));
    m_closeButton->setToolTip(tr("Close (Escape)"));
    m_closeButton->setAutoRaise(true);

    auto *layout = new QGridLayout(this);
    layout->setContentsMargins(4, 2, 4, 2);
    layout->addWidget(m_findEdit, 0, 0);
    layout->addWidget(m_previousButton, 0, 1);
    layout->addWidget(m_nextButton, 0, 2);
    layout->addWidget(m_countLabel, 0, 3);
    layout->addWidget(m_caseCheckBox, 0, 4);
    layout->addWidget(m_closeButton, 0, 5, Qt::AlignRight);
    layout->addWidget(m_replaceEdit, 1, 0);
    layout->addWidget(m_replaceButton, 1, 1);
    layout->addWidget(m_replaceAllButton, 1, 2);
    layout->addWidget(m_wordsCheckBox, 1, 4);
    layout->setColumnStretch(0, 1);

    connect(m_findEdit, &QLineEdit::textChanged, this, [this] {
        invalidate();
        // Find as you type, starting where the current match starts so that
        // a longer search keeps the same place.
        if (m_edit && !m_findEdit->text().isEmpty()) {
            QTextCursor cursor = m_edit->textCursor();
            cursor.setPosition(cursor.selectionStart());
            m_edit->setTextCursor(cursor);
            find(false);
        } else {
            updateStatus();
        }
    });
    connect(m_findEdit, &QLineEdit::returnPressed, this, &FindReplaceBar::findNext);
    connect(m_replaceEdit, &QLineEdit::returnPressed, this, &FindReplaceBar::replaceCurrent);
    connect(m_nextButton, &QToolButton::clicked, this, &FindReplaceBar::findNext);
    connect(m_previousButton, &QToolButton::clicked, this, &FindReplaceBar::findPrevious);
    connect(m_replaceButton, &QToolButton::clicked, this, &FindReplaceBar::replaceCurrent);
    connect(m_replaceAllButton, &QToolButton::clicked, this, &FindReplaceBar::replaceAll);
    connect(m_closeButton, &QToolButton::clicked, this, &FindReplaceBar::closeBar);
    for (QCheckBox *box : {m_caseCheckBox, m_wordsCheckBox})
        connect(box, &QCheckBox::toggled, this, [this] {
            invalidate();
            updateStatus();
        });

    auto *next = new QShortcut(QKeySequence(Qt::Key_F3), this, this, &FindReplaceBar::findNext,
                               Qt::WidgetWithChildrenShortcut);
    next->setObjectName(QStringLiteral("findNextShortcut"));
    new QShortcut(QKeySequence(Qt::SHIFT | Qt::Key_F3), this, this, &FindReplaceBar::findPrevious,
                  Qt::WidgetWithChildrenShortcut);
    new QShortcut(QKeySequence(Qt::Key_Escape), this, this, &FindReplaceBar::closeBar,
                  Qt::WidgetWithChildrenShortcut);
    // Shift+Enter must reach returnPressed with its modifier rather than
    // being eaten; the filter also keeps Escape local to the bar.
    m_findEdit->installEventFilter(this);
    m_refreshTimer.setSingleShot(true);
    m_refreshTimer.setInterval(200);
    connect(&m_refreshTimer, &QTimer::timeout, this, [this] { updateStatus(); });
    updateStatus();
}

void FindReplaceBar::setTextEdit(QTextEdit *edit)
{
    if (m_edit)
        disconnect(m_edit->document(), nullptr, this, nullptr);
    for (const QPointer<QShortcut> &shortcut : std::as_const(m_editShortcuts))
        delete shortcut.data();
    m_editShortcuts.clear();
    m_edit = edit;
    invalidate();
    if (!edit)
        return;
    connect(edit->document(), &QTextDocument::contentsChanged, this, [this] {
        invalidate();
        // The count follows edits, but not on every keystroke of a fast typist.
        if (isVisible())
            m_refreshTimer.start();
    });
    // F3 keeps working after Escape or a click into the text, as in editors.
    m_editShortcuts << new QShortcut(QKeySequence(Qt::Key_F3), edit, this,
                                     &FindReplaceBar::findNext, Qt::WidgetShortcut);
    m_editShortcuts << new QShortcut(QKeySequence(Qt::SHIFT | Qt::Key_F3), edit, this,
                                     &FindReplaceBar::findPrevious, Qt::WidgetShortcut);
    updateStatus();
}

void FindReplaceBar::showAndFocus()
{
    if (m_edit) {
        const QString selected = m_edit->textCursor().selectedText();
        // A selection spanning paragraphs holds U+2029 and is not a search.
        if (!selected.isEmpty() && !selected.contains(QChar::ParagraphSeparator))
            m_findEdit->setText(selected);
    }
    show();
    m_findEdit->setFocus();
    m_findEdit->selectAll();
    updateStatus();
}

QTextDocument::FindFlags FindReplaceBar::flags() const
{
    QTextDocument::FindFlags f;
    if (m_caseCheckBox->isChecked())
        f |= QTextDocument::FindCaseSensitively;
    if (m_wordsCheckBox->isChecked())
        f |= QTextDocument::FindWholeWords;
    return f;
}

bool FindReplaceBar::findNext()
{
    return find(false);
}

bool FindReplaceBar::findPrevious()
{
    return find(true);
}

bool FindReplaceBar::find(bool backward)
{
    const QString text = m_findEdit->text();
    if (!m_edit || text.isEmpty()) {
        updateStatus();
        return false;
    }
    QTextDocument *document = m_edit->document();
    const QTextDocument::FindFlags f =
        flags() | (backward ? QTextDocument::FindBackward : QTextDocument::FindFlags());
    QTextCursor found = document->find(text, m_edit->textCursor(), f);
    bool wrapped = false;
    if (found.isNull()) {
        QTextCursor from(document);
        if (backward)
            from.movePosition(QTextCursor::End);
        found = document->find(text, from, f);
        wrapped = !found.isNull();
    }
    if (found.isNull()) {
        updateStatus();
        return false;
    }
    m_edit->setTextCursor(found);
    m_edit->ensureCursorVisible();
    updateStatus(wrapped);
    return true;
}

const QList<FindReplaceBar::Span> &FindReplaceBar::matches()
{
    if (m_matchesValid)
        return m_matches;
    m_matches.clear();
    m_matchesValid = true;
    const QString text = m_findEdit->text();
    if (!m_edit || text.isEmpty())
        return m_matches;
    QTextDocument *document = m_edit->document();
    QTextCursor cursor(document);
    while (m_matches.size() <= maxCounted) {
        cursor = document->find(text, cursor, flags());
        if (cursor.isNull())
            break;
        m_matches.append({cursor.selectionStart(), cursor.selectionEnd()});
    }
    return m_matches;
}

int FindReplaceBar::matchCount()
{
    return int(matches().size());
}

int FindReplaceBar::currentMatch()
{
    if (!m_edit)
        return 0;
    const QTextCursor cursor = m_edit->textCursor();
    const auto &all = matches();
    for (qsizetype i = 0; i < all.size(); ++i)
        if (all[i].start == cursor.selectionStart() && all[i].end == cursor.selectionEnd())
            return int(i + 1);
    return 0;
}

bool FindReplaceBar::replaceCurrent()
{
    if (!m_edit || m_edit->isReadOnly() || m_findEdit->text().isEmpty())
        return false;
    bool replaced = false;
    if (currentMatch() > 0) {
        QTextCursor cursor = m_edit->textCursor();
        cursor.insertText(m_replaceEdit->text());
        m_edit->setTextCursor(cursor);
        replaced = true;
    }
    // Like other editors: the first press only finds when nothing is selected.
    find(false);
    return replaced;
}

int FindReplaceBar::replaceAll()
{
    if (!m_edit || m_edit->isReadOnly() || m_findEdit->text().isEmpty())
        return 0;
    // Collect first, replace from the end: earlier positions stay valid, and
    // a replacement containing the search text is not searched again.
    QList<Span> spans;
    QTextDocument *document = m_edit->document();
    QTextCursor found(document);
    while (!(found = document->find(m_findEdit->text(), found, flags())).isNull())
        spans.append({found.selectionStart(), found.selectionEnd()});
    if (spans.isEmpty()) {
        updateStatus();
        return 0;
    }
    QTextCursor cursor(document);
    cursor.beginEditBlock();
    for (qsizetype i = spans.size() - 1; i >= 0; --i) {
        cursor.setPosition(spans[i].start);
        cursor.setPosition(spans[i].end, QTextCursor::KeepAnchor);
        cursor.insertText(m_replaceEdit->text());
    }
    cursor.endEditBlock();
    m_edit->setTextCursor(cursor);
    invalidate();
    updateStatus();
    m_countLabel->setText(tr("%n replaced", nullptr, int(spans.size())));
    return int(spans.size());
}

void FindReplaceBar::invalidate()
{
    m_matchesValid = false;
}

void FindReplaceBar::updateStatus(bool wrapped)
{
    const bool searching = m_edit && !m_findEdit->text().isEmpty();
    const int count = searching ? matchCount() : 0;
    const bool notFound = searching && count == 0;
    if (!searching)
        m_countLabel->clear();
    else if (notFound)
        m_countLabel->setText(tr("Not found"));
    else if (count > maxCounted)
        m_countLabel->setText(tr("%1 of %2+").arg(currentMatch()).arg(maxCounted));
    else if (const int current = currentMatch())
        m_countLabel->setText(tr("%1 of %2").arg(current).arg(count));
    else
        m_countLabel->setText(tr("%n match(es)", nullptr, count));
    m_countLabel->setToolTip(wrapped ? tr("Continued from the other end") : QString());
    // The palette, not a colour of our own: the field reads "wrong" in the
    // user's theme, light or dark.
    m_findEdit->setProperty("notFound", notFound);
    QPalette palette = m_findEdit->parentWidget()->palette();
    if (notFound)
        palette.setColor(QPalette::Base, ThemeColors::notFoundBackground(palette));
    m_findEdit->setPalette(palette);
    const bool canReplace = searching && count > 0 && !m_edit->isReadOnly();
    m_replaceButton->setEnabled(canReplace);
    m_replaceAllButton->setEnabled(canReplace);
    m_nextButton->setEnabled(searching && count > 0);
    m_previousButton->setEnabled(searching && count > 0);
}

void FindReplaceBar::closeBar()
{
    hide();
    if (m_edit)
        m_edit->setFocus();
}

void FindReplaceBar::hideEvent(QHideEvent *event)
{
    QWidget::hideEvent(event);
    emit closed();
}

bool FindReplaceBar::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_findEdit && event->type() == QEvent::KeyPress) {
        auto *key = static_cast<QKeyEvent *>(event);
        if ((key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) &&
            (key->modifiers() & Qt::ShiftModifier)) {
            findPrevious();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace ListingDesk
