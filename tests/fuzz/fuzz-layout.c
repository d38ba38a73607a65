/*
 * fuzz-layout.c: any bytes as a paragraph, laid out at a width of 1..300
 * cells with either ambiguous width and either Korean breaking, all
 * taken from the first three bytes.  Every line must be valid UTF-8 free
 * of C0 controls, DEL, ESC and C1 controls; no wider than the width
 * unless it is one cluster wider than the whole width; and its width
 * must be what utf8_width() measures.  layout_truncate() and layout_pad()
 * get the same text: the first must keep within the width, the second
 * fill it exactly.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "layout.h"

static void
fuzz_layout_bytes(const char *s, size_t len)
{
	uint32_t	uc;
	size_t		i, k;

	for (i = 0; i < len; i += k) {
		k = utf8_decode(s + i, len - i, &uc);
		if (uc == UTF8_BAD)
			fuzz_fail("invalid UTF-8 at byte %zu", i);
		if (uc < 0x20 || uc == 0x7f || (uc >= 0x80 && uc < 0xa0))
			fuzz_fail("control U+%04X at byte %zu", (unsigned)uc,
			    i);
	}
}

/* 1 if s[0..len) is a single grapheme cluster. */
static int
fuzz_layout_one_cluster(const char *s, size_t len)
{
	char	*br = malloc(len ? len : 1);
	size_t	 i;
	int	 one = 1;

	utf8_grapheme_breaks(s, len, br);
	for (i = 1; i < len; i++)
		if (br[i])
			one = 0;
	free(br);
	return one;
}

/* Truncated text must fit in width cells; padded text fill it exactly. */
static void
fuzz_layout_fit(const char *s, int width, int exact,
    const struct layout_opts *o)
{
	int	w;

	fuzz_layout_bytes(s, strlen(s));
	w = utf8_width(s, strlen(s), o);
	if (w > width || (exact && w != width))
		fuzz_fail("%d cells for %s%d", w, exact ? "" : "at most ",
		    width);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct fuzz_input	 in = { data, size };
	struct layout_opts	 o;
	struct layout		 l;
	const struct layout_line *ln;
	const char		*text;
	char			*s;
	size_t			 i, len;
	int			 width, w;

	width = (int)((fuzz_byte(&in) << 8 | fuzz_byte(&in)) % 300) + 1;
	w = (int)fuzz_byte(&in);
	o.ambiguous = (w & 1) ? LAYOUT_AMBIGUOUS_WIDE : LAYOUT_AMBIGUOUS_NARROW;
	o.korean_break = (w & 2) ? LAYOUT_KOREAN_NORMAL :
	    LAYOUT_KOREAN_KEEP_ALL;
	text = (const char *)in.p;
	len = in.n;

	layout_init(&l);
	layout_wrap(&l, 7, text, len, width, &o);
	for (i = 0; i < l.nlines; i++) {
		ln = &l.lines[i];
		fuzz_assert(ln->para == 7);
		fuzz_assert(ln->off + ln->len <= l.textlen);
		fuzz_assert(l.text[ln->off + ln->len] == '\0');
		fuzz_assert(strlen(layout_line_text(&l, i)) == ln->len);
		fuzz_assert(ln->cont == (i > 0));
		fuzz_layout_bytes(l.text + ln->off, ln->len);
		if (ln->width != utf8_width(l.text + ln->off, ln->len, &o))
			fuzz_fail("line %zu: width %d, measured %d", i,
			    ln->width, utf8_width(l.text + ln->off, ln->len,
			    &o));
		if (ln->width > width &&
		    !fuzz_layout_one_cluster(l.text + ln->off, ln->len))
			fuzz_fail("line %zu: %d cells in a %d-cell pane", i,
			    ln->width, width);
	}
	layout_free(&l);

	s = layout_truncate(text, len, width, &o);
	fuzz_layout_fit(s, width, 0, &o);
	free(s);
	s = layout_pad(text, len, width, &o);
	fuzz_layout_fit(s, width, 1, &o);
	free(s);
	return 0;
}
