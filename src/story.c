/*
 * story.c: a page and its translations from the web, as one article.
 *
 * The web import's assembly line: fetch (fetch.c) -> UTF-8 (charset.c)
 * -> what kind of document (sniff.c) -> article parts (html.c), for the
 * page asked for and then, breadth-first, for every hreflang alternate
 * it or a page found after it names, each URL at most once in
 * url_normalize()'s form, so pages that point back at each other end.
 * The pages are then told apart by language and emitted as one article.
 * Only the page asked for can fail the import; an alternate that cannot
 * be had is a warning.  A local HTML file (story_import_html) goes the
 * same way without the network: one page, its alternates not followed.
 */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "charset.h"
#include "fetch.h"
#include "html.h"
#include "import-lines.h"
#include "json-import.h"
#include "lang.h"
#include "sniff.h"
#include "story.h"
#include "url.h"
#include "utf8.h"
#include "xmalloc.h"

/* One page fetched and parsed. */
struct story_page {
	char			*url;	/* where it was found (final URL) */
	const char		*hreflang; /* what linked to it said, or NULL */
	struct html_page	*pg;
	char			*lang;	/* the language decided */
};

/* A URL waiting to be fetched, with the language its link gave it. */
struct story_todo {
	char	*url;
	char	*hreflang;
};

struct story {
	const struct story_opts	*opts;
	struct story_report	*report;
	char			*site;	/* scheme://host[:port] asked for */

	struct story_page	 pages[STORY_MAX_PAGES];
	size_t			 npages;

	/* Every URL seen, normalised: fetched, queued or a page's own. */
	char			*seen[4 * STORY_MAX_PAGES];
	size_t			 nseen;

	struct story_todo	 todo[STORY_MAX_PAGES];
	size_t			 ntodo, next;
};

static void story_say(const struct story_opts *, int, const char *, ...)
    __attribute__((format(printf, 3, 4)));

/* Pass a progress message or a warning to the caller, if it listens. */
static void
story_say(const struct story_opts *o, int warning, const char *fmt, ...)
{
	void	(*cb)(void *, const char *);
	va_list	 ap;
	char	*msg;

	cb = warning ? o->warn : o->progress;
	if (cb == NULL)
		return;
	va_start(ap, fmt);
	xvasprintf(&msg, fmt, ap);
	va_end(ap);
	cb(o->arg, msg);
	free(msg);
}

int
story_is_url(const char *s)
{
	return strncasecmp(s, "http://", 7) == 0 ||
	    strncasecmp(s, "https://", 8) == 0;
}

/* "scheme://authority" of a normalised URL (allocated), or NULL. */
static char *
story_site(const char *url)
{
	char		*norm, *p;

	if (!story_is_url(url))
		return NULL;
	norm = url_normalize(url);
	p = strstr(norm, "://") + 3;
	p += strcspn(p, "/?#");
	*p = '\0';
	return norm;
}

/* Remember url (normalised); returns 0 if it was already seen. */
static int
story_mark(struct story *st, const char *url)
{
	char	*norm;
	size_t	 i;

	norm = url_normalize(url);
	for (i = 0; i < st->nseen; i++) {
		if (strcmp(st->seen[i], norm) == 0) {
			free(norm);
			return 0;
		}
	}
	if (st->nseen == sizeof st->seen / sizeof st->seen[0]) {
		free(norm);
		return 0;	/* full: treat as seen, so it is not queued */
	}
	st->seen[st->nseen++] = norm;
	return 1;
}

static int
story_seen(struct story *st, const char *url)
{
	char	*norm;
	size_t	 i;
	int	 found = 0;

	norm = url_normalize(url);
	for (i = 0; i < st->nseen && !found; i++)
		found = strcmp(st->seen[i], norm) == 0;
	free(norm);
	return found;
}

