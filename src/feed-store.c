/*
 * feed-store.c: a feed's entries, kept, grouped and emitted as articles.
 *
 * feed_parse() hands entries over one at a time with pointers valid for
 * the call; an update needs them after the parse (to compare digests, to
 * group translations, to fetch pages outside the transaction), so each
 * is copied into a struct feed_store_entry, only the fields an article
 * uses.  Memory is that of one feed at a time.  Emitting follows
 * import.h's order: begin, a translation per language of the group with
 * its paragraphs (HTML content through html_fragment(), text split at
 * blank lines), end.  The recording sink keeps events as copies in one
 * array, replayed in order.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "feed-store.h"
#include "html.h"
#include "import-lines.h"
#include "url.h"
#include "utf8.h"
#include "xmalloc.h"

static char *
feed_store_dup(const char *s)
{
	return s != NULL ? xstrdup(s) : NULL;
}

static char *
feed_store_date(long long t)
{
	struct tm	 tm;
	time_t		 tt;
	char		 buf[32];

	if (t == FEED_NO_DATE)
		return NULL;
	tt = (time_t)t;
	if (gmtime_r(&tt, &tm) == NULL)
		return NULL;
	strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
	return xstrdup(buf);
}

/* FNV-1a continued over one more field, NULL included. */
static uint64_t
feed_store_mix(uint64_t h, const char *s)
{
	const unsigned char	*p = (const unsigned char *)(s != NULL ? s :
				    "\1");

	for (; *p != '\0'; p++)
		h = (h ^ *p) * 0x100000001b3ULL;
	return (h ^ 0xff) * 0x100000001b3ULL;
}

static void
feed_store_lang_add(struct feed_store_feed *f, const char *lang)
{
	char	*s, pad[64];

	if (lang == NULL || *lang == '\0' || strlen(lang) > 35 ||
	    strchr(lang, ' ') != NULL)
		return;
	snprintf(pad, sizeof pad, " %s ", lang);
	if (f->lang != NULL) {
		xasprintf(&s, " %s ", f->lang);
		if (strstr(s, pad) != NULL) {
			free(s);
			return;
		}
		free(s);
		xasprintf(&s, "%s %s", f->lang, lang);
		free(f->lang);
		f->lang = s;
	} else
		f->lang = xstrdup(lang);
}

static int
feed_store_channel(void *arg, const struct feed_channel *ch, char **cause)
{
	struct feed_store_feed	*f = arg;

	(void)cause;
	free(f->title);
	f->title = feed_store_dup(ch->title);
	free(f->site);
	f->site = feed_store_dup(ch->link);
	return 0;
}

static int
feed_store_entry(void *arg, const struct feed_entry *fe, char **cause)
{
	struct feed_store_feed	*f = arg;
	struct feed_store_entry	*e;
	uint64_t		 h = 0xcbf29ce484222325ULL;
	size_t			 i;

	(void)cause;
	if (fe->id == NULL && fe->link == NULL) {
		f->skipped++;
		return 0;
	}
	f->entries = xreallocarray(f->entries, f->n + 1, sizeof *f->entries);
	e = &f->entries[f->n];
	memset(e, 0, sizeof *e);
	e->group = f->n++;
	e->key = xstrdup(fe->id != NULL ? fe->id : fe->link);
	e->title = feed_store_dup(fe->title);
	e->link = feed_store_dup(fe->link);
	e->comments_feed = feed_store_dup(fe->comments_feed);
	e->comments = fe->comments_feed != NULL || fe->comments_page !=
	    NULL || fe->comment_count > 0;
	e->lang = feed_store_dup(fe->lang);
	e->author = feed_store_dup(fe->author);
	e->date = feed_store_date(fe->published != FEED_NO_DATE ?
	    fe->published : fe->updated);
	if (fe->content != NULL) {
		e->text = xstrdup(fe->content);
		e->text_type = fe->content_type;
	} else if (fe->summary != NULL) {
		e->text = xstrdup(fe->summary);
		e->text_type = fe->summary_type;
		e->summary_only = 1;
	}
	for (i = 0; i < fe->nlinks; i++) {
		if (fe->links[i].hreflang == NULL ||
		    strcmp(fe->links[i].rel, "alternate") != 0)
			continue;
		e->alts = xreallocarray(e->alts, e->nalts + 1,
		    sizeof *e->alts);
		e->alts[e->nalts].href = xstrdup(fe->links[i].href);
		e->alts[e->nalts++].lang = xstrdup(fe->links[i].hreflang);
		h = feed_store_mix(h, fe->links[i].href);
	}
	h = feed_store_mix(h, e->key);
	h = feed_store_mix(h, e->title);
	h = feed_store_mix(h, e->link);
	h = feed_store_mix(h, e->lang);
	h = feed_store_mix(h, e->author);
	h = feed_store_mix(h, e->date);
	h = feed_store_mix(h, e->text);
	e->digest = h & 0x7fffffffffffffffULL;
	feed_store_lang_add(f, e->lang);
	return 0;
}

