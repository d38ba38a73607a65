/*
 * draft.h: comment drafts kept in files when the cache refuses them.
 *
 * A draft is normally a row of the cache.  When the cache cannot be
 * written (another process holds the lock, the disk is full, the file is
 * read-only) the text goes to a file of its own under
 * $XDG_STATE_HOME/tandem/drafts (default ~/.local/state/tandem/drafts),
 * one per article and parent: "12.txt" for a new comment on article 12,
 * "12-r34.txt" for a reply to comment 34.  The directories are made mode
 * 0700, the file 0600, and it is replaced atomically (a temporary file
 * in the same directory, then rename), so a crash leaves the old draft
 * or the new one, never half of either.
 *
 * The file is text: a first line "tandem-draft 1", header lines
 * "key: value" (cache, article, url, parent, saved), an empty line, then
 * the draft's text as typed.  No curses and no SQL here.
 */
#ifndef TANDEM_DRAFT_H
#define TANDEM_DRAFT_H

#include <stddef.h>

struct draft {
	char		*cache;		/* path of the cache it belongs to */
	long long	 article;
	char		*url;		/* the article's URL, or NULL */
	long long	 parent;	/* comment id, 0 for top level */
	char		*saved;		/* ISO 8601 UTC, or NULL */
	char		*text;		/* UTF-8, no NUL */
};

char	*draft_dir(void);
char	*draft_path(const char *dir, long long article, long long parent);
int	 draft_write(const char *dir, const struct draft *, char **path,
	     char **cause);
int	 draft_read(const char *path, struct draft *, char **cause);
int	 draft_find(const char *dir, const char *cache, long long article,
	     long long parent, struct draft *, char **path, char **cause);
int	 draft_list(const char *dir, char ***paths, size_t *n, char **cause);
int	 draft_remove(const char *path, char **cause);
void	 draft_free(struct draft *);
char	*draft_display_path(const char *path);

#endif
