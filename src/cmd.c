/*
 * cmd.c: tandem import, export and rm: the commands that move articles
 * in and out of the cache without a terminal.  (list and show, which
 * lay text out, are in cmd-show.c.)
 */
#include "config.h"

#include <errno.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cache.h"
#include "charset.h"
#include "cmd.h"
#include "export.h"
#include "import.h"
#include "out.h"
#include "pairing.h"
#include "story.h"
#include "utf8.h"
#include "xmalloc.h"

/*
 * Messages carry file names and text from files, so they go out through
 * out.h like every field: a file named with an escape sequence or a line
 * separator cannot drive the terminal or forge a line, on a terminal or
 * in a log.
 */
void
cmd_error(const char *fmt, ...)
{
	va_list	 ap;
	char	*msg;

	va_start(ap, fmt);
	xvasprintf(&msg, fmt, ap);
	va_end(ap);
	out_line(stderr, "tandem: %s", msg);
	free(msg);
}

/* Whether the cache ctx names has never been made; says so. */
static int
cmd_cache_missing(const char *path, int quiet)
{
	struct stat	sb;

	if (stat(path, &sb) == 0 || errno != ENOENT)
		return 0;
	if (!quiet)
		out_line(stderr, "tandem: nothing imported yet (no cache at %s); "
		    "add articles with: tandem import FILE|DIR|URL", path);
	return 1;
}

int
cmd_open_cache(struct cmd_ctx *ctx, int create, struct cache **cache)
{
	char	*path = NULL, *cause = NULL;
	int	 rc;

	*cache = NULL;
	if (ctx->db_path == NULL && (path = cache_default_path(&cause)) == NULL) {
		cmd_error("%s", cause);
		free(cause);
		return -1;
	}
	/* Reading a cache that is not there yet is not creating it. */
	if (!(create & CMD_CACHE_CREATE) && cmd_cache_missing(ctx->db_path ?
	    ctx->db_path : path, create & CMD_CACHE_QUIET)) {
		free(path);
		return 1;
	}
	rc = cache_open(ctx->db_path ? ctx->db_path : path,
	    (create & CMD_CACHE_CREATE) ? CACHE_CREATE : 0, cache, &cause);
	if (rc != 0) {
		cmd_error("%s", cause);
		free(cause);
	}
	free(path);
	return rc;
}

/* Parse an article id; complain and return -1 if it is not one. */
static long long
cmd_id(const char *s)
{
	char		*end;
	long long	 id;

	errno = 0;
	id = strtoll(s, &end, 10);
	if (*s == '\0' || *end != '\0' || id <= 0 || errno != 0) {
		cmd_error("'%s' is not an article id (see tandem list)", s);
		return -1;
	}
	return id;
}

static void
cmd_warn(void *arg, const char *msg)
{
	(void)arg;
	cmd_error("%s", msg);
}

static int
cmd_format(const char *s, enum import_format *fmt)
{
	if (strcmp(s, "page") == 0)
		*fmt = IMPORT_FORMAT_PAGE;
	else if (strcmp(s, "article") == 0)
		*fmt = IMPORT_FORMAT_ARTICLE;
	else if (strcmp(s, "auto") == 0)
		*fmt = IMPORT_FORMAT_AUTO;
	else
		return -1;
	return 0;
}

/* What tandem import was told, for files and URLs alike. */
struct cmd_import {
	struct import_options	 io;
	struct story_opts	 so;
	struct import_sink	 sink;
	int			 progress;	/* stderr is a terminal */
	int			 shown;		/* a progress line is up */
	double			 started, drawn; /* monotonic seconds */
	size_t			 failed, skipped;

	/* A batch's accounting: every file ends stored or reported. */
	char			*state;		/* CMD_IMPORT_*, a file each */
	size_t			 first;		/* files not yet committed */
	unsigned long		 commits;	/* the cache's, at first */
	size_t			 stop;		/* 1 + where it stopped, or 0 */
	size_t			 lost;		/* files not imported */
	enum cache_error	 why;		/* of the last failure */
};
#define CMD_IMPORT_DONE		1	/* its articles went in */
#define CMD_IMPORT_FAILED	2	/* its error was printed */
#define CMD_IMPORT_LOST		3	/* never stored, and counted */

