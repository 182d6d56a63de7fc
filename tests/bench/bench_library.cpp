// listingdesk-bench: times what a user waits for on a big library, and the same
// SQL in the sqlite3 shell, so that our overhead over plain SQLite is visible.
//
//   listingdesk-bench PATH|URL [--runs 5] [--quick] [--trace] [--sqlite3 PROGRAM]
//                    [--figures FILE]
//
// A postgresql:// URL runs the same operations on a team library (see
// scripts/bench.sh --postgres, which copies the 100k library to a private
// server and prints both side by side); there is no statement tracing and no
// shell comparison on PostgreSQL. --figures writes "phase<TAB>median ms" lines.
//
// Each run is a fresh process (started as "--child") that opens the Library
// and a ListingTableModel, as at program start, and then, on that model: shows
// the first rows, filters (full text, category, province), sorts by title,
// jumps to the end and saves one listing. The OS file cache is not dropped
// (that needs root), so "cold" means a new process and an empty SQLite cache
// on a warm file. The figures are medians over the runs; the peak RSS is the
// largest of the runs.
//
// Every statement SQLite runs for us is recorded through sqlite3_trace_v2 with
// its bound values expanded, and the read statements of each run are replayed
// in a new sqlite3 shell process with ".timer on": the shell runs exactly our
// SQL, in the same order, on the same file and with the same cache size.
//
// This is a benchmark, not a test: it prints figures and fails only when an
// operation fails. (The bench_smoke test runs it with --quick.)

#include "databaselocation.h"
#include "library.h"
#include "listingtablemodel.h"

#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QGuiApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSqlDriver>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QSysInfo>
#include <QTextStream>
#include <QThread>

#include <dlfcn.h>

#include <algorithm>
#include <cstring>
#include <optional>

using namespace ListingDesk;

namespace {

QTextStream out(stdout);
QTextStream err(stderr);

enum Phase {
    FirstRows,
    Filter,
    CategoryFilter,
    RegionFilter,
    Sort,
    LastRows,
    Save,
    Untimed,
    PhaseCount
};

// ------------------------------------------------------------- SQL tracing

// The few SQLite functions we need, taken from the libsqlite3 that Qt's SQLite
// plugin has already loaded (RTLD_NOLOAD): no build dependency on the SQLite
// headers, and never a second SQLite copy talking to the plugin's handle. If
// the plugin carries its own SQLite, tracing is simply unavailable.
struct SqliteApi
{
    using Callback = int (*)(unsigned, void *, void *, void *);
    int (*trace)(void *, unsigned, Callback, void *) = nullptr;
    char *(*expandedSql)(void *) = nullptr;
    void (*free)(void *) = nullptr;
    const char *(*libversion)() = nullptr;

