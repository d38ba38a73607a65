# wp-site.sh: a real WordPress on 127.0.0.1 for one test script.
#
# Sourced by every WordPress test:
#
#	. "$top_srcdir/tests/wp-site.sh"
#	wp_need || exit 0	# prints the TAP SKIP line with the install
#				# command when the packages are absent
#	wp_start		# MariaDB, the site, an application password
#	... $WP_URL, $WP_USER, $WP_PASS, wp_php 'PHP code', wp_rest ...
#	wp_stop			# also run by the EXIT trap wp_start sets
#
# What it starts, all private to the test: a MariaDB server
# (mariadbd --no-defaults --skip-networking, its own data directory and
# socket, so no port is opened and no host name looked up), a copy of
# Debian's /usr/share/wordpress made of hard links (WordPress finds its
# wp-config.php from the real path of its files, so symlinks would find
# Debian's), our own wp-config.php and a must-use plugin that refuses
# every HTTP request WordPress would make to anywhere but loopback, drops
# mail and turns the comment-flood check off (all test traffic comes
# from 127.0.0.1), and `php -S 127.0.0.1:PORT` with a router that hands
# every path that is not a file to index.php (the REST API lives at
# /wp-json/).  Everything is stopped by its PID and the directory
# removed, whatever the outcome.  A site is ready in about 2 s.

WP_PACKAGES="wordpress wordpress-theme-twentytwentythree mariadb-server php-cli php-mysql sqlite3"
WP_INSTALL="apt-get install $WP_PACKAGES (or ./setup --with-site-tests)"

# wp_need: 0 when a site can be started; else a TAP skip, 1.
wp_need() {
	if [ -f /usr/share/wordpress/wp-load.php ] &&
	    [ -d /usr/share/wordpress/wp-content/themes/twentytwentythree ] &&
	    command -v php >/dev/null 2>&1 &&
	    php -m 2>/dev/null | grep -qi '^mysqli$' &&
	    { command -v mariadbd >/dev/null 2>&1 ||
	      [ -x /usr/sbin/mariadbd ]; } &&
	    command -v mariadb-install-db >/dev/null 2>&1 &&
	    command -v python3 >/dev/null 2>&1 &&
	    command -v sqlite3 >/dev/null 2>&1; then
		return 0
	fi
	echo "1..0 # SKIP no WordPress to test against: $WP_INSTALL"
	return 1
}

