#include "cliapplication.h"

#include "htmltext.h"
#include "interchange.h"
#include "library.h"
#include "listingexporter.h"
#include "listingimporter.h"
#include "translations.h"

#include <QCommandLineParser>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

#include <cstdio>

namespace ListingDesk {

namespace {

QString cityList(Library &library, const QStringList &codes)
{
    QStringList names;
    for (const QString &code : codes)
        names << library.regions().displayName(code);
    return names.join(QStringLiteral("、"));
}

} // namespace

CliApplication::CliApplication() : m_out(stdout), m_err(stderr) {}

QString CliApplication::helpText() const
{
    return tr("Usage: listingdesk-cli [--db PATH] [--lang en|zh_CN] COMMAND [ARGS]\n"
              "\n"
              "Commands:\n"
              "  import FILE                          add or update listings from a .json or "
              ".csv file\n"
              "                                       (all or nothing)\n"
              "  export FILE                          write all listings to a .json or .csv "
              "file\n"
              "  list [--status S] [--search TEXT] [--json]\n"
              "                                       list listings, newest first\n"
              "  show UUID [--json]                   print one listing\n"
              "\n"
              "Without --db the library is the GUI's: %1\n"
              "Exit codes: 0 ok, 1 usage error, 2 data error (bad file, unknown city code or "
              "category, unreadable library).\n")
        .arg(Database::defaultPath());
}

int CliApplication::usage(const QString &message)
{
    m_err << tr("listingdesk-cli: %1").arg(message) << Qt::endl
          << tr("Try 'listingdesk-cli --help'.") << Qt::endl;
    return UsageError;
}

int CliApplication::run(const QStringList &arguments)
{
    QCoreApplication::setOrganizationName(QStringLiteral("ListingDesk"));
    QCoreApplication::setApplicationName(QStringLiteral("ListingDesk"));
    QCoreApplication::setApplicationVersion(QStringLiteral(LISTINGDESK_VERSION));

    QCommandLineParser parser;
    parser.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsOptions);
    const QCommandLineOption dbOption(QStringLiteral("db"), tr("The library file."),
                                      tr("PATH"));
    const QCommandLineOption langOption(QStringLiteral("lang"),
                                        tr("Language of messages: en or zh_CN."), tr("LANG"));
    const QCommandLineOption statusOption(QStringLiteral("status"),
                                          tr("Only listings with this status."), tr("STATUS"));
    const QCommandLineOption searchOption(QStringLiteral("search"),
                                          tr("Only listings whose title or article contains "
                                             "this text."),
                                          tr("TEXT"));
    const QCommandLineOption jsonOption(QStringLiteral("json"), tr("Print JSON."));
    const QCommandLineOption helpOption({QStringLiteral("h"), QStringLiteral("help")},
                                        tr("Show this help."));
    const QCommandLineOption versionOption({QStringLiteral("v"), QStringLiteral("version")},
                                           tr("Show the version."));
    parser.addOptions({dbOption, langOption, statusOption, searchOption, jsonOption, helpOption,
                       versionOption});
    // Parse before translating so that --lang is known; parse again is cheap.
    const bool parsed = parser.parse(arguments);
    if (!installTranslations(parser.value(langOption)))
        return usage(tr("unknown language \"%1\"; use en or zh_CN").arg(parser.value(langOption)));
    if (!parsed)
        return usage(parser.errorText());
    if (parser.isSet(helpOption)) {
        m_out << helpText();
        return Ok;
    }
    if (parser.isSet(versionOption)) {
        m_out << QStringLiteral("listingdesk-cli %1").arg(QStringLiteral(LISTINGDESK_VERSION))
              << Qt::endl;
        return Ok;
    }
    QStringList args = parser.positionalArguments();
    if (args.isEmpty())
        return usage(tr("no command given"));
    const QString command = args.takeFirst();
    static const QStringList commands{QStringLiteral("import"), QStringLiteral("export"),
                                      QStringLiteral("list"), QStringLiteral("show")};
    if (!commands.contains(command))
        return usage(tr("unknown command \"%1\"").arg(command));
    if (command != QLatin1String("list")
        && (parser.isSet(statusOption) || parser.isSet(searchOption)))
        return usage(tr("--status and --search belong to the list command"));
    if (parser.isSet(jsonOption) && command != QLatin1String("list")
        && command != QLatin1String("show"))
        return usage(tr("--json belongs to the list and show commands"));

    const QString path = parser.isSet(dbOption) ? parser.value(dbOption) : Database::defaultPath();
    if (command != QLatin1String("import") && !QFile::exists(path))
        return m_err << tr("listingdesk-cli: there is no library at %1").arg(path) << Qt::endl,
               int(DataError);
    Library library;
    if (auto opened = library.open(path); !opened) {
        m_err << tr("listingdesk-cli: %1").arg(opened.error().message) << Qt::endl;
        return DataError;
    }
    if (command == QLatin1String("import"))
        return import(library, args);
    if (command == QLatin1String("export"))
        return exportTo(library, args);
    if (command == QLatin1String("list"))
        return list(library, args, parser.value(statusOption), parser.value(searchOption),
                    parser.isSet(jsonOption));
    return show(library, args, parser.isSet(jsonOption));
}

