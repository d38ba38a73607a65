/*
 * import-article.c: tandem's native article format (tandem-article(5)).
 *
 * Plain UTF-8 text that is easy to write by hand and that `tandem export
 * --format article` writes back exactly:
 *
 *	url: https://example.org/story         <- article headers
 *	date: 2025-09-22
 *	comments: login
 *
 *	== ko                                   <- a language section
 *	title: 서울경제진흥원, 中 중관촌과 MOU
 *
 *	First paragraph; its lines are joined
 *	with a space (none between CJK characters).
 *
 *	Second paragraph.
 *
 *	== comment                              <- comments come last
 *	author: Kim
 *	parent: 0
 *
 *	Body lines keep their line breaks.
 *
 * Headers are "key: value" lines at the top of the file and right under
 * a section line, before its first blank line.  A text line that starts
 * with a backslash loses it, so "\== x" is text.  In text, \u{XXXX}
 * names one of the characters export writes so (export.h), and before
 * "u{" a pair of backslashes is one backslash: nothing else is an escape.  '#' starts a comment
 * line only among headers.  Errors name the file and line.
 *
 * Two passes over the lines: the first reads headers, checks everything
 * and counts, keeping per section only where its text starts and ends;
 * the second, once the sink has begun, builds one paragraph at a time in
 * a reused buffer and sends it.  So parsing costs a few words a section
 * and the longest paragraph, however many paragraphs there are.
 */
#include "config.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "export.h"
#include "import-int.h"
#include "import-lines.h"
#include "lang.h"
#include "utf8.h"
#include "utf8-text.h"
#include "xmalloc.h"

struct art_section {
	size_t		 line;		/* of the "==" line, 1-based */
	int		 comment;	/* "== comment" */
	char		*lang;		/* language tag, or NULL */
	char		*title, *url, *author, *date;
	long		 id, parent;
	size_t		 body;		/* index of the first text line */
	size_t		 end;		/* index of the next section's line */
	size_t		 npara;
};

#define ART_NO_BODY	((size_t)-1)

struct art {
	const struct import_lines *il;
	char		*url, *date, *author, *original;
	enum import_policy policy;
	struct art_section *sec;
	size_t		 nsec, seccap;
	size_t		 ntrans, ncomments, nparas;
	struct import_index langs;	/* language sections by tag */
};

/* A paragraph being built from its lines in the second pass. */
struct art_para {
	char		*text;
	size_t		 len, cap;
	size_t		 next, end;	/* lines left: [next, end) */
	int		 comment;	/* lines joined by '\n' */
};

static int
art_is_section(const char *s, size_t len)
{
	return len >= 4 && memcmp(s, "== ", 3) == 0 && s[3] != ' ';
}

int
import_article_detect(const struct import_lines *il)
{
	const char	*s;
	size_t		 i, len;

	for (i = 0; i < il->n; i++) {
		s = import_lines_get(il, i, &len);
		if (art_is_section(s, len))
			return 1;
	}
	return 0;
}

/* A BCP 47 tag as tandem stores them: letters, digits and hyphens. */
static int
art_valid_tag(const char *t)
{
	size_t	i, run = 0;

	if (!isalpha((unsigned char)t[0]))
		return 0;
	for (i = 0; t[i] != '\0'; i++) {
		if (t[i] == '-') {
			if (run == 0)
				return 0;
			run = 0;
		} else if (isalnum((unsigned char)t[i]) && ++run <= 8)
			continue;
		else
			return 0;
	}
	return run > 0 && i <= 35;
}

/* Split "key: value"; returns 0 if the line is not a header. */
static int
art_header(const char *s, size_t len, char **key, char **value)
{
	const char	*colon, *v;
	size_t		 i, vl;

	if ((colon = memchr(s, ':', len)) == NULL || colon == s)
		return 0;
	for (i = 0; s + i < colon; i++)
		if (!isalnum((unsigned char)s[i]) && s[i] != '-' && s[i] != '_')
			return 0;
	v = utf8_text_trim(colon + 1, len - (size_t)(colon + 1 - s), &vl);
	*key = xstrndup(s, (size_t)(colon - s));
	for (i = 0; (*key)[i] != '\0'; i++)
		(*key)[i] = (char)tolower((unsigned char)(*key)[i]);
	*value = xstrndup(v, vl);
	return 1;
}

