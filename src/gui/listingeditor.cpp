#include "listingeditor.h"

#include "articleeditor.h"
#include "articlestatuslabel.h"
#include "categorypicker.h"
#include "chipbar.h"
#include "citypicker.h"
#include "conflictbar.h"
#include "fieldeditcommand.h"
#include "findreplacebar.h"
#include "library.h"
#include "listingpreview.h"
#include "sensitivewordhighlighter.h"
#include "sensitivewordlist.h"
#include "sensitivewordmatcher.h"
#include "themecolors.h"
#include "ui_listingform.h"

#include <QApplication>
#include <QBoxLayout>
#include <QImageReader>
#include <QKeyEvent>
#include <QLocale>
#include <QTextEdit>

namespace ListingDesk {

namespace {
constexpr double noPrice = -1.0; // the spin box's minimum shows "not given"

} // namespace

ListingEditor::ListingEditor(Library *library, QWidget *parent)
    : QWidget(parent), m_library(library), m_ui(std::make_unique<Ui::ListingForm>())
{
    m_ui->setupUi(this);
    m_ui->priceSpinBox->setSpecialValueText(tr("Not given"));
    m_ui->expiryDateTimeEdit->setDateTime(QDateTime::currentDateTime().addDays(30));
    m_ui->messageLabel->hide();
    // On top, where it is seen at once; its buttons follow the form in the tab chain.
    m_conflictBar = new ConflictBar(this);
    m_ui->mainLayout->insertWidget(0, m_conflictBar);
    connect(m_conflictBar, &ConflictBar::reloadTheirsRequested, this, &ListingEditor::reloadTheirs);
    connect(m_conflictBar, &ConflictBar::overwriteRequested, this, &ListingEditor::overwriteTheirs);
    connect(m_conflictBar, &ConflictBar::saveCopyRequested, this, &ListingEditor::saveAsCopy);
    connect(m_conflictBar, &ConflictBar::restoreMineRequested, this, &ListingEditor::restoreMine);
    m_ui->bodyLabel->setBuddy(m_ui->articleEditor->textEdit());
    m_ui->articleEditor->setMediaRepository(&m_library->media());
    connect(m_ui->articleEditor, &ArticleEditor::problem, this, [this](const QString &message) {
        m_ui->messageLabel->setText(message);
        m_ui->messageLabel->show();
    });

    m_autosaveTimer.setSingleShot(true);
    m_autosaveTimer.setInterval(autosaveDelayMs);
    connect(&m_autosaveTimer, &QTimer::timeout, this, &ListingEditor::saveNow);
    m_maxWaitTimer.setSingleShot(true);
    m_maxWaitTimer.setInterval(autosaveMaxWaitMs);
    connect(&m_maxWaitTimer, &QTimer::timeout, this, &ListingEditor::saveNow);
    setUpArticleTools();

    m_cityPicker = new CityPicker(m_library, this);
    m_categoryPicker = new CategoryPicker(m_library, this);
    connect(m_cityPicker, &CityPicker::codesChanged, this, [this](const QStringList &codes) {
        setCities(codes);
        fieldEdited(Cities);
    });
    connect(m_categoryPicker, &CategoryPicker::categoryPicked, this, [this](qint64 id) {
        setCategory(id);
        fieldEdited(Category);
        m_ui->categoryButton->setFocus();
    });
    connect(m_ui->chooseCitiesButton, &QPushButton::clicked, this, &ListingEditor::openCityPicker);
    connect(m_ui->categoryButton, &QPushButton::clicked, this, &ListingEditor::openCategoryPicker);
    connect(m_ui->cityChips, &ChipBar::chipRemoved, this, [this](const QString &code) {
        QStringList codes = m_cityCodes;
        codes.removeAll(code);
        setCities(codes);
        fieldEdited(Cities);
        m_ui->chooseCitiesButton->setFocus();
    });
    m_ui->cityChips->setPlaceholderText(tr("No city yet"));
    // Tab follows the form down: category, the chosen cities' chips, the
    // button that adds cities, ..., the article's toolbar, then its text.
    m_ui->cityChips->setTabPredecessor(m_ui->categoryButton);
    m_ui->articleEditor->setTabOrderAfter(m_ui->readyCheckBox);
    connectFields();

    // The form's own undo stack handles Ctrl+Z in its line edits too, so one
    // shortcut undoes any field; the article keeps its document's undo.
    for (QLineEdit *edit : {m_ui->titleLineEdit, m_ui->contactNameLineEdit,
                            m_ui->contactPhoneLineEdit, m_ui->contactWechatLineEdit})
        edit->installEventFilter(this);
    clear();
}

ListingEditor::~ListingEditor() = default;

void ListingEditor::connectFields()
{
    connect(m_ui->titleLineEdit, &QLineEdit::textChanged, this, [this] {
        updateTitleCounter();
        fieldEdited(Title);
    });
    connect(m_ui->priceSpinBox, &QDoubleSpinBox::valueChanged, this,
            [this] { fieldEdited(Price); });
    connect(m_ui->contactNameLineEdit, &QLineEdit::textChanged, this,
            [this] { fieldEdited(ContactName); });
    connect(m_ui->contactPhoneLineEdit, &QLineEdit::textChanged, this,
            [this] { fieldEdited(ContactPhone); });
    connect(m_ui->contactWechatLineEdit, &QLineEdit::textChanged, this,
            [this] { fieldEdited(ContactWechat); });
    connect(m_ui->expiryCheckBox, &QCheckBox::toggled, this, [this](bool on) {
        m_ui->expiryDateTimeEdit->setEnabled(on);
        fieldEdited(Expiry);
    });
    connect(m_ui->expiryDateTimeEdit, &QDateTimeEdit::dateTimeChanged, this,
            [this] { fieldEdited(Expiry); });
    connect(m_ui->promotedCheckBox, &QCheckBox::toggled, this, [this] { fieldEdited(Promoted); });
    connect(m_ui->readyCheckBox, &QCheckBox::toggled, this, &ListingEditor::readyToggled);
    connect(m_ui->articleEditor, &ArticleEditor::changed, this, [this] {
        if (!m_applying && hasListing()) {
            m_bodyDirty = true;
            markDirty();
        }
    });
}

void ListingEditor::clear()
{
    m_autosaveTimer.stop();
    m_maxWaitTimer.stop();
    m_listing = Listing{};
    m_applying = true;
    m_ui->titleLineEdit->clear();
    setCategory(0);
    setCities({});
    m_ui->priceSpinBox->setValue(noPrice);
    m_ui->contactNameLineEdit->clear();
    m_ui->contactPhoneLineEdit->clear();
    m_ui->contactWechatLineEdit->clear();
    m_ui->expiryCheckBox->setChecked(false);
    m_ui->promotedCheckBox->setChecked(false);
    m_ui->readyCheckBox->setChecked(false);
    m_ui->articleEditor->clear();
    m_applying = false;
    m_undoStack.clear();
    m_dirty = false;
    m_bodyDirty = false;
    m_priceEdited = false;
    m_ui->messageLabel->hide();
    m_conflictBar->hide();
    m_conflict = false;
    m_discarded.reset();
    showSaveState(QString());
    updateTitleCounter();
    setEnabled(false);
    m_statusLabel->setDocument(nullptr);
    emit listingShown(false);
}

bool ListingEditor::setListing(const Listing &listing)
{
    // Words that could not be stored stay in the form; the caller keeps them there.
    if (m_dirty && !saveNow())
        return false;
    clear();
    setEnabled(true);
    m_listing = listing;
    m_applying = true;
    m_ui->titleLineEdit->setText(listing.title);
    m_ui->titleLineEdit->setCursorPosition(0); // a long title shows its beginning
    setCategory(listing.categoryId);
    setCities(listing.cityCodes);
    m_ui->priceSpinBox->setValue(listing.price.value_or(noPrice));
    m_ui->contactNameLineEdit->setText(listing.contact.name);
    m_ui->contactPhoneLineEdit->setText(listing.contact.phone);
    m_ui->contactWechatLineEdit->setText(listing.contact.wechat);
    m_ui->expiryCheckBox->setChecked(listing.expiresAt.isValid());
    m_ui->expiryDateTimeEdit->setEnabled(listing.expiresAt.isValid());
    if (listing.expiresAt.isValid())
        m_ui->expiryDateTimeEdit->setDateTime(listing.expiresAt.toLocalTime());
    m_ui->promotedCheckBox->setChecked(listing.promoted);
    m_ui->readyCheckBox->setChecked(listing.status == ListingStatus::Ready);
    // Only draft and ready are the user's to switch; the rest belong to publishing.
    m_ui->readyCheckBox->setEnabled(listing.status == ListingStatus::Draft ||
                                    listing.status == ListingStatus::Ready);
    m_ui->articleEditor->setHtml(listing.bodyHtml);
    for (int f = 0; f < FieldCount; ++f)
        m_lastValues[f] = fieldValue(Field(f));
    m_applying = false;
    updateTitleCounter();
    setEnabled(!listing.deleted);
    showSaveState(listing.deleted ? tr("In the trash: restore it to edit.")
                                  : tr("Saved (revision %1)").arg(listing.revision));
    m_statusLabel->setDocument(m_ui->articleEditor->document());
    m_statusLabel->setTitle(listing.title);
    emit listingShown(true);
    return true;
}

void ListingEditor::focusTitle()
{
    m_ui->titleLineEdit->setFocus();
    m_ui->titleLineEdit->selectAll();
}

QVariant ListingEditor::fieldValue(Field field) const
{
    switch (field) {
    case Title:
        return m_ui->titleLineEdit->text();
    case Category:
        return m_categoryId;
    case Cities:
        return cityCodes();
    case Price:
        return m_ui->priceSpinBox->value();
    case ContactName:
        return m_ui->contactNameLineEdit->text();
    case ContactPhone:
        return m_ui->contactPhoneLineEdit->text();
    case ContactWechat:
        return m_ui->contactWechatLineEdit->text();
    case Expiry:
        return m_ui->expiryCheckBox->isChecked() ? QVariant(m_ui->expiryDateTimeEdit->dateTime())
                                                 : QVariant();
    case Promoted:
        return m_ui->promotedCheckBox->isChecked();
    case Ready:
        return m_ui->readyCheckBox->isChecked();
    case FieldCount:
        break;
    }
    return {};
}

void ListingEditor::setFieldValue(Field field, const QVariant &value)
{
    switch (field) {
    case Title:
        m_ui->titleLineEdit->setText(value.toString());
        break;
    case Category:
        setCategory(value.toLongLong());
        break;
    case Cities:
        setCities(value.toStringList());
        break;
    case Price:
        m_ui->priceSpinBox->setValue(value.toDouble());
        break;
    case ContactName:
        m_ui->contactNameLineEdit->setText(value.toString());
        break;
    case ContactPhone:
        m_ui->contactPhoneLineEdit->setText(value.toString());
        break;
    case ContactWechat:
        m_ui->contactWechatLineEdit->setText(value.toString());
        break;
    case Expiry:
        m_ui->expiryCheckBox->setChecked(value.isValid());
        m_ui->expiryDateTimeEdit->setEnabled(value.isValid());
        if (value.isValid())
            m_ui->expiryDateTimeEdit->setDateTime(value.toDateTime());
        break;
    case Promoted:
        m_ui->promotedCheckBox->setChecked(value.toBool());
        break;
    case Ready:
        m_ui->readyCheckBox->setChecked(value.toBool());
        break;
    case FieldCount:
        break;
    }
}

void ListingEditor::fieldEdited(Field field)
{
    if (m_applying || !hasListing())
        return;
    const QVariant value = fieldValue(field);
    if (value == m_lastValues[field])
        return;
    m_undoStack.push(new FieldEditCommand(field, m_lastValues[field], value,
                                          [this](int f, const QVariant &v) { applyField(f, v); }));
    m_lastValues[field] = value;
    if (field == Price)
        m_priceEdited = true;
    markDirty();
}

void ListingEditor::applyField(int field, const QVariant &value)
{
    m_applying = true;
    setFieldValue(Field(field), value);
    m_applying = false;
    m_lastValues[field] = value;
    if (field == Price)
        m_priceEdited = true;
    updateTitleCounter();
    markDirty();
}

void ListingEditor::undo()
{
    if (m_ui->articleEditor->hasEditFocus())
        m_ui->articleEditor->undo();
    else
        m_undoStack.undo();
}

void ListingEditor::redo()
{
    if (m_ui->articleEditor->hasEditFocus())
        m_ui->articleEditor->redo();
    else
        m_undoStack.redo();
}

bool ListingEditor::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::ShortcutOverride) {
        // Leave Undo and Redo to the window's actions, which use the form's stack.
        auto *key = static_cast<QKeyEvent *>(event);
        if (key->matches(QKeySequence::Undo) || key->matches(QKeySequence::Redo))
            return true;
    }
    return QWidget::eventFilter(watched, event);
}

