#pragma once

#include <QDBusConnection>
#include <QObject>
#include <QString>

class QSystemTrayIcon;

namespace ListingDesk {

/// A desktop notification ("600 listings published"): the freedesktop
/// Notifications service over D-Bus when a session bus offers it, else the
/// tray's balloon when there is a tray, else nothing at all. Never blocks,
/// never shows a window, so it is harmless offscreen and in tests.
class DesktopNotifier : public QObject
{
    Q_OBJECT
public:
    enum class Channel { None, DBus, Tray };

    explicit DesktopNotifier(QObject *parent = nullptr);
    /// Talks to the bus behind \a bus instead of the session bus (tests run a private one).
    void setBus(const QDBusConnection &bus) { m_bus = bus; }

    /// Shows \a title and \a body; returns the channel used.
    Channel notify(const QString &title, const QString &body);
    Channel lastChannel() const { return m_lastChannel; }

private:
    bool notifyOverDBus(const QString &title, const QString &body);

    QDBusConnection m_bus;
    QSystemTrayIcon *m_tray = nullptr;
    Channel m_lastChannel = Channel::None;
};

} // namespace ListingDesk
