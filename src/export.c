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
 * spaces (utf8_sanitize_line()).  Body text is exact, controls included:
 * the format has no escape for them yet (JSON escapes them).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "export.h"
#include "json-export.h"
#include "utf8.h"

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

/* Write text line by line, escaping lines the importer would misread. */
static void
export_text(FILE *f, const char *s)
{
	const char	*nl;
	size_t		 len;

	for (;;) {
		nl = strchr(s, '\n');
		len = nl ? (size_t)(nl - s) : strlen(s);
		if (s[0] == '\\' || (len >= 3 && memcmp(s, "== ", 3) == 0))
			fputc('\\', f);
		fwrite(s, 1, len, f);
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
