/*
 * cmd-search.c: tandem search, the library's full-text search.
 *
 * One line per article, best first: its id, the languages that match
 * (best first), the title of the best one and a snippet around a match.
 * On a terminal the line fits the width, counted in display cells, and
 * the matches are drawn bold and reversed; into a pipe nothing is cut
 * and no escape is written.  Every field is sanitised (out.h's rules)
 * before the only escapes we write ourselves go around it.  --json
 * prints json-search.h's document instead.
 */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "cache.h"
#include "cache-feed.h"
#include "cmd.h"
#include "json-search.h"
#include "layout.h"
#include "utf8.h"
#include "xmalloc.h"

#define CMD_SEARCH_ON	"\033[1;7m"
#define CMD_SEARCH_OFF	"\033[0m"

struct cmd_search_out {
	int			 tty;
	int			 cells;		/* left on the line; -1: no end */
	const struct layout_opts *opts;
};

/*
 * Print s sanitised, as much of it as fits in o->cells; a mark draws
 * its text bold and reversed on a terminal.  Returns 0 once the line
 * is full.
 */
static int
cmd_search_put(struct cmd_search_out *o, const char *s, size_t n, int mark)
{
	char	*t, *cut;
	size_t	 len;
	int	 w, full = 0;

	t = utf8_sanitize_line(s, n, &len, o->opts);
	if (o->cells >= 0) {
		w = utf8_width(t, len, o->opts);
		if (w > o->cells) {
			cut = layout_truncate(t, len, o->cells, o->opts);
			free(t);
			t = cut;
			len = strlen(t);
			w = o->cells;
			full = 1;
		}
		o->cells -= w;
	}
	if (mark && o->tty)
		fputs(CMD_SEARCH_ON, stdout);
	fwrite(t, 1, len, stdout);
	if (mark && o->tty)
		fputs(CMD_SEARCH_OFF, stdout);
	free(t);
	return !full && o->cells != 0;
}

/* The snippet, its marks drawn as cmd_search_put() draws them. */
static void
cmd_search_snippet(struct cmd_search_out *o, const char *s)
{
	size_t	n;
	int	mark = 0;

	while (*s != '\0') {
		n = strcspn(s, CACHE_MARK_ON CACHE_MARK_OFF);
		if (n > 0 && !cmd_search_put(o, s, n, mark))
			return;
		s += n;
		if (*s != '\0')
			mark = *s++ == CACHE_MARK_ON[0];
	}
}

static void
cmd_search_line(const struct cache_search_hit *h, int idw, int cols,
    const struct layout_opts *opts)
{
	struct cmd_search_out	 o = { cols > 0, -1, opts };
	char			*langs;

	printf("%*lld  ", idw, h->id);
	langs = layout_pad(h->langs != NULL ? h->langs : "",
	    strlen(h->langs != NULL ? h->langs : ""), 8, opts);
	fputs(langs, stdout);
	free(langs);
	fputs("  ", stdout);
	if (cols > 0)
		o.cells = cols - idw - 12 > 10 ? (cols - idw - 12) / 2 : 10;
	if (h->title != NULL)
		cmd_search_put(&o, h->title, strlen(h->title), 0);
	if (cols > 0)
		o.cells = cols - idw - 12 - utf8_width(h->title != NULL ?
		    h->title : "", h->title != NULL ? strlen(h->title) : 0,
		    opts) - 2;
	if (h->snippet != NULL && (cols <= 0 || o.cells > 4)) {
		fputs("  ", stdout);
		cmd_search_snippet(&o, h->snippet);
	}
	putchar('\n');
}

