#pragma once

#include <QCoreApplication>
#include <QStringList>
#include <QTextStream>

namespace ListingDesk {

class Library;

/// listingdesk-cli: import, export, list and show listings, search regions and
/// list categories, over the same library and the same storage code as the GUI. Exit codes are part
/// of its interface: scripts and cron jobs depend on them.
class CliApplication
{
    Q_DECLARE_TR_FUNCTIONS(CliApplication)
public:
    enum ExitCode { Ok = 0, UsageError = 1, DataError = 2, ItemsFailed = 3, Interrupted = 4 };

    CliApplication();
    int run(const QStringList &arguments);

private:
    int import(Library &library, const QStringList &args);
    int exportTo(Library &library, const QStringList &args);
    int list(Library &library, const QStringList &args, const QString &status,
             const QString &search, bool json);
    int show(Library &library, const QStringList &args, bool json);
    int searchRegions(Library &library, const QString &text, int limit, bool json);
    int listCategories(Library &library, bool json);
    int usage(const QString &message);
    QString helpText() const;

    QTextStream m_out;
    QTextStream m_err;
};

} // namespace ListingDesk
