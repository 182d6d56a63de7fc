#!/usr/bin/env bash
# wordpress.sh — a real, Debian-packaged WordPress on 127.0.0.1 for ListingDesk's
# integration tests. Nothing is changed outside DIR: no /etc files, no system
# services (only a DIR path too long for a unix socket gets a socket dir in /tmp);
# MariaDB listens on a unix socket only, WordPress on 127.0.0.1:PORT.
#
#   wordpress.sh install              apt packages (root; idempotent; no daemon is started)
#   wordpress.sh start DIR PORT MODE  start or reuse the instance in DIR; PORT=0 picks a free
#                                     port; MODE is "plugin" (our companion plugin installed as
#                                     a must-use plugin) or "plain" (stock WordPress)
#   wordpress.sh stop DIR             stop what this script started in DIR
#   wordpress.sh status DIR           exit 0 and print the KEY=VALUE lines when it is up
#
# start prints KEY=VALUE lines on stdout and writes them to DIR/portal.env:
# WP_BASE_URL, WP_REST_URL, WP_USER, WP_APP_PASSWORD, WP_ADMIN_PASSWORD, WP_MODE, WP_DIR,
# WP_DB_SOCKET. Progress and errors go to stderr. Knobs: LISTINGDESK_WP_WORKERS (php -S
# workers, default 4), LISTINGDESK_WP_USER (default admin).
#
# Why this shape: Debian's /usr/share/wordpress/wp-config.php only reads /etc/wordpress,
# which is shared by everyone on the machine. Instead DIR/wp is a docroot of symlinks to
# the packaged core plus our own wp-config.php and wp-content; the php -S router defines
# ABSPATH as DIR/wp/ before WordPress loads, so WordPress reads DIR/wp/wp-config.php.
set -euo pipefail

WP_CORE=/usr/share/wordpress
SELF_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)"
PLUGIN_SRC="$SELF_DIR/../../portal/wordpress/listingdesk-portal.php"
PACKAGES=(wordpress wordpress-theme-twentytwentythree php8.2-cli php8.2-mysql php8.2-gd
    php8.2-mbstring mariadb-server mariadb-client procps curl ca-certificates)
WORKERS="${LISTINGDESK_WP_WORKERS:-4}"
ADMIN_USER="${LISTINGDESK_WP_USER:-admin}"

log() { echo "wordpress.sh: $*" >&2; }
die() {
    echo "wordpress.sh: ERROR: $*" >&2
    exit 1
}
usage() {
    sed -n '7,12p' "$0" | sed 's/^# \{0,1\}//' >&2
    exit 2
}

# ------------------------------------------------------------------ install
missing_packages() {
    local installed p
    installed=" $(dpkg-query -W -f='${Status} ${Package}\n' "${PACKAGES[@]}" 2>/dev/null |
        awk '$3 == "installed" {print $4}' | tr '\n' ' ') "
    for p in "${PACKAGES[@]}"; do
        [[ "$installed" == *" $p "* ]] || echo "$p"
    done
}

cmd_install() {
    local missing
    missing="$(missing_packages | tr '\n' ' ')"
    if [ -z "${missing// /}" ]; then
        log "packages already installed"
        return 0
    fi
    [ "$(id -u)" = 0 ] || die "missing packages ($missing); run 'sudo $0 install'"
    log "installing: $missing"
    # Package scripts would start apache2 and mariadb as system services; a temporary
    # policy-rc.d (only if the machine has none) forbids that.
    local made_policy=0
    if [ ! -e /usr/sbin/policy-rc.d ]; then
        printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d
        chmod 755 /usr/sbin/policy-rc.d
        made_policy=1
        trap 'rm -f /usr/sbin/policy-rc.d' EXIT
    fi
    local rc=0
    export DEBIAN_FRONTEND=noninteractive
    apt-get -o DPkg::Lock::Timeout=900 update -q >&2 || rc=$?
    if [ $rc = 0 ]; then
        # shellcheck disable=SC2086 # the list is meant to split into words
        apt-get -o DPkg::Lock::Timeout=900 install -y -q --no-install-recommends $missing >&2 || rc=$?
    fi
    if [ $made_policy = 1 ]; then rm -f /usr/sbin/policy-rc.d; fi
    [ $rc = 0 ] || die "apt-get failed (exit $rc)"
    log "install done"
}

