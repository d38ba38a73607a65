/*
 * main.c: command line of tandem.
 *
 * Parses the global options, sets the locale and dispatches: with no
 * command the interactive reader starts (ui.c); commands that work on
 * the cache without a terminal are added here as they appear.
 */
#include "config.h"

#include <getopt.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ui.h"

#define EXIT_USAGE 2

static void
usage(FILE *f)
{
	fprintf(f,
"Usage: tandem [OPTION]...\n"
"A terminal reader for articles published in several languages.\n"
"\n"
"With no command, open the reader.\n"
"\n"
"Options:\n"
"  -d, --db FILE      use FILE as the article cache\n"
"                     (default $TANDEM_DB, else $XDG_DATA_HOME/tandem/tandem.db)\n"
"  -l, --lang LIST    preferred languages, most wanted first (e.g. ko,en)\n"
"  -h, --help         show this help and exit\n"
"  -V, --version      show the version and exit\n"
"\n"
"Keys in the reader: q quits.  See tandem(1) for everything else.\n");
}

int
main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "db",		required_argument,	NULL, 'd' },
		{ "lang",	required_argument,	NULL, 'l' },
		{ "help",	no_argument,		NULL, 'h' },
		{ "version",	no_argument,		NULL, 'V' },
		{ NULL,		0,			NULL, 0 }
	};
	struct ui_options	 uo;
	const char		*db = NULL;
	int			 ch;

	setlocale(LC_ALL, "");
	opterr = 0;
	while ((ch = getopt_long(argc, argv, "+:d:l:hV", longopts, NULL)) != -1) {
		switch (ch) {
		case 'd':
			db = optarg;
			break;
		case 'l':
			break;
		case 'h':
			usage(stdout);
			return 0;
		case 'V':
			printf("tandem %s\n", PACKAGE_VERSION);
			return 0;
		case ':':
			fprintf(stderr, "tandem: option '%s' needs an argument\n"
			    "Try 'tandem --help' for more information.\n",
			    argv[optind - 1]);
			return EXIT_USAGE;
		default:
			if (optopt != 0)
				fprintf(stderr, "tandem: unknown option '-%c'\n",
				    optopt);
			else
				fprintf(stderr, "tandem: unknown option '%s'\n",
				    argv[optind - 1]);
			fprintf(stderr,
			    "Try 'tandem --help' for more information.\n");
			return EXIT_USAGE;
		}
	}
	if (optind < argc) {
		fprintf(stderr, "tandem: unknown command '%s'\n"
		    "Try 'tandem --help' for more information.\n", argv[optind]);
		return EXIT_USAGE;
	}

	memset(&uo, 0, sizeof uo);
	uo.db_path = db;
	return ui_run(&uo);
}