    static const SqliteApi *get()
    {
        static const std::optional<SqliteApi> api = []() -> std::optional<SqliteApi> {
            void *lib = dlopen("libsqlite3.so.0", RTLD_NOW | RTLD_NOLOAD);
            if (!lib)
                return std::nullopt;
            SqliteApi a;
            a.trace = reinterpret_cast<decltype(a.trace)>(dlsym(lib, "sqlite3_trace_v2"));
            a.expandedSql =
                reinterpret_cast<decltype(a.expandedSql)>(dlsym(lib, "sqlite3_expanded_sql"));
            a.free = reinterpret_cast<decltype(a.free)>(dlsym(lib, "sqlite3_free"));
            a.libversion =
                reinterpret_cast<decltype(a.libversion)>(dlsym(lib, "sqlite3_libversion"));
            if (!a.trace || !a.expandedSql || !a.free || !a.libversion)
                return std::nullopt;
            return a;
        }();
        return api ? &*api : nullptr;
    }
};

constexpr unsigned traceStmt = 0x01;    // SQLITE_TRACE_STMT
constexpr unsigned traceProfile = 0x02; // SQLITE_TRACE_PROFILE

struct TracedStatement
{
    Phase phase;
    QString sql;    ///< with the bound values in place
    qint64 ns = -1; ///< from its first step to its reset or finalize
};

class SqlTrace
{
public:
    bool attach(const QSqlDatabase &db)
    {
        const SqliteApi *api = SqliteApi::get();
        const QVariant handle = db.driver()->handle();
        if (!api || !handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0)
            return false;
        void *sqlite = *static_cast<void *const *>(handle.constData());
        return sqlite &&
               api->trace(sqlite, traceStmt | traceProfile, &SqlTrace::callback, this) == 0;
    }
    void setPhase(Phase phase) { m_phase = phase; }
    const QList<TracedStatement> &statements() const { return m_statements; }

private:
    static int callback(unsigned type, void *context, void *statement, void *x)
    {
        auto *self = static_cast<SqlTrace *>(context);
        if (type == traceStmt) {
            const char *text = static_cast<const char *>(x);
            // Trigger bodies announce themselves as "-- TRIGGER name"; they are
            // part of the statement that fired them.
            if (!text || std::strncmp(text, "--", 2) == 0 || isInternal(text))
                return 0;
            const SqliteApi *api = SqliteApi::get();
            char *expanded = api->expandedSql(statement);
            self->m_running.insert(statement,
                                   {self->m_statements.size(), self->m_clock.nsecsElapsed()});
            self->m_statements.append(
                {self->m_phase, QString::fromUtf8(expanded ? expanded : text)});
            api->free(expanded);
        } else if (type == traceProfile) {
            const auto it = self->m_running.constFind(statement);
            if (it != self->m_running.cend()) {
                // SQLite's own figure (*x) counts whole milliseconds; time it here.
                Q_UNUSED(x);
                self->m_statements[it.value().first].ns =
                    self->m_clock.nsecsElapsed() - it.value().second;
                self->m_running.erase(it);
            }
        }
        return 0;
    }
    // FTS5 reads and writes its shadow tables with statements of its own on the
    // same connection; they run inside ours and are timed with them.
    static bool isInternal(const char *text)
    {
        return std::strstr(text, "'listings_fts_") || std::strstr(text, "\"listings_fts_") ||
               std::strstr(text, "\"main\".") || std::strstr(text, "'main'.");
    }

    Phase m_phase = Untimed;
    QList<TracedStatement> m_statements;
    QHash<void *, std::pair<qsizetype, qint64>> m_running; // statement -> index, start
    QElapsedTimer m_clock;

public:
    SqlTrace() { m_clock.start(); }
};

// ----------------------------------------------------------------- helpers

double medianOf(QList<double> values)
{
    if (values.isEmpty())
        return -1;
    std::sort(values.begin(), values.end());
    const qsizetype n = values.size();
    return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

double msSince(const QElapsedTimer &timer)
{
    return double(timer.nsecsElapsed()) / 1e6;
}

qint64 peakRssKb()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').first().toLongLong();
    }
    return -1;
}

/// Reads rows [first, last] the way a table view paints them: every column's
/// text plus the title's font. Returns how many title cells had text.
int touchRows(const ListingTableModel &model, int first, int last)
{
    int titles = 0;
    for (int row = std::max(first, 0); row <= last; ++row) {
        for (int column = 0; column < ListingTableModel::ColumnCount; ++column) {
            const QModelIndex index = model.index(row, column);
            const QVariant text = model.data(index, Qt::DisplayRole);
            if (column == ListingTableModel::TitleColumn) {
                model.data(index, Qt::FontRole);
                if (!text.toString().isEmpty())
                    ++titles;
            }
        }
    }
    return titles;
}

const QString searchPhrase = QStringLiteral("消防工");
const QString categoryPath = QStringLiteral("房产/租房");
const QString regionCode =
    QStringLiteral("140000"); // 山西: a province, so its cities and counties too
constexpr int visibleRows = 50;