void ListingEditor::setCities(const QStringList &codes)
{
    m_cityCodes = codes;
    QStringList labels;
    for (const QString &code : codes)
        labels << m_library->regions().displayName(code);
    m_ui->cityChips->setChips(codes, labels);
}

QStringList ListingEditor::cityCodes() const
{
    return m_cityCodes;
}

void ListingEditor::setCategory(qint64 id)
{
    m_categoryId = id;
    const QString path = id ? m_library->categories().pathOf(id) : QString();
    m_ui->categoryButton->setText(
        path.isEmpty() ? tr("Choose a category…")
                       : QString(path).replace(QLatin1Char('/'), QStringLiteral(" › ")));
}

void ListingEditor::openCityPicker()
{
    m_cityPicker->setCheckedCodes(m_cityCodes);
    m_cityPicker->popup(m_ui->chooseCitiesButton);
}

void ListingEditor::openCategoryPicker()
{
    m_categoryPicker->setCurrentCategory(m_categoryId);
    m_categoryPicker->popup(m_ui->categoryButton);
}

void ListingEditor::setUpArticleTools()
{
    QTextEdit *article = m_ui->articleEditor->textEdit();
    m_highlighter = new SensitiveWordHighlighter(m_ui->articleEditor->document());
    SensitiveWordList words;
    words.load();
    setSensitiveWords(words.makeMatcher());

    // The find bar sits right under the article it searches.
    m_findBar = new FindReplaceBar(this);
    m_findBar->setTextEdit(article);
    m_findBar->hide();
    if (auto *box = qobject_cast<QBoxLayout *>(m_ui->articleEditor->parentWidget()->layout())) {
        box->insertWidget(box->indexOf(m_ui->articleEditor) + 1, m_findBar);
    } else if (QLayout *layout = m_ui->articleEditor->parentWidget()->layout()) {
        layout->addWidget(m_findBar);
    }
    m_findInArticleAction = new QAction(tr("Find and &Replace in Article…"), this);
    m_findInArticleAction->setObjectName(QStringLiteral("findInArticleAction"));
    m_findInArticleAction->setShortcut(QKeySequence::Replace);
    connect(m_findInArticleAction, &QAction::triggered, this, [this] {
        if (hasListing())
            m_findBar->showAndFocus();
    });

    m_previewAction = new QAction(tr("&Preview as on the Portal"), this);
    m_previewAction->setObjectName(QStringLiteral("previewAction"));
    m_previewAction->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_P));
    connect(m_previewAction, &QAction::triggered, this, &ListingEditor::showPreview);

    m_statusLabel = new ArticleStatusLabel(this);
    connect(m_ui->titleLineEdit, &QLineEdit::textChanged, m_statusLabel,
            &ArticleStatusLabel::setTitle);
    if (auto portals = m_library->portals().all())
        m_statusLabel->setPortals(portals.value());
}

