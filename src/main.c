/*
 * main.c: command line of tandem.
 *
 * Parses the global options, sets the locale and dispatches: with no
 * command the interactive reader starts (ui.c); the commands that work
 * on the cache without a terminal live in cmd*.c.
 */
#include "config.h"

#include <getopt.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "ui.h"

static const struct {
	const char	*name;
	int		(*run)(struct cmd_ctx *, int, char **);
} commands[] = {
	{ "import",	cmd_import },
	{ "list",	cmd_list },
	{ "show",	cmd_show },
	{ "export",	cmd_export },
	{ "rm",		cmd_rm },
};

static void
usage(FILE *f)
{
	fprintf(f,
"Usage: tandem [OPTION]... [COMMAND [ARG]...]\n"
"A terminal reader for articles published in several languages.\n"
"\n"
"With no command, open the reader.\n"
"\n"
"Commands:\n"
"  import [--format page|article|auto] FILE...\n"
"                     add articles to the cache (or update them)\n"
"  list               list the articles: id, languages, title, date\n"
"  show ID [--lang L[,L2]] [--width N]\n"
"                     print an article as plain text wrapped at N cells\n"
"                     (two languages: side by side)\n"
"  export ID [--format json|article] [-o FILE]\n"
"                     write an article as JSON or tandem-article(5) text\n"
"  rm ID...           remove articles\n"
"\n"
"Options:\n"
"  -d, --db FILE      use FILE as the article cache\n"
"                     (default $TANDEM_DB, else $XDG_DATA_HOME/tandem/tandem.db)\n"
"  -l, --lang LIST    preferred languages, most wanted first (e.g. ko,en);\n"
"                     default $TANDEM_LANG, else the locale\n"
"  -h, --help         show this help and exit\n"
"  -V, --version      show the version and exit\n"
"\n"
"Keys in the reader: q quits.  See tandem(1) for everything else.\n");
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

int
main(int argc, char **argv)
{
	struct cmd_ctx		 ctx;
	struct ui_options	 uo;
	const char		*lang = NULL;
	char			*cause = NULL;
	size_t			 i;
	int			 status;

	setlocale(LC_ALL, "");
	memset(&ctx, 0, sizeof ctx);
	if (main_options(argc, argv, &ctx, &lang, &status) != 0)
		return status;
	if (lang_pref_init(&ctx.lang, lang, &cause) != 0) {
		cmd_error("--lang: %s", cause);
		free(cause);
		return CMD_EXIT_USAGE;
	}
	if (optind < argc) {
		for (i = 0; i < sizeof commands / sizeof commands[0]; i++)
			if (strcmp(argv[optind], commands[i].name) == 0)
				break;
		if (i == sizeof commands / sizeof commands[0]) {
			cmd_error("unknown command '%s'", argv[optind]);
			fprintf(stderr,
			    "Try 'tandem --help' for more information.\n");
			status = CMD_EXIT_USAGE;
		} else
			status = commands[i].run(&ctx, argc - optind,
			    argv + optind);
	} else {
		memset(&uo, 0, sizeof uo);
		uo.db_path = ctx.db_path;
		status = ui_run(&uo);
	}
	lang_pref_free(&ctx.lang);
	return status;
}
