// Opening a big article in the editor: a 1 MB body with 50 images stored in
// a temporary library, from setHtml() to the first painted frame (what the
// user waits for when choosing the listing). Prints medians of 5 fresh
// editors; not a pass/fail test. --quick: one small run (bench_smoke).
#include "articleeditor.h"
#include "articlehtmlreader.h"
#include "articlehtmlwriter.h"
#include "articletextedit.h"
#include "library.h"

#include <QAbstractTextDocumentLayout>
#include <QApplication>
#include <QBuffer>
#include <QElapsedTimer>
#include <QImage>
#include <QPainter>
#include <QTemporaryDir>
#include <QTextDocument>
#include <QTextEdit>

#include <algorithm>

using namespace ListingDesk;

namespace {

double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    return values.isEmpty() ? 0 : values.at(values.size() / 2);
}

QByteArray photo(int index, int width, int height)
{
    QImage image(width, height, QImage::Format_RGB32);
    image.fill(QColor::fromHsv((index * 37) % 360, 120, 200));
    QPainter painter(&image);
    for (int i = 0; i < 12; ++i)
        painter.fillRect(
            QRect((i * 97 + index * 13) % width, (i * 53) % height, width / 5, height / 6),
            QColor::fromHsv((index * 37 + i * 29) % 360, 200, 150));
    painter.end();
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "JPEG", 85);
    return bytes;
}

// Paragraphs of the seed article's kind of text, headings, a figure with a
// caption every few paragraphs, a table now and then, until \a bytes of HTML.
QString article(const QStringList &imageUrls, const QList<QSize> &sizes, qsizetype bytes)
{
    const QString sentence = QString::fromUtf8(
        "杨通顺副市长指出，2016年全市各级各部门、各有关单位认真落实消防安全责任制，"
        "各项工作取得明显成效，进一步夯实了城乡火灾防控基础。");
    QStringList parts;
    qsizetype size = 0;
    int paragraph = 0;
    int image = 0;
    const qsizetype perImage = bytes / (imageUrls.size() + 1);
    while (size < bytes) {
        QString part;
        if (paragraph % 25 == 0)
            part = QStringLiteral("<h2>第%1部分</h2>").arg(paragraph / 25 + 1);
        else if (paragraph % 60 == 7)
            part = QString::fromUtf8("<table><tr><td>县（区）</td><td>任务</td></tr><tr><td>壶关县"
                                     "</td><td>隐患整改</td></tr></table>");
        else
            part = QStringLiteral("<p>") + sentence.repeated(3) + QStringLiteral(" <strong>") +
                   QString::number(paragraph) + QStringLiteral("</strong></p>");
        parts << part;
        size += part.toUtf8().size();
        if (image < imageUrls.size() && size > perImage * (image + 1)) {
            const QString figure =
                QStringLiteral("<figure><img src=\"%1\" width=\"%2\" height=\"%3\"><figcaption>")
                    .arg(imageUrls.at(image))
                    .arg(sizes.at(image).width())
                    .arg(sizes.at(image).height()) +
                QString::fromUtf8("会议现场 %1").arg(image + 1) +
                QStringLiteral("</figcaption></figure>");
            parts << figure;
            size += figure.toUtf8().size();
            ++image;
        }
        ++paragraph;
    }
    return parts.join(u'\n');
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    const bool quick = app.arguments().contains(QStringLiteral("--quick"));
    const int imageCount = quick ? 5 : 50;
    const qsizetype htmlBytes = quick ? 100 * 1024 : 1024 * 1024;
    const int runs = quick ? 1 : 5;

    QTemporaryDir dir;
    Library library;
    if (!dir.isValid() || !library.open(dir.filePath(QStringLiteral("bench.sqlite"))).ok())
        return 2;
    QStringList urls;
    QList<QSize> sizes;
    for (int i = 0; i < imageCount; ++i) {
        // Camera-sized pictures: shown scaled to the display width.
        auto stored = library.media().store(photo(i, 1600, 1200));
        if (!stored)
            return 3;
        urls << MediaRepository::urlFor(stored.value().sha256).toString();
        sizes << QSize(ArticleTextEdit::maxDisplayWidth, ArticleTextEdit::maxDisplayWidth * 3 / 4);
    }
    const QString html = article(urls, sizes, htmlBytes);
    printf("article: %.2f MB of HTML, %d images (1600x1200 JPEG, shown at %d px)\n",
           html.toUtf8().size() / 1048576.0, imageCount, ArticleTextEdit::maxDisplayWidth);

    QList<double> detachedImport, detachedMarkers, attachedImport;
    for (int run = 0; run < runs; ++run) {
        // The parts on their own: QTextDocument without a view, then the markers pass.
        const QString qtHtml = ArticleHtmlReader::toQtHtml(html);
        QTextDocument document;
        QElapsedTimer timer;
        timer.start();
        document.setHtml(qtHtml);
        detachedImport << timer.nsecsElapsed() / 1e6;
        timer.restart();
        ArticleHtmlReader::applyMarkers(&document);
        detachedMarkers << timer.nsecsElapsed() / 1e6;
        QTextEdit edit;
        edit.resize(900, 700);
        edit.show();
        timer.restart();
        edit.document()->setHtml(qtHtml);
        attachedImport << timer.nsecsElapsed() / 1e6;
    }
    printf("QTextDocument::setHtml alone: %.1f ms without a view, %.1f ms in a shown QTextEdit; "
           "figure markers pass: %.1f ms\n",
           median(detachedImport), median(attachedImport), median(detachedMarkers));

    QList<double> convert, load, layout, paint, total, write;
    for (int run = 0; run < runs; ++run) {
        ArticleEditor editor;
        editor.setMediaRepository(&library.media());
        editor.resize(900, 700);
        editor.show();
        QApplication::processEvents();

        QElapsedTimer timer;
        timer.start();
        const QString qtHtml = ArticleHtmlReader::toQtHtml(html);
        convert << timer.nsecsElapsed() / 1e6;

        timer.restart();
        QElapsedTimer all;
        all.start();
        editor.setHtml(html);
        load << timer.nsecsElapsed() / 1e6;
        timer.restart();
        // What the user sees first: QTextEdit has laid out the visible part
        // and lays out the rest in the background, in small steps.
        const QPixmap frame = editor.grab();
        paint << timer.nsecsElapsed() / 1e6;
        total << all.nsecsElapsed() / 1e6;
        timer.restart();
        editor.document()->documentLayout()->documentSize(); // forces the rest of the layout
        layout << timer.nsecsElapsed() / 1e6;
        if (frame.isNull())
            return 4;

        timer.restart();
        const QString written = editor.html();
        write << timer.nsecsElapsed() / 1e6;
        if (run == 0 && written != html)
            fprintf(stderr, "note: the written article differs from the generated one\n");
    }
    printf("open the article to shown (setHtml + layout of the visible part + first paint), "
           "median of %d: %.1f ms (target <= 150 ms)\n",
           runs, median(total));
    printf("  setHtml %.1f ms (of which gumbo conversion %.1f ms), first paint incl. decoding "
           "the visible images %.1f ms\n",
           median(load), median(convert), median(paint));
    printf("  the rest of the layout, which QTextEdit does in the background: %.1f ms\n",
           median(layout));
    printf("write the article back to HTML (saving): %.1f ms\n", median(write));
    return 0;
}
