// listingdesk-generate: fills a new library with realistic Chinese classified
// listings, for the benchmarks (and for trying the GUI on a big library).
//
//   listingdesk-generate --out PATH [--count 100000] [--seed 42] [--force]
//
// Every listing goes through ListingRepository::insertInTransaction, so the
// schema, the full-text triggers and the first revision are exactly what the
// program writes; only the timestamps are moved afterwards (insert stamps
// "now") to spread them over two years. The same seed gives the same library
// (uuids included); the two years end at a fixed date, not at "now".

#include "library.h"
#include "sqlstatement.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QSqlQuery>
#include <QTextStream>
#include <QUuid>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <initializer_list>
#include <vector>

using namespace ListingDesk;

namespace {

QString s(const char *utf8)
{
    return QString::fromUtf8(utf8);
}

QStringList list(std::initializer_list<const char *> items)
{
    QStringList result;
    for (const char *item : items)
        result << QString::fromUtf8(item);
    return result;
}

class Random
{
public:
    explicit Random(quint32 seed) : m_gen(seed) {}
    int between(int low, int high) { return int(m_gen.bounded(low, high + 1)); } // inclusive
    double real() { return m_gen.generateDouble(); }
    bool chance(double p) { return m_gen.generateDouble() < p; }
    quint32 bits() { return m_gen.generate(); }
    template <typename T> const T &pick(const QList<T> &items)
    {
        return items.at(qsizetype(m_gen.bounded(quint32(items.size()))));
    }

private:
    QRandomGenerator m_gen;
};

/// Picks an index with probability proportional to its weight.
class Weighted
{
public:
    void add(double weight)
    {
        m_total += weight;
        m_cumulative.push_back(m_total);
    }
    int pick(Random &random) const
    {
        const double x = random.real() * m_total;
        return int(std::upper_bound(m_cumulative.begin(), m_cumulative.end(), x) -
                   m_cumulative.begin());
    }

private:
    std::vector<double> m_cumulative;
    double m_total = 0;
};

// ---------------------------------------------------------------- word pools

// Big cities get many more listings than small ones, as on the portals.
const QStringList bigCities =
    list({"北京", "上海",   "广州",   "深圳", "成都", "重庆", "天津", "武汉", "杭州", "西安",
          "南京", "郑州",   "长沙",   "苏州", "沈阳", "青岛", "东莞", "佛山", "合肥", "济南",
          "昆明", "哈尔滨", "石家庄", "太原", "长治", "大连", "厦门", "福州", "南宁", "宁波"});

const QStringList districts =
    list({"市区", "城区", "开发区", "高新区", "新区", "老城区", "火车站附近", "万达广场旁",
          "地铁口", "大学城", "市中心", "东关", "西街", "南门", "北环", "经济技术开发区"});

const QStringList surnames =
    list({"王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "胡", "朱",
          "高", "林", "何", "郭", "马", "罗", "梁", "宋", "郑", "谢", "韩", "唐", "冯", "于",
          "董", "萧", "程", "曹", "袁", "邓", "许", "傅", "沈", "曾", "彭", "吕"});
const QStringList givenNames =
    list({"伟",   "芳",   "娜",   "秀英", "敏",   "静",   "丽",   "强",   "磊",
          "军",   "洋",   "勇",   "艳",   "杰",   "娟",   "涛",   "明",   "超",
          "秀兰", "霞",   "平",   "刚",   "桂英", "建华", "志强", "晓东", "海燕",
          "丽华", "文博", "子涵", "浩然", "欣怡", "雨萱", "俊杰", "红梅", "建国"});
const QStringList honorifics = list({"先生", "女士", "经理", "老师", "师傅"});
const QStringList wechatWords = {
    QStringLiteral("sunny"), QStringLiteral("xiaowang"), QStringLiteral("happy"),
    QStringLiteral("ok"),    QStringLiteral("house"),    QStringLiteral("job"),
    QStringLiteral("lee"),   QStringLiteral("zhang"),    QStringLiteral("star"),
    QStringLiteral("tiger"), QStringLiteral("home"),     QStringLiteral("fang")};

/// Templates per top-level category. {c} city, {d} district, {s} subcategory,
/// {n} a small number, {a} an area, {k} a salary in thousands.
struct CategoryText
{
    QStringList titles;
    QStringList sentences;
    QStringList headings;
    QStringList captions;
};

CategoryText textFor(const QString &top)
{
    if (top == s("房产"))
        return {
            list({"{c}{d}精装两室一厅出租 拎包入住", "{c}{d}{a}平米三室两厅 南北通透 急售",
                  "{c}{d}单间出租 独立卫浴 押一付一", "{d}地铁口{s} {a}平 采光好 随时看房",
                  "{c}{s}转让 {d}临街旺铺 客流量大", "{c}{d}学区房 {n}楼 满五唯一",
                  "{c}{d}写字楼出租 {a}平 精装带家具", "{c}{d}{s} 业主直租 无中介费",
                  "{c}{d}厂房仓库出租 {a}平 层高八米 可办环评", "{c}{d}地下车位出售 产权清晰",
                  "{c}{d}一室一厅 {a}平 家电齐全 近公交站", "{c}{s}急租 {d}小区 {n}楼 电梯房"}),
            list({"房子位于小区中间位置，远离马路，安静舒适，采光充足。",
                  "小区环境优美，绿化率高，物业管理规范，二十四小时保安巡逻。",
                  "房间为精装修，家具家电齐全，冰箱、洗衣机、空调、热水器一应俱全，拎包即可入住。",
                  "周边配套成熟，步行五分钟到超市、菜市场和医院，附近有幼儿园和小学。",
                  "交通便利，楼下就是公交站，距离地铁站约八百米，上下班非常方便。",
                  "房东人好好说话，押一付三，水电燃气按实际用量缴纳，物业费包含在租金里。",
                  "户型方正，南北通透，客厅带大阳台，主卧朝南，冬暖夏凉。",
                  "本房源为业主自住房，保养得非常好，地板和墙面都很新，没有出租过。",
                  "看房请提前电话预约，中午和晚上都可以看，周末也方便。",
                  "欢迎实地看房，价格可以小议，诚心要的联系，中介勿扰。",
                  "小区人车分流，有地下停车场，车位充足，另有电动车充电桩。",
                  "商铺临街，门头宽，适合做餐饮、超市、药店、教育培训等各种行业。"}),
            list({"房屋信息", "周边配套", "交通出行", "看房须知"}),
            list({"客厅实拍图", "主卧实拍", "小区环境", "厨房和餐厅", "门头照片"})};
    if (top == s("招聘") || top == s("兼职") || top == s("求职"))
        return {list({"招聘{s} 五险一金 月薪{k}千起", "{c}{d}急招{s}{n}名 包吃包住",
                      "{c}某大型企业招聘{s} 双休 有年终奖", "高薪诚聘{s} {c}{d} 待遇从优",
                      "{c}招{s} 日结 可兼职 时间自由", "{c}{d}连锁门店招聘{s} 底薪加提成",
                      "本人求职{s} {n}年经验 {c}{d}附近优先", "{c}{d}招聘{s}学徒 包教包会",
                      "{c}物业公司招聘{s} 上六休一 {k}千到{k}千", "{c}{d}工厂直招{s} 长期稳定"}),
                list({"公司成立于二〇一〇年，是一家集研发、生产、销售于一体的综合性企业，现因业务发"
                      "展需要，诚聘以下人员。",
                      "岗位要求：年龄十八至四十五周岁，身体健康，吃苦耐劳，有相关工作经验者优先。",
                      "薪资待遇：底薪加提成加全勤奖，综合收入每月六千至九千元，上不封顶。",
                      "公司提供免费食宿，宿舍配有空调、热水器和无线网络，节假日有福利发放。",
                      "工作时间：早九点到晚六点，中午休息一个半小时，每月休息四天。",
                      "试用期一个月，转正后缴纳五险一金，每年有带薪年假和体检。",
                      "有意者请携带身份证和简历到公司面试，或直接电话联系人事部。",
                      "本人性格开朗，做事认真负责，能吃苦耐劳，服从管理，希望找一份稳定的工作。",
                      "工作地点在开发区，公司有班车接送，也可以申请交通补贴。",
                      "岗位职责：负责日常的客户接待、资料整理以及领导交办的其他工作。",
                      "我们为员工提供完善的培训体系和清晰的晋升通道，欢迎有志之士加入。",
                      "不收取任何费用，不需要押金，欢迎应届毕业生和退伍军人。"}),
                list({"岗位要求", "薪资福利", "工作时间", "公司简介", "个人简历"}),
                list({"公司大楼外景", "员工宿舍实拍", "办公环境", "团队合影"})};
    if (top == s("二手") || top == s("车辆"))
        return {list({"{c}出售九成新{s} 价格可议", "{c}{d}自用{s}转让 {n}年车龄 无事故",
                      "个人急售{s} {c}同城自提", "{c}{d}闲置{s}便宜出 买了没用几次",
                      "{c}回收二手{s} 上门估价 现金结算", "{c}{s} 低价处理 先到先得",
                      "{c}{d}一手{s} 原版原漆 手续齐全", "转让{s} {c}{d}面交 可小刀"}),
                list({"东西是去年买的，平时使用很爱惜，没有任何磕碰，功能完好。",
                      "发票、包装盒和配件都在，支持当面验货，满意再付款。",
                      "因为搬家带不走，所以低价转让，只限同城自提，不邮寄。",
                      "车况良好，按时保养，保养记录齐全，无事故无泡水无火烧。",
                      "价格已经很低了，诚心要的可以小刀，砍价太狠的勿扰。",
                      "可以到小区门口看货，下班后和周末都有时间。",
                      "外观九成新，屏幕无划痕，电池健康度百分之九十以上。",
                      "手续齐全，可以陪同过户，外地车牌也可以帮忙办理。",
                      "另有其他闲置物品一起出，打包购买更便宜。",
                      "全部实物拍摄，图片就是实物，所见即所得。"}),
                list({"物品详情", "车辆信息", "交易方式", "购买说明"}),
                list({"实物正面图", "细节照片", "配件全家福", "车辆外观"})};
    if (top == s("生活服务") || top == s("商务服务") || top == s("招商加盟"))
        return {list({"{c}{s} 专业快速 价格透明", "{c}{d}{s} 二十四小时上门服务",
                      "{c}正规{s}公司 {n}年老店 诚信经营", "{c}{s} 当天上门 不满意不收费",
                      "{c}{d}{s}优惠活动 新客户立减{n}0元", "{c}专业{s}团队 经验丰富 口碑好",
                      "{s}项目招商 {c}地区诚招代理 投资小回报快"}),
                list({"本公司经工商部门注册，正规经营，价格公道，服务周到，欢迎来电咨询。",
                      "我们拥有专业的技术团队和齐全的设备，能够快速解决您遇到的各种问题。",
                      "服务范围覆盖全市各区县，市区内一小时上门，郊区当天到达。",
                      "所有项目明码标价，不乱收费，服务完成后满意再付款。",
                      "提供正规发票，可以签订服务合同，售后有保障。",
                      "多年来服务了上千家企业和家庭客户，得到了广大客户的一致好评。",
                      "总部提供选址、装修、培训、运营等一站式扶持，零经验也能轻松开店。",
                      "节假日照常营业，夜间也可以预约上门服务。",
                      "老客户介绍新客户享受九折优惠，长期合作价格更优惠。",
                      "欢迎各位朋友来电洽谈，我们将竭诚为您服务。"}),
                list({"服务项目", "收费标准", "公司简介", "加盟优势", "服务流程"}),
                list({"施工现场", "门店外景", "服务团队", "客户好评截图"})};
    if (top == s("教育培训"))
        return {list({"{c}{d}{s} 小班授课 免费试听", "{c}{s}暑期班火热招生中",
                      "{c}专业{s} 名师授课 包教包会", "{c}{d}{s}周末班 零基础可学",
                      "{c}{s} {n}人小班 随到随学"}),
                list({"学校开设多个班次，白天班、晚班和周末班任选，适合上班族和学生。",
                      "授课老师均有多年教学经验，因材施教，课堂气氛活跃。",
                      "课程结束后颁发结业证书，优秀学员推荐就业。",
                      "首次报名可以免费试听两节课，满意后再交费。",
                      "教学环境优美，教室宽敞明亮，配有多媒体设备。",
                      "报名咨询时间为每天上午九点到晚上八点。"}),
                list({"课程介绍", "师资力量", "报名方式"}),
                list({"教室环境", "学员上课照片", "往期结业合影"})};
    if (top == s("宠物"))
        return {list({"{c}家养{s}找新家 已打疫苗", "{c}{d}出售纯种{s} 健康保障",
                      "{c}{s}免费领养 只限同城", "{c}{d}{s}寄养 环境干净 专人照顾"}),
                list({"宝宝性格活泼亲人，不挑食，已经驱虫和打完疫苗。",
                      "自家繁殖，父母都可以看，保证健康，签协议。",
                      "因工作原因无法继续饲养，希望给它找一个有爱心的主人。",
                      "领养需要上门回访，拒绝转卖，拒绝笼养。"}),
                list({"宠物信息", "领养要求"}), list({"宝宝近照", "父母照片"})};
    // 本地新闻, 交友活动 and anything new: news-like text in the portal's style.
    return {list({"{c}举办“{s}”主题活动 市民踊跃参加", "{c}{d}{s}：周末城区部分道路临时交通管制",
                  "{c}召开全市{s}工作会议", "{c}{d}新建便民服务中心正式启用",
                  "{c}寻找失散多年的亲人 望好心人转发", "{c}{s}周末相约 {d}集合",
                  "{c}{d}{s}通知 请相互转告"}),
            list({"会议由市政府副秘书长主持，各县区政府分管领导和相关部门负责人参加了会议。",
                  "会上通报了去年全市各项工作的完成情况，并对今年的重点任务进行了安排部署。",
                  "各级各部门要认清形势，提高认识，切实增强做好各项工作的责任感和紧迫感。",
                  "要突出重点，抓住关键，全力做好城乡结合部和人员密集场所的安全隐患排查。",
                  "活动现场气氛热烈，不少市民带着孩子一起参加，纷纷表示收获很大。",
                  "据了解，此次活动共吸引了两千余名市民参与，是近年来规模最大的一次。",
                  "有关部门提醒广大市民合理安排出行路线，注意交通安全。",
                  "要加强领导，狠抓落实，确保各项目标任务落到实处，取得实效。",
                  "欢迎热爱生活的朋友报名参加，名额有限，报满即止。",
                  "如有知情者请与我们联系，必有重谢，谢谢大家的转发。"}),
            list({"会议现场", "活动详情", "相关通知", "报名方式"}),
            list({"会议现场", "活动合影", "参会人员", "现场照片"})};
}

// Only these carry the phrase 消防工 (消防工作, 消防工程). Everything else is
// kept free of it, so the filter benchmark finds the intended share.
const QStringList fireSentences = list({
    "长治市政府召开全市消防工作会议，市公安局副局长通报了全市消防工作及各县区目标任务完成情况。",
    "本公司承接各类消防工程，包括消防设施安装、维护保养和消防检测，资质齐全。",
    "招聘一级注册消防工程师，要求持证上岗，有大型商业综合体项目经验者优先。",
    "进一步提升了全市社会化消防工作水平，进一步夯实了城乡火灾防控基础。",
    "岗位职责：负责项目消防工程的图纸审核、现场施工管理以及竣工验收工作。",
    "全市消防工作还存在许多亟待解决的问题和隐患，齐抓共管的社会化格局尚未形成。",
});
const QStringList fireTitles =
    list({"招聘消防工程师 五险一金", "{c}承接消防工程 设计施工一体", "{c}召开全市消防工作会议",
          "急招消防工程施工员 {c}{d}", "{c}{d}消防工程公司招聘资料员 双休"});

struct Statuses
{
    Weighted weights;
    QList<ListingStatus> values;
    void add(ListingStatus status, double weight)
    {
        values << status;
        weights.add(weight);
    }
};

class Generator
{
public:
    Generator(Library &library, quint32 seed) : m_random(seed), m_library(library) {}