/* Whether s is a date as YYYY-MM-DD. */
static int
cmd_search_date(const char *s)
{
	size_t	i;

	if (strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return 0;
	for (i = 0; i < 10; i++)
		if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
			return 0;
	return 1;
}

/* The options into o and *json, --feed's name into *feed (resolved once
   the cache is open); the query, joined, into *q. */
static int
cmd_search_args(int argc, char **argv, struct cache_search_opts *o,
    int *json, const char **feed, char **q)
{
	static const struct option longopts[] = {
		{ "lang", required_argument, NULL, 'l' },
		{ "unread", no_argument, NULL, 'u' },
		{ "since", required_argument, NULL, 's' },
		{ "limit", required_argument, NULL, 'n' },
		{ "json", no_argument, NULL, 'j' },
		{ "feed", required_argument, NULL, 'f' },
		{ "tag", required_argument, NULL, 't' },
		{ NULL, 0, NULL, 0 }
	};
	char	*end, *t;
	long	 n;
	int	 ch, i;

	optind = 0;
	while ((ch = getopt_long(argc, argv, "l:n:", longopts, NULL)) != -1) {
		switch (ch) {
		case 'l':
			o->lang = optarg;
			break;
		case 'u':
			o->unread = 1;
			break;
		case 's':
			if (!cmd_search_date(optarg)) {
				cmd_error("search: --since wants a date as"
				    " YYYY-MM-DD, not '%s'", optarg);
				return -1;
			}
			o->since = optarg;
			break;
		case 'n':
			n = strtol(optarg, &end, 10);
			if (*optarg == '\0' || *end != '\0' || n <= 0 ||
			    n > 100000) {
				cmd_error("search: --limit wants a number from"
				    " 1 to 100000, not '%s'", optarg);
				return -1;
			}
			o->limit = (size_t)n;
			break;
		case 'j':
			*json = 1;
			break;
		case 'f':
			*feed = optarg;
			break;
		case 't':
			o->tag = optarg;
			break;
		default:
			cmd_error("search: unknown option '%s'",
			    argv[optind - 1]);
			return -1;
		}
	}
	if (optind >= argc) {
		cmd_error("search: what to search for? (usage: tandem search"
		    " QUERY [--lang L] [--unread] [--since DATE] [--limit N]"
		    " [--feed F] [--tag T] [--json])");
		return -1;
	}
	*q = xstrdup(argv[optind]);
	for (i = optind + 1; i < argc; i++) {
		xasprintf(&t, "%s %s", *q, argv[i]);
		free(*q);
		*q = t;
	}
	return 0;
}

static int
cmd_columns(void)
{
	struct winsize	ws;

	if (isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0
	    && ws.ws_col > 0)
		return ws.ws_col;
	return isatty(STDOUT_FILENO) ? 80 : 0;
}

/* The indexing's progress on a terminal: rows done of those waiting. */
static void
cmd_index_progress(void *arg, long long done, long long left)
{
	int	*shown = arg;

	fprintf(stderr, "\rtandem: indexing: %lld of %lld rows", done, left);
	*shown = 1;
}

/*
 * Before a search, a queue this long (a first search after a large
 * import: about half a second of indexing) is indexed with its progress
 * on a terminal, as tandem index shows it, rather than in silence.
 */
#define CMD_SEARCH_SHOW_INDEX	10000

static void
cmd_search_index(struct cache *cache)
{
	long long	 left;
	char		*cause = NULL;
	int		 shown = 0;

	if (!isatty(STDERR_FILENO) || cache_readonly(cache) ||
	    cache_search_left(cache, &left, &cause) != 0 ||
	    left < CMD_SEARCH_SHOW_INDEX) {
		free(cause);
		return;
	}
	/* A busy cache: the search says what it could not index. */
	if (cache_search_index(cache, cmd_index_progress, &shown,
	    &cause) != 0)
		free(cause);
	if (shown)
		fputc('\n', stderr);
}

int
cmd_search(struct cmd_ctx *ctx, int argc, char **argv)
{
	struct cache_search_opts o = { NULL, 0, NULL, 20, 1, 16, 0, NULL };
	struct cache_search_hit	*h;
	struct cache		*cache;
	size_t			 n, i;
	const char		*feed = NULL;
	char			*q = NULL, *cause = NULL;
	int			 json = 0, idw = 1, w, rc = 0;

	if (cmd_search_args(argc, argv, &o, &json, &feed, &q) != 0)
		return CMD_EXIT_USAGE;
	if (cmd_open_cache(ctx, 0, &cache) != 0) {
		free(q);
		return CMD_EXIT_ERROR;
	}
	cmd_search_index(cache);
	if ((feed != NULL && cache_feed_find(cache, feed, &o.feed,
	    &cause) != 0) || (o.tag != NULL && cmd_tag_known(cache, "search",
	    o.tag, &cause) != 0) ||
	    cache_search(cache, q, &o, &h, &n, &cause) != 0) {
		cmd_error("%s", cause);
		free(cause);
		cache_close(cache);
		free(q);
		return CMD_EXIT_ERROR;
	}
	if (json)
		rc = json_search_write(stdout, h, n);
	else {
		for (i = 0; i < n; i++)
			if ((w = snprintf(NULL, 0, "%lld", h[i].id)) > idw)
				idw = w;
		for (i = 0; i < n; i++)
			cmd_search_line(&h[i], idw, cmd_columns(),
			    &ctx->layout);
		if (n == 0 && isatty(STDERR_FILENO))
			cmd_error("search \"%s\": no article matches", q);
	}
	if (cache_search_unindexed(cache) > 0)
		cmd_error("search: %lld paragraphs and titles are not indexed"
		    " yet and were not searched (the cache is read-only or"
		    " busy; tandem index brings it up to date)",
		    cache_search_unindexed(cache));
	if (fflush(stdout) != 0 || ferror(stdout)) {
		cmd_error("standard output: write error");
		rc = -1;
	}
	cache_search_free(h, n);
	cache_close(cache);
	free(q);
	return rc == 0 ? 0 : CMD_EXIT_ERROR;
}

/*
 * tandem index: bring the search index up to date.  An import leaves
 * its paragraphs queued for the index (the import stays as fast as
 * without one); a search, the reader while idle, or this indexes them.
 */
int
cmd_index(struct cmd_ctx *ctx, int argc, char **argv)
{
	struct cache	*cache;
	long long	 left, after;
	char		*cause = NULL;
	int		 shown = 0, rc;

	if (argc != 1) {
		cmd_error("index: unknown argument '%s' (usage: tandem index)",
		    argv[1]);
		return CMD_EXIT_USAGE;
	}
	if ((rc = cmd_open_cache(ctx, 0, &cache)) != 0)
		return rc == 1 ? 0 : CMD_EXIT_ERROR;
	rc = cache_search_left(cache, &left, &cause);
	if (rc == 0 && left > 0 && cache_readonly(cache)) {
		xasprintf(&cause, "index: %lld rows wait for the index, but"
		    " the cache is read-only", left);
		rc = -1;
	}
	if (rc == 0)
		rc = cache_search_index(cache, isatty(STDERR_FILENO) ?
		    cmd_index_progress : NULL, &shown, &cause);
	if (shown)
		fputc('\n', stderr);
	if (rc == 0)
		rc = cache_search_left(cache, &after, &cause);
	if (rc != 0) {
		cmd_error("%s", cause);
		free(cause);
		cache_close(cache);
		return CMD_EXIT_ERROR;
	}
	printf("search index: up to date (%lld rows indexed now)\n",
	    left - after);
	cache_close(cache);
	return 0;
}