void ListingEditor::setSensitiveWords(std::shared_ptr<const SensitiveWordMatcher> matcher)
{
    m_sensitiveWords = std::move(matcher);
    m_highlighter->setMatcher(m_sensitiveWords);
}

void ListingEditor::showPreview()
{
    if (!hasListing())
        return;
    const Listing listing = currentListing();
    QStringList cities;
    for (const QString &code : listing.cityCodes) {
        if (const auto region = m_library->regions().byCode(code))
            cities << region->shortName;
    }
    int views = -1;
    if (auto posts = m_library->remotePosts().forListing(listing.id)) {
        for (const RemotePostRecord &post : posts.value())
            views = std::max(views, post.views.value_or(-1));
    }
    auto *preview = new ListingPreview(this);
    preview->setObjectName(QStringLiteral("listingPreview"));
    preview->setWindowFlag(Qt::Window);
    preview->setAttribute(Qt::WA_DeleteOnClose);
    preview->setWindowTitle(tr("Preview: %1").arg(listing.title));
    MediaRepository *media = &m_library->media();
    preview->setImageResolver([media](const QString &sha256) {
        auto bytes = media->data(sha256);
        return bytes ? QImage::fromData(bytes.value()) : QImage();
    });
    preview->showListing(listing, cities, m_library->categories().pathOf(listing.categoryId),
                         views);
    preview->resize(760, 820);
    preview->show();
}

