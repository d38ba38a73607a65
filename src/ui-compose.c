/*
 * ui-compose.c: writing a comment in the comment pane.
 *
 * C starts a new comment on the article, r a reply to the selected one.
 * Under a "login required" policy with nobody logged in, the pane asks
 * for a display name first (that is tandem login, inline).  The text is
 * typed into a small editor at the bottom of the pane: wide characters,
 * combining marks and input methods arrive through get_wch(); Backspace
 * removes a whole grapheme cluster; Enter starts a new line; Ctrl-D
 * sends; Esc leaves with the draft kept; Ctrl-E hands the text to
 * $VISUAL or $EDITOR (run with an argument vector, never a shell).
 *
 * The draft is saved in the cache after every change, each save its own
 * transaction: a crash, a kill or a dropped SSH connection loses at most
 * the key being typed.  The next C or r on the same article and parent
 * offers the draft again.
 *
 * A save waits at most CACHE_DRAFT_WAIT_MS for another process's write
 * lock, so typing never freezes.  When the cache refuses the draft (busy,
 * read-only, full), the text stays in the editor, goes to a file of
 * draft.h, and after a failure the cache is tried again at most every
 * UI_COMPOSE_RETRY seconds (and always on Ctrl-D and Esc).  If even the
 * file cannot be written, the text is kept in memory until tandem exits.
 * The next C or r takes the newest copy (memory, file, cache row), saves
 * it into the cache once that works, and removes the file.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cache.h"
#include "comment.h"
#include "draft.h"
#include "layout.h"
#include "ui-int.h"
#include "utf8.h"
#include "xmalloc.h"

#define UI_COMPOSE_MAX	(64 * 1024)	/* bytes in one comment */
#define UI_COMPOSE_RETRY 2		/* s between tries of a busy cache */
#define UI_COMPOSE_QUIET 1000		/* ms a failure is not shown while typing */

struct ui_compose {
	char		*buf;
	size_t		 len;
	long long	 parent;	/* comment id, 0 for top level */
	long long	 draft;		/* row of the draft, 0 before one */
	const char	*title;		/* "New comment" / "Reply to X" */
	char		 title_buf[96];
	char		*author;
	int		 unsaved;	/* the cache lacks the latest text */
	time_t		 retry;		/* no cache save before, after one failed */
	char		 why[64];	/* how it failed: "cache busy" */
	char		*file;		/* the file of draft.h holding it, or NULL */
	int		 typing;	/* a save after a key, not on leaving */
	struct timespec	 failing;	/* since when saves fail; 0 when not */
};

/* Drafts neither the cache nor a file took, until tandem exits. */
struct ui_compose_kept {
	char			*cache;
	long long		 article;
	long long		 parent;
	char			*text;
	char			 saved[32];
	struct ui_compose_kept	*next;
};
static struct ui_compose_kept *ui_compose_kept;

/* The kept copy of this article's and parent's draft, or NULL. */
static struct ui_compose_kept **
ui_compose_kept_find(struct ui *u, long long parent)
{
	struct ui_compose_kept	**k;

	for (k = &ui_compose_kept; *k != NULL; k = &(*k)->next) {
		if ((*k)->article == u->article && (*k)->parent == parent &&
		    strcmp((*k)->cache, cache_path(u->cache)) == 0)
			return k;
	}
	return NULL;
}

/* Keep the text in memory (text NULL: forget it). */
static void
ui_compose_keep(struct ui *u, struct ui_compose *c, const char *text)
{
	struct ui_compose_kept	**kp = ui_compose_kept_find(u, c->parent), *k;

	if (kp != NULL) {
		k = *kp;
		*kp = k->next;
		free(k->cache);
		free(k->text);
		free(k);
	}
	if (text == NULL)
		return;
	k = xcalloc(1, sizeof *k);
	k->cache = xstrdup(cache_path(u->cache));
	k->article = u->article;
	k->parent = c->parent;
	k->text = xstrdup(text);
	comment_now(k->saved, sizeof k->saved);
	k->next = ui_compose_kept;
	ui_compose_kept = k;
}

