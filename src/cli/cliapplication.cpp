#include "cliapplication.h"

#include "databaselocation.h"
#include "htmltext.h"
#include "interchange.h"
#include "library.h"
#include "librarycopier.h"
#include "listingexporter.h"
#include "listingimporter.h"
#include "placesearch.h"
#include "portalcommands.h"
#include "queuecommands.h"
#include "searchentries.h"
#include "translations.h"

#include <QCommandLineParser>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUuid>

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

// Columns in a terminal: CJK characters take two cells. Everything from the
// CJK radicals (U+2E80) up is counted wide; close enough for names and words.
int displayWidth(const QString &text)
{
    int width = 0;
    for (const QChar c : text)
        width += c.unicode() >= 0x2E80 && !c.isLowSurrogate() ? 2 : 1;
    return width;
}

QString padded(const QString &text, int width)
{
    return text + QString(qMax(0, width - displayWidth(text)), u' ');
}

// JSON keys: stable for scripts, whatever the language of the messages.
QString levelKey(int level)
{
    switch (level) {
    case 1:
        return QStringLiteral("province");
    case 2:
        return QStringLiteral("city");
    default:
        return QStringLiteral("county");
    }
}

QString levelName(int level)
{
    switch (level) {
    case 1:
        return QCoreApplication::translate("CliApplication", "province");
    case 2:
        return QCoreApplication::translate("CliApplication", "city");
    default:
        return QCoreApplication::translate("CliApplication", "county");
    }
}

QString matchKey(MatchKind kind)
{
    switch (kind) {
    case MatchKind::ExactName:
        return QStringLiteral("exact_name");
    case MatchKind::NamePrefix:
        return QStringLiteral("name_prefix");
    case MatchKind::PinyinExact:
        return QStringLiteral("pinyin_exact");
    case MatchKind::PinyinPrefix:
        return QStringLiteral("pinyin_prefix");
    case MatchKind::Initials:
        return QStringLiteral("initials");
    case MatchKind::Substring:
        return QStringLiteral("substring");
    case MatchKind::None:
        break;
    }
    return QString();
}

constexpr int defaultRegionLimit = 20;

// A library named by --db, --from or --to exists when it is a file that
// exists; a postgresql:// URL is never a file path, so the server decides.
bool libraryExists(const QString &location)
{
    return DatabaseLocation::isPostgresUrl(location) || QFile::exists(location);
}

QString translate(const char *text)
{
    return QCoreApplication::translate("CliApplication", text);
}

// copy-library: a free function so that the command stays in this file.
int copyLibrary(const QString &from, const QString &to, QTextStream &out, QTextStream &err)
{
    auto fail = [&err](const QString &message) {
        err << translate("listingdesk-cli: %1").arg(message) << Qt::endl;
        return int(CliApplication::DataError);
    };
    if (!libraryExists(from))
        return fail(translate("there is no library at %1").arg(from));
    // Opening migrates both to this version's format, creating the target
    // (a new file, or the schema in an empty PostgreSQL database).
    Database source;
    if (auto opened = source.open(from); !opened)
        return fail(opened.error().message);
    Database target;
    if (auto opened = target.open(to); !opened)
        return fail(opened.error().message);
    auto copied = LibraryCopier::copy(source, target);
    if (!copied)
        return fail(copied.error().message);
    qint64 listings = 0;
    qint64 rows = 0;
    for (const LibraryCopier::TableCount &count : copied.value()) {
        rows += count.rows;
        if (count.table == QLatin1String("listings"))
            listings = count.rows;
    }
    out << translate("Copied %1 listings (%2 rows in %3 tables) from %4 to %5.")
               .arg(listings)
               .arg(rows)
               .arg(copied.value().size())
               .arg(source.path(), target.path())
        << Qt::endl;
    return CliApplication::Ok;
}

} // namespace

CliApplication::CliApplication() : m_out(stdout), m_err(stderr) {}

