/*
 * test-conf.c: the settings file: set, color and bind lines, comments and
 * blank lines, a bad value refused with its file and line, an unknown
 * command refused, and a missing file taken as no settings.
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
		is_int(conf_load(&c, conf_path, &cause), -1, "refused: %s",
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
	test_conf_missing();
	unlink(conf_path);
	return tap_done();
}