struct RunResult
{
    double ms[PhaseCount] = {};
    double sqlMs[PhaseCount] = {};
    double shellMs[PhaseCount] = {};
    bool shellOk = false;
    bool traced = false;
    int total = 0;
    int matches = 0;
    int categoryMatches = 0;
    int regionMatches = 0;
    double rssKb = 0;
    QString sqliteVersion;
    QString postgresVersion; ///< the server's, on a team library
    QList<TracedStatement> statements;
    QList<double> shellStatementMs; ///< per replayed statement

    QByteArray toJson() const
    {
        QJsonArray times, statementArray;
        for (double value : ms)
            times << value;
        for (const TracedStatement &s : statements)
            statementArray << QJsonArray{int(s.phase), double(s.ns), s.sql};
        return QJsonDocument(QJsonObject{{QStringLiteral("ms"), times},
                                         {QStringLiteral("traced"), traced},
                                         {QStringLiteral("total"), total},
                                         {QStringLiteral("matches"), matches},
                                         {QStringLiteral("categoryMatches"), categoryMatches},
                                         {QStringLiteral("regionMatches"), regionMatches},
                                         {QStringLiteral("rssKb"), rssKb},
                                         {QStringLiteral("sqlite"), sqliteVersion},
                                         {QStringLiteral("postgres"), postgresVersion},
                                         {QStringLiteral("statements"), statementArray}})
            .toJson(QJsonDocument::Compact);
    }
    static std::optional<RunResult> fromJson(const QByteArray &json)
    {
        const QJsonObject o = QJsonDocument::fromJson(json).object();
        const QJsonArray times = o.value(QStringLiteral("ms")).toArray();
        if (times.size() != PhaseCount)
            return std::nullopt;
        RunResult r;
        for (int i = 0; i < PhaseCount; ++i)
            r.ms[i] = times.at(i).toDouble();
        r.traced = o.value(QStringLiteral("traced")).toBool();
        r.total = o.value(QStringLiteral("total")).toInt();
        r.matches = o.value(QStringLiteral("matches")).toInt();
        r.categoryMatches = o.value(QStringLiteral("categoryMatches")).toInt();
        r.regionMatches = o.value(QStringLiteral("regionMatches")).toInt();
        r.rssKb = o.value(QStringLiteral("rssKb")).toDouble();
        r.sqliteVersion = o.value(QStringLiteral("sqlite")).toString();
        r.postgresVersion = o.value(QStringLiteral("postgres")).toString();
        for (const QJsonValue &v : o.value(QStringLiteral("statements")).toArray()) {
            const QJsonArray s = v.toArray();
            TracedStatement statement{Phase(s.at(0).toInt()), s.at(2).toString(),
                                      qint64(s.at(1).toDouble())};
            if (statement.ns >= 0)
                r.sqlMs[statement.phase] += double(statement.ns) / 1e6;
            r.statements << statement;
        }
        return r;
    }
};

// ------------------------------------------------------------ one run