static void
feed_store_warn(void *arg, const char *message)
{
	struct feed_store_feed	*f = arg;

	if (f->warn != NULL)
		f->warn(f->warn_arg, message);
}

int
feed_store_collect(struct feed_store_feed *f, const char *buf, size_t len,
    const char *url, const char *charset, char **cause)
{
	struct feed_handler	h = { 0 };

	h.arg = f;
	h.channel = feed_store_channel;
	h.entry = feed_store_entry;
	h.warn = feed_store_warn;
	return feed_parse(buf, len, url, charset, &h, cause);
}

void
feed_store_feed_free(struct feed_store_feed *f)
{
	struct feed_store_entry	*e;
	size_t			 i, j;

	for (i = 0; i < f->n; i++) {
		e = &f->entries[i];
		free(e->key);
		free(e->title);
		free(e->link);
		free(e->comments_feed);
		free(e->lang);
		free(e->author);
		free(e->date);
		free(e->text);
		for (j = 0; j < e->nalts; j++) {
			free(e->alts[j].href);
			free(e->alts[j].lang);
		}
		free(e->alts);
	}
	free(f->entries);
	free(f->title);
	free(f->site);
	free(f->lang);
	memset(f, 0, sizeof *f);
}

/* Does entry a name b's page as an alternate in another language? */
static int
feed_store_names(const struct feed_store_entry *a,
    const struct feed_store_entry *b)
{
	char	*bl, *al;
	size_t	 i;
	int	 yes = 0;

	if (b->link == NULL || a->nalts == 0)
		return 0;
	bl = url_normalize(b->link);
	for (i = 0; i < a->nalts && !yes; i++) {
		al = url_normalize(a->alts[i].href);
		yes = strcmp(al, bl) == 0;
		free(al);
	}
	free(bl);
	return yes;
}

static int
feed_store_same_lang(const struct feed_store_feed *f, size_t g,
    const struct feed_store_entry *e)
{
	size_t	i;

	for (i = 0; i < f->n; i++)
		if (f->entries[i].group == g && f->entries[i].lang != NULL &&
		    e->lang != NULL && strcmp(f->entries[i].lang, e->lang) == 0)
			return 1;
	return 0;
}

/*
 * Quadratic in the entries that have alternates only, and a feed holds
 * tens of entries: no index is worth its code here.
 */
void
feed_store_group(struct feed_store_feed *f)
{
	struct feed_store_entry	*a, *b;
	size_t			 i, j;

	for (i = 0; i < f->n; i++) {
		a = &f->entries[i];
		if (a->nalts == 0)
			continue;
		for (j = 0; j < f->n; j++) {
			b = &f->entries[j];
			if (j == i || b->group != j || b->group == a->group ||
			    !feed_store_names(a, b) ||
			    feed_store_same_lang(f, a->group, b))
				continue;
			if (j < a->group) {
				/* b comes first: a's group joins it. */
				size_t	k, old = a->group;

				for (k = 0; k < f->n; k++)
					if (f->entries[k].group == old)
						f->entries[k].group = j;
			} else
				b->group = a->group;
		}
	}
}

/* Throw the open article away; the error that led here is the one told. */
static void
feed_store_abort(struct import_sink *sink)
{
	char	*ignored = NULL;

	sink->end(sink->arg, 0, &ignored);
	free(ignored);
}

/* One paragraph, in NFC as the sink wants. */
static int
feed_store_para(struct import_sink *sink, const char *p, size_t n,
    char **cause)
{
	char	*text;
	size_t	 len;
	int	 rc;

	text = utf8_normalize(p, n, &len);
	rc = sink->paragraph(sink->arg, text, len, cause);
	free(text);
	return rc;
}