/* Queue the alternates of a page that are worth a fetch. */
static void
story_queue(struct story *st, const struct html_page *pg)
{
	const struct html_alternate	*alt;
	char				*site;
	size_t				 i;
	int				 same;

	for (i = 0; i < pg->nalternates; i++) {
		alt = &pg->alternates[i];
		if (!story_is_url(alt->url) || story_seen(st, alt->url))
			continue;
		site = story_site(alt->url);
		same = site != NULL && strcmp(site, st->site) == 0;
		free(site);
		if (!same && !st->opts->follow_any) {
			story_mark(st, alt->url);
			st->report->skipped++;
			story_say(st->opts, 0, "skipping %s (another site)",
			    alt->url);
			continue;
		}
		if (st->ntodo == STORY_MAX_PAGES)
			return;
		story_mark(st, alt->url);
		st->todo[st->ntodo].url = xstrdup(alt->url);
		st->todo[st->ntodo].hreflang = xstrdup(alt->lang);
		st->ntodo++;
	}
}

/* The language of a page: declared, unless the text says otherwise. */
static char *
story_lang(const struct story_opts *o, const char *url,
    const struct html_page *pg, const char *hreflang)
{
	int	found = strcmp(pg->lang_found, "und") != 0;

	if (pg->lang != NULL && pg->lang_conflict && found) {
		story_say(o, 1, "%s: declared %s, reads as %s", url, pg->lang,
		    pg->lang_found);
		return xstrdup(pg->lang_found);
	}
	if (pg->lang != NULL)
		return xstrdup(pg->lang);
	if (hreflang != NULL)
		return xstrdup(hreflang);
	return xstrdup(found ? pg->lang_found : "und");
}

/*
 * Decode and parse one document; a JSON one is imported on the spot
 * when json_sink is not NULL (*page stays NULL then).  Returns -1 with
 * *cause "NAME: ..." when it is no page.
 */
static int
story_parse(const char *name, const char *base, const char *body,
    size_t len, const char *http_charset, const struct story_opts *o,
    struct import_sink *json_sink, struct html_page **page, char **cause)
{
	struct charset_hint	 hint = { o->encoding, http_charset };
	struct charset_result	 cr;
	struct import_options	 io;
	char			*why = NULL, *w;
	int			 rc;

	*page = NULL;
	switch (sniff_format(body, len)) {
	case SNIFF_HTML:
		break;
	case SNIFF_FEED:
		xasprintf(cause, "%s: %s", name, SNIFF_FEED_REFUSAL);
		return -1;
	case SNIFF_JSON:
		if (json_sink == NULL)
			goto not_html;
		memset(&io, 0, sizeof io);
		io.warn = o->warn;
		io.warn_arg = o->arg;
		return json_import(name, name, body, len, &io, json_sink,
		    cause);
	default:
		/* Served as HTML but not looking like it: trust the
		   server only when the body is not plain text. */
		goto not_html;
	}
	if (charset_to_utf8(body, len, &hint, &cr, &why) != 0) {
		xasprintf(cause, "%s: %s", name, why);
		free(why);
		return -1;
	}
	if ((w = charset_warning(&cr)) != NULL) {
		story_say(o, 1, "%s: %s", name, w);
		free(w);
	}
	rc = html_parse(cr.text, cr.len, base, page, &why);
	free(cr.text);
	if (rc != 0) {
		xasprintf(cause, "%s: %s", name, why);
		free(why);
		return -1;
	}
	return 0;
not_html:
	xasprintf(cause, "%s: not an HTML page (%s)", name,
	    sniff_name(sniff_format(body, len)));
	return -1;
}

static int
story_cancelled(const struct story_opts *o)
{
	return o->cancelled != NULL && o->cancelled(o->cancel_arg);
}

/* Fetch and parse url; json_sink as for story_parse(). */
static int
story_fetch(struct story *st, const char *url, struct import_sink *json_sink,
    struct story_page *sp, char **cause)
{
	const struct story_opts	*o = st->opts;
	struct fetch_opts	 fo;
	struct fetch_result	 fr;
	char			*shown;
	int			 rc;

