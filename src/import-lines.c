/*
 * import-lines.c: the input as clean lines, and what the parsers do with
 * it besides parsing: hash it, derive a title, name a position in an
 * error, end the article in the sink.  See import-lines.h.
 */
#include "config.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "import-lines.h"
#include "utf8-text.h"
#include "xmalloc.h"

struct import_lines_at {
	size_t	line, off, len;
};

/*
 * May a line be cut before p[q] and each part cleaned on its own, with
 * the same result?  Yes before a byte that starts a character no earlier
 * one composes with, reorders around or swallows as a continuation: an
 * ASCII byte, a byte that is never UTF-8, an ideograph or a Hangul
 * syllable (all starters that are nobody's second half).
 */
static int
import_lines_cut_ok(const unsigned char *p, size_t q, size_t len)
{
	unsigned int	c;

	if (p[q] < 0x80 || p[q] == 0xc0 || p[q] == 0xc1 || p[q] >= 0xf5)
		return 1;
	if (p[q] < 0xe3 || p[q] > 0xed || q + 2 >= len ||
	    (p[q + 1] & 0xc0) != 0x80 || (p[q + 2] & 0xc0) != 0x80)
		return 0;
	c = ((p[q] & 0x0fu) << 12) | ((p[q + 1] & 0x3fu) << 6) |
	    (p[q + 2] & 0x3fu);
	return (c >= 0x3400 && c <= 0x9fff) || (c >= 0xac00 && c <= 0xd7a3);
}

/* Append s[0..len) to il->buf, growing it by half at least. */
static void
import_lines_append(struct import_lines *il, size_t *cap, const char *s,
    size_t len)
{
	size_t	want = il->size + len + 1;

	if (want > *cap) {
		*cap = *cap + *cap / 2 > want ? *cap + *cap / 2 : want;
		il->buf = xrealloc(il->buf, *cap);
	}
	memcpy(il->buf + il->size, s, len);
	il->size += len;
}

/*
 * Clean one line into il->buf; returns the invalid sequences replaced.
 * Plain ASCII is copied; anything else is cleaned a chunk at a time,
 * cut where import_lines_cut_ok() allows, so the transient copies stay
 * near IMPORT_LINES_CHUNK bytes.
 */
static size_t
import_lines_clean(struct import_lines *il, size_t *cap, const char *p,
    size_t l)
{
	const unsigned char	*u = (const unsigned char *)p;
	size_t			 i, piece, clen, nb, bad = 0;
	char			*c;

	for (i = 0; i < l; i++)
		if (u[i] == 0 || u[i] >= 0x80)
			break;
	if (i == l) {
		import_lines_append(il, cap, p, l);
		return 0;
	}
	while (l > 0) {
		piece = l;
		for (i = IMPORT_LINES_CHUNK; i < l; i++) {
			if (import_lines_cut_ok(u, i, l)) {
				piece = i;
				break;
			}
		}
		c = utf8_text_clean(p, piece, &clen, &nb);
		import_lines_append(il, cap, c, clen);
		free(c);
		bad += nb;
		p += piece;
		u += piece;
		l -= piece;
	}
	return bad;
}

/*
 * Split into clean lines; warn once per line with invalid bytes.  The
 * lines are counted first so the marks take one exact allocation.
 */
