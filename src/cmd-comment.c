/*
 * cmd-comment.c: comments and identity from the command line:
 * tandem comments, comment, comment rm, login, logout, whoami.
 * Text printed goes through the layout engine like every article
 * string; text written is checked as UTF-8 and stored in NFC.
 */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "account.h"
#include "cache.h"
#include "cmd.h"
#include "comment.h"
#include "layout.h"
#include "out.h"
#include "utf8-text.h"
#include "xmalloc.h"

#define CMD_COMMENT_MAX	(64 * 1024)

static long long
cmd_number(const char *s, const char *what)
{
	char		*end;
	long long	 n = strtoll(s, &end, 10);

	if (*s == '\0' || *end != '\0' || n <= 0) {
		cmd_error("'%s' is not %s", s, what);
		return -1;
	}
	return n;
}

/* Print one comment: head line and body, indented two cells a level. */
static void
cmd_comment_print(const struct article_comment *c, int depth, int width,
    const struct layout_opts *opts)
{
	struct layout	 l;
	char		*head, *safe, when[64];
	size_t		 k, n;
	int		 ind = depth > 8 ? 16 : depth * 2, w = width - ind;

	if (w < 20)
		w = 20;
	comment_time(c->created, time(NULL), when, sizeof when);
	xasprintf(&head, "[%lld] %s%s%s%s%s%s%s", c->id, c->author ?
	    c->author : "anonymous", c->created ? " · " : "", when,
	    c->lang && c->remote_url ? " · " : "",
	    c->lang && c->remote_url ? c->lang : "",
	    c->state == ARTICLE_COMMENT_DRAFT ? " (draft)" : "",
	    c->pending ? " (pending: tandem comments --send)" :
	    c->remote_id ? " (site)" : comment_is_local(c) ? " (local)" : "");
	/* The header is one row: an author's U+2029 cannot forge another. */
	safe = utf8_sanitize_line(head, strlen(head), &n, opts);
	layout_init(&l);
	layout_wrap(&l, 0, safe, n, w, opts);
	layout_wrap(&l, 1, c->body, strlen(c->body), w, opts);
	for (k = 0; k < l.nlines; k++)
		out_line(stdout, "%*s%s", ind, "", layout_line_text(&l, k));
	printf("\n");
	layout_free(&l);
	free(safe);
	free(head);
}

int
cmd_comments(struct cmd_ctx *ctx, int argc, char **argv)
{
	struct cache		*cache;
	struct article		*a;
	struct article_comment	*c;
	size_t			 n, k, *order;
	int			*depth;
	char			*cause = NULL;
	long long		 id;

	if (argc >= 2 && strcmp(argv[1], "--send") == 0 && (argc == 2 ||
	    (argc == 3 && strcmp(argv[2], "--insecure-http") == 0)))
		return cmd_site_send(ctx, argc == 3);
	if (argc == 3 && strcmp(argv[2], "--fetch") == 0 &&
	    (id = cmd_number(argv[1], "an article id")) > 0 &&
	    cmd_site_fetch(ctx, id) != 0)
		return CMD_EXIT_ERROR;
	if (argc != 2 && !(argc == 3 && strcmp(argv[2], "--fetch") == 0)) {
		cmd_error("comments: want one article id (usage: tandem "
		    "comments ID [--fetch] | tandem comments --send)");
		return CMD_EXIT_USAGE;
	}
	if ((id = cmd_number(argv[1], "an article id (see tandem list)")) < 0)
		return CMD_EXIT_USAGE;
	if (cmd_open_cache(ctx, 0, &cache) != 0)
		return CMD_EXIT_ERROR;
	if (cache_article_load(cache, id, &a, &cause) != 0 ||
	    cache_comments_load(cache, id, &c, &n, &cause) != 0) {
		cmd_error("%s", cause);
		free(cause);
		cache_close(cache);
		return CMD_EXIT_ERROR;
	}
	out_line(stdout, "Comments (%s): %zu", article_policy_name(a->policy), n);
	printf("\n");
	order = xcalloc(n + 1, sizeof *order);
	depth = xcalloc(n + 1, sizeof *depth);
	comment_thread(c, n, order, depth);
	for (k = 0; k < n; k++)
		cmd_comment_print(&c[order[k]], depth[k], 80, &ctx->layout);
	free(order);
	free(depth);
	article_comments_free(c, n);
	article_free(a);
	cache_close(cache);
	return 0;
}