	memset(&fo, 0, sizeof fo);
	fo.langs = o->langs;
	fo.max_bytes = o->max_bytes;
	fo.timeout = o->timeout;
	fo.connect_timeout = o->connect_timeout;
	fo.cancelled = o->cancelled;
	fo.cancel_arg = o->cancel_arg;
	fo.ca_file = o->ca_file;
	fo.noproxy = o->noproxy;
	shown = fetch_redact(url);
	story_say(o, 0, "fetching %s", shown);
	free(shown);
	if (fetch_url(url, &fo, &fr, cause) != 0)
		return -1;
	if (story_cancelled(o)) {
		/* Too late for curl to notice: not parsed, not emitted. */
		shown = fetch_redact(url);
		xasprintf(cause, "%s: cancelled", shown);
		free(shown);
		fetch_result_free(&fr);
		return -1;
	}
	shown = fetch_redact(fr.url != NULL ? fr.url : url);
	rc = story_parse(shown, fr.url != NULL ? fr.url : url, fr.body, fr.len,
	    fr.charset, o, json_sink, &sp->pg, cause);
	free(shown);
	if (rc == 0 && sp->pg != NULL) {
		sp->url = xstrdup(fr.url != NULL ? fr.url : url);
		st->report->pages++;
	}
	fetch_result_free(&fr);
	return rc;
}

/* Do two URLs name one page? */
static int
story_same_url(const char *a, const char *b)
{
	char	*na = url_normalize(a), *nb = url_normalize(b);
	int	 same = strcmp(na, nb) == 0;

	free(na);
	free(nb);
	return same;
}

/* Is sp one more page in a language the story has?  Then it is left
   out, with a warning unless it is the same page by another URL. */
static int
story_duplicate(struct story *st, const struct story_page *sp)
{
	const struct story_page	*first;
	size_t			 i;

	for (i = 0; i < st->npages; i++) {
		first = &st->pages[i];
		if (strcasecmp(first->lang, sp->lang) != 0)
			continue;
		if (first->pg->canonical == NULL ||
		    sp->pg->canonical == NULL ||
		    !story_same_url(first->pg->canonical, sp->pg->canonical))
			story_say(st->opts, 1, "%s: a second page in %s "
			    "(after %s): kept the first", sp->url, sp->lang,
			    first->url);
		return 1;
	}
	return 0;
}

/* The URL a page is known by: its canonical one if it gives one. */
static const char *
story_page_url(const struct story_page *sp)
{
	if (sp->pg->canonical != NULL && story_is_url(sp->pg->canonical))
		return sp->pg->canonical;
	return sp->url;
}

/* Cut a " | Site" suffix every page's title ends with. */
static void
story_cut_suffix(struct story *st)
{
	const char	*suffix = st->pages[0].pg->title_suffix;
	char		*keep;
	size_t		 i;

	if (st->npages < 2 || suffix == NULL)
		return;
	for (i = 1; i < st->npages; i++)
		if (st->pages[i].pg->title_suffix == NULL ||
		    strcasecmp(st->pages[i].pg->title_suffix, suffix) != 0)
			return;
	keep = xstrdup(suffix);
	for (i = 0; i < st->npages; i++)
		html_page_cut_suffix(st->pages[i].pg, keep);
	free(keep);
}

/* The original: the first language of the preference the story has,
   else that of the page asked for. */
static const char *
story_original(const struct story *st)
{
	const char *const	*want;
	size_t			 i;

	for (want = st->opts->langs; want != NULL && *want != NULL; want++)
		for (i = 0; i < st->npages; i++)
			if (lang_match(st->pages[i].lang, *want))
				return st->pages[i].lang;
	return st->pages[0].lang;
}

/* One translation and its paragraphs, in NFC as the sink wants. */
static int
story_emit_page(const struct story_page *sp, const char *url,
    struct import_sink *sink, char **cause)
{
	const struct html_page	*pg = sp->pg;
	struct import_translation it;
	char			*title, *text;
	size_t			 i, len;
	int			 rc = 0;

	memset(&it, 0, sizeof it);
	it.lang = sp->lang;
	it.lang_confidence = (pg->lang != NULL &&
	    strcmp(pg->lang, sp->lang) == 0) ? 1 : pg->lang_confidence;
	if (pg->title != NULL && *pg->title != '\0')
		title = utf8_normalize(pg->title, strlen(pg->title), &len);
	else {
		it.title_derived = 1;
		title = pg->nparas > 0 ? import_lines_title(pg->paras[0].text,
		    pg->paras[0].len) : xstrdup(url != NULL ? url : "Untitled");
	}
	it.title = title;
	it.url = url;
	if (sink->translation(sink->arg, &it, cause) != 0)
		rc = -1;
	for (i = 0; rc == 0 && i < pg->nparas; i++) {
		text = utf8_normalize(pg->paras[i].text, pg->paras[i].len, &len);
		rc = sink->paragraph(sink->arg, text, len, cause);
		free(text);
	}
	free(title);
	return rc;
}

