/*
 * main.c: command line of tandem.
 *
 * Parses the global options, sets the locale and dispatches: with no
 * command the interactive reader starts (ui.c); the commands that work
 * on the cache without a terminal live in cmd*.c.
 */
#include "config.h"

#include <dirent.h>
#include <getopt.h>
#include <langinfo.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cache.h"
#include "cmd.h"
#include "conf.h"
#include "import.h"
#include "keys.h"
#include "story.h"
#include "ui.h"
#include "xmalloc.h"

static const struct {
	const char	*name;
	int		(*run)(struct cmd_ctx *, int, char **);
} commands[] = {
	{ "import",	cmd_import },
	{ "list",	cmd_list },
	{ "show",	cmd_show },
	{ "export",	cmd_export },
	{ "rm",		cmd_rm },
	{ "align",	cmd_align },
	{ "comments",	cmd_comments },
	{ "comment",	cmd_comment },
	{ "login",	cmd_login },
	{ "logout",	cmd_logout },
	{ "whoami",	cmd_whoami },
	{ "add",	cmd_add },
	{ "feeds",	cmd_feeds },
	{ "update",	cmd_update },
	{ "unsubscribe", cmd_unsubscribe },
	{ "import-opml", cmd_import_opml },
	{ "export-opml", cmd_export_opml },
	{ "search",	cmd_search },
	{ "index",	cmd_index },
};

/* The key summary, from the key table as the help screen shows it. */
static void
main_usage_keys(FILE *f)
{
	struct keys_help	h;
	size_t			k;

	for (k = 0; keys_help_row(k, &h); k++) {
		if (strlen(h.keys) > 18)
			fprintf(f, "  %s\n  %-18s %s\n", h.keys, "", h.help);
		else
			fprintf(f, "  %-18s %s\n", h.keys, h.help);
	}
}

