#include "teamlibrarydialog.h"

#include "appsettings.h"
#include "credentialstore.h"
#include "database.h"
#include "databaselocation.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QThread>
#include <QUrl>
#include <QVBoxLayout>

#include <memory>

namespace ListingDesk {

TeamLibraryDialog::TeamLibraryDialog(CredentialStore *credentials, QWidget *parent)
    : QDialog(parent), m_credentials(credentials)
{
    setObjectName(QStringLiteral("teamLibraryDialog"));
    setWindowTitle(tr("Connect to Team Library"));

    auto *intro = new QLabel(tr("A team library is one library on a PostgreSQL server that "
                                "several editors share. Ask its administrator for these details."),
                             this);
    intro->setWordWrap(true);

    m_hostLineEdit = new QLineEdit(this);
    m_hostLineEdit->setObjectName(QStringLiteral("hostLineEdit"));
    m_hostLineEdit->setPlaceholderText(tr("db.example.com"));
    m_portSpinBox = new QSpinBox(this);
    m_portSpinBox->setObjectName(QStringLiteral("portSpinBox"));
    m_portSpinBox->setRange(1, 65535);
    m_portSpinBox->setValue(5432);
    m_databaseLineEdit = new QLineEdit(this);
    m_databaseLineEdit->setObjectName(QStringLiteral("databaseLineEdit"));
    m_databaseLineEdit->setPlaceholderText(tr("listings"));
    m_userLineEdit = new QLineEdit(this);
    m_userLineEdit->setObjectName(QStringLiteral("userLineEdit"));
    m_passwordLineEdit = new QLineEdit(this);
    m_passwordLineEdit->setObjectName(QStringLiteral("passwordLineEdit"));
    m_passwordLineEdit->setEchoMode(QLineEdit::Password);
    m_rememberCheckBox = new QCheckBox(tr("&Remember the password in the system keychain"), this);
    m_rememberCheckBox->setObjectName(QStringLiteral("rememberCheckBox"));

    auto *form = new QFormLayout;
    form->addRow(tr("&Host:"), m_hostLineEdit);
    form->addRow(tr("&Port:"), m_portSpinBox);
    form->addRow(tr("&Database:"), m_databaseLineEdit);
    form->addRow(tr("&User:"), m_userLineEdit);
    form->addRow(tr("Pass&word:"), m_passwordLineEdit);
    form->addRow(QString(), m_rememberCheckBox);

    m_statusLabel = new QLabel(this);
    m_statusLabel->setObjectName(QStringLiteral("statusLabel"));
    m_statusLabel->setWordWrap(true);
    m_statusLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    // Room for two lines of an error without the dialog jumping in size.
    m_statusLabel->setMinimumHeight(2 * fontMetrics().lineSpacing());
    m_statusLabel->setAlignment(Qt::AlignLeft | Qt::AlignTop);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->setObjectName(QStringLiteral("teamLibraryButtonBox"));
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("C&onnect"));
    m_testButton = m_buttons->addButton(tr("&Test Connection"), QDialogButtonBox::ActionRole);
    m_testButton->setObjectName(QStringLiteral("testButton"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &TeamLibraryDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &TeamLibraryDialog::reject);
    connect(m_testButton, &QPushButton::clicked, this, [this] { tryConnection(Purpose::Test); });

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_statusLabel);
    layout->addWidget(m_buttons);
    setMinimumWidth(460);

    for (QLineEdit *edit : {m_hostLineEdit, m_databaseLineEdit, m_userLineEdit}) {
        connect(edit, &QLineEdit::textChanged, this, &TeamLibraryDialog::updateButtons);
        // Another library: its own remembered password, if any.
        connect(edit, &QLineEdit::editingFinished, this,
                &TeamLibraryDialog::lookUpRememberedPassword);
    }
    connect(m_portSpinBox, &QSpinBox::editingFinished, this,
            &TeamLibraryDialog::lookUpRememberedPassword);
    connect(m_passwordLineEdit, &QLineEdit::textEdited, this,
            [this] { m_passwordFromStore = false; });