QString CliApplication::helpText() const
{
    return tr("Usage: listingdesk-cli [--db PATH|URL] [--lang en|zh_CN] COMMAND [ARGS]\n"
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
              "  regions search TEXT [--json] [--limit N]\n"
              "                                       find provinces, cities and counties by "
              "Chinese name,\n"
              "                                       pinyin (changzhi, chang) or initials "
              "(cz), best first\n"
              "                                       (at most N, 20 by default)\n"
              "  categories list [--json]             print the category tree with paths\n"
              "  portal add NAME --url URL --user USER [--password-stdin] [--allow-http]\n"
              "                                       add a WordPress portal (plain http only "
              "to this\n"
              "                                       machine unless --allow-http)\n"
              "  portal list [--json]                 print the portals\n"
              "  portal test NAME [--json]            check address, REST API, credentials and "
              "plugin;\n"
              "                                       remembers plugin or plain mode\n"
              "  portal remove NAME                   forget a portal and its record of posts\n"
              "  pull --portal NAME [--json]          bring the portal's changes into the "
              "library\n"
              "  publish --portal NAME [UUID... | --all-ready] [--cities CODES] [--at ISO] "
              "[--jobs N]\n"
              "                                       queue listings (one post per city; CODES: "
              "comma-\n"
              "                                       separated region codes; --at schedules) "
              "and send\n"
              "                                       the portal's queue, N at a time (4), "
              "resuming what\n"
              "                                       an interrupted run left\n"
              "  unpublish --portal NAME UUID... [--jobs N]\n"
              "                                       move the listings' posts to the portal's "
              "trash\n"
              "  queue [--json]                       show queued, running and failed publish "
              "jobs\n"
              "  copy-library --from SRC --to DST     copy a whole library (all or nothing, ids "
              "kept)\n"
              "                                       into an empty one, e.g. a file into a "
              "team library\n"
              "\n"
              "A library is a file or a team library on PostgreSQL,\n"
              "postgresql://USER[:PASSWORD]@HOST:PORT/DATABASE; without a password in the URL\n"
              "it comes from LISTINGDESK_DB_PASSWORD.\n"
              "\n"
              "Portal passwords (application passwords) come from the keychain, from\n"
              "--password-stdin (one line, kept for this process only unless a keychain takes "
              "it)\n"
              "or from LISTINGDESK_PORTAL_PASSWORD; they are never printed or stored in the "
              "library.\n"
              "\n"
              "Without --db the library is the GUI's: %1\n"
              "Exit codes: 0 ok, 1 usage error, 2 data error (bad file, unknown city code or "
              "category, unreadable library, unknown portal, portal unreachable or refusing "
              "us),\n"
              "3 some items failed (publish: a post was refused; pull: a post could not be "
              "applied),\n"
              "4 interrupted (Ctrl+C, or the portal became unreachable): the queue keeps the "
              "rest.\n")
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
    const QCommandLineOption dbOption(
        QStringLiteral("db"), tr("The library: a file or a postgresql:// URL."), tr("PATH|URL"));
    const QCommandLineOption fromOption(QStringLiteral("from"),
                                        tr("copy-library: the library to copy."), tr("PATH|URL"));
    const QCommandLineOption toOption(
        QStringLiteral("to"), tr("copy-library: the empty library to copy into."), tr("PATH|URL"));
    const QCommandLineOption langOption(QStringLiteral("lang"),
                                        tr("Language of messages: en or zh_CN."), tr("LANG"));
    const QCommandLineOption statusOption(QStringLiteral("status"),
                                          tr("Only listings with this status."), tr("STATUS"));
    const QCommandLineOption searchOption(QStringLiteral("search"),
                                          tr("Only listings whose title or article contains "
                                             "this text."),
                                          tr("TEXT"));
    const QCommandLineOption jsonOption(QStringLiteral("json"), tr("Print JSON."));
    const QCommandLineOption limitOption(QStringLiteral("limit"), tr("At most this many regions."),
                                         tr("N"));
    const QCommandLineOption helpOption({QStringLiteral("h"), QStringLiteral("help")},
                                        tr("Show this help."));
    const QCommandLineOption versionOption({QStringLiteral("v"), QStringLiteral("version")},
                                           tr("Show the version."));
    const QCommandLineOption urlOption(QStringLiteral("url"), tr("The portal's address."),
                                       tr("URL"));
    const QCommandLineOption userOption(QStringLiteral("user"), tr("The portal user name."),
                                        tr("USER"));
    const QCommandLineOption passwordStdinOption(
        QStringLiteral("password-stdin"), tr("Read the portal password from standard input."));
    const QCommandLineOption allowHttpOption(QStringLiteral("allow-http"),
                                             tr("Allow plain http:// to another machine."));
    const QCommandLineOption portalOption(QStringLiteral("portal"), tr("The portal's name."),
                                          tr("NAME"));
    const QCommandLineOption citiesOption(
        QStringLiteral("cities"), tr("Comma-separated region codes to publish to."), tr("CODES"));
    const QCommandLineOption atOption(QStringLiteral("at"), tr("Publish at this time (ISO 8601)."),
                                      tr("ISO"));
    const QCommandLineOption allReadyOption(QStringLiteral("all-ready"),
                                            tr("Publish every listing marked ready."));
    const QCommandLineOption jobsOption(QStringLiteral("jobs"),
                                        tr("Requests at once to the portal (default 4)."), tr("N"));
    parser.addOptions({dbOption, langOption, statusOption, searchOption, jsonOption, limitOption,
                       helpOption, versionOption, urlOption, userOption, passwordStdinOption,
                       allowHttpOption, portalOption, citiesOption, atOption, allReadyOption,
                       jobsOption, fromOption, toOption});
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
    static const QStringList commands{
        QStringLiteral("import"),    QStringLiteral("export"),  QStringLiteral("list"),
        QStringLiteral("show"),      QStringLiteral("regions"), QStringLiteral("categories"),
        QStringLiteral("portal"),    QStringLiteral("pull"),    QStringLiteral("publish"),
        QStringLiteral("unpublish"), QStringLiteral("queue"),   QStringLiteral("copy-library")};
    if (!commands.contains(command))
        return usage(tr("unknown command \"%1\"").arg(command));
    if (command != QLatin1String("list") &&
        (parser.isSet(statusOption) || parser.isSet(searchOption)))
        return usage(tr("--status and --search belong to the list command"));
    if (parser.isSet(jsonOption) &&
        (command == QLatin1String("import") || command == QLatin1String("export")))
        return usage(tr("--json belongs to the list, show, regions, categories, portal list, "
                        "portal test, pull and queue commands"));
    if (parser.isSet(limitOption) && command != QLatin1String("regions"))
        return usage(tr("--limit belongs to the regions search command"));
    const bool copyCommand = command == QLatin1String("copy-library");
    if (!copyCommand && (parser.isSet(fromOption) || parser.isSet(toOption)))
        return usage(tr("--from and --to belong to the copy-library command"));
    if (copyCommand) {
        if (!parser.isSet(fromOption) || !parser.isSet(toOption) || !args.isEmpty() ||
            parser.isSet(dbOption) || parser.isSet(jsonOption))
            return usage(tr("use \"copy-library --from SRC --to DST\""));
        return copyLibrary(parser.value(fromOption), parser.value(toOption), m_out, m_err);
    }

    // Checked before the library is opened: a usage error never touches a file.
    QString regionText;
    int regionLimit = defaultRegionLimit;
    if (command == QLatin1String("regions")) {
        if (args.isEmpty() || args.first() != QLatin1String("search"))
            return usage(tr("use \"regions search TEXT\""));
        // `regions search chang zhi` means what `regions search "chang zhi"` does.
        regionText = args.mid(1).join(u' ').trimmed();
        if (regionText.isEmpty())
            return usage(tr("regions search needs the TEXT to look for"));
        if (parser.isSet(limitOption)) {
            bool ok = false;
            regionLimit = parser.value(limitOption).toInt(&ok);
            if (!ok || regionLimit < 1)
                return usage(tr("--limit takes a whole number of 1 or more, not \"%1\"")
                                 .arg(parser.value(limitOption)));
        }
    }
    const bool portalAdd = command == QLatin1String("portal") && !args.isEmpty() &&
                           args.first() == QLatin1String("add");
    if (!portalAdd &&
        (parser.isSet(urlOption) || parser.isSet(userOption) || parser.isSet(allowHttpOption)))
        return usage(tr("--url, --user and --allow-http belong to the portal add command"));
    const bool publishing =
        command == QLatin1String("publish") || command == QLatin1String("unpublish");
    const bool network = command == QLatin1String("pull") || publishing;
    if (parser.isSet(portalOption) && !network)
        return usage(tr("--portal belongs to the pull, publish and unpublish commands"));
    if (parser.isSet(allReadyOption) && command != QLatin1String("publish"))
        return usage(tr("--all-ready belongs to the publish command"));
    if (parser.isSet(jobsOption) && !publishing)
        return usage(tr("--jobs belongs to the publish and unpublish commands"));
    int jobs = 4;
    if (parser.isSet(jobsOption)) {
        bool ok = false;
        jobs = parser.value(jobsOption).toInt(&ok);
        if (!ok || jobs < 1 || jobs > 64)
            return usage(tr("--jobs takes a whole number from 1 to 64, not \"%1\"")
                             .arg(parser.value(jobsOption)));
    }
    if (command == QLatin1String("queue") && !args.isEmpty())
        return usage(tr("queue takes no arguments besides --json"));
    if (command == QLatin1String("unpublish") && args.isEmpty())
        return usage(tr("unpublish needs at least one listing UUID"));
    if (network && !parser.isSet(portalOption))
        return usage(tr("%1 needs --portal NAME").arg(command));
    if ((parser.isSet(citiesOption) || parser.isSet(atOption)) &&
        command != QLatin1String("publish"))
        return usage(tr("--cities and --at belong to the publish command"));
    if (parser.isSet(passwordStdinOption) && !network && command != QLatin1String("portal"))
        return usage(
            tr("--password-stdin belongs to the portal, pull, publish and unpublish commands"));
    if (command == QLatin1String("portal")) {
        static const QStringList sub{QStringLiteral("add"), QStringLiteral("list"),
                                     QStringLiteral("test"), QStringLiteral("remove")};
        if (args.isEmpty() || !sub.contains(args.first()))
            return usage(tr("use \"portal add\", \"portal list\", \"portal test\" or "
                            "\"portal remove\""));
        const QString what = args.first();
        if (what == QLatin1String("list") ? args.size() != 1 : args.size() != 2)
            return usage(what == QLatin1String("list")
                             ? tr("portal list takes no arguments")
                             : tr("portal %1 takes exactly one NAME").arg(what));
        if (portalAdd && (!parser.isSet(urlOption) || !parser.isSet(userOption)))
            return usage(tr("portal add needs --url URL and --user USER"));
        if (portalAdd && args.at(1).trimmed().isEmpty())
            return usage(tr("a portal needs a name"));
        if (portalAdd) {
            const QString problem =
                PortalCommands::checkUrl(parser.value(urlOption), parser.isSet(allowHttpOption));
            if (!problem.isEmpty())
                return usage(problem);
        }
        if (parser.isSet(jsonOption) &&
            (what == QLatin1String("add") || what == QLatin1String("remove")))
            return usage(tr("--json belongs to portal list and portal test"));
    }
    if (command == QLatin1String("pull") && !args.isEmpty())
        return usage(tr("pull takes no arguments besides --portal NAME"));
    QStringList cities;
    QDateTime publishAt;
    if (command == QLatin1String("publish")) {
        if (args.isEmpty() && !parser.isSet(allReadyOption))
            return usage(tr("publish needs listing UUIDs or --all-ready"));
        if (parser.isSet(jsonOption))
            return usage(tr("--json does not belong to the publish command"));
        if (parser.isSet(citiesOption)) {
            cities = parser.value(citiesOption).split(u',', Qt::SkipEmptyParts);
            for (QString &code : cities)
                code = code.trimmed();
            if (cities.isEmpty())
                return usage(tr("--cities needs at least one region code"));
        }
        if (parser.isSet(atOption)) {
            publishAt = QDateTime::fromString(parser.value(atOption), Qt::ISODate);
            if (!publishAt.isValid())
                return usage(tr("--at takes an ISO 8601 time such as 2027-03-01T09:00, not "
                                "\"%1\"")
                                 .arg(parser.value(atOption)));
            publishAt = publishAt.toUTC();
            if (publishAt <= QDateTime::currentDateTimeUtc())
                return usage(tr("--at %1 is in the past; leave --at out to publish now")
                                 .arg(parser.value(atOption)));
        }
    }
    QString stdinPassword;
    if (parser.isSet(passwordStdinOption)) {
        // One line, as `echo "$PASS" | listingdesk-cli ...` or a password manager gives it.
        QFile input;
        if (input.open(stdin, QIODevice::ReadOnly))
            stdinPassword = QString::fromUtf8(input.readLine()).trimmed();
        if (stdinPassword.isEmpty())
            return usage(tr("--password-stdin found no password on standard input"));
    }

    if (command == QLatin1String("categories") &&
        (args.size() != 1 || args.first() != QLatin1String("list")))
        return usage(tr("use \"categories list\""));

    const QString path = parser.isSet(dbOption) ? parser.value(dbOption) : Database::defaultPath();
    if (command != QLatin1String("import") && !libraryExists(path))
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
    if (command == QLatin1String("regions"))
        return searchRegions(library, regionText, regionLimit, parser.isSet(jsonOption));
    if (command == QLatin1String("categories"))
        return listCategories(library, parser.isSet(jsonOption));
    if (command == QLatin1String("portal") || network) {
        PortalCommands portals(library, m_out, m_err);
        portals.setStdinPassword(stdinPassword);
        const QString name = args.value(1);
        if (command == QLatin1String("pull"))
            return portals.pull(parser.value(portalOption), parser.isSet(jsonOption));
        QueueCommands queue(library, portals, m_out, m_err);
        if (command == QLatin1String("publish"))
            return queue.publish({parser.value(portalOption), args, parser.isSet(allReadyOption),
                                  cities, publishAt, jobs});
        if (command == QLatin1String("unpublish"))
            return queue.unpublish(parser.value(portalOption), args, jobs);
        if (args.first() == QLatin1String("add"))
            return portals.add({name, parser.value(urlOption), parser.value(userOption),
                                parser.isSet(allowHttpOption)});
        if (args.first() == QLatin1String("list"))
            return portals.list(parser.isSet(jsonOption));
        if (args.first() == QLatin1String("test"))
            return portals.test(name, parser.isSet(jsonOption));
        return portals.remove(name);
    }
    if (command == QLatin1String("queue")) {
        PortalCommands portals(library, m_out, m_err);
        return QueueCommands(library, portals, m_out, m_err).show(parser.isSet(jsonOption));
    }
    return show(library, args, parser.isSet(jsonOption));
}

