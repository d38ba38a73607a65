/*
 * import-feed.c: a feed file given to import -> one article per entry.
 *
 * import.c sends here what sniffs as RSS, Atom or JSON Feed.  The feed
 * parser (feed.h) hands over the entries; each with text becomes an
 * article of one translation, in the sink's order (begin, translation,
 * paragraphs, end):
 *
 *	text	 the content, else the summary: HTML through html_fragment(),
 *		 plain text cut at blank lines
 *	title	 the entry's, else one made from the first sentence
 *	lang	 the entry's (xml:lang, dc:language, the channel's), else
 *		 what langid finds in the text
 *	url, key the entry's page (so a later import, or a subscription,
 *		 updates the same article), else its id, else a hash of
 *		 its text
 *	date	 published, else updated, as ISO 8601 UTC
 *
 * An entry without text is skipped and counted in one warning; a feed
 * none of whose entries has text is an error.  Grouping the language
 * versions of a story is the subscription code's (story.c), not this.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "feed.h"
#include "html.h"
#include "import-int.h"
#include "langid.h"
#include "utf8.h"
#include "xmalloc.h"

struct import_feed {
	const char			*name, *source;
	const struct import_options	*io;
	struct import_sink		*sink;
	size_t				 articles, skipped;
};

/* One entry's text as paragraphs, NFC. */
struct import_feed_text {
	char	**p;
	size_t	 *len;
	size_t	  n, cap;
};

static void
import_feed_para(struct import_feed_text *t, const char *s, size_t n)
{
	size_t	len;
	char	*p;

	while (n > 0 && (*s == ' ' || *s == '\n' || *s == '\t' || *s == '\r'))
		s++, n--;
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\n' ||
	    s[n - 1] == '\t' || s[n - 1] == '\r'))
		n--;
	if (n == 0)
		return;
	if ((p = utf8_normalize(s, n, &len)) == NULL)
		return;
	if (t->n == t->cap) {
		t->cap = t->cap == 0 ? 16 : t->cap * 2;
		t->p = xreallocarray(t->p, t->cap, sizeof *t->p);
		t->len = xreallocarray(t->len, t->cap, sizeof *t->len);
	}
	t->p[t->n] = p;
	t->len[t->n++] = len;
}

static void
import_feed_text_free(struct import_feed_text *t)
{
	size_t	i;

	for (i = 0; i < t->n; i++)
		free(t->p[i]);
	free(t->p);
	free(t->len);
}

/* Plain text: a paragraph per run of lines between blank lines. */
static void
import_feed_plain(struct import_feed_text *t, const char *s)
{
	const char	*start = s, *nl, *q;

	while ((nl = strchr(s, '\n')) != NULL) {
		for (q = nl + 1; *q == ' ' || *q == '\t' || *q == '\r'; q++)
			;
		if (*q == '\n') {
			import_feed_para(t, start, (size_t)(nl - start));
			start = q;
		}
		s = nl + 1;
	}
	import_feed_para(t, start, strlen(start));
}

static void
import_feed_html(struct import_feed_text *t, const char *s)
{
	struct html_page	*pg;
	char			*cause = NULL;
	size_t			 i;

	if (html_fragment(s, strlen(s), &pg, &cause) != 0) {
		free(cause);
		return;
	}
	for (i = 0; i < pg->nparas; i++)
		import_feed_para(t, pg->paras[i].text, pg->paras[i].len);
	html_page_free(pg);
}

static void
import_feed_body(struct import_feed_text *t, const struct feed_entry *e)
{
	const char	*s = e->content;
	enum feed_text	 type = e->content_type;

	if (s == NULL || strspn(s, " \t\r\n") == strlen(s)) {
		s = e->summary;
		type = e->summary_type;
	}
	if (s == NULL)
		return;
	if (type == FEED_TEXT_HTML)
		import_feed_html(t, s);
	else
		import_feed_plain(t, s);
}

/* The language: the entry's tag, else langid on the first paragraphs
   (into lr). */
static const char *
import_feed_lang(const struct feed_entry *e, const struct import_feed_text *t,
    struct langid_result *lr)
{
	size_t	i, n = 0;
	char	*buf;

	lr->confidence = 1;
	if (e->lang != NULL)
		return e->lang;
	for (i = 0; i < t->n && n < 4096; i++)
		n += t->len[i] + 1;
	buf = xmalloc(n + 1);
	for (i = 0, n = 0; i < t->n && n < 4096; i++) {
		memcpy(buf + n, t->p[i], t->len[i]);
		n += t->len[i];
		buf[n++] = '\n';
	}
	langid_guess(buf, n, lr);
	free(buf);
	return lr->tag;
}