/* The progress line, redrawn in place; only on a terminal. */
static void
cmd_import_progress(void *arg, const char *msg)
{
	struct cmd_import	*ci = arg;
	char			*safe;
	size_t			 len;

	if (!ci->progress)
		return;
	safe = utf8_sanitize_line(msg, strlen(msg), &len, NULL);
	fprintf(stderr, "\r\033[K%s", safe);
	free(safe);
	ci->shown = 1;
}

static double
cmd_now(void)
{
	struct timespec	ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/*
 * The counter before file j of n: at most CMD_PROGRESS_HZ redraws a
 * second, whatever the number of files (3,000 small ones once sent
 * 75 KB over SSH), with the rate and the time left once it is known.
 */
#define CMD_PROGRESS_HZ	10
static void
cmd_import_counter(struct cmd_import *ci, size_t j, size_t n)
{
	double	now = cmd_now(), rate;

	if (j == 0)
		ci->started = now;
	else if (ci->shown && now - ci->drawn < 1.0 / CMD_PROGRESS_HZ)
		return;
	ci->drawn = now;
	rate = now - ci->started > 0.5 ? (double)j / (now - ci->started) : 0;
	if (rate > 0)
		fprintf(stderr, "\r\033[K[%zu/%zu] importing, %.0f files/s, "
		    "%.0f s left", j + 1, n, rate, (double)(n - j) / rate);
	else
		fprintf(stderr, "\r\033[K[%zu/%zu] importing", j + 1, n);
	ci->shown = 1;
}

static void
cmd_import_clear(struct cmd_import *ci)
{
	if (ci->shown)
		fputs("\r\033[K", stderr);
	ci->shown = 0;
}

static void
cmd_import_warn(void *arg, const char *msg)
{
	cmd_import_clear(arg);
	cmd_error("%s", msg);
}

/* --max-size: bytes, or with a K, M or G suffix (KiB, MB: the same). */
static int
cmd_size(const char *s, size_t *out)
{
	unsigned long long	 n;
	char			*end;
	int			 shift = 0;

	errno = 0;
	n = strtoull(s, &end, 10);
	if (*s < '0' || *s > '9' || errno != 0)
		return -1;
	if (*end != '\0' && strchr("kKmMgG", *end) != NULL) {
		shift = strchr("kK", *end) ? 10 : strchr("mM", *end) ? 20 : 30;
		end++;
		if (strcmp(end, "iB") == 0 || strcmp(end, "B") == 0)
			end += strlen(end);
	}
	if (*end != '\0' || n == 0 || n > (SIZE_MAX >> shift))
		return -1;
	*out = (size_t)(n << shift);
	return 0;
}

/* --timeout: whole seconds, at least one. */
static int
cmd_seconds(const char *s, long *out)
{
	char	*end;
	long	 n;

	errno = 0;
	n = strtol(s, &end, 10);
	if (*s == '\0' || *end != '\0' || errno != 0 || n <= 0 || n > 86400)
		return -1;
	*out = n;
	return 0;
}

/* The options of tandem import; returns 0, or a usage error said. */
static int
cmd_import_options(struct cmd_import *ci, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "format", required_argument, NULL, 'f' },
		{ "no-translations", no_argument, NULL, 'n' },
		{ "follow-any", no_argument, NULL, 'a' },
		{ "encoding", required_argument, NULL, 'e' },
		{ "timeout", required_argument, NULL, 't' },
		{ "max-size", required_argument, NULL, 's' },
		{ NULL, 0, NULL, 0 }
	};
	int	ch;

	optind = 0;
	while ((ch = getopt_long(argc, argv, "f:", longopts, NULL)) != -1) {
		switch (ch) {
		case 'f':
			if (cmd_format(optarg, &ci->io.format) == 0)
				continue;
			cmd_error("import: --format is page, article or auto, "
			    "not '%s'", optarg);
			return -1;
		case 'n':
			ci->so.translations = 0;
			continue;
		case 'a':
			ci->so.follow_any = 1;
			continue;
		case 'e':
			if (charset_name(optarg) != NULL) {
				ci->so.encoding = ci->io.encoding = optarg;
				continue;
			}
			cmd_error("import: --encoding: no encoding is called "
			    "'%s'", optarg);
			return -1;
		case 't':
			if (cmd_seconds(optarg, &ci->so.timeout) == 0)
				continue;
			cmd_error("import: --timeout takes seconds, not '%s'",
			    optarg);
			return -1;
		case 's':
			if (cmd_size(optarg, &ci->so.max_bytes) == 0)
				continue;
			cmd_error("import: --max-size takes bytes (or 32M), "
			    "not '%s'", optarg);
			return -1;
		default:
			cmd_error("import: unknown option '%s'",
			    argv[optind - 1]);
			return -1;
		}
	}
	return 0;
}

