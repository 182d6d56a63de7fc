#!/bin/sh
# The curl half of the publish throughput benchmark: what a plain HTTP client
# achieves against the same endpoint, so that listingdesk-cli's figure can be
# read side by side with it.
#
#   tests/bench/curl_publish.sh BASE_URL USER PASSWORD COUNT JOBS [--with-lookup]
#
# --with-lookup sends before each create the GET that looks the client key up
# (what listingdesk-cli does so that a retried create never duplicates), so
# both sides send the same requests.
#
# Creates the category and city (a tag on plain WordPress) first, writes COUNT
# create requests (Chinese title, a ~3 KB Chinese HTML article, category, city,
# a unique client key: post meta with the companion plugin, the slug without)
# into a temporary directory, then times only their sending with
# `curl --parallel --parallel-max JOBS` (curl >= 7.66; Debian 12 has 7.88) over
# keep-alive connections. Prints
#   curl: COUNT posts in S s = R posts/s (jobs JOBS)
# and fails when any create was not answered 201.
#
# Against the fake portal:
#   build/tests/common/fakeportal/fakeportal-server --latency-ms 20 &
#   tests/bench/curl_publish.sh http://127.0.0.1:PORT editor 'abcd efgh ijkl mnop qrst uvwx' 300 6
set -eu

if [ $# -ne 5 ] && [ $# -ne 6 ]; then
    echo "usage: $0 BASE_URL USER PASSWORD COUNT JOBS [--with-lookup]" >&2
    exit 2
fi
lookup=0
if [ $# -eq 6 ]; then
    [ "$6" = --with-lookup ] || {
        echo "$0: unknown option $6" >&2
        exit 2
    }
    lookup=1
fi
base=${1%/}
user=$2
password=$3
count=$4
jobs=$5
case "$count$jobs" in
*[!0-9]* | "")
    echo "$0: COUNT and JOBS are numbers" >&2
    exit 2
    ;;
esac

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT INT TERM
run=$(date +%s)-$$

# The password goes through a config file, never the command line (ps shows it).
auth=$(printf 'user = "%s:%s"' "$user" "$password")
echo "$auth" >"$work/auth.conf"

# With the companion plugin the index lists its namespace.
index=$(curl -fsS "$base/wp-json/")
case $index in
*'"listingdesk/v1"'*) plugin=1 ;;
*) plugin=0 ;;
esac

# The id of a term, created when missing (WordPress answers term_exists with
# the existing id in data.term_id).
term_id() {
    answer=$(curl -sS -K "$work/auth.conf" -H 'Content-Type: application/json' \
        --data-binary "{\"name\":\"$2\",\"slug\":\"$3\"}" "$base/wp-json/wp/v2/$1")
    id=$(printf '%s' "$answer" | sed -n 's/.*"term_id":\([0-9][0-9]*\).*/\1/p')
    if [ -z "$id" ]; then
        id=$(printf '%s' "$answer" | grep -o '"id":[0-9][0-9]*' | head -n 1 | cut -d: -f2)
    fi
    if [ -z "$id" ]; then
        echo "$0: could not create the $1 term $3: $answer" >&2
        exit 1
    fi
    echo "$id"
}
category=$(term_id categories '房屋出租' fangwu-chuzu)
if [ "$plugin" = 1 ]; then
    city_field="\"city\":[$(term_id city '北京' beijing-110000)]"
else
    city_field="\"tags\":[$(term_id tags '北京' beijing-110000)]"
fi