static void
usage(FILE *f)
{
	fprintf(f,
"Usage: tandem [OPTION]... [COMMAND [ARG]...]\n"
"  or:  tandem [OPTION]... URL\n"
"A terminal reader for articles published in several languages.\n"
"\n"
"With no command, open the reader.  With an http(s) URL instead of a\n"
"command, import the story there (as tandem import URL) and open it.\n"
"\n"
"Commands:\n"
"  import [--format page|article|auto] FILE|DIR|URL...\n"
"                     add articles to the cache (or update them); a\n"
"                     directory gives the files under it, in name order;\n"
"                     a URL, the page and its translations as one article;\n"
"                     a feed file (RSS, Atom, JSON Feed): one per entry\n"
"      --no-translations  only the page asked for, not its translations\n"
"      --follow-any   follow translations on other sites too\n"
"      --encoding NAME  the charset of the files and pages, whatever\n"
"                     they say\n"
"      --timeout SECONDS  per page (default 60)\n"
"      --max-size BYTES   per page, e.g. 8M (default 32M)\n"
"  list [--unread] [--starred] [--has L[,L]...] [--sort date|title]\n"
"       [--feed F] [--tag T]\n"
"                     list the articles, a line each:\n"
"                     " CMD_LIST_COLUMNS ";\n"
"                     --has: only those with every language L;\n"
"                     --feed, --tag: only feed F's (id, URL or title) or\n"
"                     tag T's\n"
"  show ID [--lang L[,L2]] [--width N]\n"
"                     print an article as plain text wrapped at N cells\n"
"                     (two languages: side by side)\n"
"  export ID [--format json|article] [-o FILE]\n"
"                     write an article as JSON or tandem-article(5) text\n"
"  rm ID...           remove articles\n"
"  align ID [--json] [--reset]\n"
"                     print how each translation's paragraphs pair with the\n"
"                     original's, with the aligner's confidence; --reset\n"
"                     forgets the reader's corrections first\n"
"  search QUERY [--lang L] [--unread] [--since YYYY-MM-DD] [--limit N]\n"
"         [--feed F] [--tag T] [--json]\n"
"                     find articles in every language, best first: words,\n"
"                     \"a phrase\", prefix*, AND, OR, NOT, NEAR(a b, N);\n"
"                     accents and case do not matter\n"
"  index              bring the search index up to date (an import leaves\n"
"                     its text queued; a search or the idle reader indexes\n"
"                     it too)\n"
"  comments ID [--fetch]\n"
"                     print an article's comments as threads (--fetch: first\n"
"                     read them from the article's WordPress site, else\n"
"                     from its comment feed)\n"
"  comments --send    send the pending comments (never one twice)\n"
"  comment ID [--parent N] [-m TEXT]\n"
"                     write a comment (the text from -m or standard input):\n"
"                     posted to the site when it has an account, else kept\n"
"                     in the cache as a local comment\n"
"  comment rm N       remove one of your own local comments (N as\n"
"                     tandem comments and the comment pane number them)\n"
"  login [--name NAME] [--email ADDR]\n"
"                     the name your local comments carry; logout, whoami\n"
"  login SITE --user NAME [--password-command CMD | --password-env VAR |\n"
"        --password-file FILE]\n"
"                     an account on a WordPress site (application password,\n"
"                     never stored; else $TANDEM_PASSWORD or a prompt);\n"
"                     logout SITE forgets it\n"
"  add URL [--tag T]... [--no-alternates] [--full-text]\n"
"                     subscribe to a feed, or to the feed a page names\n"
"  feeds [--json]     the feeds: languages, tags, counts, last update\n"
"  update [--connections N] [--per-host N] [--no-comments] [FEED]...\n"
"                     fetch the feeds (all, or those named) and store what\n"
"                     is new, then the comments of new and changed articles\n"
"                     (at most 20 a feed) and the pending comments; e.g.\n"
"                     hourly from cron: 17 * * * * tandem update\n"
"  unsubscribe FEED [--purge]  stop following; --purge removes its articles\n"
"  import-opml FILE   subscribe to an OPML file's feeds; export-opml prints\n"
"                     them as OPML 2.0\n"
"\n"
"Options:\n"
"  -d, --db FILE      use FILE as the article cache\n"
"                     (default $TANDEM_DB, else $XDG_DATA_HOME/tandem/tandem.db)\n"
"  -l, --lang LIST    preferred languages, most wanted first (e.g. ko,en);\n"
"                     default $TANDEM_LANG, else the locale\n"
"  -h, --help         show this help and exit\n"
"  -V, --version      show the version and exit\n"
"\n"
"Environment: TANDEM_DB, TANDEM_LANG, TANDEM_HYPERLINKS (0 or 1: the\n"
"title bar's URL as an OSC 8 hyperlink), TANDEM_SAMPLE_DIR, NO_COLOR.\n"
"\n"
"Keys in the reader (rebind them with bind in the settings file):\n");
	main_usage_keys(f);
	fprintf(f, "See tandem(1) for everything else.\n");
}

/* Parse the global options; returns -1 to exit with *status. */
static int
main_options(int argc, char **argv, struct cmd_ctx *ctx, const char **lang,
    int *status)
{
	static const struct option longopts[] = {
		{ "db",		required_argument,	NULL, 'd' },
		{ "lang",	required_argument,	NULL, 'l' },
		{ "help",	no_argument,		NULL, 'h' },
		{ "version",	no_argument,		NULL, 'V' },
		{ NULL,		0,			NULL, 0 }
	};
	int	ch;

	opterr = 0;
	while ((ch = getopt_long(argc, argv, "+:d:l:hV", longopts, NULL)) != -1) {
		switch (ch) {
		case 'd':
			ctx->db_path = optarg;
			break;
		case 'l':
			*lang = optarg;
			break;
		case 'h':
			usage(stdout);
			*status = 0;
			return -1;
		case 'V':
			printf("tandem %s\n", PACKAGE_VERSION);
			*status = 0;
			return -1;
		case ':':
			cmd_error("option '%s' needs an argument",
			    argv[optind - 1]);
			goto bad;
		default:
			if (optopt != 0)
				cmd_error("unknown option '-%c'", optopt);
			else
				cmd_error("unknown option '%s'",
				    argv[optind - 1]);
			goto bad;
		}
	}
	return 0;
bad:
	fprintf(stderr, "Try 'tandem --help' for more information.\n");
	*status = CMD_EXIT_USAGE;
	return -1;
}

