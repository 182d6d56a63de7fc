#include "articlestatuslabel.h"

#include "textstats.h"
#include "themecolors.h"

#include <QTextDocument>

namespace ListingDesk {

ArticleStatusLabel::ArticleStatusLabel(QWidget *parent) : QLabel(parent)
{
    setObjectName(QStringLiteral("articleStatusLabel"));
    setAccessibleName(tr("Article length"));
    m_throttle.setSingleShot(true);
    m_throttle.setInterval(250);
    connect(&m_throttle, &QTimer::timeout, this, &ArticleStatusLabel::update);
}

void ArticleStatusLabel::setDocument(QTextDocument *document)
{
    if (m_document)
        disconnect(m_document, nullptr, this, nullptr);
    m_document = document;
    if (document)
        connect(document, &QTextDocument::contentsChanged, &m_throttle,
                qOverload<>(&QTimer::start));
    update();
}

void ArticleStatusLabel::setTitle(const QString &title)
{
    m_title = title;
    m_throttle.start();
}

void ArticleStatusLabel::setPortals(const QList<PortalInfo> &portals)
{
    m_portals = portals;
    m_throttle.start();
}

void ArticleStatusLabel::update()
{
    if (!m_document) {
        clear();
        return;
    }
    const TextStats stats = TextStats::fromDocument(*m_document);
    QString text = tr("%n character(s)", nullptr, stats.characters);
    if (stats.images > 0)
        text += tr(" · %n image(s)", nullptr, stats.images);
    QStringList over;
    for (const PortalInfo &portal : m_portals) {
        if (portal.titleLimit > 0 && m_title.size() > portal.titleLimit)
            over << tr("title over the limit of %1 (%2/%3)")
                        .arg(portal.name)
                        .arg(m_title.size())
                        .arg(portal.titleLimit);
        if (portal.bodyLimit > 0 && stats.characters > portal.bodyLimit)
            over << tr("article over the limit of %1 (%2/%3)")
                        .arg(portal.name)
                        .arg(stats.characters)
                        .arg(portal.bodyLimit);
    }
    if (!over.isEmpty())
        text += QStringLiteral(" · ") + over.join(QStringLiteral("; "));
    // An error colour fit for the surrounding palette, light or dark; a
    // default-constructed palette inherits the parent's again.
    QPalette colours;
    if (!over.isEmpty()) {
        const QPalette around = parentWidget() ? parentWidget()->palette() : palette();
        colours.setColor(QPalette::WindowText, ThemeColors::errorText(around));
    }
    setPalette(colours);
    QFont bold = font();
    bold.setBold(!over.isEmpty());
    setFont(bold);
    setText(text);
}

} // namespace ListingDesk