std::optional<QString> runOnce(const QString &path, RunResult &result)
{
    SqlTrace trace;
    Library library;
    QElapsedTimer timer;

    // Open, count and the first rows, as at program start.
    timer.start();
    if (auto opened = library.open(path); !opened)
        return opened.error().message;
    result.traced = trace.attach(library.database().connection());
    if (library.database().isPostgres()) {
        QSqlQuery version(library.database().connection());
        if (version.exec(QStringLiteral("SHOW server_version")) && version.next())
            result.postgresVersion = version.value(0).toString();
    }
    trace.setPhase(FirstRows);
    ListingTableModel model(&library.listings());
    result.total = model.rowCount();
    const int shown = touchRows(model, 0, std::min(visibleRows, model.rowCount()) - 1);
    result.ms[FirstRows] = msSince(timer);
    if (result.total > 0 && shown == 0)
        return QStringLiteral("the first rows came back empty");

    // Full-text filter.
    ListingQuery query;
    query.searchText = searchPhrase;
    trace.setPhase(Filter);
    timer.restart();
    model.setQuery(query);
    touchRows(model, 0, std::min(visibleRows, model.rowCount()) - 1);
    result.ms[Filter] = msSince(timer);
    result.matches = model.rowCount();

    // The sidebar's other filters: one category, one province.
    trace.setPhase(Untimed);
    auto categoryId = library.categories().idForPath(categoryPath);
    if (!categoryId)
        return categoryId.error().message;
    query = ListingQuery{};
    query.categoryId = categoryId.value();
    trace.setPhase(CategoryFilter);
    timer.restart();
    model.setQuery(query);
    touchRows(model, 0, std::min(visibleRows, model.rowCount()) - 1);
    result.ms[CategoryFilter] = msSince(timer);
    result.categoryMatches = model.rowCount();

    query = ListingQuery{};
    query.regionCode = regionCode;
    trace.setPhase(RegionFilter);
    timer.restart();
    model.setQuery(query);
    touchRows(model, 0, std::min(visibleRows, model.rowCount()) - 1);
    result.ms[RegionFilter] = msSince(timer);
    result.regionMatches = model.rowCount();

    // Sort everything by title.
    trace.setPhase(Untimed);
    model.setQuery(ListingQuery{});
    trace.setPhase(Sort);
    timer.restart();
    model.sort(ListingTableModel::TitleColumn, Qt::AscendingOrder);
    touchRows(model, 0, std::min(visibleRows, model.rowCount()) - 1);
    result.ms[Sort] = msSince(timer);

    // Back to the default order, then jump to its end.
    trace.setPhase(Untimed);
    model.sort(ListingTableModel::UpdatedColumn, Qt::DescendingOrder);
    trace.setPhase(LastRows);
    timer.restart();
    const int lastShown = touchRows(model, model.rowCount() - visibleRows, model.rowCount() - 1);
    result.ms[LastRows] = msSince(timer);
    if (result.total > 0 && lastShown == 0)
        return QStringLiteral("the last rows came back empty");

    // Save the listing at the top (on screen, so the model refreshes its row).
    // The edit toggles, so that repeated benchmarks keep the listing's size.
    trace.setPhase(Untimed);
    // The editor shows city names, so the region table is in memory before any
    // save; without this the first save of a session also reads ~3,200 regions.
    library.regions().all();
    if (result.total > 0) {
        const qint64 id = model.idAt(0);
        auto loaded = library.listings().load(id);
        if (!loaded)
            return loaded.error().message;
        Listing edited = loaded.value();
        const QString titleMark = QStringLiteral(" 急");
        const QString bodyMark = QStringLiteral("<p>补充说明：信息真实有效，欢迎来电咨询。</p>\n");
        if (edited.title.endsWith(titleMark))
            edited.title.chop(titleMark.size());
        else
            edited.title += titleMark;
        if (edited.bodyHtml.endsWith(bodyMark))
            edited.bodyHtml.chop(bodyMark.size());
        else
            edited.bodyHtml += bodyMark;
        trace.setPhase(Save);
        timer.restart();
        auto saved = library.listings().save(edited);
        result.ms[Save] = msSince(timer);
        if (!saved)
            return saved.error().message;
    }
    trace.setPhase(Untimed);
    result.statements = trace.statements();
    result.rssKb = double(peakRssKb());
    if (const SqliteApi *api = SqliteApi::get(); api && !library.database().isPostgres())
        result.sqliteVersion = QString::fromLatin1(api->libversion());
    return std::nullopt;
}

// ---------------------------------------------------------- sqlite3 shell

bool isRead(const TracedStatement &s)
{
    return s.phase != Save &&
           s.sql.trimmed().startsWith(QLatin1String("SELECT"), Qt::CaseInsensitive);
}

