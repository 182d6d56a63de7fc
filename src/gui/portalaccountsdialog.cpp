#include "portalaccountsdialog.h"

#include "library.h"
#include "portalconnector.h"
#include "synccontroller.h"
#include "themecolors.h"
#include "wordpressclient.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace ListingDesk {

namespace {

constexpr int idRole = Qt::UserRole + 1;

QString line(const QString &mark, const QString &color, const QString &text)
{
    return QStringLiteral("<tr><td style=\"color:%1; font-weight:bold; padding-right:6px\">%2</td>"
                          "<td>%3</td></tr>")
        .arg(color, mark, text);
}

QString modeText(PortalMode mode)
{
    switch (mode) {
    case PortalMode::Plugin:
        return PortalAccountsDialog::tr("Companion plugin");
    case PortalMode::Plain:
        return PortalAccountsDialog::tr("Plain WordPress");
    case PortalMode::Unknown:
        break;
    }
    return PortalAccountsDialog::tr("Not tested yet");
}

} // namespace

PortalAccountsDialog::PortalAccountsDialog(Library &library, SyncController *sync, QWidget *parent)
    : QDialog(parent), m_library(library), m_sync(sync)
{
    setObjectName(QStringLiteral("portalAccountsDialog"));
    setWindowTitle(tr("Portals"));
    createWidgets();
    reloadList(0);
    if (m_portalList->count() == 0)
        addPortal();
}

void PortalAccountsDialog::createWidgets()
{
    m_portalList = new QListWidget(this);
    m_portalList->setObjectName(QStringLiteral("portalListWidget"));
    m_portalList->setAccessibleName(tr("Portal accounts"));
    m_portalList->setMinimumWidth(160);
    connect(m_portalList, &QListWidget::currentItemChanged, this,
            &PortalAccountsDialog::currentItemChanged);
    m_addButton = new QPushButton(tr("&Add"), this);
    m_addButton->setObjectName(QStringLiteral("addPortalButton"));
    connect(m_addButton, &QPushButton::clicked, this, &PortalAccountsDialog::addPortal);
    m_removeButton = new QPushButton(tr("&Remove…"), this);
    m_removeButton->setObjectName(QStringLiteral("removePortalButton"));
    connect(m_removeButton, &QPushButton::clicked, this, &PortalAccountsDialog::removePortal);
    auto *listButtons = new QHBoxLayout;
    listButtons->addWidget(m_addButton);
    listButtons->addWidget(m_removeButton);
    auto *left = new QVBoxLayout;
    left->addWidget(m_portalList);
    left->addLayout(listButtons);

    auto lineEdit = [this](const char *name) {
        auto *edit = new QLineEdit(this);
        edit->setObjectName(QLatin1String(name));
        return edit;
    };
    m_nameEdit = lineEdit("nameLineEdit");
    m_nameEdit->setPlaceholderText(tr("e.g. Changzhi portal"));
    m_urlEdit = lineEdit("urlLineEdit");
    m_urlEdit->setPlaceholderText(QStringLiteral("https://portal.example.com"));
    connect(m_urlEdit, &QLineEdit::textChanged, this, &PortalAccountsDialog::updatePlainHttpNotice);
    m_userEdit = lineEdit("userLineEdit");
    m_passwordEdit = lineEdit("passwordLineEdit");
    m_passwordEdit->setEchoMode(QLineEdit::Password);
    m_passwordEdit->setToolTip(tr("An application password from the portal's Users → Profile "
                                  "page, not your login password."));
    m_plainHttpCheck = new QCheckBox(tr("Allow plain http:// to this host (unencrypted: the "
                                        "password and listings can be read on the way)"),
                                     this);
    m_plainHttpCheck->setObjectName(QStringLiteral("allowPlainHttpCheckBox"));
    m_plainHttpCheck->setVisible(false);
    m_createTermsCheck =
        new QCheckBox(tr("Create missing categories and cities on the portal"), this);
    m_createTermsCheck->setObjectName(QStringLiteral("createTermsCheckBox"));
    auto spin = [this](const char *name) {
        auto *box = new QSpinBox(this);
        box->setObjectName(QLatin1String(name));
        box->setRange(0, 1000000);
        box->setSpecialValueText(tr("no limit"));
        return box;
    };
    m_titleLimitSpin = spin("titleLimitSpinBox");
    m_bodyLimitSpin = spin("bodyLimitSpinBox");
    m_modeLabel = new QLabel(this);
    m_modeLabel->setObjectName(QStringLiteral("modeLabel"));
    m_passwordNoteLabel = new QLabel(this);
    m_passwordNoteLabel->setObjectName(QStringLiteral("passwordNoteLabel"));
    m_passwordNoteLabel->setWordWrap(true);

    auto *form = new QFormLayout;
    form->addRow(tr("&Name:"), m_nameEdit);
    form->addRow(tr("&Site address:"), m_urlEdit);
    form->addRow(QString(), m_plainHttpCheck);
    form->addRow(tr("&User:"), m_userEdit);
    form->addRow(tr("Application &password:"), m_passwordEdit);
    form->addRow(QString(), m_passwordNoteLabel);
    form->addRow(QString(), m_createTermsCheck);
    form->addRow(tr("&Title limit (characters):"), m_titleLimitSpin);
    form->addRow(tr("Article &limit (characters):"), m_bodyLimitSpin);
    form->addRow(tr("Mode:"), m_modeLabel);

    m_testButton = new QPushButton(tr("&Test Connection"), this);
    m_testButton->setObjectName(QStringLiteral("testConnectionButton"));
    connect(m_testButton, &QPushButton::clicked, this, &PortalAccountsDialog::testConnection);
    m_saveButton = new QPushButton(tr("&Save"), this);
    m_saveButton->setObjectName(QStringLiteral("savePortalButton"));
    connect(m_saveButton, &QPushButton::clicked, this, &PortalAccountsDialog::save);
    auto *formButtons = new QHBoxLayout;
    formButtons->addStretch();
    formButtons->addWidget(m_testButton);
    formButtons->addWidget(m_saveButton);

    m_reportLabel = new QLabel(this);
    m_reportLabel->setObjectName(QStringLiteral("connectionReportLabel"));
    m_reportLabel->setAccessibleName(tr("Connection test result"));
    m_reportLabel->setWordWrap(true);
    m_reportLabel->setTextFormat(Qt::RichText);
    m_reportLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_reportLabel->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    // Room for every step, so that the dialog does not jump as results come in.
    m_reportLabel->setMinimumHeight(130);
    auto *right = new QVBoxLayout;
    right->addLayout(form);
    right->addLayout(formButtons);
    right->addWidget(m_reportLabel);
    right->addStretch(1);

    auto *columns = new QHBoxLayout;
    columns->addLayout(left, 1);
    columns->addLayout(right, 3);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(columns);
    layout->addWidget(buttons);
    resize(780, 520);
}

