/*
 * conf.c: reading the settings file (see conf.h).
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "conf.h"
#include "keys.h"
#include "xmalloc.h"

#define CONF_WORDS 6

void
conf_init(struct conf *c)
{
	memset(c, 0, sizeof *c);
	c->layout.ambiguous = LAYOUT_AMBIGUOUS_AUTO;
	c->layout.korean_break = LAYOUT_KOREAN_KEEP_ALL;
	c->max_width = CONF_MAX_WIDTH;
}

void
conf_free(struct conf *c)
{
	size_t	i;

	for (i = 0; i < c->ncolors; i++) {
		free(c->colors[i].element);
		free(c->colors[i].fg);
		free(c->colors[i].bg);
		free(c->colors[i].attrs);
	}
	free(c->colors);
	free(c->lang);
	free(c->path);
	conf_init(c);
}

char *
conf_default_path(void)
{
	const char	*xdg = getenv("XDG_CONFIG_HOME"), *home = getenv("HOME");
	char		*path;

	if (xdg != NULL && xdg[0] == '/')
		xasprintf(&path, "%s/tandem/config", xdg);
	else if (home != NULL && *home != '\0')
		xasprintf(&path, "%s/.config/tandem/config", home);
	else
		return NULL;
	return path;
}

/* Split a line into words at blanks; '#' ends it.  Returns the count. */
static int
conf_split(char *line, char **w)
{
	int	n = 0;
	char	*p = line;

	for (;;) {
		p += strspn(p, " \t\r");
		if (*p == '\0' || *p == '#' || *p == '\n')
			break;
		if (n == CONF_WORDS)
			return -1;
		w[n++] = p;
		p += strcspn(p, " \t\r\n");
		if (*p != '\0')
			*p++ = '\0';
	}
	return n;
}

/* max-width: 0 (the pane's width) or 20 to 10000 cells. */
static int
conf_max_width(struct conf *c, const char *value)
{
	char	*end;
	long	 n;

	n = strtol(value, &end, 10);
	if (*value < '0' || *value > '9' || *end != '\0' || (n != 0 &&
	    (n < 20 || n > 10000)))
		return -1;
	c->max_width = (int)n;
	return 0;
}

static int
conf_set(struct conf *c, char **w, int n, char **why)
{
	if (n != 3) {
		*why = xstrdup("set takes a name and a value");
		return -1;
	}
	if (strcmp(w[1], "lang") == 0) {
		free(c->lang);
		c->lang = xstrdup(w[2]);
	} else if (strcmp(w[1], "ambiguous-width") == 0) {
		if (strcmp(w[2], "1") == 0)
			c->layout.ambiguous = LAYOUT_AMBIGUOUS_NARROW;
		else if (strcmp(w[2], "2") == 0)
			c->layout.ambiguous = LAYOUT_AMBIGUOUS_WIDE;
		else if (strcmp(w[2], "auto") == 0)
			c->layout.ambiguous = LAYOUT_AMBIGUOUS_AUTO;
		else
			goto bad;
	} else if (strcmp(w[1], "korean-break") == 0) {
		if (strcmp(w[2], "keep-all") == 0)
			c->layout.korean_break = LAYOUT_KOREAN_KEEP_ALL;
		else if (strcmp(w[2], "normal") == 0)
			c->layout.korean_break = LAYOUT_KOREAN_NORMAL;
		else
			goto bad;
	} else if (strcmp(w[1], "view") == 0) {
		if (strcmp(w[2], "side-by-side") == 0)
			c->side_by_side = 1;
		else if (strcmp(w[2], "single") == 0)
			c->side_by_side = 0;
		else
			goto bad;
	} else if (strcmp(w[1], "max-width") == 0) {
		if (conf_max_width(c, w[2]) != 0)
			goto bad;
	} else {
		xasprintf(why, "unknown setting '%s' (lang, ambiguous-width, "
		    "korean-break, view, max-width)", w[1]);
		return -1;
	}
	return 0;
bad:
	xasprintf(why, "'%s' is not a value for %s", w[2], w[1]);
	return -1;
}

static int
conf_color(struct conf *c, char **w, int n, int line, char **why)
{
	struct conf_color	*cc;

	if (n < 3 || n > 5) {
		*why = xstrdup("color takes an element, a foreground, and "
		    "optionally a background and attributes");
		return -1;
	}
	c->colors = xreallocarray(c->colors, c->ncolors + 1, sizeof *c->colors);
	cc = &c->colors[c->ncolors++];
	cc->element = xstrdup(w[1]);
	cc->fg = xstrdup(w[2]);
	cc->bg = xstrdup(n > 3 ? w[3] : "default");
	cc->attrs = n > 4 ? xstrdup(w[4]) : NULL;
	cc->line = line;
	return 0;
}

/* One line: returns -1 with *why (no position) on error. */
static int
conf_line(struct conf *c, char *text, int line, char **why)
{
	char	*w[CONF_WORDS];
	int	 n;

	if ((n = conf_split(text, w)) < 0) {
		*why = xstrdup("too many words");
		return -1;
	}
	if (n == 0)
		return 0;
	if (strcmp(w[0], "set") == 0)
		return conf_set(c, w, n, why);
	if (strcmp(w[0], "color") == 0)
		return conf_color(c, w, n, line, why);
	if (strcmp(w[0], "bind") == 0) {
		if (n != 4) {
			*why = xstrdup("bind takes a context (all, list, reader, "
			    "comments), a key and an operation");
			return -1;
		}
		return keys_bind(w[1], w[2], w[3], why);
	}
	xasprintf(why, "unknown command '%s' (set, color, bind)", w[0]);
	return -1;
}

/*
 * Every line is read: a bad one is reported (file:line: why, one line
 * each in *cause) and ignored, and the rest still apply.
 */
int
conf_load(struct conf *c, const char *path, char **cause)
{
	FILE	*f;
	char	*line = NULL, *why = NULL, *all = NULL, *more;
	size_t	 cap = 0;
	int	 n = 0, bad = 0;

	if ((f = fopen(path, "r")) == NULL) {
		if (errno == ENOENT)
			return 0;
		xasprintf(cause, "%s: %s", path, strerror(errno));
		return -1;
	}
	free(c->path);
	c->path = xstrdup(path);
	while (getline(&line, &cap, f) != -1) {
		n++;
		if (conf_line(c, line, n, &why) == 0)
			continue;
		xasprintf(&more, "%s%s%s:%d: %s", all ? all : "", all ? "\n" :
		    "", path, n, why);
		free(all);
		all = more;
		FREE(&why);
		bad++;
	}
	free(line);
	fclose(f);
	*cause = all;
	return bad;
}

/* The names set knows, for the example file's test and messages. */
const char *
conf_setting_name(size_t i)
{
	static const char	*names[] = { "lang", "ambiguous-width",
	    "korean-break", "view" };

	return i < sizeof names / sizeof names[0] ? names[i] : NULL;
}
