/*
 * conf.h: the settings file, $XDG_CONFIG_HOME/tandem/config (by default
 * ~/.config/tandem/config).  One setting per line, '#' starts a comment:
 *
 *	set lang ko,en			# language preference
 *	set ambiguous-width 2		# 1, 2 or auto
 *	set korean-break normal		# keep-all (default) or normal
 *	set view side-by-side		# or single
 *	set max-width 100		# cells of one language's text; 0: all
 *	color title white blue bold	# element, foreground, background, attributes
 *	bind reader J page-down		# context, key, operation
 *
 * Each bad line is reported with the file and line and ignored; the
 * others still apply, and no command fails for a setting it does not
 * use.  A missing file is not an error.
 */
#ifndef TANDEM_CONF_H
#define TANDEM_CONF_H

#include "utf8.h"

struct conf_color {
	char	*element;
	char	*fg, *bg;		/* colour names or numbers, "default" */
	char	*attrs;			/* "bold,underline", or NULL */
	int	 line;			/* for messages */
};

struct conf {
	char			*path;		/* where it was read from */
	char			*lang;		/* or NULL */
	struct layout_opts	 layout;
	int			 side_by_side;
	int			 max_width;	/* single language; 0: none */
	struct conf_color	*colors;
	size_t			 ncolors;
};

/* The longest line of one language's text, centred in a wider pane. */
#define CONF_MAX_WIDTH	100

void	conf_init(struct conf *);
void	conf_free(struct conf *);
/* The default path, allocated (NULL without $HOME and $XDG_CONFIG_HOME). */
char	*conf_default_path(void);
/*
 * Read path into conf; key bindings go straight into keys.c.  Returns
 * -1 if the file cannot be read, else the number of bad lines, each
 * "path:line: why" on a line of its own in *cause (NULL when none).
 */
int	conf_load(struct conf *, const char *path, char **cause);
/* The i-th name `set` knows, NULL past the last. */
const char *conf_setting_name(size_t i);

#endif