void ListingEditor::readyToggled(bool checked)
{
    if (m_applying)
        return;
    if (checked) {
        Listing candidate = currentListing();
        const QStringList problems = readinessProblems(candidate, m_sensitiveWords.get());
        if (!problems.isEmpty()) {
            m_applying = true;
            m_ui->readyCheckBox->setChecked(false);
            m_applying = false;
            m_ui->messageLabel->setText(
                tr("Not ready yet: %1").arg(problems.join(QLatin1Char(' '))));
            m_ui->messageLabel->show();
            return;
        }
    }
    m_ui->messageLabel->hide();
    fieldEdited(Ready);
}

Listing ListingEditor::currentListing() const
{
    Listing l = m_listing;
    l.title = m_ui->titleLineEdit->text();
    l.categoryId = m_categoryId;
    l.cityCodes = cityCodes();
    // The spin box rounds to cents and caps at 999,999,999: an imported price it
    // cannot show exactly is kept unless the user edits the price.
    if (m_priceEdited) {
        const double price = m_ui->priceSpinBox->value();
        l.price = price <= noPrice ? std::nullopt : std::optional<double>(price);
    }
    l.contact = {m_ui->contactNameLineEdit->text(), m_ui->contactPhoneLineEdit->text(),
                 m_ui->contactWechatLineEdit->text()};
    l.expiresAt =
        m_ui->expiryCheckBox->isChecked() ? m_ui->expiryDateTimeEdit->dateTime() : QDateTime();
    l.promoted = m_ui->promotedCheckBox->isChecked();
    if (m_ui->readyCheckBox->isEnabled())
        l.status = m_ui->readyCheckBox->isChecked() ? ListingStatus::Ready : ListingStatus::Draft;
    // An article the user did not touch keeps its stored HTML byte for byte.
    if (m_bodyDirty) {
        l.bodyHtml = m_ui->articleEditor->html();
    }
    return l;
}

