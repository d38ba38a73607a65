/*
 * html-bench.c: how fast html_parse() turns HTML into paragraphs, in MB
 * of HTML per second, next to libxml2's bare htmlReadMemory() on the
 * same bytes (the floor: what parsing alone costs, with no metadata or
 * text extraction).  On a generated page of HTML_BENCH_MB megabytes
 * (default 8) and on each page named on the command line (make
 * bench-html passes tests/data/web).  Not part of make check.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <libxml/HTMLparser.h>

#include "charset.h"
#include "html.h"
#include "xmalloc.h"

static double
now(void)
{
	struct timespec	ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* A news page: a nav bar, a sidebar of links, then the article. */
static char *
generate(size_t mb, size_t *lenp)
{
	static const char head[] = "<!DOCTYPE html><html lang=en><head>"
	    "<title>Bench | Site</title></head><body><nav><ul>"
	    "<li><a href=/a>A</a><li><a href=/b>B</a></ul></nav>"
	    "<aside class=sidebar><a href=/1>one</a><a href=/2>two</a></aside>"
	    "<div class=content><h1>Bench</h1>\n";
	static const char para[] = "<p>The harbour was quiet, and the <b>boats"
	    "</b> rocked &amp; creaked at their moorings while <a href=\"/x\">"
	    "gulls</a> argued over the nets.<br>Nobody hurried.</p>\n";
	size_t	 want = mb << 20, len = sizeof head - 1;
	char	*s = xmalloc(want + sizeof head + sizeof para + 32);

	memcpy(s, head, len);
	while (len < want) {
		memcpy(s + len, para, sizeof para - 1);
		len += sizeof para - 1;
	}
	memcpy(s + len, "</div></body></html>", 20);
	*lenp = len + 20;
	return s;
}

/* MB/s of html_parse() and of the bare parse, best of rounds. */
static void
run(const char *name, const char *s, size_t len)
{
	struct html_page *pg;
	xmlDocPtr	  doc;
	char		 *cause;
	double		  t, full = 1e9, bare = 1e9, mb = len / 1048576.0;
	size_t		  nparas = 0;
	int		  i, rounds = len < 65536 ? 200 : 5;

	for (i = 0; i < rounds; i++) {
		t = now();
		if (html_parse(s, len, "https://site.test/", &pg, &cause) != 0) {
			fprintf(stderr, "%s: %s\n", name, cause);
			free(cause);
			return;
		}
		t = now() - t;
		full = t < full ? t : full;
		nparas = pg->nparas;
		html_page_free(pg);

		t = now();
		doc = htmlReadMemory(s, (int)len, NULL, "UTF-8",
		    HTML_PARSE_RECOVER | HTML_PARSE_NOERROR |
		    HTML_PARSE_NOWARNING | HTML_PARSE_NONET |
		    HTML_PARSE_IGNORE_ENC);
		xmlFreeDoc(doc);
		t = now() - t;
		bare = t < bare ? t : bare;
	}
	printf("%-24s %9zu bytes %6zu paras  html_parse %7.1f MB/s  "
	    "htmlReadMemory %7.1f MB/s  (%.0f%%)\n", name, len, nparas,
	    mb / full, mb / bare, 100 * bare / full);
}

static void
run_file(const char *path)
{
	struct charset_result	 r;
	FILE			*f;
	char			*buf, *cause, *name;
	size_t			 len, cap = 1 << 16;

	if ((f = fopen(path, "rb")) == NULL) {
		perror(path);
		return;
	}
	buf = xmalloc(cap);
	for (len = 0; (len += fread(buf + len, 1, cap - len, f)) == cap;)
		buf = xrealloc(buf, cap *= 2);
	fclose(f);
	if (charset_to_utf8(buf, len, NULL, &r, &cause) != 0) {
		fprintf(stderr, "%s: %s\n", path, cause);
		free(cause);
	} else {
		name = strrchr(path, '/');
		run(name != NULL ? name + 1 : path, r.text, r.len);
		free(r.text);
	}
	free(buf);
}

int
main(int argc, char **argv)
{
	const char	*env = getenv("HTML_BENCH_MB");
	size_t		 mb = env != NULL ? strtoul(env, NULL, 10) : 8, len;
	char		*s, name[64];
	int		 i;

	s = generate(mb ? mb : 1, &len);
	snprintf(name, sizeof name, "generated %zu MB", mb ? mb : 1);
	run(name, s, len);
	free(s);
	for (i = 1; i < argc; i++)
		run_file(argv[i]);
	return 0;
}
