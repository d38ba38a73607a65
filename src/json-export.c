/*
 * json-export.c: the export document, built as a jansson tree and
 * dumped by jansson.
 *
 * jansson writes the syntax and escapes what JSON requires (", \ and
 * C0 controls); it leaves DEL, C1 controls and U+2028/U+2029 as they
 * are, which are valid JSON but not safe on a terminal, so the dumped
 * text passes through json_export_write(), which escapes those too.
 * That is sound because jansson writes non-ASCII bytes and DEL only
 * inside strings, where "\u0085" and a raw U+0085 mean the same.
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "json-export.h"
#include "utf8.h"
#include "xmalloc.h"

/* Two-space indent, members in the order built, 3 significant digits
   for confidences (what an aligner's score is worth). */
#define JSON_EXPORT_FLAGS \
	(JSON_INDENT(2) | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(3))

/* jansson allocates through xmalloc, so a NULL from it never means
   out of memory. */
static void
json_export_init(void)
{
	json_set_alloc_funcs(xmalloc, free);
}

/* A string, or null; text that is not UTF-8 (never from the cache) is
   made valid rather than dropped. */
static json_t *
json_export_str(const char *s)
{
	json_t	*j;
	char	*valid;
	size_t	 len, bad;

	if (s == NULL)
		return json_null();
	if ((j = json_string(s)) != NULL)
		return j;
	valid = utf8_valid_or_replace(s, strlen(s), &len, &bad);
	j = json_stringn(valid, len);
	free(valid);
	return j != NULL ? j : json_string("");
}

static json_t *
json_export_real(double d)
{
	return json_real(isfinite(d) ? d : 0);
}

static json_t *
json_export_translation(const struct article_translation *t)
{
	json_t	*o = json_object(), *p = json_array();
	size_t	 k;

	json_object_set_new(o, "lang", json_export_str(t->lang));
	json_object_set_new(o, "title", json_export_str(t->title));
	json_object_set_new(o, "title_derived", json_boolean(t->title_derived));
	json_object_set_new(o, "lang_confidence",
	    json_export_real(t->lang_confidence));
	json_object_set_new(o, "url", json_export_str(t->url));
	for (k = 0; k < t->nparagraphs; k++)
		json_array_append_new(p,
		    json_export_str(t->paragraphs[k].text));
	json_object_set_new(o, "paragraphs", p);
	return o;
}

static json_t *
json_export_pair(const struct article_pair *p)
{
	json_t	*o = json_object();

	json_object_set_new(o, "a", json_pack("[ii]", p->a_first, p->a_count));
	json_object_set_new(o, "b", json_pack("[ii]", p->b_first, p->b_count));
	json_object_set_new(o, "confidence", json_export_real(p->confidence));
	json_object_set_new(o, "manual", json_boolean(p->manual));
	return o;
}

static json_t *
json_export_alignment_array(const struct export_alignment *al, size_t nal)
{
	json_t	*arr = json_array(), *o, *pairs;
	size_t	 i, k;

	for (i = 0; i < nal; i++) {
		o = json_object();
		json_object_set_new(o, "a", json_export_str(al[i].a));
		json_object_set_new(o, "b", json_export_str(al[i].b));
		pairs = json_array();
		for (k = 0; k < al[i].npairs; k++)
			json_array_append_new(pairs,
			    json_export_pair(&al[i].pairs[k]));
		json_object_set_new(o, "pairs", pairs);
		json_array_append_new(arr, o);
	}
	return arr;
}