/* The pages as one article into the sink. */
static int
story_emit(struct story *st, const char *name, const char *source,
    const char *url, const char *key, struct import_sink *sink,
    char **cause)
{
	const struct html_page	*pg = st->pages[0].pg;
	struct import_article	 ia;
	const char		*u;
	char			*why = NULL, *ignored = NULL;
	size_t			 i;
	int			 rc;

	memset(&ia, 0, sizeof ia);
	ia.source = source;
	ia.key = key;
	ia.url = url;
	ia.date = pg->date;
	ia.author = pg->author;
	ia.original = story_original(st);
	ia.policy = pg->policy;
	if (sink->begin(sink->arg, &ia, &why) != 0)
		goto fail;
	for (i = 0, rc = 0; rc == 0 && i < st->npages; i++) {
		u = story_page_url(&st->pages[i]);
		rc = story_emit_page(&st->pages[i], story_is_url(u) ? u : NULL,
		    sink, &why);
		if (rc == 0)
			st->report->translations++;
	}
	if (rc != 0) {
		if (sink->end(sink->arg, 0, &ignored) != 0)
			free(ignored);
		goto fail;
	}
	if (sink->end(sink->arg, 1, &why) != 0)
		goto fail;
	return 0;
fail:
	xasprintf(cause, "%s: %s", name, why != NULL ? why : "not stored");
	free(why);
	return -1;
}

static void
story_free(struct story *st)
{
	size_t	i;

	for (i = 0; i < st->npages; i++) {
		free(st->pages[i].url);
		free(st->pages[i].lang);
		html_page_free(st->pages[i].pg);
	}
	for (i = 0; i < st->nseen; i++)
		free(st->seen[i]);
	for (i = 0; i < st->ntodo; i++) {
		free(st->todo[i].url);
		free(st->todo[i].hreflang);
	}
	free(st->site);
}

/* Take a parsed page into the story, or leave it out as a duplicate;
   its own URLs count as seen either way. */
static void
story_add(struct story *st, struct story_page *sp, const char *hreflang)
{
	story_mark(st, sp->url);
	if (sp->pg->canonical != NULL)
		story_mark(st, sp->pg->canonical);
	sp->lang = story_lang(st->opts, sp->url, sp->pg, hreflang);
	if (story_duplicate(st, sp)) {
		free(sp->url);
		free(sp->lang);
		html_page_free(sp->pg);
		return;
	}
	st->pages[st->npages++] = *sp;
	if (st->opts->translations)
		story_queue(st, sp->pg);
}

/* Fetch the queue, breadth-first: alternates of alternates join it.
   -1 when the hook gave the story up. */
static int
story_follow(struct story *st)
{
	struct story_todo	*t;
	struct story_page	 sp;
	char			*cause = NULL;

	while (st->next < st->ntodo && st->npages < STORY_MAX_PAGES) {
		if (story_cancelled(st->opts))
			return -1;
		t = &st->todo[st->next++];
		memset(&sp, 0, sizeof sp);
		if (story_fetch(st, t->url, NULL, &sp, &cause) != 0) {
			if (story_cancelled(st->opts)) {
				free(cause);
				return -1;
			}
			story_say(st->opts, 1, "%s", cause);
			FREE(&cause);
			st->report->failed++;
			continue;
		}
		if (sp.pg->nparas == 0) {
			story_say(st->opts, 1, "%s: no article text", sp.url);
			free(sp.url);
			html_page_free(sp.pg);
			st->report->failed++;
			continue;
		}
		story_add(st, &sp, t->hreflang);
	}
	return 0;
}

