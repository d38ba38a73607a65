/*
 * json-import.c: tandem's JSON export read back into an import sink.
 *
 * jansson parses the whole document (bounded in size by import.c and in
 * nesting by jansson itself, JSON_PARSER_MAX_DEPTH), then the tree is
 * walked once, in the sink's order: begin, each translation with its
 * paragraphs, the comments, end.  Every string is made NFC on its way
 * to the sink, as the other importers' lines are.  What the sink cannot
 * take is left out with a warning where it matters: the read flag, the
 * state of the reader's own comments (they come back as the source's)
 * and the alignments, which are computed again (manual corrections are
 * lost: warned).  Comment ids become 1, 2, ... in document order, the
 * parents following them.
 */
#include "config.h"

#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "import-lines.h"
#include "json-import.h"
#include "utf8.h"
#include "utf8-text.h"
#include "xmalloc.h"

struct json_import {
	const char			*name;
	const struct import_options	*io;
	struct import_sink		*sink;
	char				**cause;
	int				 begun;
};

/* Fail with "NAME: message"; returns -1. */
static int __attribute__((format(printf, 2, 3)))
json_import_fail(struct json_import *ji, const char *fmt, ...)
{
	va_list	 ap;
	char	*msg;

	va_start(ap, fmt);
	xvasprintf(&msg, fmt, ap);
	va_end(ap);
	xasprintf(ji->cause, "%s: %s", ji->name, msg);
	free(msg);
	return -1;
}

/* A sink's error, named: "NAME: what the sink said". */
static int
json_import_sink_fail(struct json_import *ji)
{
	char	*inner = *ji->cause;

	*ji->cause = NULL;
	json_import_fail(ji, "%s", inner != NULL ? inner : "storing failed");
	free(inner);
	return -1;
}

static void __attribute__((format(printf, 2, 3)))
json_import_warn(struct json_import *ji, const char *fmt, ...)
{
	va_list	 ap;
	char	*msg, *line;

	if (ji->io == NULL || ji->io->warn == NULL)
		return;
	va_start(ap, fmt);
	xvasprintf(&msg, fmt, ap);
	va_end(ap);
	xasprintf(&line, "%s: %s", ji->name, msg);
	ji->io->warn(ji->io->warn_arg, line);
	free(line);
	free(msg);
}

/* NFC copy of a JSON string (jansson has checked it is UTF-8). */
static char *
json_import_text(const json_t *j)
{
	size_t	len, bad;

	return utf8_text_clean(json_string_value(j), json_string_length(j),
	    &len, &bad);
}

/*
 * Member key of o as an optional string: *out is an NFC copy, or NULL
 * when the member is absent or null.  -1 for any other type, with
 * where naming the object in the message.
 */
static int
json_import_str(struct json_import *ji, const json_t *o, const char *where,
    const char *key, char **out)
{
	json_t	*j = json_object_get(o, key);

	*out = NULL;
	if (j == NULL || json_is_null(j))
		return 0;
	if (!json_is_string(j))
		return json_import_fail(ji, "%s'%s': want a string or null",
		    where, key);
	*out = json_import_text(j);
	return 0;
}

/* Member key of o as an optional boolean (absent: def). */
static int
json_import_bool(struct json_import *ji, const json_t *o, const char *where,
    const char *key, int def, int *out)
{
	json_t	*j = json_object_get(o, key);

	*out = def;
	if (j == NULL)
		return 0;
	if (!json_is_boolean(j))
		return json_import_fail(ji, "%s'%s': want true or false",
		    where, key);
	*out = json_is_true(j);
	return 0;
}

static int
json_import_policy(struct json_import *ji, const json_t *doc,
    enum import_policy *policy)
{
	static const char *const names[] = { "unknown", "open", "login",
	    "closed" };
	json_t	*j = json_object_get(doc, "comment_policy");
	size_t	 i;

	*policy = IMPORT_POLICY_UNKNOWN;
	if (j == NULL || json_is_null(j))
		return 0;
	for (i = 0; json_is_string(j) && i < 4; i++)
		if (strcmp(json_string_value(j), names[i]) == 0) {
			*policy = (enum import_policy)i;
			return 0;
		}
	return json_import_fail(ji, "'comment_policy': want unknown, open, "
	    "login or closed");
}