/* The cache has the text: the file and the memory copy can go. */
static void
ui_compose_forget(struct ui *u, struct ui_compose *c)
{
	char	*cause = NULL;

	c->unsaved = 0;
	c->retry = 0;
	memset(&c->failing, 0, sizeof c->failing);
	ui_compose_keep(u, c, NULL);
	if (c->file != NULL && draft_remove(c->file, &cause) != 0) {
		ui_message(u, "%s", cause);
		free(cause);
	}
	free(c->file);
	c->file = NULL;
}

/*
 * Whether a failed save goes unsaid: while typing, for the first second
 * of failures, as an import holds the lock for a moment at a time and
 * the text is safe in the file meanwhile.  Leaving the editor always says.
 */
static int
ui_compose_quiet(struct ui_compose *c)
{
	struct timespec	now;
	long long	ms;

	clock_gettime(CLOCK_MONOTONIC, &now);
	if (c->failing.tv_sec == 0 && c->failing.tv_nsec == 0)
		c->failing = now;
	ms = (now.tv_sec - c->failing.tv_sec) * 1000LL +
	    (now.tv_nsec - c->failing.tv_nsec) / 1000000;
	return c->typing && ms < UI_COMPOSE_QUIET;
}

/*
 * The cache refused the text: put it in the draft file and say where,
 * "cache busy: draft kept in ~/.local/state/tandem/drafts/12.txt".
 */
static void
ui_compose_fallback(struct ui *u, struct ui_compose *c, int state)
{
	struct draft	 d;
	char		 now[32], *dir, *path, *shown, *cause = NULL;
	const char	*what = state == ARTICLE_COMMENT_POSTED ? "not sent; " : "";

	comment_now(now, sizeof now);
	memset(&d, 0, sizeof d);
	d.cache = (char *)cache_path(u->cache);
	d.article = u->article;
	d.url = u->view.article->url;
	d.parent = c->parent;
	d.saved = now;
	d.text = c->buf;
	dir = draft_dir();
	if (draft_write(dir, &d, &path, &cause) == 0) {
		free(c->file);
		c->file = path;
		if (ui_compose_quiet(c)) {
			free(dir);
			return;
		}
		shown = draft_display_path(path);
		ui_message(u, "%s: %sdraft kept in %s", c->why, what, shown);
		free(shown);
	} else {
		ui_compose_keep(u, c, c->buf);
		ui_message(u, "%s: %sdraft kept only until tandem exits (%s)",
		    c->why, what, cause);
		free(cause);
	}
	free(dir);
}

/* What went wrong, the status line's words before their ":". */
static void
ui_compose_why(struct ui *u, struct ui_compose *c)
{
	const char	*s = cache_error_string(cache_last_error(u->cache));
	size_t		 n = strcspn(s, ":");

	if (n >= sizeof c->why)
		n = sizeof c->why - 1;
	memcpy(c->why, s, n);
	c->why[n] = '\0';
}

/*
 * Save the text into the cache, waiting at most wait ms for a lock; when
 * the cache refuses it, into the draft file (-1).  A draft save within
 * UI_COMPOSE_RETRY s of a failure goes straight to the file.
 */
static int
ui_compose_save(struct ui *u, struct ui_compose *c, int state, int wait)
{
	struct article_comment	 m;
	char			 now[32], *cause = NULL;

	c->unsaved = 1;
	if (state == ARTICLE_COMMENT_DRAFT && c->retry != 0 &&
	    time(NULL) < c->retry) {
		ui_compose_fallback(u, c, state);
		return -1;
	}
	comment_now(now, sizeof now);
	memset(&m, 0, sizeof m);
	m.parent = c->parent;
	m.author = c->author;
	m.body = c->buf;
	m.created = now;
	m.state = state;
	/* Written while reading this language: the comment's own. */
	m.lang = u->view.article->translations[u->view.left].lang;
	if (cache_comment_save(u->cache, u->article, &m, &c->draft, wait,
	    &cause) == 0) {
		ui_compose_forget(u, c);
		return 0;
	}
	free(cause);
	ui_compose_why(u, c);
	c->retry = time(NULL) + UI_COMPOSE_RETRY;
	ui_compose_fallback(u, c, state);
	return -1;
}

