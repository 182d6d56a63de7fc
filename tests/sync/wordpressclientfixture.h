#pragma once

// The shared fixture of the WordPressClient tests: a fresh fake portal with
// one editor, the fake network in front of it, and a client logged in.

#include "fakeportal.h"
#include "wordpressclient.h"

#include <QTest>

#include <memory>

// Waits for a callback's result; fails the test after the timeout.
#define LD_WAIT(optionalResult) QTRY_VERIFY_WITH_TIMEOUT((optionalResult).has_value(), 10000)

namespace ListingDesk::Testing {

inline const QString userLogin = QStringLiteral("editor");
inline const QString appPassword = QStringLiteral("abcd EFGH 1234 ijkl MNOP 5678");

inline QString str(const char *utf8)
{
    return QString::fromUtf8(utf8);
}

class WordPressClientFixture : public QObject
{
protected:
    void setUpPortal()
    {
        m_portal = std::make_unique<FakePortal>();
        m_portal->addUser(userLogin, appPassword, str("编辑部"));
        m_nam = std::make_unique<FakeNetworkAccessManager>(m_portal.get());
        makeClient();
    }

    void tearDownPortal()
    {
        m_client.reset();
        m_nam.reset();
        m_portal.reset();
    }

    void makeClient(const QString &password = appPassword, int timeoutMs = 5000, QUrl base = {})
    {
        PortalEndpoint endpoint;
        endpoint.baseUrl = base.isEmpty() ? m_portal->baseUrl() : base;
        endpoint.username = userLogin;
        endpoint.password = password;
        endpoint.timeoutMs = timeoutMs;
        m_client = std::make_unique<WordPressClient>(m_nam.get(), endpoint);
    }

    qint64 addPublishedPost(const QString &title)
    {
        FakePost post;
        post.title = title;
        post.content = QStringLiteral("<p>body</p>");
        post.status = QStringLiteral("publish");
        return m_portal->addPost(post);
    }

    std::unique_ptr<FakePortal> m_portal;
    std::unique_ptr<FakeNetworkAccessManager> m_nam;
    std::unique_ptr<WordPressClient> m_client;
};

} // namespace ListingDesk::Testing