/* The comment text: -m's, or standard input; valid, trimmed, not empty. */
static char *
cmd_comment_text(const char *m)
{
	char	*raw, *clean;
	size_t	 len = 0, cap = 0, n, clen;
	const char *t;

	if (m != NULL) {
		raw = xstrdup(m);
		len = strlen(raw);
	} else {
		raw = NULL;
		do {
			if (len == cap)
				raw = xrealloc(raw, (cap = cap ? cap * 2 : 4096) + 1);
			n = fread(raw + len, 1, cap - len, stdin);
			len += n;
		} while (n > 0 && len <= CMD_COMMENT_MAX);
		if (raw == NULL)
			raw = xstrdup("");
		raw[len] = '\0';
		if (len > CMD_COMMENT_MAX) {
			cmd_error("comment: longer than %d bytes",
			    CMD_COMMENT_MAX);
			free(raw);
			return NULL;
		}
	}
	/* NULs become U+FFFD in utf8_text_clean; say so, nothing is cut. */
	for (t = raw, n = 0; (t = memchr(t, '\0', len - (size_t)(t - raw))) !=
	    NULL; t++)
		n++;
	if (n > 0)
		fprintf(stderr, "tandem: comment: the text held %zu NUL byte%s: "
		    "replaced by U+FFFD\n", n, n == 1 ? "" : "s");
	clean = utf8_text_clean(raw, len, &clen, NULL);
	free(raw);
	t = utf8_text_trim(clean, clen, &clen);
	if (clen == 0) {
		cmd_error("comment: the text is empty");
		free(clean);
		return NULL;
	}
	raw = xstrndup(t, clen);
	free(clean);
	return raw;
}

static int
cmd_comment_rm(struct cmd_ctx *ctx, int argc, char **argv)
{
	struct comment_identity	 who = { NULL, NULL };
	struct cache	*cache;
	char		*cause = NULL;
	long long	 id;
	int		 rc = 0;

	if (argc != 3 || (id = cmd_number(argv[2], "a comment id (see "
	    "tandem comments)")) < 0) {
		if (argc != 3)
			cmd_error("comment rm: want one comment id");
		return CMD_EXIT_USAGE;
	}
	if (cmd_open_cache(ctx, 0, &cache) != 0)
		return CMD_EXIT_ERROR;
	if (comment_identity_get(cache, &who, &cause) != 0 ||
	    cache_comment_remove(cache, id, who.name, &cause) != 0) {
		cmd_error("%s", cause);
		free(cause);
		rc = CMD_EXIT_ERROR;
	}
	comment_identity_free(&who);
	cache_close(cache);
	return rc;
}

/* Add the comment; the policy and the identity were checked. */
static int
cmd_comment_add(struct cache *cache, long long id, long long parent,
    const char *author, const char *text)
{
	struct article_comment	 m;
	char			 now[32], *cause = NULL;
	long long		 cid;

	comment_now(now, sizeof now);
	memset(&m, 0, sizeof m);
	m.parent = parent;
	m.author = (char *)author;
	m.body = (char *)text;
	m.created = now;
	m.state = ARTICLE_COMMENT_POSTED;
	if (cache_comment_add(cache, id, &m, &cid, &cause) != 0) {
		cmd_error("%s", cause);
		free(cause);
		return CMD_EXIT_ERROR;
	}
	printf("comment %lld added to article %lld\n", cid, id);
	return 0;
}

/* Does comment parent belong to article id? */
static int
cmd_comment_parent_ok(struct cache *cache, long long id, long long parent)
{
	struct article_comment	*c;
	size_t			 n, i;
	char			*cause = NULL;
	int			 found = 0;

	if (cache_comments_load(cache, id, &c, &n, &cause) != 0) {
		free(cause);
		return 0;
	}
	for (i = 0; i < n; i++)
		found |= c[i].id == parent;
	article_comments_free(c, n);
	return found;
}