static void
import_feed_date(long long t, char *buf, size_t size)
{
	time_t		tt = (time_t)t;
	struct tm	tm;

	if (t == FEED_NO_DATE || gmtime_r(&tt, &tm) == NULL ||
	    strftime(buf, size, "%Y-%m-%dT%H:%M:%SZ", &tm) == 0)
		*buf = '\0';
}

/* begin, translation, paragraphs, end for one entry with text. */
static int
import_feed_emit(struct import_feed *f, const struct feed_entry *e,
    const struct import_feed_text *t, char **cause)
{
	struct import_article		 a;
	struct import_translation	 tr;
	struct import_sink		*s = f->sink;
	struct langid_result		 lr;
	char				 date[32], key[IMPORT_KEY_LEN + 1];
	char				*title, *author, *buf, *drop = NULL;
	const char			*lang;
	size_t				 i, n;
	int				 rc = 0;

	lang = import_feed_lang(e, t, &lr);
	import_feed_date(e->published != FEED_NO_DATE ? e->published :
	    e->updated, date, sizeof date);
	if (e->title != NULL)
		title = utf8_normalize(e->title, strlen(e->title), &n);
	else
		title = import_lines_title(t->p[0], t->len[0]);
	author = e->author != NULL ? utf8_normalize(e->author,
	    strlen(e->author), &n) : NULL;
	xasprintf(&buf, "%s%c%s", title != NULL ? title : "", '\0', t->p[0]);
	import_lines_key_text(buf, strlen(buf) + 1 + t->len[0], key);
	free(buf);
	memset(&a, 0, sizeof a);
	a.source = f->source;
	a.key = e->link != NULL ? e->link : e->id != NULL ? e->id : key;
	a.url = e->link;
	a.date = *date != '\0' ? date : NULL;
	a.author = author;
	a.original = lang;
	memset(&tr, 0, sizeof tr);
	tr.lang = lang;
	tr.lang_confidence = lr.confidence;
	tr.title = title != NULL ? title : "";
	tr.title_derived = e->title == NULL;
	tr.url = e->link;
	if (s->begin(s->arg, &a, cause) != 0)
		rc = -1;
	else {
		if (s->translation(s->arg, &tr, cause) != 0)
			rc = -1;
		for (i = 0; rc == 0 && i < t->n; i++)
			if (s->paragraph(s->arg, t->p[i], t->len[i], cause) != 0)
				rc = -1;
		/* After a failure, its cause is the one to report. */
		if (s->end(s->arg, rc == 0, rc == 0 ? cause : &drop) != 0)
			rc = -1;
		free(drop);
	}
	free(title);
	free(author);
	return rc;
}

static int
import_feed_entry(void *arg, const struct feed_entry *e, char **cause)
{
	struct import_feed	*f = arg;
	struct import_feed_text	 t;
	int			 rc = 0;

	memset(&t, 0, sizeof t);
	import_feed_body(&t, e);
	if (t.n == 0 || t.n > IMPORT_MAX_PARAGRAPHS)
		f->skipped++;
	else if ((rc = import_feed_emit(f, e, &t, cause)) == 0)
		f->articles++;
	import_feed_text_free(&t);
	return rc;
}

static void
import_feed_warn(void *arg, const char *msg)
{
	struct import_feed	*f = arg;
	char			*s;

	if (f->io->warn == NULL)
		return;
	xasprintf(&s, "%s: %s", f->name, msg);
	f->io->warn(f->io->warn_arg, s);
	free(s);
}

int
import_feed(const char *name, const char *source, const char *buf,
    size_t len, const struct import_options *io, struct import_sink *sink,
    char **cause)
{
	struct import_feed	 f;
	struct feed_handler	 h = { &f, NULL, import_feed_entry,
	    import_feed_warn };
	char			*msg;

	memset(&f, 0, sizeof f);
	f.name = name;
	f.source = source;
	f.io = io;
	f.sink = sink;
	if (feed_parse(buf, len, name, io->encoding, &h, cause) != 0)
		return -1;
	if (f.articles == 0) {
		xasprintf(cause, "%s: a feed without an entry to import (%zu "
		    "without text)", name, f.skipped);
		return -1;
	}
	if (f.skipped > 0) {
		xasprintf(&msg, "%zu entr%s without text skipped", f.skipped,
		    f.skipped == 1 ? "y" : "ies");
		import_feed_warn(&f, msg);
		free(msg);
	}
	return 0;
}
