#include "listingstatus.h"

#include <QCoreApplication>

#include <array>
#include <utility>

namespace ListingDesk {

namespace {
constexpr std::array<std::pair<ListingStatus, const char *>, 9> statusKeys{{
    {ListingStatus::Draft, "draft"},
    {ListingStatus::Ready, "ready"},
    {ListingStatus::Queued, "queued"},
    {ListingStatus::Publishing, "publishing"},
    {ListingStatus::Published, "published"},
    {ListingStatus::Retrying, "retrying"},
    {ListingStatus::Failed, "failed"},
    {ListingStatus::Modified, "modified"},
    {ListingStatus::Conflict, "conflict"},
}};
} // namespace

QString statusKey(ListingStatus status)
{
    for (const auto &[value, key] : statusKeys) {
        if (value == status)
            return QString::fromLatin1(key);
    }
    return QStringLiteral("draft");
}

bool statusFromKey(const QString &key, ListingStatus *status)
{
    for (const auto &[value, name] : statusKeys) {
        if (key == QLatin1String(name)) {
            *status = value;
            return true;
        }
    }
    return false;
}

QString statusDisplayName(ListingStatus status)
{
    switch (status) {
    case ListingStatus::Draft:
        return QCoreApplication::translate("ListingStatus", "Draft");
    case ListingStatus::Ready:
        return QCoreApplication::translate("ListingStatus", "Ready");
    case ListingStatus::Queued:
        return QCoreApplication::translate("ListingStatus", "Queued");
    case ListingStatus::Publishing:
        return QCoreApplication::translate("ListingStatus", "Publishing");
    case ListingStatus::Published:
        return QCoreApplication::translate("ListingStatus", "Published");
    case ListingStatus::Retrying:
        return QCoreApplication::translate("ListingStatus", "Retrying");
    case ListingStatus::Failed:
        return QCoreApplication::translate("ListingStatus", "Failed");
    case ListingStatus::Modified:
        return QCoreApplication::translate("ListingStatus", "Modified");
    case ListingStatus::Conflict:
        return QCoreApplication::translate("ListingStatus", "Conflict");
    }
    return {};
}

QString savedFilterDisplayName(SavedFilter filter)
{
    switch (filter) {
    case SavedFilter::All:
        return QCoreApplication::translate("SavedFilter", "All listings");
    case SavedFilter::Drafts:
        return QCoreApplication::translate("SavedFilter", "Drafts");
    case SavedFilter::Ready:
        return QCoreApplication::translate("SavedFilter", "Ready");
    case SavedFilter::Published:
        return QCoreApplication::translate("SavedFilter", "Published");
    case SavedFilter::Failed:
        return QCoreApplication::translate("SavedFilter", "Failed");
    case SavedFilter::Trash:
        return QCoreApplication::translate("SavedFilter", "Trash");
    }
    return {};
}

QString savedFilterKey(SavedFilter filter)
{
    switch (filter) {
    case SavedFilter::All:
        return QStringLiteral("all");
    case SavedFilter::Drafts:
        return QStringLiteral("drafts");
    case SavedFilter::Ready:
        return QStringLiteral("ready");
    case SavedFilter::Published:
        return QStringLiteral("published");
    case SavedFilter::Failed:
        return QStringLiteral("failed");
    case SavedFilter::Trash:
        return QStringLiteral("trash");
    }
    return {};
}

} // namespace ListingDesk
