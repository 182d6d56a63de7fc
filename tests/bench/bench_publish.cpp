// The listingdesk-cli half of the publish throughput benchmark (curl_publish.sh
// is the other half): a library of COUNT ready listings with a ~3 KB Chinese
// article each, published by the real listingdesk-cli to one city, JOBS at a
// time. Prints wall time, posts per second and the CPU time the CLI process
// spent per listing (user + system, from getrusage of the finished child).
//
//   listingdesk-bench-publish CLI URL USER PASSWORD COUNT JOBS

#include "library.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QProcess>
#include <QTemporaryDir>
#include <QTextStream>

#include <sys/resource.h>

using namespace ListingDesk;

namespace {

double childCpuMs()
{
    rusage usage{};
    getrusage(RUSAGE_CHILDREN, &usage);
    return (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000.0 +
           (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1000.0;
}

QString article(int i)
{
    const QString paragraph = QStringLiteral(
        "<p>本房源位于朝阳区望京核心地段，步行五分钟即可到达地铁站，周边配套齐全，大型超市、"
        "菜市场、银行、医院一应俱全。小区绿化率高，环境安静，物业管理规范，二十四小时保安巡逻，"
        "居住安心。</p>");
    const QString facts = QStringLiteral(
        "<ul><li>户型：两室一厅一卫，建筑面积八十五平方米</li><li>楼层：中间楼层，共十八层，"
        "有电梯</li><li>朝向：南北通透，采光充足</li><li>装修：精装修，家具家电齐全，拎包入住"
        "</li></ul>");
    return QStringLiteral("<h2>房源介绍</h2>") + paragraph + paragraph + facts +
           QStringLiteral("<h2>小区环境</h2>") + paragraph + paragraph +
           QStringLiteral("<h2>租金说明</h2>") + paragraph + paragraph +
           QStringLiteral("<p>第%1套，联系人：王先生，看房请提前预约。</p>").arg(i);
}

int run(QProcess &process, const QString &cli, const QStringList &args, const QString &password)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("LISTINGDESK_NO_KEYCHAIN"), QStringLiteral("1"));
    env.insert(QStringLiteral("LISTINGDESK_PORTAL_PASSWORD"), password);
    process.setProcessEnvironment(env);
    process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    process.start(cli, args);
    if (!process.waitForFinished(3600 * 1000))
        return -1;
    return process.exitCode();
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    const QStringList a = app.arguments();
    if (a.size() != 7) {
        out << "usage: listingdesk-bench-publish CLI URL USER PASSWORD COUNT JOBS\n";
        return 2;
    }
    const QString cli = a.at(1), url = a.at(2), user = a.at(3), password = a.at(4);
    const int count = a.at(5).toInt(), jobs = a.at(6).toInt();

    QTemporaryDir dir;
    const QString db = dir.filePath(QStringLiteral("library.sqlite"));
    {
        Library library;
        if (auto opened = library.open(db); !opened) {
            out << opened.error().message << "\n";
            return 1;
        }
        PortalInfo portal;
        portal.name = QStringLiteral("bench");
        portal.baseUrl = url;
        portal.username = user;
        if (auto added = library.portals().add(portal); !added) {
            out << added.error().message << "\n";
            return 1;
        }
        const qint64 category = library.categories().idForPath(QStringLiteral("房产/租房")).value();
        const QString run = QString::number(QDateTime::currentSecsSinceEpoch());
        for (int i = 0; i < count; ++i) {
            Listing l;
            l.title = QStringLiteral("朝阳望京精装两居室出租 %1-%2").arg(run).arg(i);
            l.bodyHtml = article(i);
            l.categoryId = category;
            l.cityCodes = {QStringLiteral("110100")};
            l.contact = {QStringLiteral("王先生"), QStringLiteral("13800000000"), {}};
            l.price = 5800;
            l.status = ListingStatus::Ready;
            if (auto created = library.listings().create(l); !created) {
                out << created.error().message << "\n";
                return 1;
            }
        }
    }
    // The connection test (plugin or plain) and the terms are not what we time.
    QProcess test;
    if (run(test, cli,
            {QStringLiteral("--db"), db, QStringLiteral("portal"), QStringLiteral("test"),
             QStringLiteral("bench")},
            password) != 0) {
        out << "portal test failed\n";
        return 1;
    }

    QProcess publish;
    const double cpuBefore = childCpuMs();
    QElapsedTimer clock;
    clock.start();
    const int code =
        run(publish, cli,
            {QStringLiteral("--db"), db, QStringLiteral("publish"), QStringLiteral("--portal"),
             QStringLiteral("bench"), QStringLiteral("--all-ready"), QStringLiteral("--jobs"),
             QString::number(jobs)},
            password);
    const double seconds = clock.elapsed() / 1000.0;
    const double cpuMs = childCpuMs() - cpuBefore;
    if (code != 0) {
        out << "listingdesk-cli publish exited with " << code << "\n";
        return 1;
    }
    out << QStringLiteral("listingdesk-cli: %1 posts in %2 s = %3 posts/s (jobs %4); CPU %5 ms "
                          "per listing\n")
               .arg(count)
               .arg(seconds, 0, 'f', 2)
               .arg(count / seconds, 0, 'f', 1)
               .arg(jobs)
               .arg(cpuMs / count, 0, 'f', 2);
    return 0;
}
