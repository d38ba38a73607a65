/*
 * cache-pack.c: a translation's paragraph lengths in one row.
 *
 * Opening an article (cache_article_open) needs every paragraph's length
 * but no text; read from the index paragraph_bytes that is one SQLite
 * step a paragraph, 20,000 for a long book.  paragraph_pack holds the
 * same lengths as one blob a translation, 4 bytes each, big endian
 * (SQLite caps a text at 2^31 - 1 bytes, so 4 always do), and is read in
 * one step.  The sink writes the packs of each article it stores; the
 * reader writes the packs an article lacks when it opened it from the
 * rows (a cache from before migration 10, or one changed by hand).
 * Triggers delete a translation's pack when any of its paragraphs is
 * added, removed or changed, whoever the writer, so a pack that is
 * there is the rows' lengths; the reader still checks its size.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "cache-int.h"
#include "xmalloc.h"

#define CACHE_PACK_WIDTH	4

/*
 * Translation t's lengths from its pack, texts left NULL; *found is 0
 * when there is no pack, or one that does not hold n lengths (written by
 * something else), and t is left as it was.
 */
int
cache_pack_load(struct cache *c, struct article_translation *t, int *found,
    char **cause)
{
	sqlite3_stmt		*s;
	const unsigned char	*p;
	long long		 n;
	size_t			 i;
	int			 rc, size;

	*found = 0;
	if ((s = cache_stmt(c, SQL_PACK_LOAD, cause)) == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, t->id);
	if ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		n = sqlite3_column_int64(s, 0);
		p = sqlite3_column_blob(s, 1);
		size = sqlite3_column_bytes(s, 1);
		if (n > 0 && p != NULL &&
		    (long long)size == n * CACHE_PACK_WIDTH) {
			t->paragraphs = xreallocarray(NULL, (size_t)n,
			    sizeof *t->paragraphs);
			for (i = 0; i < (size_t)n; i++, p += CACHE_PACK_WIDTH) {
				t->paragraphs[i].text = NULL;
				t->paragraphs[i].len = (size_t)p[0] << 24 |
				    (size_t)p[1] << 16 | (size_t)p[2] << 8 |
				    (size_t)p[3];
			}
			t->nparagraphs = (size_t)n;
			*found = 1;
		}
	}
	sqlite3_reset(s);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return cache_fail(c, cause, "reading paragraph lengths");
	return 0;
}

/*
 * Pack translation tid from its rows.  A translation whose positions
 * are not 0, 1, 2, ... (written by hand) or that has no paragraphs gets
 * no pack: the reader's rows path handles those.
 */
static int
cache_pack_one(struct cache *c, long long tid, char **cause)
{
	sqlite3_stmt	*s;
	unsigned char	*buf = NULL, *p;
	size_t		 n = 0, cap = 0;
	long long	 len;
	int		 rc, gaps = 0;

	if ((s = cache_stmt(c, SQL_PARAGRAPH_SIZES, cause)) == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, tid);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		len = sqlite3_column_int64(s, 1);
		if (sqlite3_column_int64(s, 0) != (long long)n ||
		    len < 0 || len > UINT32_MAX)
			gaps = 1;
		if (n == cap) {
			cap = cap < 256 ? 256 : cap * 2;
			buf = xreallocarray(buf, cap, CACHE_PACK_WIDTH);
		}
		p = buf + n++ * CACHE_PACK_WIDTH;
		p[0] = (unsigned char)(len >> 24);
		p[1] = (unsigned char)(len >> 16);
		p[2] = (unsigned char)(len >> 8);
		p[3] = (unsigned char)len;
	}
	sqlite3_reset(s);
	if (rc != SQLITE_DONE) {
		free(buf);
		return cache_fail(c, cause, "reading paragraph lengths");
	}
	if (gaps || n == 0) {
		free(buf);
		return 0;
	}
	if ((s = cache_stmt(c, SQL_PACK_STORE, cause)) == NULL) {
		free(buf);
		return -1;
	}
	sqlite3_bind_int64(s, 1, tid);
	sqlite3_bind_int64(s, 2, (long long)n);
	sqlite3_bind_blob(s, 3, buf, (int)(n * CACHE_PACK_WIDTH),
	    SQLITE_STATIC);
	rc = cache_step_done(c, s, cause, "storing paragraph lengths");
	free(buf);
	return rc;
}

/*
 * Pack every translation of article id that has no pack (or a wrong
 * one), inside the caller's write transaction.
 */
int
cache_pack_article(struct cache *c, long long id, char **cause)
{
	sqlite3_stmt	*s;
	long long	*tid = NULL;
	size_t		 n = 0, cap = 0, i;
	int		 rc;

	/* Ids first: packing uses statements of its own on the same rows. */
	if ((s = cache_stmt(c, SQL_PACK_TRANSLATIONS, cause)) == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, id);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		if (n == cap) {
			cap = cap < 8 ? 8 : cap * 2;
			tid = xreallocarray(tid, cap, sizeof *tid);
		}
		tid[n++] = sqlite3_column_int64(s, 0);
	}
	sqlite3_reset(s);
	if (rc != SQLITE_DONE) {
		free(tid);
		return cache_fail(c, cause, "finding translations to pack");
	}
	for (i = 0; i < n; i++) {
		if (cache_pack_one(c, tid[i], cause) != 0) {
			free(tid);
			return -1;
		}
	}
	free(tid);
	return 0;
}

/*
 * After the reader opened article id from the rows: pack it for the next
 * time, if the cache can be written now.  This is a courtesy, so it
 * never waits for another writer and any failure is forgotten; the open
 * has already succeeded.
 */
void
cache_pack_later(struct cache *c, long long id)
{
	enum cache_error	 error = c->error;
	char			*cause = NULL;

	if (cache_readonly(c) || !sqlite3_get_autocommit(c->db))
		return;
	sqlite3_busy_timeout(c->db, 0);
	if (cache_run(c, SQL_BEGIN, &cause) == 0) {
		if (cache_pack_article(c, id, &cause) != 0 ||
		    cache_run(c, SQL_COMMIT, &cause) != 0)
			cache_rollback(c);
	}
	sqlite3_busy_timeout(c->db, CACHE_BUSY_MS);
	c->error = error;
	free(cause);
}
