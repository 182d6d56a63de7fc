#include "articleeditor.h"

#include "articlecommands.h"
#include "articlehtmlreader.h"
#include "articlehtmlwriter.h"
#include "articletextedit.h"
#include "flowlayout.h"
#include "htmlsanitizer.h"
#include "linkdialog.h"
#include "rovingfocus.h"

#include <QAction>
#include <QActionGroup>
#include <QColorDialog>
#include <QComboBox>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QKeyEvent>
#include <QPainter>
#include <QPlainTextEdit>
#include <QStackedWidget>
#include <QTextBlock>
#include <QTextList>
#include <QTextTable>
#include <QToolButton>
#include <QVBoxLayout>

namespace ListingDesk {

namespace {

// Four lines aligned like the paragraph: fonts rarely have glyphs for this.
QIcon alignmentIcon(Qt::Alignment alignment, const QColor &color)
{
    QPixmap pixmap(18, 18);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    static const int widths[] = {14, 9, 14, 9};
    for (int line = 0; line < 4; ++line) {
        const int width = alignment == Qt::AlignJustify ? 14 : widths[line];
        int x = 2;
        if (alignment == Qt::AlignHCenter)
            x = 2 + (14 - width) / 2;
        else if (alignment == Qt::AlignRight)
            x = 16 - width;
        painter.fillRect(QRect(x, 3 + line * 4, width, 2), color);
    }
    painter.end();
    return QIcon(pixmap);
}

// Actions that stay usable in the HTML source view.
bool worksInSourceMode(const QString &name)
{
    return name == QLatin1String("sourceModeAction") || name == QLatin1String("undoAction") ||
           name == QLatin1String("redoAction");
}

} // namespace

ArticleEditor::ArticleEditor(QWidget *parent)
    : QWidget(parent), m_textEdit(new ArticleTextEdit(this)),
      m_sourceEdit(new QPlainTextEdit(this)), m_stack(new QStackedWidget(this))
{
    setObjectName(QStringLiteral("articleEditor"));
    m_textEdit->setAccessibleName(tr("Article"));
    m_textEdit->setTabChangesFocus(true);
    m_sourceEdit->setObjectName(QStringLiteral("sourceTextEdit"));
    m_sourceEdit->setAccessibleName(tr("Article HTML source"));
    m_sourceEdit->setTabChangesFocus(true);
    m_sourceEdit->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    m_stack->addWidget(m_textEdit);
    m_stack->addWidget(m_sourceEdit);
    setFocusProxy(m_textEdit);

    buildActions();
    buildToolBar();
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(m_toolBar);
    layout->addWidget(m_stack, 1);

    connect(m_textEdit, &QTextEdit::textChanged, this, [this] {
        if (!m_loading)
            emit changed();
    });
    connect(m_sourceEdit, &QPlainTextEdit::textChanged, this, [this] {
        if (!m_loading)
            emit changed();
    });
    connect(m_textEdit, &QTextEdit::currentCharFormatChanged, this,
            &ArticleEditor::updateCharState);
    connect(m_textEdit, &QTextEdit::cursorPositionChanged, this, &ArticleEditor::updateBlockState);
    connect(m_textEdit, &QTextEdit::undoAvailable, m_actions.value(QStringLiteral("undoAction")),
            &QAction::setEnabled);
    connect(m_textEdit, &QTextEdit::redoAvailable, m_actions.value(QStringLiteral("redoAction")),
            &QAction::setEnabled);
    connect(m_textEdit, &ArticleTextEdit::mediaError, this, &ArticleEditor::problem);
    m_textEdit->installEventFilter(this);
    m_sourceEdit->installEventFilter(this);
    updateCharState(m_textEdit->currentCharFormat());
    updateBlockState();
}

ArticleEditor::~ArticleEditor() = default;

QAction *ArticleEditor::addAction_(const char *objectName, const QString &text,
                                   const QString &iconText, const QKeySequence &shortcut,
                                   void (ArticleEditor::*slot)(), bool checkable)
{
    auto *action = new QAction(text, this);
    const QString name = QLatin1String(objectName);
    action->setObjectName(name);
    action->setIconText(iconText);
    action->setCheckable(checkable);
    if (!shortcut.isEmpty()) {
        action->setShortcut(shortcut);
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        action->setToolTip(QStringLiteral("%1 (%2)").arg(
            QString(text).remove(QLatin1Char('&')), shortcut.toString(QKeySequence::NativeText)));
    } else {
        action->setToolTip(QString(text).remove(QLatin1Char('&')));
    }
    if (slot)
        connect(action, &QAction::triggered, this, slot);
    QWidget::addAction(action);
    m_actions.insert(name, action);
    return action;
}

void ArticleEditor::buildActions()
{
    addAction_("boldAction", tr("&Bold"), tr("B", "toolbar: bold"), QKeySequence::Bold,
               &ArticleEditor::toggleBold, true);
    addAction_("italicAction", tr("&Italic"), tr("I", "toolbar: italic"), QKeySequence::Italic,
               &ArticleEditor::toggleItalic, true);
    addAction_("underlineAction", tr("&Underline"), tr("U", "toolbar: underline"),
               QKeySequence::Underline, &ArticleEditor::toggleUnderline, true);
    addAction_("strikeAction", tr("Stri&kethrough"), tr("S", "toolbar: strikethrough"),
               QKeySequence(tr("Alt+Shift+5")), &ArticleEditor::toggleStrike, true);
    addAction_("colorAction", tr("Text &Colour…"), tr("A", "toolbar: text colour"), {},
               &ArticleEditor::chooseColor);
    addAction_("bulletListAction", tr("Bulleted &List"), tr("•≡", "toolbar: bulleted list"),
               QKeySequence(tr("Ctrl+Shift+8")), &ArticleEditor::toggleBulletList, true);
    addAction_("numberedListAction", tr("&Numbered List"), tr("1.≡", "toolbar: numbered list"),
               QKeySequence(tr("Ctrl+Shift+7")), &ArticleEditor::toggleNumberedList, true);
    addAction_("outdentAction", tr("&Outdent"), tr("⇤", "toolbar: outdent"),
               QKeySequence(tr("Ctrl+[")), &ArticleEditor::outdent);
    addAction_("indentAction", tr("In&dent"), tr("⇥", "toolbar: indent"),
               QKeySequence(tr("Ctrl+]")), &ArticleEditor::indent);
    auto *alignment = new QActionGroup(this);
    alignment->addAction(addAction_("alignLeftAction", tr("Align &Left"),
                                    tr("Left", "toolbar: left"), QKeySequence(tr("Ctrl+L")),
                                    &ArticleEditor::alignLeft, true));
    alignment->addAction(addAction_("alignCenterAction", tr("Align C&enter"),
                                    tr("Center", "toolbar: center"), QKeySequence(tr("Ctrl+E")),
                                    &ArticleEditor::alignCenter, true));
    alignment->addAction(addAction_("alignRightAction", tr("Align &Right"),
                                    tr("Right", "toolbar: right"), QKeySequence(tr("Ctrl+R")),
                                    &ArticleEditor::alignRight, true));
    alignment->addAction(addAction_("alignJustifyAction", tr("&Justify"),
                                    tr("Justify", "toolbar: justify"), QKeySequence(tr("Ctrl+J")),
                                    &ArticleEditor::alignJustify, true));
    const QColor ink = palette().color(QPalette::ButtonText);
    m_actions.value(QStringLiteral("alignLeftAction"))->setIcon(alignmentIcon(Qt::AlignLeft, ink));
    m_actions.value(QStringLiteral("alignCenterAction"))
        ->setIcon(alignmentIcon(Qt::AlignHCenter, ink));
    m_actions.value(QStringLiteral("alignRightAction"))
        ->setIcon(alignmentIcon(Qt::AlignRight, ink));
    m_actions.value(QStringLiteral("alignJustifyAction"))
        ->setIcon(alignmentIcon(Qt::AlignJustify, ink));
    addAction_("linkAction", tr("Insert or Edit &Link…"), tr("Link", "toolbar: link"),
               QKeySequence(tr("Ctrl+K")), &ArticleEditor::editLink);
    addAction_("removeLinkAction", tr("Remove Lin&k"), tr("Unlink", "toolbar: remove link"),
               QKeySequence(tr("Ctrl+Shift+K")), &ArticleEditor::removeLink);
    addAction_("imageAction", tr("Insert &Image…"), tr("Image", "toolbar: image"),
               QKeySequence(tr("Ctrl+Shift+I")), &ArticleEditor::chooseImage);
    addAction_("horizontalRuleAction", tr("Horizontal &Rule"), tr("—", "toolbar: rule"), {},
               &ArticleEditor::insertRule);
    addAction_("insertTableAction", tr("Insert &Table"), tr("Table", "toolbar: table"), {},
               &ArticleEditor::insertDefaultTable);
    addAction_("tableAddRowAction", tr("Add Table Row"), tr("+Row", "toolbar: add row"), {},
               &ArticleEditor::addTableRow);
    addAction_("tableAddColumnAction", tr("Add Table Column"), tr("+Col", "toolbar: add column"),
               {}, &ArticleEditor::addTableColumn);
    addAction_("tableRemoveRowAction", tr("Remove Table Row"), tr("−Row", "toolbar: remove row"),
               {}, &ArticleEditor::removeTableRow);
    addAction_("tableRemoveColumnAction", tr("Remove Table Column"),
               tr("−Col", "toolbar: remove column"), {}, &ArticleEditor::removeTableColumn);
    addAction_("clearFormattingAction", tr("Clear &Formatting"), tr("Tx", "toolbar: clear"),
               QKeySequence(tr("Ctrl+\\")), &ArticleEditor::clearFormatting);
    // Ctrl+Z/Ctrl+Y stay with the text views and the window's Undo/Redo.
    addAction_("undoAction", tr("&Undo"), tr("↶", "toolbar: undo"), {}, &ArticleEditor::undo);
    addAction_("redoAction", tr("&Redo"), tr("↷", "toolbar: redo"), {}, &ArticleEditor::redo);
    addAction_("sourceModeAction", tr("&HTML Source"), tr("</>", "toolbar: source"),
               QKeySequence(tr("Ctrl+Shift+H")), &ArticleEditor::toggleSourceMode, true);
    addAction_("pastePlainAction", tr("Paste as &Plain Text"), QString(),
               QKeySequence(tr("Ctrl+Shift+V")), &ArticleEditor::pastePlain);
    for (int level = 0; level <= 3; ++level) {
        const QString name = level ? QStringLiteral("heading%1Action").arg(level)
                                   : QStringLiteral("paragraphAction");
        auto *action = addAction_(name.toLatin1().constData(),
                                  level ? tr("Heading %1").arg(level) : tr("Paragraph"), QString(),
                                  QKeySequence(QStringLiteral("Ctrl+Alt+%1").arg(level)), nullptr);
        connect(action, &QAction::triggered, this, [this, level] { setHeadingLevel(level); });
    }
    for (QAction *action : std::as_const(m_actions))
        action->setStatusTip(action->toolTip());
    m_actions.value(QStringLiteral("undoAction"))->setEnabled(false);
    m_actions.value(QStringLiteral("redoAction"))->setEnabled(false);
}

void ArticleEditor::buildToolBar()
{
    m_toolBar = new QWidget(this);
    m_toolBar->setObjectName(QStringLiteral("articleToolBar"));
    m_toolBar->setAccessibleName(tr("Article formatting"));
    auto *flow = new FlowLayout(m_toolBar, 2);
    flow->setContentsMargins(0, 0, 0, 0);

    m_headingCombo = new QComboBox(m_toolBar);
    m_headingCombo->setObjectName(QStringLiteral("headingComboBox"));
    m_headingCombo->setAccessibleName(tr("Paragraph style"));
    m_headingCombo->setToolTip(tr("Paragraph style (Ctrl+Alt+0 to 3)"));
    m_headingCombo->addItems({tr("Paragraph"), tr("Heading 1"), tr("Heading 2"), tr("Heading 3")});
    m_headingCombo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    connect(m_headingCombo, &QComboBox::activated, this, [this](int index) {
        setHeadingLevel(index);
        m_textEdit->setFocus();
    });
    flow->addWidget(m_headingCombo);
    QList<QWidget *> items{m_headingCombo};

    static const char *const groups[] = {"boldAction",
                                         "italicAction",
                                         "underlineAction",
                                         "strikeAction",
                                         "colorAction",
                                         nullptr,
                                         "bulletListAction",
                                         "numberedListAction",
                                         "outdentAction",
                                         "indentAction",
                                         nullptr,
                                         "alignLeftAction",
                                         "alignCenterAction",
                                         "alignRightAction",
                                         "alignJustifyAction",
                                         nullptr,
                                         "linkAction",
                                         "removeLinkAction",
                                         "imageAction",
                                         "horizontalRuleAction",
                                         nullptr,
                                         "insertTableAction",
                                         "tableAddRowAction",
                                         "tableAddColumnAction",
                                         "tableRemoveRowAction",
                                         "tableRemoveColumnAction",
                                         nullptr,
                                         "clearFormattingAction",
                                         "undoAction",
                                         "redoAction",
                                         "sourceModeAction"};
    for (const char *name : groups) {
        if (!name)
            continue;
        QAction *action = m_actions.value(QLatin1String(name));
        auto *button = new QToolButton(m_toolBar);
        button->setObjectName(QLatin1String(name).chopped(6) + QLatin1String("Button"));
        button->setDefaultAction(action);
        button->setAutoRaise(true);
        button->setAccessibleName(QString(action->text()).remove(QLatin1Char('&')));
        button->setToolButtonStyle(Qt::ToolButtonTextOnly);
        QFont font = button->font();
        if (action->objectName() == QLatin1String("boldAction"))
            font.setBold(true);
        else if (action->objectName() == QLatin1String("italicAction"))
            font.setItalic(true);
        else if (action->objectName() == QLatin1String("underlineAction"))
            font.setUnderline(true);
        else if (action->objectName() == QLatin1String("strikeAction"))
            font.setStrikeOut(true);
        button->setFont(font);
        if (!action->icon().isNull())
            button->setToolButtonStyle(Qt::ToolButtonIconOnly);
        flow->addWidget(button);
        items << button;
    }
    m_toolBarFocus = new RovingFocus(this);
    m_toolBarFocus->setItems(items);
}

void ArticleEditor::setTabOrderAfter(QWidget *previous)
{
    for (QWidget *item : m_toolBarFocus->items()) {
        setTabOrder(previous, item);
        previous = item;
    }
    setTabOrder(previous, m_textEdit);
    setTabOrder(m_textEdit, m_sourceEdit);
}

void ArticleEditor::setMediaRepository(MediaRepository *media)
{
    m_textEdit->setMediaRepository(media);
}

void ArticleEditor::setHtml(const QString &storedHtml)
{
    m_loading = true;
    if (isSourceMode()) {
        m_actions.value(QStringLiteral("sourceModeAction"))->setChecked(false);
        m_stack->setCurrentWidget(m_textEdit);
        for (QAction *action : std::as_const(m_actions))
            action->setEnabled(true);
        m_headingCombo->setEnabled(true);
    }
    m_sourceEdit->clear();
    m_textEdit->loadHtml(storedHtml);
    m_textEdit->document()->clearUndoRedoStacks();
    m_actions.value(QStringLiteral("undoAction"))->setEnabled(false);
    m_actions.value(QStringLiteral("redoAction"))->setEnabled(false);
    m_textEdit->moveCursor(QTextCursor::Start);
    m_loading = false;
    updateCharState(m_textEdit->currentCharFormat());
    updateBlockState();
}

QString ArticleEditor::html() const
{
    if (isSourceMode())
        return HtmlSanitizer::sanitize(m_sourceEdit->toPlainText());
    return ArticleHtmlWriter::write(m_textEdit->document());
}

bool ArticleEditor::isEmpty() const
{
    return isSourceMode() ? m_sourceEdit->toPlainText().trimmed().isEmpty()
                          : m_textEdit->document()->isEmpty();
}

void ArticleEditor::clear()
{
    setHtml(QString());
}

QTextEdit *ArticleEditor::textEdit() const
{
    return m_textEdit;
}

QTextDocument *ArticleEditor::document() const
{
    return m_textEdit->document();
}

bool ArticleEditor::isSourceMode() const
{
    return m_stack->currentWidget() == m_sourceEdit;
}

bool ArticleEditor::hasEditFocus() const
{
    return m_textEdit->hasFocus() || m_sourceEdit->hasFocus();
}

void ArticleEditor::undo()
{
    if (isSourceMode())
        m_sourceEdit->undo();
    else
        m_textEdit->undo();
}

void ArticleEditor::redo()
{
    if (isSourceMode())
        m_sourceEdit->redo();
    else
        m_textEdit->redo();
}

void ArticleEditor::setSourceMode(bool on)
{
    if (on == isSourceMode())
        return;
    m_loading = true;
    if (on) {
        m_sourceEdit->setPlainText(ArticleHtmlWriter::write(m_textEdit->document()));
        m_stack->setCurrentWidget(m_sourceEdit);
    } else {
        // What the user typed is untrusted markup like any other.
        m_textEdit->loadHtml(HtmlSanitizer::sanitize(m_sourceEdit->toPlainText()));
        m_stack->setCurrentWidget(m_textEdit);
    }
    m_loading = false;
    for (QAction *action : std::as_const(m_actions)) {
        if (!worksInSourceMode(action->objectName()))
            action->setEnabled(!on);
    }
    m_headingCombo->setEnabled(!on);
    m_actions.value(QStringLiteral("sourceModeAction"))->setChecked(on);
    if (on) {
        m_actions.value(QStringLiteral("undoAction"))->setEnabled(true);
        m_actions.value(QStringLiteral("redoAction"))->setEnabled(true);
        m_sourceEdit->setFocus();
    } else {
        m_actions.value(QStringLiteral("undoAction"))
            ->setEnabled(m_textEdit->document()->isUndoAvailable());
        m_actions.value(QStringLiteral("redoAction"))
            ->setEnabled(m_textEdit->document()->isRedoAvailable());
        m_textEdit->setFocus();
        updateCharState(m_textEdit->currentCharFormat());
        updateBlockState();
    }
}

void ArticleEditor::toggleSourceMode()
{
    setSourceMode(m_actions.value(QStringLiteral("sourceModeAction"))->isChecked());
}

bool ArticleEditor::eventFilter(QObject *watched, QEvent *event)
{
    // The article's shortcuts win over the window's while the article has
    // focus: Ctrl+I is Italic here and Import elsewhere.
    if ((watched == m_textEdit || watched == m_sourceEdit) &&
        (event->type() == QEvent::ShortcutOverride || event->type() == QEvent::KeyPress)) {
        auto *key = static_cast<QKeyEvent *>(event);
        const QKeySequence pressed(key->keyCombination());
        for (QAction *action : std::as_const(m_actions)) {
            if (!action->isEnabled() || action->shortcut().isEmpty() ||
                action->shortcut() != pressed)
                continue;
            if (event->type() == QEvent::ShortcutOverride) {
                event->accept();
            } else {
                action->trigger();
            }
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void ArticleEditor::mergeCharFormat(const QTextCharFormat &format)
{
    // With a selection this formats it; without, it is the format typing
    // continues in (not the "word" under the cursor: in Chinese text that
    // is a whole run of characters).
    m_textEdit->mergeCurrentCharFormat(format);
}

void ArticleEditor::toggleBold()
{
    QTextCharFormat format;
    format.setFontWeight(
        m_actions.value(QStringLiteral("boldAction"))->isChecked() ? QFont::Bold : QFont::Normal);
    mergeCharFormat(format);
}

void ArticleEditor::toggleItalic()
{
    QTextCharFormat format;
    format.setFontItalic(m_actions.value(QStringLiteral("italicAction"))->isChecked());
    mergeCharFormat(format);
}

void ArticleEditor::toggleUnderline()
{
    QTextCharFormat format;
    format.setFontUnderline(m_actions.value(QStringLiteral("underlineAction"))->isChecked());
    mergeCharFormat(format);
}

void ArticleEditor::toggleStrike()
{
    QTextCharFormat format;
    format.setFontStrikeOut(m_actions.value(QStringLiteral("strikeAction"))->isChecked());
    mergeCharFormat(format);
}

void ArticleEditor::setTextColor(const QColor &color)
{
    if (!color.isValid())
        return;
    QTextCharFormat format;
    format.setForeground(color);
    mergeCharFormat(format);
    updateColorIcon(color);
}

void ArticleEditor::chooseColor()
{
    auto *dialog = new QColorDialog(m_textEdit->currentCharFormat().foreground().color(), this);
    dialog->setObjectName(QStringLiteral("colorDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QColorDialog::colorSelected, this, &ArticleEditor::setTextColor);
    dialog->open();
}

void ArticleEditor::setHeadingLevel(int level)
{
    ArticleCommands::setHeadingLevel(m_textEdit->textCursor(), std::clamp(level, 0, 3));
    updateBlockState();
}

void ArticleEditor::toggleBulletList()
{
    ArticleCommands::toggleList(m_textEdit->textCursor(), QTextListFormat::ListDisc);
    updateBlockState();
}

void ArticleEditor::toggleNumberedList()
{
    ArticleCommands::toggleList(m_textEdit->textCursor(), QTextListFormat::ListDecimal);
    updateBlockState();
}

void ArticleEditor::indent()
{
    ArticleCommands::changeIndent(m_textEdit->textCursor(), 1);
    updateBlockState();
}

void ArticleEditor::outdent()
{
    ArticleCommands::changeIndent(m_textEdit->textCursor(), -1);
    updateBlockState();
}

void ArticleEditor::alignLeft()
{
    m_textEdit->setAlignment(Qt::AlignLeft | Qt::AlignAbsolute);
}

void ArticleEditor::alignCenter()
{
    m_textEdit->setAlignment(Qt::AlignHCenter);
}

void ArticleEditor::alignRight()
{
    m_textEdit->setAlignment(Qt::AlignRight | Qt::AlignAbsolute);
}

void ArticleEditor::alignJustify()
{
    m_textEdit->setAlignment(Qt::AlignJustify);
}

void ArticleEditor::editLink()
{
    const QTextCursor cursor = m_textEdit->textCursor();
    const QTextCursor link = ArticleCommands::linkUnderCursor(cursor);
    if (!m_linkDialog) {
        m_linkDialog = new LinkDialog(this);
        connect(m_linkDialog, &QDialog::accepted, this,
                [this] { insertLink(m_linkDialog->url(), m_linkDialog->text()); });
    }
    QTextCursor probe = link;
    probe.setPosition(link.selectionEnd());
    const QTextCharFormat format = link.hasSelection() ? probe.charFormat() : QTextCharFormat();
    m_linkDialog->setUrl(format.isAnchor() ? format.anchorHref() : QString());
    m_linkDialog->setText(link.selectedText());
    m_linkDialog->setTextEditable(!link.hasSelection());
    m_linkDialog->open();
}

void ArticleEditor::insertLink(const QString &url, const QString &text)
{
    if (url.trimmed().isEmpty())
        return;
    const bool inserting =
        !ArticleCommands::linkUnderCursor(m_textEdit->textCursor()).hasSelection();
    ArticleCommands::setLink(m_textEdit->textCursor(), url.trimmed(), text,
                             palette().color(QPalette::Link));
    if (inserting)
        m_textEdit->setCurrentCharFormat(QTextCharFormat()); // typing on is plain text
}

void ArticleEditor::removeLink()
{
    ArticleCommands::removeLink(m_textEdit->textCursor());
    updateCharState(m_textEdit->currentCharFormat());
}

void ArticleEditor::insertRule()
{
    QTextCursor cursor = m_textEdit->textCursor();
    ArticleCommands::insertHorizontalRule(cursor);
    m_textEdit->setTextCursor(cursor);
}

void ArticleEditor::insertTable(int rows, int columns)
{
    QTextCursor cursor = m_textEdit->textCursor();
    ArticleCommands::insertTable(cursor, rows, columns);
    m_textEdit->setTextCursor(cursor);
    updateBlockState();
}

void ArticleEditor::insertDefaultTable()
{
    insertTable(2, 2);
}

void ArticleEditor::addTableRow()
{
    QTextCursor cursor = m_textEdit->textCursor();
    if (QTextTable *table = cursor.currentTable())
        table->insertRows(table->cellAt(cursor).row() + 1, 1);
}

void ArticleEditor::addTableColumn()
{
    QTextCursor cursor = m_textEdit->textCursor();
    if (QTextTable *table = cursor.currentTable())
        table->insertColumns(table->cellAt(cursor).column() + 1, 1);
}

void ArticleEditor::removeTableRow()
{
    QTextCursor cursor = m_textEdit->textCursor();
    QTextTable *table = cursor.currentTable();
    if (!table)
        return;
    // Plain numbers: a removed cell cannot say where it was.
    const int row = table->cellAt(cursor).row();
    const int column = table->cellAt(cursor).column();
    const bool last = table->rows() == 1; // removing it removes the table
    table->removeRows(row, 1);
    if (!last) // stay in the table, in the same column
        m_textEdit->setTextCursor(
            table->cellAt(std::min(row, table->rows() - 1), column).firstCursorPosition());
    updateBlockState();
}

void ArticleEditor::removeTableColumn()
{
    QTextCursor cursor = m_textEdit->textCursor();
    QTextTable *table = cursor.currentTable();
    if (!table)
        return;
    const int row = table->cellAt(cursor).row();
    const int column = table->cellAt(cursor).column();
    const bool last = table->columns() == 1;
    table->removeColumns(column, 1);
    if (!last)
        m_textEdit->setTextCursor(
            table->cellAt(row, std::min(column, table->columns() - 1)).firstCursorPosition());
    updateBlockState();
}

bool ArticleEditor::insertImageFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        emit problem(tr("Could not read %1: %2").arg(path, file.errorString()));
        return false;
    }
    return m_textEdit->insertImage(file.readAll(), QFileInfo(path).fileName());
}

void ArticleEditor::chooseImage()
{
    auto *dialog = new QFileDialog(this, tr("Insert Image"), QString(),
                                   tr("Images (*.png *.jpg *.jpeg *.gif *.bmp *.webp)"));
    dialog->setObjectName(QStringLiteral("imageFileDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setFileMode(QFileDialog::ExistingFiles);
    connect(dialog, &QFileDialog::filesSelected, this, [this](const QStringList &files) {
        for (const QString &file : files)
            insertImageFile(file);
    });
    dialog->open();
}

void ArticleEditor::clearFormatting()
{
    const bool selection = m_textEdit->textCursor().hasSelection();
    ArticleCommands::clearFormatting(m_textEdit->textCursor());
    if (!selection) // with a selection this would also drop its links
        m_textEdit->setCurrentCharFormat(QTextCharFormat());
}

void ArticleEditor::pastePlain()
{
    if (isSourceMode())
        m_sourceEdit->paste();
    else
        m_textEdit->pastePlainText();
}

void ArticleEditor::updateCharState(const QTextCharFormat &format)
{
    m_actions.value(QStringLiteral("boldAction"))
        ->setChecked(format.fontWeight() >= QFont::DemiBold);
    m_actions.value(QStringLiteral("italicAction"))->setChecked(format.fontItalic());
    m_actions.value(QStringLiteral("underlineAction"))
        ->setChecked(format.fontUnderline() && !format.isAnchor());
    m_actions.value(QStringLiteral("strikeAction"))->setChecked(format.fontStrikeOut());
    m_actions.value(QStringLiteral("removeLinkAction"))
        ->setEnabled(!isSourceMode() && format.isAnchor());
    updateColorIcon(format.foreground().style() != Qt::NoBrush ? format.foreground().color()
                                                               : palette().color(QPalette::Text));
}

void ArticleEditor::updateBlockState()
{
    if (isSourceMode())
        return;
    const QTextCursor cursor = m_textEdit->textCursor();
    const QTextBlockFormat block = cursor.blockFormat();
    {
        const QSignalBlocker blocker(m_headingCombo);
        m_headingCombo->setCurrentIndex(std::clamp(block.headingLevel(), 0, 3));
    }
    const Qt::Alignment alignment = block.alignment() & Qt::AlignHorizontal_Mask;
    m_actions.value(QStringLiteral("alignCenterAction"))->setChecked(alignment & Qt::AlignHCenter);
    m_actions.value(QStringLiteral("alignRightAction"))->setChecked(alignment & Qt::AlignRight);
    m_actions.value(QStringLiteral("alignJustifyAction"))->setChecked(alignment & Qt::AlignJustify);
    m_actions.value(QStringLiteral("alignLeftAction"))
        ->setChecked(!(alignment & (Qt::AlignHCenter | Qt::AlignRight | Qt::AlignJustify)));
    const QTextList *list = cursor.currentList();
    const QTextListFormat::Style style = list ? list->format().style() : QTextListFormat::Style(0);
    m_actions.value(QStringLiteral("bulletListAction"))
        ->setChecked(list && style >= QTextListFormat::ListSquare);
    m_actions.value(QStringLiteral("numberedListAction"))
        ->setChecked(list && style < QTextListFormat::ListSquare);
    const bool inTable = cursor.currentTable() != nullptr;
    for (const char *name : {"tableAddRowAction", "tableAddColumnAction", "tableRemoveRowAction",
                             "tableRemoveColumnAction"})
        m_actions.value(QLatin1String(name))->setEnabled(inTable);
}

void ArticleEditor::updateColorIcon(const QColor &color)
{
    QPixmap pixmap(20, 20);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    QFont font = this->font();
    font.setBold(true);
    painter.setFont(font);
    painter.setPen(palette().color(QPalette::Text));
    painter.drawText(QRect(0, 0, 20, 15), Qt::AlignCenter, QStringLiteral("A"));
    painter.fillRect(QRect(2, 15, 16, 4), color);
    painter.end();
    m_actions.value(QStringLiteral("colorAction"))->setIcon(QIcon(pixmap));
}

} // namespace ListingDesk
