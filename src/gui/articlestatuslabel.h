#pragma once

#include "portalrepository.h"

#include <QLabel>
#include <QPointer>
#include <QTimer>

class QTextDocument;

namespace ListingDesk {

/// The status bar's count of the open article: characters (Chinese counted
/// one by one, not as space-separated words) and images, and a warning when
/// the title or article is longer than a portal accepts.
class ArticleStatusLabel : public QLabel
{
    Q_OBJECT
public:
    explicit ArticleStatusLabel(QWidget *parent = nullptr);

    /// The article to count; nullptr clears the label.
    void setDocument(QTextDocument *document);
    void setTitle(const QString &title);
    /// The portals whose limits to check.
    void setPortals(const QList<PortalInfo> &portals);

private:
    void update();

    QPointer<QTextDocument> m_document;
    QString m_title;
    QList<PortalInfo> m_portals;
    QTimer m_throttle; // counting a long article on every keystroke is wasted work
};

} // namespace ListingDesk
