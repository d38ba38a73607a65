/*
 * cmd-feed.c: the subscription commands: tandem add, feeds, update,
 * unsubscribe, import-opml and export-opml.
 *
 * Thin over the library: the feeds and their state are cache-feed.h's,
 * the update is feed-update.h's, discovery and OPML are feed.h's.  What
 * is printed comes from feeds on the network, so every field goes
 * through out.h.
 */
#include "config.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cache.h"
#include "cache-feed.h"
#include "cmd.h"
#include "feed.h"
#include "feed-update.h"
#include "fetch.h"
#include "out.h"
#include "story.h"
#include "xmalloc.h"

/* How long a feed-related fetch in the CLI may take, s. */
#define CMD_FEED_TIMEOUT	30

/* The settings and tags of tandem add, also given to each OPML outline. */
struct cmd_feed_add {
	const char	**tags;
	size_t		  ntags;
	int		  alternates;
	int		  full_text;
};

/* Fetch url and find the feed it is or names: *feed allocated. */
static int
cmd_feed_resolve(struct cmd_ctx *ctx, const char *url, char **feed,
    char **title, char **cause)
{
	struct fetch_opts	 fo = { 0 };
	struct fetch_result	 r;
	char			**urls;
	size_t			 n, i;

	*title = NULL;
	fo.langs = (const char *const *)ctx->lang.tags;
	fo.timeout = CMD_FEED_TIMEOUT;
	fo.ca_file = getenv("TANDEM_TEST_CA_FILE");
	if (fetch_url(url, &fo, &r, cause) != 0)
		return -1;
	if (feed_sniff(r.body, r.len)) {
		*feed = xstrdup(r.url != NULL ? r.url : url);
		fetch_result_free(&r);
		return 0;
	}
	if (feed_discover(r.body, r.len, r.url != NULL ? r.url : url, &urls,
	    &n) != 0 || n == 0) {
		xasprintf(cause, "%s: neither a feed nor a page that names one",
		    url);
		fetch_result_free(&r);
		return -1;
	}
	*feed = xstrdup(urls[0]);
	for (i = 0; i < n; i++)
		free(urls[i]);
	free(urls);
	fetch_result_free(&r);
	return 0;
}

static int
cmd_feed_add_options(const char *name, struct cmd_feed_add *a, int argc,
    char **argv)
{
	static const struct option longopts[] = {
		{ "tag", required_argument, NULL, 't' },
		{ "no-alternates", no_argument, NULL, 'n' },
		{ "full-text", no_argument, NULL, 'f' },
		{ NULL, 0, NULL, 0 }
	};
	int	ch;

	a->alternates = 1;
	optind = 0;
	while ((ch = getopt_long(argc, argv, "t:", longopts, NULL)) != -1) {
		switch (ch) {
		case 't':
			if (*optarg == '\0' || strchr(optarg, '\n') != NULL ||
			    strchr(optarg, ',') != NULL) {
				cmd_error("%s: a tag is a non-empty word "
				    "without a comma, not '%s'", name, optarg);
				return -1;
			}
			a->tags = xreallocarray(a->tags, a->ntags + 1,
			    sizeof *a->tags);
			a->tags[a->ntags++] = optarg;
			continue;
		case 'n':
			a->alternates = 0;
			continue;
		case 'f':
			a->full_text = 1;
			continue;
		default:
			cmd_error("%s: unknown option '%s'", name,
			    argv[optind - 1]);
			return -1;
		}
	}
	return 0;
}

/* Subscribe to a URL known to be a feed, with a's settings. */
static int
cmd_feed_subscribe(struct cache *cache, const char *url, const char *title,
    const char *site, const char *lang, const struct cmd_feed_add *a,
    long long *id, char **cause)
{
	struct cache_feed	f = { 0 };

	f.url = (char *)url;
	f.title = (char *)title;
	f.site = (char *)site;
	f.lang = (char *)lang;
	f.alternates = a->alternates;
	f.full_text = a->full_text;
	f.tags = (char **)a->tags;
	f.ntags = a->ntags;
	return cache_feed_add(cache, &f, id, cause);
}

