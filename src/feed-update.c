/*
 * feed-update.c: the update of subscribed feeds (feed-update.h).
 *
 * One pass: every feed due is added to a struct fetch_multi at once;
 * answers are taken as they end and each feed is handled whole before
 * the next answer is taken (transfers still under way keep coming into
 * the socket buffers meanwhile).  For a feed that changed:
 *
 *   parse (feed_store_collect) -> group translations (feed_store_group)
 *   -> per group, what to do:  SKIP  every entry seen with this digest
 *                              MAP   new here, but its page is already
 *                                    an article (a per-language feed
 *                                    of a site whose other feed came
 *                                    first): only the entry row
 *                              STORY its page and hreflang alternates
 *                                    through story_import(), recorded
 *                              EMIT  the feed's own text
 *   -> one transaction: the articles, the entry rows, the feed's state
 *
 * A STORY whose page cannot be had falls back to EMIT with a warning.
 */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cache.h"
#include "cache-feed.h"
#include "feed-store.h"
#include "feed-update.h"
#include "fetch-multi.h"
#include "story.h"
#include "xmalloc.h"

enum feed_update_plan { PLAN_SKIP, PLAN_MAP, PLAN_STORY, PLAN_EMIT };

struct feed_update {
	struct cache			*c;
	const struct feed_update_opts	*o;
	struct feed_update_report	*r;
	struct import_sink		 sink;
};