/* Log in inline when the policy asks for it; -1 if the user gives up. */
static int
ui_compose_identity(struct ui *u, struct comment_identity *id)
{
	char	name[128], email[128], *cause = NULL;
	const char *why;

	if (comment_identity_get(u->cache, id, &cause) != 0) {
		ui_message(u, "%s", cause);
		free(cause);
		return -1;
	}
	why = comment_refusal(u->view.article->policy, id);
	if (why == NULL)
		return 0;
	if (strcmp(why, COMMENT_CLOSED) == 0) {
		ui_message(u, "%s", why);
		return -1;
	}
	if (ui_prompt(u, "You must be logged in to post a comment.  Your "
	    "name: ", name, sizeof name) != 0 || name[0] == '\0') {
		ui_message(u, "not logged in: tandem login, or C to try again");
		return -1;
	}
	if (ui_prompt(u, "E-mail (optional, Enter to skip): ", email,
	    sizeof email) != 0)
		email[0] = '\0';
	if (comment_identity_set(u->cache, name, email, &cause) != 0) {
		ui_message(u, "%s", cause);
		free(cause);
		return -1;
	}
	comment_identity_free(id);
	if (comment_identity_get(u->cache, id, &cause) != 0) {
		ui_message(u, "%s", cause);
		free(cause);
		return -1;
	}
	return 0;
}

/* The cache's draft row on this article and parent, if there is one. */
static void
ui_compose_restore_row(struct ui *u, struct ui_compose *c)
{
	size_t	i;

	for (i = 0; i < u->comments->n; i++) {
		const struct article_comment *m = &u->comments->comments[i];

		if (m->state != ARTICLE_COMMENT_DRAFT || m->parent != c->parent)
			continue;
		free(c->buf);
		c->buf = xstrdup(m->body);
		c->len = strlen(c->buf);
		c->draft = m->id;
		ui_message(u, "your draft from %s is back", m->created ?
		    m->created : "before");
		return;
	}
}

/* A draft file of this article and parent (of this article's URL). */
static void
ui_compose_restore_file(struct ui *u, struct ui_compose *c)
{
	const char	*url = u->view.article->url;
	struct draft	 d;
	char		*dir = draft_dir(), *path, *cause = NULL;
	int		 rc;

	rc = draft_find(dir, cache_path(u->cache), u->article, c->parent, &d,
	    &path, &cause);
	free(dir);
	if (rc == -1) {
		ui_message(u, "%s", cause);
		free(cause);
		return;
	}
	if (rc == 0)
		return;
	if (d.url == NULL || url == NULL || strcmp(d.url, url) == 0) {
		free(c->buf);
		c->buf = d.text;
		c->len = strlen(c->buf);
		d.text = NULL;
		c->file = path;
		c->unsaved = 1;
		ui_message(u, "a draft from %s was kept in a file: continue it",
		    d.saved != NULL ? d.saved : "before");
	} else
		free(path);
	draft_free(&d);
}

/*
 * Start from the newest copy of a draft on the same article and parent:
 * one kept in memory, in a file, or in the cache; one the cache lacks
 * goes into it now if it can.
 */