int
cmd_add(struct cmd_ctx *ctx, int argc, char **argv)
{
	struct cmd_feed_add	 a = { 0 };
	struct cache		*cache;
	char			*feed = NULL, *title = NULL, *cause = NULL;
	long long		 id;
	int			 rc = CMD_EXIT_ERROR;

	if (cmd_feed_add_options("add", &a, argc, argv) != 0) {
		rc = CMD_EXIT_USAGE;
		goto out;
	}
	if (optind != argc - 1) {
		cmd_error("add: want one URL (usage: tandem add URL "
		    "[--tag T]... [--no-alternates] [--full-text])");
		rc = CMD_EXIT_USAGE;
		goto out;
	}
	if (!story_is_url(argv[optind])) {
		cmd_error("add: %s: not an http or https URL", argv[optind]);
		rc = CMD_EXIT_USAGE;
		goto out;
	}
	feed = fetch_redact(argv[optind]);
	if (strcmp(feed, argv[optind]) != 0) {
		cmd_error("add: %s: a URL with a user name or password is not "
		    "stored; give the feed's URL without it", feed);
		rc = CMD_EXIT_USAGE;
		goto out;
	}
	FREE(&feed);
	if (cmd_feed_resolve(ctx, argv[optind], &feed, &title, &cause) != 0)
		goto fail;
	if (cmd_open_cache(ctx, 1, &cache) != 0)
		goto out;
	if (cmd_feed_subscribe(cache, feed, title, NULL, NULL, &a, &id,
	    &cause) != 0) {
		cache_close(cache);
		goto fail;
	}
	cache_close(cache);
	out_line(stdout, "feed %lld: %s", id, feed);
	rc = 0;
	goto out;
fail:
	cmd_error("%s", cause);
out:
	free(cause);
	free(feed);
	free(title);
	free(a.tags);
	return rc;
}

/* "2026-12-02 04:10" in local time, or "never". */
static void
cmd_feed_time(long long t, char *buf, size_t len)
{
	struct tm	tm;
	time_t		tt = (time_t)t;

	if (t == 0 || localtime_r(&tt, &tm) == NULL)
		snprintf(buf, len, "never");
	else
		strftime(buf, len, "%Y-%m-%d %H:%M", &tm);
}

static void
cmd_feed_json_val(FILE *f, const char *v)
{
	const unsigned char	*p;

	if (v == NULL)
		fputs("null", f);
	else {
		fputc('"', f);
		for (p = (const unsigned char *)v; *p != '\0'; p++) {
			if (*p == '"' || *p == '\\')
				fprintf(f, "\\%c", *p);
			else if (*p < 0x20 || *p == 0x7f)
				fprintf(f, "\\u%04x", *p);
			else
				fputc(*p, f);
		}
		fputc('"', f);
	}
}

static void
cmd_feed_json_str(FILE *f, const char *key, const char *v, int comma)
{
	fprintf(f, "\"%s\":", key);
	cmd_feed_json_val(f, v);
	if (comma)
		fputc(',', f);
}

/* One feed as a JSON object (strings escaped, UTF-8 kept as is). */
static void
cmd_feed_json(FILE *out, const struct cache_feed *f)
{
	size_t	i;

	fprintf(out, "{\"id\":%lld,", f->id);
	cmd_feed_json_str(out, "url", f->url, 1);
	cmd_feed_json_str(out, "title", f->title, 1);
	cmd_feed_json_str(out, "site", f->site, 1);
	cmd_feed_json_str(out, "languages", f->lang, 1);
	fputs("\"tags\":[", out);
	for (i = 0; i < f->ntags; i++) {
		if (i > 0)
			fputc(',', out);
		cmd_feed_json_val(out, f->tags[i]);
	}
	fprintf(out, "],\"articles\":%lld,\"unread\":%lld,\"updated\":%lld,"
	    "\"checked\":%lld,\"gone\":%s,\"alternates\":%s,"
	    "\"full_text\":%s,", f->articles, f->unread, f->updated_at,
	    f->checked_at, f->gone ? "true" : "false",
	    f->alternates ? "true" : "false", f->full_text ? "true" : "false");
	cmd_feed_json_str(out, "error", f->error, 0);
	fputs("}", out);
}