void ListingEditor::setAutosaveDelay(int ms)
{
    m_autosaveTimer.setInterval(ms);
    m_maxWaitTimer.setInterval(ms);
}

void ListingEditor::markDirty()
{
    if (!hasListing())
        return;
    m_dirty = true;
    if (m_conflict) {
        // Saving again would fail again (or, worse, succeed over theirs): wait for the choice.
        showSaveState(tr("Not saved: choose how to resolve the conflict above."));
        return;
    }
    if (m_discarded) {
        // Editing their version: the user has chosen it, and mine can no longer come back.
        m_discarded.reset();
        m_conflictBar->hide();
    }
    showSaveState(tr("Editing…"));
    m_autosaveTimer.start();
    if (!m_maxWaitTimer.isActive())
        m_maxWaitTimer.start();
}

bool ListingEditor::saveNow()
{
    m_autosaveTimer.stop();
    m_maxWaitTimer.stop();
    if (!m_dirty || !hasListing())
        return true;
    if (m_conflict)
        return false; // the bar waits for the user's choice; never overwrite unasked
    Listing edited = currentListing();
    // A ready listing that lost a required field goes back to draft rather
    // than refusing the save: the user's words always get stored.
    if (edited.status == ListingStatus::Ready &&
        !readinessProblems(edited, m_sensitiveWords.get()).isEmpty())
        edited.status = ListingStatus::Draft;
    auto stored = m_library->listings().save(edited);
    if (!stored) {
        // Lost the race, or the listing was deleted for good elsewhere (emptied trash).
        if (stored.error().kind == Error::Kind::Conflict ||
            stored.error().kind == Error::Kind::NotFound) {
            auto theirs = m_library->listings().load(m_listing.id);
            if (theirs)
                showConflict(theirs.value(), false);
            else
                m_conflictBar->showGone(
                    tr("\"%1\" was deleted elsewhere. Save your version as a copy to keep it.")
                        .arg(edited.title));
            m_conflict = true;
        } else {
            m_ui->messageLabel->setText(
                tr("Could not save: %1 Your text is still here.").arg(stored.error().message));
            m_ui->messageLabel->show();
        }
        showSaveState(tr("Not saved"));
        emit saveFailed(stored.error().message);
        return false;
    }
    m_listing = stored.value();
    m_dirty = false;
    m_bodyDirty = false;
    if (edited.status != currentListing().status) {
        m_applying = true;
        m_ui->readyCheckBox->setChecked(edited.status == ListingStatus::Ready);
        m_applying = false;
        m_lastValues[Ready] = fieldValue(Ready);
    }
    showSaveState(tr("Saved (revision %1)").arg(m_listing.revision));
    emit saved(m_listing.id);
    return true;
}

