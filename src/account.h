/*
 * account.h: who one is on a site, and how to get the password.
 *
 * tandem login SITE --user NAME keeps an account per site (its origin,
 * "https://host[:port]"): the user name and where the application
 * password comes from: a command run with argv (--password-command,
 * like mutt's passwordeval; its first line of output), an environment
 * variable (--password-env, else $TANDEM_PASSWORD), or a file of mode
 * 0600 (--password-file; refused when others may read it).  With none
 * of them, a password typed at a prompt without echo.  The cache keeps
 * the account, never the password; the password lives in memory only
 * for the request that needs it and is wiped after.
 */
#ifndef TANDEM_ACCOUNT_H
#define TANDEM_ACCOUNT_H

#include <stddef.h>

struct cache;

struct account {
	char	*site;		/* origin: "https://blog.example" */
	char	*user;
	char	*password_command;	/* or NULL */
	char	*password_env;		/* or NULL */
	char	*password_file;		/* or NULL */
};

void	account_free(struct account *);

/* "https://Blog.Example:443/x/y" -> "https://blog.example"; NULL when
   url is not http(s). */
char	*account_site(const char *url);

/* Is the site's host on loopback (127.0.0.0/8, ::1, localhost)? */
int	account_loopback(const char *site);

/*
 * The password for a: from its command, its variable, its file, else
 * from the terminal when prompt is set.  NULL with *cause when none
 * can be had.  Free it with account_password_free (it is wiped).
 */
char	*account_password(const struct account *, int prompt, char **cause);
void	account_password_free(char *);

/* Read a password from /dev/tty with echo off; NULL with *cause. */
char	*account_prompt(const char *prompt, char **cause);

/* The stored account of the site of url (0), none (1), or -1. */
int	account_for_url(struct cache *, const char *url, struct account *,
	    char **cause);

/* cache-remote.c */
int	cache_account_put(struct cache *, const struct account *, char **);
int	cache_account_get(struct cache *, const char *site,
	    struct account *, char **);	/* 1: none */
int	cache_account_remove(struct cache *, const char *site, char **);
int	cache_accounts(struct cache *, struct account **, size_t *, char **);

#endif
