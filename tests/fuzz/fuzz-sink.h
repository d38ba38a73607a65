/*
 * fuzz-sink.h: an import sink that checks what import.h promises.
 *
 * The call order (begin (translation paragraph*)* comment* end, end
 * exactly once after begin), that every string is valid UTF-8 with no
 * NUL inside, that titles are never NULL, confidences lie in 0..1 and
 * comments are numbered 1, 2, ... with parents among the earlier ones.
 * And the memory bound import-lines.h promises, as far as a sink sees
 * it: the text of all paragraphs and comments is at most the cleaned
 * input (3 bytes of U+FFFD for an invalid byte at worst), in at most a
 * paragraph or comment per input line.  (Peak RSS is left to libFuzzer's
 * -rss_limit_mb: under ASan, malloc statistics do not tell.)
 * A break of any of these aborts (fuzz_fail).  Shared by fuzz-page.c
 * and fuzz-article.c, which differ only in the format they ask for.
 */
#ifndef TANDEM_FUZZ_SINK_H
#define TANDEM_FUZZ_SINK_H

#include <string.h>

#include "fuzz.h"
#include "import.h"
#include "utf8.h"

enum fuzz_sink_state {
	FUZZ_SINK_NONE,		/* before begin */
	FUZZ_SINK_BEGUN,	/* begin, no translation yet */
	FUZZ_SINK_TRANSLATION,	/* in a translation */
	FUZZ_SINK_COMMENTS,	/* after the first comment */
	FUZZ_SINK_ENDED,
};

struct fuzz_sink {
	enum fuzz_sink_state	state;
	long			ncomments;
	int			ok;
	size_t			bytes;	/* of paragraphs and comment bodies */
	size_t			texts;	/* paragraphs and comments */
};

static void
fuzz_sink_text(const char *s, size_t len, const char *what)
{
	uint32_t	uc;
	size_t		i, k;

	if (s == NULL)
		return;
	if (strlen(s) != len)
		fuzz_fail("%s: NUL inside or length wrong", what);
	for (i = 0; i < len; i += k) {
		k = utf8_decode(s + i, len - i, &uc);
		if (uc == UTF8_BAD)
			fuzz_fail("%s: invalid UTF-8 at byte %zu", what, i);
	}
}

static void
fuzz_sink_str(const char *s, const char *what)
{
	if (s != NULL)
		fuzz_sink_text(s, strlen(s), what);
}

static int
fuzz_sink_begin(void *arg, const struct import_article *a, char **cause)
{
	struct fuzz_sink	*fs = arg;

	if (fs->state != FUZZ_SINK_NONE)
		fuzz_fail("begin twice");
	fs->state = FUZZ_SINK_BEGUN;
	fuzz_assert(a->source != NULL && a->key != NULL);
	fuzz_sink_str(a->source, "source");
	fuzz_sink_str(a->key, "key");
	fuzz_sink_str(a->url, "url");
	fuzz_sink_str(a->date, "date");
	fuzz_sink_str(a->author, "author");
	fuzz_sink_str(a->original, "original");
	return 0;
}

static int
fuzz_sink_translation(void *arg, const struct import_translation *t,
    char **cause)
{
	struct fuzz_sink	*fs = arg;

	if (fs->state != FUZZ_SINK_BEGUN && fs->state != FUZZ_SINK_TRANSLATION)
		fuzz_fail("translation in state %d", fs->state);
	fs->state = FUZZ_SINK_TRANSLATION;
	fuzz_assert(t->lang != NULL && t->title != NULL);
	fuzz_assert(t->lang_confidence >= 0 && t->lang_confidence <= 1);
	fuzz_sink_str(t->lang, "lang");
	fuzz_sink_str(t->title, "title");
	fuzz_sink_str(t->url, "translation url");
	return 0;
}

static int
fuzz_sink_paragraph(void *arg, const char *text, size_t len, char **cause)
{
	struct fuzz_sink	*fs = arg;

	if (fs->state != FUZZ_SINK_TRANSLATION)
		fuzz_fail("paragraph in state %d", fs->state);
	fuzz_assert(text != NULL);
	fuzz_sink_text(text, len, "paragraph");
	fs->bytes += len;
	fs->texts++;
	return 0;
}

static int
fuzz_sink_comment(void *arg, const struct import_comment *c, char **cause)
{
	struct fuzz_sink	*fs = arg;

	if (fs->state != FUZZ_SINK_TRANSLATION && fs->state != FUZZ_SINK_COMMENTS)
		fuzz_fail("comment in state %d", fs->state);
	fs->state = FUZZ_SINK_COMMENTS;
	if (c->id != ++fs->ncomments)
		fuzz_fail("comment id %ld, expected %ld", c->id, fs->ncomments);
	if (c->parent < 0 || c->parent >= c->id)
		fuzz_fail("comment %ld has parent %ld", c->id, c->parent);
	fuzz_assert(c->body != NULL);
	fuzz_sink_str(c->author, "comment author");
	fuzz_sink_str(c->created, "comment date");
	fuzz_sink_str(c->lang, "comment lang");
	fuzz_sink_str(c->body, "comment body");
	fs->bytes += strlen(c->body);
	fs->texts++;
	return 0;
}

static int
fuzz_sink_end(void *arg, int ok, char **cause)
{
	struct fuzz_sink	*fs = arg;

	if (fs->state == FUZZ_SINK_NONE || fs->state == FUZZ_SINK_ENDED)
		fuzz_fail("end in state %d", fs->state);
	fs->state = FUZZ_SINK_ENDED;
	fs->ok = ok;
	return 0;
}

/* Import the input in one format and check the sink saw a whole story. */
static void
fuzz_sink_run(const uint8_t *data, size_t size, enum import_format format)
{
	struct fuzz_sink	 fs = { FUZZ_SINK_NONE, 0, 0, 0, 0 };
	struct import_sink	 sink = { &fs, fuzz_sink_begin,
	    fuzz_sink_translation, fuzz_sink_paragraph, fuzz_sink_comment,
	    fuzz_sink_end };
	struct import_options	 io;
	char			*cause = NULL;
	int			 rc;

	memset(&io, 0, sizeof io);
	io.format = format;
	rc = import_buffer("fuzz", (const char *)data, size, &io, &sink,
	    &cause);
	if (rc == 0) {
		if (fs.state != FUZZ_SINK_ENDED || !fs.ok)
			fuzz_fail("success without end(ok = 1)");
		if (cause != NULL)
			fuzz_fail("success with a cause");
	} else {
		if (cause == NULL)
			fuzz_fail("failure without a cause");
		if (fs.state != FUZZ_SINK_NONE &&
		    (fs.state != FUZZ_SINK_ENDED || fs.ok))
			fuzz_fail("failure without end(ok = 0)");
		if (strncmp(cause, "fuzz", 4) != 0 || strchr(cause, '\n'))
			fuzz_fail("cause not one line naming the file: %s",
			    cause);
		fuzz_sink_str(cause, "cause");
	}
	free(cause);
	if (fs.bytes > 3 * size)
		fuzz_fail("%zu bytes of text from %zu of input", fs.bytes, size);
	if (fs.texts > size)
		fuzz_fail("%zu paragraphs and comments from %zu bytes",
		    fs.texts, size);
}

#endif
