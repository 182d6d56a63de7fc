// fakeportal-server: the fake portal as a process of its own, for tests that
// kill the client (crash safety) and for the throughput benchmark. Prints
// "listening http://127.0.0.1:PORT" once ready; quits on SIGTERM, SIGINT or
// POST /__fake/quit.

#include "fakeportalserver.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QSocketNotifier>

#include <csignal>
#include <cstdio>
#include <sys/socket.h>
#include <unistd.h>

using namespace ListingDesk::Testing;

namespace {

// The self-pipe trick: the signal handler only writes a byte; the event
// loop reads it and quits, since nothing else is safe inside a handler.
int signalPipe[2] = {-1, -1};

void onSignal(int)
{
    const char byte = 1;
    [[maybe_unused]] const ssize_t written = ::write(signalPipe[0], &byte, 1);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("fakeportal-server"));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("An in-memory WordPress (with or without the ListingDesk companion "
                       "plugin) over HTTP, for tests and benchmarks."));
    parser.addHelpOption();
    const QCommandLineOption portOption(QStringLiteral("port"),
                                        QStringLiteral("Port on 127.0.0.1 (0: any free port)."),
                                        QStringLiteral("N"), QStringLiteral("0"));
    const QCommandLineOption plainOption(QStringLiteral("plain"),
                                         QStringLiteral("Plain WordPress: no companion plugin."));
    const QCommandLineOption userOption(QStringLiteral("user"), QStringLiteral("Login name."),
                                        QStringLiteral("NAME"), QStringLiteral("editor"));
    const QCommandLineOption passwordOption(
        QStringLiteral("password"), QStringLiteral("The user's application password."),
        QStringLiteral("APPPASSWORD"), QStringLiteral("abcd efgh ijkl mnop qrst uvwx"));
    const QCommandLineOption faultMixOption(
        QStringLiteral("fault-mix"),
        QStringLiteral("Inject faults: 10% 5xx, 5% resets, 5% hangs, 3% 429 (Retry-After: 1)."));
    const QCommandLineOption seedOption(QStringLiteral("seed"),
                                        QStringLiteral("Seed of the fault generator."),
                                        QStringLiteral("N"));
    const QCommandLineOption latencyOption(QStringLiteral("latency-ms"),
                                           QStringLiteral("Added to every answer."),
                                           QStringLiteral("N"), QStringLiteral("0"));
    parser.addOptions({portOption, plainOption, userOption, passwordOption, faultMixOption,
                       seedOption, latencyOption});
    parser.process(app);

    bool portOk = false;
    const uint port = parser.value(portOption).toUInt(&portOk);
    bool latencyOk = false;
    const int latency = parser.value(latencyOption).toInt(&latencyOk);
    bool seedOk = true;
    const uint seed = parser.isSet(seedOption) ? parser.value(seedOption).toUInt(&seedOk) : 0;
    if (!portOk || port > 65535 || !latencyOk || latency < 0 || !seedOk) {
        std::fprintf(stderr, "fakeportal-server: --port, --latency-ms and --seed take numbers\n");
        return 2;
    }

    FakePortal portal;
    portal.setCompanionPlugin(!parser.isSet(plainOption));
    portal.addUser(parser.value(userOption), parser.value(passwordOption));
    if (parser.isSet(seedOption))
        portal.setSeed(seed);

    FakePortalServer server(&portal);
    server.setLatencyMs(latency);
    if (parser.isSet(faultMixOption))
        server.setFaultMix(FaultMix::standard());
    QObject::connect(&server, &FakePortalServer::quitRequested, &app, &QCoreApplication::quit);

    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, signalPipe) != 0) {
        std::perror("fakeportal-server: socketpair");
        return 1;
    }
    QSocketNotifier notifier(signalPipe[1], QSocketNotifier::Read);
    QObject::connect(&notifier, &QSocketNotifier::activated, &app, [&] {
        char byte = 0;
        [[maybe_unused]] const ssize_t read = ::read(signalPipe[1], &byte, 1);
        QCoreApplication::quit();
    });
    struct sigaction action = {};
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    ::sigaction(SIGTERM, &action, nullptr);
    ::sigaction(SIGINT, &action, nullptr);

    if (!server.listen(quint16(port))) {
        std::fprintf(stderr, "fakeportal-server: cannot listen on 127.0.0.1:%u: %s\n", port,
                     qPrintable(server.errorString()));
        return 1;
    }
    std::printf("listening %s\n", server.serverUrl().toEncoded().constData());
    std::fflush(stdout);
    return app.exec();
}
