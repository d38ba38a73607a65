/*
 * utf8-text.c: cleaning and cutting text for the importers (see
 * utf8-text.h).  One of the few files that include libunistring.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <unicase.h>
#include <unigbrk.h>
#include <uninorm.h>
#include <unistr.h>

#include "utf8.h"
#include "utf8-text.h"
#include "xmalloc.h"

/*
 * Valid UTF-8 (utf8.c replaces ill-formed sequences), with NUL bytes
 * replaced as well since the store keeps C strings, then NFC.
 */
char *
utf8_text_clean(const char *s, size_t len, size_t *outlen, size_t *nbad)
{
	char	*valid, *nul, *nfc;
	size_t	 vlen, bad = 0;

	valid = utf8_valid_or_replace(s, len, &vlen, &bad);
	if (memchr(valid, '\0', vlen) != NULL) {
		size_t	i, o = 0;

		nul = xmalloc(vlen * 3 + 1);
		for (i = 0; i < vlen; i++) {
			if (valid[i] != '\0') {
				nul[o++] = valid[i];
				continue;
			}
			memcpy(nul + o, "\xef\xbf\xbd", 3);
			o += 3;
			bad++;
		}
		free(valid);
		valid = nul;
		vlen = o;
	}
	nfc = utf8_normalize(valid, vlen, outlen);
	free(valid);
	if (nbad != NULL)
		*nbad = bad;
	return nfc;
}

const char *
utf8_text_trim(const char *s, size_t len, size_t *tlen)
{
	while (len > 0 && (*s == ' ' || *s == '\t' || *s == '\r' ||
	    *s == '\n' || *s == '\f' || *s == '\v')) {
		s++;
		len--;
	}
	/* U+3000 IDEOGRAPHIC SPACE and U+00A0 are trimmed too. */
	for (;;) {
		if (len >= 3 && memcmp(s, "\xe3\x80\x80", 3) == 0) {
			s += 3; len -= 3;
		} else if (len >= 2 && memcmp(s, "\xc2\xa0", 2) == 0) {
			s += 2; len -= 2;
		} else
			break;
	}
	for (;;) {
		if (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\t' ||
		    s[len - 1] == '\r' || s[len - 1] == '\n'))
			len--;
		else if (len >= 3 && memcmp(s + len - 3, "\xe3\x80\x80", 3) == 0)
			len -= 3;
		else if (len >= 2 && memcmp(s + len - 2, "\xc2\xa0", 2) == 0)
			len -= 2;
		else
			break;
	}
	*tlen = len;
	return s;
}

/*
 * A sentence ends at . ! ? followed by a space (or the end), or at the
 * full-width 。！？ wherever they stand.  "Co., Ltd." style abbreviations
 * are rare in first sentences; a closing quote or bracket after the
 * mark stays with the sentence.
 */
size_t
utf8_text_sentence(const char *s, size_t len)
{
	const uint8_t	*p = (const uint8_t *)s, *end = p + len;
	ucs4_t		 uc, next;
	int		 n, m;

	while (p < end) {
		n = u8_mbtouc(&uc, p, end - p);
		if (uc == 0x3002 || uc == 0xff01 || uc == 0xff1f) {
			p += n;
			goto closers;
		}
		if (uc == '.' || uc == '!' || uc == '?') {
			const uint8_t	*q = p + n;

			/* Skip closers, then require a space or the end. */
			while (q < end) {
				m = u8_mbtouc(&next, q, end - q);
				if (next != '"' && next != '\'' && next != ')' &&
				    next != 0x201d && next != 0x2019 &&
				    next != 0xbb)
					break;
				q += m;
			}
			if (q == end || *q == ' ') {
				p = q;
				break;
			}
		}
		p += n;
	}
	return (size_t)(p - (const uint8_t *)s);
closers:
	while (p < end) {
		n = u8_mbtouc(&next, p, end - p);
		if (next != 0x300d && next != 0x300f && next != 0xff09 &&
		    next != 0x201d && next != '"')
			break;
		p += n;
	}
	return (size_t)(p - (const uint8_t *)s);
}

char *
utf8_text_shorten(const char *s, size_t len, int cells)
{
	const uint8_t	*p = (const uint8_t *)s, *end = p + len, *next;
	const uint8_t	*cut = p, *space = NULL;
	int		 w = 0, gw, space_w = 0, budget;
	char		*out;
	size_t		 keep;

	for (next = p; next < end && w <= cells; next = cut) {
		cut = u8_grapheme_next(next, end);
		w += utf8_cluster_width((const char *)next, cut - next, 1);
	}
	if (w <= cells)
		return xstrndup(s, len);
	w = 0;
	cut = p;
	budget = cells - 1;	/* room for the ellipsis */
	while (p < end) {
		next = u8_grapheme_next(p, end);
		gw = utf8_cluster_width((const char *)p, next - p, 1);
		if (w + gw > budget)
			break;
		if (*p == ' ') {
			space = p;
			space_w = w;
		}
		w += gw;
		p = next;
		cut = p;
	}
	if (space != NULL && space_w >= budget * 2 / 3)
		cut = space;
	keep = (size_t)(cut - (const uint8_t *)s);
	while (keep > 0 && s[keep - 1] == ' ')
		keep--;
	out = xmalloc(keep + sizeof "…");
	memcpy(out, s, keep);
	memcpy(out + keep, "…", sizeof "…");
	return out;
}

char *
utf8_text_fold(const char *s, size_t len)
{
	uint8_t	*f;
	char	*out;
	size_t	 flen = 0, i, o = 0;

	f = u8_casefold((const uint8_t *)s, len, NULL, UNINORM_NFC, NULL,
	    &flen);
	if (f == NULL)
		return xstrndup(s, len);
	out = xmalloc(flen + 1);
	for (i = 0; i < flen; i++) {
		if (i + 3 <= flen && (memcmp(f + i, "\xe2\x80\x99", 3) == 0 ||
		    memcmp(f + i, "\xe2\x80\x98", 3) == 0)) {
			out[o++] = '\'';
			i += 2;
		} else if (f[i] == ' ' || f[i] == '\t') {
			if (o > 0 && out[o - 1] != ' ')
				out[o++] = ' ';
		} else
			out[o++] = (char)f[i];
	}
	while (o > 0 && out[o - 1] == ' ')
		o--;
	out[o] = '\0';
	free(f);
	return out;
}
