/*
 * import-page.c: the page-dump importer.
 *
 * A page dump is the text of a multilingual news page as a scraper saw
 * it: the language versions of one story one after another, one
 * paragraph per line, each version ended by the site's "see more related
 * articles" line in its language, and perhaps a comment notice ("You
 * must be logged in to post a comment.") at the end.  Nothing else marks
 * where a language starts.  A version's first line is its title when a
 * blank line follows it; a version without one gets a title made from
 * its first sentence.  The marker and notice lines come from the table
 * in data/page-markers.tsv and never become paragraphs.
 *
 * Each version's language is identified from its text (langid.c); the
 * marker's language is the tie-breaker, since some sites end every
 * version with the same marker.
 *
 *	lines --classify--> text | blank | RELATED(lang) | notice(policy)
 *	      --group-----> blocks ended by RELATED or the end of input
 *	      --shape-----> [title] paragraphs, language
 *	      --merge-----> blocks of one language across a marker joined
 *	      --split-----> a block whose lines change language cut there
 *	      --emit------> begin (translation paragraph*)* end
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "import-int.h"
#include "import-lines.h"
#include "lang.h"
#include "langid.h"
#include "page-markers.h"
#include "utf8-text.h"
#include "xmalloc.h"

/* Lines longer than this are never markers (saves folding every line). */
#define PAGE_MARKER_MAX	200
/* A first line longer than this is a paragraph, not a title. */
#define PAGE_TITLE_MAX	400
/* How much of a version langid reads. */
#define PAGE_LANGID_BYTES 4096
/* Below this confidence the marker's language wins a disagreement. */
#define PAGE_LANGID_TRUST 0.9

struct page_block {
	size_t		 first, last;	/* line indices, inclusive */
	const char	*hint;		/* the ending marker's language */
	size_t		 title;		/* line index of the title, or -1 */
	char		 lang[32];
	char		 text_lang[32];	/* langid's, before the marker's say */
	double		 confidence;
};

struct page {
	const struct import_lines *il;
	unsigned char	*kind;		/* a bit per line: set for a marker */
	struct page_block *blocks;
	size_t		 nblocks;
	struct import_index langs;	/* the blocks' final languages */
	enum import_policy policy;
};

#define PAGE_MARKER(pg, i) ((pg)->kind[(i) / 8] & (1u << ((i) % 8)))

static const char *page_bullets[] = {
	"- ", "* ", "• ", "· ", "▶ ", "► ", "» ", "> ", "– ", "— ", "▷ ",
	"-", "•", "·", "▶", "►", "»", "▷", NULL
};
static const char *page_tails[] = {
	".", "…", ":", ">", "»", "→", "›", "▶", "。", " ", "!", NULL
};

/* The part of a line a marker is compared with, folded; NULL if too long. */
static char *
page_marker_key(const char *s, size_t len)
{
	const char	*t;
	size_t		 i, tl;
	int		 again;

	t = utf8_text_trim(s, len, &tl);
	if (tl == 0 || tl > PAGE_MARKER_MAX)
		return NULL;
	for (i = 0; page_bullets[i] != NULL; i++) {
		size_t	bl = strlen(page_bullets[i]);

		if (tl > bl && memcmp(t, page_bullets[i], bl) == 0) {
			t = utf8_text_trim(t + bl, tl - bl, &tl);
			break;
		}
	}
	do {
		again = 0;
		for (i = 0; page_tails[i] != NULL; i++) {
			size_t	el = strlen(page_tails[i]);

			if (tl > el && memcmp(t + tl - el, page_tails[i], el) == 0) {
				tl -= el;
				again = 1;
			}
		}
	} while (again);
	return utf8_text_fold(t, tl);
}

/* The marker row a line is, or NULL. */
static const struct page_marker *
page_marker_find(const char *s, size_t len)
{
	static char	**keys;
	static size_t	  nkeys;
	const struct page_marker *m = NULL;
	char		 *key;
	size_t		  i;

	if (keys == NULL) {
		for (nkeys = 0; page_markers[nkeys].text != NULL; nkeys++)
			;
		keys = xcalloc(nkeys, sizeof *keys);
		for (i = 0; i < nkeys; i++)
			keys[i] = page_marker_key(page_markers[i].text,
			    strlen(page_markers[i].text));
	}
	if ((key = page_marker_key(s, len)) == NULL)
		return NULL;
	for (i = 0; i < nkeys && m == NULL; i++)
		if (keys[i] != NULL && strcmp(keys[i], key) == 0)
			m = &page_markers[i];
	free(key);
	return m;
}

static int
page_blank(const struct import_lines *il, size_t i)
{
	const char	*s;
	size_t		 len, tl;

	s = import_lines_get(il, i, &len);
	utf8_text_trim(s, len, &tl);
	return tl == 0;
}