    // The last team library is the likeliest one to connect to again.
    const QStringList recent = AppSettings::recentTeamLibraries();
    if (!recent.isEmpty())
        setLocation(recent.first());
    updateButtons();
}

TeamLibraryDialog::~TeamLibraryDialog()
{
    // The fields outlive this destructor a little (QWidget deletes them), and
    // one losing the focus then would call into a half-destroyed dialog.
    for (QObject *field : std::initializer_list<QObject *>{
             m_hostLineEdit, m_portSpinBox, m_databaseLineEdit, m_userLineEdit, m_passwordLineEdit})
        disconnect(field, nullptr, this, nullptr);
    // A test still running ends within connect_timeout; it must not outlive
    // the QThread object that runs it.
    if (m_probe) {
        m_probe->wait();
        delete m_probe.data();
    }
}

void TeamLibraryDialog::setLocation(const QString &location)
{
    auto parsed = DatabaseLocation::parse(location);
    if (!parsed || !parsed.value().isPostgres())
        return;
    const DatabaseLocation &place = parsed.value();
    m_hostLineEdit->setText(place.host());
    m_portSpinBox->setValue(place.port());
    m_databaseLineEdit->setText(place.databaseName());
    m_userLineEdit->setText(place.userName());
    // Only a password written in this URL; not one parse() found elsewhere.
    m_passwordLineEdit->setText(QUrl(location).password());
    m_passwordFromStore = false;
    lookUpRememberedPassword();
}

QString TeamLibraryDialog::location() const
{
    return DatabaseLocation::postgresUrl(
        m_hostLineEdit->text().trimmed(), m_portSpinBox->value(),
        m_databaseLineEdit->text().trimmed(), m_userLineEdit->text().trimmed(),
        m_passwordLineEdit->text(),
        {QStringLiteral("connect_timeout=%1").arg(connectTimeoutSeconds)});
}

QString TeamLibraryDialog::locationWithoutPassword() const
{
    return DatabaseLocation::postgresUrl(m_hostLineEdit->text().trimmed(), m_portSpinBox->value(),
                                         m_databaseLineEdit->text().trimmed(),
                                         m_userLineEdit->text().trimmed());
}

void TeamLibraryDialog::updateButtons()
{
    const bool complete = !m_hostLineEdit->text().trimmed().isEmpty() &&
                          !m_databaseLineEdit->text().trimmed().isEmpty() &&
                          !m_userLineEdit->text().trimmed().isEmpty();
    const bool idle = !m_probe;
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(complete && idle);
    m_testButton->setEnabled(complete && idle);
}

void TeamLibraryDialog::lookUpRememberedPassword()
{
    if (m_userLineEdit->text().trimmed().isEmpty() || m_hostLineEdit->text().trimmed().isEmpty())
        return;
    // A password the user typed wins over a remembered one.
    if (!m_passwordLineEdit->text().isEmpty() && !m_passwordFromStore)
        return;
    auto key = DatabaseLocation::parse(locationWithoutPassword());
    if (!key)
        return;
    const QString wanted = key.value().displayName();
    m_credentials->readSecret(wanted, this, [this, wanted](const Result<QString> &password) {
        // The fields may have moved on to another library meanwhile.
        auto now = DatabaseLocation::parse(locationWithoutPassword());
        if (!now || now.value().displayName() != wanted)
            return;
        if (!m_passwordLineEdit->text().isEmpty() && !m_passwordFromStore)
            return;
        if (!password) {
            if (m_passwordFromStore)
                m_passwordLineEdit->clear();
            m_passwordFromStore = false;
            return;
        }
        m_passwordLineEdit->setText(password.value());
        m_passwordFromStore = true;
        m_rememberCheckBox->setChecked(true);
    });
}

void TeamLibraryDialog::accept()
{
    if (m_probe || !m_buttons->button(QDialogButtonBox::Ok)->isEnabled())
        return;
    tryConnection(Purpose::Accept);
}