/* One feed as text: a header line, then its state. */
static void
cmd_feed_print(FILE *out, const struct cache_feed *f)
{
	char	 when[32], *tags = NULL, *t;
	size_t	 i;

	for (i = 0; i < f->ntags; i++) {
		xasprintf(&t, "%s%s%s", tags != NULL ? tags : "",
		    tags != NULL ? "," : "", f->tags[i]);
		free(tags);
		tags = t;
	}
	out_line(out, "%lld  %s", f->id, f->title != NULL ? f->title :
	    "(no title yet)");
	out_line(out, "    %s", f->url);
	out_line(out, "    languages %s  tags %s  %lld articles, %lld unread",
	    f->lang != NULL ? f->lang : "-", tags != NULL ? tags : "-",
	    f->articles, f->unread);
	cmd_feed_time(f->checked_at, when, sizeof when);
	if (f->gone)
		out_line(out, "    gone (HTTP 410): not fetched any more");
	else if (f->checked_at == 0)
		out_line(out, "    not updated yet");
	else if (f->error != NULL)
		out_line(out, "    last update %s: failed: %s", when, f->error);
	else
		out_line(out, "    last update %s: ok", when);
	free(tags);
}

int
cmd_feeds(struct cmd_ctx *ctx, int argc, char **argv)
{
	struct cache		*cache;
	struct cache_feed	*f;
	size_t			 n, i;
	char			*cause = NULL;
	int			 json = 0;

	if (argc == 2 && strcmp(argv[1], "--json") == 0)
		json = 1;
	else if (argc != 1) {
		cmd_error("feeds: unknown argument '%s' (usage: tandem feeds "
		    "[--json])", argv[1]);
		return CMD_EXIT_USAGE;
	}
	if (cmd_open_cache(ctx, 0, &cache) != 0)
		return CMD_EXIT_ERROR;
	if (cache_feed_list(cache, &f, &n, &cause) != 0) {
		cmd_error("%s", cause);
		free(cause);
		cache_close(cache);
		return CMD_EXIT_ERROR;
	}
	if (json)
		fputc('[', stdout);
	for (i = 0; i < n; i++) {
		if (json) {
			if (i > 0)
				fputc(',', stdout);
			cmd_feed_json(stdout, &f[i]);
		} else
			cmd_feed_print(stdout, &f[i]);
	}
	if (json)
		fputs("]\n", stdout);
	cache_feed_free_all(f, n);
	cache_close(cache);
	return 0;
}

/*
 * How many articles of one feed get their comments read by one update,
 * and of all feeds: the first are the newest, the rest wait for the
 * comment pane or tandem comments ID --fetch.
 */
#define CMD_UPDATE_COMMENTS_FEED	20
#define CMD_UPDATE_COMMENTS_ALL		200

/* What tandem update's callbacks share. */
struct cmd_update_state {
	int		 tty;
	long long	 feed;		/* the last stored */
	size_t		 feed_n;	/* ... its articles kept */
	long long	*articles;	/* whose comments to read */
	size_t		 n;
};