/// Replays the run's read statements in one sqlite3 process; fills shellMs.
std::optional<QString> replayInShell(const QString &program, const QString &path, RunResult &result)
{
    QString script;
    // The connection settings of Database::configure() that matter for reads.
    script += QStringLiteral("PRAGMA temp_store = MEMORY;\nPRAGMA cache_size = -32000;\n"
                             ".output /dev/null\n.timer on\n");
    QList<Phase> phases;
    for (const TracedStatement &s : std::as_const(result.statements)) {
        if (!isRead(s))
            continue;
        QString sql = s.sql.simplified();
        if (!sql.endsWith(QLatin1Char(';')))
            sql += QLatin1Char(';');
        script += sql + QLatin1Char('\n');
        phases << s.phase;
    }
    QProcess shell;
    shell.start(program, {QStringLiteral("-batch"), path});
    if (!shell.waitForStarted())
        return QStringLiteral("could not start %1").arg(program);
    shell.write(script.toUtf8());
    shell.closeWriteChannel();
    if (!shell.waitForFinished(120000))
        return QStringLiteral("%1 did not finish").arg(program);
    const QString output = QString::fromUtf8(shell.readAllStandardOutput());
    const QString errors = QString::fromUtf8(shell.readAllStandardError()).trimmed();
    if (!errors.isEmpty())
        return QStringLiteral("sqlite3: %1").arg(errors.left(300));
    static const QRegularExpression runTime(QStringLiteral("Run Time: real ([0-9.]+)"));
    QList<double> times;
    for (auto it = runTime.globalMatch(output); it.hasNext();)
        times << it.next().captured(1).toDouble() * 1000.0;
    if (times.size() != phases.size())
        return QStringLiteral("expected %1 timings from sqlite3, got %2")
            .arg(phases.size())
            .arg(times.size());
    for (qsizetype i = 0; i < times.size(); ++i)
        result.shellMs[phases[i]] += times[i];
    result.shellStatementMs = times;
    result.shellOk = true;
    return std::nullopt;
}

// ------------------------------------------------------------ reporting

struct Line
{
    QString operation;
    QString ours;
    QString sql;
    QString shell;
    QString ratio;
    QString target;
    QString verdict;
};

QString ms(double value)
{
    if (value < 0)
        return QStringLiteral("–");
    return QStringLiteral("%1 ms").arg(value, 0, 'f', value < 10 ? 2 : 1);
}

void printPlain(const QList<Line> &lines, const Line &header)
{
    QList<Line> all{header};
    all << lines;
    int width[7] = {};
    for (const Line &l : all) {
        const QString cells[7] = {l.operation, l.ours,   l.sql,    l.shell,
                                  l.ratio,     l.target, l.verdict};
        for (int i = 0; i < 7; ++i)
            width[i] = std::max(width[i], int(cells[i].size()));
    }
    for (const Line &l : all) {
        const QString cells[7] = {l.operation, l.ours,   l.sql,    l.shell,
                                  l.ratio,     l.target, l.verdict};
        QString text;
        for (int i = 0; i < 7; ++i)
            text +=
                (i == 0 ? cells[i].leftJustified(width[i]) : cells[i].rightJustified(width[i])) +
                QStringLiteral("  ");
        out << text.trimmed() << '\n';
    }
}

void printMarkdown(const QList<Line> &lines, const Line &header)
{
    auto row = [](const Line &l) {
        return QStringLiteral("| %1 | %2 | %3 | %4 | %5 | %6 | %7 |\n")
            .arg(l.operation, l.ours, l.sql, l.shell, l.ratio, l.target, l.verdict);
    };
    out << row(header) << "|---|--:|--:|--:|--:|---|---|\n";
    for (const Line &l : lines)
        out << row(l);
}

} // namespace

/// One run, in this (fresh) process; the result goes to stdout as JSON.
int childMain(int argc, char *argv[])
{
    // The model formats fonts, which needs a GUI application; no window is shown.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    const QStringList args = app.arguments();
    RunResult result;
    if (auto failed = runOnce(args.value(2), result)) {
        err << *failed << '\n';
        return 1;
    }
    out << result.toJson() << '\n';
    return 0;
}