    Result<void> prepare()
    {
        auto categories = m_library.categories().all();
        if (!categories)
            return categories.error();
        QHash<qint64, QString> topNames;
        for (const Category &c : categories.value()) {
            if (c.parentId == 0)
                topNames.insert(c.id, c.name);
        }
        for (const Category &c : categories.value()) {
            if (c.parentId != 0)
                m_categories << Leaf{c.id, c.name, textFor(topNames.value(c.parentId))};
        }
        auto regions = m_library.regions().all();
        if (!regions)
            return regions.error();
        for (const Region &r : regions.value()) {
            if (r.level != 2)
                continue;
            m_cities << r;
            m_cityWeights.add(bigCities.contains(r.shortName) ? 40.0 : 1.0);
        }
        if (m_categories.isEmpty() || m_cities.isEmpty())
            return makeError(Error::Kind::Data,
                             QStringLiteral("The library has no reference data."));
        m_statuses.add(ListingStatus::Draft, 35);
        m_statuses.add(ListingStatus::Ready, 20);
        m_statuses.add(ListingStatus::Published, 30);
        m_statuses.add(ListingStatus::Modified, 5);
        m_statuses.add(ListingStatus::Queued, 2);
        m_statuses.add(ListingStatus::Publishing, 0.5);
        m_statuses.add(ListingStatus::Retrying, 1);
        m_statuses.add(ListingStatus::Failed, 4);
        m_statuses.add(ListingStatus::Conflict, 2.5);
        return {};
    }