/* An article that the update added or changed: its comments to read. */
static void
cmd_feed_stored(void *arg, long long feed, long long article)
{
	struct cmd_update_state	*st = arg;
	size_t			 i;

	if (feed != st->feed) {
		st->feed = feed;
		st->feed_n = 0;
	}
	if (st->feed_n >= CMD_UPDATE_COMMENTS_FEED ||
	    st->n >= CMD_UPDATE_COMMENTS_ALL)
		return;
	for (i = 0; i < st->n; i++)
		if (st->articles[i] == article)
			return;
	if (st->articles == NULL)
		st->articles = xcalloc(CMD_UPDATE_COMMENTS_ALL,
		    sizeof *st->articles);
	st->articles[st->n++] = article;
	st->feed_n++;
}

/* Progress on a terminal: "[12/200] title", rewritten in place. */
static void
cmd_feed_progress(void *arg, size_t done, size_t total, const char *name)
{
	int	*tty = &((struct cmd_update_state *)arg)->tty;

	if (!*tty)
		return;
	fputs("\r\033[K", stderr);
	fprintf(stderr, "[%zu/%zu] ", done, total);
	out_field(stderr, name, strlen(name));
	if (done == total)
		fputs("\r\033[K", stderr);
	fflush(stderr);
}

static void
cmd_feed_warn(void *arg, const char *message)
{
	int	*tty = &((struct cmd_update_state *)arg)->tty;

	if (*tty)
		fputs("\r\033[K", stderr);
	cmd_error("%s", message);
}

/* --connections N and --per-host N of tandem update. */
static int
cmd_update_number(const char *s, int *out)
{
	char	*end;
	long	 n;

	n = strtol(s, &end, 10);
	if (*s == '\0' || *end != '\0' || n < 1 || n > 1000)
		return -1;
	*out = (int)n;
	return 0;
}

static int
cmd_update_options(struct feed_update_opts *o, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "connections", required_argument, NULL, 'c' },
		{ "per-host", required_argument, NULL, 'p' },
		{ "no-comments", no_argument, NULL, 'N' },
		{ NULL, 0, NULL, 0 }
	};
	int	ch;

	optind = 0;
	while ((ch = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
		if (ch == 'N') {
			o->stored = NULL;
			continue;
		}
		if ((ch == 'c' || ch == 'p') && cmd_update_number(optarg,
		    ch == 'c' ? &o->connections : &o->per_host) == 0)
			continue;
		if (ch == 'c' || ch == 'p')
			cmd_error("update: --%s takes 1 to 1000, not '%s'",
			    ch == 'c' ? "connections" : "per-host", optarg);
		else
			cmd_error("update: unknown option '%s'",
			    argv[optind - 1]);
		return -1;
	}
	return 0;
}

/* The summary's part about comments: nothing when there was none. */
static void
cmd_update_comments(const struct cmd_site_report *sr)
{
	if (sr->articles > 0)
		printf(", %zu comment%s of %zu article%s", sr->comments,
		    sr->comments == 1 ? "" : "s", sr->articles,
		    sr->articles == 1 ? "" : "s");
	if (sr->failed > 0)
		printf(", comments of %zu failed (warned)", sr->failed);
	if (sr->sent > 0)
		printf(", %zu comment%s sent", sr->sent,
		    sr->sent == 1 ? "" : "s");
	if (sr->unsent > 0)
		printf(", %zu still pending", sr->unsent);
}

