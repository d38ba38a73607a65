/*
 * cmd-show.c: tandem list and tandem show, the commands that print
 * article text for pipes and scripts.  Every string goes through the
 * layout engine, which sanitises it and measures it in display cells,
 * so columns line up in any script and no article text can reach a
 * terminal as control sequences.
 */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "align.h"
#include "cache.h"
#include "cache-feed.h"
#include "cmd.h"
#include "export.h"
#include "layout.h"
#include "layout-sbs.h"
#include "list.h"
#include "out.h"
#include "pairing.h"
#include "view.h"
#include "xmalloc.h"

/* ASCII on purpose: box-drawing characters are ambiguous-width. */
#define CMD_GUTTER	" | "

/* Width of the terminal on stdout, or 0 if it is not a terminal. */
static int
cmd_columns(void)
{
	struct winsize	ws;

	if (isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0
	    && ws.ws_col > 0)
		return ws.ws_col;
	return 0;
}

/* Print s sanitised, fitted to cells (0: as it is), then suffix. */
static const struct layout_opts *cmd_opts;	/* the context's, for cmd_put */

static void
cmd_put(const char *s, int cells, int pad, const char *suffix)
{
	char	*t;
	size_t	 len;

	if (s == NULL)
		s = "";
	if (cells <= 0)
		t = utf8_sanitize_line(s, strlen(s), &len, cmd_opts);
	else if (pad)
		t = layout_pad(s, strlen(s), cells, cmd_opts);
	else
		t = layout_truncate(s, strlen(s), cells, cmd_opts);
	fputs(t, stdout);
	fputs(suffix, stdout);
	free(t);
}

/* What cmd_list_row() needs to print a row. */
struct cmd_list_ctx {
	int	 idw;		/* cells of the widest id */
	int	 cols;		/* the terminal's, or 0 in a pipe */
};

static int
cmd_list_row(const struct article_summary *a, void *arg)
{
	struct cmd_list_ctx	*lc = arg;
	char			 id[32];
	int			 titlew;

	snprintf(id, sizeof id, "%*lld", lc->idw, a->id);
	printf("%s %c%c ", id, a->read ? ' ' : 'N', a->starred ? '*' : ' ');
	cmd_put(a->langs, 14, 1, "  ");
	cmd_put(a->date ? a->date : "-", 10, 1, "  ");
	titlew = lc->cols ? lc->cols - (lc->idw + 4 + 14 + 2 + 12) : 0;
	cmd_put(a->title, titlew > 0 ? titlew : 0, 0, "\n");
	return ferror(stdout) != 0;
}

/* Whether some feed has tag t: a tag nobody uses is a typo, said so
   (by command name: list, search). */
int
cmd_tag_known(struct cache *cache, const char *name, const char *t,
    char **cause)
{
	struct cache_feed	*feeds;
	size_t			 n, i, k;
	int			 known = 0;

	if (cache_feed_list(cache, &feeds, &n, cause) != 0)
		return -1;
	for (i = 0; i < n && !known; i++)
		for (k = 0; k < feeds[i].ntags; k++)
			if (strcmp(feeds[i].tags[k], t) == 0)
				known = 1;
	cache_feed_free_all(feeds, n);
	if (!known)
		xasprintf(cause, "%s: no feed is tagged '%s'", name, t);
	return known ? 0 : -1;
}

/* tandem list's options into f; *has gets the --has languages, *feed
   the --feed name (resolved once the cache is open). */