void
import_lines_split(struct import_lines *il, const char *buf, size_t len,
    const struct import_options *io)
{
	const char	*p = buf, *end = buf + len, *nl;
	size_t		 cap, l, bad, i = 0;
	char		*msg;

	il->io = io;

	il->n = 0;
	for (nl = buf; (nl = memchr(nl, '\n', end - nl)) != NULL; nl++)
		il->n++;
	if (len > 0 && buf[len - 1] != '\n')
		il->n++;
	cap = len + 1;
	il->buf = xmalloc(cap);
	il->size = 0;
	il->mark = xcalloc(il->n / IMPORT_LINES_STEP + 1, sizeof *il->mark);
	il->at = xcalloc(1, sizeof *il->at);
	while (p < end) {
		nl = memchr(p, '\n', end - p);
		l = (nl ? nl : end) - p;
		if (l > 0 && p[l - 1] == '\r')
			l--;
		if (i % IMPORT_LINES_STEP == 0)
			il->mark[i / IMPORT_LINES_STEP] = il->size;
		bad = import_lines_clean(il, &cap, p, l);
		il->buf[il->size++] = '\0';
		i++;
		if (bad > 0 && io != NULL && io->warn != NULL) {
			xasprintf(&msg, "%s:%zu: invalid UTF-8 replaced with "
			    "U+FFFD (%zu sequence%s)", il->name, i, bad,
			    bad == 1 ? "" : "s");
			io->warn(io->warn_arg, msg);
			free(msg);
		}
		p += (nl ? (size_t)(nl - p) + 1 : l);
		if (nl == NULL)
			break;
	}
	il->at->len = il->n > 0 ? strlen(il->buf) : 0;
}

void
import_lines_free(struct import_lines *il)
{
	free(il->buf);
	free(il->mark);
	free(il->at);
}

const char *
import_lines_get(const struct import_lines *il, size_t i, size_t *len)
{
	struct import_lines_at	*at = il->at;
	size_t			 off, k;

	if (i == at->line + 1)
		off = at->off + at->len + 1;
	else if (i + 1 == at->line) {
		off = at->off - 1;
		while (off > 0 && il->buf[off - 1] != '\0')
			off--;
	} else if (i != at->line) {
		k = i / IMPORT_LINES_STEP;
		off = il->mark[k];
		for (k *= IMPORT_LINES_STEP; k < i; k++)
			off += strlen(il->buf + off) + 1;
	} else
		off = at->off;
	if (off != at->off || i != at->line) {
		at->line = i;
		at->off = off;
		at->len = strlen(il->buf + off);
	}
	if (len != NULL)
		*len = at->len;
	return il->buf + off;
}

int
import_lines_has_text(const struct import_lines *il)
{
	size_t	 i, len;
	const char *s;

	for (i = 0; i < il->n; i++) {
		s = import_lines_get(il, i, &len);
		if (len > 0 && s[strspn(s, " \t")] != '\0')
			return 1;
	}
	return 0;
}

uint64_t
import_index_hash(const char *s, size_t len, int fold)
{
	uint64_t	h = 0xcbf29ce484222325ULL;
	size_t		i;
	unsigned char	c;

	for (i = 0; i < len; i++) {
		c = (unsigned char)s[i];
		if (fold && c >= 'A' && c <= 'Z')
			c += 'a' - 'A';
		h = (h ^ c) * 0x100000001b3ULL;
	}
	return h ^ (h >> 31);
}

/* Open addressing, linear probing, kept at most half full. */
size_t
import_index_find(const struct import_index *ix, uint64_t h,
    int (*same)(void *, size_t), void *arg)
{
	size_t	k;

	if (ix->cap == 0)
		return IMPORT_INDEX_NONE;
	for (k = h & (ix->cap - 1); ix->entry[k] != IMPORT_INDEX_NONE;
	    k = (k + 1) & (ix->cap - 1)) {
		if (ix->hash[k] == h && same(arg, ix->entry[k]))
			return ix->entry[k];
	}
	return IMPORT_INDEX_NONE;
}

static void
import_index_put(struct import_index *ix, uint64_t h, size_t entry)
{
	size_t	k;

	for (k = h & (ix->cap - 1); ix->entry[k] != IMPORT_INDEX_NONE;
	    k = (k + 1) & (ix->cap - 1))
		;
	ix->hash[k] = h;
	ix->entry[k] = entry;
	ix->n++;
}