int
cmd_update(struct cmd_ctx *ctx, int argc, char **argv)
{
	struct feed_update_opts		 o = { 0 };
	struct feed_update_report	 r;
	struct cmd_update_state		 st = { 0 };
	struct cmd_site_report		 sr = { 0 };
	struct cache			*cache;
	long long			*ids = NULL;
	char				*cause = NULL;
	int				 i, n = 0, rc = 0;

	st.tty = isatty(STDERR_FILENO);
	o.langs = (const char *const *)ctx->lang.tags;
	o.ca_file = getenv("TANDEM_TEST_CA_FILE");
	o.progress = cmd_feed_progress;
	o.warn = cmd_feed_warn;
	o.stored = cmd_feed_stored;
	o.arg = &st;
	if (cmd_update_options(&o, argc, argv) != 0)
		return CMD_EXIT_USAGE;
	if (cmd_open_cache(ctx, 1, &cache) != 0)
		return CMD_EXIT_ERROR;
	if (optind < argc)
		ids = xcalloc((size_t)(argc - optind), sizeof *ids);
	for (i = optind; i < argc; i++) {
		if (cache_feed_find(cache, argv[i], &ids[n], &cause) != 0) {
			cmd_error("update: %s", cause);
			FREE(&cause);
			rc = CMD_EXIT_ERROR;
		} else
			n++;
	}
	if (rc == 0 && feed_update(cache, ids, ids != NULL ? (size_t)n : 0,
	    &o, &r, &cause) != 0) {
		cmd_error("%s", cause);
		free(cause);
		rc = CMD_EXIT_ERROR;
	} else if (rc == 0) {
		if (o.stored != NULL)
			cmd_site_update(cache, st.articles, st.n, &sr);
		printf("%zu feed%s, %zu new article%s, %zu failed",
		    r.feeds, r.feeds == 1 ? "" : "s", r.articles_new,
		    r.articles_new == 1 ? "" : "s", r.failed);
		if (r.articles_updated > 0)
			printf(", %zu updated", r.articles_updated);
		if (r.not_modified > 0)
			printf(", %zu unchanged", r.not_modified);
		if (r.held > 0)
			printf(", %zu held (gone or Retry-After)", r.held);
		cmd_update_comments(&sr);
		putchar('\n');
		rc = r.failed > 0 ? CMD_EXIT_ERROR : 0;
	}
	free(ids);
	free(st.articles);
	cache_close(cache);
	return rc;
}

int
cmd_unsubscribe(struct cmd_ctx *ctx, int argc, char **argv)
{
	struct cache	*cache;
	const char	*spec = NULL;
	char		*cause = NULL;
	long long	 id, purged;
	int		 i, purge = 0;

	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--purge") == 0)
			purge = 1;
		else if (spec == NULL && argv[i][0] != '-')
			spec = argv[i];
		else {
			cmd_error("unsubscribe: usage: tandem unsubscribe "
			    "FEED [--purge]");
			return CMD_EXIT_USAGE;
		}
	}
	if (spec == NULL) {
		cmd_error("unsubscribe: want a feed (its id, URL or title)");
		return CMD_EXIT_USAGE;
	}
	if (cmd_open_cache(ctx, 0, &cache) != 0)
		return CMD_EXIT_ERROR;
	if (cache_feed_find(cache, spec, &id, &cause) != 0 ||
	    cache_feed_remove(cache, id, purge, &purged, &cause) != 0) {
		cmd_error("unsubscribe: %s", cause);
		free(cause);
		cache_close(cache);
		return CMD_EXIT_ERROR;
	}
	cache_close(cache);
	if (purge)
		printf("unsubscribed feed %lld, removed %lld article%s\n", id,
		    purged, purged == 1 ? "" : "s");
	else
		printf("unsubscribed feed %lld; its articles stay\n", id);
	return 0;
}

struct cmd_opml {
	struct cache		*cache;
	struct cmd_feed_add	*a;
	size_t			 added, known;
};

static int
cmd_opml_outline(void *arg, const struct feed_outline *fo, char **cause)
{
	struct cmd_opml		*co = arg;
	struct cmd_feed_add	 a = *co->a;
	long long		 id;
	size_t			 i;
	int			 rc;

	a.tags = xcalloc(co->a->ntags + fo->ntags + 1, sizeof *a.tags);
	for (i = 0; i < co->a->ntags; i++)
		a.tags[i] = co->a->tags[i];
	for (i = 0; i < fo->ntags; i++)
		a.tags[co->a->ntags + i] = fo->tags[i];
	a.ntags = co->a->ntags + fo->ntags;
	if (cache_feed_find(co->cache, fo->url, &id, cause) == 0) {
		co->known++;
		free(a.tags);
		return 0;
	}
	FREE(cause);
	rc = cmd_feed_subscribe(co->cache, fo->url, fo->title, fo->html_url,
	    fo->lang, &a, &id, cause);
	free(a.tags);
	if (rc == 0)
		co->added++;
	return rc;
}

