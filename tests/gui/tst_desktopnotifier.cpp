// The end-of-batch desktop notification: against a private D-Bus daemon
// where a fake org.freedesktop.Notifications service records what it is
// sent, and silent (no window, no error) with no bus and no tray, as
// offscreen and in CI.
#include "desktopnotifier.h"

#include <QDBusAbstractAdaptor>
#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QProcess>
#include <QStandardPaths>
#include <QTest>
#include <QVariantMap>

using namespace ListingDesk;

namespace {

/// What a desktop's notification daemon is, as far as Notify goes.
class FakeNotifications : public QObject
{
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.freedesktop.Notifications")
public:
    QStringList summaries;
    QStringList bodies;

public slots:
    uint Notify(const QString &appName, uint replacesId, const QString &icon,
                const QString &summary, const QString &body, const QStringList &actions,
                const QVariantMap &hints, int timeout)
    {
        Q_UNUSED(appName);
        Q_UNUSED(replacesId);
        Q_UNUSED(icon);
        Q_UNUSED(actions);
        Q_UNUSED(hints);
        Q_UNUSED(timeout);
        summaries << summary;
        bodies << body;
        return uint(summaries.size());
    }
};

} // namespace

class TestDesktopNotifier : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void noServiceNoTrayIsSilent();
    void notifiesOverDBus();

private:
    QProcess m_daemon;
    QString m_address;
};

void TestDesktopNotifier::initTestCase()
{
    const QString daemon = QStandardPaths::findExecutable(QStringLiteral("dbus-daemon"));
    if (daemon.isEmpty())
        return; // notifiesOverDBus skips
    m_daemon.start(daemon, {QStringLiteral("--session"), QStringLiteral("--nofork"),
                            QStringLiteral("--print-address")});
    QVERIFY(m_daemon.waitForStarted());
    QTRY_VERIFY(m_daemon.canReadLine());
    m_address = QString::fromUtf8(m_daemon.readLine()).trimmed();
    QVERIFY(!m_address.isEmpty());
}

void TestDesktopNotifier::cleanupTestCase()
{
    QDBusConnection::disconnectFromBus(QStringLiteral("service"));
    QDBusConnection::disconnectFromBus(QStringLiteral("client"));
    if (m_daemon.state() != QProcess::NotRunning) {
        m_daemon.terminate();
        m_daemon.waitForFinished(3000);
    }
}

void TestDesktopNotifier::noServiceNoTrayIsSilent()
{
    DesktopNotifier notifier;
    // A connection to nowhere, as without a session bus.
    notifier.setBus(QDBusConnection::connectToBus(QStringLiteral("unix:path=/nonexistent/bus"),
                                                  QStringLiteral("nowhere")));
    QCOMPARE(notifier.notify(QStringLiteral("Publishing finished"), QStringLiteral("3 of 3")),
             DesktopNotifier::Channel::None);
    QCOMPARE(notifier.lastChannel(), DesktopNotifier::Channel::None);
    if (m_address.isEmpty())
        return;
    // A bus without a notification daemon (and offscreen, no tray): nothing either.
    notifier.setBus(QDBusConnection::connectToBus(m_address, QStringLiteral("client")));
    QCOMPARE(notifier.notify(QStringLiteral("Publishing finished"), QStringLiteral("3 of 3")),
             DesktopNotifier::Channel::None);
}

void TestDesktopNotifier::notifiesOverDBus()
{
    if (m_address.isEmpty())
        QSKIP("no dbus-daemon on this machine");
    QDBusConnection service = QDBusConnection::connectToBus(m_address, QStringLiteral("service"));
    QVERIFY(service.isConnected());
    FakeNotifications daemon;
    QVERIFY(service.registerObject(QStringLiteral("/org/freedesktop/Notifications"), &daemon,
                                   QDBusConnection::ExportAllSlots));
    QVERIFY(service.registerService(QStringLiteral("org.freedesktop.Notifications")));

    DesktopNotifier notifier;
    notifier.setBus(QDBusConnection::connectToBus(m_address, QStringLiteral("client")));
    QCOMPARE(notifier.notify(QStringLiteral("Publishing finished"),
                             QStringLiteral("Published 598 of 600 listings to 长治信息港.")),
             DesktopNotifier::Channel::DBus);
    QTRY_COMPARE(daemon.summaries.size(), 1);
    QCOMPARE(daemon.summaries.first(), QStringLiteral("Publishing finished"));
    QCOMPARE(daemon.bodies.first(), QStringLiteral("Published 598 of 600 listings to 长治信息港."));
}

QTEST_MAIN(TestDesktopNotifier)
#include "tst_desktopnotifier.moc"
