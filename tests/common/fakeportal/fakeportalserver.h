#pragma once

// The fake portal over real HTTP. FakeNetworkAccessManager keeps the portal
// inside the process under test, so it dies with it; crash-safety tests kill
// a child process (listingdesk-cli publish ...) and need a portal that
// outlives it, and the throughput benchmark needs a real socket that curl can
// talk to. FakePortalServer is a small HTTP/1.1 server (keep-alive, one
// request at a time per connection, as QNetworkAccessManager and curl send
// them) in front of a FakePortal: it turns each request into the
// QNetworkRequest FakePortal::handle() expects and each FakeResponse into
// bytes on the wire, transport faults included.
//
//     FakePortal portal;
//     portal.addUser("editor", "abcd efgh ijkl");
//     FakePortalServer server(&portal);
//     server.listen();                      // portal.baseUrl() is now server.serverUrl()
//     WordPressClient client(&nam, {server.serverUrl(), "editor", "abcd efgh ijkl"});
//
// Faults over TCP:
// - Hang: no answer; the socket stays open until the client gives up.
// - Reset: the headers and the first half of the body, then a TCP RST
//   (SO_LINGER 0 and close).
// - Truncate: the full Content-Length, half the body, then an orderly close (FIN).
// - Delay: the answer after a timer (plus the server's latency).
// - NetworkError (refused, host not found, TLS...): the connection is
//   aborted without a byte of answer. The client sees "remote host closed",
//   never the injected error code: a refused connect, a DNS failure or a TLS
//   handshake cannot be reproduced on a connection already accepted. Qt
//   also resends a request whose connection closed before any byte of answer
//   (once, POST included), so such a fault reaches the client only if it
//   fires twice in a row; with afterCommit the portal then applies a create
//   twice, as a real server dying after its commit would make it.
// - Truncate and Reset both reach Qt as RemoteHostClosedError (it knows the
//   Content-Length), not as a short body: either way a Transient error.
// - Status, HtmlPage, InvalidJson, Redirect: ordinary answers, as in-process.
//
// Requests under /__fake/ are the control API, never faulted nor recorded:
//   GET  /__fake/posts     every post: id, status, slug, client_key, title,
//                          categories, tags, city, date_gmt (JSON array)
//   GET  /__fake/requests  {"total": N, "routes": {"POST /wp/v2/posts": 3,
//                          "POST /wp/v2/posts/{id}": 1, ...}}
//   POST /__fake/faults    {"error5xx": 0.1, "reset": 0.05, "hang": 0.05,
//                          "rate429": 0.03, "retryAfter": 1}: probabilities per
//                          request; replaces the current faults ({} clears them)
//   GET  /__fake/faults    the current mix
//   POST /__fake/quit      answers 200, then quitRequested()

#include "fakeportal.h"

#include <QObject>
#include <QTcpServer>
#include <QUrl>

namespace ListingDesk::Testing {

/// A mix of transport and server faults, each a probability per request;
/// the probabilities add up (at most 1), the rest of the requests are served.
struct FaultMix
{
    double error5xx = 0.0; ///< 500/502/503 in turn
    double reset = 0.0;
    double hang = 0.0;
    double rate429 = 0.0;
    int retryAfterSeconds = 1;

    /// What `fakeportal-server --fault-mix` uses: 10% 5xx, 5% resets, 5%
    /// hangs, 3% 429 with Retry-After: 1.
    static FaultMix standard();
    static FaultMix fromJson(const QJsonObject &object);
    QJsonObject toJson() const;
};

class FakePortalServer : public QObject
{
    Q_OBJECT

public:
    explicit FakePortalServer(FakePortal *portal, QObject *parent = nullptr);
    ~FakePortalServer() override;

    /// Listens on 127.0.0.1 (port 0: any free port) and moves the portal's
    /// base URL to serverUrl(), so that the links it returns work.
    bool listen(quint16 port = 0);
    QString errorString() const { return m_server.errorString(); }
    /// http://127.0.0.1:PORT, valid after listen().
    QUrl serverUrl() const;

    /// Added to every answer, to model the time a real server takes.
    void setLatencyMs(int ms) { m_latencyMs = ms; }
    /// Replaces the portal's faults with this mix (all routes, all methods).
    void setFaultMix(const FaultMix &mix);
    FaultMix faultMix() const { return m_mix; }

    /// TCP connections accepted so far (keep-alive keeps this small).
    int acceptedConnections() const { return m_accepted; }
    /// TCP connections open now.
    int openConnections() const { return m_open; }

signals:
    /// POST /__fake/quit was answered.
    void quitRequested();

private:
    friend class FakePortalConnection;
    void onNewConnection();
    /// The control API; nullopt when the path is not under /__fake/.
    std::optional<FakeResponse> control(const QByteArray &method, const QUrl &url,
                                        const QByteArray &body);
    FakeResponse postsJson() const;
    FakeResponse requestCounts() const;

    FakePortal *m_portal;
    QTcpServer m_server;
    FaultMix m_mix;
    int m_latencyMs = 0;
    int m_accepted = 0;
    int m_open = 0;
};

} // namespace ListingDesk::Testing
