#!/usr/bin/env bash
# plugin-smoke.sh PLUGIN_ENV PLAIN_ENV — what the ListingDesk client relies on, checked with
# curl against the two test portals of tests/portal/wordpress.sh: the companion plugin's
# REST contract on the "plugin" instance and the stock behaviour of the "plain" one.
# Prints one ok/FAIL line per check; exits non-zero when any check fails.
set -uo pipefail

if [ $# != 2 ]; then
    echo "usage: $0 PLUGIN_ENV PLAIN_ENV" >&2
    exit 2
fi
if [ "${LISTINGDESK_SKIP_PORTAL_TESTS:-0}" = 1 ]; then
    echo "SKIP: LISTINGDESK_SKIP_PORTAL_TESTS=1"
    exit 77
fi
for env_file in "$1" "$2"; do
    if [ ! -s "$env_file" ]; then
        echo "FAIL: $env_file missing: the portal_start fixture did not start WordPress" >&2
        exit 1
    fi
done

pass=0
fail=0
check() { # description, then a command that succeeds when the check holds
    local what="$1"
    shift
    if "$@"; then
        pass=$((pass + 1))
        echo "ok   $what"
    else
        fail=$((fail + 1))
        echo "FAIL $what"
    fi
}
equals() {
    [ "$1" = "$2" ] && return 0
    echo "     expected [$2], got [$1]" >&2
    return 1
}
# json PATH < body: the value at a dotted path (a.0.b), scalars bare, the rest as JSON
json() {
    # shellcheck disable=SC2016 # PHP code
    php -r '$v = json_decode(stream_get_contents(STDIN), true);
        foreach (explode(".", $argv[1]) as $k) { $v = is_array($v) && array_key_exists($k, $v) ? $v[$k] : null; }
        echo $v === null ? "" : (is_bool($v) ? ($v ? "true" : "false") : (is_scalar($v) ? $v : json_encode($v, JSON_UNESCAPED_UNICODE)));' "$1"
}
env_value() { sed -n "s/^$2=//p" "$1"; }

# one portal at a time: sets AUTH and REST from an env file
use_portal() {
    BASE="$(env_value "$1" WP_BASE_URL)"
    REST="$BASE/wp-json"
    AUTH="$(env_value "$1" WP_USER):$(env_value "$1" WP_APP_PASSWORD)"
}
# api METHOD PATH [JSON]: body on stdout, HTTP status in $WORK/status
api() {
    local args=(-s -u "$AUTH" -X "$1" -o "$WORK/body" -w '%{http_code}')
    [ $# -ge 3 ] && args+=(-H 'Content-Type: application/json; charset=utf-8' --data-binary "$3")
    curl "${args[@]}" "$REST$2" >"$WORK/status"
    cat "$WORK/body"
}
status() { cat "$WORK/status"; }

WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
RUN="$$$RANDOM"  # keeps names unique when the suite runs twice against one portal

# ------------------------------------------------------------------ plugin instance
use_portal "$1"
INFO="$(curl -s "$REST/listingdesk/v1/info")"
check "info route names the plugin" equals "$(json plugin <<<"$INFO")" listingdesk-portal
check "info route version" equals "$(json version <<<"$INFO")" 1.0.0
check "info route features" equals "$(json features <<<"$INFO")" '["city","meta","client_key","views"]'

CAT="$(api POST /wp/v2/categories "{\"name\":\"房产出售 $RUN\"}" | json id)"
check "category created" equals "$(status)" 201
# the province may exist from an earlier run against the same portal: find it by slug
PROVINCE="$(api GET '/wp/v2/city?slug=140000' | json 0.id)"
if [ -z "$PROVINCE" ]; then
    PROVINCE="$(api POST /wp/v2/city '{"name":"山西","slug":"140000"}' | json id)"
fi
CITY="$(api GET '/wp/v2/city?slug=140400' | json 0.id)"
if [ -z "$CITY" ]; then
    CITY="$(api POST /wp/v2/city "{\"name\":\"长治\",\"slug\":\"140400\",\"parent\":$PROVINCE}" | json id)"
    check "city term created" equals "$(status)" 201
fi
J="$(api GET "/wp/v2/city/$CITY")"
# The term may already exist: the client tests on the same portal create it as
# 长治市 (the region table's name), so the slug and the parent are what count.
check "city 140400 is under 山西 (140000)" equals \
    "$(json slug <<<"$J") $(json parent <<<"$J")" "140400 $PROVINCE"
check "city 140400 is named 长治" equals "$(json name <<<"$J" | grep -o '^长治')" "长治"

KEY="ld-smoke-$RUN"
TITLE="长治市二手房出售 $RUN"
J="$(api POST /wp/v2/posts "{\"title\":\"$TITLE\",\"content\":\"<p>三室两厅</p>\",\"status\":\"publish\",
  \"categories\":[$CAT],\"city\":[$CITY],\"meta\":{\"listingdesk_client_key\":\"$KEY\",
  \"listingdesk_listing_uuid\":\"0b7c5a8e-4f0e-4c1b-9d7a-3f2e1d0c9b8a\",\"listingdesk_contact_name\":\"王先生\",
  \"listingdesk_contact_phone\":\"0355-1234567\",\"listingdesk_contact_wechat\":\"wang_1234\",
  \"listingdesk_price\":1200.5,\"listingdesk_expires_at\":\"2027-06-30T23:59:59+08:00\",\"listingdesk_promoted\":true}}")"
POST="$(json id <<<"$J")"
LINK="$(json link <<<"$J")"
check "post with city and meta created" equals "$(status)" 201

J="$(api GET "/wp/v2/posts/$POST?context=edit")"
check "title read back" equals "$(json title.raw <<<"$J")" "$TITLE"
check "city read back" equals "$(json city <<<"$J")" "[$CITY]"
check "category read back" equals "$(json categories <<<"$J")" "[$CAT]"
check "meta read back" equals "$(json meta.listingdesk_client_key <<<"$J")|$(json meta.listingdesk_contact_name <<<"$J")|$(
    json meta.listingdesk_contact_phone <<<"$J")|$(json meta.listingdesk_contact_wechat <<<"$J")|$(
    json meta.listingdesk_price <<<"$J")|$(json meta.listingdesk_expires_at <<<"$J")|$(
    json meta.listingdesk_promoted <<<"$J")|$(json meta.listingdesk_listing_uuid <<<"$J")|$(
    json meta.listingdesk_views <<<"$J")" \
    "$KEY|王先生|0355-1234567|wang_1234|1200.5|2027-06-30T23:59:59+08:00|true|0b7c5a8e-4f0e-4c1b-9d7a-3f2e1d0c9b8a|0"

check "lookup by client key" equals "$(api GET "/wp/v2/posts?listingdesk_client_key=$KEY&_fields=id" | json 0.id)" "$POST"
check "lookup by client key finds only that post" equals \
    "$(api GET "/wp/v2/posts?listingdesk_client_key=$KEY&_fields=id" | json 1.id)" ""
DRAFT="$(api POST /wp/v2/posts "{\"title\":\"草稿 $RUN\",\"status\":\"draft\",\"meta\":{\"listingdesk_client_key\":\"$KEY-draft\"}}" | json id)"
check "draft not listed without status" equals \
    "$(api GET "/wp/v2/posts?listingdesk_client_key=$KEY-draft&_fields=id" | json 0.id)" ""
check "draft found by client key with status=draft" equals \
    "$(api GET "/wp/v2/posts?listingdesk_client_key=$KEY-draft&status=draft&_fields=id" | json 0.id)" "$DRAFT"
check "draft found by client key with status=any" equals \
    "$(api GET "/wp/v2/posts?listingdesk_client_key=$KEY-draft&status=any&_fields=id" | json 0.id)" "$DRAFT"
api GET "/wp/v2/posts?listingdesk_client_key=bad%20key" >/dev/null
check "malformed client key in a query is 400" equals "$(status)" 400
# WordPress answers 400 "Invalid parameter(s): status" to anonymous status=any
check "status=any is refused without credentials" equals \
    "$(curl -s -o /dev/null -w '%{http_code}' "$REST/wp/v2/posts?listingdesk_client_key=$KEY&status=any")" 400

MSG="$(api POST "/wp/v2/posts/$POST" '{"meta":{"listingdesk_price":-5}}' | json message)"
check "negative price is 400" equals "$(status)" 400
check "negative price message names the field ($MSG)" grep -q listingdesk_price <<<"$MSG"
api POST "/wp/v2/posts/$POST" '{"meta":{"listingdesk_client_key":"含中文的键"}}' >/dev/null
check "client key with other characters is 400" equals "$(status)" 400
api POST "/wp/v2/posts/$POST" "{\"meta\":{\"listingdesk_client_key\":\"$(printf 'k%.0s' $(seq 101))\"}}" >/dev/null
check "client key over 100 characters is 400" equals "$(status)" 400
api POST "/wp/v2/posts/$POST" '{"meta":{"listingdesk_expires_at":"next week"}}' >/dev/null
check "expiry that is not ISO 8601 is 400" equals "$(status)" 400
check "rejected writes changed nothing" equals \
    "$(api GET "/wp/v2/posts/$POST?context=edit" | json meta.listingdesk_price)" 1200.5
api POST "/wp/v2/posts/$POST" '{"meta":{"listingdesk_price":0}}' >/dev/null
check "price 0 is accepted" equals "$(status)" 200

check "anonymous readers see no edit context" equals \
    "$(curl -s -o /dev/null -w '%{http_code}' "$REST/wp/v2/posts/$POST?context=edit")" 401
check "anonymous meta write is refused" equals "$(curl -s -o /dev/null -w '%{http_code}' \
    -H 'Content-Type: application/json' --data-binary '{"meta":{"listingdesk_views":99}}' "$REST/wp/v2/posts/$POST")" 401

views() { api GET "/wp/v2/posts/$POST?_fields=meta" | json meta.listingdesk_views; }
BEFORE="$(views)"
check "front-end page of the post is served" equals "$(curl -s -o /dev/null -w '%{http_code}' "$LINK")" 200
check "a front-end view counts once ($BEFORE -> +1)" equals "$(views)" "$((BEFORE + 1))"
for _ in 1 2 3 4 5 6; do curl -s -o /dev/null "$LINK" & done
wait
check "six parallel views all count" equals "$(views)" "$((BEFORE + 7))"
api GET "/wp/v2/posts/$POST" >/dev/null
check "a REST read is not a view" equals "$(views)" "$((BEFORE + 7))"

# shellcheck disable=SC2016 # PHP code
php -r '$im = imagecreatetruecolor(64, 48); imagefill($im, 0, 0, imagecolorallocate($im, 200, 80, 30));
        imagejpeg($im, $argv[1]);' "$WORK/photo.jpg"
M="$(curl -s -u "$AUTH" -H 'Content-Type: image/jpeg' -H "Content-Disposition: attachment; filename=\"smoke-$RUN.jpg\"" \
    --data-binary "@$WORK/photo.jpg" -w '\n%{http_code}' "$REST/wp/v2/media?post=$POST")"
