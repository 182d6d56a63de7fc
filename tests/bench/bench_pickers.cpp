// How long the city and category pickers take to appear: building each picker
// (its tree model and search index, done once per form) and opening it (done
// on every click). Prints medians; not a pass/fail test.
#include "categorypicker.h"
#include "citypicker.h"
#include "library.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QLineEdit>
#include <QPushButton>
#include <QTemporaryDir>

#include <algorithm>

using namespace ListingDesk;

namespace {

double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    return values.isEmpty() ? 0 : values.at(values.size() / 2);
}

template <typename Picker>
void measure(const char *name, Library &library, QWidget *anchor, int runs)
{
    QList<double> build, open;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer timer;
        timer.start();
        Picker picker(&library, anchor);
        build << timer.nsecsElapsed() / 1e6;
        timer.restart();
        picker.popup(anchor);
        QApplication::processEvents(); // the first paint is part of opening
        open << timer.nsecsElapsed() / 1e6;
        picker.hide();
    }
    printf("| %s | %.2f ms | %.2f ms |\n", name, median(build), median(open));
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QTemporaryDir dir;
    Library library;
    const QString path =
        argc > 1 ? QString::fromLocal8Bit(argv[1]) : dir.filePath(QStringLiteral("library.sqlite"));
    if (auto opened = library.open(path); !opened) {
        fprintf(stderr, "%s\n", qPrintable(opened.error().message));
        return 2;
    }
    QWidget window;
    auto *anchor = new QPushButton(QStringLiteral("anchor"), &window);
    window.resize(800, 600);
    window.show();
    QApplication::processEvents();
    const int runs = 21;
    printf("Pickers, median of %d runs (QT_QPA_PLATFORM=%s)\n\n", runs,
           qgetenv("QT_QPA_PLATFORM").constData());
    printf(
        "| Picker | build (once per form) | open (each click, to first paint) |\n|---|--:|--:|\n");
    measure<CityPicker>("City picker (3,218 regions)", library, anchor, runs);
    measure<CategoryPicker>("Category picker (128 categories)", library, anchor, runs);
    return 0;
}
