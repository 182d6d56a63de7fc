// A second editor in its own process, for tst_concurrentedit: opens the
// library, loads one listing, says "ready <revision>", waits until the file
// GO exists (so that both editors save from the same revision at the same
// moment), saves its title and says what happened:
//   saved <revision>                 its save won (exit 0)
//   conflict                         its save lost the race (exit 3), then
//   copy <id> | overwrote <revision> how it kept its edit (RESOLUTION)
// Anything else is an error on stderr (exit 1).
//
// usage: concurrenteditor LIBRARY ID TITLE GO copy|overwrite

#include "library.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QTextStream>
#include <QThread>

using namespace ListingDesk;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    QTextStream out(stdout);
    QTextStream err(stderr);
    if (args.size() != 6) {
        err << "usage: concurrenteditor LIBRARY ID TITLE GO copy|overwrite\n";
        return 1;
    }
    Library library;
    if (auto opened = library.open(args.at(1)); !opened) {
        err << opened.error().message << '\n';
        return 1;
    }
    auto loaded = library.listings().load(args.at(2).toLongLong());
    if (!loaded) {
        err << loaded.error().message << '\n';
        return 1;
    }
    Listing mine = loaded.value();
    mine.title = args.at(3);
    out << "ready " << mine.revision << Qt::endl;

    QElapsedTimer waited;
    waited.start();
    while (!QFile::exists(args.at(4))) {
        if (waited.elapsed() > 20000) {
            err << "no go signal\n";
            return 1;
        }
        QThread::msleep(2);
    }

    auto saved = library.listings().save(mine);
    if (saved) {
        out << "saved " << saved.value().revision << Qt::endl;
        return 0;
    }
    if (saved.error().kind != Error::Kind::Conflict) {
        err << saved.error().message << '\n';
        return 1;
    }
    out << "conflict" << Qt::endl;
    if (args.at(5) == QLatin1String("copy")) {
        Listing copy = mine;
        copy.id = 0;
        copy.uuid.clear();
        auto created = library.listings().create(copy);
        if (!created) {
            err << created.error().message << '\n';
            return 1;
        }
        out << "copy " << created.value().id << Qt::endl;
    } else {
        // Overwrite: on top of the revision that won; it stays in the history.
        auto theirs = library.listings().load(mine.id);
        if (!theirs) {
            err << theirs.error().message << '\n';
            return 1;
        }
        mine.revision = theirs.value().revision;
        auto overwritten = library.listings().save(mine);
        if (!overwritten) {
            err << overwritten.error().message << '\n';
            return 1;
        }
        out << "overwrote " << overwritten.value().revision << Qt::endl;
    }
    return 3;
}
