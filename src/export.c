/*
 * export.c: articles out of the cache as JSON or tandem-article(5) text.
 * The JSON document is json-export.c's; this file writes the article
 * format.
 *
 * The article writer is the inverse of import-article.c: what it writes
 * imports back to the same translations, paragraphs and comments, and
 * exporting that again gives the same bytes.  Lines that the importer
 * would read as syntax ("== x", a leading backslash) get a backslash.
 * A header is one line: its controls go and its line separators become
 * spaces (utf8_sanitize_line()).  Body text is exact but escaped, so
 * the file is safe to print: a control, C1, bidi control or line
 * separator is written \u{XXXX}, and the backslashes right before "u{"
 * or such an escape are doubled, so a literal "\u{" is "\\u{".
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "export.h"
#include "json-export.h"
#include "utf8.h"
#include "xmalloc.h"

/*
 * Write "key: value" if there is a value; returns 1 if it wrote.  A
 * header is one line: its line separators become spaces.
 */
static int
export_header(FILE *f, const char *key, const char *value)
{
	char	*safe;
	size_t	 len;

	if (value == NULL || *value == '\0')
		return 0;
	safe = utf8_sanitize_line(value, strlen(value), &len, NULL);
	fprintf(f, "%s: %s\n", key, safe);
	free(safe);
	return 1;
}

/*
 * The characters body text writes as \u{XXXX}: every one a terminal
 * acts on or that reorders or breaks what is around it (C0 but LF and
 * TAB, DEL, C1, the bidi controls, U+2028 and U+2029).  None changes
 * under NFC, so the importer can put them back after normalising.
 */
int
export_article_escapes(uint32_t uc)
{
	return (uc < 0x20 && uc != '\n' && uc != '\t') ||
	    (uc >= 0x7f && uc <= 0x9f) || uc == 0x061c || uc == 0x200e ||
	    uc == 0x200f || (uc >= 0x2028 && uc <= 0x202e) ||
	    (uc >= 0x2066 && uc <= 0x2069);
}

/*
 * Does s[0..len) start with what the importer would read as part of an
 * escape after a backslash: "u{" or a character written \u{XXXX}?
 */
static int
export_escape_follows(const char *s, size_t len)
{
	uint32_t	uc;

	if (len == 0)
		return 0;
	if (len >= 2 && s[0] == 'u' && s[1] == '{')
		return 1;
	utf8_decode(s, len, &uc);
	return uc != UTF8_BAD && export_article_escapes(uc);
}

/*
 * One line of body text, escaped, into a new string; a backslash before
 * it if the importer would otherwise read its start as syntax.  The
 * backslashes right before "u{" or an escape are doubled, so their
 * number tells literal from escape.
 */
static char *
export_line(const char *s, size_t len)
{
	char		*out, *o;
	uint32_t	 uc;
	size_t		 i, k, m;

	o = out = xmalloc(len * 8 + 2);	/* one byte, \u{001B}: 8 */
	for (i = 0; i < len; i += k) {
		if (s[i] == '\\') {
			for (m = 0; i + m < len && s[i + m] == '\\'; m++)
				continue;
			k = m;
			if (export_escape_follows(s + i + m, len - i - m))
				m *= 2;
			memset(o, '\\', m);
			o += m;
			continue;
		}
		k = utf8_decode(s + i, len - i, &uc);
		if (uc != UTF8_BAD && export_article_escapes(uc)) {
			o += sprintf(o, "\\u{%04X}", (unsigned int)uc);
			continue;
		}
		memcpy(o, s + i, k);
		o += k;
	}
	*o = '\0';
	if (out[0] == '\\' || (o - out >= 3 && memcmp(out, "== ", 3) == 0)) {
		memmove(out + 1, out, (size_t)(o - out) + 1);
		out[0] = '\\';
	}
	return out;
}

/* Write text line by line, escaping lines the importer would misread. */
static void
export_text(FILE *f, const char *s)
{
	const char	*nl;
	char		*line;
	size_t		 len;

	for (;;) {
		nl = strchr(s, '\n');
		len = nl ? (size_t)(nl - s) : strlen(s);
		line = export_line(s, len);
		fputs(line, f);
		free(line);
		fputc('\n', f);
		if (nl == NULL)
			break;
		s = nl + 1;
	}
}

/* The 1-based position of comment id among the exported comments. */
static size_t
export_comment_number(const struct article_comment *c, size_t n,
    long long id)
{
	size_t	i;

	for (i = 0; i < n; i++)
		if (c[i].id == id)
			return i + 1;
	return 0;
}

int
export_article(FILE *f, const struct article *a,
    const struct article_comment *c, size_t nc)
{
	const struct article_translation *t;
	char	*lang;
	size_t	 i, k, n, parent;
	int	 wrote = 0;

	wrote |= export_header(f, "url", a->url);
	wrote |= export_header(f, "date", a->date);
	wrote |= export_header(f, "author", a->author);
	wrote |= export_header(f, "original", a->original);
	if (a->policy != ARTICLE_POLICY_UNKNOWN)
		wrote |= export_header(f, "comments",
		    article_policy_name(a->policy));
	for (i = 0; i < a->ntranslations; i++) {
		t = &a->translations[i];
		lang = utf8_sanitize_line(t->lang, strlen(t->lang), &n, NULL);
		fprintf(f, "%s== %s\n", wrote ? "\n" : "", lang);
		free(lang);
		wrote = 1;
		if (!t->title_derived)
			export_header(f, "title", t->title);
		export_header(f, "url", t->url);
		for (k = 0; k < t->nparagraphs; k++) {
			fputc('\n', f);
			export_text(f, t->paragraphs[k].text);
		}
	}
	for (i = 0; i < nc; i++) {
		fprintf(f, "\n== comment\n");
		export_header(f, "author", c[i].author);
		export_header(f, "date", c[i].created);
		export_header(f, "lang", c[i].lang);
		parent = c[i].parent ?
		    export_comment_number(c, nc, c[i].parent) : 0;
		if (parent != 0)
			fprintf(f, "parent: %zu\n", parent);
		fputc('\n', f);
		export_text(f, c[i].body);
	}
	return ferror(f) ? -1 : 0;
}

/* JSON is jansson's to write (json-export.c); the format is chosen here. */
int
export_json(FILE *f, const struct article *a,
    const struct article_comment *c, size_t nc,
    const struct export_alignment *al, size_t nal)
{
	return json_export_article(f, a, c, nc, al, nal);
}

void
export_json_alignments(FILE *f, const struct export_alignment *al,
    size_t nal)
{
	json_export_alignments(f, al, nal);
}
