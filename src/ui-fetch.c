/*
 * ui-fetch.c: articles from the web while the reader goes on reading.
 *
 * `a` asks for a URL and hands it to a story job (story-job.h), which
 * fetches the page and its translations on a worker thread.  While it
 * runs the main loop sleeps in poll() on the terminal and the job
 * queue's pipe together (ui_fetch_wait), so a key and a progress line
 * wake it alike and nothing spins.  Progress replaces the status line's
 * left part until the job is done; then the list is reloaded and the
 * article opens, or the one-line reason shows.  Every word of it came
 * from the network, so it goes through utf8_sanitize() before
 * ui_message() (and ui_text() draws no control characters either).
 */
#include "config.h"

#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cache.h"
#include "job.h"
#include "story.h"
#include "story-job.h"
#include "ui-int.h"
#include "utf8.h"
#include "xmalloc.h"

/* Text from a job, made safe to show, into buf. */
static void
ui_fetch_text(char *buf, size_t size, const char *text)
{
	size_t	 len;
	char	*safe;

	if (text == NULL)
		text = "";
	safe = utf8_sanitize(text, strlen(text), &len, NULL);
	snprintf(buf, size, "%s", safe);
	free(safe);
}

int
ui_fetch_busy(struct ui *u)
{
	return u->jobs != NULL && job_queue_running(u->jobs) > 0;
}

/* a: ask for a URL and start fetching it. */
enum ui_result
ui_fetch_add(struct ui *u)
{
	char	 url[1024], shown[200], *cause = NULL;

	if (ui_fetch_busy(u)) {
		ui_message(u, "still fetching: wait for it, or Q to quit");
		return UI_REPAINT;
	}
	if (ui_prompt(u, "URL: ", url, sizeof url) != 0 || url[0] == '\0')
		return UI_REPAINT;
	ui_fetch_text(shown, sizeof shown, url);
	if (!story_is_url(url)) {
		ui_message(u, "not an http or https URL: %s", shown);
		return UI_REPAINT;
	}
	if (u->jobs == NULL && (u->jobs = job_queue_new(1, &cause)) == NULL) {
		ui_message(u, "%s", cause);
		free(cause);
		return UI_REPAINT;
	}
	if (story_job_start(u->jobs, cache_path(u->cache), url,
	    (const char *const *)u->pref->tags, &cause) == 0) {
		ui_message(u, "%s", cause);
		free(cause);
		return UI_REPAINT;
	}
	snprintf(u->fetch_status, sizeof u->fetch_status, "fetching %s",
	    shown);
	return UI_REPAINT;
}

/* A job's last word: open what it brought, or say why not. */
static enum ui_result
ui_fetch_done(struct ui *u, const struct job_msg *m)
{
	enum ui_result	res = UI_RELOAD;
	char		text[sizeof u->message];
	char		*cause = NULL;

	u->fetch_status[0] = '\0';
	ui_fetch_text(text, sizeof text, m->text);
	if (!m->ok) {
		ui_message(u, "%s", text[0] != '\0' ? text : "fetch failed");
		return UI_REPAINT;
	}
	/* Reload now, so that the list can select the new row. */
	list_reload(&u->list, &cause);
	free(cause);
	list_select_id(&u->list, m->id);
	res |= UI_RELAYOUT | ui_reader_open(u, m->id);
	if (u->message[0] == '\0')
		ui_message(u, "%s", text);
	return res;
}

/* Take every message the jobs left; says what the screen needs. */
enum ui_result
ui_fetch_poll(struct ui *u)
{
	struct job_msg	*m;
	enum ui_result	 res = UI_HANDLED;

	if (u->jobs == NULL)
		return res;
	while ((m = job_queue_poll(u->jobs)) != NULL) {
		/* A job that stored articles queued them for the index. */
		if (m->event == JOB_DONE)
			u->index_idle = 1;
		if (m->event == JOB_DONE && ui_site_owns(u, m->job))
			res |= ui_site_done(u, m);
		else if (m->event == JOB_DONE && m->job == u->update_job)
			res |= ui_feeds_done(u, m);
		else if (m->event == JOB_DONE)
			res |= ui_fetch_done(u, m);
		else {
			ui_fetch_text(u->fetch_status, sizeof u->fetch_status,
			    m->text);
			res |= UI_REPAINT;
		}
		job_msg_free(m);
	}
	ui_site_next(u);
	return res;
}

/*
 * Sleep until a key or a job's message.  Returns 1 when the terminal
 * (or a signal, a resize among them) may have something for get_wch(),
 * 0 when only the jobs spoke.
 */
int
ui_fetch_wait(struct ui *u)
{
	struct pollfd	pfd[2];

	pfd[0].fd = STDIN_FILENO;
	pfd[0].events = POLLIN;
	pfd[1].fd = job_queue_fd(u->jobs);
	pfd[1].events = POLLIN;
	pfd[0].revents = pfd[1].revents = 0;
	if (poll(pfd, 2, -1) == -1)
		return 1;
	return pfd[0].revents != 0;
}

/*
 * Stop the jobs and wait for them: the terminal is already given back,
 * and a transfer under way gives up within about a second (the story
 * job's cancel hook), so quitting needs no word about it.
 */
void
ui_fetch_free(struct ui *u)
{
	if (u->jobs == NULL)
		return;
	job_queue_free(u->jobs);
	u->jobs = NULL;
}