/* The entry's text as paragraphs into the sink. */
static int
feed_store_paras(const struct feed_store_entry *e, struct import_sink *sink,
    char **cause)
{
	struct html_page	*pg;
	const char		*p, *q;
	size_t			 i, n;
	int			 rc = 0;

	if (e->text == NULL)
		return 0;
	if (e->text_type == FEED_TEXT_HTML) {
		if (html_fragment(e->text, strlen(e->text), &pg, cause) != 0)
			return -1;
		for (i = 0; i < pg->nparas && rc == 0; i++)
			rc = feed_store_para(sink, pg->paras[i].text,
			    pg->paras[i].len, cause);
		html_page_free(pg);
		return rc;
	}
	for (p = e->text; *p != '\0' && rc == 0; p = q) {
		while (*p == '\n' || *p == ' ' || *p == '\t' || *p == '\r')
			p++;
		if ((q = strstr(p, "\n\n")) == NULL)
			q = p + strlen(p);
		n = (size_t)(q - p);
		while (n > 0 && (p[n - 1] == ' ' || p[n - 1] == '\r'))
			n--;
		if (n > 0)
			rc = feed_store_para(sink, p, n, cause);
	}
	return rc;
}

/*
 * The entry's title in NFC; without one, from its text's first sentence
 * (as a page without a title gets), else its link.
 */
static char *
feed_store_title(const struct feed_store_entry *e)
{
	struct html_page	*pg;
	char			*t = NULL, *ignored = NULL;
	size_t			 len;

	if (e->title != NULL && *e->title != '\0')
		return utf8_normalize(e->title, strlen(e->title), &len);
	if (e->text != NULL && e->text_type == FEED_TEXT_HTML &&
	    html_fragment(e->text, strlen(e->text), &pg, &ignored) == 0) {
		if (pg->nparas > 0)
			t = import_lines_title(pg->paras[0].text,
			    pg->paras[0].len);
		html_page_free(pg);
	} else if (e->text != NULL && *e->text != '\0')
		t = import_lines_title(e->text, strcspn(e->text, "\n"));
	free(ignored);
	if (t != NULL)
		return t;
	return xstrdup(e->link != NULL ? e->link : e->key);
}

int
feed_store_emit(const struct feed_store_feed *f, size_t first,
    const char *source, struct import_sink *sink, char **cause)
{
	const struct feed_store_entry	*e = &f->entries[first], *t;
	struct import_article		 ia = { 0 };
	struct import_translation	 it = { 0 };
	char				*title;
	size_t				 i;
	int				 rc = 0;

	ia.source = source;
	ia.key = e->key;
	ia.url = e->link;
	ia.date = e->date;
	ia.author = e->author;
	ia.original = e->lang;
	if (sink->begin(sink->arg, &ia, cause) != 0)
		return -1;
	for (i = first; i < f->n && rc == 0; i++) {
		t = &f->entries[i];
		if (t->group != first)
			continue;
		it.lang = t->lang != NULL ? t->lang : "und";
		it.lang_confidence = t->lang != NULL ? 1 : 0;
		title = feed_store_title(t);
		it.title = title;
		it.title_derived = t->title == NULL || *t->title == '\0';
		it.url = t->link;
		rc = sink->translation(sink->arg, &it, cause);
		free(title);
		if (rc == 0)
			rc = feed_store_paras(t, sink, cause);
	}
	if (rc != 0) {
		feed_store_abort(sink);
		return -1;
	}
	return sink->end(sink->arg, 1, cause);
}

/* The recording sink: events in order, strings copied. */
enum feed_store_ev { EV_BEGIN, EV_TRANSLATION, EV_PARAGRAPH, EV_COMMENT,
    EV_END };

struct feed_store_event {
	enum feed_store_ev	 ev;
	char			*s[7];
	size_t			 len;
	double			 conf;
	long			 n[3];
};

struct feed_store_rec {
	struct feed_store_event	*ev;
	size_t			 n;
};

static struct feed_store_event *
feed_store_rec_add(struct feed_store_rec *r, enum feed_store_ev ev)
{
	struct feed_store_event	*e;

	r->ev = xreallocarray(r->ev, r->n + 1, sizeof *r->ev);
	e = &r->ev[r->n++];
	memset(e, 0, sizeof *e);
	e->ev = ev;
	return e;
}

static int
feed_store_rec_begin(void *arg, const struct import_article *ia,
    char **cause)
{
	struct feed_store_event	*e = feed_store_rec_add(arg, EV_BEGIN);

	(void)cause;
	e->s[0] = feed_store_dup(ia->source);
	e->s[1] = feed_store_dup(ia->key);
	e->s[2] = feed_store_dup(ia->url);
	e->s[3] = feed_store_dup(ia->date);
	e->s[4] = feed_store_dup(ia->author);
	e->s[5] = feed_store_dup(ia->original);
	e->n[0] = (long)ia->policy;
	return 0;
}