/* Read a whole file (for OPML, small), or -1 and *cause. */
static int
cmd_opml_read(const char *path, char **buf, size_t *len, char **cause)
{
	FILE	*f;
	size_t	 cap = 65536, n;

	if (strcmp(path, "-") == 0)
		f = stdin;
	else if ((f = fopen(path, "rb")) == NULL) {
		xasprintf(cause, "%s: %s", path, strerror(errno));
		return -1;
	}
	*buf = xmalloc(cap);
	*len = 0;
	while ((n = fread(*buf + *len, 1, cap - *len, f)) > 0) {
		*len += n;
		if (*len == cap)
			*buf = xrealloc(*buf, cap *= 2);
	}
	if (ferror(f)) {
		xasprintf(cause, "%s: %s", path, strerror(errno));
		FREE(buf);
	}
	if (f != stdin)
		fclose(f);
	return *buf != NULL ? 0 : -1;
}

int
cmd_import_opml(struct cmd_ctx *ctx, int argc, char **argv)
{
	struct cmd_feed_add	 a = { 0 };
	struct cmd_opml		 co = { 0 };
	char			*buf = NULL, *cause = NULL;
	size_t			 len;
	int			 rc = CMD_EXIT_ERROR;

	if (cmd_feed_add_options("import-opml", &a, argc, argv) != 0)
		return CMD_EXIT_USAGE;
	if (optind != argc - 1) {
		cmd_error("import-opml: want one file (usage: tandem "
		    "import-opml FILE [--tag T]... [--no-alternates])");
		free(a.tags);
		return CMD_EXIT_USAGE;
	}
	co.a = &a;
	if (cmd_opml_read(argv[optind], &buf, &len, &cause) != 0)
		goto fail;
	if (cmd_open_cache(ctx, 1, &co.cache) != 0)
		goto out;
	if (feed_opml_parse(buf, len, argv[optind], cmd_opml_outline, &co,
	    &cause) != 0) {
		cache_close(co.cache);
		goto fail;
	}
	cache_close(co.cache);
	printf("%zu feed%s added, %zu already followed\n", co.added,
	    co.added == 1 ? "" : "s", co.known);
	rc = 0;
	goto out;
fail:
	cmd_error("%s", cause);
out:
	free(cause);
	free(buf);
	free(a.tags);
	return rc;
}

int
cmd_export_opml(struct cmd_ctx *ctx, int argc, char **argv)
{
	struct cache		*cache;
	struct cache_feed	*f;
	struct feed_outline	*o;
	size_t			 n, i;
	char			*cause = NULL, *doc;

	(void)argv;
	if (argc != 1) {
		cmd_error("export-opml: takes no argument (usage: tandem "
		    "export-opml > FILE)");
		return CMD_EXIT_USAGE;
	}
	if (cmd_open_cache(ctx, 0, &cache) != 0)
		return CMD_EXIT_ERROR;
	if (cache_feed_list(cache, &f, &n, &cause) != 0) {
		cmd_error("%s", cause);
		free(cause);
		cache_close(cache);
		return CMD_EXIT_ERROR;
	}
	o = xcalloc(n + 1, sizeof *o);
	for (i = 0; i < n; i++) {
		o[i].url = f[i].url;
		o[i].title = f[i].title;
		o[i].html_url = f[i].site;
		o[i].lang = f[i].lang;
		o[i].tags = (const char *const *)f[i].tags;
		o[i].ntags = f[i].ntags;
	}
	doc = feed_opml_write("tandem subscriptions", o, n);
	fputs(doc, stdout);
	free(doc);
	free(o);
	cache_feed_free_all(f, n);
	cache_close(cache);
	return 0;
}
