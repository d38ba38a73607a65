/*
 * export.c: articles out of the cache as JSON or tandem-article(5) text.
 *
 * The article writer is the inverse of import-article.c: what it writes
 * imports back to the same translations, paragraphs and comments, and
 * exporting that again gives the same bytes.  Lines that the importer
 * would read as syntax ("== x", a leading backslash) get a backslash.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "export.h"

/* Write "key: value" if there is a value; returns 1 if it wrote. */
static int
export_header(FILE *f, const char *key, const char *value)
{
	if (value == NULL || *value == '\0')
		return 0;
	fprintf(f, "%s: %s\n", key, value);
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
	size_t	 i, k, parent;
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
		fprintf(f, "%s== %s\n", wrote ? "\n" : "", t->lang);
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

void
export_json_string(FILE *f, const char *s)
{
	const unsigned char	*p = (const unsigned char *)s;

	fputc('"', f);
	for (; *p != '\0'; p++) {
		switch (*p) {
		case '"':  fputs("\\\"", f); continue;
		case '\\': fputs("\\\\", f); continue;
		case '\n': fputs("\\n", f); continue;
		case '\t': fputs("\\t", f); continue;
		case '\r': fputs("\\r", f); continue;
		}
		if (*p < 0x20 || *p == 0x7f)
			fprintf(f, "\\u%04x", *p);
		else if (p[0] == 0xc2 && p[1] >= 0x80 && p[1] <= 0x9f) {
			fprintf(f, "\\u%04x", p[1]);	/* C1 control */
			p++;
		} else if (p[0] == 0xe2 && p[1] == 0x80 &&
		    (p[2] == 0xa8 || p[2] == 0xa9)) {
			fprintf(f, "\\u%04x", 0x2000 + (p[2] - 0x80));
			p += 2;
		} else
			fputc(*p, f);
	}
	fputc('"', f);
}

static void
export_json_field(FILE *f, const char *indent, const char *key,
    const char *value, int comma)
{
	fprintf(f, "%s\"%s\": ", indent, key);
	if (value == NULL)
		fputs("null", f);
	else
		export_json_string(f, value);
	fputs(comma ? ",\n" : "\n", f);
}

static void
export_json_translation(FILE *f, const struct article_translation *t,
    int comma)
{
	size_t	k;

	fputs("    {\n", f);
	export_json_field(f, "      ", "lang", t->lang, 1);
	export_json_field(f, "      ", "title", t->title, 1);
	fprintf(f, "      \"title_derived\": %s,\n",
	    t->title_derived ? "true" : "false");
	fprintf(f, "      \"lang_confidence\": %.3f,\n", t->lang_confidence);
	export_json_field(f, "      ", "url", t->url, 1);
	fputs("      \"paragraphs\": [", f);
	for (k = 0; k < t->nparagraphs; k++) {
		fputs(k ? ",\n        " : "\n        ", f);
		export_json_string(f, t->paragraphs[k].text);
	}
	fputs(t->nparagraphs ? "\n      ]\n" : "]\n", f);
	fputs(comma ? "    },\n" : "    }\n", f);
}

void
export_json_alignments(FILE *f, const struct export_alignment *al,
    size_t nal)
{
	const struct article_pair *p;
	size_t	i, k;

	fputs("  \"alignment\": [", f);
	for (i = 0; i < nal; i++) {
		fputs(i ? ",\n    {\n" : "\n    {\n", f);
		export_json_field(f, "      ", "a", al[i].a, 1);
		export_json_field(f, "      ", "b", al[i].b, 1);
		fputs("      \"pairs\": [", f);
		for (k = 0; k < al[i].npairs; k++) {
			p = &al[i].pairs[k];
			fprintf(f, "%s{\"a\": [%d, %d], \"b\": [%d, %d], "
			    "\"confidence\": %.3f, \"manual\": %s}",
			    k ? ",\n        " : "\n        ", p->a_first,
			    p->a_count, p->b_first, p->b_count, p->confidence,
			    p->manual ? "true" : "false");
		}
		fputs(al[i].npairs ? "\n      ]\n    }" : "]\n    }", f);
	}
	fputs(nal ? "\n  ]" : "]", f);
}

static void
export_json_comments(FILE *f, const struct article_comment *c, size_t nc)
{
	static const char *states[] = { "source", "draft", "posted" };
	size_t	i;

	fputs("  \"comments\": [", f);
	for (i = 0; i < nc; i++) {
		fprintf(f, "%s    {\n      \"id\": %lld,\n      \"parent\": ",
		    i ? ",\n" : "\n", c[i].id);
		if (c[i].parent)
			fprintf(f, "%lld,\n", c[i].parent);
		else
			fputs("null,\n", f);
		export_json_field(f, "      ", "author", c[i].author, 1);
		export_json_field(f, "      ", "created", c[i].created, 1);
		export_json_field(f, "      ", "lang", c[i].lang, 1);
		export_json_field(f, "      ", "state", states[c[i].state], 1);
		export_json_field(f, "      ", "body", c[i].body, 0);
		fputs("    }", f);
	}
	fputs(nc ? "\n  ]\n" : "]\n", f);
}

int
export_json(FILE *f, const struct article *a,
    const struct article_comment *c, size_t nc,
    const struct export_alignment *al, size_t nal)
{
	size_t	i;

	fprintf(f, "{\n  \"id\": %lld,\n", a->id);
	export_json_field(f, "  ", "source", a->source, 1);
	export_json_field(f, "  ", "url", a->url, 1);
	export_json_field(f, "  ", "date", a->date, 1);
	export_json_field(f, "  ", "author", a->author, 1);
	export_json_field(f, "  ", "original", a->original, 1);
	export_json_field(f, "  ", "comment_policy",
	    article_policy_name(a->policy), 1);
	fprintf(f, "  \"read\": %s,\n", a->read ? "true" : "false");
	fputs("  \"translations\": [\n", f);
	for (i = 0; i < a->ntranslations; i++)
		export_json_translation(f, &a->translations[i],
		    i + 1 < a->ntranslations);
	fputs("  ],\n", f);
	export_json_alignments(f, al, nal);
	fputs(",\n", f);
	export_json_comments(f, c, nc);
	fputs("}\n", f);
	return ferror(f) ? -1 : 0;
}