    struct Made
    {
        Listing listing;
        QString createdAt;
        QString updatedAt;
        bool trashed = false;
    };

    Made next()
    {
        const Leaf &leaf = m_random.pick(m_categories);
        const bool fire = m_random.chance(0.02);
        Made made;
        Listing &l = made.listing;
        l.uuid = uuid();
        l.categoryId = leaf.id;
        const int cityCount = m_random.chance(0.7) ? 1 : (m_random.chance(0.6) ? 2 : 3);
        for (int i = 0; i < cityCount; ++i) {
            const QString code = m_cities.at(m_cityWeights.pick(m_random)).code;
            if (!l.cityCodes.contains(code))
                l.cityCodes << code;
        }
        const QString city = m_library.regions().byCode(l.cityCodes.first())->shortName;
        l.title = fill(fire && m_random.chance(0.5) ? m_random.pick(fireTitles)
                                                    : m_random.pick(leaf.text.titles),
                       city, leaf.name)
                      .left(maxTitleLength);
        l.bodyHtml = body(leaf, city, fire);
        if (!m_random.chance(0.25))
            l.price = price(leaf);
        l.contact.name =
            m_random.pick(surnames) +
            (m_random.chance(0.5) ? m_random.pick(honorifics) : m_random.pick(givenNames));
        l.contact.phone = QStringLiteral("1%1%2")
                              .arg(m_random.between(3, 9))
                              .arg(m_random.between(0, 999999999), 9, 10, QLatin1Char('0'));
        // Empty but not null: storage binds a null QString as SQL NULL, which
        // the NOT NULL contact columns refuse.
        l.contact.wechat = m_random.chance(0.6) ? m_random.pick(wechatWords) +
                                                      QString::number(m_random.between(1, 99999))
                                                : QStringLiteral("");
        l.promoted = m_random.chance(0.05);
        l.status = m_statuses.values.at(m_statuses.weights.pick(m_random));

        // Two years ending at a fixed date, so that a seed gives one library.
        static const QDateTime end(QDate(2026, 11, 1), QTime(0, 0), Qt::UTC);
        const qint64 span = qint64(730) * 24 * 3600 * 1000;
        const QDateTime created = end.addMSecs(-qint64(m_random.real() * double(span)));
        // Most listings are touched again within days; some much later.
        const qint64 untilEnd = created.msecsTo(end);
        const qint64 later = m_random.chance(0.3)
                                 ? 0
                                 : std::min(untilEnd, qint64(-std::log(1.0 - m_random.real()) *
                                                             7.0 * 24 * 3600 * 1000));
        const QDateTime updated = created.addMSecs(later);
        made.createdAt = created.toString(Qt::ISODateWithMs);
        made.updatedAt = updated.toString(Qt::ISODateWithMs);
        if (m_random.chance(0.3))
            l.expiresAt = updated.addDays(m_random.between(7, 180));
        made.trashed = m_random.chance(0.01);
        return made;
    }

private:
    struct Leaf
    {
        qint64 id;
        QString name;
        CategoryText text;
    };

