/*
 * ui-feeds.c: the feeds in the reader: the feeds view (F), the list
 * narrowed to one feed, and updates in the background (R).
 *
 * The feeds view takes the screen between the title bar and the status
 * line, as help does: one row per feed with its title, unread and
 * article counts and what its last update said (an error in the
 * low-confidence colour, so a failing feed shows).  Enter narrows the
 * article list to that feed (list_set_feed(); the title bar says which)
 * and q in that list returns to every article.  R starts a feed job
 * (feed-job.h) on the reader's job queue, every feed or, in the feeds
 * view, the selected one; its "[12/200] title" progress fills the status
 * line through ui-fetch.c's poll, and its end reloads the list and says
 * the summary.  Feed titles come from the network: rows are drawn
 * through layout_truncate() and ui_text(), which draw no control
 * characters.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cache.h"
#include "cache-feed.h"
#include "feed-job.h"
#include "job.h"
#include "layout.h"
#include "ui-int.h"
#include "utf8.h"
#include "xmalloc.h"

#define UI_FEEDS_COUNTS	13	/* "12345/123456" */

struct ui_feeds {
	struct cache_feed	*feeds;
	size_t			 n;
	struct scroll		 scroll;
};

/* Read the feeds again, keeping the selection where it was. */
static void
ui_feeds_load(struct ui *u)
{
	struct ui_feeds	*fv = u->feeds;
	size_t		 sel = fv->scroll.sel;
	char		*cause = NULL;

	cache_feed_free_all(fv->feeds, fv->n);
	fv->feeds = NULL;
	fv->n = 0;
	if (cache_feed_list(u->cache, &fv->feeds, &fv->n, &cause) != 0) {
		ui_message(u, "%s", cause);
		free(cause);
	}
	scroll_resize(&fv->scroll, fv->n, fv->scroll.height);
	scroll_select(&fv->scroll, sel);
}

static enum ui_result
ui_feeds_open(struct ui *u)
{
	if (u->feeds != NULL)
		return UI_HANDLED;
	u->feeds = xcalloc(1, sizeof *u->feeds);
	scroll_init(&u->feeds->scroll, 1);
	u->feeds->scroll.height = 1;
	ui_feeds_load(u);
	return UI_REPAINT;
}

void
ui_feeds_close(struct ui *u)
{
	if (u->feeds == NULL)
		return;
	cache_feed_free_all(u->feeds->feeds, u->feeds->n);
	free(u->feeds);
	u->feeds = NULL;
}

/* The error without the feed's URL in front: the row says whose it is. */
static const char *
ui_feeds_error(const struct cache_feed *f)
{
	size_t	len = strlen(f->url);

	if (strncmp(f->error, f->url, len) == 0 &&
	    strncmp(f->error + len, ": ", 2) == 0)
		return f->error + len + 2;
	return f->error;
}

/* What the feed's last update said, into buf; *bad if it failed. */
static void
ui_feeds_result(const struct cache_feed *f, char *buf, size_t len, int *bad)
{
	time_t		 t = (time_t)f->checked_at;
	struct tm	 tm;
	char		 when[32] = "";

	*bad = f->gone || f->error != NULL;
	if (f->checked_at != 0 && localtime_r(&t, &tm) != NULL)
		strftime(when, sizeof when, "%Y-%m-%d %H:%M ", &tm);
	if (f->gone)
		snprintf(buf, len, "%sgone (HTTP 410)", when);
	else if (f->error != NULL)
		snprintf(buf, len, "%s%s", when, ui_feeds_error(f));
	else if (f->checked_at == 0)
		snprintf(buf, len, "never updated");
	else
		snprintf(buf, len, "%sok", when);
}

static void
ui_feeds_row(struct ui *u, int y, int w, const struct cache_feed *f,
    int selected)
{
	const char	*title = f->title != NULL ? f->title : f->url;
	char		 counts[48], result[512], *cell;
	int		 x = 0, tw, bad;
	enum ui_color	 c = selected ? UI_SELECTED : UI_UNREAD;

	if (selected)
		ui_fill(u, y, 0, w, UI_SELECTED, 1);
	ui_feeds_result(f, result, sizeof result, &bad);
	x += ui_text(u, y, x, w, UI_SPAN(bad ? "! " : "  ", 2,
	    selected ? UI_SELECTED : UI_LOWCONF, 1));
	tw = (w - x) / 3;
	cell = layout_pad(title, strlen(title), tw, &u->opts);
	x += ui_text(u, y, x, w - x, UI_SPAN(cell, strlen(cell), c,
	    selected || f->unread > 0)) + 1;
	free(cell);
	snprintf(counts, sizeof counts, "%*lld/%-*lld", UI_FEEDS_COUNTS / 2,
	    f->unread, UI_FEEDS_COUNTS - UI_FEEDS_COUNTS / 2 - 1, f->articles);
	x += ui_text(u, y, x, w - x, UI_SPAN(counts, strlen(counts),
	    selected ? UI_SELECTED : UI_DIM, selected)) + 1;
	cell = layout_truncate(result, strlen(result), w - x, &u->opts);
	ui_text(u, y, x, w - x, UI_SPAN(cell, strlen(cell),
	    selected ? UI_SELECTED : bad ? UI_LOWCONF : UI_DIM, 1));
	free(cell);
}