static int
feed_store_rec_translation(void *arg, const struct import_translation *it,
    char **cause)
{
	struct feed_store_event	*e = feed_store_rec_add(arg, EV_TRANSLATION);

	(void)cause;
	e->s[0] = feed_store_dup(it->lang);
	e->s[1] = feed_store_dup(it->title);
	e->s[2] = feed_store_dup(it->url);
	e->conf = it->lang_confidence;
	e->n[0] = it->title_derived;
	return 0;
}

static int
feed_store_rec_paragraph(void *arg, const char *text, size_t len,
    char **cause)
{
	struct feed_store_event	*e = feed_store_rec_add(arg, EV_PARAGRAPH);

	(void)cause;
	e->s[0] = xstrndup(text, len);
	e->len = len;
	return 0;
}

static int
feed_store_rec_comment(void *arg, const struct import_comment *ic,
    char **cause)
{
	struct feed_store_event	*e = feed_store_rec_add(arg, EV_COMMENT);

	(void)cause;
	e->n[0] = ic->id;
	e->n[1] = ic->parent;
	e->s[0] = feed_store_dup(ic->author);
	e->s[1] = feed_store_dup(ic->created);
	e->s[2] = feed_store_dup(ic->lang);
	e->s[3] = feed_store_dup(ic->body);
	return 0;
}

/* An article thrown away (ok = 0) is dropped from the record. */
static int
feed_store_rec_end(void *arg, int ok, char **cause)
{
	struct feed_store_rec	*r = arg;
	size_t			 j;

	(void)cause;
	if (ok) {
		feed_store_rec_add(r, EV_END);
		return 0;
	}
	while (r->n > 0) {
		r->n--;
		for (j = 0; j < 7; j++)
			free(r->ev[r->n].s[j]);
		if (r->ev[r->n].ev == EV_BEGIN)
			break;
	}
	return 0;
}

struct feed_store_rec *
feed_store_rec_new(struct import_sink *sink)
{
	struct feed_store_rec	*r = xcalloc(1, sizeof *r);

	memset(sink, 0, sizeof *sink);
	sink->arg = r;
	sink->begin = feed_store_rec_begin;
	sink->translation = feed_store_rec_translation;
	sink->paragraph = feed_store_rec_paragraph;
	sink->comment = feed_store_rec_comment;
	sink->end = feed_store_rec_end;
	return r;
}

int
feed_store_rec_empty(const struct feed_store_rec *r)
{
	return r->n == 0;
}

static int
feed_store_rec_one(const struct feed_store_event *e, struct import_sink *to,
    char **cause)
{
	struct import_article		ia = { 0 };
	struct import_translation	it = { 0 };
	struct import_comment		ic = { 0 };

	switch (e->ev) {
	case EV_BEGIN:
		ia.source = e->s[0];
		ia.key = e->s[1];
		ia.url = e->s[2];
		ia.date = e->s[3];
		ia.author = e->s[4];
		ia.original = e->s[5];
		ia.policy = (enum import_policy)e->n[0];
		return to->begin(to->arg, &ia, cause);
	case EV_TRANSLATION:
		it.lang = e->s[0];
		it.title = e->s[1];
		it.url = e->s[2];
		it.lang_confidence = e->conf;
		it.title_derived = (int)e->n[0];
		return to->translation(to->arg, &it, cause);
	case EV_PARAGRAPH:
		return to->paragraph(to->arg, e->s[0], e->len, cause);
	case EV_COMMENT:
		ic.id = e->n[0];
		ic.parent = e->n[1];
		ic.author = e->s[0];
		ic.created = e->s[1];
		ic.lang = e->s[2];
		ic.body = e->s[3];
		return to->comment(to->arg, &ic, cause);
	case EV_END:
		return to->end(to->arg, 1, cause);
	}
	return 0;
}

/* Replay every recorded article into to; an error ends the open one. */
int
feed_store_rec_replay(struct feed_store_rec *r, struct import_sink *to,
    char **cause)
{
	size_t	i;
	int	open = 0;

	for (i = 0; i < r->n; i++) {
		if (feed_store_rec_one(&r->ev[i], to, cause) != 0) {
			if (open && r->ev[i].ev != EV_BEGIN &&
			    r->ev[i].ev != EV_END)
				feed_store_abort(to);
			return -1;
		}
		open = r->ev[i].ev != EV_END;
	}
	return 0;
}

void
feed_store_rec_free(struct feed_store_rec *r)
{
	size_t	i, j;

	if (r == NULL)
		return;
	for (i = 0; i < r->n; i++)
		for (j = 0; j < 7; j++)
			free(r->ev[i].s[j]);
	free(r->ev);
	free(r);
}