void PortalAccountsDialog::reloadList(qint64 selectId)
{
    const QSignalBlocker blocker(m_portalList);
    m_portalList->clear();
    auto portals = m_library.portals().all();
    if (!portals) {
        showResult(portals.error().message.toHtmlEscaped());
        return;
    }
    for (const PortalInfo &portal : portals.value()) {
        auto *item = new QListWidgetItem(portal.name, m_portalList);
        item->setData(idRole, portal.id);
        if (portal.id == selectId)
            m_portalList->setCurrentItem(item);
    }
    m_removeButton->setEnabled(selectId != 0);
}

void PortalAccountsDialog::selectPortal(qint64 id)
{
    for (int i = 0; i < m_portalList->count(); ++i) {
        if (m_portalList->item(i)->data(idRole).toLongLong() == id) {
            m_portalList->setCurrentRow(i);
            return;
        }
    }
}

void PortalAccountsDialog::currentItemChanged()
{
    const QListWidgetItem *item = m_portalList->currentItem();
    if (!item)
        return;
    auto portal = m_library.portals().portal(item->data(idRole).toLongLong());
    if (!portal) {
        showResult(portal.error().message.toHtmlEscaped());
        return;
    }
    showPortal(portal.value());
}

void PortalAccountsDialog::showPortal(const PortalInfo &portal)
{
    m_portal = portal;
    m_testedMode = PortalMode::Unknown;
    m_nameEdit->setText(portal.name);
    m_urlEdit->setText(portal.baseUrl);
    m_userEdit->setText(portal.username);
    m_passwordEdit->clear();
    m_passwordEdit->setPlaceholderText(portal.id ? tr("stored; type a new one to replace it")
                                                 : tr("application password"));
    m_plainHttpCheck->setChecked(portal.allowPlainHttp);
    m_createTermsCheck->setChecked(portal.createTerms);
    m_titleLimitSpin->setValue(portal.titleLimit);
    m_bodyLimitSpin->setValue(portal.bodyLimit);
    m_modeLabel->setText(modeText(portal.mode));
    m_removeButton->setEnabled(portal.id != 0);
    m_reportLabel->clear();
    m_passwordNoteLabel->clear();
    updatePlainHttpNotice();
}

void PortalAccountsDialog::addPortal()
{
    const QSignalBlocker blocker(m_portalList);
    m_portalList->clearSelection();
    m_portalList->setCurrentItem(nullptr);
    showPortal(PortalInfo{});
    m_nameEdit->setFocus();
}