void TeamLibraryDialog::tryConnection(Purpose purpose)
{
    if (m_probe)
        return;
    const QString target = location();
    // The result travels back through this shared slot: the thread writes it
    // before it finishes, the GUI thread reads it after.
    auto outcome = std::make_shared<Result<int>>(makeError(Error::Kind::Database, QString()));
    QThread *probe = QThread::create([target, outcome] {
        // Target version 0: connect and read the format, never change anything.
        Database database;
        auto opened = database.open(target, 0);
        *outcome = opened ? Result<int>(database.schemaVersion()) : Result<int>(opened.error());
    });
    probe->setObjectName(QStringLiteral("teamLibraryProbe"));
    m_probe = probe;
    connect(probe, &QThread::finished, this, [this, probe, purpose, outcome] {
        m_probe = nullptr;
        probe->deleteLater();
        connectionFinished(purpose, *outcome);
    });
    showStatus(tr("Connecting to %1…").arg(m_hostLineEdit->text().trimmed()), false);
    updateButtons();
    probe->start();
}

void TeamLibraryDialog::connectionFinished(Purpose purpose, const Result<int> &version)
{
    updateButtons();
    if (!version) {
        m_lastFailure = classify(version.error());
        showStatus(messageFor(m_lastFailure, version.error()), true);
        emit connectionTested(false);
        return;
    }
    m_lastFailure = Failure::None;
    showStatus(
        version.value() == 0
            ? tr("Connected. The database is empty: Connect sets up a new team library "
                 "in it.")
            : tr("Connected to the team library %1.")
                  .arg(DatabaseLocation::parse(locationWithoutPassword()).value().shortName()),
        false);
    emit connectionTested(true);
    if (purpose != Purpose::Accept)
        return;
    const QString key = DatabaseLocation::parse(locationWithoutPassword()).value().displayName();
    // The store outlives the dialog, so the keychain job may finish after it.
    auto logOnly = [](const auto &) {};
    if (m_rememberCheckBox->isChecked() && !m_passwordLineEdit->text().isEmpty())
        m_credentials->writeSecret(key, m_passwordLineEdit->text(), m_credentials, logOnly);
    else
        m_credentials->removeSecret(key, m_credentials, logOnly);
    AppSettings::addRecentTeamLibrary(key);
    QDialog::accept();
}

void TeamLibraryDialog::showStatus(const QString &text, bool error)
{
    m_statusLabel->setText(text);
    m_statusLabel->setStyleSheet(error ? QStringLiteral("color: #c0392b;") : QString());
}

TeamLibraryDialog::Failure TeamLibraryDialog::classify(const Error &error)
{
    if (error.kind == Error::Kind::TooNew)
        return Failure::TooNew;
    const QString text = error.message;
    auto has = [&text](const char *words) {
        return text.contains(QLatin1String(words), Qt::CaseInsensitive);
    };
    // libpq's (English) messages; a translated libpq falls through to Other,
    // which still shows its words.
    if (has("password authentication failed") || has("no password supplied") ||
        has("pg_hba.conf") || has("authentication failed") || has("role \"") ||
        has("permission denied for database"))
        return Failure::Authentication;
    if (has("database \"") && has("does not exist"))
        return Failure::MissingDatabase;
    // Not "could not connect": our own wrapping of every message says that.
    if (has("connection refused") || has("timeout expired") ||
        has("could not translate host name") || has("network is unreachable") ||
        has("no route to host") || has("connection to server"))
        return Failure::Unreachable;
    return Failure::Other;
}

QString TeamLibraryDialog::messageFor(Failure failure, const Error &error) const
{
    const QString host = m_hostLineEdit->text().trimmed();
    switch (failure) {
    case Failure::Unreachable:
        return tr("The server %1 on port %2 does not answer. Check the host name and port, and "
                  "that the server accepts connections from this computer.")
            .arg(host)
            .arg(m_portSpinBox->value());
    case Failure::Authentication:
        return tr("The server refused the user %1: check the user name and the password.")
            .arg(m_userLineEdit->text().trimmed());
    case Failure::MissingDatabase:
        return tr("The server has no database called %1. Check the name, or ask the server's "
                  "administrator to create it.")
            .arg(m_databaseLineEdit->text().trimmed());
    case Failure::TooNew:
    case Failure::Other:
    case Failure::None:
        break;
    }
    return error.message;
}

} // namespace ListingDesk