/*
 * One URL: a story (story.h) into the cache; the summary's counts come
 * from the cache, what was skipped or failed from the report.
 */
static int
cmd_import_url(struct cmd_import *ci, const char *url)
{
	struct story_report	 report;
	char			*cause = NULL;
	int			 rc;

	rc = story_import(url, &ci->so, &ci->sink, &report, &cause);
	cmd_import_clear(ci);
	if (rc != 0) {
		cmd_error("%s", cause);
		free(cause);
	}
	ci->skipped += report.skipped;
	story_report_free(&report);
	return rc;
}

/* Import one file or URL; errors are printed.  0, or -1 if it failed. */
static int
cmd_import_one(struct cmd_import *ci, struct cache *cache, const char *path)
{
	char	*cause = NULL;

	cache_error_reset(cache);
	if (story_is_url(path))
		return cmd_import_url(ci, path);
	if (import_file(path, &ci->io, &ci->sink, &cause) != 0) {
		cmd_import_clear(ci);
		cmd_error("%s", cause);
		free(cause);
		return -1;
	}
	return 0;
}

/* Whether the cache failed for good: nothing later can be stored. */
static int
cmd_import_full(struct cache *cache)
{
	enum cache_error	e = cache_last_error(cache);

	return e == CACHE_ERR_FULL || e == CACHE_ERR_READONLY;
}

/*
 * A batch was dropped and the articles of the files from ci->first to
 * upto went with it: say why (unless one file's retry will), and import
 * those of them that had gone in again, one transaction each.  Stops (ci->stop) at a retry the disk
 * refuses.
 */
static void
cmd_import_salvage(struct cmd_import *ci, struct cache *cache,
    const struct import_dir_files *files, size_t upto, char *why)
{
	char	*cause = NULL;
	size_t	 k, n;

	for (k = ci->first, n = 0; k < upto; k++)
		n += ci->state[k] == CMD_IMPORT_DONE;
	/* One file's retry says it all, in its own line if it fails. */
	if (n > 1)
		cmd_error("%s; importing its %zu files again one at a time",
		    why != NULL ? why : "a batch was lost", n);
	free(why);
	cache_batch(cache, 0, &cause);	/* nothing is open: it was dropped */
	FREE(&cause);
	for (k = ci->first; k < upto && !ci->stop; k++) {
		if (ci->state[k] != CMD_IMPORT_DONE)
			continue;
		if (cmd_import_one(ci, cache, files->path[k]) == 0)
			continue;
		ci->state[k] = CMD_IMPORT_FAILED;
		ci->failed++;
		if (cmd_import_full(cache)) {
			ci->why = cache_last_error(cache);
			ci->stop = k + 1;
		}
	}
	if (cache_batch(cache, 1, &cause) != 0) {
		cmd_error("%s", cause);
		FREE(&cause);
	}
}

/*
 * After file j (or with j = n, the last commit): account for a dropped
 * batch, and move ci->first past the files whose articles are safe.
 */