/*
 * Make sure text goes out as UTF-8: keep a UTF-8 locale, else switch to
 * C.UTF-8.  Returns 0, 1 if it had to switch, -1 if no UTF-8 locale.
 */
static char main_codeset[64];	/* the locale's own, before a switch */

static int
main_locale(void)
{
	setlocale(LC_ALL, "");
	snprintf(main_codeset, sizeof main_codeset, "%s",
	    nl_langinfo(CODESET));
	if (strcmp(nl_langinfo(CODESET), "UTF-8") == 0)
		return 0;
	if (setlocale(LC_CTYPE, "C.UTF-8") != NULL &&
	    strcmp(nl_langinfo(CODESET), "UTF-8") == 0)
		return 1;
	return -1;
}

/*
 * Text goes out as UTF-8 whatever the locale: on a terminal of another
 * character set, the commands that print articles say so, once, rather
 * than fill it with mojibake unannounced.
 */
static void
main_charset_note(int switched, const char *cmd)
{
	if (switched != 1 || !isatty(STDOUT_FILENO) || (strcmp(cmd, "list") !=
	    0 && strcmp(cmd, "show") != 0 && strcmp(cmd, "comments") != 0))
		return;
	cmd_error("the locale's character set is %s, not UTF-8: printing "
	    "UTF-8 anyway (set LANG to a UTF-8 locale, such as C.UTF-8)",
	    main_codeset);
}

/* The bundled sample's directory: installed, else the source tree's. */
static const char *
main_sample_dir(void)
{
	static const char	*dirs[] = { TANDEM_PKGDATADIR "/sample",
	    TANDEM_SRCDATADIR "/sample" };
	const char		*env = getenv("TANDEM_SAMPLE_DIR");
	struct stat		 sb;
	size_t			 i;

	if (env != NULL)
		return *env != '\0' ? env : NULL;
	for (i = 0; i < sizeof dirs / sizeof dirs[0]; i++)
		if (stat(dirs[i], &sb) == 0 && S_ISDIR(sb.st_mode))
			return dirs[i];
	return NULL;
}

/*
 * A cache that has never held anything gets the bundled sample, once,
 * so that the first start shows an article.  Returns a notice or NULL.
 */
static const char *
main_first_run(struct cache *cache)
{
	struct import_sink	 sink;
	struct dirent		*de;
	const char		*dir;
	char			*seen = NULL, *cause = NULL, *path;
	DIR			*d;
	int			 got = 0, empty = 0;

	if (cache_setting_get(cache, 0, "sample.offered", &seen, &cause) != 0 ||
	    seen != NULL || cache_is_empty(cache, &empty, &cause) != 0 || !empty ||
	    (dir = main_sample_dir()) == NULL || (d = opendir(dir)) == NULL) {
		free(seen);
		free(cause);
		return NULL;
	}
	cache_sink(cache, &sink);
	while ((de = readdir(d)) != NULL) {
		if (strlen(de->d_name) < 5 || strcmp(de->d_name +
		    strlen(de->d_name) - 4, ".txt") != 0)
			continue;
		xasprintf(&path, "%s/%s", dir, de->d_name);
		if (import_file(path, NULL, &sink, &cause) == 0)
			got++;
		FREE(&cause);
		free(path);
	}
	closedir(d);
	cache_setting_set(cache, 0, "sample.offered", "1", &cause);
	free(cause);
	return got ? "Welcome: the bundled sample article is in your cache. "
	    "Enter opens it, ? shows the keys." : NULL;
}

/* Whether the reader can start here; says why not. */
static int
main_reader_ok(int switched)
{
	char	*cause = NULL;

	if (switched < 0) {
		cmd_error("no UTF-8 locale: set LANG to one (for example "
		    "C.UTF-8 or en_US.UTF-8)");
		return CMD_EXIT_ERROR;
	}
	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		cmd_error("the reader needs a terminal (for pipes: tandem list, "
		    "tandem show)");
		return CMD_EXIT_ERROR;
	}
	if (ui_terminal_ok(&cause) != 0) {
		cmd_error("%s", cause);
		free(cause);
		return CMD_EXIT_ERROR;
	}
	return 0;
}