/*
 * The identity of an article without a URL: a hash of its paragraphs
 * (not of the document, whose id and source differ between caches).
 */
static void
json_import_key(const json_t *translations, char key[IMPORT_KEY_LEN + 1])
{
	const json_t	*t, *p;
	char		*buf;
	size_t		 i, k, n = 0, len;

	json_array_foreach(translations, i, t)
		json_array_foreach(json_object_get(t, "paragraphs"), k, p)
			n += json_string_length(p) + 1;
	buf = xmalloc(n + 1);
	n = 0;
	json_array_foreach(translations, i, t) {
		json_array_foreach(json_object_get(t, "paragraphs"), k, p) {
			len = json_string_length(p);
			memcpy(buf + n, json_string_value(p), len);
			n += len;
			buf[n++] = '\0';
		}
	}
	import_lines_key_text(buf, n, key);
	free(buf);
}

/* The shape the key and the sink need, checked before begin. */
static int
json_import_check(struct json_import *ji, const json_t *doc)
{
	const json_t	*tr, *t, *paras, *p, *lang;
	size_t		 i, k;

	if (!json_is_object(doc))
		return json_import_fail(ji, "not a tandem export: the "
		    "document is not an object");
	tr = json_object_get(doc, "translations");
	if (!json_is_array(tr))
		return json_import_fail(ji, "not a tandem export: no "
		    "'translations' array");
	if (json_array_size(tr) == 0)
		return json_import_fail(ji, "'translations' is empty");
	json_array_foreach(tr, i, t) {
		if (!json_is_object(t))
			return json_import_fail(ji, "translations[%zu]: want "
			    "an object", i);
		lang = json_object_get(t, "lang");
		if (!json_is_string(lang) || json_string_length(lang) == 0)
			return json_import_fail(ji, "translations[%zu]."
			    "'lang': want a language tag", i);
		paras = json_object_get(t, "paragraphs");
		if (!json_is_array(paras) || json_array_size(paras) == 0)
			return json_import_fail(ji, "translations[%zu]."
			    "'paragraphs': want an array of text", i);
		json_array_foreach(paras, k, p)
			if (!json_is_string(p))
				return json_import_fail(ji, "translations"
				    "[%zu].'paragraphs'[%zu]: want a string",
				    i, k);
	}
	return 0;
}

/* One translation and its paragraphs (checked by json_import_check). */
static int
json_import_translation(struct json_import *ji, const json_t *t, size_t i)
{
	struct import_translation	 it;
	const json_t			*paras, *p, *conf;
	char				 where[64];
	char				*lang, *title, *url, *text;
	size_t				 k, len, bad;
	int				 rc = -1;

	snprintf(where, sizeof where, "translations[%zu].", i);
	memset(&it, 0, sizeof it);
	paras = json_object_get(t, "paragraphs");
	lang = json_import_text(json_object_get(t, "lang"));
	title = url = NULL;
	if (json_import_str(ji, t, where, "title", &title) != 0 ||
	    json_import_str(ji, t, where, "url", &url) != 0 ||
	    json_import_bool(ji, t, where, "title_derived", 0,
	    &it.title_derived) != 0)
		goto out;
	it.lang_confidence = 1;
	if ((conf = json_object_get(t, "lang_confidence")) != NULL) {
		it.lang_confidence = json_number_value(conf);
		if (!json_is_number(conf) || !(it.lang_confidence >= 0 &&
		    it.lang_confidence <= 1)) {
			json_import_fail(ji, "%s'lang_confidence': want a "
			    "number from 0 to 1", where);
			goto out;
		}
	}
	if (title == NULL) {
		p = json_array_get(paras, 0);
		text = json_import_text(p);
		title = import_lines_title(text, strlen(text));
		free(text);
		it.title_derived = 1;
	}
	it.lang = lang;
	it.title = title;
	it.url = url;
	if (ji->sink->translation(ji->sink->arg, &it, ji->cause) != 0) {
		json_import_sink_fail(ji);
		goto out;
	}
	json_array_foreach(paras, k, p) {
		text = utf8_text_clean(json_string_value(p),
		    json_string_length(p), &len, &bad);
		rc = ji->sink->paragraph(ji->sink->arg, text, len, ji->cause);
		free(text);
		if (rc != 0) {
			json_import_sink_fail(ji);
			goto out;
		}
	}
	rc = 0;
out:
	free(lang);
	free(title);
	free(url);
	return rc;
}