/* The policy's refusal, with the command that would lift it. */
static void
cmd_comment_refusal(const struct article *a, long long id, const char *why)
{
	char	*site = a->url != NULL ? account_site(a->url) : NULL;

	if (strcmp(why, COMMENT_LOGIN) == 0 && site != NULL)
		cmd_error("article %lld: This site requires login to comment: "
		    "tandem login %s --user NAME", id, site);
	else
		cmd_error("article %lld: %s%s", id, why, strcmp(why,
		    COMMENT_LOGIN) == 0 ? " (tandem login --name NAME)" : "");
	free(site);
}

/*
 * tandem comment ID [--parent N] [-m TEXT]: write a comment (the text
 * from -m or standard input), under the article's policy; tandem
 * comment rm N removes one of one's own.
 */
int
cmd_comment(struct cmd_ctx *ctx, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "parent", required_argument, NULL, 'p' },
		{ "message", required_argument, NULL, 'm' },
		{ "lang", required_argument, NULL, 'l' },
		{ "insecure-http", no_argument, NULL, 'k' },
		{ NULL, 0, NULL, 0 }
	};
	struct comment_identity	 who;
	struct cache		*cache;
	struct article		*a;
	const char		*m = NULL, *why, *lang = NULL;
	char			*cause = NULL, *text = NULL, *url = NULL;
	long long		 id, parent = 0;
	int			 ch, rc = CMD_EXIT_ERROR, insecure = 0, site;

	if (argc >= 2 && strcmp(argv[1], "rm") == 0)
		return cmd_comment_rm(ctx, argc, argv);
	optind = 0;
	while ((ch = getopt_long(argc, argv, "p:m:", longopts, NULL)) != -1) {
		if (ch == 'm')
			m = optarg;
		else if (ch == 'l')
			lang = optarg;
		else if (ch == 'k')
			insecure = 1;
		else if (ch != 'p' || (parent = cmd_number(optarg,
		    "a comment id")) < 0) {
			if (ch != 'p')
				cmd_error("comment: unknown option '%s'",
				    argv[optind - 1]);
			return CMD_EXIT_USAGE;
		}
	}
	if (optind + 1 != argc) {
		cmd_error("comment: want one article id (usage: tandem comment "
		    "ID [--parent N] [-m TEXT])");
		return CMD_EXIT_USAGE;
	}
	if ((id = cmd_number(argv[optind], "an article id")) < 0)
		return CMD_EXIT_USAGE;
	if (cmd_open_cache(ctx, 0, &cache) != 0)
		return CMD_EXIT_ERROR;
	if (cache_article_load(cache, id, &a, &cause) != 0 ||
	    comment_identity_get(cache, &who, &cause) != 0) {
		cmd_error("%s", cause);
		free(cause);
		cache_close(cache);
		return CMD_EXIT_ERROR;
	}
	/* With an account the site decides; else the page's policy. */
	if ((site = cmd_site_account(cache, a, lang, &url)) < 0)
		;
	else if (!site && (why = comment_refusal(a->policy, &who)) != NULL)
		cmd_comment_refusal(a, id, why);
	else if (parent != 0 && !cmd_comment_parent_ok(cache, id, parent))
		cmd_error("comment %lld is not a comment on article %lld",
		    parent, id);
	else if (site && (text = cmd_comment_text(m)) != NULL)
		rc = cmd_site_comment(cache, id, parent, url, text, insecure);
	else if (!site && (text = cmd_comment_text(m)) != NULL)
		rc = cmd_comment_add(cache, id, parent, who.name != NULL ?
		    who.name : "anonymous", text);
	free(text);
	free(url);
	comment_identity_free(&who);
	article_free(a);
	cache_close(cache);
	return rc;
}

/* Read a line from the terminal for login; NULL at end of input. */
static char *
cmd_ask(const char *prompt)
{
	char	*line = NULL;
	size_t	 cap = 0;
	ssize_t	 n;

	fputs(prompt, stderr);
	if ((n = getline(&line, &cap, stdin)) <= 0) {
		free(line);
		return NULL;
	}
	while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
		line[--n] = '\0';
	return line;
}