static void
page_set_marker(struct page *pg, size_t i)
{
	pg->kind[i / 8] |= 1u << (i % 8);
}

/*
 * Classify lines and group them into blocks ended by RELATED markers;
 * fails past IMPORT_MAX_TRANSLATIONS blocks.
 */
static int
page_group(struct page *pg, char **cause)
{
	const struct import_lines *il = pg->il;
	const struct page_marker *m;
	const char	*s;
	size_t		 i, start = 0, cap = 0, len;
	int		 has_text = 0;

	pg->kind = xcalloc(il->n / 8 + 1, 1);
	for (i = 0; i <= il->n; i++) {
		m = NULL;
		if (i < il->n) {
			s = import_lines_get(il, i, &len);
			m = page_marker_find(s, len);
		}
		if (m != NULL && m->kind != PAGE_MARKER_RELATED) {
			page_set_marker(pg, i);
			pg->policy = m->kind == PAGE_MARKER_LOGIN ?
			    IMPORT_POLICY_LOGIN : m->kind == PAGE_MARKER_CLOSED ?
			    IMPORT_POLICY_CLOSED : IMPORT_POLICY_OPEN;
			continue;
		}
		if (i < il->n && m == NULL) {
			if (!page_blank(il, i))
				has_text = 1;
			continue;
		}
		if (i < il->n)
			page_set_marker(pg, i);
		if (has_text) {
			if (pg->nblocks == IMPORT_MAX_TRANSLATIONS) {
				import_lines_error(cause, il, start + 1,
				    "more than %d language versions",
				    IMPORT_MAX_TRANSLATIONS);
				return -1;
			}
			if (pg->nblocks == cap) {
				cap = cap ? cap * 2 : 8;
				pg->blocks = xreallocarray(pg->blocks, cap,
				    sizeof *pg->blocks);
			}
			memset(&pg->blocks[pg->nblocks], 0, sizeof *pg->blocks);
			pg->blocks[pg->nblocks].first = start;
			pg->blocks[pg->nblocks].last = i - 1;
			pg->blocks[pg->nblocks].hint = m ? m->lang : NULL;
			pg->nblocks++;
		}
		start = i + 1;
		has_text = 0;
	}
	return 0;
}

/* Trim blank and notice lines off a block's ends; find its title. */
static void
page_shape(struct page *pg, struct page_block *b)
{
	const struct import_lines *il = pg->il;
	size_t	i;

	size_t	len;

	while (PAGE_MARKER(pg, b->first) || page_blank(il, b->first))
		b->first++;
	while (PAGE_MARKER(pg, b->last) || page_blank(il, b->last))
		b->last--;
	b->title = (size_t)-1;
	if (b->first + 1 < b->last && page_blank(il, b->first + 1) &&
	    (import_lines_get(il, b->first, &len), len) <= PAGE_TITLE_MAX) {
		for (i = b->first + 2; i <= b->last; i++)
			if (!PAGE_MARKER(pg, i) && !page_blank(il, i))
				break;
		if (i <= b->last)
			b->title = b->first;
	}
}

/* Identify a block's language from its text, the marker breaking ties. */
static void
page_identify(struct page *pg, struct page_block *b)
{
	const struct import_lines *il = pg->il;
	struct langid_result	 r;
	char			*buf;
	size_t			 i, n = 0;

	buf = xmalloc(PAGE_LANGID_BYTES + 1);
	for (i = b->first; i <= b->last && n < PAGE_LANGID_BYTES; i++) {
		size_t		 l;
		const char	*s;

		if (PAGE_MARKER(pg, i))
			continue;
		s = import_lines_get(il, i, &l);
		if (l > PAGE_LANGID_BYTES - n) {
			/* Take what fits, ending on a character boundary. */
			l = PAGE_LANGID_BYTES - n;
			while (l > 0 && (s[l] & 0xc0) == 0x80)
				l--;
		}
		memcpy(buf + n, s, l);
		n += l;
		if (n < PAGE_LANGID_BYTES)
			buf[n++] = '\n';
	}
	langid_guess(buf, n, &r);
	free(buf);
	snprintf(b->text_lang, sizeof b->text_lang, "%s", r.tag);

	if (b->hint != NULL && strcmp(b->hint, "zh") == 0 &&
	    strcmp(r.tag, "zh-Hant") == 0 && r.confidence >= PAGE_LANGID_TRUST) {
		/* A plain "zh" marker, Traditional text: the text says which. */
		snprintf(b->lang, sizeof b->lang, "%s", r.tag);
		b->confidence = r.confidence;
	} else if (b->hint != NULL && strncmp(r.tag, b->hint, 2) == 0) {
		snprintf(b->lang, sizeof b->lang, "%s", b->hint);
		b->confidence = r.confidence > 0.99 ? r.confidence : 0.99;
	} else if (b->hint != NULL && (strcmp(r.tag, "und") == 0 ||
	    r.confidence < PAGE_LANGID_TRUST)) {
		snprintf(b->lang, sizeof b->lang, "%s", b->hint);
		b->confidence = 0.5;
	} else {
		snprintf(b->lang, sizeof b->lang, "%s", r.tag);
		b->confidence = r.confidence;
	}
}

