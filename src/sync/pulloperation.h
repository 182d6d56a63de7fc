#pragma once

#include "library.h"
#include "termresolver.h"
#include "wordpressclient.h"

#include <QObject>
#include <QPointer>

namespace ListingDesk {

/// What a pull did, for the summary line and `pull --json`.
struct PullSummary
{
    int created = 0;   ///< listings new to the library
    int updated = 0;   ///< local copies updated from the portal (unchanged here)
    int unchanged = 0; ///< posts that had not changed since the last sync
    int conflicts = 0; ///< changed on both sides: the user decides
    int deleted = 0;   ///< removed on the portal (reported, never re-created)
    int errors = 0;
    QStringList messages; ///< one line per conflict, deletion and error
};

/// Brings the portal's changes into the library. A post not in the library
/// becomes a listing; a local copy unchanged since the last sync takes the
/// portal's version; when both sides changed, the listing enters the
/// conflict state with the portal's version kept beside it; a post deleted
/// on the portal is reported and marked, never silently re-created.
class PullOperation : public QObject
{
    Q_OBJECT
public:
    PullOperation(Library &library, WordPressClient *client, PortalInfo portal,
                  QObject *parent = nullptr);

    void start();
    const PullSummary &summary() const { return m_summary; }
    /// Set when the pull could not run at all (unreachable, refused).
    std::optional<PortalError> failure() const { return m_failure; }

signals:
    void progress(int done, int total);
    void finished();

private:
    void fail(const PortalError &error);
    void apply(const QList<RemotePost> &posts);
    void applyOne(const RemotePost &post);
    void importPost(const RemotePost &post, const QString &clientKey);
    void updateFromPortal(RemotePostRecord record, const RemotePost &post);
    void checkDeletions();
    void finish();
    void note(const QString &message) { m_summary.messages << message; }

    Library &m_library;
    QPointer<WordPressClient> m_client;
    PortalInfo m_portal;
    TermResolver *m_terms;
    PullSummary m_summary;
    std::optional<PortalError> m_failure;
    QDateTime m_newest;
    QSet<qint64> m_seen; // remote ids this pull has looked at
};

} // namespace ListingDesk