void
import_index_add(struct import_index *ix, uint64_t h, size_t entry)
{
	struct import_index	old = *ix;
	size_t			i;

	if (2 * (ix->n + 1) > ix->cap) {
		ix->cap = ix->cap ? ix->cap * 2 : 64;
		ix->hash = xreallocarray(NULL, ix->cap, sizeof *ix->hash);
		ix->entry = xreallocarray(NULL, ix->cap, sizeof *ix->entry);
		memset(ix->entry, 0xff, ix->cap * sizeof *ix->entry);
		ix->n = 0;
		for (i = 0; i < old.cap; i++)
			if (old.entry[i] != IMPORT_INDEX_NONE)
				import_index_put(ix, old.hash[i],
				    old.entry[i]);
		free(old.hash);
		free(old.entry);
	}
	import_index_put(ix, h, entry);
}

void
import_index_free(struct import_index *ix)
{
	free(ix->hash);
	free(ix->entry);
	memset(ix, 0, sizeof *ix);
}

void
import_lines_error(char **cause, const struct import_lines *il, size_t line,
    const char *fmt, ...)
{
	va_list	 ap;
	char	*msg;

	va_start(ap, fmt);
	xvasprintf(&msg, fmt, ap);
	va_end(ap);
	if (line > 0)
		xasprintf(cause, "%s:%zu: %s", il->name, line, msg);
	else
		xasprintf(cause, "%s: %s", il->name, msg);
	free(msg);
}

void
import_lines_sink_error(char **cause, const struct import_lines *il,
    size_t line)
{
	char	*inner = *cause;

	import_lines_error(cause, il, line, "%s",
	    inner ? inner : "storing failed");
	free(inner);
}

/*
 * Two independent 64-bit FNV-1a style hashes over text whose lines are
 * each ended by a NUL, hashed as '\n': an identity for articles without
 * a URL, not a defence.
 */
void
import_lines_key_text(const char *buf, size_t size,
    char out[IMPORT_KEY_LEN + 1])
{
	uint64_t	a = 0xcbf29ce484222325ULL, b = 0x84222325cbf29ce4ULL;
	size_t		i;
	unsigned char	c;

	for (i = 0; i < size; i++) {
		c = buf[i] != '\0' ? (unsigned char)buf[i] : '\n';
		a = (a ^ c) * 0x100000001b3ULL;
		b = (b ^ c) * 0x100000001b3ULL;
		b ^= b >> 29;
	}
	snprintf(out, IMPORT_KEY_LEN + 1, "%016llx%016llx",
	    (unsigned long long)a, (unsigned long long)b);
}

void
import_lines_key(const struct import_lines *il, char out[IMPORT_KEY_LEN + 1])
{
	import_lines_key_text(il->buf, il->size, out);
}

char *
import_lines_title(const char *para, size_t len)
{
	const char	*t;
	size_t		 tlen;

	t = utf8_text_trim(para, len, &tlen);
	tlen = utf8_text_sentence(t, tlen);
	t = utf8_text_trim(t, tlen, &tlen);
	return utf8_text_shorten(t, tlen, IMPORT_TITLE_CELLS);
}

int
import_lines_begin(const struct import_lines *il, struct import_sink *sink,
    const struct import_article *ia, char **cause)
{
	if (sink->begin(sink->arg, ia, cause) != 0) {
		import_lines_sink_error(cause, il, 0);
		return -1;
	}
	return 0;
}

/*
 * End an article in the sink: keep it if every event went in (emitted
 * is 0), else throw it away.  Returns 0 or -1 with *cause set.
 */
int
import_lines_finish(const struct import_lines *il, struct import_sink *sink,
    int emitted, char **cause)
{
	char	*ignored = NULL;

	if (emitted != 0) {
		sink->end(sink->arg, 0, &ignored);
		free(ignored);
		return -1;
	}
	if (sink->end(sink->arg, 1, cause) != 0) {
		import_lines_sink_error(cause, il, 0);
		return -1;
	}
	return 0;
}