static json_t *
json_export_comments(const struct article_comment *c, size_t nc)
{
	static const char *const states[] = { "source", "draft", "posted" };
	json_t	*arr = json_array(), *o;
	size_t	 i, st;

	for (i = 0; i < nc; i++) {
		o = json_object();
		json_object_set_new(o, "id", json_integer(c[i].id));
		json_object_set_new(o, "parent", c[i].parent ?
		    json_integer(c[i].parent) : json_null());
		json_object_set_new(o, "author", json_export_str(c[i].author));
		json_object_set_new(o, "created",
		    json_export_str(c[i].created));
		json_object_set_new(o, "lang", json_export_str(c[i].lang));
		st = (size_t)c[i].state;
		json_object_set_new(o, "state", json_string(
		    st < sizeof states / sizeof states[0] ? states[st] :
		    "source"));
		json_object_set_new(o, "body", json_export_str(c[i].body));
		json_array_append_new(arr, o);
	}
	return arr;
}

/*
 * Dump doc and write it, escaping DEL, C1 and U+2028/U+2029; skip
 * bytes of the dump at the start and cut at the end (for an embedded
 * dump's newlines).
 */
static int
json_export_write(FILE *f, const json_t *doc, size_t flags, size_t skip,
    size_t cut)
{
	const unsigned char	*p, *end;
	char			*s;
	size_t			 len;

	if ((s = json_dumps(doc, flags)) == NULL)
		return -1;
	len = strlen(s);
	if (skip + cut > len)
		skip = cut = 0;
	p = (const unsigned char *)s + skip;
	for (end = (const unsigned char *)s + len - cut; p < end; p++) {
		if (*p == 0x7f)
			fputs("\\u007F", f);
		else if (p[0] == 0xc2 && p + 1 < end && p[1] >= 0x80 &&
		    p[1] <= 0x9f) {
			fprintf(f, "\\u00%02X", p[1]);	/* C1 control */
			p++;
		} else if (p[0] == 0xe2 && p + 2 < end && p[1] == 0x80 &&
		    (p[2] == 0xa8 || p[2] == 0xa9)) {
			fprintf(f, "\\u%04X", 0x2000 + (p[2] - 0x80));
			p += 2;
		} else
			fputc(*p, f);
	}
	free(s);
	return ferror(f) ? -1 : 0;
}

int
json_export_article(FILE *f, const struct article *a,
    const struct article_comment *c, size_t nc,
    const struct export_alignment *al, size_t nal)
{
	json_t	*doc, *tr;
	size_t	 i;
	int	 rc;

	json_export_init();
	doc = json_object();
	json_object_set_new(doc, "id", json_integer(a->id));
	json_object_set_new(doc, "source", json_export_str(a->source));
	json_object_set_new(doc, "url", json_export_str(a->url));
	json_object_set_new(doc, "date", json_export_str(a->date));
	json_object_set_new(doc, "author", json_export_str(a->author));
	json_object_set_new(doc, "original", json_export_str(a->original));
	json_object_set_new(doc, "comment_policy",
	    json_string(article_policy_name(a->policy)));
	json_object_set_new(doc, "read", json_boolean(a->read));
	tr = json_array();
	for (i = 0; i < a->ntranslations; i++)
		json_array_append_new(tr,
		    json_export_translation(&a->translations[i]));
	json_object_set_new(doc, "translations", tr);
	json_object_set_new(doc, "alignment",
	    json_export_alignment_array(al, nal));
	json_object_set_new(doc, "comments", json_export_comments(c, nc));
	rc = json_export_write(f, doc, JSON_EXPORT_FLAGS, 0, 0);
	if (rc == 0)
		fputc('\n', f);
	json_decref(doc);
	return rc == 0 && !ferror(f) ? 0 : -1;
}

int
json_export_alignments(FILE *f, const struct export_alignment *al,
    size_t nal)
{
	json_t	*doc;
	int	 rc;

	json_export_init();
	doc = json_object();
	json_object_set_new(doc, "alignment",
	    json_export_alignment_array(al, nal));
	/* Embedded, the dump is "\n  \"alignment\": [...]\n". */
	rc = json_export_write(f, doc, JSON_EXPORT_FLAGS | JSON_EMBED, 1, 1);
	json_decref(doc);
	return rc;
}
