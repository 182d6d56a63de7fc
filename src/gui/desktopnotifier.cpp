#include "desktopnotifier.h"

#include <QCoreApplication>
#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QGuiApplication>
#include <QSystemTrayIcon>
#include <QVariantMap>

namespace ListingDesk {

namespace {
const QString service = QStringLiteral("org.freedesktop.Notifications");
const QString path = QStringLiteral("/org/freedesktop/Notifications");
} // namespace

DesktopNotifier::DesktopNotifier(QObject *parent)
    : QObject(parent), m_bus(QDBusConnection::sessionBus())
{
}

DesktopNotifier::Channel DesktopNotifier::notify(const QString &title, const QString &body)
{
    m_lastChannel = Channel::None;
    if (notifyOverDBus(title, body)) {
        m_lastChannel = Channel::DBus;
    } else if (QSystemTrayIcon::isSystemTrayAvailable() && QSystemTrayIcon::supportsMessages()) {
        if (!m_tray) {
            m_tray = new QSystemTrayIcon(QGuiApplication::windowIcon(), this);
            m_tray->setToolTip(QCoreApplication::applicationName());
        }
        m_tray->show();
        m_tray->showMessage(title, body, QSystemTrayIcon::Information, 10000);
        m_lastChannel = Channel::Tray;
    }
    return m_lastChannel;
}

bool DesktopNotifier::notifyOverDBus(const QString &title, const QString &body)
{
    QDBusConnection &bus = m_bus;
    if (!bus.isConnected() || !bus.interface())
        return false;
    // A short synchronous question to the bus daemon (not to the service),
    // so that a desktop without a notification daemon falls back to the tray.
    if (!bus.interface()->isServiceRegistered(service).value())
        return false;
    QDBusMessage call =
        QDBusMessage::createMethodCall(service, path, service, QStringLiteral("Notify"));
    call << QCoreApplication::applicationName() << uint(0) << QStringLiteral("document-send")
         << title << body << QStringList{} << QVariantMap{} << int(-1);
    // Fire and forget: the reply (the notification id) is of no use to us.
    return bus.send(call);
}

} // namespace ListingDesk
