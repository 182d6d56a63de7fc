#include "testscript.h"

#include <QFile>
#include <QTextCursor>
#include <QTextEdit>
#include <QTimer>

#include <cstdio>
#include <memory>

namespace ListingDesk {

namespace {
constexpr int lineDelayMs = 100;

struct Script
{
    QStringList lines;
    int next = 0;
    int typed = 0;
};

void runNext(QWidget *window, std::shared_ptr<Script> script)
{
    auto *edit = window->findChild<QTextEdit *>(QStringLiteral("bodyTextEdit"));
    if (!edit || !edit->isEnabled()) { // the form shows no listing yet
        QTimer::singleShot(lineDelayMs, window, [window, script] { runNext(window, script); });
        return;
    }
    if (script->next >= script->lines.size()) {
        std::printf("done\n");
        std::fflush(stdout);
        return;
    }
    const QString line = script->lines.at(script->next++);
    int delay = lineDelayMs;
    if (line.startsWith(QLatin1String("type "))) {
        // Through the document, as typing does: the editor sees textChanged.
        QTextCursor cursor(edit->document());
        cursor.movePosition(QTextCursor::End);
        cursor.insertText(line.mid(5));
        std::printf("typed %d\n", ++script->typed);
        std::fflush(stdout);
    } else if (line.startsWith(QLatin1String("wait "))) {
        delay = line.mid(5).toInt();
    }
    QTimer::singleShot(delay, window, [window, script] { runNext(window, script); });
}
} // namespace

bool startTestScript(QWidget *window)
{
    const QString path = qEnvironmentVariable("LISTINGDESK_TEST_SCRIPT");
    if (path.isEmpty())
        return false;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text)) {
        std::fprintf(stderr, "listingdesk: cannot read test script %s\n", qPrintable(path));
        return false;
    }
    auto script = std::make_shared<Script>();
    script->lines = QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QTimer::singleShot(lineDelayMs, window, [window, script] { runNext(window, script); });
    return true;
}

} // namespace ListingDesk