static void
ui_compose_restore(struct ui *u, struct ui_compose *c)
{
	struct ui_compose_kept	**k;
	char			  shown[sizeof u->message];

	ui_compose_restore_row(u, c);
	ui_compose_restore_file(u, c);
	/* The file has the latest text when it could be written. */
	if (c->file == NULL &&
	    (k = ui_compose_kept_find(u, c->parent)) != NULL) {
		free(c->buf);
		c->buf = xstrdup((*k)->text);
		c->len = strlen(c->buf);
		c->unsaved = 1;
		ui_message(u, "your unsaved draft from %s is back",
		    (*k)->saved);
	}
	if (!c->unsaved)
		return;
	memcpy(shown, u->message, sizeof shown);
	if (ui_compose_save(u, c, ARTICLE_COMMENT_DRAFT,
	    CACHE_DRAFT_WAIT_MS) == 0)
		memcpy(u->message, shown, sizeof shown);
}

/* The editor box over the lower part of the comment pane. */
void
ui_compose_draw(struct ui *u)
{
	const struct ui_compose	*c = u->compose;
	const struct pane_rect	*r = &u->pl.pane[PANE_COMMENTS];
	static const char	 keys[] = "  Ctrl-D sends, Esc keeps a draft, "
	    "Ctrl-E opens $EDITOR";
	struct layout		 l;
	size_t			 first, k;
	int			 top, rows, y, x = PANE_MARGIN, i;

	if (r->h < 3)
		return;
	rows = r->h / 2 > 2 ? r->h / 2 : 2;
	top = r->y + r->h - rows;
	mvhline(top - 1, 0, ACS_HLINE, r->w);
	x = ui_text(u, top - 1, 1, r->w - 1, UI_SPAN(c->title, strlen(c->title),
	    UI_POLICY, 1)) + 1;
	ui_text(u, top - 1, x, r->w - x, UI_SPAN(keys, sizeof keys - 1, UI_DIM,
	    1));
	layout_init(&l);
	layout_wrap(&l, 0, c->buf, c->len, r->w - 2 * PANE_MARGIN - 1,
	    &u->opts);
	/* A trailing newline starts an empty line the layout does not show. */
	first = l.nlines > (size_t)rows ? l.nlines - (size_t)rows : 0;
	for (i = 0; i < rows; i++) {
		y = top + i;
		move(y, 0);
		clrtoeol();
		k = first + (size_t)i;
		if (k < l.nlines)
			ui_text(u, y, PANE_MARGIN, r->w - 2 * PANE_MARGIN,
			    UI_ROW(&l, k, UI_HEADER, 0));
	}
	y = top + (int)(l.nlines - first) - (l.nlines > 0 ? 1 : 0);
	x = PANE_MARGIN + (l.nlines > 0 ? l.lines[l.nlines - 1].width : 0);
	if (c->len > 0 && c->buf[c->len - 1] == '\n') {
		y++;
		x = PANE_MARGIN;
	}
	if (y >= top + rows)
		y = top + rows - 1;
	move(y, x < r->w ? x : r->w - 1);
	layout_free(&l);
}

static void
ui_compose_append(struct ui_compose *c, const char *s, size_t n)
{
	if (c->len + n > UI_COMPOSE_MAX)
		return;
	c->buf = xrealloc(c->buf, c->len + n + 1);
	memcpy(c->buf + c->len, s, n);
	c->len += n;
	c->buf[c->len] = '\0';
}

/* Words of $VISUAL or $EDITOR (split at blanks; no shell) plus path. */
static char **
ui_compose_editor_argv(const char *path, char **words)
{
	const char	*e = getenv("VISUAL");
	char		**argv, *p;
	size_t		 n = 0;

	if (e == NULL || *e == '\0')
		e = getenv("EDITOR");
	if (e == NULL || *e == '\0')
		e = "vi";
	*words = xstrdup(e);
	argv = xcalloc(strlen(e) + 3, sizeof *argv);
	for (p = strtok(*words, " \t"); p != NULL; p = strtok(NULL, " \t"))
		argv[n++] = p;
	argv[n++] = (char *)path;
	argv[n] = NULL;
	return argv;
}

/*
 * Ctrl-E: edit the text in $VISUAL/$EDITOR through a private file.
 * UI_CLEAR once the editor had the terminal, else UI_REPAINT.
 */