static void
cmd_import_check(struct cmd_import *ci, struct cache *cache,
    const struct import_dir_files *files, size_t j)
{
	unsigned long	 lost, commits;
	char		*why = NULL;
	int		 pending;

	lost = cache_batch_lost(cache, &why);
	if (lost != 0)
		cmd_import_salvage(ci, cache, files, j, why);
	else
		free(why);
	commits = cache_batch_state(cache, &pending);
	if (lost != 0 || !pending)
		ci->first = j + 1;
	else if (commits != ci->commits)
		ci->first = j;
	ci->commits = commits;
	if (!ci->stop && j < files->n && ci->state[j] == CMD_IMPORT_FAILED &&
	    cmd_import_full(cache))
		ci->stop = j + 1;
}

/*
 * The last commit failed: with the import going on, as any dropped
 * batch; once stopped, its files are not imported either.
 */
static void
cmd_import_last(struct cmd_import *ci, struct cache *cache,
    const struct import_dir_files *files)
{
	char	*why = NULL;

	ci->why = cache_last_error(cache);
	if (!ci->stop) {
		cmd_import_check(ci, cache, files, files->n);
		if (cache_batch(cache, 0, &why) != 0)
			cmd_error("%s", why);
		free(why);
		return;
	}
	cache_batch_lost(cache, &why);
	cmd_error("%s", why != NULL ? why : "the last batch was lost");
	free(why);
	ci->stop = ci->first + 1;
}

/*
 * The import stopped on a full (or read-only) cache: every file not
 * stored is named, in one line, and counted as not imported.
 */
static void
cmd_import_stopped(struct cmd_import *ci, const struct import_dir_files *files)
{
	size_t	 k, n = 0, a = 0, b = 0;

	for (k = ci->stop - 1; k < files->n; k++) {
		if (ci->state[k] == CMD_IMPORT_FAILED)
			continue;
		if (n++ == 0)
			a = k;
		b = k;
		ci->state[k] = CMD_IMPORT_LOST;
	}
	ci->lost = n;
	if (n == 0)
		return;
	if (n == 1)
		cmd_error("%s: 1 more file was not imported (%s); stopped",
		    ci->why == CACHE_ERR_FULL ? "disk full" : "cache read-only",
		    files->path[a]);
	else
		cmd_error("%s: %zu more files were not imported (%s ... %s); "
		    "stopped", ci->why == CACHE_ERR_FULL ? "disk full" :
		    "cache read-only", n, files->path[a], files->path[b]);
}

/* "imported 3 articles, ... (1 file failed, 2 not imported)" */
static void
cmd_import_summary(const struct cmd_import *ci, struct cache *cache,
    size_t failed)
{
	char	*summary;

	summary = cache_import_summary(cache_import_stats(cache));
	printf("%s", summary);
	free(summary);
	if (ci->skipped)
		printf(" (%zu alternate%s on other sites skipped)", ci->skipped,
		    ci->skipped == 1 ? "" : "s");
	if (failed && ci->lost)
		printf(" (%zu file%s failed, %zu not imported)", failed,
		    failed == 1 ? "" : "s", ci->lost);
	else if (failed)
		printf(" (%zu file%s failed)", failed, failed == 1 ? "" : "s");
	else if (ci->lost)
		printf(" (%zu file%s not imported)", ci->lost,
		    ci->lost == 1 ? "" : "s");
	printf("\n");
}

/* Refuse a cache that was opened read-only (its mode, a full disk). */
static int
cmd_import_writable(struct cache *cache)
{
	if (!cache_readonly(cache))
		return 0;
	cmd_error("%s: %s: nothing imported", cache_path(cache),
	    cache_last_error(cache) == CACHE_ERR_FULL ? "the disk is full" :
	    "the cache is read-only");
	return -1;
}