int main(int argc, char *argv[])
{
    if (argc == 3 && qstrcmp(argv[1], "--child") == 0)
        return childMain(argc, argv);
    QCoreApplication app(argc, argv);

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Times ListingDesk on a library and compares "
                                                    "with the sqlite3 shell."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("PATH"),
                                 QStringLiteral("The library (see listingdesk-generate)."));
    const QCommandLineOption runsOption(QStringLiteral("runs"), QStringLiteral("Runs (default 5)."),
                                        QStringLiteral("n"), QStringLiteral("5"));
    const QCommandLineOption quickOption(QStringLiteral("quick"),
                                         QStringLiteral("One run; for the smoke test."));
    const QCommandLineOption traceOption(
        QStringLiteral("trace"),
        QStringLiteral("List every statement of the last run with its times."));
    const QCommandLineOption shellOption(QStringLiteral("sqlite3"),
                                         QStringLiteral("The sqlite3 shell (default: from PATH)."),
                                         QStringLiteral("program"), QStringLiteral("sqlite3"));
    const QCommandLineOption figuresOption(
        QStringLiteral("figures"),
        QStringLiteral("Also write \"phase<TAB>median ms\" lines to FILE (scripts/bench.sh)."),
        QStringLiteral("FILE"));
    parser.addOptions({runsOption, quickOption, traceOption, shellOption, figuresOption});
    parser.process(app);
    if (parser.positionalArguments().size() != 1) {
        err << "usage: listingdesk-bench PATH|URL [--runs N] [--quick] [--trace] [--sqlite3 "
               "PROGRAM] [--figures FILE]\n";
        return 2;
    }
    const bool onPostgres = DatabaseLocation::isPostgresUrl(parser.positionalArguments().first());
    const QString path = onPostgres
                             ? parser.positionalArguments().first()
                             : QFileInfo(parser.positionalArguments().first()).absoluteFilePath();
    // What is printed: a URL without its password.
    const QString shownPath =
        onPostgres ? DatabaseLocation::parse(path).value().displayName() : path;
    if (!onPostgres && !QFileInfo::exists(path)) {
        err << path << " does not exist; create it with listingdesk-generate.\n";
        return 1;
    }
    const int runs = parser.isSet(quickOption) ? 1 : std::max(1, parser.value(runsOption).toInt());
    QString shellProgram = QStandardPaths::findExecutable(parser.value(shellOption));
    if (shellProgram.isEmpty() && QFileInfo(parser.value(shellOption)).isExecutable())
        shellProgram = parser.value(shellOption);

    QList<RunResult> results;
    QString shellNote;
    for (int run = 0; run < runs; ++run) {
        QProcess child;
        child.start(QCoreApplication::applicationFilePath(), {QStringLiteral("--child"), path});
        if (!child.waitForFinished(600000) || child.exitStatus() != QProcess::NormalExit ||
            child.exitCode() != 0) {
            err << "run " << run + 1 << " failed: "
                << QString::fromUtf8(child.readAllStandardError())
                       .trimmed()
                       .replace(path, shownPath)
                << '\n';
            return 1;
        }
        std::optional<RunResult> parsed =
            RunResult::fromJson(child.readAllStandardOutput().trimmed());
        if (!parsed) {
            err << "run " << run + 1 << " answered nothing readable\n";
            return 1;
        }
        RunResult &result = *parsed;
        if (onPostgres) {
            shellNote = QStringLiteral("a team library on PostgreSQL: no statement tracing and no "
                                       "shell comparison; the columns SQL and sqlite3 stay empty");
        } else if (!result.traced) {
            shellNote = QStringLiteral("statement tracing unavailable (Qt's SQLite plugin does not "
                                       "use the system libsqlite3), so no shell comparison");
        } else if (shellProgram.isEmpty()) {
            shellNote = QStringLiteral("sqlite3 not found; install it (apt-get install sqlite3) "
                                       "for the comparison");
        } else if (auto failed = replayInShell(shellProgram, path, result)) {
            err << "sqlite3 replay failed: " << *failed << '\n';
            return 1;
        }
        results << result;
        out << "run " << run + 1 << '/' << runs << ": first rows " << ms(result.ms[FirstRows])
            << ", filter " << ms(result.ms[Filter]) << ", category "
            << ms(result.ms[CategoryFilter]) << ", province " << ms(result.ms[RegionFilter])
            << ", sort " << ms(result.ms[Sort]) << ", last " << ms(result.ms[LastRows]) << ", save "
            << ms(result.ms[Save]) << '\n'
            << Qt::flush;
    }

    auto median = [&](auto member, Phase phase) {
        QList<double> values;
        for (const RunResult &r : std::as_const(results))
            values << (r.*member)[phase];
        return medianOf(values);
    };
    const bool haveShell =
        std::all_of(results.cbegin(), results.cend(), [](const RunResult &r) { return r.shellOk; });
    const bool traced = results.first().traced;
    double rssMb = 0;
    for (const RunResult &r : std::as_const(results))
        rssMb = std::max(rssMb, r.rssKb / 1024.0);

    // ------------------------------------------------------------ report
    const RunResult &last = results.last();
    qint64 bytes = 0;
    for (const QString &suffix : {QString(), QStringLiteral("-wal")})
        bytes += onPostgres ? 0 : QFileInfo(path + suffix).size();
    const QString engine =
        onPostgres
            ? QStringLiteral("PostgreSQL %1")
                  .arg(last.postgresVersion.isEmpty() ? QStringLiteral("?") : last.postgresVersion)
            : QStringLiteral("SQLite %1")
                  .arg(last.sqliteVersion.isEmpty() ? QStringLiteral("?") : last.sqliteVersion);
    out << '\n'
        << QStringLiteral("Library %1: %2 listings shown (all), %3; %4; %5 CPUs; "
                          "Qt %6; median of %7 run(s).\n")
               .arg(shownPath)
               .arg(last.total)
               .arg(onPostgres ? QStringLiteral("on a server")
                               : QStringLiteral("%1 MB").arg(double(bytes) / 1e6, 0, 'f', 1))
               .arg(engine)
               .arg(QThread::idealThreadCount())
               .arg(QString::fromLatin1(qVersion()))
               .arg(runs)
        << (onPostgres ? "Each run: a new process connects to the server (a new backend with "
                         "an empty cache of its own; the server's shared buffers stay warm).\n"
                       : "Each run: a new process opens the library (empty SQLite cache); the "
                         "OS file cache stays warm.\n")
        << (onPostgres ? ""
                       : "\"SQL\": time inside SQLite statements in ListingDesk (traced, first "
                         "step to finalize); \"sqlite3\": replays the same statements in the "
                         "shell (.timer, 1 ms resolution).\n");
    if (!shellNote.isEmpty())
        out << "Note: " << shellNote << ".\n";
    if (parser.isSet(quickOption))
        out << "Note: --quick is a smoke run; its figures and verdicts mean little (use "
               "scripts/bench.sh).\n";
    out << '\n';

    const Line header{QStringLiteral("Operation"), QStringLiteral("ListingDesk"),
                      QStringLiteral("SQL"),       QStringLiteral("sqlite3"),
                      QStringLiteral("ratio"),     QStringLiteral("target"),
                      QStringLiteral("")};
    struct Spec
    {
        Phase phase;
        QString name;
        double targetMs; // < 0: none
        bool compare;
    };
    const QList<Spec> specs{
        {FirstRows, QStringLiteral("Open + first %1 rows (all, newest first)").arg(visibleRows),
         150, true},
        {Filter,
         QStringLiteral("Filter “%1” + first rows (%2 matches)")
             .arg(searchPhrase)
             .arg(last.matches),
         40, true},
        {CategoryFilter,
         QStringLiteral("Category %1 + first rows (%2)")
             .arg(categoryPath)
             .arg(last.categoryMatches),
         40, true},
        {RegionFilter, QStringLiteral("Province 山西 + first rows (%1)").arg(last.regionMatches),
         40, true},
        {Sort, QStringLiteral("Sort by title + first rows"), 50, true},
        {LastRows, QStringLiteral("Jump to the last %1 rows").arg(visibleRows), -1, true},
        {Save, QStringLiteral("Save one listing (FTS + revision)"), 10, false},
    };
    QList<Line> lines;
    bool allMet = true;
    for (const Spec &spec : specs) {
        const double ours = median(&RunResult::ms, spec.phase);
        const double sql = traced ? median(&RunResult::sqlMs, spec.phase) : -1;
        const double shell =
            spec.compare && haveShell ? median(&RunResult::shellMs, spec.phase) : -1;
        // The shell reports whole milliseconds; never divide by less than half of one.
        const double ratio = shell >= 0 ? ours / std::max(shell, 0.5) : -1;
        QStringList target;
        bool met = true;
        if (spec.targetMs > 0) {
            target << QStringLiteral("≤ %1 ms").arg(spec.targetMs);
            met = met && ours <= spec.targetMs;
        }
        if (spec.compare) {
            target << QStringLiteral("≤ 1.5×");
            if (ratio >= 0)
                met = met && ratio <= 1.5;
        }
        allMet = allMet && met;
        lines << Line{spec.name,
                      ms(ours),
                      ms(sql),
                      ms(shell),
                      ratio >= 0 ? QStringLiteral("%1×").arg(ratio, 0, 'f', 2)
                                 : QStringLiteral("–"),
                      target.join(QLatin1String(", ")),
                      met ? QStringLiteral("ok") : QStringLiteral("MISSED")};
    }
    const bool rssMet = rssMb <= 150;
    allMet = allMet && rssMet;
    lines << Line{QStringLiteral("Peak RSS (VmHWM) of a run"),
                  QStringLiteral("%1 MB").arg(rssMb, 0, 'f', 1),
                  QStringLiteral("–"),
                  QStringLiteral("–"),
                  QStringLiteral("–"),
                  QStringLiteral("≤ 150 MB"),
                  rssMet ? QStringLiteral("ok") : QStringLiteral("MISSED")};

    if (parser.isSet(figuresOption)) {
        static const char *keys[] = {"first_rows", "filter",    "category", "province",
                                     "sort",       "last_rows", "save"};
        QFile file(parser.value(figuresOption));
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
            err << "cannot write " << file.fileName() << '\n';
            return 1;
        }
        QTextStream figures(&file);
        for (int phase = FirstRows; phase <= Save; ++phase)
            figures << keys[phase] << '\t'
                    << QString::number(median(&RunResult::ms, Phase(phase)), 'f', 2) << '\n';
        figures << "peak_rss_mb\t" << QString::number(rssMb, 'f', 1) << '\n';
    }

    printPlain(lines, header);
    out << '\n';
    printMarkdown(lines, header);
    out << '\n' << (allMet ? "All targets met.\n" : "Some targets were missed (see MISSED).\n");

    if (parser.isSet(traceOption)) {
        static const char *names[] = {"first rows", "filter",    "category", "region",
                                      "sort",       "last rows", "save",     "untimed"};
        out << "\nStatements of the last run (in-process ms / shell ms):\n";
        qsizetype replayed = 0;
        for (const TracedStatement &s : last.statements) {
            QString shell = QStringLiteral("–");
            if (isRead(s) && last.shellOk)
                shell = QString::number(last.shellStatementMs.value(replayed++), 'f', 0);
            out << QStringLiteral("[%1] %2 / %3  %4\n")
                       .arg(QString::fromLatin1(names[s.phase]))
                       .arg(s.ns >= 0 ? double(s.ns) / 1e6 : -1.0, 0, 'f', 2)
                       .arg(shell, s.sql.simplified().left(400));
        }
    }
    out.flush();
    return 0;
}
