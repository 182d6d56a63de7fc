#include "linkdialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLineEdit>
#include <QPushButton>

namespace ListingDesk {

LinkDialog::LinkDialog(QWidget *parent)
    : QDialog(parent), m_urlLineEdit(new QLineEdit(this)), m_textLineEdit(new QLineEdit(this))
{
    setObjectName(QStringLiteral("linkDialog"));
    setWindowTitle(tr("Link"));
    m_urlLineEdit->setObjectName(QStringLiteral("linkUrlLineEdit"));
    m_urlLineEdit->setAccessibleName(tr("Link address"));
    m_urlLineEdit->setPlaceholderText(QStringLiteral("https://"));
    m_urlLineEdit->setMinimumWidth(320);
    m_textLineEdit->setObjectName(QStringLiteral("linkTextLineEdit"));
    m_textLineEdit->setAccessibleName(tr("Link text"));

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    const auto updateOk = [this, buttons] {
        buttons->button(QDialogButtonBox::Ok)
            ->setEnabled(!m_urlLineEdit->text().trimmed().isEmpty());
    };
    connect(m_urlLineEdit, &QLineEdit::textChanged, this, updateOk);
    updateOk();

    auto *layout = new QFormLayout(this);
    layout->addRow(tr("&Address:"), m_urlLineEdit);
    layout->addRow(tr("&Text:"), m_textLineEdit);
    layout->addRow(buttons);
}

void LinkDialog::setUrl(const QString &url)
{
    m_urlLineEdit->setText(url);
    m_urlLineEdit->selectAll();
}

QString LinkDialog::url() const
{
    return m_urlLineEdit->text().trimmed();
}

void LinkDialog::setText(const QString &text)
{
    m_textLineEdit->setText(text);
}

QString LinkDialog::text() const
{
    return m_textLineEdit->text();
}

void LinkDialog::setTextEditable(bool editable)
{
    m_textLineEdit->setEnabled(editable);
}

} // namespace ListingDesk
