// The article's helpers as they sit in the real main window: sensitive words
// underlined and blocking "ready", find and replace, the portal preview, and
// the character count in the status bar.

#include "articlestatuslabel.h"
#include "findreplacebar.h"
#include "library.h"
#include "listingeditor.h"
#include "listingpreview.h"
#include "mainwindow.h"
#include "sensitivewordlist.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QLabel>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTextEdit>
#include <QTextLayout>

using namespace ListingDesk;

class TestArticleTools : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void sensitiveWordsUnderlinedAndBlockReady();
    void findAndReplaceInArticle();
    void previewShowsTheListing();
    void statusBarCountsChineseCharacters();

private:
    qint64 createListing(const QString &title, const QString &body);
    template <typename T> T *child(const char *name)
    {
        T *widget = m_window->findChild<T *>(QLatin1String(name));
        if (!widget)
            qFatal("no child %s", name);
        return widget;
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Library> m_library;
    std::unique_ptr<MainWindow> m_window;
};

void TestArticleTools::init()
{
    // The list is the user's setting; the window reads it when it opens.
    SensitiveWordList words;
    words.setWords({QStringLiteral("代办证件"), QStringLiteral("QQ")});
    words.save();
    m_dir = std::make_unique<QTemporaryDir>();
    m_library = std::make_unique<Library>();
    QVERIFY(m_library->open(m_dir->filePath(QStringLiteral("library.sqlite"))).ok());
    m_window = std::make_unique<MainWindow>(m_library.get());
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestArticleTools::cleanup()
{
    m_window.reset();
    m_library.reset();
    m_dir.reset();
    QSettings().remove(QLatin1String(SensitiveWordList::settingsKey));
}

qint64 TestArticleTools::createListing(const QString &title, const QString &body)
{
    Listing l;
    l.title = title;
    l.bodyHtml = body;
    l.categoryId = m_library->categories().idForPath(QStringLiteral("房产/租房")).value();
    l.cityCodes = {QStringLiteral("140400")};
    l.contact.phone = QStringLiteral("13800000000");
    return m_library->listings().create(l).value().id;
}

void TestArticleTools::sensitiveWordsUnderlinedAndBlockReady()
{
    const qint64 id =
        createListing(QStringLiteral("长治出租"),
                      QStringLiteral("<p>房东人很好。</p><p>另可代办证件，加qq详谈。</p>"));
    QVERIFY(m_window->selectListing(id));
    auto *body = child<QTextEdit>("bodyTextEdit");
    // The second paragraph carries the highlight's formats; the first none.
    const QTextBlock first = body->document()->firstBlock();
    const QTextBlock second = first.next();
    QTRY_VERIFY(!second.layout()->formats().isEmpty());
    QVERIFY(first.layout()->formats().isEmpty());
    QCOMPARE(second.layout()->formats().size(), 2);

    auto *ready = child<QCheckBox>("readyCheckBox");
    ready->click();
    QVERIFY(!ready->isChecked());
    const QString message = child<QLabel>("messageLabel")->text();
    QVERIFY2(message.contains(QStringLiteral("代办证件")), qPrintable(message));
    QVERIFY2(message.contains(QStringLiteral("QQ"), Qt::CaseInsensitive), qPrintable(message));

    // Without the words the same listing may be marked ready.
    body->selectAll();
    body->insertPlainText(QStringLiteral("房东人很好。"));
    ready->click();
    QVERIFY(ready->isChecked());
}

void TestArticleTools::findAndReplaceInArticle()
{
    const qint64 id = createListing(QStringLiteral("长治出租"),
                                    QStringLiteral("<p>长治两室，长治市区，近长治学院。</p>"));
    QVERIFY(m_window->selectListing(id));
    auto *bar = m_window->findChild<FindReplaceBar *>();
    QVERIFY(bar);
    QVERIFY(!bar->isVisible());
    m_window->editor()->findInArticleAction()->trigger();
    QTRY_VERIFY(bar->isVisible());
    QCOMPARE(m_window->editor()->findInArticleAction()->shortcut(),
             QKeySequence(QKeySequence::Replace));
}

void TestArticleTools::previewShowsTheListing()
{
    const qint64 id = createListing(QStringLiteral("长治市政府召开全市消防工作会议"),
                                    QStringLiteral("<h2>会议要求</h2><p>各单位要高度重视。</p>"));
    QVERIFY(m_window->selectListing(id));
    m_window->editor()->previewAction()->trigger();
    ListingPreview *preview = nullptr;
    QTRY_VERIFY(
        (preview = m_window->findChild<ListingPreview *>(QStringLiteral("listingPreview"))));
    QVERIFY(preview->isWindow());
    const QString text = preview->toPlainText();
    QVERIFY2(text.contains(QStringLiteral("长治市政府召开全市消防工作会议")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("长治")), qPrintable(text)); // the city breadcrumb
    QVERIFY2(text.contains(QStringLiteral("各单位要高度重视")), qPrintable(text));
    preview->close();
}

void TestArticleTools::statusBarCountsChineseCharacters()
{
    const qint64 id =
        createListing(QStringLiteral("长治出租"), QStringLiteral("<p>拎包入住 ok</p>"));
    QVERIFY(m_window->selectListing(id));
    auto *label = m_window->findChild<ArticleStatusLabel *>(QStringLiteral("articleStatusLabel"));
    QVERIFY(label);
    // 拎包入住 counts four, "ok" two: six visible characters, spaces excluded.
    QTRY_VERIFY2(label->text().contains(QStringLiteral("6")), qPrintable(label->text()));

    // A portal with a tight title limit: the label says so.
    PortalInfo portal;
    portal.name = QStringLiteral("Tiny");
    portal.baseUrl = QStringLiteral("https://tiny.example");
    portal.titleLimit = 2;
    label->setPortals({portal});
    label->setTitle(QStringLiteral("长治出租"));
    QTRY_VERIFY2(label->text().contains(QStringLiteral("Tiny")), qPrintable(label->text()));
}

QTEST_MAIN(TestArticleTools)
#include "tst_articletools.moc"