check "JPEG upload is 201" equals "$(tail -n1 <<<"$M")" 201
M="$(sed '$d' <<<"$M")"
check "uploaded media is image/jpeg" equals "$(json mime_type <<<"$M")" image/jpeg
check "uploaded file is served" equals "$(curl -s -o /dev/null -w '%{http_code}' "$(json source_url <<<"$M")")" 200

check "trash the post" equals "$(api DELETE "/wp/v2/posts/$POST" | json status)" trash
check "trashed post found by client key with status=trash" equals \
    "$(api GET "/wp/v2/posts?listingdesk_client_key=$KEY&status=trash&_fields=id,status" | json 0.id)" "$POST"
check "trashed post found by client key with status=any" equals \
    "$(api GET "/wp/v2/posts?listingdesk_client_key=$KEY&status=any&_fields=id,status" | json 0.status)" trash
check "trashed post keeps its meta" equals \
    "$(api GET "/wp/v2/posts/$POST?context=edit" | json meta.listingdesk_client_key)" "$KEY"

# ------------------------------------------------------------------ plain instance
use_portal "$2"
check "plain: no info route (404)" equals \
    "$(curl -s -o /dev/null -w '%{http_code}' "$REST/listingdesk/v1/info")" 404
check "plain: no city taxonomy" equals "$(curl -s -o /dev/null -w '%{http_code}' "$REST/wp/v2/city")" 404
SLUG="ld-$RUN-140400"
P2="$(api POST /wp/v2/posts "{\"title\":\"长治 $RUN\",\"slug\":\"$SLUG\",\"status\":\"draft\"}" | json id)"
check "plain: draft created with a client slug" equals "$(status)" 201
check "plain: draft found by slug with status=any" equals \
    "$(api GET "/wp/v2/posts?slug=$SLUG&status=any&_fields=id" | json 0.id)" "$P2"
api POST "/wp/v2/posts/$P2" '{"status":"publish"}' >/dev/null
check "plain: published post keeps the slug" equals \
    "$(api GET "/wp/v2/posts?slug=$SLUG&_fields=id,slug" | json 0.slug)" "$SLUG"
# WordPress renames the slug of a trashed post to SLUG__trashed and "any" leaves trash out:
# a plain-mode client has to ask for exactly that to learn that its post was deleted
api DELETE "/wp/v2/posts/$P2" >/dev/null
check "plain: trashed post is gone from slug + status=any" equals \
    "$(api GET "/wp/v2/posts?slug=$SLUG&status=any&_fields=id" | json 0.id)" ""
check "plain: trashed post found by slug __trashed + status=trash" equals \
    "$(api GET "/wp/v2/posts?slug=${SLUG}__trashed&status=trash&_fields=id" | json 0.id)" "$P2"
check "plain: the plugin's query parameter is ignored" equals \
    "$(api GET "/wp/v2/posts?listingdesk_client_key=$KEY&per_page=1&_fields=id" >/dev/null; status)" 200

echo "plugin-smoke: $pass passed, $fail failed"
[ "$fail" = 0 ]