wp_port() {
	python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# wp_php CODE: run PHP with WordPress loaded, as the site's admin.
wp_php() {
	(cd "$WP_DIR/site" && php -d display_errors=stderr -r '
		'"${WP_PHP_PRE-}"'
		define("WP_ADMIN", false);
		$_SERVER["HTTP_HOST"] = "127.0.0.1:'"$WP_PORT"'";
		require "wp-load.php";
		wp_set_current_user(1);
		'"$1")
}

# wp_rest METHOD PATH [JSON]: the REST API with the admin's password;
# prints the body; the HTTP status is in $WP_STATUS.
wp_rest() {
	python3 - "$1" "$WP_URL$2" "${3-}" "$WP_DIR/status" <<'EOF'
import base64, os, sys, urllib.request, urllib.error
method, url, body = sys.argv[1], sys.argv[2], sys.argv[3]
auth = base64.b64encode((os.environ["WP_USER"] + ":" + os.environ["WP_PASS"]).encode()).decode()
req = urllib.request.Request(url, method=method, data=body.encode() if body else None,
    headers={"Authorization": "Basic " + auth, "Content-Type": "application/json"})
try:
    r = urllib.request.urlopen(req, timeout=20)
    code, data = r.status, r.read()
except urllib.error.HTTPError as e:
    code, data = e.code, e.read()
open(sys.argv[4], "w").write("%d" % code)
sys.stdout.buffer.write(data)
EOF
	WP_STATUS=$(cat "$WP_DIR/status")
}

# The database: a private server on a socket only.
wp_db_start() {
	local mariadbd i
	mariadbd=$(command -v mariadbd || echo /usr/sbin/mariadbd)
	mkdir -p "$WP_DIR/db" "$WP_DIR/run" "$WP_DIR/tmp"
	# Its own tmpdir: two sites set up at once (make check -j2) would
	# otherwise clash over the same temporary table names in /tmp.
	mariadb-install-db --no-defaults --force --auth-root-authentication-method=normal \
	    --datadir="$WP_DIR/db" --tmpdir="$WP_DIR/tmp" --user="$(id -un)" >"$WP_DIR/db-install.log" 2>&1 ||
	    { cat "$WP_DIR/db-install.log" >&2; return 1; }
	"$mariadbd" --no-defaults --skip-networking --datadir="$WP_DIR/db" \
	    --tmpdir="$WP_DIR/tmp" \
	    --socket="$WP_DIR/run/db.sock" --pid-file="$WP_DIR/run/db.pid" \
	    --user="$(id -un)" --skip-log-bin --innodb-buffer-pool-size=16M \
	    --log-error="$WP_DIR/db.log" >>"$WP_DIR/db.log" 2>&1 &
	WP_DB_PID=$!
	for i in $(seq 100); do
		[ -S "$WP_DIR/run/db.sock" ] && mariadb --no-defaults \
		    --socket="$WP_DIR/run/db.sock" -uroot -e 'SELECT 1' \
		    >/dev/null 2>&1 && break
		sleep 0.1
	done
	mariadb --no-defaults --socket="$WP_DIR/run/db.sock" -uroot -e \
	    "CREATE DATABASE wp; CREATE USER wp@localhost IDENTIFIED BY 'wp';
	     GRANT ALL ON wp.* TO wp@localhost;" || return 1
}

# The site's files: hard links to Debian's, our config and plugin.
wp_files() {
	cp -al /usr/share/wordpress "$WP_DIR/site" 2>/dev/null ||
	    cp -a /usr/share/wordpress "$WP_DIR/site"
	rm -f "$WP_DIR/site/wp-config.php"
	# Debian's wp-content is a symlink tree under /var/lib/wordpress.
	rm -rf "$WP_DIR/site/wp-content"
	mkdir -p "$WP_DIR/site/wp-content/themes" "$WP_DIR/site/wp-content/mu-plugins" \
	    "$WP_DIR/site/wp-content/plugins" "$WP_DIR/site/wp-content/uploads"
	cp -al /usr/share/wordpress/wp-content/themes/twentytwentythree \
	    "$WP_DIR/site/wp-content/themes/" 2>/dev/null ||
	    cp -a /usr/share/wordpress/wp-content/themes/twentytwentythree \
	    "$WP_DIR/site/wp-content/themes/"
	cat >"$WP_DIR/site/wp-config.php" <<EOF
<?php
define('DB_NAME', 'wp');
define('DB_USER', 'wp');
define('DB_PASSWORD', 'wp');
define('DB_HOST', 'localhost:$WP_DIR/run/db.sock');
define('DB_CHARSET', 'utf8mb4');
define('DB_COLLATE', '');
define('WP_ENVIRONMENT_TYPE', 'local');
define('DISABLE_WP_CRON', true);
define('WP_HTTP_BLOCK_EXTERNAL', true);
define('AUTOMATIC_UPDATER_DISABLED', true);
define('WP_AUTO_UPDATE_CORE', false);
define('WP_CONTENT_DIR', __DIR__ . '/wp-content');
define('WP_HOME', 'http://127.0.0.1:$WP_PORT');
define('WP_SITEURL', 'http://127.0.0.1:$WP_PORT');
foreach (array('AUTH_KEY', 'SECURE_AUTH_KEY', 'LOGGED_IN_KEY', 'NONCE_KEY',
    'AUTH_SALT', 'SECURE_AUTH_SALT', 'LOGGED_IN_SALT', 'NONCE_SALT') as \$k)
	define(\$k, 'tandem-test-' . \$k);
\$table_prefix = 'wp_';
if (!defined('ABSPATH'))
	define('ABSPATH', __DIR__ . '/');
require_once ABSPATH . 'wp-settings.php';
EOF
	cat >"$WP_DIR/site/wp-content/mu-plugins/tandem-test.php" <<'EOF'
<?php
/* The test site speaks to nobody: loopback only, no mail, no flood check. */
add_filter('pre_http_request', function ($pre, $args, $url) {
	$host = parse_url($url, PHP_URL_HOST);
	if ($host === '127.0.0.1' || $host === 'localhost' || $host === '[::1]')
		return $pre;
	return new WP_Error('tandem_test_offline', 'no network in the tests');
}, 1, 3);
add_filter('pre_wp_mail', '__return_false');
add_filter('comment_flood_filter', '__return_false', 99);
remove_all_actions('check_comment_flood');
add_filter('wp_is_application_passwords_available', '__return_true');
/* wp-content/hang holding N: a new comment is stored, then the answer
   waits N seconds (a server that stops answering mid-post). */
add_action('rest_insert_comment', function () {
	$f = WP_CONTENT_DIR . '/hang';
	if (file_exists($f))
		sleep((int)file_get_contents($f));
});
EOF
	cat >"$WP_DIR/router.php" <<'EOF'
<?php
/* wp_hold: a POST waits (at most 120 s) while the hold file is there. */
if ($_SERVER['REQUEST_METHOD'] === 'POST')
	for ($i = 0; $i < 2400 && is_file(__DIR__ . '/hold'); $i++)
		usleep(50000);
$path = parse_url($_SERVER['REQUEST_URI'], PHP_URL_PATH);
if ($path !== '/' && is_file($_SERVER['DOCUMENT_ROOT'] . $path))
	return false;
$_SERVER['SCRIPT_NAME'] = '/index.php';
require $_SERVER['DOCUMENT_ROOT'] . '/index.php';
EOF
}

wp_install() {
	WP_PASS=$(WP_PHP_PRE='define("WP_INSTALLING", true);' wp_php '
		require_once ABSPATH . "wp-admin/includes/upgrade.php";
		wp_install("Tandem test", "admin", "admin@example.invalid", true, "",
		    "admin-password-not-used");
		update_option("permalink_structure", "/%postname%/");
		update_option("comment_moderation", 0);
		update_option("comment_previously_approved", 0);
		update_option("comments_notify", 0);
		update_option("moderation_notify", 0);
		update_option("require_name_email", 0);
		update_option("close_comments_for_old_posts", 0);
		update_option("thread_comments_depth", 10);
		switch_theme("twentytwentythree");
		$r = WP_Application_Passwords::create_new_application_password(1,
		    array("name" => "tandem-test"));
		echo $r[0];
	' 2>>"$WP_DIR/php.log") || return 1
	WP_USER=admin
	export WP_USER WP_PASS
	[ -n "$WP_PASS" ]
}

# wp_serve: start (or restart after wp_halt) the web server.
wp_serve() {
	local i
	(cd "$WP_DIR/site" && exec php -S "127.0.0.1:$WP_PORT" \
	    -d display_errors=0 "$WP_DIR/router.php" >>"$WP_DIR/http.log" 2>&1) &
	WP_HTTP_PID=$!
	for i in $(seq 100); do
		wp_rest GET /wp-json/wp/v2/users/me >/dev/null 2>&1
		[ "$WP_STATUS" = 200 ] && return 0
		sleep 0.1
	done
	echo "# wp-site: the site did not answer /wp-json/wp/v2/users/me" >&2
	return 1
}

# wp_hold, wp_release: a slow site.  After wp_hold, a POST waits in the
# server (at most 120 s) until wp_release; php -S answers one request at
# a time, so every other request waits behind it.
wp_hold() { : >"$WP_DIR/hold"; }
wp_release() { rm -f "$WP_DIR/hold"; }

# wp_halt: stop the web server only (a site that went away).
wp_halt() {
	if [ -n "${WP_HTTP_PID-}" ]; then
		kill "$WP_HTTP_PID" 2>/dev/null
		wait "$WP_HTTP_PID" 2>/dev/null
		WP_HTTP_PID=
	fi
}

wp_start() {
	WP_DIR=$(mktemp -d "${TMPDIR:-/tmp}/tandem-wp.XXXXXX")
	WP_PORT=$(wp_port)
	WP_URL="http://127.0.0.1:$WP_PORT"
	export WP_URL WP_PORT WP_DIR
	# lib.sh's own EXIT trap (its temporary directory) runs after ours.
	trap 'wp_stop; if command -v e2e_cleanup >/dev/null 2>&1; then e2e_cleanup; fi' EXIT
	wp_db_start && wp_files && wp_install && wp_serve || {
		echo "# wp-site: could not start a site; logs:" >&2
		cat "$WP_DIR"/*.log >&2 2>/dev/null
		return 1
	}
}

wp_stop() {
	wp_halt
	if [ -n "${WP_DB_PID-}" ]; then
		kill "$WP_DB_PID" 2>/dev/null
		wait "$WP_DB_PID" 2>/dev/null
		WP_DB_PID=
	fi
	if [ -n "${WP_DIR-}" ] && [ -d "$WP_DIR" ]; then
		rm -rf "$WP_DIR"
		WP_DIR=
	fi
}
