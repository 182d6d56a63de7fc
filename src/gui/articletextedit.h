#pragma once

#include <QHash>
#include <QImage>
#include <QTextEdit>

namespace ListingDesk {

class MediaRepository;
struct MediaInfo;

/// The article's text area: a QTextEdit that cleans what is pasted or
/// dropped, stores pasted and dropped images in the library's media table
/// and inserts them as figures with a caption, and shows ldmedia: images
/// from the library (large ones scaled down for display only).
class ArticleTextEdit : public QTextEdit
{
    Q_OBJECT
public:
    /// Images wider than this are shown scaled to it; the library keeps the original.
    static constexpr int maxDisplayWidth = 720;

    explicit ArticleTextEdit(QWidget *parent = nullptr);

    void setMediaRepository(MediaRepository *media);
    MediaRepository *mediaRepository() const { return m_media; }

    /// Replaces the article with \a storedHtml (ArticleHtmlReader). The
    /// document stays the same object (highlighters and find bars keep
    /// working); it is detached from the view while it is filled so that
    /// QTextEdit lays it out once, lazily, instead of once per figure.
    void loadHtml(const QString &storedHtml);

    /// Stores \a bytes as an image and inserts it as a figure at the cursor,
    /// the cursor left in its (empty) caption. False, with mediaError()
    /// emitted, when there is no library or the bytes are not an image.
    bool insertImage(const QByteArray &bytes, const QString &fileName = {});
    /// Inserts \a media (already stored) as a figure with an empty caption.
    void insertFigure(const MediaInfo &media);
    /// Pastes the clipboard's text without any formatting.
    void pastePlainText();
    /// How many images the display cache holds (for tests and the benchmark).
    int cachedImageCount() const { return int(m_displayCache.size()); }

signals:
    /// An image could not be stored or shown; the message says why.
    void mediaError(const QString &message);

protected:
    /// Copies put the writer's clean HTML on the clipboard, so figures keep
    /// their captions when pasted back and other programs get tidy markup.
    QMimeData *createMimeDataFromSelection() const override;
    bool canInsertFromMimeData(const QMimeData *source) const override;
    void insertFromMimeData(const QMimeData *source) override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    QVariant mediaResource(const QUrl &url);
    bool insertImageFiles(const QList<QUrl> &urls);
    void insertCleanHtml(const QString &html);

    QTextDocument *m_placeholder; // shown while the article document is being filled
    MediaRepository *m_media = nullptr;
    QHash<QString, QImage> m_displayCache; // sha256 -> image as shown
};

} // namespace ListingDesk