void
ui_feeds_draw(struct ui *u)
{
	struct ui_feeds	*fv = u->feeds;
	char		 head[128];
	int		 y, top = 1, h = LINES - 2, i;

	for (y = top; y < top + h; y++) {
		move(y, 0);
		clrtoeol();
	}
	snprintf(head, sizeof head, "Feeds (%zu)  unread/articles, last "
	    "update.  Enter: its articles  R: update it  q: back", fv->n);
	ui_text(u, top, 1, COLS - 1, UI_SPAN(head, strlen(head), UI_HEADER,
	    1));
	scroll_resize(&fv->scroll, fv->n, h > 2 ? (size_t)(h - 2) : 1);
	for (i = 0; i < h - 2; i++)
		if (fv->scroll.top + i < fv->n)
			ui_feeds_row(u, top + 2 + i, COLS,
			    &fv->feeds[fv->scroll.top + i],
			    fv->scroll.top + i == fv->scroll.sel);
	if (fv->n == 0 && h > 4) {
		static const char empty[] = "No feeds yet.  "
		    "Subscribe with:  tandem add URL";

		ui_text(u, top + 3, 2, COLS - 2, UI_SPAN(empty,
		    strlen(empty), UI_DIM, 1));
	}
}

/* Enter in the feeds view: the list shows that feed's articles only. */
static enum ui_result
ui_feeds_select(struct ui *u)
{
	struct ui_feeds		*fv = u->feeds;
	const struct cache_feed	*f;
	char			*cause = NULL, *t;
	size_t			 len;

	if (fv->n == 0)
		return UI_HANDLED;
	f = &fv->feeds[fv->scroll.sel];
	if (list_set_feed(&u->list, f->id, NULL, &cause) != 0) {
		ui_message(u, "%s", cause);
		free(cause);
		return UI_REPAINT;
	}
	t = utf8_sanitize_line(f->title != NULL ? f->title : f->url,
	    strlen(f->title != NULL ? f->title : f->url), &len, NULL);
	free(u->list_header);
	xasprintf(&u->list_header, "feed: %s", t);
	free(t);
	if (u->article != 0)
		ui_reader_close(u);
	ui_feeds_close(u);
	u->ps.focus = PANE_LIST;
	return UI_RELAYOUT;
}

/* q in a narrowed list: every article again. */
enum ui_result
ui_feeds_unfilter(struct ui *u)
{
	char	*cause = NULL;

	FREE(&u->list_header);
	if (list_set_feed(&u->list, 0, NULL, &cause) != 0) {
		ui_message(u, "%s", cause);
		free(cause);
	}
	return UI_RELAYOUT;
}

/* R: update every feed (0), or one, on the job queue. */
static enum ui_result
ui_feeds_update(struct ui *u, long long feed)
{
	char	*cause = NULL;

	if (ui_fetch_busy(u)) {
		ui_message(u, "still fetching: wait for it, or Q to quit");
		return UI_REPAINT;
	}
	if (cache_readonly(u->cache)) {
		ui_message(u, "read-only cache: feeds cannot be updated");
		return UI_REPAINT;
	}
	if (u->jobs == NULL && (u->jobs = job_queue_new(1, &cause)) == NULL)
		goto fail;
	u->update_job = feed_job_start(u->jobs, cache_path(u->cache), feed,
	    (const char *const *)u->pref->tags, &cause);
	if (u->update_job == 0)
		goto fail;
	snprintf(u->fetch_status, sizeof u->fetch_status, "updating %s",
	    feed != 0 ? "the feed" : "the feeds");
	return UI_REPAINT;
fail:
	ui_message(u, "%s", cause);
	free(cause);
	return UI_REPAINT;
}

/* The update's JOB_DONE: the summary, the list and the view read again. */
enum ui_result
ui_feeds_done(struct ui *u, const struct job_msg *m)
{
	char	*safe;
	size_t	 len;

	u->update_job = 0;
	u->fetch_status[0] = '\0';
	safe = utf8_sanitize_line(m->text != NULL ? m->text : "update failed",
	    strlen(m->text != NULL ? m->text : "update failed"), &len, NULL);
	ui_message(u, "%s", safe);
	free(safe);
	if (u->feeds != NULL)
		ui_feeds_load(u);
	return UI_RELOAD;
}

/* The keys of the feeds view (the list's bindings), or of any pane. */
enum ui_result
ui_feeds_op(struct ui *u, enum op op)
{
	struct scroll	*s;

	if (op == OP_FEEDS)
		return ui_feeds_open(u);
	if (op == OP_UPDATE && u->feeds == NULL)
		return ui_feeds_update(u, 0);
	if (u->feeds == NULL)
		return UI_UNHANDLED;
	s = &u->feeds->scroll;
	switch (op) {
	case OP_DOWN:		scroll_down(s, 1); break;
	case OP_UP:		scroll_down(s, -1); break;
	case OP_PAGE_DOWN:	scroll_page(s, 1); break;
	case OP_PAGE_UP:	scroll_page(s, -1); break;
	case OP_HALF_DOWN:	scroll_half(s, 1); break;
	case OP_HALF_UP:	scroll_half(s, -1); break;
	case OP_TOP:		scroll_end(s, -1); break;
	case OP_BOTTOM:		scroll_end(s, 1); break;
	case OP_OPEN:		return ui_feeds_select(u);
	case OP_BACK:		ui_feeds_close(u); return UI_REPAINT;
	case OP_QUIT:		u->quit = 1; return UI_HANDLED;
	case OP_REDRAW:		return UI_CLEAR;
	case OP_HELP:		u->help = 1; return UI_REPAINT;
	case OP_UPDATE:
		return ui_feeds_update(u, u->feeds->n > 0 ?
		    u->feeds->feeds[s->sel].id : 0);
	default:
		return UI_HANDLED;
	}
	return UI_REPAINT;
}