int CliApplication::import(Library &library, const QStringList &args)
{
    if (args.size() != 1)
        return usage(tr("import takes exactly one FILE"));
    if (!interchangeFormatForPath(args.first()))
        return usage(
            tr("%1: unknown file type; import reads .json and .csv files").arg(args.first()));
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
        return usage(
            tr("%1: unknown file type; export writes .json and .csv files").arg(args.first()));
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
    auto ids = library.listings().findIds(query);
    if (!ids) {
        m_err << tr("listingdesk-cli: %1").arg(ids.error().message) << Qt::endl;
        return DataError;
    }
    for (qint64 id : std::as_const(ids.value())) {
        auto loaded = library.listings().load(id);
        if (!loaded) {
            m_err << tr("listingdesk-cli: %1").arg(loaded.error().message) << Qt::endl;
            return DataError;
        }
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
    // The same spellings import accepts: with or without braces, any case.
    const QUuid uuid = QUuid::fromString(args.first());
    auto loaded = library.listings().loadByUuid(
        uuid.isNull() ? args.first() : uuid.toString(QUuid::WithoutBraces));
    if (!loaded) {
        m_err << tr("listingdesk-cli: no listing has the uuid %1").arg(args.first()) << Qt::endl;
        return DataError;
    }
    const Listing &l = loaded.value();
    if (json) {
        QJsonObject object = listingToJson(l);
        object.insert(QStringLiteral("remote_posts"),
                      PortalCommands::remotePostsJson(library, l.id));
        m_out << QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Indented));
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
        m_out << tr("Contact:   %1 %2 %3")
                     .arg(l.contact.name, l.contact.phone,
                          l.contact.wechat.isEmpty() ? QString()
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

int CliApplication::searchRegions(Library &library, const QString &text, int limit, bool json)
{
    const auto regions = library.regions().all();
    if (!regions) {
        m_err << tr("listingdesk-cli: %1").arg(regions.error().message) << Qt::endl;
        return DataError;
    }
    QHash<QString, int> levels;
    for (const Region &region : regions.value())
        levels.insert(region.code, region.level);
    // The same entries and the same index as the city picker, so the CLI
    // shows exactly what the picker would offer.
    PlaceSearchIndex index;
    index.setEntries(regionSearchEntries(library.regions()));
    const QList<SearchHit> hits = index.search(text, limit);

    if (json) {
        QJsonArray array;
        for (const SearchHit &hit : hits) {
            const SearchEntry &entry = index.entries().at(hit.entry);
            array.append(QJsonObject{{QStringLiteral("code"), entry.key},
                                     {QStringLiteral("name"), entry.shortName},
                                     {QStringLiteral("full_name"), entry.name},
                                     {QStringLiteral("level"), levelKey(levels.value(entry.key))},
                                     {QStringLiteral("province"), entry.context},
                                     {QStringLiteral("pinyin"), entry.pinyin},
                                     {QStringLiteral("match"), matchKey(hit.kind)}});
        }
        m_out << QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Indented));
        return Ok;
    }
    if (hits.isEmpty()) {
        m_out << tr("No region matches \"%1\".").arg(text) << Qt::endl;
        return Ok;
    }
    int nameWidth = 0;
    int levelWidth = 0;
    int provinceWidth = 0;
    for (const SearchHit &hit : hits) {
        const SearchEntry &entry = index.entries().at(hit.entry);
        nameWidth = qMax(nameWidth, displayWidth(entry.shortName));
        levelWidth = qMax(levelWidth, displayWidth(levelName(levels.value(entry.key))));
        provinceWidth = qMax(provinceWidth, displayWidth(entry.context));
    }
    for (const SearchHit &hit : hits) {
        const SearchEntry &entry = index.entries().at(hit.entry);
        m_out << entry.key << QLatin1String("  ") << padded(entry.shortName, nameWidth)
              << QLatin1String("  ") << padded(levelName(levels.value(entry.key)), levelWidth)
              << QLatin1String("  ") << padded(entry.context, provinceWidth) << QLatin1String("  ")
              << entry.pinyin << Qt::endl;
    }
    return Ok;
}