void PortalAccountsDialog::removePortal()
{
    if (!m_portal.id)
        return;
    // Not exec(): the dialog stays responsive and tests can answer the question.
    auto *box = new QMessageBox(QMessageBox::Question, tr("Remove the portal"),
                                tr("Remove “%1”? Its stored password and the record of which "
                                   "listings were published there are removed too. The posts "
                                   "on the portal stay.")
                                    .arg(m_portal.name),
                                QMessageBox::Yes | QMessageBox::Cancel, this);
    box->setObjectName(QStringLiteral("removePortalMessageBox"));
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this](int result) {
        if (result == QMessageBox::Yes)
            removeConfirmed();
    });
    box->open();
}

void PortalAccountsDialog::removeConfirmed()
{
    const PortalInfo portal = m_portal;
    m_sync->credentials()->remove(portal, this, [this](const Result<void> &removed) {
        if (!removed)
            m_passwordNoteLabel->setText(removed.error().message);
    });
    if (auto done = m_library.portals().remove(portal.id); !done) {
        showResult(done.error().message.toHtmlEscaped());
        return;
    }
    m_sync->connector()->forget(portal.id);
    reloadList(0);
    if (m_portalList->count() > 0)
        m_portalList->setCurrentRow(0);
    else
        addPortal();
    emit portalsChanged();
}

PortalInfo PortalAccountsDialog::portalFromForm() const
{
    PortalInfo portal = m_portal;
    portal.name = m_nameEdit->text().trimmed();
    portal.baseUrl = m_urlEdit->text().trimmed();
    portal.username = m_userEdit->text().trimmed();
    portal.allowPlainHttp = !m_plainHttpCheck->isHidden() && m_plainHttpCheck->isChecked();
    portal.createTerms = m_createTermsCheck->isChecked();
    portal.titleLimit = m_titleLimitSpin->value();
    portal.bodyLimit = m_bodyLimitSpin->value();
    if (m_testedMode != PortalMode::Unknown)
        portal.mode = m_testedMode;
    return portal;
}

QString PortalAccountsDialog::formProblem(const PortalInfo &portal) const
{
    if (portal.name.isEmpty())
        return tr("Give the portal a name.");
    const QUrl url(portal.baseUrl);
    if (!url.isValid() || url.host().isEmpty() ||
        (url.scheme() != QLatin1String("https") && url.scheme() != QLatin1String("http")))
        return tr("The site address must be a web address starting with https://.");
    if (portal.username.isEmpty())
        return tr("Enter the user name you sign in to the portal with.");
    if (!PortalConnector::isPlainHttpAllowed(portal))
        return tr("Plain http:// to another machine sends the password and every listing "
                  "unencrypted. Use https://, or tick “Allow plain http://” to confirm.");
    return {};
}

void PortalAccountsDialog::updatePlainHttpNotice()
{
    const QUrl url(m_urlEdit->text().trimmed());
    m_plainHttpCheck->setVisible(url.scheme() == QLatin1String("http") && !url.host().isEmpty() &&
                                 !PortalConnector::isLocalHost(url));
}

void PortalAccountsDialog::showResult(const QString &html)
{
    m_reportLabel->setText(html);
}

void PortalAccountsDialog::save()
{
    const PortalInfo portal = portalFromForm();
    if (const QString problem = formProblem(portal); !problem.isEmpty()) {
        showResult(line(QStringLiteral("✗"), ThemeColors::errorText(palette()).name(),
                        problem.toHtmlEscaped())
                       .prepend(QStringLiteral("<table>"))
                       .append(QStringLiteral("</table>")));
        emit saveFinished(false);
        return;
    }
    PortalInfo saved = portal;
    if (portal.id) {
        if (auto done = m_library.portals().update(portal); !done) {
            showResult(done.error().message.toHtmlEscaped());
            emit saveFinished(false);
            return;
        }
    } else {
        auto added = m_library.portals().add(portal);
        if (!added) {
            showResult(added.error().message.toHtmlEscaped());
            emit saveFinished(false);
            return;
        }
        saved.id = added.value();
    }
    const QString password = m_passwordEdit->text();
    const PortalMode tested = m_testedMode;
    m_sync->connector()->forget(saved.id);
    reloadList(saved.id);
    m_portal = saved;
    m_testedMode = tested;
    m_removeButton->setEnabled(true);
    m_passwordEdit->clear();
    m_passwordEdit->setPlaceholderText(tr("stored; type a new one to replace it"));
    emit portalsChanged();
    if (password.isEmpty()) {
        emit saveFinished(true);
        return;
    }
    m_sync->credentials()->write(saved, password, this, [this](const Result<void> &written) {
        // The store keeps it for the session even when the keychain refused it.
        m_passwordNoteLabel->setText(
            written ? tr("The password is stored in the system keychain.")
                    : tr("No keychain is available: the password is kept in memory for this "
                         "session only."));
        m_passwordNoteLabel->setToolTip(written ? QString() : written.error().message);
        emit saveFinished(true);
    });
}