void ListingEditor::showConflict(const Listing &theirs, bool whileEditing)
{
    m_conflict = true;
    m_autosaveTimer.stop();
    m_maxWaitTimer.stop();
    // The library records when and at which revision, not who: say what it knows.
    const QString when =
        theirs.updatedAt.isValid()
            ? QLocale().toString(theirs.updatedAt.toLocalTime(), QLocale::ShortFormat)
            : tr("an unknown time");
    const QString message =
        whileEditing
            ? tr("\"%1\" was changed elsewhere at %2 (now revision %3) while you were editing "
                 "revision %4. Your edits are not saved yet; nothing is saved until you choose.")
            : tr("Someone else saved \"%1\" first, at %2 (now revision %3); your edits started "
                 "from revision %4 and are not saved yet.");
    m_conflictBar->showConflict(message.arg(theirs.title, when, QString::number(theirs.revision),
                                            QString::number(m_listing.revision)));
    m_ui->messageLabel->hide();
    showSaveState(tr("Not saved: choose how to resolve the conflict above."));
}

void ListingEditor::listingsChangedElsewhere(const QList<qint64> &ids)
{
    if (!hasListing() || !ids.contains(m_listing.id))
        return;
    auto stored = m_library->listings().load(m_listing.id);
    if (!stored) {
        if (stored.error().kind != Error::Kind::NotFound)
            return; // cannot tell now; the next save still checks the revision
        if (!m_dirty) {
            clear();
            return;
        }
        m_conflict = true;
        m_autosaveTimer.stop();
        m_maxWaitTimer.stop();
        m_conflictBar->showGone(
            tr("\"%1\" was deleted elsewhere. Save your version as a copy to keep it.")
                .arg(currentListing().title));
        return;
    }
    // Our own save, or publishing setting a status: no new revision, nothing to merge.
    if (stored.value().revision == m_listing.revision)
        return;
    if (m_dirty || m_conflict) {
        showConflict(stored.value(), true);
        return;
    }
    // Nothing unsaved: show their version, keeping the user's place in the form.
    QWidget *focus = QApplication::focusWidget();
    const bool focusInForm = focus && isAncestorOf(focus);
    std::optional<Listing> discarded = m_discarded;
    setListing(stored.value());
    if (discarded) {
        m_discarded = discarded;
        m_conflictBar->showReloaded(tr("Showing the newest version (revision %1), saved "
                                       "elsewhere. Restore mine brings yours back.")
                                        .arg(stored.value().revision));
    }
    if (focusInForm && focus->isEnabled())
        focus->setFocus();
    showSaveState(tr("Updated elsewhere (revision %1)").arg(stored.value().revision));
}