# ------------------------------------------------------------------ helpers
# true when the pid in PIDFILE is alive and its command line mentions WANT: a stale
# pid file whose number was reused by another process is never ours
pid_alive() {
    local pidfile="$1" want="$2" pid
    [ -s "$pidfile" ] || return 1
    pid="$(cat "$pidfile")"
    [[ "$pid" =~ ^[0-9]+$ ]] || return 1
    [ -r "/proc/$pid/cmdline" ] || return 1
    tr '\0' ' ' <"/proc/$pid/cmdline" | grep -qF -- "$want"
}

# true while process PID or a member of its process group is alive (zombies excluded)
group_alive() {
    ps -eo pid=,pgid=,stat= | awk -v p="$1" '($1==p || $2==p) && $3 !~ /^Z/ {f=1} END {exit !f}'
}

stop_pidfile() {
    local pidfile="$1" want="$2" name="$3" pid _
    if ! pid_alive "$pidfile" "$want"; then
        rm -f "$pidfile"
        return 0
    fi
    pid="$(cat "$pidfile")"
    log "stopping $name (pid $pid)"
    # Started with setsid, so the group holds only what we started (php -S workers).
    kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 200); do
        group_alive "$pid" || break
        sleep 0.05
    done
    if group_alive "$pid"; then
        log "$name did not stop in 10 s; sending KILL"
        kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
    fi
    rm -f "$pidfile"
}

# shellcheck disable=SC2016 # PHP code, not shell expansions
free_port() {
    php -r '$s = stream_socket_server("tcp://127.0.0.1:0", $e, $m) or exit(1);
            $n = stream_socket_get_name($s, false); echo substr($n, strrpos($n, ":") + 1);'
}

# shellcheck disable=SC2016
port_in_use() {
    php -r '$c = @stream_socket_client("tcp://127.0.0.1:" . $argv[1], $e, $m, 0.5); exit($c ? 0 : 1);' "$1"
}

random_string() {
    head -c 512 /dev/urandom | tr -dc 'A-Za-z0-9' | head -c "$1"
}

# a secret generated once per DIR and kept there (mode 600)
secret() {
    local file="$1" length="$2"
    if [ ! -s "$file" ]; then
        (umask 077 && random_string "$length" >"$file")
    fi
    cat "$file"
}