int
cmd_import(struct cmd_ctx *ctx, int argc, char **argv)
{
	struct cmd_import	 ci;
	struct cache		*cache;
	struct import_dir_files	 files = { NULL, 0, 0 };
	char			*cause = NULL;
	size_t			 j;
	int			 i, counter, failed = 0;

	memset(&ci, 0, sizeof ci);
	ci.io.warn = cmd_import_warn;
	ci.io.warn_arg = &ci;
	ci.io.langs = (const char *const *)ctx->lang.tags;
	ci.so.langs = (const char *const *)ctx->lang.tags;
	ci.so.translations = 1;
	ci.so.progress = cmd_import_progress;
	ci.so.warn = cmd_import_warn;
	ci.so.arg = &ci;
	/* For the tests only (tests/e2e/web.sh): the CA of a local TLS
	   server; proxies are otherwise libcurl's $no_proxy and friends. */
	ci.so.ca_file = getenv("TANDEM_TEST_CA_FILE");
	if (cmd_import_options(&ci, argc, argv) != 0)
		return CMD_EXIT_USAGE;
	if (optind == argc) {
		cmd_error("import: nothing to import (usage: tandem import "
		    "FILE|DIR|URL...)");
		return CMD_EXIT_USAGE;
	}
	if (cmd_open_cache(ctx, 1, &cache) != 0)
		return CMD_EXIT_ERROR;
	cache_sink(cache, &ci.sink);
	if (cmd_import_writable(cache) != 0 ||
	    cache_batch(cache, 1, &cause) != 0) {
		if (cause != NULL)
			cmd_error("%s", cause);
		free(cause);
		cache_close(cache);
		return CMD_EXIT_ERROR;
	}
	for (i = optind; i < argc; i++)
		failed += import_dir_add(&files, argv[i], cmd_warn, NULL);
	ci.state = xcalloc(files.n + 1, 1);
	ci.progress = isatty(STDERR_FILENO);
	counter = ci.progress && files.n > 1;
	for (j = 0; j < files.n && !ci.stop; j++) {
		if (counter)
			cmd_import_counter(&ci, j, files.n);
		if (cmd_import_one(&ci, cache, files.path[j]) != 0) {
			ci.state[j] = CMD_IMPORT_FAILED;
			ci.failed++;
		} else
			ci.state[j] = CMD_IMPORT_DONE;
		ci.why = cache_last_error(cache);
		cmd_import_check(&ci, cache, &files, j);
	}
	cmd_import_clear(&ci);
	if (cache_batch(cache, 0, &cause) != 0) {
		FREE(&cause);	/* cache_batch_lost() gives it again */
		cmd_import_last(&ci, cache, &files);
	}
	if (ci.stop)
		cmd_import_stopped(&ci, &files);
	cmd_import_summary(&ci, cache, failed + ci.failed);
	i = failed || ci.failed || ci.lost ? CMD_EXIT_ERROR : 0;
	free(ci.state);
	cache_close(cache);
	import_dir_free(&files);
	return i;
}

/*
 * Gather each translation's alignment with the base language, the way
 * the reader gets it (pairing.h); one that cannot be stored is listed
 * all the same.
 */
void
cmd_alignments(struct cache *cache, const struct article *a,
    struct export_alignment **out, size_t *nout, struct article_pair ***own)
{
	struct article_pair	*pairs;
	size_t			 i, n, base = 0;
	char			*cause = NULL;

	for (i = 0; a->original != NULL && i < a->ntranslations; i++)
		if (strcmp(a->translations[i].lang, a->original) == 0)
			base = i;
	*out = xcalloc(a->ntranslations, sizeof **out);
	*own = xcalloc(a->ntranslations, sizeof **own);
	*nout = 0;
	for (i = 0; i < a->ntranslations; i++) {
		if (i == base)
			continue;
		if (pairing_get(cache, a->id, &a->translations[base],
		    &a->translations[i], &pairs, &n, &cause) != 0)
			FREE(&cause);
		if (n == 0) {
			free(pairs);
			continue;
		}
		(*own)[*nout] = pairs;
		(*out)[*nout].a = a->translations[base].lang;
		(*out)[*nout].b = a->translations[i].lang;
		(*out)[*nout].pairs = pairs;
		(*out)[(*nout)++].npairs = n;
	}
}