static void
feed_update_warn(const struct feed_update_opts *o, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static void
feed_update_warn(const struct feed_update_opts *o, const char *fmt, ...)
{
	va_list	 ap;
	char	*s;

	if (o->warn == NULL)
		return;
	va_start(ap, fmt);
	xvasprintf(&s, fmt, ap);
	va_end(ap);
	o->warn(o->arg, s);
	free(s);
}

struct feed_update_warn_ctx {
	const struct feed_update_opts	*o;
	const char			*url;
};

static void
feed_update_parse_warn(void *arg, const char *message)
{
	struct feed_update_warn_ctx	*w = arg;

	feed_update_warn(w->o, "%s: %s", w->url, message);
}

/* What to do with the group that starts at entry g. */
static int
feed_update_plan(struct feed_update *u, const struct cache_feed *f,
    const struct feed_store_feed *ff, size_t g, long long *article,
    char **cause)
{
	const struct feed_store_entry	*e;
	long long			 id;
	uint64_t			 digest;
	size_t				 i;
	int				 fresh = 1, same = 1;

	*article = 0;
	for (i = g; i < ff->n; i++) {
		e = &ff->entries[i];
		if (e->group != g)
			continue;
		if (cache_feed_entry_get(u->c, f->id, e->key, &id, &digest,
		    cause) != 0)
			return -1;
		if (id != 0)
			fresh = 0;
		if (id == 0 || digest != e->digest)
			same = 0;
	}
	if (same)
		return PLAN_SKIP;
	e = &ff->entries[g];
	if (e->link == NULL)
		return PLAN_EMIT;
	if (fresh && f->alternates) {
		if (cache_article_by_url(u->c, e->link, article, cause) != 0)
			return -1;
		if (*article != 0)
			return PLAN_MAP;
	}
	if (f->alternates || (f->full_text && e->summary_only))
		return PLAN_STORY;
	return PLAN_EMIT;
}

/* The group's page (and alternates) through story.c, into a record. */
static struct feed_store_rec *
feed_update_story(struct feed_update *u, const struct cache_feed *f,
    const struct feed_store_entry *e)
{
	struct story_opts	 so = { 0 };
	struct story_report	 sr = { 0 };
	struct import_sink	 rs;
	struct feed_store_rec	*rec;
	char			*cause = NULL;

	so.langs = u->o->langs;
	so.translations = f->alternates;
	so.timeout = u->o->timeout;
	so.ca_file = u->o->ca_file;
	so.noproxy = u->o->noproxy;
	so.warn = u->o->warn;
	so.arg = u->o->arg;
	rec = feed_store_rec_new(&rs);
	if (story_import(e->link, &so, &rs, &sr, &cause) != 0 ||
	    feed_store_rec_empty(rec)) {
		feed_update_warn(u->o, "%s (the feed's text is kept)",
		    cause != NULL ? cause : e->link);
		free(cause);
		feed_store_rec_free(rec);
		rec = NULL;
	}
	story_report_free(&sr);
	return rec;
}

/*
 * Each entry's page and comment feed, skipped ones too: a cache from
 * before the column learns them without the entry changing.
 */
static int
feed_update_comment_feeds(struct feed_update *u, const struct cache_feed *f,
    const struct feed_store_feed *ff, char **cause)
{
	const struct feed_store_entry	*e;
	size_t				 i;

	for (i = 0; i < ff->n; i++) {
		e = &ff->entries[i];
		if (e->link != NULL && cache_feed_entry_comments(u->c, f->id,
		    e->key, e->link, e->comments_feed, cause) != 0)
			return -1;
	}
	return 0;
}

/*
 * Tell the caller which articles this feed's update added or changed
 * and have comments somewhere (an entry links a comment page or feed):
 * the others would cost a page fetch each for nothing.
 */
static void
feed_update_stored(struct feed_update *u, const struct cache_feed *f,
    const struct feed_store_feed *ff, const int *plan)
{
	uint64_t	 digest;
	long long	 article;
	char		*cause = NULL;
	size_t		 g, i;
	int		 comments;

	if (u->o->stored == NULL)
		return;
	for (g = 0; g < ff->n; g++) {
		if (ff->entries[g].group != g || plan[g] == PLAN_SKIP)
			continue;
		for (i = g, comments = 0; i < ff->n && !comments; i++)
			comments = ff->entries[i].group == g &&
			    ff->entries[i].comments;
		if (!comments)
			continue;
		if (cache_feed_entry_get(u->c, f->id, ff->entries[g].key,
		    &article, &digest, &cause) != 0) {
			FREE(&cause);
			continue;
		}
		if (article != 0)
			u->o->stored(u->o->arg, f->id, article);
	}
}

/* Store the planned groups, the entry rows and the feed's state. */
static int
feed_update_store(struct feed_update *u, const struct cache_feed *f,
    const struct feed_store_feed *ff, const int *plan,
    const long long *mapped, struct feed_store_rec **recs,
    const struct cache_feed_result *res, char **cause)
{
	const struct feed_store_entry	*e;
	size_t				 g, i;
	int				 rc;

	if (cache_feed_begin(u->c, cause) != 0)
		return -1;
	for (g = 0; g < ff->n; g++) {
		if (ff->entries[g].group != g || plan[g] == PLAN_SKIP)
			continue;
		if (plan[g] == PLAN_STORY && recs[g] != NULL)
			rc = feed_store_rec_replay(recs[g], &u->sink, cause);
		else if (plan[g] != PLAN_MAP)
			rc = feed_store_emit(ff, g, f->source, &u->sink,
			    cause);
		else
			rc = 0;
		if (rc != 0 && cache_feed_pending(u->c)) {
			/* This entry alone: the next update tries again. */
			feed_update_warn(u->o, "%s: entry %s: %s", f->url,
			    ff->entries[g].key, *cause);
			FREE(cause);
			continue;
		}
		for (i = g; rc == 0 && i < ff->n; i++) {
			e = &ff->entries[i];
			if (e->group == g)
				rc = cache_feed_entry_put(u->c, f->id, e->key,
				    mapped[g], e->digest, cause);
		}
		if (rc != 0)
			goto fail;
	}
	if (feed_update_comment_feeds(u, f, ff, cause) != 0 ||
	    cache_feed_result(u->c, f->id, res, cause) != 0 ||
	    cache_feed_commit(u->c, cause) != 0)
		goto fail;
	feed_update_stored(u, f, ff, plan);
	return 0;
fail:
	cache_feed_abort(u->c);
	return -1;
}

/* A feed that answered 200: parse, plan, fetch pages, store. */
static int
feed_update_changed(struct feed_update *u, const struct cache_feed *f,
    const struct fetch_multi_done *d, char **cause)
{
	struct feed_store_feed		 ff = { 0 };
	struct feed_update_warn_ctx	 w = { u->o, f->url };
	struct cache_feed_result	 res = { 0 };
	struct feed_store_rec		**recs;
	long long			*mapped;
	int				*plan, rc = -1;
	size_t				 g;

	ff.warn = feed_update_parse_warn;
	ff.warn_arg = &w;
	if (feed_store_collect(&ff, d->result.body, d->result.len, f->url,
	    d->result.charset, cause) != 0) {
		feed_store_feed_free(&ff);
		return -1;
	}
	feed_store_group(&ff);
	plan = xcalloc(ff.n + 1, sizeof *plan);
	mapped = xcalloc(ff.n + 1, sizeof *mapped);
	recs = xcalloc(ff.n + 1, sizeof *recs);
	for (g = 0; g < ff.n; g++) {
		if (ff.entries[g].group != g)
			continue;
		if ((plan[g] = feed_update_plan(u, f, &ff, g, &mapped[g],
		    cause)) < 0)
			goto out;
		if (plan[g] == PLAN_STORY)
			recs[g] = feed_update_story(u, f, &ff.entries[g]);
	}
	res.etag = d->result.etag;
	res.last_modified = d->result.last_modified;
	res.moved_to = d->moved_to;
	res.title = ff.title;
	res.site = ff.site;
	res.lang = ff.lang;
	rc = feed_update_store(u, f, &ff, plan, mapped, recs, &res, cause);
out:
	for (g = 0; g < ff.n; g++)
		feed_store_rec_free(recs[g]);
	free(recs);
	free(mapped);
	free(plan);
	feed_store_feed_free(&ff);
	return rc;
}

/* One answer: store what it says about its feed. */
static void
feed_update_done(struct feed_update *u, const struct cache_feed *f,
    const struct fetch_multi_done *d)
{
	struct cache_feed_result	 res = { 0 };
	char				*cause = NULL, *ignored = NULL;

	res.moved_to = d->moved_to;
	if (d->failed) {
		res.error = d->error;
		res.gone = d->gone;
		res.retry_after = d->retry_after;
	} else if (d->result.not_modified) {
		res.not_modified = 1;
		u->r->not_modified++;
	} else if (feed_update_changed(u, f, d, &cause) == 0)
		return;
	else
		res.error = cause;
	if (res.error != NULL) {
		u->r->failed++;
		feed_update_warn(u->o, "%s", res.error);
	}
	if (cache_feed_result(u->c, f->id, &res, &ignored) != 0) {
		feed_update_warn(u->o, "%s: %s", f->url, ignored);
		free(ignored);
	}
	free(cause);
}

/* Is the feed to be fetched now (not gone, not held off)? */
static int
feed_update_due(const struct cache_feed *f, long long now)
{
	return !f->gone && (f->retry_after == 0 || f->retry_after <= now);
}

static int
feed_update_wanted(const struct cache_feed *f, const long long *ids,
    size_t n)
{
	size_t	i;

	if (ids == NULL)
		return 1;
	for (i = 0; i < n; i++)
		if (ids[i] == f->id)
			return 1;
	return 0;
}

int
feed_update(struct cache *c, const long long *ids, size_t nids,
    const struct feed_update_opts *o, struct feed_update_report *r,
    char **cause)
{
	struct feed_update		 u = { c, o, r, { 0 } };
	struct cache_feed		*feeds;
	struct fetch_opts		 fo = { 0 };
	struct fetch_multi		*fm;
	struct fetch_multi_done		 d;
	const struct cache_import_stats	*st = cache_import_stats(c);
	unsigned long			 new0, upd0;
	size_t				 n, i, total = 0, done = 0;
	int				 rc;
	long long			 now = (long long)time(NULL);
	const struct cache_feed		*f;

	memset(r, 0, sizeof *r);
	if (cache_feed_list(c, &feeds, &n, cause) != 0)
		return -1;
	cache_sink(c, &u.sink);
	new0 = st->articles_new;
	upd0 = st->articles_updated;
	fo.langs = o->langs;
	fo.timeout = o->timeout;
	fo.ca_file = o->ca_file;
	fo.noproxy = o->noproxy;
	fm = fetch_multi_new(&fo, o->connections, o->per_host);
	for (i = 0; i < n; i++) {
		if (!feed_update_wanted(&feeds[i], ids, nids))
			continue;
		if (!feed_update_due(&feeds[i], now)) {
			r->held++;
			continue;
		}
		fetch_multi_add(fm, feeds[i].url, feeds[i].etag,
		    feeds[i].last_modified, &feeds[i]);
		total++;
	}
	r->feeds = total;
	for (;;) {
		if (o->stopped != NULL && o->stopped(o->arg))
			break;
		if ((rc = fetch_multi_next(fm, 1000, &d)) < 0)
			break;
		if (rc == 0)
			continue;
		f = d.tag;
		feed_update_done(&u, f, &d);
		fetch_multi_done_free(&d);
		done++;
		if (o->progress != NULL)
			o->progress(o->arg, done, total,
			    f->title != NULL ? f->title : f->url);
	}
	fetch_multi_free(fm);
	r->articles_new = st->articles_new - new0;
	r->articles_updated = st->articles_updated - upd0;
	cache_feed_free_all(feeds, n);
	return 0;
}