/* A comment's id in the document and its place (1, 2, ...) there. */
struct json_import_id {
	json_int_t	id;
	long		seq;
};

static int
json_import_id_cmp(const void *a, const void *b)
{
	const struct json_import_id *x = a, *y = b;

	return (x->id > y->id) - (x->id < y->id);
}

/* The document's comment ids, sorted, each unique and positive. */
static struct json_import_id *
json_import_ids(struct json_import *ji, const json_t *arr)
{
	struct json_import_id	*ids;
	const json_t		*c, *id;
	size_t			 i, n = json_array_size(arr);

	ids = xcalloc(n + 1, sizeof *ids);
	json_array_foreach(arr, i, c) {
		id = json_object_get(c, "id");
		if (!json_is_object(c) || !json_is_integer(id) ||
		    json_integer_value(id) <= 0) {
			json_import_fail(ji, "comments[%zu].'id': want a "
			    "positive integer", i);
			free(ids);
			return NULL;
		}
		ids[i].id = json_integer_value(id);
		ids[i].seq = (long)i + 1;
	}
	qsort(ids, n, sizeof *ids, json_import_id_cmp);
	for (i = 1; i < n; i++)
		if (ids[i].id == ids[i - 1].id) {
			json_import_fail(ji, "comments: id %lld twice",
			    (long long)ids[i].id);
			free(ids);
			return NULL;
		}
	return ids;
}

static int
json_import_comment(struct json_import *ji, const json_t *c, size_t i,
    const struct json_import_id *ids, size_t n, int *others)
{
	struct import_comment	 ic;
	struct json_import_id	 want, *found;
	const json_t		*parent, *body, *state;
	char			 where[64], *author, *created, *lang, *text;
	int			 rc = -1;

	snprintf(where, sizeof where, "comments[%zu].", i);
	memset(&ic, 0, sizeof ic);
	ic.id = (long)i + 1;
	author = created = lang = text = NULL;
	parent = json_object_get(c, "parent");
	if (parent != NULL && !json_is_null(parent)) {
		want.id = json_integer_value(parent);
		found = json_is_integer(parent) ? bsearch(&want, ids, n,
		    sizeof *ids, json_import_id_cmp) : NULL;
		if (found == NULL || found->seq >= ic.id) {
			json_import_fail(ji, "%s'parent': want null or the id "
			    "of an earlier comment", where);
			return -1;
		}
		ic.parent = found->seq;
	}
	body = json_object_get(c, "body");
	if (!json_is_string(body))
		return json_import_fail(ji, "%s'body': want a string", where);
	state = json_object_get(c, "state");
	if (state != NULL && !json_is_null(state) && !json_is_string(state))
		return json_import_fail(ji, "%s'state': want a string", where);
	if (json_is_string(state) &&
	    strcmp(json_string_value(state), "source") != 0)
		(*others)++;
	if (json_import_str(ji, c, where, "author", &author) != 0 ||
	    json_import_str(ji, c, where, "created", &created) != 0 ||
	    json_import_str(ji, c, where, "lang", &lang) != 0)
		goto out;
	ic.author = author;
	ic.created = created;
	ic.lang = lang;
	ic.body = text = json_import_text(body);
	if ((rc = ji->sink->comment(ji->sink->arg, &ic, ji->cause)) != 0)
		json_import_sink_fail(ji);
out:
	free(author);
	free(created);
	free(lang);
	free(text);
	return rc;
}

static int
json_import_comments(struct json_import *ji, const json_t *doc)
{
	struct json_import_id	*ids;
	const json_t		*arr = json_object_get(doc, "comments"), *c;
	size_t			 i;
	int			 others = 0;

	if (arr == NULL || json_is_null(arr))
		return 0;
	if (!json_is_array(arr))
		return json_import_fail(ji, "'comments': want an array");
	if ((ids = json_import_ids(ji, arr)) == NULL)
		return -1;
	json_array_foreach(arr, i, c) {
		if (json_import_comment(ji, c, i, ids, json_array_size(arr),
		    &others) != 0) {
			free(ids);
			return -1;
		}
	}
	free(ids);
	if (others > 0)
		json_import_warn(ji, "%d comment%s written here imported as "
		    "the source's (drafts and posted replies are not kept "
		    "apart)", others, others == 1 ? "" : "s");
	return 0;
}

