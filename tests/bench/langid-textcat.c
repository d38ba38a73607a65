/*
 * langid-textcat.c: libexttextcat for tests/bench/langid-bench, which
 * compiles it when libexttextcat-dev is installed.  One text per input
 * line; prints textcat's answer ("[en--utf8][fr--utf8]", "SHORT",
 * "UNKNOWN") one per line.  Argument: the fingerprint directory.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libexttextcat/textcat.h>

int
main(int argc, char **argv)
{
	const char	*dir = argc > 1 ? argv[1] : "/usr/share/libexttextcat/";
	char		 conf[4096], *line = NULL;
	size_t		 size = 0;
	ssize_t		 len;
	void		*h;

	snprintf(conf, sizeof conf, "%s/fpdb.conf", dir);
	if ((h = special_textcat_Init(conf, dir)) == NULL) {
		fprintf(stderr, "langid-textcat: cannot load %s\n", conf);
		return 1;
	}
	while ((len = getline(&line, &size, stdin)) != -1) {
		if (len > 0 && line[len - 1] == '\n')
			line[--len] = '\0';
		printf("%s\n", textcat_Classify(h, line, len));
	}
	free(line);
	textcat_Done(h);
	return 0;
}