static int
cmd_export_one(struct cache *cache, long long id, int json, FILE *f)
{
	struct article		*a;
	struct article_comment	*c = NULL;
	struct export_alignment	*al = NULL;
	struct article_pair	**own = NULL;
	size_t			 nc = 0, nal = 0, i;
	char			*cause = NULL;
	int			 rc;

	if (cache_article_load(cache, id, &a, &cause) != 0 ||
	    cache_comments_load(cache, id, &c, &nc, &cause) != 0) {
		cmd_error("%s", cause);
		free(cause);
		return -1;
	}
	if (json) {
		cmd_alignments(cache, a, &al, &nal, &own);
		rc = export_json(f, a, c, nc, al, nal);
		for (i = 0; i < nal; i++)
			free(own[i]);
		free(own);
		free(al);
	} else
		rc = export_article(f, a, c, nc);
	article_comments_free(c, nc);
	article_free(a);
	return rc;
}

int
cmd_export(struct cmd_ctx *ctx, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "format", required_argument, NULL, 'f' },
		{ "output", required_argument, NULL, 'o' },
		{ NULL, 0, NULL, 0 }
	};
	struct cache	*cache;
	const char	*format = "article", *output = NULL;
	FILE		*f = stdout;
	long long	 id;
	int		 ch, rc;

	optind = 0;
	while ((ch = getopt_long(argc, argv, "f:o:", longopts, NULL)) != -1) {
		if (ch == 'f')
			format = optarg;
		else if (ch == 'o')
			output = optarg;
		else {
			cmd_error("export: unknown option '%s'",
			    argv[optind - 1]);
			return CMD_EXIT_USAGE;
		}
	}
	if (strcmp(format, "json") != 0 && strcmp(format, "article") != 0) {
		cmd_error("export: --format is json or article, not '%s'",
		    format);
		return CMD_EXIT_USAGE;
	}
	if (optind + 1 != argc) {
		cmd_error("export: want one article id (usage: tandem export "
		    "ID [--format json|article] [-o FILE])");
		return CMD_EXIT_USAGE;
	}
	if ((id = cmd_id(argv[optind])) < 0)
		return CMD_EXIT_USAGE;
	if (cmd_open_cache(ctx, 0, &cache) != 0)
		return CMD_EXIT_ERROR;
	if (output != NULL && (f = fopen(output, "w")) == NULL) {
		cmd_error("%s: %s", output, strerror(errno));
		cache_close(cache);
		return CMD_EXIT_ERROR;
	}
	/* Both formats are safe to print: export.h says how, for each. */
	rc = cmd_export_one(cache, id, strcmp(format, "json") == 0, f);
	if (fflush(f) != 0 || ferror(f)) {
		cmd_error("%s: %s", output ? output : "standard output",
		    strerror(errno));
		rc = -1;
	}
	if (f != stdout)
		fclose(f);
	cache_close(cache);
	return rc == 0 ? 0 : CMD_EXIT_ERROR;
}

int
cmd_rm(struct cmd_ctx *ctx, int argc, char **argv)
{
	struct cache	*cache;
	char		*cause = NULL;
	long long	 id;
	int		 i, failed = 0;

	if (argc < 2) {
		cmd_error("rm: want article ids (usage: tandem rm ID...)");
		return CMD_EXIT_USAGE;
	}
	for (i = 1; i < argc; i++)
		if (cmd_id(argv[i]) < 0)
			return CMD_EXIT_USAGE;
	if (cmd_open_cache(ctx, 0, &cache) != 0)
		return CMD_EXIT_ERROR;
	for (i = 1; i < argc; i++) {
		id = cmd_id(argv[i]);
		if (cache_article_remove(cache, id, &cause) != 0) {
			cmd_error("%s", cause);
			FREE(&cause);
			failed++;
		}
	}
	cache_close(cache);
	return failed ? CMD_EXIT_ERROR : 0;
}
