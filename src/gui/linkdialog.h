#pragma once

#include <QDialog>

class QLineEdit;

namespace ListingDesk {

/// Asks for a link's address (and its text when nothing is selected).
/// Shown with open(), never exec(): the caller reacts to accepted().
class LinkDialog : public QDialog
{
    Q_OBJECT
public:
    explicit LinkDialog(QWidget *parent = nullptr);

    void setUrl(const QString &url);
    QString url() const;
    void setText(const QString &text);
    QString text() const;
    /// Hides the text field when the link goes on selected text.
    void setTextEditable(bool editable);

private:
    QLineEdit *m_urlLineEdit;
    QLineEdit *m_textLineEdit;
};

} // namespace ListingDesk