static int
cmd_list_options(int argc, char **argv, struct cache_filter *f, char **has,
    const char **feed)
{
	static const struct option longopts[] = {
		{ "unread",	no_argument,		NULL, 'u' },
		{ "starred",	no_argument,		NULL, 's' },
		{ "has",	required_argument,	NULL, 'H' },
		{ "sort",	required_argument,	NULL, 'o' },
		{ "feed",	required_argument,	NULL, 'f' },
		{ "tag",	required_argument,	NULL, 't' },
		{ NULL,		0,			NULL, 0 }
	};
	char	*cause = NULL;
	int	 ch;

	memset(f, 0, sizeof *f);
	optind = 1;
	opterr = 0;
	while ((ch = getopt_long(argc, argv, ":", longopts, NULL)) != -1) {
		switch (ch) {
		case 'u':
			f->unread = 1;
			break;
		case 's':
			f->starred = 1;
			break;
		case 'H':
			list_langs_free(has);
			if (list_langs_parse(optarg, has, LIST_MAX_LANGS,
			    &cause) != 0) {
				cmd_error("list: --has: %s", cause);
				free(cause);
				return -1;
			}
			f->has = (const char *const *)has;
			break;
		case 'f':
			*feed = optarg;
			break;
		case 't':
			f->tag = optarg;
			break;
		case 'o':
			if (strcmp(optarg, "date") == 0)
				f->sort = CACHE_SORT_DATE;
			else if (strcmp(optarg, "title") == 0)
				f->sort = CACHE_SORT_TITLE;
			else if (strcmp(optarg, "imported") == 0)
				f->sort = CACHE_SORT_IMPORTED;
			else {
				cmd_error("list: --sort takes date, title or"
				    " imported, not '%s'", optarg);
				return -1;
			}
			break;
		case ':':
			cmd_error("list: option '%s' needs an argument",
			    argv[optind - 1]);
			return -1;
		default:
			cmd_error("list: unknown option '%s'",
			    argv[optind - 1]);
			return -1;
		}
	}
	if (optind < argc) {
		cmd_error("list: no arguments expected, got '%s'",
		    argv[optind]);
		return -1;
	}
	return 0;
}

/*
 * tandem list [--unread] [--starred] [--has L,L] [--sort date|title]
 * [--feed F] [--tag T]:
 * one row per article, streamed from one query so that 100,000 rows
 * are never held at once.
 */
int
cmd_list(struct cmd_ctx *ctx, int argc, char **argv)
{
	struct cache		*cache;
	struct cache_filter	 f;
	struct cache_state	 st;
	struct cmd_list_ctx	 lc;
	char			*has[LIST_MAX_LANGS + 1] = { NULL };
	char			*cause = NULL;
	const char		*feed = NULL;
	int			 rc = CMD_EXIT_USAGE;

	if (cmd_list_options(argc, argv, &f, has, &feed) != 0)
		goto out;
	cmd_opts = &ctx->layout;
	if ((rc = cmd_open_cache(ctx, 0, &cache)) != 0) {
		rc = rc > 0 ? 0 : CMD_EXIT_ERROR;	/* none yet: empty */
		goto out;
	}
	rc = CMD_EXIT_ERROR;
	if ((feed != NULL && cache_feed_find(cache, feed, &f.feed,
	    &cause) != 0) || (f.tag != NULL &&
	    cmd_tag_known(cache, "list", f.tag, &cause) != 0))
		;
	else if (cache_state(cache, &st, &cause) == 0) {
		lc.idw = snprintf(NULL, 0, "%lld", st.max_id);
		lc.cols = cmd_columns();
		if (cache_list_each(cache, &f, (const char *const *)
		    ctx->lang.tags, cmd_list_row, &lc, &cause) == 0)
			rc = 0;
	}
	if (rc != 0) {
		cmd_error("%s", cause);
		free(cause);
	}
	cache_close(cache);
out:
	list_langs_free(has);
	return rc;
}

/* The most preferred translation (the first one if none is wanted). */
static const struct article_translation *
cmd_pick(const struct article *a, const struct lang_pref *pref)
{
	const struct article_translation *t, *best = NULL;
	size_t	i, r, best_rank = (size_t)-1;

	for (i = 0; i < a->ntranslations; i++) {
		t = &a->translations[i];
		r = lang_rank(pref, t->lang);
		if (best == NULL || r < best_rank) {
			best = t;
			best_rank = r;
		}
	}
	return best;
}

/* The translation in language tag (exactly, else by primary subtag). */
static const struct article_translation *
cmd_find(const struct article *a, const char *tag,
    const struct article_translation *skip)
{
	size_t	i;

	for (i = 0; i < a->ntranslations; i++)
		if (&a->translations[i] != skip &&
		    strcasecmp(a->translations[i].lang, tag) == 0)
			return &a->translations[i];
	for (i = 0; i < a->ntranslations; i++)
		if (&a->translations[i] != skip &&
		    lang_match(a->translations[i].lang, tag))
			return &a->translations[i];
	return NULL;
}