    QString uuid()
    {
        const quint32 a = m_random.bits(), b = m_random.bits(), c = m_random.bits(),
                      d = m_random.bits();
        QUuid u(a, quint16(b >> 16), quint16((b & 0x0fff) | 0x4000),
                uchar(((c >> 24) & 0x3f) | 0x80), uchar(c >> 16), uchar(c >> 8), uchar(c),
                uchar(d >> 24), uchar(d >> 16), uchar(d >> 8), uchar(d));
        return u.toString(QUuid::WithoutBraces);
    }

    QString fill(QString text, const QString &city, const QString &sub)
    {
        text.replace(QLatin1String("{c}"), city);
        text.replace(QLatin1String("{s}"), sub);
        while (text.contains(QLatin1String("{d}")))
            text.replace(text.indexOf(QLatin1String("{d}")), 3, m_random.pick(districts));
        while (text.contains(QLatin1String("{n}")))
            text.replace(text.indexOf(QLatin1String("{n}")), 3,
                         QString::number(m_random.between(2, 9)));
        while (text.contains(QLatin1String("{a}")))
            text.replace(text.indexOf(QLatin1String("{a}")), 3,
                         QString::number(m_random.between(18, 260)));
        while (text.contains(QLatin1String("{k}")))
            text.replace(text.indexOf(QLatin1String("{k}")), 3,
                         QString::number(m_random.between(3, 15)));
        return text;
    }