void PortalAccountsDialog::testConnection()
{
    const PortalInfo portal = portalFromForm();
    if (const QString problem = formProblem(portal); !problem.isEmpty()) {
        showResult(QStringLiteral("<table>%1</table>")
                       .arg(line(QStringLiteral("✗"), ThemeColors::errorText(palette()).name(),
                                 problem.toHtmlEscaped())));
        emit connectionTested(false);
        return;
    }
    const QString typed = m_passwordEdit->text();
    if (!typed.isEmpty() || !portal.id) {
        probeWith(portal, typed);
        return;
    }
    m_sync->credentials()->read(portal, this, [this, portal](const Result<QString> &password) {
        if (!password) {
            showResult(QStringLiteral("<table>%1</table>")
                           .arg(line(QStringLiteral("✗"), ThemeColors::errorText(palette()).name(),
                                     tr("No password is stored for this portal: type its "
                                        "application password.")
                                         .toHtmlEscaped())));
            emit connectionTested(false);
            return;
        }
        probeWith(portal, password.value());
    });
}

void PortalAccountsDialog::probeWith(const PortalInfo &portal, const QString &password)
{
    if (m_probeClient)
        m_probeClient->deleteLater();
    PortalEndpoint endpoint;
    endpoint.baseUrl = QUrl(portal.baseUrl);
    endpoint.username = portal.username;
    endpoint.password = password;
    endpoint.timeoutMs = m_sync->timeoutMs();
    m_probeClient = new WordPressClient(m_sync->networkAccessManager(), endpoint, this);
    m_testButton->setEnabled(false);
    showResult(tr("Testing the connection to %1…").arg(portal.baseUrl.toHtmlEscaped()));
    const qint64 portalId = portal.id;
    m_probeClient->probe(this, [this, portalId](const PortalResult<ConnectionReport> &result) {
        m_testButton->setEnabled(true);
        ConnectionReport report;
        if (result)
            report = result.value();
        else
            report.problem = result.error();
        showResult(reportHtml(report));
        if (report.authenticated) {
            m_testedMode = report.companionPlugin ? PortalMode::Plugin : PortalMode::Plain;
            m_modeLabel->setText(modeText(m_testedMode));
            // A saved portal keeps what the test found; a new one gets it on save.
            if (portalId && portalId == m_portal.id) {
                if (auto set = m_library.portals().setMode(portalId, m_testedMode); set) {
                    m_portal.mode = m_testedMode;
                    m_sync->connector()->forget(portalId);
                }
            }
        }
        emit connectionTested(!report.problem && report.authenticated);
    });
}

QString PortalAccountsDialog::reportHtml(const ConnectionReport &report)
{
    const QString okMark = QStringLiteral("✓");
    const QString badMark = QStringLiteral("✗");
    const QString green = ThemeColors::successText(QGuiApplication::palette()).name();
    const QString red = ThemeColors::errorText(QGuiApplication::palette()).name();
    const QString grey = ThemeColors::mutedText(QGuiApplication::palette()).name();
    struct Step
    {
        bool ok;
        QString passed;
        QString failed;
    };
    const Step steps[] = {
        {report.reachable,
         report.siteName.isEmpty() ? tr("Reachable")
                                   : tr("Reachable: “%1”").arg(report.siteName.toHtmlEscaped()),
         tr("Not reachable")},
        {report.restApi, tr("REST API found"), tr("No WordPress REST API at this address")},
        {report.authenticated,
         tr("Credentials accepted (signed in as %1)").arg(report.userName.toHtmlEscaped()),
         tr("Credentials not accepted")},
    };
    QString rows;
    bool failedBefore = false;
    for (const Step &step : steps) {
        if (failedBefore)
            rows += line(QStringLiteral("–"), grey, tr("%1: not checked").arg(step.passed));
        else if (step.ok)
            rows += line(okMark, green, step.passed);
        else
            rows += line(badMark, red, step.failed);
        failedBefore = failedBefore || !step.ok;
    }
    if (!failedBefore) {
        if (report.companionPlugin)
            rows += line(okMark, green,
                         tr("Companion plugin present (version %1)")
                             .arg(report.pluginVersion.toHtmlEscaped()));
        else
            rows += line(QStringLiteral("i"), grey,
                         tr("Plain WordPress mode: the companion plugin is not installed, so "
                            "cities become tags and contact and price go at the end of the "
                            "article."));
        if (!report.features.isEmpty())
            rows += line(
                okMark, green,
                tr("Features: %1").arg(report.features.join(QStringLiteral(", ")).toHtmlEscaped()));
    }
    if (report.problem)
        rows += line(QStringLiteral("!"), red, describe(*report.problem).toHtmlEscaped());
    return QStringLiteral("<table>%1</table>").arg(rows);
}

} // namespace ListingDesk
