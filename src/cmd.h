/*
 * cmd.h: the commands of the tandem command line (tandem import, list,
 * show, export, rm).  main.c parses the global options into a struct
 * cmd_ctx and calls one of these with the command's own arguments
 * (argv[0] is the command name).  Each returns the exit status: 0, 1 for
 * an error (already reported on stderr as one line), 2 for a usage error.
 */
#ifndef TANDEM_CMD_H
#define TANDEM_CMD_H

#include "lang.h"
#include "utf8.h"

#define CMD_EXIT_ERROR	1
#define CMD_EXIT_USAGE	2

/* What tandem list prints, for --help and the man page to say. */
#define CMD_LIST_COLUMNS "id, N if unread, * if starred, languages, date, title"

struct cache;

struct cmd_ctx {
	const char	*db_path;	/* --db, or NULL for the default */
	struct lang_pref lang;		/* --lang, $TANDEM_LANG, the locale */
	struct layout_opts layout;	/* from the settings file */
};

int	cmd_import(struct cmd_ctx *, int, char **);
int	cmd_list(struct cmd_ctx *, int, char **);
int	cmd_show(struct cmd_ctx *, int, char **);
int	cmd_export(struct cmd_ctx *, int, char **);
int	cmd_rm(struct cmd_ctx *, int, char **);
int	cmd_align(struct cmd_ctx *, int, char **);
int	cmd_comments(struct cmd_ctx *, int, char **);
int	cmd_comment(struct cmd_ctx *, int, char **);
int	cmd_login(struct cmd_ctx *, int, char **);
int	cmd_logout(struct cmd_ctx *, int, char **);
int	cmd_whoami(struct cmd_ctx *, int, char **);
int	cmd_add(struct cmd_ctx *, int, char **);
int	cmd_feeds(struct cmd_ctx *, int, char **);
int	cmd_update(struct cmd_ctx *, int, char **);
int	cmd_unsubscribe(struct cmd_ctx *, int, char **);
int	cmd_import_opml(struct cmd_ctx *, int, char **);
int	cmd_export_opml(struct cmd_ctx *, int, char **);
int	cmd_search(struct cmd_ctx *, int, char **);
int	cmd_index(struct cmd_ctx *, int, char **);

/* Comments with a site (cmd-site.c) and accounts (cmd-account.c). */
struct article;
int	cmd_site_fetch(struct cmd_ctx *, long long);
int	cmd_site_send(struct cmd_ctx *, int);
struct cmd_site_report {
	size_t	articles;	/* whose comments were read from a site */
	size_t	comments;	/* ... how many they have */
	size_t	failed;		/* sites that failed (warned about) */
	size_t	sent;		/* pending comments that went */
	size_t	unsent;		/* ... and that stay pending */
};
void	cmd_site_update(struct cache *, const long long *, size_t,
	    struct cmd_site_report *);
int	cmd_site_account(struct cache *, const struct article *,
	    const char *, char **);
int	cmd_site_comment(struct cache *, long long, long long, const char *,
	    const char *, int);
int	cmd_account_login(struct cmd_ctx *, int, char **);
int	cmd_account_logout(struct cmd_ctx *, const char *);
int	cmd_account_list(struct cache *);

struct article;
struct article_pair;
struct export_alignment;
/* Each translation's alignment with the base (original) one. */
void	cmd_alignments(struct cache *, const struct article *,
	    struct export_alignment **, size_t *, struct article_pair ***);

/*
 * Open the cache named by ctx, or say why not (-1).  Without
 * CMD_CACHE_CREATE a cache never made is not made: 1, and a line saying
 * there is nothing yet and how to import (none with CMD_CACHE_QUIET).
 */
#define CMD_CACHE_CREATE	0x1
#define CMD_CACHE_QUIET		0x2
int	cmd_open_cache(struct cmd_ctx *, int flags, struct cache **);
int	cmd_tag_known(struct cache *, const char *, const char *, char **);

/* Print "tandem: message" on stderr. */
void	cmd_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