/* "ko en ja" for messages. */
static char *
cmd_langs(const struct article *a)
{
	char	*s = xstrdup(""), *t;
	size_t	 i;

	for (i = 0; i < a->ntranslations; i++) {
		xasprintf(&t, "%s%s%s", s, i ? " " : "", a->translations[i].lang);
		free(s);
		s = t;
	}
	return s;
}

/* One translation, wrapped at width: title, a rule, paragraphs. */
static void
cmd_show_one(const struct article_translation *t, int width,
    const struct layout_opts *opts)
{
	struct layout	l;
	size_t		i, p, n;
	int		rule = 0;
	char		*title;

	/* The title may wrap, but a separator in it breaks no line. */
	title = utf8_sanitize_line(t->title, strlen(t->title), &n, opts);
	layout_init(&l);
	layout_wrap(&l, 0, title, n, width, opts);
	free(title);
	for (i = 0; i < l.nlines; i++) {
		puts(layout_line_text(&l, i));
		if (l.lines[i].width > rule)
			rule = l.lines[i].width;
	}
	for (i = 0; i < (size_t)rule; i++)
		fputc('=', stdout);
	fputs("\n", stdout);
	layout_clear(&l);
	for (p = 0; p < t->nparagraphs; p++)
		layout_wrap(&l, p, t->paragraphs[p].text, t->paragraphs[p].len,
		    width, opts);
	for (i = 0; i < l.nlines; i++) {
		if (!l.lines[i].cont)
			fputs("\n", stdout);
		puts(layout_line_text(&l, i));
	}
	layout_free(&l);
}

/*
 * The alignment of a and b as layout pairs (pairing.h), or NULL (index
 * pairing).  Not being able to store a new one is no reason to complain:
 * show only reads.
 */
static struct layout_sbs_pair *
cmd_pairs(struct cache *cache, long long id,
    const struct article_translation *a, const struct article_translation *b,
    size_t *n)
{
	struct article_pair	*ap;
	struct layout_sbs_pair	*lp = NULL;
	char			*cause = NULL;

	if (pairing_get(cache, id, a, b, &ap, n, &cause) != 0)
		free(cause);
	if (*n > 0)
		lp = view_layout_pairs(ap, *n);
	free(ap);
	return lp;
}

/* Print a rendered row without the right column's trailing blanks. */
static void
cmd_put_row(const char *row)
{
	size_t	len = strlen(row);

	while (len > 0 && row[len - 1] == ' ')
		len--;
	printf("%.*s\n", (int)len, row);
}

/* Two translations side by side, paired paragraphs on the same row. */
static void
cmd_show_two(struct cache *cache, const struct article *a,
    const struct article_translation *l, const struct article_translation *r,
    int width, const struct layout_opts *opts)
{
	struct layout_sbs	 sbs;
	struct span		 lt, rt;
	struct layout_sbs_pair	*pairs;
	size_t			 i, npairs;
	int			 lw, rw;
	char			*row, *ltitle, *rtitle;

	ltitle = utf8_sanitize_line(l->title, strlen(l->title), &lt.len, opts);
	rtitle = utf8_sanitize_line(r->title, strlen(r->title), &rt.len, opts);
	lt.text = ltitle;
	rt.text = rtitle;

	lw = (width - (int)strlen(CMD_GUTTER)) / 2;
	rw = width - (int)strlen(CMD_GUTTER) - lw;
	if (lw < 1)
		lw = rw = 1;
	layout_sbs_init(&sbs);
	layout_sbs_build(&sbs, &lt, 1, &rt, 1, NULL, 0, lw, rw, opts);
	for (i = 0; i < sbs.nrows; i++) {
		row = layout_sbs_render_row(&sbs, i, CMD_GUTTER);
		cmd_put_row(row);
		free(row);
	}
	layout_sbs_free(&sbs);
	free(ltitle);
	free(rtitle);
	fputs("\n", stdout);

	pairs = cmd_pairs(cache, a->id, l, r, &npairs);
	layout_sbs_init(&sbs);
	layout_sbs_build(&sbs, l->paragraphs, l->nparagraphs, r->paragraphs,
	    r->nparagraphs, pairs, npairs, lw, rw, opts);
	for (i = 0; i < sbs.nrows; i++) {
		row = layout_sbs_render_row(&sbs, i, CMD_GUTTER);
		cmd_put_row(row);
		free(row);
	}
	layout_sbs_free(&sbs);
	free(pairs);
}