int CliApplication::import(Library &library, const QStringList &args)
{
    if (args.size() != 1)
        return usage(tr("import takes exactly one FILE"));
    if (!interchangeFormatForPath(args.first()))
        return usage(tr("%1: unknown file type; import reads .json and .csv files")
                         .arg(args.first()));
    auto summary = ListingImporter(library).importFile(args.first());
    if (!summary) {
        m_err << tr("listingdesk-cli: %1").arg(summary.error().message) << Qt::endl;
        return DataError;
    }
    m_out << tr("Imported %1: %2 new, %3 updated.")
                 .arg(args.first())
                 .arg(summary.value().created)
                 .arg(summary.value().updated)
          << Qt::endl;
    return Ok;
}

int CliApplication::exportTo(Library &library, const QStringList &args)
{
    if (args.size() != 1)
        return usage(tr("export takes exactly one FILE"));
    if (!interchangeFormatForPath(args.first()))
        return usage(tr("%1: unknown file type; export writes .json and .csv files")
                         .arg(args.first()));
    auto written = ListingExporter(library).exportFile(args.first());
    if (!written) {
        m_err << tr("listingdesk-cli: %1").arg(written.error().message) << Qt::endl;
        return DataError;
    }
    m_out << tr("Exported %n listing(s) to %1.", nullptr, written.value()).arg(args.first())
          << Qt::endl;
    return Ok;
}

int CliApplication::list(Library &library, const QStringList &args, const QString &status,
                         const QString &search, bool json)
{
    if (!args.isEmpty())
        return usage(tr("list takes no arguments"));
    ListingQuery query;
    if (!status.isEmpty()) {
        ListingStatus wanted;
        if (!statusFromKey(status, &wanted))
            return usage(tr("unknown status \"%1\"; use one of draft, ready, queued, "
                            "publishing, published, retrying, failed, modified, conflict")
                             .arg(status));
        query.status = wanted;
    }
    query.searchText = search;
    QJsonArray array;
    for (qint64 id : library.listings().ids(query)) {
        auto loaded = library.listings().load(id);
        if (!loaded)
            continue;
        const Listing &l = loaded.value();
        if (json) {
            array.append(listingToJson(l));
            continue;
        }
        m_out << l.uuid << QLatin1String("  ") << statusKey(l.status).leftJustified(9)
              << QLatin1String("  ") << l.updatedAt.toLocalTime().toString(Qt::ISODate)
              << QLatin1String("  ") << l.title;
        if (!l.cityCodes.isEmpty())
            m_out << QLatin1String("  [") << cityList(library, l.cityCodes) << QLatin1Char(']');
        m_out << Qt::endl;
    }
    if (json)
        m_out << QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Indented));
    return Ok;
}

int CliApplication::show(Library &library, const QStringList &args, bool json)
{
    if (args.size() != 1)
        return usage(tr("show takes exactly one UUID"));
    auto loaded = library.listings().loadByUuid(args.first().toLower());
    if (!loaded) {
        m_err << tr("listingdesk-cli: no listing has the uuid %1").arg(args.first()) << Qt::endl;
        return DataError;
    }
    const Listing &l = loaded.value();
    if (json) {
        m_out << QString::fromUtf8(QJsonDocument(listingToJson(l)).toJson(QJsonDocument::Indented));
        return Ok;
    }
    const QLocale locale;
    m_out << l.title << Qt::endl
          << tr("UUID:      %1").arg(l.uuid) << Qt::endl
          << tr("Status:    %1").arg(statusDisplayName(l.status)) << Qt::endl
          << tr("Category:  %1").arg(l.categoryPath) << Qt::endl
          << tr("Cities:    %1").arg(cityList(library, l.cityCodes)) << Qt::endl;
    if (l.price)
        m_out << tr("Price:     %1").arg(locale.toString(*l.price, 'f', 2)) << Qt::endl;
    if (l.contact != Contact{})
        m_out << tr("Contact:   %1 %2 %3").arg(l.contact.name, l.contact.phone,
                                               l.contact.wechat.isEmpty()
                                                   ? QString()
                                                   : tr("WeChat %1").arg(l.contact.wechat))
              << Qt::endl;
    if (l.expiresAt.isValid())
        m_out << tr("Expires:   %1").arg(l.expiresAt.toString(Qt::ISODate)) << Qt::endl;
    m_out << tr("Promoted:  %1").arg(l.promoted ? tr("yes") : tr("no")) << Qt::endl
          << tr("Updated:   %1 (revision %2)")
                 .arg(l.updatedAt.toLocalTime().toString(Qt::ISODate))
                 .arg(l.revision)
          << Qt::endl
          << Qt::endl
          << htmlToPlainText(l.bodyHtml) << Qt::endl;
    return Ok;
}

} // namespace ListingDesk