static enum ui_result
ui_compose_editor(struct ui *u, struct ui_compose *c)
{
	char	 path[] = "/tmp/tandem-comment.XXXXXX", *words, **argv, *text;
	FILE	*f;
	long	 n;
	size_t	 nul = 0;
	int	 fd;

	if ((fd = mkstemp(path)) == -1) {
		ui_message(u, "%s: %s", path, strerror(errno));
		return UI_REPAINT;
	}
	if (write(fd, c->buf, c->len) != (ssize_t)c->len) {
		ui_message(u, "%s: %s", path, strerror(errno));
		close(fd);
		unlink(path);
		return UI_REPAINT;
	}
	close(fd);
	argv = ui_compose_editor_argv(path, &words);
	if (ui_spawn(u, argv) == 0 && (f = fopen(path, "r")) != NULL) {
		fseek(f, 0, SEEK_END);
		n = ftell(f);
		rewind(f);
		if (n >= 0 && n <= UI_COMPOSE_MAX) {
			text = xcalloc((size_t)n + 1, 1);
			if (fread(text, 1, (size_t)n, f) == (size_t)n) {
				free(c->buf);
				c->buf = comment_text_from_file(text, (size_t)n,
				    &c->len, &nul);
			}
			free(text);
		} else if (n > UI_COMPOSE_MAX)
			ui_message(u, "the file is larger than %d bytes: the "
			    "text is as it was", UI_COMPOSE_MAX);
		fclose(f);
		ui_compose_save(u, c, ARTICLE_COMMENT_DRAFT,
		    CACHE_DRAFT_WAIT_MS);
		/* After the save, whose message says where the text is. */
		if (nul > 0 && !c->unsaved)
			ui_message(u, "the file held %zu NUL byte%s: replaced "
			    "by U+FFFD", nul, nul == 1 ? "" : "s");
	} else
		ui_message(u, "the editor failed; the text is as it was");
	unlink(path);
	free(argv);
	free(words);
	return UI_CLEAR;
}

/* Trim trailing blanks and newlines: what is sent. */
static void
ui_compose_trim(struct ui_compose *c)
{
	while (c->len > 0 && (c->buf[c->len - 1] == '\n' ||
	    c->buf[c->len - 1] == ' ' || c->buf[c->len - 1] == '\t'))
		c->buf[--c->len] = '\0';
}

/*
 * The key loop: returns 1 when the comment was sent, 0 when left as a
 * draft (or nothing), -1 on a signal.  It has the keyboard while the
 * editor is open, so it updates the screen as ui_loop does, starting
 * with the panes: the comment pane may just have opened.
 */
static int
ui_compose_loop(struct ui *u, struct ui_compose *c)
{
	wint_t		ch;
	char		enc[5];
	int		rc;
	enum ui_result	res = UI_RELAYOUT;

	for (;;) {
		curs_set(1);
		ui_update(u, res);
		res = UI_REPAINT;
		rc = get_wch(&ch);
		if (ui_signal != 0)
			return -1;
		if (rc == ERR)
			continue;
		if (rc == KEY_CODE_YES && ch == KEY_RESIZE) {
			res = UI_RELAYOUT;
			continue;
		}
		u->message[0] = '\0';
		if (rc == OK && ch == 4) {			/* Ctrl-D */
			ui_compose_trim(c);
			if (c->len == 0) {
				ui_message(u, "nothing to send: type a comment, "
				    "or Esc");
				continue;
			}
			return ui_compose_save(u, c, ARTICLE_COMMENT_POSTED,
			    CACHE_SEND_WAIT_MS) == 0;
		}
		if (rc == OK && ch == 27) {			/* Esc */
			if (c->unsaved)
				ui_compose_save(u, c, ARTICLE_COMMENT_DRAFT,
				    CACHE_SEND_WAIT_MS);
			return 0;
		}
		if (rc == OK && ch == 5) {			/* Ctrl-E */
			res = ui_compose_editor(u, c);
			continue;
		}
		if ((rc == KEY_CODE_YES && ch == KEY_BACKSPACE) ||
		    (rc == OK && (ch == 127 || ch == 8))) {
			ui_erase_grapheme(c->buf);
			c->len = strlen(c->buf);
		} else if (rc == OK && (ch == '\r' || ch == '\n'))
			ui_compose_append(c, "\n", 1);
		else if (rc == OK && ch >= 0x20 && ch != 0x7f &&
		    (ch < 0x80 || ch >= 0xa0) && ch < 0x110000)
			ui_compose_append(c, enc, utf8_encode((uint32_t)ch, enc));
		else
			continue;
		c->typing = 1;
		ui_compose_save(u, c, ARTICLE_COMMENT_DRAFT,
		    CACHE_DRAFT_WAIT_MS);
		c->typing = 0;
	}
}

