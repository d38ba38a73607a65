/*
 * json-wp.c: the WordPress REST API's JSON (see json-wp.h), by jansson.
 *
 * Lenient where the API varies between versions (a missing field is
 * NULL, an id that is not a number is 0), strict where it matters: a
 * comment without an id is dropped, as it could not be kept apart from
 * the others.  jansson refuses invalid UTF-8 and duplicate keys are
 * refused too; a string with a NUL in it is cut there.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "json-import.h"
#include "json-wp.h"
#include "xmalloc.h"

static char *
json_wp_str(json_t *o, const char *key)
{
	json_t	*v = json_object_get(o, key);

	if (!json_is_string(v))
		return NULL;
	return xstrdup(json_string_value(v));
}

static long long
json_wp_int(json_t *o, const char *key)
{
	json_t	*v = json_object_get(o, key);

	return json_is_integer(v) ? (long long)json_integer_value(v) : 0;
}

/* content.rendered or content.raw. */
static char *
json_wp_content(json_t *o, const char *which)
{
	json_t	*c = json_object_get(o, "content");

	if (json_is_string(c))
		return strcmp(which, "rendered") == 0 ?
		    xstrdup(json_string_value(c)) : NULL;
	return json_wp_str(c, which);
}

static int
json_wp_fill(json_t *o, struct json_wp_comment *m)
{
	char	*gmt;

	memset(m, 0, sizeof *m);
	if (!json_is_object(o) || (m->id = json_wp_int(o, "id")) <= 0)
		return -1;
	m->parent = json_wp_int(o, "parent");
	m->post = json_wp_int(o, "post");
	m->author = json_wp_str(o, "author_name");
	/* date_gmt has no zone; it is UTC, as the other dates here. */
	if ((gmt = json_wp_str(o, "date_gmt")) != NULL && *gmt != '\0' &&
	    strlen(gmt) < 40) {
		xasprintf(&m->date, "%sZ", gmt);
		free(gmt);
	} else {
		free(gmt);
		m->date = json_wp_str(o, "date");
	}
	m->link = json_wp_str(o, "link");
	m->html = json_wp_content(o, "rendered");
	m->raw = json_wp_content(o, "raw");
	if (m->html == NULL)
		m->html = xstrdup("");
	return 0;
}

static json_t *
json_wp_load(const char *s, size_t len, char **cause)
{
	json_error_t	 err;
	json_t		*doc;
	char		*why;

	doc = json_loadb(s, len, JSON_REJECT_DUPLICATES, &err);
	if (doc == NULL && cause != NULL) {
		why = json_error_clean(err.text);
		xasprintf(cause, "not JSON (line %d: %s)", err.line, why);
		free(why);
	}
	return doc;
}

int
json_wp_comments(const char *s, size_t len, struct json_wp_comment **vp,
    size_t *np, char **cause)
{
	json_t	*doc, *o;
	size_t	 i, n = 0;

	*vp = NULL;
	*np = 0;
	if ((doc = json_wp_load(s, len, cause)) == NULL)
		return -1;
	if (!json_is_array(doc)) {
		json_decref(doc);
		*cause = xstrdup("not a list of comments");
		return -1;
	}
	*vp = xcalloc(json_array_size(doc) + 1, sizeof **vp);
	json_array_foreach(doc, i, o) {
		if (json_wp_fill(o, &(*vp)[n]) == 0)
			n++;
		else
			json_wp_comment_free(&(*vp)[n]);
	}
	*np = n;
	json_decref(doc);
	return 0;
}

int
json_wp_comment(const char *s, size_t len, struct json_wp_comment *m,
    char **cause)
{
	json_t	*doc;
	int	 rc;

	memset(m, 0, sizeof *m);
	if ((doc = json_wp_load(s, len, cause)) == NULL)
		return -1;
	if ((rc = json_wp_fill(doc, m)) != 0) {
		json_wp_comment_free(m);
		*cause = xstrdup("not a comment");
	}
	json_decref(doc);
	return rc;
}

void
json_wp_comment_free(struct json_wp_comment *m)
{
	FREE(&m->author);
	FREE(&m->date);
	FREE(&m->link);
	FREE(&m->html);
	FREE(&m->raw);
}

void
json_wp_comments_free(struct json_wp_comment *v, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++)
		json_wp_comment_free(&v[i]);
	free(v);
}

int
json_wp_error(const char *s, size_t len, char **code, char **message)
{
	json_t	*doc;

	*code = *message = NULL;
	if ((doc = json_wp_load(s, len, NULL)) == NULL)
		return -1;
	if (json_is_object(doc)) {
		*code = json_wp_str(doc, "code");
		*message = json_wp_str(doc, "message");
	}
	json_decref(doc);
	if (*code == NULL) {
		FREE(message);
		return -1;
	}
	return 0;
}

long long
json_wp_first_id(const char *s, size_t len)
{
	json_t		*doc;
	long long	 id = 0;

	if ((doc = json_wp_load(s, len, NULL)) == NULL)
		return 0;
	if (json_is_array(doc) && json_array_size(doc) > 0)
		id = json_wp_int(json_array_get(doc, 0), "id");
	json_decref(doc);
	return id > 0 ? id : 0;
}

char *
json_wp_new_comment(long long post, long long parent, const char *text)
{
	json_t	*o;
	char	*s;

	o = json_object();
	json_object_set_new(o, "post", json_integer(post));
	if (parent > 0)
		json_object_set_new(o, "parent", json_integer(parent));
	json_object_set_new(o, "content", json_string(text));
	s = json_dumps(o, JSON_COMPACT);
	json_decref(o);
	return s;	/* NULL only when text is not UTF-8 */
}