# unix sockets are limited to 107 bytes; a deep build dir gets a short socket dir in /tmp
socket_dir() {
    local dir="$1"
    if [ ${#dir} -lt 80 ]; then
        echo "$dir/run"
    elif [ -s "$dir/run/socket-dir" ] && [ -d "$(cat "$dir/run/socket-dir")" ]; then
        cat "$dir/run/socket-dir"
    else
        mktemp -d /tmp/ldwp.XXXXXX | tee "$dir/run/socket-dir"
    fi
}

# ------------------------------------------------------------------ start
# MariaDB without grant tables: creating them (mariadb-install-db) costs about 5 s per
# instance and protects nothing here, because the server has no TCP listener and its
# socket sits in a directory only our user can enter. Any user name then connects.
start_mariadb() {
    local dir="$1" sock="$2" user_line=""
    local cnf="$dir/my.cnf"
    # mariadbd refuses to run as root unless told to; as a normal user it needs nothing
    [ "$(id -u)" = 0 ] && user_line="user=root"
    cat >"$cnf" <<EOF
[mariadbd]
datadir=$dir/db
socket=$sock
pid-file=$dir/run/mariadbd.self.pid
skip-networking
skip-grant-tables
$user_line
skip-name-resolve
skip-log-bin
log-error=$dir/log/mariadb.err
character-set-server=utf8mb4
collation-server=utf8mb4_unicode_ci
innodb_buffer_pool_size=64M
innodb_log_file_size=16M
innodb_flush_log_at_trx_commit=0
innodb_doublewrite=0
innodb_file_per_table=0
innodb_flush_method=nosync
innodb_use_native_aio=0
performance_schema=OFF
[client]
socket=$sock
EOF
    mkdir -p "$dir/db"
    if pid_alive "$dir/run/mariadbd.pid" "$cnf"; then
        log "MariaDB already running"
        return 0
    fi
    rm -f "$sock"
    # shellcheck disable=SC2016 # $$ and $1 belong to the inner shell
    setsid bash -c 'echo $$ > "$1"; exec /usr/sbin/mariadbd --defaults-file="$2"' _ \
        "$dir/run/mariadbd.pid" "$cnf" >"$dir/log/mariadbd.out" 2>&1 </dev/null &
}

wait_mariadb() {
    local dir="$1" sock="$2" _
    local cnf="$dir/my.cnf"
    for _ in $(seq 1 600); do
        if [ -S "$sock" ] && mariadb-admin --defaults-file="$cnf" ping >/dev/null 2>&1; then
            mariadb --defaults-file="$cnf" -e \
                'CREATE DATABASE IF NOT EXISTS wordpress CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci'
            return
        fi
        [ -s "$dir/run/mariadbd.pid" ] && ! pid_alive "$dir/run/mariadbd.pid" "$cnf" && break
        sleep 0.05
    done
    tail -20 "$dir/log/mariadb.err" >&2 || true
    die "MariaDB did not come up"
}

write_docroot() {
    local dir="$1" base="$2" sock="$3" mode="$4" entry
    mkdir -p "$dir/wp/wp-content/mu-plugins" "$dir/wp/wp-content/uploads" \
        "$dir/wp/wp-content/plugins" "$dir/wp/wp-content/themes" "$dir/wp/wp-content/upgrade"
    # one ln per directory: forks are what a start on a busy CI machine spends its time on
    local core=() themes=()
    for entry in "$WP_CORE"/*; do
        case "${entry##*/}" in wp-config.php | wp-content) ;; *) core+=("$entry") ;; esac
    done
    ln -sfn -t "$dir/wp" "${core[@]}"
    for entry in "$WP_CORE"/wp-content/themes/*; do
        [ -d "$entry" ] && themes+=("$entry")
    done
    [ ${#themes[@]} = 0 ] || ln -sfn -t "$dir/wp/wp-content/themes" "${themes[@]}"
    cat >"$dir/wp/wp-config.php" <<EOF
<?php
// Written by tests/portal/wordpress.sh for a throw-away test portal.
define('DB_NAME', 'wordpress');
define('DB_USER', 'wp');
define('DB_PASSWORD', '');
define('DB_HOST', 'localhost:$sock');
define('DB_CHARSET', 'utf8mb4');
define('DB_COLLATE', '');
// No AUTH_KEY etc.: WordPress then generates salts once and keeps them in its options.
define('WP_HOME', '$base');
define('WP_SITEURL', '$base');
define('WP_CONTENT_DIR', '$dir/wp/wp-content');
define('WP_CONTENT_URL', '$base/wp-content');
define('WP_ENVIRONMENT_TYPE', 'local');   // application passwords over plain http
define('WP_DEBUG', false);
define('DISABLE_WP_CRON', true);          // no loopback requests to wp-cron.php
define('AUTOMATIC_UPDATER_DISABLED', true);
define('WP_AUTO_UPDATE_CORE', false);
define('WP_HTTP_BLOCK_EXTERNAL', true);   // the test portal never calls out
define('FS_METHOD', 'direct');
\$table_prefix = 'wp_';
if (!defined('ABSPATH')) {
    define('ABSPATH', __DIR__ . '/');
}
require_once ABSPATH . 'wp-settings.php';
EOF
    if [ "$mode" = plugin ]; then
        [ -f "$PLUGIN_SRC" ] || die "companion plugin not found: $PLUGIN_SRC"
        cp "$PLUGIN_SRC" "$dir/wp/wp-content/mu-plugins/listingdesk-portal.php"
    else
        rm -f "$dir/wp/wp-content/mu-plugins/listingdesk-portal.php"
    fi
    cat >"$dir/router.php" <<EOF
<?php
// php -S router: WordPress from DIR/wp, pretty permalinks, no PHP from wp-content.
define('ABSPATH', '$dir/wp/');
\$__ld_path = rawurldecode(parse_url(\$_SERVER['REQUEST_URI'], PHP_URL_PATH) ?: '/');
if (str_contains(\$__ld_path, "\\0") || str_contains(\$__ld_path, '/..')) {
    http_response_code(400);
    return true;
}
\$__ld_file = ABSPATH . ltrim(\$__ld_path, '/');
if (is_dir(\$__ld_file)) {
    if (!str_ends_with(\$__ld_path, '/')) {
        header('Location: ' . \$__ld_path . '/', true, 301);
        return true;
    }
    \$__ld_file .= 'index.php';
    \$__ld_path .= 'index.php';
}
if (is_file(\$__ld_file) && !str_ends_with(strtolower(\$__ld_file), '.php')) {
    return false; // static file: the built-in server sends it
}
if (!is_file(\$__ld_file) || str_starts_with(\$__ld_path, '/wp-content/')) {
    \$__ld_file = ABSPATH . 'index.php'; // pretty permalinks and /wp-json/
    \$__ld_path = '/index.php';
}
\$_SERVER['SCRIPT_NAME'] = \$_SERVER['PHP_SELF'] = \$__ld_path;
\$_SERVER['SCRIPT_FILENAME'] = \$__ld_file;
chdir(dirname(\$__ld_file));
\$__ld_target = \$__ld_file;
unset(\$__ld_path, \$__ld_file);
require \$__ld_target;
return true;
EOF
}

# one PHP process installs the site (first time) and checks or mints the application password
install_site() {
    local dir="$1" port="$2"
    cat >"$dir/wp-setup.php" <<EOF
<?php
// Runs WordPress from the command line: install once, then an application password.
define('ABSPATH', '$dir/wp/');
\$_SERVER += ['HTTP_HOST' => '127.0.0.1:$port', 'SERVER_NAME' => '127.0.0.1',
    'SERVER_PORT' => '$port', 'REQUEST_URI' => '/', 'REQUEST_METHOD' => 'GET',
    'SERVER_PROTOCOL' => 'HTTP/1.1', 'REMOTE_ADDR' => '127.0.0.1'];
define('WP_INSTALLING', true);
require ABSPATH . 'wp-load.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';
[, \$user, \$password, \$stored] = \$argv;
if (!is_blog_installed()) {
    \$r = wp_install('ListingDesk test portal', \$user, \$user . '@example.invalid', false, '',
                    wp_slash(\$password), 'en_US');
    if (is_wp_error(\$r)) {
        fwrite(STDERR, \$r->get_error_message() . "\n");
        exit(1);
    }
    update_option('timezone_string', 'Asia/Shanghai');
    fwrite(STDERR, "wordpress.sh: WordPress installed\n");
}
// Pretty permalinks. The rules are dropped rather than built here, where plugins are not
// loaded: WordPress rebuilds them on the next request, with the plugin's city taxonomy.
\$GLOBALS['wp_rewrite']->set_permalink_structure('/%postname%/');
delete_option('rewrite_rules');
// keep the stored application password while it still matches, else mint a new one
\$u = get_user_by('login', \$user);
if (!\$u) {
    fwrite(STDERR, "no user \$user\n");
    exit(1);
}
foreach (WP_Application_Passwords::get_user_application_passwords(\$u->ID) as \$item) {
    if (\$stored !== '' && wp_check_password(\$stored, \$item['password'], \$u->ID)) {
        echo \$stored, "\n";
        exit(0);
    }
}
\$r = WP_Application_Passwords::create_new_application_password(\$u->ID,
    ['name' => 'listingdesk-tests ' . wp_generate_password(6, false)]);
if (is_wp_error(\$r)) {
    fwrite(STDERR, \$r->get_error_message() . "\n");
    exit(1);
}
echo \$r[0], "\n";
EOF
    shift 2
    php -d display_errors=stderr -d memory_limit=256M -d sendmail_path="cat >> $dir/log/mail.log" \
        "$dir/wp-setup.php" "$@"
}

start_web() {
    local dir="$1" port="$2"
    if pid_alive "$dir/run/php.pid" "$dir/router.php"; then
        log "php -S already running"
        return 0
    fi
    port_in_use "$port" && die "127.0.0.1:$port is already in use"
    # shellcheck disable=SC2016 # $$ and $1 belong to the inner shell
    PHP_CLI_SERVER_WORKERS="$WORKERS" setsid bash -c 'echo $$ > "$1"; shift; exec "$@"' _ \
        "$dir/run/php.pid" php -d opcache.enable_cli=1 -d memory_limit=256M \
        -d upload_max_filesize=64M -d post_max_size=64M -d display_errors=0 -d log_errors=1 \
        -d error_log="$dir/log/php-error.log" -d sendmail_path="cat >> $dir/log/mail.log" \
        -q -S "127.0.0.1:$port" -t "$dir/wp" "$dir/router.php" \
        >"$dir/log/php-server.log" 2>&1 </dev/null &
}

wait_web() {
    local dir="$1" base="$2" _
    for _ in $(seq 1 200); do
        curl -fsS -o /dev/null --max-time 5 "$base/wp-json/" 2>/dev/null && return 0
        [ -s "$dir/run/php.pid" ] && ! pid_alive "$dir/run/php.pid" "$dir/router.php" && break
        sleep 0.05
    done
    tail -20 "$dir/log/php-server.log" >&2 || true
    die "php -S did not come up on $base"
}

cmd_start() {
    [ $# = 3 ] || usage
    local dir port="$2" mode="$3"
    if ! [[ "$port" =~ ^[0-9]+$ ]] || { [ "$port" != 0 ] && { [ "$port" -lt 1024 ] || [ "$port" -gt 65535 ]; }; }; then
        die "bad PORT: $port (0 or 1024..65535)"
    fi
    case "$mode" in plugin | plain) ;; *) die "bad MODE: $mode (plugin or plain)" ;; esac
    [ -z "$(missing_packages)" ] || die "missing packages: $(missing_packages | tr '\n' ' ')- run '$0 install' as root"
    mkdir -p "$1"
    dir="$(cd "$1" && pwd -P)"
    case "$dir" in *[\'\\\ ]*) die "DIR must not contain quotes, backslashes or spaces: $dir" ;; esac
    mkdir -p "$dir/run" "$dir/log"
    chmod 700 "$dir/run" # holds the MariaDB socket, which needs no password

    local running_port=""
    if pid_alive "$dir/run/php.pid" "$dir/router.php" && [ -s "$dir/port" ]; then
        running_port="$(cat "$dir/port")"
    fi
    if [ "$port" = 0 ]; then
        port="${running_port:-$(free_port)}"
    elif [ -n "$running_port" ] && [ "$running_port" != "$port" ]; then
        die "$dir is already serving on port $running_port; stop it first"
    fi
    # refuse a taken port before anything is started, so a failed start leaves nothing running
    if [ -z "$running_port" ] && port_in_use "$port"; then
        die "127.0.0.1:$port is already in use"
    fi
    echo "$port" >"$dir/port"
    echo "$mode" >"$dir/mode"
    local base="http://127.0.0.1:$port" sock
    sock="$(socket_dir "$dir")/mysqld.sock"
    local admin_password
    admin_password="$(secret "$dir/admin.password" 20)"

    # the steps overlap: MariaDB and php -S boot while the next step is prepared
    start_mariadb "$dir" "$sock"
    write_docroot "$dir" "$base" "$sock" "$mode"
    wait_mariadb "$dir" "$sock"
    start_web "$dir" "$port"
    local app_password=""
    [ -s "$dir/app.password" ] && app_password="$(cat "$dir/app.password")"
    # an instance that is up and accepts its password needs no setup (the fast idempotent path)
    if [ -z "$running_port" ] || [ -z "$app_password" ] ||
        ! curl -fsS -o /dev/null --max-time 10 -u "$ADMIN_USER:$app_password" \
            "$base/wp-json/wp/v2/users/me" 2>/dev/null; then
        app_password="$(install_site "$dir" "$port" "$ADMIN_USER" "$admin_password" "$app_password" |
            tr -d ' \n')" || die "setting up WordPress failed"
        (umask 077 && echo "$app_password" >"$dir/app.password")
    fi
    wait_web "$dir" "$base"
    curl -fsS -o /dev/null --max-time 10 -u "$ADMIN_USER:$app_password" "$base/wp-json/wp/v2/users/me" ||
        die "the REST API did not accept the application password"
    write_env "$dir" "$sock"
}

write_env() {
    local dir="$1" sock="$2" port
    port="$(cat "$dir/port")"
    cat >"$dir/portal.env.tmp" <<EOF
WP_BASE_URL=http://127.0.0.1:$port
WP_REST_URL=http://127.0.0.1:$port/wp-json/
WP_USER=$ADMIN_USER
WP_APP_PASSWORD=$(cat "$dir/app.password")
WP_ADMIN_PASSWORD=$(cat "$dir/admin.password")
WP_MODE=$(cat "$dir/mode")
WP_DIR=$dir
WP_DB_SOCKET=$sock
EOF
    chmod 600 "$dir/portal.env.tmp"
    mv "$dir/portal.env.tmp" "$dir/portal.env"
    cat "$dir/portal.env"
}

# ------------------------------------------------------------------ stop / status
cmd_stop() {
    [ $# = 1 ] || usage
    if [ ! -d "$1" ]; then
        log "nothing to stop in $1"
        return 0
    fi
    local dir
    dir="$(cd "$1" && pwd -P)"
    stop_pidfile "$dir/run/php.pid" "$dir/router.php" "php -S"
    stop_pidfile "$dir/run/mariadbd.pid" "$dir/my.cnf" "MariaDB"
    if [ -s "$dir/run/socket-dir" ]; then
        rm -rf "$(cat "$dir/run/socket-dir")"
        rm -f "$dir/run/socket-dir"
    fi
    log "stopped $dir"
}

cmd_status() {
    [ $# = 1 ] || usage
    [ -d "$1" ] || die "no such directory: $1"
    local dir rc=0
    dir="$(cd "$1" && pwd -P)"
    pid_alive "$dir/run/mariadbd.pid" "$dir/my.cnf" || {
        log "MariaDB is not running"
        rc=1
    }
    pid_alive "$dir/run/php.pid" "$dir/router.php" || {
        log "php -S is not running"
        rc=1
    }
    if [ $rc = 0 ] && [ -s "$dir/portal.env" ]; then cat "$dir/portal.env"; fi
    return $rc
}

case "${1:-}" in
install) shift && cmd_install "$@" ;;
start) shift && cmd_start "$@" ;;
stop) shift && cmd_stop "$@" ;;
status) shift && cmd_status "$@" ;;
*) usage ;;
esac