int CliApplication::listCategories(Library &library, bool json)
{
    const auto categories = library.categories().all();
    if (!categories) {
        m_err << tr("listingdesk-cli: %1").arg(categories.error().message) << Qt::endl;
        return DataError;
    }
    if (json) {
        QJsonArray array;
        for (const Category &category : categories.value()) {
            array.append(
                QJsonObject{{QStringLiteral("id"), category.id},
                            {QStringLiteral("path"), category.path},
                            {QStringLiteral("name"), category.name},
                            {QStringLiteral("name_en"), category.nameEn},
                            {QStringLiteral("pinyin"), category.pinyin},
                            {QStringLiteral("parent"),
                             category.parentId ? QJsonValue(category.parentId) : QJsonValue()}});
        }
        m_out << QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Indented));
        return Ok;
    }
    // Children are indented under their parent; the English names line up.
    const auto indent = [](const Category &category) {
        return QString(category.parentId ? 2 : 0, u' ');
    };
    int width = 0;
    for (const Category &category : categories.value())
        width = qMax(width, displayWidth(indent(category) + category.path));
    for (const Category &category : categories.value())
        m_out << padded(indent(category) + category.path, width) << QLatin1String("  ")
              << category.nameEn << Qt::endl;
    return Ok;
}

} // namespace ListingDesk