/* The language of line i alone, "" for a short, blank or unsure one. */
static const char *
page_line_lang(struct page *pg, size_t i, struct langid_result *r)
{
	const char	*s;
	size_t		 len;

	if (PAGE_MARKER(pg, i) || page_blank(pg->il, i))
		return "";
	s = import_lines_get(pg->il, i, &len);
	if (len < 24)
		return "";
	langid_guess(s, len, r);
	return strcmp(r->tag, "und") == 0 || r->confidence < PAGE_LANGID_TRUST ?
	    "" : r->tag;
}

/*
 * A block with no marker between two languages (cat english.txt
 * korean.txt) is split where its lines change language for good: every
 * sure line before in one language, every one after in another.
 * Returns 1 if block k was split.
 */
static int
page_split(struct page *pg, size_t k, size_t *cap)
{
	struct page_block	*b = &pg->blocks[k];
	struct langid_result	 r;
	char			 first[8] = "", last[8] = "";
	size_t			 i, change = 0;
	const char		*t;

	for (i = b->first; i <= b->last; i++) {
		if (*(t = page_line_lang(pg, i, &r)) == '\0')
			continue;
		if (first[0] == '\0')
			snprintf(first, sizeof first, "%s", t);
		else if (!lang_match(t, last) && change != 0)
			return 0;	/* a third change: not two versions */
		else if (!lang_match(t, last) && lang_match(last, first))
			change = i;
		snprintf(last, sizeof last, "%s", t);
	}
	if (change == 0 || lang_match(first, last) ||
	    pg->nblocks == IMPORT_MAX_TRANSLATIONS)
		return 0;
	if (pg->nblocks == *cap) {
		*cap *= 2;
		pg->blocks = xreallocarray(pg->blocks, *cap, sizeof *pg->blocks);
		b = &pg->blocks[k];
	}
	memmove(b + 1, b, (pg->nblocks - k) * sizeof *b);
	pg->nblocks++;
	b->last = change - 1;
	b->hint = NULL;
	b[1].first = change;
	page_shape(pg, b);
	page_identify(pg, b);
	page_shape(pg, b + 1);
	page_identify(pg, b + 1);
	return 1;
}

/*
 * A marker ends a version only where the language changes across it: a
 * single-language page whose boilerplate holds a "related articles"
 * line is one version, so a block written in the language of the one
 * before it joins that one (and is identified again, as one text).
 */
static void
page_merge(struct page *pg)
{
	struct page_block	*a, *b;
	size_t			 k = 1;

	while (k < pg->nblocks) {
		a = &pg->blocks[k - 1];
		b = &pg->blocks[k];
		if (strcmp(a->text_lang, "und") == 0 ||
		    !lang_match(a->text_lang, b->text_lang)) {
			k++;
			continue;
		}
		a->last = b->last;
		a->hint = b->hint;
		memmove(b, b + 1, (pg->nblocks - k - 1) * sizeof *b);
		pg->nblocks--;
		page_shape(pg, a);
		page_identify(pg, a);
	}
}

struct page_same {
	struct page	*pg;
	const char	*lang;
};

static int
page_same_lang(void *arg, size_t j)
{
	struct page_same	*ps = arg;

	return strcmp(ps->pg->blocks[j].lang, ps->lang) == 0;
}

/*
 * Two versions in one language: the second gets its marker's, else
 * fails.  The earlier blocks' languages are looked up in pg->langs.
 */
static int
page_unique(struct page *pg, size_t k, char **cause)
{
	struct page_block	*b = &pg->blocks[k];
	struct page_same	 ps = { pg, b->lang };
	size_t			 j, tries;

	for (tries = 0; tries < 2; tries++) {
		j = import_index_find(&pg->langs, import_index_hash(b->lang,
		    strlen(b->lang), 0), page_same_lang, &ps);
		if (j == IMPORT_INDEX_NONE)
			break;
		if (strcmp(b->lang, "und") == 0) {
			snprintf(b->lang, sizeof b->lang, "und-x-%zu", k + 1);
			continue;
		}
		if (tries == 0 && b->hint != NULL && strcmp(b->hint, b->lang)) {
			snprintf(b->lang, sizeof b->lang, "%s", b->hint);
			b->confidence = 0.5;
			continue;
		}
		import_lines_error(cause, pg->il, b->first + 1, "a second "
		    "version in language '%s' (the first starts at line %zu)",
		    b->lang, pg->blocks[j].first + 1);
		return -1;
	}
	import_index_add(&pg->langs, import_index_hash(b->lang,
	    strlen(b->lang), 0), k);
	return 0;
}

