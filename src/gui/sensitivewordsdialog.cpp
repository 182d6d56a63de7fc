#include "sensitivewordsdialog.h"

#include <QDialogButtonBox>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace ListingDesk {

SensitiveWordsDialog::SensitiveWordsDialog(QWidget *parent)
    : QDialog(parent), m_wordsEdit(new QPlainTextEdit(this)), m_countLabel(new QLabel(this)),
      m_messageLabel(new QLabel(this)), m_importButton(new QPushButton(this))
{
    setObjectName(QStringLiteral("sensitiveWordsDialog"));
    setWindowTitle(tr("Sensitive Words"));

    auto *intro = new QLabel(tr("Listings containing any of these words cannot be marked ready, "
                                "and the article editor underlines them. One word per line; "
                                "case does not matter; lines starting with # are comments."),
                             this);
    intro->setWordWrap(true);

    m_wordsEdit->setObjectName(QStringLiteral("wordsPlainTextEdit"));
    m_wordsEdit->setAccessibleName(tr("Sensitive words, one per line"));
    m_wordsEdit->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_wordsEdit->setTabChangesFocus(true);
    m_countLabel->setObjectName(QStringLiteral("wordCountLabel"));
    m_messageLabel->setObjectName(QStringLiteral("messageLabel"));
    m_messageLabel->setWordWrap(true);
    m_messageLabel->hide();
    m_importButton->setObjectName(QStringLiteral("importButton"));
    m_importButton->setText(tr("Import from File…"));

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->setObjectName(QStringLiteral("buttonBox"));
    connect(buttons, &QDialogButtonBox::accepted, this, &SensitiveWordsDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &SensitiveWordsDialog::reject);
    connect(m_importButton, &QPushButton::clicked, this, &SensitiveWordsDialog::chooseFile);
    connect(m_wordsEdit, &QPlainTextEdit::textChanged, this, &SensitiveWordsDialog::updateCount);

    auto *row = new QHBoxLayout;
    row->addWidget(m_importButton);
    row->addStretch();
    row->addWidget(m_countLabel);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_wordsEdit, 1);
    layout->addLayout(row);
    layout->addWidget(m_messageLabel);
    layout->addWidget(buttons);

    SensitiveWordList list;
    list.load();
    m_wordsEdit->setPlainText(list.words().join(QLatin1Char('\n')));
    updateCount();
    resize(420, 480);
}

QStringList SensitiveWordsDialog::words() const
{
    return SensitiveWordList::parse(m_wordsEdit->toPlainText());
}

bool SensitiveWordsDialog::importFile(const QString &path)
{
    SensitiveWordList list;
    list.setWords(words());
    const auto imported = list.importFile(path);
    if (!imported) {
        m_messageLabel->setText(imported.error().message);
        m_messageLabel->show();
        return false;
    }
    m_wordsEdit->setPlainText(list.words().join(QLatin1Char('\n')));
    m_messageLabel->setText(tr("%n new word(s) added.", nullptr, imported.value()));
    m_messageLabel->show();
    return true;
}

void SensitiveWordsDialog::chooseFile()
{
    // Asynchronous on purpose: no nested event loop behind the button.
    auto *dialog = new QFileDialog(this, tr("Import Sensitive Words"), QString(),
                                   tr("Text files (*.txt);;All files (*)"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setFileMode(QFileDialog::ExistingFile);
    connect(dialog, &QFileDialog::fileSelected, this, &SensitiveWordsDialog::importFile);
    dialog->open();
}

void SensitiveWordsDialog::updateCount()
{
    m_countLabel->setText(tr("%n word(s)", nullptr, int(words().size())));
}

void SensitiveWordsDialog::accept()
{
    SensitiveWordList list;
    list.setWords(words());
    list.save();
    emit wordsSaved(list.words());
    QDialog::accept();
}

} // namespace ListingDesk