/*
 * Is the character at p (n bytes left) one that joins without a space?
 * n guards an empty paragraph, whose "last character" is no character.
 */
static int
art_cjk(const char *p, size_t n)
{
	const unsigned char *u = (const unsigned char *)p;
	unsigned int	     c;

	if (n < 3 || u[0] < 0xe3 || u[0] > 0xef)
		return 0;
	c = ((u[0] & 0x0fu) << 12) | ((u[1] & 0x3fu) << 6) | (u[2] & 0x3fu);
	return (c >= 0x3000 && c <= 0x30ff) || (c >= 0x3400 && c <= 0x9fff) ||
	    (c >= 0xf900 && c <= 0xfaff) || (c >= 0xff00 && c <= 0xffef);
}

static int
art_hexdigit(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* Bytes of the last character of s[0..len), 0 if len is 0. */
static size_t
art_last_char(const char *s, size_t len)
{
	size_t	i = len;

	while (i > 1 && ((unsigned char)s[i - 1] & 0xc0) == 0x80)
		i--;
	return i > 0 ? len - (i - 1) : 0;
}

/*
 * Add a text line to the paragraph; after its first line, with a space
 * (none between CJK characters; a newline in comments).
 */
static void
art_para_add(struct art_para *ap, int first, const char *s, size_t len)
{
	size_t	n;
	int	sep = 0;

	if (!first && ap->comment)
		sep = '\n';
	else if (!first) {
		n = art_last_char(ap->text, ap->len);
		if (!(art_cjk(ap->text + ap->len - n, n) && art_cjk(s, len)))
			sep = ' ';
	}
	if (ap->len + len + 2 > ap->cap) {	/* doubling */
		ap->cap = ap->cap * 2 > ap->len + len + 2 ? ap->cap * 2 :
		    ap->len + len + 2;
		ap->text = xrealloc(ap->text, ap->cap);
	}
	if (sep)
		ap->text[ap->len++] = (char)sep;
	memcpy(ap->text + ap->len, s, len);
	ap->len += len;
	ap->text[ap->len] = '\0';
}

/* The code point of "{HEX}" at s (n bytes), or UTF8_BAD; *used its length. */
static uint32_t
art_hex(const char *s, size_t n, size_t *used)
{
	uint32_t	uc = 0;
	size_t		i;
	int		d;

	if (n < 3 || s[0] != '{')
		return UTF8_BAD;
	for (i = 1; i < n && i <= 6 && s[i] != '}'; i++) {
		if ((d = art_hexdigit(s[i])) < 0)
			return UTF8_BAD;
		uc = uc * 16 + (uint32_t)d;
	}
	if (i == 1 || i >= n || s[i] != '}')
		return UTF8_BAD;
	*used = i + 1;
	return uc;
}

/*
 * Decode the escapes of one text line in place (decoding only shortens
 * it); returns its new length.  A run of backslashes before "u{" is half
 * as many literal ones, and an odd one out starts \u{XXXX} if XXXX is a
 * character export escapes (export_article_escapes()); else it is kept.
 */
static size_t
art_unescape(char *s, size_t len)
{
	uint32_t	uc;
	size_t		i = 0, o = 0, n, used;

	while (i < len) {
		if (s[i] != '\\') {
			s[o++] = s[i++];
			continue;
		}
		for (n = 0; i + n < len && s[i + n] == '\\'; n++)
			continue;
		if (len - i - n < 2 || s[i + n] != 'u' || s[i + n + 1] != '{') {
			memmove(s + o, s + i, n);	/* no escape */
			o += n;
			i += n;
			continue;
		}
		memset(s + o, '\\', n / 2);
		o += n / 2;
		i += n;
		if (n % 2 == 0)
			continue;
		uc = art_hex(s + i + 1, len - i - 1, &used);
		if (uc != UTF8_BAD && export_article_escapes(uc)) {
			o += utf8_encode(uc, s + o);
			i += 1 + used;
		} else
			s[o++] = '\\';
	}
	return o;
}

/*
 * The next paragraph of a body into ap->text: its lines up to a blank
 * one, trimmed, a leading backslash taken off.  0 when none is left.
 */
static int
art_para_next(const struct import_lines *il, struct art_para *ap)
{
	const char	*s;
	size_t		 len, n;
	int		 first = 1;

	ap->len = 0;
	for (; ap->next < ap->end; ap->next++) {
		s = import_lines_get(il, ap->next, &len);
		s = utf8_text_trim(s, len, &len);
		if (len == 0) {
			if (!first)
				break;
			continue;
		}
		if (s[0] == '\\') {
			s++;
			len--;
		}
		art_para_add(ap, first, s, len);
		n = ap->len - len;	/* where the line went */
		ap->len = n + art_unescape(ap->text + n, len);
		ap->text[ap->len] = '\0';
		first = 0;
	}
	return !first;
}

static int
art_set_policy(struct art *a, const char *v)
{
	if (strcmp(v, "open") == 0)
		a->policy = IMPORT_POLICY_OPEN;
	else if (strcmp(v, "login") == 0)
		a->policy = IMPORT_POLICY_LOGIN;
	else if (strcmp(v, "closed") == 0)
		a->policy = IMPORT_POLICY_CLOSED;
	else if (strcmp(v, "unknown") == 0)
		a->policy = IMPORT_POLICY_UNKNOWN;
	else
		return -1;
	return 0;
}

static int
art_number(const char *v, long *out)
{
	char	*end;
	long	 n;

	n = strtol(v, &end, 10);
	if (*v == '\0' || *end != '\0' || n < 0)
		return -1;
	*out = n;
	return 0;
}

/* Apply one header; on error sets *cause. Takes ownership of value. */
static int
art_apply(struct art *a, struct art_section *sec, size_t line,
    const char *key, char *value, char **cause)
{
	char	**slot = NULL;

	if (sec == NULL) {
		if (strcmp(key, "url") == 0) slot = &a->url;
		else if (strcmp(key, "date") == 0) slot = &a->date;
		else if (strcmp(key, "author") == 0) slot = &a->author;
		else if (strcmp(key, "original") == 0) slot = &a->original;
		else if (strcmp(key, "comments") == 0) {
			if (art_set_policy(a, value) != 0) {
				import_lines_error(cause, a->il, line,
				    "comments: want open, login, closed or "
				    "unknown, not '%s'", value);
				free(value);
				return -1;
			}
			free(value);
			return 0;
		}
	} else if (!sec->comment) {
		if (strcmp(key, "title") == 0) slot = &sec->title;
		else if (strcmp(key, "url") == 0) slot = &sec->url;
	} else {
		if (strcmp(key, "author") == 0) slot = &sec->author;
		else if (strcmp(key, "date") == 0) slot = &sec->date;
		else if (strcmp(key, "lang") == 0) slot = &sec->lang;
		else if (strcmp(key, "id") == 0 || strcmp(key, "parent") == 0) {
			int	bad = art_number(value, strcmp(key, "id") == 0 ?
			    &sec->id : &sec->parent);

			if (bad)
				import_lines_error(cause, a->il, line,
				    "%s: want a number, not '%s'", key, value);
			free(value);
			return bad ? -1 : 0;
		}
	}
	if (slot == NULL) {
		import_lines_error(cause, a->il, line, "unknown header '%s'%s",
		    key, sec == NULL ? " (article headers: url, date, author, "
		    "original, comments)" : !sec->comment ? " (section headers: "
		    "title, url)" : " (comment headers: id, parent, author, "
		    "date, lang)");
		free(value);
		return -1;
	}
	free(*slot);
	*slot = value;
	return 0;
}

struct art_same {
	struct art	*a;
	const char	*lang;
};

static int
art_same_lang(void *arg, size_t j)
{
	struct art_same	*as = arg;

	return strcasecmp(as->a->sec[j].lang, as->lang) == 0;
}

/*
 * Open a section from its "== NAME" line.  A language section is looked
 * up among the earlier ones by its tag, case folded; they all come
 * before any comment, or that is an error.
 */
static int
art_section(struct art *a, size_t line, const char *s, size_t len,
    char **cause)
{
	struct art_section	*sec;
	struct art_same		 as;
	const char		*name;
	char			*why = NULL, *msg;
	size_t			 nl, j;
	uint64_t		 h;
	int			 known = 0;

	name = utf8_text_trim(s + 3, len - 3, &nl);
	if (a->nsec > 0)
		a->sec[a->nsec - 1].end = line - 1;
	if (a->nsec == a->seccap) {
		a->seccap = a->seccap ? a->seccap * 2 : 8;
		a->sec = xreallocarray(a->sec, a->seccap, sizeof *a->sec);
	}
	sec = &a->sec[a->nsec++];
	memset(sec, 0, sizeof *sec);
	sec->line = line;
	sec->body = ART_NO_BODY;
	sec->end = a->il->n;
	if (nl == 7 && memcmp(name, "comment", 7) == 0) {
		if (++a->ncomments > IMPORT_MAX_COMMENTS) {
			import_lines_error(cause, a->il, line, "more than %d "
			    "comments", IMPORT_MAX_COMMENTS);
			return -1;
		}
		/* Comments come last, so they number on from the one before
		   (counting them all each time was quadratic). */
		sec->comment = 1;
		sec->id = a->nsec >= 2 && a->sec[a->nsec - 2].comment ?
		    a->sec[a->nsec - 2].id + 1 : 1;
		return 0;
	}
	sec->lang = xstrndup(name, nl);
	if (!art_valid_tag(sec->lang) || (known = lang_tag_check(sec->lang,
	    &why)) < 0) {
		free(why);
		import_lines_error(cause, a->il, line, "'%s' is not a language "
		    "tag (like en, ko, zh-Hant) or 'comment'", sec->lang);
		return -1;
	}
	if (known > 0 && a->il->io != NULL && a->il->io->warn != NULL) {
		/* A rare language may be right: said, and kept. */
		import_lines_error(&msg, a->il, line, "%s", why);
		a->il->io->warn(a->il->io->warn_arg, msg);
		free(msg);
	}
	free(why);
	as.a = a;
	as.lang = sec->lang;
	h = import_index_hash(sec->lang, nl, 1);
	if ((j = import_index_find(&a->langs, h, art_same_lang, &as)) !=
	    IMPORT_INDEX_NONE) {
		import_lines_error(cause, a->il, line, "a second '%s' "
		    "section (the first is at line %zu)", sec->lang,
		    a->sec[j].line);
		return -1;
	}
	if (a->ncomments > 0) {
		import_lines_error(cause, a->il, line, "language "
		    "section after a comment (comments come last)");
		return -1;
	}
	if (++a->ntrans > IMPORT_MAX_TRANSLATIONS) {
		import_lines_error(cause, a->il, line, "more than %d language "
		    "sections", IMPORT_MAX_TRANSLATIONS);
		return -1;
	}
	import_index_add(&a->langs, h, a->nsec - 1);
	return 0;
}

/* One more paragraph in sec, starting at line (1-based), within limits. */
static int
art_count(struct art *a, struct art_section *sec, size_t line, char **cause)
{
	sec->npara++;
	if (sec->comment)
		return 0;
	if (sec->npara > IMPORT_MAX_PARAGRAPHS) {
		import_lines_error(cause, a->il, line, "more than %d paragraphs "
		    "in section '%s'", IMPORT_MAX_PARAGRAPHS, sec->lang);
		return -1;
	}
	if (++a->nparas > IMPORT_MAX_ALL_PARAGRAPHS) {
		import_lines_error(cause, a->il, line, "more than %d paragraphs "
		    "in all sections", IMPORT_MAX_ALL_PARAGRAPHS);
		return -1;
	}
	return 0;
}

enum art_state { ART_HEAD, ART_SECHEAD, ART_BODY };

/* Read the lines into a struct art. */
static int
art_parse(struct art *a, char **cause)
{
	const struct import_lines *il = a->il;
	enum art_state	 st = ART_HEAD;
	struct art_section *sec = NULL;
	const char	*s;
	char		*key, *value;
	size_t		 i, len;
	int		 open = 0, rc;

	for (i = 0; i < il->n; i++) {
		s = import_lines_get(il, i, &len);
		if (art_is_section(s, len)) {
			if (art_section(a, i + 1, s, len, cause) != 0)
				return -1;
			sec = &a->sec[a->nsec - 1];
			st = ART_SECHEAD;
			open = 0;
			continue;
		}
		utf8_text_trim(s, len, &len);
		if (len == 0) {	/* blank */
			if (st == ART_SECHEAD)
				st = ART_BODY;
			open = 0;
			continue;
		}
		if (st != ART_BODY && s[0] == '#')
			continue;
		if (st != ART_BODY && art_header(s,
		    (import_lines_get(il, i, &len), len), &key, &value)) {
			rc = art_apply(a, sec, i + 1, key, value, cause);
			free(key);
			if (rc != 0)
				return -1;
			continue;
		}
		if (st == ART_HEAD) {
			import_lines_error(cause, il, i + 1, "text before the "
			    "first '== LANG' section");
			return -1;
		}
		st = ART_BODY;
		if (sec->body == ART_NO_BODY)
			sec->body = i;
		if (!open && art_count(a, sec, i + 1, cause) != 0)
			return -1;
		open = 1;
	}
	return 0;
}

/* The second pass: a section's paragraphs, one at a time. */
static int
art_emit_section(struct art *a, struct art_section *sec,
    struct art_para *ap, struct import_sink *sink, char **cause)
{
	struct import_translation t;
	char		*title = NULL;
	int		 rc, more;

	ap->next = sec->body;
	ap->end = sec->end;
	ap->comment = 0;
	more = art_para_next(a->il, ap);	/* there is one: art_check */
	memset(&t, 0, sizeof t);
	t.lang = sec->lang;
	t.lang_confidence = 1.0;
	t.url = sec->url;
	t.title = sec->title;
	if (t.title == NULL || *t.title == '\0') {
		t.title = title = import_lines_title(ap->text, ap->len);
		t.title_derived = 1;
	}
	rc = sink->translation(sink->arg, &t, cause);
	free(title);
	while (rc == 0 && more) {
		rc = sink->paragraph(sink->arg, ap->text, ap->len, cause);
		more = art_para_next(a->il, ap);
	}
	if (rc != 0)
		import_lines_sink_error(cause, a->il, sec->line);
	return rc;
}

/* A comment's body: its paragraphs joined by a blank line. */
static int
art_emit_comment(struct art *a, struct art_section *sec,
    struct art_para *ap, struct import_sink *sink, char **cause)
{
	struct import_comment c;
	char		*body = NULL;
	size_t		 n = 0, cap = 0, k = 0;
	int		 rc;

	ap->next = sec->body;
	ap->end = sec->end;
	ap->comment = 1;
	while (art_para_next(a->il, ap)) {
		if (n + ap->len + 3 > cap) {
			cap = cap * 2 > n + ap->len + 3 ? cap * 2 :
			    n + ap->len + 3;
			body = xrealloc(body, cap);
		}
		if (k++ > 0) {
			memcpy(body + n, "\n\n", 2);
			n += 2;
		}
		memcpy(body + n, ap->text, ap->len);
		n += ap->len;
	}
	body[n] = '\0';
	memset(&c, 0, sizeof c);
	c.id = sec->id;
	c.parent = sec->parent;
	c.author = sec->author;
	c.created = sec->date;
	c.lang = sec->lang;
	c.body = body;
	rc = sink->comment(sink->arg, &c, cause);
	free(body);
	if (rc != 0)
		import_lines_sink_error(cause, a->il, sec->line);
	return rc;
}

struct art_parent {
	struct art	*a;
	long		 id;
};

static int
art_same_id(void *arg, size_t j)
{
	struct art_parent	*ap = arg;

	return ap->a->sec[j].id == ap->id;
}

static uint64_t
art_id_hash(long id)
{
	uint64_t	h = (uint64_t)id * 0x9e3779b97f4a7c15ULL;

	return h ^ (h >> 29);
}

/*
 * Checks that need the whole file: every section has text, parents
 * exist (looked up among the earlier comments' ids by hash).
 */
static int
art_check(struct art *a, char **cause)
{
	struct art_section	*sec;
	struct import_index	 ids;
	struct art_parent	 ap;
	size_t			 i;
	int			 langs = 0, rc = -1;

	memset(&ids, 0, sizeof ids);
	ap.a = a;
	for (i = 0; i < a->nsec; i++) {
		sec = &a->sec[i];
		langs += !sec->comment;
		if (sec->npara == 0) {
			import_lines_error(cause, a->il, sec->line,
			    "section '%s' has no text",
			    sec->comment ? "comment" : sec->lang);
			goto out;
		}
		if (!sec->comment)
			continue;
		ap.id = sec->parent;
		if (sec->parent != 0 && import_index_find(&ids,
		    art_id_hash(sec->parent), art_same_id, &ap) ==
		    IMPORT_INDEX_NONE) {
			import_lines_error(cause, a->il, sec->line,
			    "parent %ld is not an earlier comment",
			    sec->parent);
			goto out;
		}
		import_index_add(&ids, art_id_hash(sec->id), i);
	}
	if (langs == 0) {
		import_lines_error(cause, a->il, 0, "no '== LANG' section");
		goto out;
	}
	rc = 0;
out:
	import_index_free(&ids);
	return rc;
}

static void
art_free(struct art *a)
{
	struct art_section	*sec;
	size_t			 i;

	for (i = 0; i < a->nsec; i++) {
		sec = &a->sec[i];
		free(sec->lang);
		free(sec->title);
		free(sec->url);
		free(sec->author);
		free(sec->date);
	}
	free(a->sec);
	free(a->url);
	free(a->date);
	free(a->author);
	free(a->original);
	import_index_free(&a->langs);
}

int
import_article(const struct import_lines *il, struct import_sink *sink,
    char **cause)
{
	struct art		 a;
	struct import_article	 ia;
	struct art_para		 ap;
	char			 key[IMPORT_KEY_LEN + 1];
	size_t			 i;
	int			 rc = -1;

	memset(&a, 0, sizeof a);
	memset(&ap, 0, sizeof ap);
	a.il = il;
	if (art_parse(&a, cause) != 0 || art_check(&a, cause) != 0)
		goto out;
	memset(&ia, 0, sizeof ia);
	if (a.url == NULL)		/* hashing 25 KB takes a while */
		import_lines_key(il, key);
	ia.source = il->source;
	ia.key = a.url != NULL ? a.url : key;
	ia.url = a.url;
	ia.date = a.date;
	ia.author = a.author;
	ia.original = a.original;
	ia.policy = a.policy;
	if (import_lines_begin(il, sink, &ia, cause) != 0)
		goto out;
	for (i = 0; i < a.nsec; i++) {
		if ((a.sec[i].comment ? art_emit_comment(&a, &a.sec[i], &ap,
		    sink, cause) : art_emit_section(&a, &a.sec[i], &ap, sink,
		    cause)) != 0)
			break;
	}
	rc = import_lines_finish(il, sink, i < a.nsec, cause);
out:
	free(ap.text);
	art_free(&a);
	return rc;
}