/* "found 5 translations (ko en ja zh fr)" */
static void
story_found(const struct story *st)
{
	char	*list = NULL, *prev;
	size_t	 i;

	if (st->opts->progress == NULL)
		return;
	for (i = 0; i < st->npages; i++) {
		prev = list;
		xasprintf(&list, "%s%s%s", prev ? prev : "", prev ? " " : "",
		    st->pages[i].lang);
		free(prev);
	}
	story_say(st->opts, 0, "found %zu translation%s (%s)", st->npages,
	    st->npages == 1 ? "" : "s", list);
	free(list);
}

int
story_import(const char *url, const struct story_opts *o,
    struct import_sink *sink, struct story_report *report, char **cause)
{
	struct story		 st;
	struct story_page	 sp;
	const char		*article;
	char			*shown;
	int			 rc;

	memset(report, 0, sizeof *report);
	memset(&st, 0, sizeof st);
	st.opts = o;
	st.report = report;
	shown = fetch_redact(url);
	if ((st.site = story_site(url)) == NULL) {
		xasprintf(cause, "%s: not an http or https URL", shown);
		free(shown);
		return -1;
	}
	story_mark(&st, url);
	memset(&sp, 0, sizeof sp);
	rc = story_fetch(&st, url, sink, &sp, cause);
	if (rc != 0 || sp.pg == NULL) {
		/* Failed, or a JSON document imported whole. */
		if (rc == 0)
			report->url = xstrdup(shown);
		free(shown);
		story_free(&st);
		return rc;
	}
	if (sp.pg->nparas == 0) {
		xasprintf(cause, "%s: no article text", shown);
		free(sp.url);
		html_page_free(sp.pg);
		free(shown);
		story_free(&st);
		return -1;
	}
	story_add(&st, &sp, NULL);
	if (story_follow(&st) != 0 || story_cancelled(o)) {
		xasprintf(cause, "%s: cancelled", shown);
		free(shown);
		story_free(&st);
		return -1;
	}
	story_cut_suffix(&st);
	story_found(&st);
	article = story_page_url(&st.pages[0]);
	rc = story_emit(&st, shown, article, article, article, sink, cause);
	if (rc == 0)
		report->url = xstrdup(article);
	else
		report->translations = 0;
	free(shown);
	story_free(&st);
	return rc;
}

int
story_import_html(const char *name, const char *source, const char *buf,
    size_t len, const struct story_opts *o, struct import_sink *sink,
    char **cause)
{
	struct story		 st;
	struct story_report	 report;
	struct story_page	 sp;
	struct story_opts	 one;
	const char		*url;
	char			 key[IMPORT_KEY_LEN + 1], *text, *p;
	size_t			 i, n;
	int			 rc;

	one = *o;
	one.translations = 0;
	memset(&report, 0, sizeof report);
	memset(&st, 0, sizeof st);
	st.opts = &one;
	st.report = &report;
	memset(&sp, 0, sizeof sp);
	if (story_parse(name, NULL, buf, len, NULL, &one, NULL, &sp.pg,
	    cause) != 0)
		return -1;
	if (sp.pg->nparas == 0) {
		xasprintf(cause, "%s: no article text", name);
		html_page_free(sp.pg);
		return -1;
	}
	sp.url = xstrdup(name);
	sp.lang = story_lang(&one, name, sp.pg, NULL);
	st.pages[st.npages++] = sp;
	/* A saved page is the web page it was saved from: the same
	   identity, so importing either updates the other. */
	url = story_page_url(&sp);
	if (story_is_url(url))
		rc = story_emit(&st, name, source, url, url, sink, cause);
	else {
		for (i = 0, n = 0; i < sp.pg->nparas; i++)
			n += sp.pg->paras[i].len + 1;
		p = text = xmalloc(n);
		for (i = 0; i < sp.pg->nparas; i++) {
			memcpy(p, sp.pg->paras[i].text, sp.pg->paras[i].len);
			p += sp.pg->paras[i].len;
			*p++ = '\0';
		}
		import_lines_key_text(text, n, key);
		free(text);
		rc = story_emit(&st, name, source, NULL, key, sink, cause);
	}
	story_free(&st);
	return rc;
}

void
story_report_free(struct story_report *r)
{
	FREE(&r->url);
}