/* Parse show's options; returns -1 with *status on a usage error. */
static int
cmd_show_options(int argc, char **argv, char **lang, int *width)
{
	static const struct option longopts[] = {
		{ "lang", required_argument, NULL, 'l' },
		{ "width", required_argument, NULL, 'w' },
		{ NULL, 0, NULL, 0 }
	};
	char	*end;
	long	 w;
	int	 ch;

	optind = 0;
	while ((ch = getopt_long(argc, argv, "l:w:", longopts, NULL)) != -1) {
		if (ch == 'l')
			*lang = optarg;
		else if (ch == 'w') {
			w = strtol(optarg, &end, 10);
			if (*optarg == '\0' || *end != '\0' || w < 10 ||
			    w > 10000) {
				cmd_error("show: --width wants a number of "
				    "cells from 10 to 10000, not '%s'", optarg);
				return -1;
			}
			*width = (int)w;
		} else {
			cmd_error("show: unknown option '%s'", argv[optind - 1]);
			return -1;
		}
	}
	if (optind + 1 != argc) {
		cmd_error("show: want one article id (usage: tandem show ID "
		    "[--lang L[,L2]] [--width N])");
		return -1;
	}
	return 0;
}

/* A language tag that is well-formed but not known: said, then used. */
static void
cmd_lang_warn(const char *why)
{
	cmd_error("warning: %s", why);
}

int
cmd_show(struct cmd_ctx *ctx, int argc, char **argv)
{
	struct cache		*cache;
	struct article		*a;
	struct lang_pref	 want;
	const struct article_translation *l, *r = NULL;
	char			*lang = NULL, *cause = NULL, *has, *end;
	long long		 id;
	size_t			 given = 0;
	int			 width = 0, rc = 0;

	if (cmd_show_options(argc, argv, &lang, &width) != 0)
		return CMD_EXIT_USAGE;
	id = strtoll(argv[optind], &end, 10);
	if (*end != '\0' || id <= 0) {
		cmd_error("'%s' is not an article id (see tandem list)",
		    argv[optind]);
		return CMD_EXIT_USAGE;
	}
	if (width == 0 && (width = cmd_columns()) == 0)
		width = 80;
	if (lang != NULL && (lang_list_check(lang, &given, cmd_lang_warn,
	    &cause) != 0 || lang_pref_init(&want, lang, &cause) != 0)) {
		cmd_error("show: --lang: %s", cause);
		free(cause);
		return CMD_EXIT_USAGE;
	}
	if (lang != NULL && given > 2) {
		/* Two columns at most: what does not fit is said, not lost. */
		end = lang + strspn(lang, ", :");
		end += strcspn(end, ", :");
		end += strspn(end, ", :");
		end += strcspn(end, ", :");
		cmd_error("show: --lang: two languages at most side by side; "
		    "ignoring %s", end + strspn(end, ", :"));
	}
	if (cmd_open_cache(ctx, 0, &cache) != 0) {
		if (lang != NULL)
			lang_pref_free(&want);
		return CMD_EXIT_ERROR;
	}
	if (cache_article_load(cache, id, &a, &cause) != 0) {
		cmd_error("%s", cause);
		free(cause);
		rc = CMD_EXIT_ERROR;
		goto out;
	}
	if (lang == NULL)
		cmd_show_one(cmd_pick(a, &ctx->lang), width, &ctx->layout);
	else if ((l = cmd_find(a, want.tags[0], NULL)) == NULL ||
	    (strpbrk(lang, ", :") != NULL &&
	    (r = cmd_find(a, want.tags[1], l)) == NULL)) {
		has = cmd_langs(a);
		cmd_error("show: article %lld has no '%s' version (it has %s)",
		    id, l == NULL ? want.tags[0] : want.tags[1], has);
		free(has);
		rc = CMD_EXIT_ERROR;
	} else if (r != NULL)
		cmd_show_two(cache, a, l, r, width, &ctx->layout);
	else
		cmd_show_one(l, width, &ctx->layout);
	article_free(a);
out:
	if (lang != NULL)
		lang_pref_free(&want);
	cache_close(cache);
	return rc;
}