/* Alignments are computed again on import; say so if any was manual. */
static void
json_import_alignment(struct json_import *ji, const json_t *doc)
{
	const json_t	*al, *pairs, *p;
	size_t		 i, k;

	json_array_foreach(json_object_get(doc, "alignment"), i, al) {
		pairs = json_object_get(al, "pairs");
		json_array_foreach(pairs, k, p) {
			if (json_is_true(json_object_get(p, "manual"))) {
				json_import_warn(ji, "manual alignments are "
				    "not imported (the alignment is computed "
				    "again)");
				return;
			}
		}
	}
}

/* The article's own members and begin(). */
static int
json_import_begin(struct json_import *ji, const json_t *doc,
    const char *source)
{
	struct import_article	 ia;
	char			 key[IMPORT_KEY_LEN + 1];
	char			*src, *url, *date, *author, *original;
	int			 rc = -1;

	memset(&ia, 0, sizeof ia);
	src = url = date = author = original = NULL;
	if (json_import_str(ji, doc, "", "source", &src) != 0 ||
	    json_import_str(ji, doc, "", "url", &url) != 0 ||
	    json_import_str(ji, doc, "", "date", &date) != 0 ||
	    json_import_str(ji, doc, "", "author", &author) != 0 ||
	    json_import_str(ji, doc, "", "original", &original) != 0 ||
	    json_import_policy(ji, doc, &ia.policy) != 0)
		goto out;
	if (url == NULL)
		json_import_key(json_object_get(doc, "translations"), key);
	/* The article's source is where it came from, not this copy. */
	ia.source = src != NULL && *src != '\0' ? src : source;
	ia.key = url != NULL ? url : key;
	ia.url = url;
	ia.date = date;
	ia.author = author;
	ia.original = original;
	if (ji->sink->begin(ji->sink->arg, &ia, ji->cause) != 0)
		json_import_sink_fail(ji);
	else {
		ji->begun = 1;
		rc = 0;
	}
out:
	free(src);
	free(url);
	free(date);
	free(author);
	free(original);
	return rc;
}

static int
json_import_doc(struct json_import *ji, const json_t *doc,
    const char *source)
{
	const json_t	*t;
	size_t		 i;

	if (json_import_check(ji, doc) != 0 ||
	    json_import_begin(ji, doc, source) != 0)
		return -1;
	json_array_foreach(json_object_get(doc, "translations"), i, t)
		if (json_import_translation(ji, t, i) != 0)
			return -1;
	if (json_import_comments(ji, doc) != 0)
		return -1;
	json_import_alignment(ji, doc);
	if (ji->sink->end(ji->sink->arg, 1, ji->cause) != 0) {
		ji->begun = 0;		/* end was called */
		return json_import_sink_fail(ji);
	}
	return 0;
}

/*
 * jansson's error text quotes the input near the error, raw: made valid
 * UTF-8 on one line, for a message (allocated).
 */
char *
json_error_clean(const char *text)
{
	char	*t;
	size_t	 len, k;

	t = utf8_sanitize(text, strlen(text), &len, NULL);
	for (k = 0; k < len; k++)
		if (t[k] == '\n')
			t[k] = ' ';
	return t;
}

int
json_import(const char *name, const char *source, const char *buf,
    size_t len, const struct import_options *io, struct import_sink *sink,
    char **cause)
{
	struct json_import	 ji;
	json_error_t		 err;
	json_t			*doc;
	char			*ignored = NULL, *text;
	int			 rc;

	json_set_alloc_funcs(xmalloc, free);
	doc = json_loadb(buf, len, JSON_REJECT_DUPLICATES, &err);
	if (doc == NULL) {
		text = json_error_clean(err.text);
		if (err.line > 0)
			xasprintf(cause, "%s:%d:%d: %s", name, err.line,
			    err.column, text);
		else
			xasprintf(cause, "%s: %s", name, text);
		free(text);
		return -1;
	}
	memset(&ji, 0, sizeof ji);
	ji.name = name;
	ji.io = io;
	ji.sink = sink;
	ji.cause = cause;
	rc = json_import_doc(&ji, doc, source);
	if (rc != 0 && ji.begun) {
		sink->end(sink->arg, 0, &ignored);
		free(ignored);
	}
	json_decref(doc);
	return rc;
}
