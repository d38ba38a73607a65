/*
 * cmd-account.c: accounts on sites from the command line:
 * tandem login SITE --user NAME [--password-command CMD |
 * --password-env VAR | --password-file FILE], tandem logout SITE, and
 * the accounts part of tandem whoami.  The password is checked against
 * the site once (GET users/me) and never stored; what is stored is
 * where to get it.  cmd-comment.c's login, logout and whoami hand over
 * here when a SITE is named.
 */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "account.h"
#include "cache.h"
#include "cmd.h"
#include "out.h"
#include "site-wp.h"
#include "xmalloc.h"

/* SITE as given ("blog.example", "https://blog.example/") -> its URL. */
static char *
cmd_account_url(const char *site)
{
	char	*s;

	if (strstr(site, "://") != NULL)
		return xstrdup(site);
	xasprintf(&s, "https://%s", site);
	return s;
}

static int
cmd_account_check(struct account *a, const char *url, int check)
{
	char	*pw, *cause = NULL;
	int	 rc = 0;

	if (!check)
		return 0;
	if ((pw = account_password(a, 1, &cause)) == NULL ||
	    site_wp_check_login(url, a->user, pw, NULL, &cause) != 0) {
		cmd_error("login %s: %s", a->site, cause);
		rc = -1;
	}
	account_password_free(pw);
	free(cause);
	return rc;
}

int
cmd_account_login(struct cmd_ctx *ctx, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "user", required_argument, NULL, 'u' },
		{ "password-command", required_argument, NULL, 'c' },
		{ "password-env", required_argument, NULL, 'e' },
		{ "password-file", required_argument, NULL, 'f' },
		{ "no-check", no_argument, NULL, 'n' },
		{ NULL, 0, NULL, 0 }
	};
	struct account	 a;
	struct cache	*cache;
	char		*url, *cause = NULL;
	int		 ch, check = 1, rc = CMD_EXIT_ERROR;

	memset(&a, 0, sizeof a);
	optind = 0;
	while ((ch = getopt_long(argc, argv, "u:", longopts, NULL)) != -1) {
		switch (ch) {
		case 'u': free(a.user); a.user = xstrdup(optarg); break;
		case 'c': free(a.password_command);
			a.password_command = xstrdup(optarg); break;
		case 'e': free(a.password_env);
			a.password_env = xstrdup(optarg); break;
		case 'f': free(a.password_file);
			a.password_file = xstrdup(optarg); break;
		case 'n': check = 0; break;
		default:
			cmd_error("login: unknown option '%s'",
			    argv[optind - 1]);
			account_free(&a);
			return CMD_EXIT_USAGE;
		}
	}
	if (optind + 1 != argc || a.user == NULL || *a.user == '\0') {
		cmd_error("login: usage: tandem login SITE --user NAME "
		    "[--password-command CMD]");
		account_free(&a);
		return CMD_EXIT_USAGE;
	}
	url = cmd_account_url(argv[optind]);
	if ((a.site = account_site(url)) == NULL) {
		cmd_error("login: '%s' is not a site (https://HOST)",
		    argv[optind]);
		free(url);
		account_free(&a);
		return CMD_EXIT_USAGE;
	}
	if (cmd_account_check(&a, url, check) == 0 &&
	    cmd_open_cache(ctx, 1, &cache) == 0) {
		if (cache_account_put(cache, &a, &cause) != 0) {
			cmd_error("%s", cause);
			free(cause);
		} else {
			out_line(stdout, "logged in to %s as %s", a.site,
			    a.user);
			rc = 0;
		}
		cache_close(cache);
	}
	free(url);
	account_free(&a);
	return rc;
}

int
cmd_account_logout(struct cmd_ctx *ctx, const char *site_arg)
{
	struct cache	*cache;
	char		*url, *site, *cause = NULL;
	int		 rc = 0;

	url = cmd_account_url(site_arg);
	site = account_site(url);
	free(url);
	if (site == NULL) {
		cmd_error("logout: '%s' is not a site", site_arg);
		return CMD_EXIT_USAGE;
	}
	if (cmd_open_cache(ctx, 1, &cache) != 0) {
		free(site);
		return CMD_EXIT_ERROR;
	}
	if ((rc = cache_account_remove(cache, site, &cause)) < 0) {
		cmd_error("%s", cause);
		free(cause);
	} else if (rc == 1)
		out_line(stderr, "tandem: logout: no account for %s", site);
	else
		out_line(stdout, "logged out of %s", site);
	cache_close(cache);
	free(site);
	return rc < 0 ? CMD_EXIT_ERROR : rc;
}

/* The accounts, one line a site: "SITE USER (password: how)". */
int
cmd_account_list(struct cache *cache)
{
	struct account	*v;
	size_t		 n, i;
	char		*cause = NULL;

	if (cache_accounts(cache, &v, &n, &cause) != 0) {
		cmd_error("%s", cause);
		free(cause);
		return -1;
	}
	for (i = 0; i < n; i++) {
		if (v[i].password_command != NULL)
			out_line(stdout, "%s %s (password from a command)",
			    v[i].site, v[i].user);
		else if (v[i].password_env != NULL)
			out_line(stdout, "%s %s (password from $%s)",
			    v[i].site, v[i].user, v[i].password_env);
		else if (v[i].password_file != NULL)
			out_line(stdout, "%s %s (password from %s)",
			    v[i].site, v[i].user, v[i].password_file);
		else
			out_line(stdout, "%s %s (password asked, or "
			    "$TANDEM_PASSWORD)", v[i].site, v[i].user);
		account_free(&v[i]);
	}
	free(v);
	return (int)n;
}