/* "3" or "3-4" (1-based) for count paragraphs from first; "-" for none. */
static void
cmd_range(char *buf, size_t len, int first, int count)
{
	if (count == 0)
		snprintf(buf, len, "-");
	else if (count == 1)
		snprintf(buf, len, "%d", first + 1);
	else
		snprintf(buf, len, "%d-%d", first + 1, first + count);
}

static void
cmd_align_print(const struct export_alignment *al)
{
	const struct article_pair	*p;
	char				 a[32], b[32];
	double				 sum = 0;
	size_t				 k;

	for (k = 0; k < al->npairs; k++)
		sum += al->pairs[k].confidence;
	out_line(stdout, "%s|%s  %zu pairs, mean confidence %.2f", al->a, al->b,
	    al->npairs, al->npairs ? sum / (double)al->npairs : 0);
	if (al->npairs > 0) {		/* the aligner's one limit, said */
		p = &al->pairs[al->npairs - 1];
		if (p->a_first + p->a_count > ALIGN_MAX_PARAS ||
		    p->b_first + p->b_count > ALIGN_MAX_PARAS)
			printf("  paired by index: over %d paragraphs a side, "
			    "the aligner's limit\n", ALIGN_MAX_PARAS);
	}
	for (k = 0; k < al->npairs; k++) {
		p = &al->pairs[k];
		cmd_range(a, sizeof a, p->a_first, p->a_count);
		cmd_range(b, sizeof b, p->b_first, p->b_count);
		printf("  %-7s %-7s %.2f%s\n", a, b, p->confidence, p->manual ?
		    "  manual" : p->confidence < VIEW_LOW_CONFIDENCE ? "  low" :
		    "");
	}
}

/*
 * tandem align ID [--json]: the pairing of each translation with the
 * article's base language (pairing.h), pair by pair, with confidences.
 */
/* --reset: every translation aligned afresh with the original. */
static int
cmd_align_reset(struct cache *cache, const struct article *a, char **cause)
{
	size_t	i, base = 0;

	for (i = 0; a->original != NULL && i < a->ntranslations; i++)
		if (strcmp(a->translations[i].lang, a->original) == 0)
			base = i;
	for (i = 0; i < a->ntranslations; i++)
		if (i != base && pairing_reset(cache, a->id,
		    &a->translations[base], &a->translations[i], cause) != 0)
			return -1;
	return 0;
}

int
cmd_align(struct cmd_ctx *ctx, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "json", no_argument, NULL, 'j' },
		{ "reset", no_argument, NULL, 'r' },
		{ NULL, 0, NULL, 0 }
	};
	struct export_alignment	*al;
	struct article_pair	**own;
	struct cache		*cache;
	struct article		*a = NULL;
	char			*cause = NULL, *end;
	long long		 id;
	size_t			 nal, i;
	int			 ch, json = 0, reset = 0;

	optind = 0;
	while ((ch = getopt_long(argc, argv, "jr", longopts, NULL)) != -1) {
		if (ch == 'r')
			reset = 1;
		else if (ch == 'j')
			json = 1;
		else {
			cmd_error("align: unknown option '%s'", argv[optind - 1]);
			return CMD_EXIT_USAGE;
		}
	}
	if (optind + 1 != argc || (id = strtoll(argv[optind], &end, 10)) <= 0 ||
	    *end != '\0') {
		cmd_error("align: want one article id (usage: tandem align ID "
		    "[--json] [--reset])");
		return CMD_EXIT_USAGE;
	}
	if (cmd_open_cache(ctx, 0, &cache) != 0)
		return CMD_EXIT_ERROR;
	if (cache_article_load(cache, id, &a, &cause) != 0 ||
	    (reset && cmd_align_reset(cache, a, &cause) != 0)) {
		cmd_error("%s", cause);
		free(cause);
		article_free(a);
		cache_close(cache);
		return CMD_EXIT_ERROR;
	}
	cmd_alignments(cache, a, &al, &nal, &own);
	if (json) {
		printf("{\n  \"article\": %lld,\n", id);
		export_json_alignments(stdout, al, nal);
		printf("\n}\n");
	}
	for (i = 0; i < nal; i++) {
		if (!json)
			cmd_align_print(&al[i]);
		free(own[i]);
	}
	free(own);
	free(al);
	article_free(a);
	cache_close(cache);
	return 0;
}