/* The reader, on the article url is of if url is not NULL. */
static int
main_reader(struct cmd_ctx *ctx, struct conf *conf, int switched,
    const char *url)
{
	struct ui_options	 uo;
	struct cache		*cache;
	char			*cause = NULL, *notice = NULL;
	int			 status;

	if ((status = main_reader_ok(switched)) != 0)
		return status;
	if (switched)
		cmd_error("the locale is not UTF-8; using C.UTF-8");
	if (cmd_open_cache(ctx, 1, &cache) != 0)
		return CMD_EXIT_ERROR;
	memset(&uo, 0, sizeof uo);
	uo.cache = cache;
	uo.pref = &ctx->lang;
	uo.conf = conf;
	if (url != NULL && cache_article_by_url(cache, url, &uo.open,
	    &cause) != 0) {
		cmd_error("%s", cause);
		free(cause);
	}
	uo.notice = main_first_run(cache);
	if (switched) {
		/* Said before the screen too, but seen only after it. */
		xasprintf(&notice, "the locale is not UTF-8; using C.UTF-8%s%s",
		    uo.notice ? ".  " : "", uo.notice ? uo.notice : "");
		uo.notice = notice;
	}
	status = ui_run(&uo);
	free(notice);
	cache_close(cache);
	return status;
}

/* Read the settings file and the language preference into ctx. */
static int
main_settings(struct cmd_ctx *ctx, struct conf *conf, const char *lang)
{
	char	*path, *cause = NULL, *line, *next;

	keys_init();
	conf_init(conf);
	if ((path = conf_default_path()) != NULL &&
	    conf_load(conf, path, &cause) != 0) {
		/* Bad lines are said and skipped; the rest applies. */
		for (line = cause; line != NULL; line = next) {
			if ((next = strchr(line, '\n')) != NULL)
				*next++ = '\0';
			cmd_error("%s", line);
		}
		FREE(&cause);
	}
	free(path);
	ctx->layout = conf->layout;
	if (lang == NULL && getenv("TANDEM_LANG") == NULL && conf->lang &&
	    lang_pref_init(&ctx->lang, conf->lang, &cause) != 0) {
		cmd_error("%s: set lang: %s (ignored)", conf->path, cause);
		FREE(&cause);
	} else if (lang == NULL && getenv("TANDEM_LANG") == NULL &&
	    conf->lang != NULL)
		return 0;
	if (lang_pref_init(&ctx->lang, lang, &cause) != 0) {
		cmd_error("--lang: %s", cause);
		free(cause);
		return -1;
	}
	return 0;
}

int
main(int argc, char **argv)
{
	struct cmd_ctx	 ctx;
	struct conf	 conf;
	const char	*lang = NULL;
	size_t		 i;
	int		 status, switched;

	switched = main_locale();
	memset(&ctx, 0, sizeof ctx);
	if (main_options(argc, argv, &ctx, &lang, &status) != 0)
		return status;
	if (main_settings(&ctx, &conf, lang) != 0) {
		conf_free(&conf);
		return CMD_EXIT_USAGE;
	}
	if (optind < argc && story_is_url(argv[optind])) {
		/* tandem URL: import it as tandem import does, then read it. */
		char	*av[] = { "import", argv[optind], NULL };

		if ((status = main_reader_ok(switched)) == 0 &&
		    (status = cmd_import(&ctx, 2, av)) == 0)
			status = main_reader(&ctx, &conf, switched,
			    argv[optind]);
	} else if (optind < argc) {
		for (i = 0; i < sizeof commands / sizeof commands[0]; i++)
			if (strcmp(argv[optind], commands[i].name) == 0)
				break;
		if (i == sizeof commands / sizeof commands[0]) {
			cmd_error("unknown command '%s'", argv[optind]);
			fprintf(stderr,
			    "Try 'tandem --help' for more information.\n");
			status = CMD_EXIT_USAGE;
		} else {
			main_charset_note(switched, commands[i].name);
			status = commands[i].run(&ctx, argc - optind,
			    argv + optind);
		}
	} else
		status = main_reader(&ctx, &conf, switched, NULL);
	lang_pref_free(&ctx.lang);
	conf_free(&conf);
	return status;
}