    QString paragraph(const Leaf &leaf, int sentences, bool fire)
    {
        QString text;
        QString previous;
        for (int i = 0; i < sentences; ++i) {
            const QStringList &pool =
                fire && m_random.chance(0.35) ? fireSentences : leaf.text.sentences;
            QString sentence = m_random.pick(pool);
            if (sentence == previous) // never the same sentence twice in a row
                sentence = m_random.pick(pool);
            text += sentence;
            previous = sentence;
        }
        return QStringLiteral("<p>") + text + QStringLiteral("</p>\n");
    }

    QString body(const Leaf &leaf, const QString &city, bool fire)
    {
        // About 1.5 KB of UTF-8: three bytes a character, ~500 characters.
        const int targetBytes = m_random.between(1150, 1900);
        QString html;
        int bytes = 0;
        auto add = [&](const QString &part) {
            html += part;
            bytes += int(part.toUtf8().size());
        };
        add(paragraph(leaf, m_random.between(2, 3), fire));
        if (fire && !html.contains(s("消防工")))
            add(QStringLiteral("<p>") + m_random.pick(fireSentences) + QStringLiteral("</p>\n"));
        if (m_random.chance(0.5))
            add(QStringLiteral("<h2>") + m_random.pick(leaf.text.headings) +
                QStringLiteral("</h2>\n"));
        bool image = m_random.chance(0.6);
        while (bytes < targetBytes) {
            if (image && bytes > targetBytes / 3) {
                image = false;
                add(QStringLiteral("<p><img src=\"https://img.example.cn/upload/%1/%2.jpg\" "
                                   "alt=\"%3\"></p>\n<p class=\"caption\">%3（%4）</p>\n")
                        .arg(m_random.between(2019, 2026))
                        .arg(m_random.bits(), 8, 16, QLatin1Char('0'))
                        .arg(m_random.pick(leaf.text.captions), city));
                continue;
            }
            add(paragraph(leaf, m_random.between(1, 3), fire));
        }
        return html;
    }

