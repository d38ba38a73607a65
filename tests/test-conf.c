/*
 * test-conf.c: the settings file: set, color and bind lines, comments and
 * blank lines, a bad value refused with its file and line, an unknown
 * command refused, every bad line said while the others apply, the
 * shipped example clean and complete, and a missing file taken as no
 * settings.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "conf.h"
#include "keys.h"
#include "tap.h"
#include "xmalloc.h"

static char	conf_path[] = "/tmp/tandem-conf.XXXXXX";

/* Replace the test's settings file with text; a failure is a test failure. */
static int
conf_write(const char *text)
{
	FILE	*f;
	int	 r;

	if ((f = fopen(conf_path, "w")) == NULL)
		return ok(0, "write %s", conf_path);
	r = fputs(text, f) >= 0;
	if (fclose(f) == 0 && r)
		return 1;
	return ok(0, "write %s", conf_path);
}

static void
test_conf_good(void)
{
	struct conf	 c;
	char		*cause = NULL;

	if (!conf_write("# settings\nset lang ko,en\nset ambiguous-width 2\n"
	    "set view side-by-side  # comment\n\ncolor title red default bold\n"
	    "set max-width 72\n"
	    "bind list x toggle-read\n"))
		return;
	conf_init(&c);
	is_int(c.max_width, 100, "max-width is 100 cells by default");
	keys_init();
	is_int(conf_load(&c, conf_path, &cause), 0, "settings file loads");
	is_str(c.lang, "ko,en", "set lang");
	is_int(c.layout.ambiguous, LAYOUT_AMBIGUOUS_WIDE, "ambiguous-width 2");
	is_int(c.side_by_side, 1, "view side-by-side");
	is_int(c.max_width, 72, "max-width 72");
	is_int((long long)c.ncolors, 1, "one colour line");
	is_int(keys_lookup(KEYS_LIST, 'x'), OP_TOGGLE_READ, "bind applied");
	conf_free(&c);
	FREE(&cause);
	keys_init();
}

/* Files conf_load refuses, and what the message must say. */
static const struct {
	const char	*text;
	const char	*cause;		/* a part of it, or NULL */
	const char	*what;
} conf_bad[] = {
	{ "set lang ko\nset ambiguous-width 3\n",
	  ":2: '3' is not a value for ambiguous-width",
	  "a bad value, named with its line" },
	{ "frobnicate\n", NULL, "an unknown command" },
	{ "set max-width 10\n", ":1: '10' is not a value for max-width",
	  "max-width under 20" },
	{ "set max-width wide\n", ":1: 'wide' is not a value for max-width",
	  "max-width not a number" },
};

static void
test_conf_bad(void)
{
	struct conf	 c;
	char		*cause;
	size_t		 i;

	for (i = 0; i < sizeof conf_bad / sizeof conf_bad[0]; i++) {
		if (!conf_write(conf_bad[i].text))
			continue;
		cause = NULL;
		conf_init(&c);
		is_int(conf_load(&c, conf_path, &cause), 1, "one bad line: %s",
		    conf_bad[i].what);
		ok(cause != NULL && strstr(cause, conf_path) != NULL &&
		    (conf_bad[i].cause == NULL ||
		    strstr(cause, conf_bad[i].cause) != NULL),
		    "the message names the file: %s", cause ? cause : "(none)");
		FREE(&cause);
		conf_free(&c);
	}
	keys_init();
}

/* Every bad line is said, with its line, and the good ones still apply. */
static void
test_conf_all_errors(void)
{
	struct conf	 c;
	char		*cause = NULL;

	if (!conf_write("set view nowhere\nset lang fr,en\nfrobnicate\n"
	    "bind list F5 quit\nbind list NoSuchKey quit\n"
	    "set korean-break normal\n"))
		return;
	conf_init(&c);
	keys_init();
	is_int(conf_load(&c, conf_path, &cause), 3, "three bad lines counted");
	ok(cause != NULL && strstr(cause, ":1: ") != NULL &&
	    strstr(cause, ":3: ") != NULL && strstr(cause, ":5: ") != NULL,
	    "each is named with its line: %s", cause ? cause : "(none)");
	ok(cause != NULL && strstr(cause, ":2: ") == NULL &&
	    strstr(cause, ":4: ") == NULL, "the good lines are not");
	is_str(c.lang, "fr,en", "a line after a bad one applies");
	is_int(c.layout.korean_break, LAYOUT_KOREAN_NORMAL,
	    "so does the last one");
	is_int(keys_lookup(KEYS_LIST, KEYS_F(5)), OP_QUIT, "bind list F5 quit");
	conf_free(&c);
	FREE(&cause);
	keys_init();
}

/* The example file parses cleanly and shows every setting set knows. */
static void
test_conf_example(void)
{
	struct conf	 c;
	char		*cause = NULL, *text, *live, *p, want[64];
	size_t		 i;
	FILE		*f;
	long		 n;

	if (!ok((f = fopen(CONF_EXAMPLE, "r")) != NULL, "example readable"))
		return;
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	rewind(f);
	text = xmalloc((size_t)n + 1);
	text[fread(text, 1, (size_t)n, f)] = '\0';
	fclose(f);
	/* With its settings' '#' taken off, as a user would. */
	live = xstrdup(text);
	for (p = live; (p = strstr(p, "\n# ")) != NULL; p++)
		if (strncmp(p + 3, "set ", 4) == 0 ||
		    strncmp(p + 3, "color ", 6) == 0 ||
		    strncmp(p + 3, "bind ", 5) == 0)
			memcpy(p + 1, "  ", 2);
	if (conf_write(live)) {
		conf_init(&c);
		keys_init();
		if (!is_int(conf_load(&c, conf_path, &cause), 0, "the "
		    "example's settings, uncommented, load with no error"))
			diag("%s", cause ? cause : "");
		ok(c.ncolors > 0, "... colours among them");
		conf_free(&c);
		FREE(&cause);
		keys_init();
	}
	for (i = 0; conf_setting_name(i) != NULL; i++) {
		snprintf(want, sizeof want, "\n# set %s ", conf_setting_name(i));
		ok(strstr(text, want) != NULL, "the example has set %s",
		    conf_setting_name(i));
	}
	ok(strstr(text, "\n# color ") != NULL && strstr(text, "blink") != NULL,
	    "the example has color, and names blink");
	ok(strstr(text, "\n# bind list F5 quit") != NULL, "... and bind");
	free(live);
	free(text);
}

static void
test_conf_missing(void)
{
	struct conf	 c;
	char		*cause = NULL;

	conf_init(&c);
	is_int(conf_load(&c, "/nonexistent/tandem/config", &cause), 0,
	    "a missing file is fine");
	ok(cause == NULL, "and says nothing");
	conf_free(&c);
	FREE(&cause);
}

int
main(void)
{
	int	fd;

	if (!ok((fd = mkstemp(conf_path)) != -1, "temporary settings file"))
		return tap_done();
	close(fd);
	test_conf_good();
	test_conf_bad();
	test_conf_all_errors();
	test_conf_example();
	test_conf_missing();
	unlink(conf_path);
	return tap_done();
}