/* tandem login [--name NAME] [--email ADDR]: who you are for comments. */
int
cmd_login(struct cmd_ctx *ctx, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "name", required_argument, NULL, 'n' },
		{ "email", required_argument, NULL, 'e' },
		{ NULL, 0, NULL, 0 }
	};
	struct cache	*cache;
	char		*name = NULL, *email = NULL, *cause = NULL;
	int		 ch, rc = 0;

	if (argc >= 2 && argv[1][0] != '-')
		return cmd_account_login(ctx, argc, argv);
	optind = 0;
	while ((ch = getopt_long(argc, argv, "n:e:", longopts, NULL)) != -1) {
		if (ch == 'n')
			name = xstrdup(optarg);
		else if (ch == 'e')
			email = xstrdup(optarg);
		else {
			cmd_error("login: unknown option '%s'", argv[optind - 1]);
			return CMD_EXIT_USAGE;
		}
	}
	if (name == NULL && isatty(STDIN_FILENO)) {
		name = cmd_ask("Display name: ");
		if (email == NULL)
			email = cmd_ask("E-mail (optional): ");
	}
	if (name == NULL || *name == '\0') {
		cmd_error("login: a display name is needed (--name NAME)");
		free(name);
		free(email);
		return CMD_EXIT_USAGE;
	}
	if (cmd_open_cache(ctx, 1, &cache) != 0) {
		free(name);
		free(email);
		return CMD_EXIT_ERROR;
	}
	if (comment_identity_set(cache, name, email, &cause) != 0) {
		cmd_error("%s", cause);
		free(cause);
		rc = CMD_EXIT_ERROR;
	} else
		out_line(stdout, "logged in as %s", name);
	cache_close(cache);
	free(name);
	free(email);
	return rc;
}

/* tandem logout: forget the identity. */
int
cmd_logout(struct cmd_ctx *ctx, int argc, char **argv)
{
	struct cache	*cache;
	char		*cause = NULL;
	int		 rc = 0;

	if (argc == 2 && argv[1][0] != '-')
		return cmd_account_logout(ctx, argv[1]);
	if (argc != 1) {
		cmd_error("logout: no arguments expected (or: tandem logout "
		    "SITE)");
		return CMD_EXIT_USAGE;
	}
	if (cmd_open_cache(ctx, 1, &cache) != 0)
		return CMD_EXIT_ERROR;
	if (comment_identity_clear(cache, &cause) != 0) {
		cmd_error("%s", cause);
		free(cause);
		rc = CMD_EXIT_ERROR;
	} else
		printf("logged out\n");
	cache_close(cache);
	return rc;
}

/* tandem whoami: the identity, or exit 1 when nobody is logged in. */
int
cmd_whoami(struct cmd_ctx *ctx, int argc, char **argv)
{
	struct comment_identity	 who;
	struct cache		*cache;
	char			*cause = NULL;
	int			 rc = 0, n;

	if (argc != 1) {
		cmd_error("whoami: no arguments expected");
		return CMD_EXIT_USAGE;
	}
	/* Asking is no reason to make a cache. */
	if ((rc = cmd_open_cache(ctx, CMD_CACHE_QUIET, &cache)) > 0) {
		printf("not logged in (tandem login --name NAME)\n");
		return CMD_EXIT_ERROR;
	} else if (rc < 0)
		return CMD_EXIT_ERROR;
	if (comment_identity_get(cache, &who, &cause) != 0) {
		cmd_error("%s", cause);
		free(cause);
		rc = CMD_EXIT_ERROR;
	} else {
		if (who.name != NULL && who.email != NULL)
			out_line(stdout, "%s <%s>", who.name, who.email);
		else if (who.name != NULL)
			out_line(stdout, "%s", who.name);
		if ((n = cmd_account_list(cache)) < 0)
			rc = CMD_EXIT_ERROR;
		else if (who.name == NULL && n == 0) {
			printf("not logged in (tandem login --name NAME, or "
			    "tandem login SITE --user NAME)\n");
			rc = CMD_EXIT_ERROR;
		}
	}
	comment_identity_free(&who);
	cache_close(cache);
	return rc;
}