std::optional<Listing> ListingEditor::loadTheirs()
{
    auto theirs = m_library->listings().load(m_listing.id);
    if (theirs)
        return theirs.value();
    m_conflictBar->showGone(
        tr("\"%1\" was deleted elsewhere. Save your version as a copy to keep it.")
            .arg(currentListing().title));
    return std::nullopt;
}

void ListingEditor::reloadTheirs()
{
    const std::optional<Listing> theirs = loadTheirs();
    if (!theirs)
        return;
    // Mine stays restorable until the next edit: choosing theirs loses no words by accident.
    const Listing mine = currentListing();
    m_dirty = false;
    m_conflict = false;
    setListing(theirs.value());
    m_discarded = mine;
    m_conflictBar->showReloaded(tr("Showing their version (revision %1). Restore mine brings "
                                   "yours back until you edit again.")
                                    .arg(theirs.value().revision));
    m_ui->titleLineEdit->setFocus();
}

void ListingEditor::overwriteTheirs()
{
    const std::optional<Listing> theirs = loadTheirs();
    if (!theirs)
        return;
    // On top of their revision: the save keeps theirs in the history. A third
    // writer in between makes this a conflict again, never a silent loss.
    m_listing.revision = theirs.value().revision;
    m_conflict = false;
    m_conflictBar->hide();
    m_dirty = true;
    if (saveNow()) {
        showSaveState(tr("Saved over their version (revision %1); theirs is in the history.")
                          .arg(m_listing.revision));
        m_ui->titleLineEdit->setFocus();
    }
}

void ListingEditor::restoreMine()
{
    if (!m_discarded)
        return;
    // Mine goes back into the form as an edit of the revision on screen, and
    // autosave stores it over theirs (which the history keeps).
    Listing mine = *m_discarded;
    mine.revision = m_listing.revision;
    m_discarded.reset();
    setListing(mine);
    m_bodyDirty = true;
    m_priceEdited = true;
    markDirty();
    m_ui->titleLineEdit->setFocus();
}

void ListingEditor::saveAsCopy()
{
    Listing copy = currentListing();
    copy.id = 0;
    copy.uuid.clear();
    copy.status = ListingStatus::Draft;
    auto created = m_library->listings().create(copy);
    if (!created) {
        m_ui->messageLabel->setText(tr("Could not save the copy: %1").arg(created.error().message));
        return;
    }
    // The form now edits the copy; the original stays as the other writer left it.
    m_dirty = false;
    m_conflict = false;
    m_bodyDirty = false;
    setListing(created.value());
    emit copySaved(created.value().id);
}

void ListingEditor::updateTitleCounter()
{
    const int length = int(m_ui->titleLineEdit->text().size());
    m_ui->titleCounterLabel->setText(QStringLiteral("%1/%2").arg(length).arg(maxTitleLength));
    const bool tooLong = length > maxTitleLength;
    QPalette colours; // inherits all but the error colour, which suits the theme
    if (tooLong)
        colours.setColor(QPalette::WindowText, ThemeColors::errorText(palette()));
    m_ui->titleCounterLabel->setPalette(colours);
    m_ui->titleCounterLabel->setToolTip(
        tooLong ? tr("The title is %1 characters longer than allowed.").arg(length - maxTitleLength)
                : QString());
}

void ListingEditor::showSaveState(const QString &text)
{
    m_ui->saveStateLabel->setText(text);
}

} // namespace ListingDesk