/*
 * What leaving the editor did with the text.  A draft the cache refused
 * was put in a file (or memory) by the save that failed, whose message
 * says where; the memory copy is kept as well, as the file may go.
 */
static void
ui_compose_end(struct ui *u, struct ui_compose *c, int rc, int reply)
{
	char	*cause = NULL;

	if (rc == 0 && c->len == 0) {
		if (c->draft != 0 && cache_comment_discard(u->cache, c->draft,
		    &cause) != 0) {
			ui_message(u, "%s",
			    cache_error_string(cache_last_error(u->cache)));
			free(cause);
		} else
			ui_compose_forget(u, c);
	} else if (rc == 0 && c->unsaved) {
		ui_compose_keep(u, c, c->buf);
		if (u->message[0] == '\0')
			ui_message(u, "%s: draft kept in memory: %s continues it",
			    c->why, reply ? "r" : "C");
	} else if (rc == 0 && c->len > 0)
		ui_message(u, "draft kept: %s continues it", reply ? "r" : "C");
	else if (rc == 1)
		ui_message(u, "comment saved");
}

/*
 * C and r: write a comment in the comment pane, which opens for it.
 * The editor has drawn over the panes, so a repaint follows.
 */
enum ui_result
ui_compose(struct ui *u, int reply)
{
	struct comment_identity	 id;
	struct ui_compose	 c;
	const struct article_comment *to = NULL;
	int			 rc;

	if (u->view.article == NULL) {
		ui_message(u, "open an article to comment on it");
		return UI_REPAINT;
	}
	if (reply) {
		if ((to = comment_view_selected(u->comments)) == NULL) {
			ui_message(u, "no comment to reply to: C writes one");
			return UI_REPAINT;
		}
	}
	/* Its prompts write over the status line.  With an account on the
	   article's site, the site decides (ui-site.c). */
	memset(&id, 0, sizeof id);
	if (!ui_site_account(u, &id.name) && ui_compose_identity(u, &id) != 0)
		return UI_REPAINT;
	memset(&c, 0, sizeof c);
	c.buf = xstrdup("");
	c.parent = to != NULL ? to->id : 0;
	c.author = id.name != NULL ? id.name : xstrdup("anonymous");
	id.name = NULL;
	snprintf(c.title_buf, sizeof c.title_buf, "%s%s", to ? "Reply to " :
	    "New comment", to ? (to->author ? to->author : "anonymous") : "");
	c.title = c.title_buf;
	ui_compose_restore(u, &c);

	u->ps.comments = 1;
	u->ps.focus = PANE_COMMENTS;
	u->compose = &c;
	leaveok(stdscr, FALSE);		/* the cursor shows where typing goes */
	rc = ui_compose_loop(u, &c);
	leaveok(stdscr, TRUE);
	u->compose = NULL;
	curs_set(0);
	ui_compose_end(u, &c, rc, reply);
	if (rc == 1)
		ui_site_send(u, c.draft);
	ui_comments_load(u);
	comment_identity_free(&id);
	free(c.author);
	free(c.buf);
	free(c.file);
	return UI_REPAINT;
}
