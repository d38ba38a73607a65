/*
 * json-search.c: the results of a library search as JSON, for scripts.
 *
 * The snippet comes from the cache with its matches between
 * CACHE_MARK_ON and CACHE_MARK_OFF; here the marks go and their places
 * become a "matches" array of byte offsets into the plain snippet.
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "json-search.h"
#include "utf8.h"
#include "xmalloc.h"

static json_t *
json_search_str(const char *s)
{
	json_t	*j;
	char	*valid;
	size_t	 len, bad;

	if (s == NULL)
		return json_null();
	valid = utf8_valid_or_replace(s, strlen(s), &len, &bad);
	j = json_stringn(valid, len);
	free(valid);
	return j != NULL ? j : json_string("");
}

/* The snippet without its marks into o, and where the marks were. */
static void
json_search_snippet(json_t *o, const char *snip)
{
	json_t	*m = json_array(), *pair = NULL;
	char	*plain;
	size_t	 i, n = 0;

	if (snip == NULL) {
		json_object_set_new(o, "snippet", json_null());
		json_object_set_new(o, "matches", m);
		return;
	}
	plain = xmalloc(strlen(snip) + 1);
	for (i = 0; snip[i] != '\0'; i++) {
		if (snip[i] == CACHE_MARK_ON[0]) {
			pair = json_array();
			json_array_append_new(pair, json_integer((json_int_t)n));
		} else if (snip[i] == CACHE_MARK_OFF[0] && pair != NULL) {
			json_array_append_new(pair, json_integer((json_int_t)n));
			json_array_append_new(m, pair);
			pair = NULL;
		} else
			plain[n++] = snip[i];
	}
	plain[n] = '\0';
	json_decref(pair);
	json_object_set_new(o, "snippet", json_search_str(plain));
	json_object_set_new(o, "matches", m);
	free(plain);
}

static json_t *
json_search_hit(const struct cache_search_hit *h)
{
	json_t	*o = json_object(), *langs = json_array();
	char	*copy, *w, *save;

	json_object_set_new(o, "id", json_integer(h->id));
	copy = xstrdup(h->langs != NULL ? h->langs : "");
	for (w = strtok_r(copy, " ", &save); w != NULL;
	    w = strtok_r(NULL, " ", &save))
		json_array_append_new(langs, json_search_str(w));
	free(copy);
	json_object_set_new(o, "langs", langs);
	json_object_set_new(o, "lang", json_search_str(h->lang));
	json_object_set_new(o, "title", json_search_str(h->title));
	json_object_set_new(o, "paragraph", h->paragraph >= 0 ?
	    json_integer(h->paragraph) : json_null());
	json_search_snippet(o, h->snippet);
	json_object_set_new(o, "score", json_real(isfinite(h->score) ?
	    h->score : 0));
	json_object_set_new(o, "date", json_search_str(h->date));
	json_object_set_new(o, "read", json_boolean(h->read));
	return o;
}

int
json_search_write(FILE *f, const struct cache_search_hit *h, size_t n)
{
	json_t	*doc;
	size_t	 i;
	int	 rc;

	json_set_alloc_funcs(xmalloc, free);
	doc = json_array();
	for (i = 0; i < n; i++)
		json_array_append_new(doc, json_search_hit(&h[i]));
	rc = json_dumpf(doc, f, JSON_INDENT(2) | JSON_PRESERVE_ORDER |
	    JSON_ENSURE_ASCII | JSON_REAL_PRECISION(4));
	json_decref(doc);
	fputc('\n', f);
	return rc == 0 && !ferror(f) ? 0 : -1;
}
