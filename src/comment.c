/*
 * comment.c: identity, policy and threading of comments (see comment.h).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cache.h"
#include "comment.h"
#include "utf8.h"
#include "xmalloc.h"

int
comment_identity_get(struct cache *c, struct comment_identity *id,
    char **cause)
{
	memset(id, 0, sizeof *id);
	if (cache_setting_get(c, 0, "identity.name", &id->name, cause) != 0 ||
	    cache_setting_get(c, 0, "identity.email", &id->email, cause) != 0) {
		comment_identity_free(id);
		return -1;
	}
	return 0;
}

int
comment_identity_set(struct cache *c, const char *name, const char *email,
    char **cause)
{
	if (name == NULL || *name == '\0') {
		*cause = xstrdup("a display name is needed");
		return -1;
	}
	if (cache_setting_set(c, 0, "identity.name", name, cause) != 0 ||
	    cache_setting_set(c, 0, "identity.email", email != NULL &&
	    *email != '\0' ? email : NULL, cause) != 0)
		return -1;
	return 0;
}

int
comment_identity_clear(struct cache *c, char **cause)
{
	if (cache_setting_set(c, 0, "identity.name", NULL, cause) != 0 ||
	    cache_setting_set(c, 0, "identity.email", NULL, cause) != 0)
		return -1;
	return 0;
}

void
comment_identity_free(struct comment_identity *id)
{
	FREE(&id->name);
	FREE(&id->email);
}

const char *
comment_refusal(enum article_policy p, const struct comment_identity *id)
{
	if (p == ARTICLE_POLICY_CLOSED)
		return COMMENT_CLOSED;
	if (p == ARTICLE_POLICY_LOGIN && (id == NULL || id->name == NULL))
		return COMMENT_LOGIN;
	return NULL;
}

/*
 * The $EDITOR's file as comment text.  A NUL would end the C string the
 * cache stores, silently dropping what follows it, so each one becomes
 * U+FFFD and is counted for the caller to say so.
 */
char *
comment_text_from_file(const char *raw, size_t n, size_t *len, size_t *nul)
{
	char	*valid, *out;
	size_t	 vlen, i, o = 0;

	*nul = 0;
	valid = utf8_valid_or_replace(raw, n, &vlen, NULL);
	for (i = 0; i < vlen; i++)
		*nul += valid[i] == '\0';
	if (*nul == 0) {
		*len = vlen;
		return valid;
	}
	out = xmalloc(vlen + 2 * *nul + 1);
	for (i = 0; i < vlen; i++) {
		if (valid[i] != '\0')
			out[o++] = valid[i];
		else {
			memcpy(out + o, "\xef\xbf\xbd", 3);
			o += 3;
		}
	}
	out[o] = '\0';
	free(valid);
	*len = o;
	return out;
}

void
comment_now(char *buf, size_t len)
{
	time_t		t = time(NULL);
	struct tm	tm;

	gmtime_r(&t, &tm);
	strftime(buf, len, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

void
comment_time(const char *iso, time_t now, char *buf, size_t len)
{
	struct tm	tm;
	char		*end;
	time_t		t;
	long long	ago;

	memset(&tm, 0, sizeof tm);
	if (iso == NULL || (end = strptime(iso, "%Y-%m-%dT%H:%M:%S", &tm)) ==
	    NULL || strcmp(end, "Z") != 0 || (t = timegm(&tm)) == (time_t)-1) {
		snprintf(buf, len, "%s", iso ? iso : "");
		return;
	}
	ago = (long long)now - (long long)t;
	if (ago >= 0 && ago < 60)
		snprintf(buf, len, "just now");
	else if (ago >= 0 && ago < 3600)
		snprintf(buf, len, "%lld min ago", ago / 60);
	else if (ago >= 0 && ago < 86400)
		snprintf(buf, len, "%lld h ago", ago / 3600);
	else {
		localtime_r(&t, &tm);
		strftime(buf, len, "%Y-%m-%d %H:%M", &tm);
	}
}

int
comment_is_local(const struct article_comment *c)
{
	return c->state == ARTICLE_COMMENT_DRAFT ||
	    c->state == ARTICLE_COMMENT_POSTED;
}

/* Index of the comment with this id, or n. */
static size_t
comment_find(const struct article_comment *c, size_t n, long long id)
{
	size_t	i;

	for (i = 0; i < n; i++)
		if (c[i].id == id)
			return i;
	return n;
}

/* Append i's subtree to order, iteratively (threads may be very deep). */
static void
comment_walk(const struct article_comment *c, size_t n, size_t root,
    size_t *order, int *depth, size_t *k, char *done, size_t *stack,
    int *sdepth)
{
	size_t	top = 0, i, j;
	int	d;

	stack[top] = root;
	sdepth[top++] = 0;
	done[root] = 1;
	while (top > 0) {
		top--;
		i = stack[top];
		d = sdepth[top];
		order[*k] = i;
		depth[(*k)++] = d;
		/* Push replies newest first, so the oldest comes out first. */
		for (j = n; j-- > 0;) {
			if (done[j] || c[j].parent != c[i].id)
				continue;
			stack[top] = j;
			sdepth[top++] = d + 1;
			done[j] = 1;
		}
	}
}

void
comment_thread(const struct article_comment *c, size_t n, size_t *order,
    int *depth)
{
	size_t	 i, k = 0, *stack;
	int	*sdepth;
	char	*done;

	done = xcalloc(n + 1, 1);
	stack = xcalloc(n + 1, sizeof *stack);
	sdepth = xcalloc(n + 1, sizeof *sdepth);
	for (i = 0; i < n; i++)
		if (!done[i] && (c[i].parent == 0 ||
		    comment_find(c, n, c[i].parent) == n))
			comment_walk(c, n, i, order, depth, &k, done, stack,
			    sdepth);
	/* Cycles cannot come from the cache, but never lose a comment. */
	for (i = 0; i < n; i++)
		if (!done[i])
			comment_walk(c, n, i, order, depth, &k, done, stack,
			    sdepth);
	free(done);
	free(stack);
	free(sdepth);
}