# About 3 KB of article, in the shape of the seed listing: headings,
# paragraphs, a list of facts, an image caption. No double quotes (JSON).
paragraph='<p>本房源位于朝阳区望京核心地段，步行五分钟即可到达地铁站，周边配套齐全，大型超市、菜市场、银行、医院一应俱全。小区绿化率高，环境安静，物业管理规范，二十四小时保安巡逻，居住安心。</p>'
facts='<ul><li>户型：两室一厅一卫，建筑面积八十五平方米</li><li>楼层：中间楼层，共十八层，有电梯</li><li>朝向：南北通透，采光充足</li><li>装修：精装修，家具家电齐全，拎包入住</li></ul>'
caption='<figure><img src=/wp-content/uploads/2026/01/living-room.jpg alt=客厅><figcaption>客厅实拍，阳光充足</figcaption></figure>'
transport='<p>距离地铁十四号线望京南站约四百米，多条公交线路经过小区门口，驾车十分钟上机场高速，二十分钟到达国贸商圈。早晚高峰出行方便，附近有共享单车停放点，上下班通勤省心省时。</p>'
rent='<p>月租金五千八百元，押一付三，包含物业费和网费，水电燃气按实际使用缴纳。租期一年起，长租可适当优惠。房东为人友善，随时可以沟通维修问题，入住前全屋深度保洁。</p>'
area='<p>小区为二零一二年建成的品质社区，人车分流，中心花园有儿童游乐区和健身步道。周边有两所重点小学和一所中学，步行可达，适合有孩子的家庭。楼下便利店、咖啡馆、健身房营业到深夜。</p>'
bedroom='<figure><img src=/wp-content/uploads/2026/01/bedroom.jpg alt=主卧><figcaption>主卧朝南，带飘窗和衣柜</figcaption></figure>'
article="<h2>房源介绍</h2>$paragraph$paragraph$facts$caption$bedroom<h2>小区环境</h2>$area<h2>交通出行</h2>$transport$paragraph<h2>租金说明</h2>$rent<h2>看房须知</h2>$paragraph$paragraph<p>联系人：王先生，看房请提前预约，中介勿扰。</p>"

i=1
while [ "$i" -le "$count" ]; do
    key="bench-$run-$i"
    if [ "$plugin" = 1 ]; then
        identity="\"meta\":{\"listingdesk_client_key\":\"$key\",\"listingdesk_contact_name\":\"王先生\",\"listingdesk_price\":5800}"
    else
        identity="\"slug\":\"$key\""
    fi
    printf '{"title":"朝阳望京精装两居室出租 第%s套","content":"%s","status":"publish","categories":[%s],%s,%s}' \
        "$i" "$article" "$category" "$city_field" "$identity" >"$work/post-$i.json"
    {
        # "next" separates transfers; one after the last would be an empty one.
        [ "$i" -gt 1 ] && echo 'next'
        if [ "$lookup" = 1 ]; then
            if [ "$plugin" = 1 ]; then
                find="listingdesk_client_key=$key"
            else
                find="slug=$key,${key}__trashed"
            fi
            echo 'url = "'"$base"'/wp-json/wp/v2/posts?context=edit&status=publish,future,draft,pending,private,trash&per_page=2&'"$find"'"'
            echo "$auth"
            echo 'output = "/dev/null"'
            echo 'next'
        fi
        echo 'url = "'"$base"'/wp-json/wp/v2/posts"'
        echo "$auth"
        echo 'header = "Content-Type: application/json; charset=utf-8"'
        echo 'data-binary = "@'"$work/post-$i.json"'"'
        echo 'output = "'"$work/answer-$i.json"'"'
        printf '%s\n' 'write-out = "%{http_code}\n"' # printf: dash's echo would expand \n
    } >>"$work/requests.conf"
    i=$((i + 1))
done

start=$(date +%s.%N)
curl --parallel --parallel-max "$jobs" --no-progress-meter -K "$work/requests.conf" >"$work/codes" || true
end=$(date +%s.%N)

created=$(grep -c '^201$' "$work/codes" || true)
# The lookups write no code line (their output goes to /dev/null without write-out).
awk -v n="$created" -v a="$start" -v b="$end" -v j="$jobs" 'BEGIN {
    s = b - a
    printf "curl: %d posts in %.2f s = %.1f posts/s (jobs %d)\n", n, s, (s > 0 ? n / s : 0), j
}'
if [ "$created" -ne "$count" ]; then
    echo "$0: only $created of $count creates were answered 201:" >&2
    sort "$work/codes" | uniq -c >&2
    exit 1
fi
