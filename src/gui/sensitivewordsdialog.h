#pragma once

#include "sensitivewordlist.h"

#include <QDialog>

class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace ListingDesk {

/// Lets the user edit the sensitive-word list, one word per line, or add the
/// words of a text file. OK saves the list to the settings; Cancel forgets
/// every change, imports included.
class SensitiveWordsDialog : public QDialog
{
    Q_OBJECT
public:
    explicit SensitiveWordsDialog(QWidget *parent = nullptr);

    /// The words as the editor shows them now (normalised).
    QStringList words() const;
    /// Adds the words of \a path to the editor; false and a message on error.
    /// The file dialog behind the button ends here too.
    bool importFile(const QString &path);

    void accept() override;

signals:
    /// After OK stored a list.
    void wordsSaved(const QStringList &words);

private:
    void chooseFile();
    void updateCount();

    QPlainTextEdit *m_wordsEdit;
    QLabel *m_countLabel;
    QLabel *m_messageLabel;
    QPushButton *m_importButton;
};

} // namespace ListingDesk