/* The paragraphs of every block within the limits, before any is sent. */
static int
page_count(struct page *pg, char **cause)
{
	struct page_block	*b;
	size_t			 i, k, n, all = 0;

	for (k = 0; k < pg->nblocks; k++) {
		b = &pg->blocks[k];
		for (n = 0, i = b->first; i <= b->last; i++)
			if (i != b->title && !PAGE_MARKER(pg, i) &&
			    !page_blank(pg->il, i))
				n++;
		if (n > IMPORT_MAX_PARAGRAPHS) {
			import_lines_error(cause, pg->il, b->first + 1,
			    "more than %d paragraphs in one version",
			    IMPORT_MAX_PARAGRAPHS);
			return -1;
		}
		if ((all += n) > IMPORT_MAX_ALL_PARAGRAPHS) {
			import_lines_error(cause, pg->il, b->first + 1,
			    "more than %d paragraphs in all versions",
			    IMPORT_MAX_ALL_PARAGRAPHS);
			return -1;
		}
	}
	return 0;
}

/* Emit one block as a translation and its paragraphs. */
static int
page_emit_block(struct page *pg, struct page_block *b,
    struct import_sink *sink, char **cause)
{
	const struct import_lines *il = pg->il;
	struct import_translation  t;
	const char		  *p;
	char			  *title, *para;
	size_t			   i, pl, tl;
	int			   rc = 0;

	memset(&t, 0, sizeof t);
	t.lang = b->lang;
	t.lang_confidence = b->confidence;
	if (b->title != (size_t)-1) {
		p = import_lines_get(il, b->title, &pl);
		p = utf8_text_trim(p, pl, &tl);
		title = xstrndup(p, tl);
	} else {
		p = import_lines_get(il, b->first, &pl);
		title = import_lines_title(p, pl);
		t.title_derived = 1;
	}
	t.title = title;
	if (sink->translation(sink->arg, &t, cause) != 0) {
		import_lines_sink_error(cause, il, b->first + 1);
		free(title);
		return -1;
	}
	free(title);
	for (i = b->first; i <= b->last && rc == 0; i++) {
		if (i == b->title || PAGE_MARKER(pg, i) || page_blank(il, i))
			continue;
		/* A copy: trimmed text would not end in the NUL that
		   import.h promises at text[len]. */
		p = import_lines_get(il, i, &pl);
		p = utf8_text_trim(p, pl, &pl);
		para = xstrndup(p, pl);
		if ((rc = sink->paragraph(sink->arg, para, pl, cause)) != 0)
			import_lines_sink_error(cause, il, i + 1);
		free(para);
	}
	return rc;
}

static void
page_free(struct page *pg)
{
	free(pg->kind);
	free(pg->blocks);
	import_index_free(&pg->langs);
}

int
import_page(const struct import_lines *il, struct import_sink *sink,
    char **cause)
{
	struct page		 pg;
	struct import_article	 a;
	char			 key[IMPORT_KEY_LEN + 1];
	size_t			 k, cap;
	int			 rc = -1;

	memset(&pg, 0, sizeof pg);
	pg.il = il;
	if (page_group(&pg, cause) != 0)
		goto out;
	if (pg.nblocks == 0) {
		import_lines_error(cause, il, 0, "no article text, only %s",
		    "markers and notices");
		goto out;
	}
	for (k = 0; k < pg.nblocks; k++) {
		page_shape(&pg, &pg.blocks[k]);
		page_identify(&pg, &pg.blocks[k]);
	}
	page_merge(&pg);
	cap = pg.nblocks;
	for (k = 0; k < pg.nblocks; k++)
		k += page_split(&pg, k, &cap);
	for (k = 0; k < pg.nblocks; k++)
		if (page_unique(&pg, k, cause) != 0)
			goto out;
	if (page_count(&pg, cause) != 0)
		goto out;

	memset(&a, 0, sizeof a);
	import_lines_key(il, key);
	a.source = il->source;
	a.key = key;
	a.policy = pg.policy;
	if (import_lines_begin(il, sink, &a, cause) != 0)
		goto out;
	for (k = 0; k < pg.nblocks; k++)
		if (page_emit_block(&pg, &pg.blocks[k], sink, cause) != 0)
			break;
	rc = import_lines_finish(il, sink, k < pg.nblocks, cause);
out:
	page_free(&pg);
	return rc;
}
