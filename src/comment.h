/*
 * comment.h: comments as tandem writes them: who you are (the identity
 * kept in the cache's settings), whether an article's policy lets you
 * write, and threads in reading order.  Shared by the comment pane and
 * the tandem comment/comments commands; no curses, no SQL here.
 *
 * Identity.  tandem login stores a display name and, optionally, an
 * e-mail address; nothing secret is stored.  Posting to a site is for a
 * later version: it will take the site's URL from the settings and an
 * application password or token from a command or the environment
 * (like mutt's passwordeval), never from the database.
 */
#ifndef TANDEM_COMMENT_H
#define TANDEM_COMMENT_H

#include <stddef.h>

#include <time.h>

#include "article.h"

struct cache;

struct comment_identity {
	char	*name;		/* NULL when nobody is logged in */
	char	*email;		/* or NULL */
};

int	comment_identity_get(struct cache *, struct comment_identity *,
	    char **cause);
int	comment_identity_set(struct cache *, const char *name,
	    const char *email, char **cause);
int	comment_identity_clear(struct cache *, char **cause);
void	comment_identity_free(struct comment_identity *);

/* Why the policy refuses a new comment, or NULL if it may be written. */
#define COMMENT_CLOSED	"Comments are closed."
#define COMMENT_LOGIN	"You must be logged in to post a comment."
const char *comment_refusal(enum article_policy, const struct comment_identity *);

/*
 * Text read back from a file (the $EDITOR's): valid UTF-8, each NUL byte
 * replaced by U+FFFD, as the store keeps C strings; *nul says how many.
 */
char	*comment_text_from_file(const char *, size_t, size_t *len,
	    size_t *nul);

/* Now as ISO 8601 UTC ("2026-11-26T05:20:00Z"). */
void	comment_now(char *buf, size_t len);

/*
 * A stored time (ISO 8601 UTC) as a reader wants it, at now: "just now",
 * "5 min ago", "3 h ago" within a day, else the local date and time
 * ("2026-11-25 14:20").  A time that is not ISO 8601 UTC is kept as is.
 */
void	comment_time(const char *iso, time_t now, char *buf, size_t len);

/* Whether the comment was written here (local), not with the article. */
int	comment_is_local(const struct article_comment *);

/*
 * Reading order: each thread depth first, replies under their parent,
 * siblings oldest first.  order[k] is the index of the k-th comment,
 * depth[k] its depth (0 top level).  Both arrays hold n entries.
 */
void	comment_thread(const struct article_comment *, size_t n,
	    size_t *order, int *depth);

#endif
