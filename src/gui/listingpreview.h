#pragma once

#include "listing.h"

#include <QImage>
#include <QTextBrowser>

#include <functional>

namespace ListingDesk {

/// A listing "as the portal shows it": breadcrumb (首页 > 长治 > 房产), title,
/// publish and update time, view count, the article with its figures and
/// captions, under a stylesheet modelled on the portal's page. Read-only;
/// a link opens in the user's browser and never replaces the preview.
class ListingPreview : public QTextBrowser
{
    Q_OBJECT
public:
    /// The image stored under a SHA-256 (an ldmedia: URL); a null image when
    /// there is none. Passed in so that the view needs no storage.
    using ImageResolver = std::function<QImage(const QString &sha256)>;

    /// Images wider than this are scaled down for display.
    static constexpr int maxImageWidth = 640;

    explicit ListingPreview(QWidget *parent = nullptr);

    void setImageResolver(ImageResolver resolver);

    /// \a cityNames in the order the listing targets them; \a categoryPath as
    /// "房产/租房"; \a viewCount below zero when not known (never published).
    void showListing(const Listing &listing, const QStringList &cityNames,
                     const QString &categoryPath, int viewCount = -1);

    /// The portal-like stylesheet the preview uses.
    static QString styleSheet();
    /// The HTML shown for a listing (without the stylesheet).
    static QString pageHtml(const Listing &listing, const QStringList &cityNames,
                            const QString &categoryPath, int viewCount);

signals:
    /// A link in the article was activated and handed to the desktop.
    void linkOpened(const QUrl &url);

protected:
    QVariant loadResource(int type, const QUrl &name) override;

private:
    void openLink(const QUrl &url);
    QImage placeholder(const QString &text) const;

    ImageResolver m_resolver;
};

} // namespace ListingDesk