    double price(const Leaf &leaf)
    {
        const QString &n = leaf.name;
        if (n == s("二手房") || n == s("新房"))
            return m_random.between(30, 600) * 10000.0;
        if (n.contains(s("租")) || n == s("商铺") || n == s("写字楼"))
            return m_random.between(6, 120) * 100.0;
        if (n == s("二手车") || n == s("新车") || n == s("货车") || n == s("工程车"))
            return m_random.between(2, 40) * 10000.0;
        return m_random.between(1, 5000) + m_random.between(0, 1) * 0.5;
    }

    Random m_random;
    Library &m_library;
    QList<Leaf> m_categories;
    QList<Region> m_cities;
    Weighted m_cityWeights;
    Statuses m_statuses;
};

qint64 fileSize(const QString &path)
{
    qint64 total = 0;
    for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
        total += QFileInfo(path + suffix).size();
    return total;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    QTextStream err(stderr);

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Creates a library filled with generated listings, for benchmarks."));
    parser.addHelpOption();
    const QCommandLineOption outOption(QStringLiteral("out"), QStringLiteral("Library to create."),
                                       QStringLiteral("path"));
    const QCommandLineOption countOption(QStringLiteral("count"),
                                         QStringLiteral("Number of listings (default 100000)."),
                                         QStringLiteral("n"), QStringLiteral("100000"));
    const QCommandLineOption seedOption(QStringLiteral("seed"),
                                        QStringLiteral("Random seed (default 42)."),
                                        QStringLiteral("n"), QStringLiteral("42"));
    const QCommandLineOption forceOption(QStringLiteral("force"),
                                         QStringLiteral("Replace PATH if it exists."));
    parser.addOptions({outOption, countOption, seedOption, forceOption});
    parser.process(app);

    const QString path = parser.value(outOption);
    bool countOk = false, seedOk = false;
    const int count = parser.value(countOption).toInt(&countOk);
    const quint32 seed = parser.value(seedOption).toUInt(&seedOk);
    if (path.isEmpty() || !countOk || count < 0 || !seedOk) {
        err << "usage: listingdesk-generate --out PATH [--count N] [--seed N] [--force]\n";
        return 2;
    }
    if (QFileInfo::exists(path)) {
        if (!parser.isSet(forceOption)) {
            err << path << " exists; pass --force to replace it.\n";
            return 1;
        }
        for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
            QFile::remove(path + suffix);
    }

    QElapsedTimer timer;
    timer.start();
    Library library;
    if (auto opened = library.open(path); !opened) {
        err << opened.error().message << '\n';
        return 1;
    }
    Generator generator(library, seed);
    if (auto ready = generator.prepare(); !ready) {
        err << ready.error().message << '\n';
        return 1;
    }

    QSqlDatabase db = library.database().connection();
    ListingRepository &repository = library.listings();
    constexpr int batch = 5000;
    int fire = 0;
    for (int start = 0; start < count; start += batch) {
        const int end = std::min(count, start + batch);
        auto done = inTransaction(db, [&]() -> Result<void> {
            // Insert stamps "now"; the generated times replace it. Neither
            // statement touches title or body_text, so the FTS triggers stay out.
            SqlStatement stamp(db,
                               QStringLiteral("UPDATE listings SET created_at = ?, updated_at = ?, "
                                              "deleted = ?, deleted_at = ? WHERE id = ?"));
            SqlStatement stampRevision(db, QStringLiteral("UPDATE revisions SET saved_at = ? "
                                                          "WHERE listing_id = ?"));
            for (int i = start; i < end; ++i) {
                Generator::Made made = generator.next();
                if (made.listing.title.contains(QStringLiteral("消防工")) ||
                    made.listing.bodyHtml.contains(QStringLiteral("消防工")))
                    ++fire;
                auto inserted = repository.insertInTransaction(made.listing);
                if (!inserted)
                    return inserted.error();
                const qint64 id = inserted.value().id;
                if (auto r = stamp.exec({made.createdAt, made.updatedAt, made.trashed ? 1 : 0,
                                         made.trashed ? QVariant(made.updatedAt) : QVariant(), id});
                    !r)
                    return r;
                if (auto r = stampRevision.exec({made.updatedAt, id}); !r)
                    return r;
            }
            return {};
        });
        if (!done) {
            err << done.error().message << '\n';
            return 1;
        }
        out << "\r" << end << " / " << count << Qt::flush;
    }
    out << '\n';
    // Leave a self-contained file (no WAL to replay) so every benchmark starts alike.
    QSqlQuery checkpoint(db);
    checkpoint.exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
    checkpoint.finish();
    const double seconds = double(timer.elapsed()) / 1000.0;
    checkpoint = QSqlQuery();

    out << QStringLiteral(
               "%1 listings (seed %2) in %3 s (%4 listings/s); %5 contain 消防工 (%6 %)\n")
               .arg(count)
               .arg(seed)
               .arg(seconds, 0, 'f', 1)
               .arg(seconds > 0 ? double(count) / seconds : 0.0, 0, 'f', 0)
               .arg(fire)
               .arg(count ? 100.0 * fire / count : 0.0, 0, 'f', 2);
    out << QStringLiteral("%1: %2 MB\n").arg(path).arg(double(fileSize(path)) / 1e6, 0, 'f', 1);
    return 0;
}
