#include "articletextedit.h"

#include "articleformat.h"
#include "articlehtmlreader.h"
#include "articlehtmlwriter.h"
#include "htmlsanitizer.h"
#include "mediarepository.h"
#include "pastecleaner.h"

#include <QApplication>
#include <QBuffer>
#include <QClipboard>
#include <QFile>
#include <QFileInfo>
#include <QImageReader>
#include <QKeyEvent>
#include <QMimeData>
#include <QTextBlock>
#include <QTextDocumentFragment>

namespace ListingDesk {

namespace {
constexpr const char *ownArticleMime = "application/x-listingdesk-article";
} // namespace

namespace {

QSize displaySize(QSize size, int limit = ArticleTextEdit::maxDisplayWidth)
{
    if (size.width() > limit)
        size = size.scaled(limit, size.height() * 4, Qt::KeepAspectRatio);
    return size;
}

bool isImageFile(const QUrl &url)
{
    if (!url.isLocalFile())
        return false;
    return !QImageReader::imageFormat(url.toLocalFile()).isEmpty();
}

} // namespace

ArticleTextEdit::ArticleTextEdit(QWidget *parent)
    : QTextEdit(parent), m_placeholder(new QTextDocument(this))
{
    setObjectName(QStringLiteral("bodyTextEdit"));
    setAcceptRichText(true);
    // Our own document, owned by us rather than by QTextEdit's internals, so
    // that loadHtml() can take it off the view and put it back.
    auto *article = new QTextDocument(this);
    article->setDefaultFont(font());
    // The provider is asked once per image and document; QTextDocument caches
    // the answer until the document is cleared.
    article->setResourceProvider([this](const QUrl &url) { return mediaResource(url); });
    setDocument(article);
}

void ArticleTextEdit::loadHtml(const QString &storedHtml)
{
    QTextDocument *article = document();
    setDocument(m_placeholder);
    // Without a layout, marking figures and captions after the import costs
    // nothing; the view makes a new layout when the document comes back.
    article->setDocumentLayout(nullptr);
    ArticleHtmlReader::load(article, storedHtml);
    setDocument(article);
}

void ArticleTextEdit::setMediaRepository(MediaRepository *media)
{
    m_media = media;
    m_displayCache.clear();
}

QVariant ArticleTextEdit::mediaResource(const QUrl &url)
{
    const QString hash = MediaRepository::hashFromUrl(url);
    if (hash.isEmpty() || !m_media)
        return {}; // remote images are not fetched while editing
    if (const auto cached = m_displayCache.constFind(hash); cached != m_displayCache.cend())
        return *cached;
    auto bytes = m_media->data(hash);
    if (!bytes)
        return {};
    QBuffer buffer(&bytes.value());
    buffer.open(QIODevice::ReadOnly);
    QImageReader reader(&buffer);
    const QSize shown = displaySize(reader.size());
    // Decoding straight to the shown size is much faster for big JPEGs.
    if (shown.isValid() && shown != reader.size())
        reader.setScaledSize(shown);
    QImage image = reader.read();
    if (image.isNull())
        return {};
    m_displayCache.insert(hash, image);
    return image;
}

bool ArticleTextEdit::insertImage(const QByteArray &bytes, const QString &fileName)
{
    if (!m_media) {
        emit mediaError(tr("Images can only be added to a listing in a library."));
        return false;
    }
    auto stored = m_media->store(bytes, fileName);
    if (!stored) {
        emit mediaError(stored.error().message);
        return false;
    }
    insertFigure(stored.value());
    return true;
}

void ArticleTextEdit::insertFigure(const MediaInfo &media)
{
    QTextCursor cursor = textCursor();
    cursor.beginEditBlock();
    cursor.removeSelectedText();
    // A figure is a block of its own: split the paragraph around the cursor.
    if (!cursor.atBlockStart())
        cursor.insertBlock();
    if (!cursor.atBlockEnd()) {
        cursor.insertBlock();
        cursor.movePosition(QTextCursor::PreviousBlock);
    }
    QTextBlockFormat figure;
    figure.setAlignment(Qt::AlignHCenter);
    figure.setProperty(ArticleFormat::FigureProperty, true);
    cursor.setBlockFormat(figure);
    cursor.setBlockCharFormat(QTextCharFormat());
    QTextImageFormat image;
    image.setName(MediaRepository::urlFor(media.sha256).toString());
    // As wide as the view allows (up to maxDisplayWidth), so a figure in
    // the narrow form needs no sideways scrolling.
    const int room = viewport()->width() - 2 * int(document()->documentMargin()) - 8;
    const QSize shown =
        displaySize(QSize(media.width, media.height), std::clamp(room, 160, maxDisplayWidth));
    image.setWidth(shown.width());
    image.setHeight(shown.height());
    cursor.insertImage(image);
    QTextBlockFormat caption;
    caption.setAlignment(Qt::AlignHCenter);
    caption.setProperty(ArticleFormat::CaptionProperty, true);
    cursor.insertBlock(caption, QTextCharFormat());
    cursor.endEditBlock();
    setTextCursor(cursor); // the user types the caption next
}

void ArticleTextEdit::pastePlainText()
{
    const QString text = QGuiApplication::clipboard()->text();
    if (!text.isEmpty())
        textCursor().insertText(text, QTextCharFormat());
}

QMimeData *ArticleTextEdit::createMimeDataFromSelection() const
{
    // A plain QMimeData: QTextEdit's own one fills text/html in lazily with toHtml().
    const QTextDocumentFragment selection = textCursor().selection();
    QTextDocument scratch;
    QTextCursor(&scratch).insertFragment(selection);
    auto *mime = new QMimeData;
    mime->setText(selection.toPlainText());
    mime->setHtml(ArticleHtmlWriter::write(&scratch));
    // Marks a copy from one of our own articles: pasted back, it keeps the
    // colours and alignment that a paste from elsewhere loses.
    mime->setData(QString::fromLatin1(ownArticleMime), QByteArray("1"));
    return mime;
}

bool ArticleTextEdit::canInsertFromMimeData(const QMimeData *source) const
{
    return source->hasImage() || source->hasUrls() || QTextEdit::canInsertFromMimeData(source);
}

void ArticleTextEdit::insertFromMimeData(const QMimeData *source)
{
    if (source->hasImage()) {
        // Prefer the bytes the source offers over re-encoding its pixels.
        QByteArray bytes;
        for (const char *format : {"image/png", "image/jpeg", "image/gif"}) {
            if (source->hasFormat(QLatin1String(format))) {
                bytes = source->data(QLatin1String(format));
                break;
            }
        }
        if (bytes.isEmpty()) {
            const QImage image = qvariant_cast<QImage>(source->imageData());
            QBuffer buffer(&bytes);
            buffer.open(QIODevice::WriteOnly);
            image.save(&buffer, "PNG");
        }
        insertImage(bytes);
        return;
    }
    if (source->hasUrls() && insertImageFiles(source->urls()))
        return;
    if (source->hasHtml()) {
        // Web pages and word processors: keep the structure, drop their styling.
        insertCleanHtml(source->hasFormat(QString::fromLatin1(ownArticleMime))
                            ? HtmlSanitizer::sanitize(source->html())
                            : PasteCleaner::clean(source->html()));
        return;
    }
    if (source->hasText())
        textCursor().insertText(source->text(), QTextCharFormat());
}

bool ArticleTextEdit::insertImageFiles(const QList<QUrl> &urls)
{
    bool any = false;
    for (const QUrl &url : urls) {
        if (!isImageFile(url))
            continue;
        QFile file(url.toLocalFile());
        if (!file.open(QIODevice::ReadOnly)) {
            emit mediaError(tr("Could not read %1: %2").arg(url.toLocalFile(), file.errorString()));
            continue;
        }
        any = insertImage(file.readAll(), QFileInfo(file).fileName()) || any;
    }
    return any;
}

void ArticleTextEdit::insertCleanHtml(const QString &html)
{
    // Read through the same reader as stored bodies so pasted figures keep
    // their captions, then insert as one undoable step.
    QTextDocument scratch;
    ArticleHtmlReader::load(&scratch, html);
    QTextCursor cursor = textCursor();
    cursor.beginEditBlock();
    cursor.removeSelectedText();
    const int start = cursor.position();
    const bool emptyBlock = cursor.block().length() <= 1;
    cursor.insertFragment(QTextDocumentFragment(&scratch));
    // The first pasted paragraph merges into the one at the cursor and takes
    // its format; into an empty one, it keeps its own (a figure, a heading).
    const QTextBlockFormat first = scratch.begin().blockFormat();
    if (emptyBlock && !first.hasProperty(QTextFormat::ObjectIndex)) {
        QTextCursor head(document());
        head.setPosition(start);
        head.setBlockFormat(first);
    }
    cursor.endEditBlock();
    setTextCursor(cursor);
    ensureCursorVisible();
}

void ArticleTextEdit::keyPressEvent(QKeyEvent *event)
{
    const bool enter = (event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) &&
                       !(event->modifiers() & Qt::ShiftModifier);
    if (enter && !textCursor().hasSelection()) {
        QTextCursor cursor = textCursor();
        const QTextBlockFormat format = cursor.blockFormat();
        if (ArticleFormat::isCaption(format)) {
            // The paragraph after a caption is ordinary text again.
            cursor.insertBlock(QTextBlockFormat(), QTextCharFormat());
            setTextCursor(cursor);
            return;
        }
        if (ArticleFormat::isFigure(format)) {
            if (cursor.atBlockStart()) {
                cursor.beginEditBlock();
                cursor.insertBlock(format, cursor.charFormat());
                cursor.movePosition(QTextCursor::PreviousBlock);
                cursor.setBlockFormat(QTextBlockFormat());
                cursor.endEditBlock();
            } else {
                const QTextBlock next = cursor.block().next();
                if (next.isValid() && ArticleFormat::isCaption(next.blockFormat())) {
                    cursor.setPosition(next.position());
                } else {
                    QTextBlockFormat caption;
                    caption.setAlignment(Qt::AlignHCenter);
                    caption.setProperty(ArticleFormat::CaptionProperty, true);
                    cursor.movePosition(QTextCursor::EndOfBlock);
                    cursor.insertBlock(caption, QTextCharFormat());
                }
                setTextCursor(cursor);
            }
            return;
        }
    }
    QTextEdit::keyPressEvent(event);
}

} // namespace ListingDesk
