/*
 * test-utf8.c: widths, sanitising, validation and NFC, one table row per
 * script or trick.  Rows give the bytes as C escapes so the invisible
 * parts (controls, bidi, combining marks) are visible in the source.
 */
#include "config.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include <unigbrk.h>

#include "layout.h"
#include "tap.h"
#include "utf8.h"
#include "xmalloc.h"

#define N1 LAYOUT_AMBIGUOUS_NARROW
#define W2 LAYOUT_AMBIGUOUS_WIDE

/* String with an explicit length, so rows may hold NUL bytes. */
#define S(s) s, sizeof s - 1

static const struct {
	const char	*name;
	const char	*s;
	size_t		 len;
	int		 amb;
	int		 want;
} width_cases[] = {
	{ "ASCII", S("hello"), N1, 5 },
	{ "Hangul syllables", S("한국어"), N1, 6 },
	{ "hiragana and katakana", S("かなカナ"), N1, 8 },
	{ "halfwidth katakana", S("ｶﾅ"), N1, 2 },
	{ "Han", S("中文漢字"), N1, 8 },
	{ "e + U+0301 is one cell", S("e\xcc\x81"), N1, 1 },
	{ "NFD cafe", S("cafe\xcc\x81"), N1, 4 },
	{ "NFD Hangul L+V+T is one wide cluster",
	    S("\xe1\x84\x92\xe1\x85\xa1\xe1\x86\xab"), N1, 2 },
	{ "NFD Hangul, two syllables",
	    S("\xe1\x84\x92\xe1\x85\xa1\xe1\x86\xab\xe1\x84\x80\xe1\x85\xb3"
	    "\xe1\x86\xaf"), N1, 4 },
	{ "heart without VS16", S("\xe2\x9d\xa4"), N1, 1 },
	{ "heart with VS16", S("\xe2\x9d\xa4\xef\xb8\x8f"), N1, 2 },
	{ "keycap 1 with VS16", S("1\xef\xb8\x8f\xe2\x83\xa3"), N1, 2 },
	{ "thumbs up with skin tone", S("👍🏽"), N1, 2 },
	{ "ZWJ family", S("👨‍👩‍👧‍👦"), N1, 2 },
	{ "two ZWJ families", S("👨‍👩‍👧‍👦👩‍👩‍👦"), N1, 4 },
	{ "flag", S("🇰🇷"), N1, 2 },
	{ "fullwidth forms", S("ＡＢＣ！"), N1, 8 },
	{ "ideographic space", S("\xe3\x80\x80"), N1, 2 },
	{ "ambiguous ▲ narrow", S("▲"), N1, 1 },
	{ "ambiguous ▲ wide", S("▲"), W2, 2 },
	{ "ambiguous quotes etc. narrow", S("‘’“”…°±×"), N1, 8 },
	{ "ambiguous quotes etc. wide", S("‘’“”…°±×"), W2, 16 },
	{ "Hangul does not change with ambiguous", S("한국"), W2, 4 },
	{ "ASCII does not change with ambiguous", S("abc"), W2, 3 },
	{ "zero-width space", S("a\xe2\x80\x8b" "b"), N1, 2 },
	{ "zero-width joiner alone", S("a\xe2\x80\x8d"), N1, 1 },
	{ "C0 controls count nothing", S("a\x01\x02\x7f" "b"), N1, 2 },
	{ "C1 controls count nothing", S("a\xc2\x85\xc2\x8e" "b"), N1, 2 },
	{ "CSI counts nothing", S("\x1b[31mred\x1b[0m"), N1, 3 },
	{ "invalid byte is U+FFFD", S("\xff"), N1, 1 },
	{ "U+FFFD is ambiguous", S("\xff"), W2, 2 },
	{ "tab to column 8", S("a\tb"), N1, 9 },
	{ "tab after Hangul", S("한\t"), N1, 8 },
	{ "Arabic number sign, then a space that counts", S("\xd8\x82 "), N1, 1 },
	{ "VS16 after a tab widens nothing", S("\t\xef\xb8\x8fx"), N1, 9 },
	{ "skin tone after a tab", S("\t\xf0\x9f\x8f\xbdx"), N1, 9 },
	{ "NUL counts nothing", S("a\0b"), N1, 2 },
};

static const struct {
	const char	*name;
	const char	*in;
	size_t		 inlen;
	const char	*want;
} sanitize_cases[] = {
	{ "plain", S("plain 한국어"), "plain 한국어" },
	{ "CSI colour", S("\x1b[1;31mred\x1b[0m"), "red" },
	{ "cursor moves", S("a\x1b[2Jb\x1b[10;20Hc\x1b[A"), "abc" },
	{ "private mode", S("\x1b[?1049hx"), "x" },
	{ "OSC 0 title, BEL", S("\x1b]0;evil title\aok"), "ok" },
	{ "OSC 0 title, ST", S("\x1b]0;evil\x1b\\ok"), "ok" },
	{ "OSC 8 hyperlink", S("\x1b]8;;http://x/\x1b\\link\x1b]8;;\x1b\\"),
	    "link" },
	{ "OSC 52 clipboard", S("\x1b]52;c;ZXZpbA==\ax"), "x" },
	{ "DCS sixel", S("\x1bPq#0;2;0;0;0\x1b\\y"), "y" },
	{ "APC", S("\x1b_Gf=100;AAAA\x1b\\z"), "z" },
	{ "PM and SOS", S("\x1b^pm\x1b\\a\x1bXsos\x1b\\b"), "ab" },
	{ "8-bit CSI U+009B", S("\xc2\x9b" "31mred"), "red" },
	{ "8-bit OSC, 8-bit ST", S("\xc2\x9d" "0;t\xc2\x9cok"), "ok" },
	{ "8-bit DCS", S("\xc2\x90q#0\xc2\x9cok"), "ok" },
	{ "raw 0x9b byte", S("\x9b" "31m"), "\xef\xbf\xbd" "31m" },
	{ "other C1 dropped", S("a\xc2\x85" "b"), "ab" },
	{ "ESC ( B", S("\x1b(Bx"), "x" },
	{ "ESC 7 and ESC 8", S("\x1b" "7x\x1b" "8"), "x" },
	{ "ESC at the end", S("a\x1b"), "a" },
	{ "unterminated OSC", S("a\x1b]0;never ends"), "a" },
	{ "CSI cut by text", S("\x1b[31한"), "한" },
	{ "bidi override", S("a\xe2\x80\xae" "evil\xe2\x80\xac" "b"),
	    "aevilb" },
	{ "bidi isolates", S("\xe2\x81\xa6x\xe2\x81\xa9"), "x" },
	{ "bidi marks", S("\xe2\x80\x8fx\xe2\x80\x8e\xd8\x9c"), "x" },
	{ "BOM", S("\xef\xbb\xbfx"), "x" },
	{ "NUL", S("a\0b"), "ab" },
	{ "DEL and BEL", S("a\x7f\a" "b"), "ab" },
	{ "CR LF", S("a\r\nb"), "a\nb" },
	{ "line separator", S("a\xe2\x80\xa8" "b"), "a\nb" },
	{ "tab", S("a\tb"), "a       b" },
	{ "two tabs", S("ab\tc\td"), "ab      c       d" },
	{ "tab after Hangul", S("한\tx"), "한      x" },
	{ "tab after a line break", S("abc\n\tx"), "abc\n        x" },
	{ "marks after a tab extend nothing: dropped",
	    S("\t\xef\xb8\x8f\xcc\x81x"), "        x" },
	{ "a mark with no base at the start or after LF",
	    S("\xea\xa7\x80x\n\xcc\x81y"), "x\ny" },
	{ "marks after a tab and dropped controls",
	    S("\t\x1a\x1b[0m\xef\xb8\x8fx"), "        x" },
	{ "overlong slash", S("\xc0\xaf"), "\xef\xbf\xbd\xef\xbf\xbd" },
	{ "surrogate", S("\xed\xa0\x80"),
	    "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd" },
	{ "above U+10FFFF", S("\xf4\x90\x80\x80"),
	    "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd" },
	{ "lone continuation", S("a\x80" "b"), "a\xef\xbf\xbd" "b" },
	{ "truncated at the end", S("a\xe4\xb8"), "a\xef\xbf\xbd" },
	{ "truncated in the middle", S("\xe4\xb8x"), "\xef\xbf\xbdx" },
	{ "F5 lead", S("\xf5\x80"), "\xef\xbf\xbd\xef\xbf\xbd" },
};

static void
test_widths(void)
{
	struct layout_opts	o = LAYOUT_OPTS_DEFAULT;
	size_t			i;

	for (i = 0; i < sizeof width_cases / sizeof width_cases[0]; i++) {
		o.ambiguous = width_cases[i].amb;
		is_int(utf8_width(width_cases[i].s, width_cases[i].len, &o),
		    width_cases[i].want, "width: %s", width_cases[i].name);
	}
}

static void
test_sanitize(void)
{
	struct layout_opts	 o = { N1, LAYOUT_KOREAN_KEEP_ALL };
	char			*got;
	size_t			 i, len;

	for (i = 0; i < sizeof sanitize_cases / sizeof sanitize_cases[0];
	    i++) {
		got = utf8_sanitize(sanitize_cases[i].in,
		    sanitize_cases[i].inlen, &len, &o);
		is_str(got, sanitize_cases[i].want, "sanitize: %s",
		    sanitize_cases[i].name);
		ok(len == strlen(got), "sanitize: %s: length",
		    sanitize_cases[i].name);
		free(got);
	}
	got = utf8_sanitize_keep_tabs(S("a\tb\x1b[0m"), &len);
	is_str(got, "a\tb", "keep_tabs keeps the tab, drops the CSI");
	free(got);
}

/* No byte of any C0/C1 control or ESC survives, whatever the input. */
static void
test_sanitize_random(void)
{
	char		 in[64], *out;
	size_t		 i, j, len, bad = 0;
	unsigned	 seed = 12345;

	for (i = 0; i < 20000; i++) {
		for (j = 0; j < sizeof in; j++) {
			seed = seed * 1103515245 + 12345;
			in[j] = (char)(seed >> 16);
		}
		out = utf8_sanitize(in, sizeof in, &len, NULL);
		for (j = 0; j < len; j++) {
			unsigned char c = out[j];
			if ((c < 0x20 && c != '\n') || c == 0x7f ||
			    (c == 0xc2 && (unsigned char)out[j + 1] >= 0x80 &&
			    (unsigned char)out[j + 1] <= 0x9f))
				bad++;
		}
		free(out);
	}
	is_int(bad, 0, "20000 random 64-byte strings: no control survives");
}

/* The fast grapheme pass agrees with libunistring on random text. */
static void
test_grapheme_fast_path(void)
{
	static const char *const bits[] = {
		"a", " ", "中", "한", "\xe1\x84\x92", "\xe1\x85\xa1",
		"\xe1\x86\xab", "\xcc\x81", "\xe2\x80\x8d", "\xef\xb8\x8f",
		"👨", "🏽", "🇰", "🇷", "\xe0\xa4\x95", "\xe0\xa4\xbf",
		"\xd8\x80", "\r", "\n", "©", "\xe3\x80\xaa", "か",
		"\xe3\x82\x99", "ｶ", "\xef\xbe\x9e", "\xff", "é",
	};
	char		 s[256], p1[256], p2[256];
	size_t		 i, j, n, len, bad = 0;
	unsigned	 seed = 777;

	for (i = 0; i < 20000; i++) {
		seed = seed * 1103515245 + 12345;
		n = 1 + (seed >> 16) % 24;
		for (j = len = 0; j < n; j++) {
			seed = seed * 1103515245 + 12345;
			const char *b = bits[(seed >> 16) %
			    (sizeof bits / sizeof bits[0])];
			memcpy(s + len, b, strlen(b));
			len += strlen(b);
		}
		u8_grapheme_breaks((const uint8_t *)s, len, p1);
		utf8_grapheme_breaks(s, len, p2);
		for (j = 1; j < len; j++) {
			if ((p1[j] != 0) != (p2[j] != 0)) {
				bad++;
				break;
			}
		}
	}
	is_int(bad, 0, "utf8_grapheme_breaks == u8_grapheme_breaks on "
	    "20000 random strings");
}

static void
test_import_helpers(void)
{
	char	*got;
	size_t	 len, nbad;

	got = utf8_valid_or_replace(S("a\xff" "b\xc0"), &len, &nbad);
	is_str(got, "a\xef\xbf\xbd" "b\xef\xbf\xbd", "valid_or_replace");
	is_int(nbad, 2, "valid_or_replace counts the bad sequences");
	free(got);
	got = utf8_valid_or_replace(S("\x1b[0m한"), &len, &nbad);
	is_str(got, "\x1b[0m한", "valid_or_replace leaves valid text alone");
	is_int(nbad, 0, "valid_or_replace: nothing bad");
	free(got);

	got = utf8_normalize(S("cafe\xcc\x81"), &len);
	is_str(got, "caf\xc3\xa9", "NFC composes e + U+0301");
	free(got);
	got = utf8_normalize(S("\xe1\x84\x92\xe1\x85\xa1\xe1\x86\xab"), &len);
	is_str(got, "한", "NFC composes Hangul jamo");
	is_int(len, 3, "NFC length");
	free(got);
	got = utf8_normalize(S("x\xff"), &len);
	is_str(got, "x\xef\xbf\xbd", "NFC of invalid input replaces first");
	free(got);
}

/* What utf8_valid_or_replace() must give, a character at a time. */
static char *
replace_slowly(const char *s, size_t len, size_t *outlen, size_t *nbad)
{
	char		*out = xmalloc(3 * len + 1);
	size_t		 i = 0, k, n = 0;
	uint32_t	 uc;

	*nbad = 0;
	while (i < len) {
		k = utf8_decode(s + i, len - i, &uc);
		if (uc == UTF8_BAD) {
			memcpy(out + n, "\xef\xbf\xbd", 3);
			n += 3;
			(*nbad)++;
		} else {
			memcpy(out + n, s + i, k);
			n += k;
		}
		i += k;
	}
	out[n] = '\0';
	*outlen = n;
	return out;
}

/* The run-at-a-time copy against the slow way, around 8-byte steps. */
static void
test_replace_random(void)
{
	static const char *const piece[] = {
		"a", "hello, w", "0123456789abcdef", " ", "\xc3\xa9", "\xed\x95\x9c",
		"\xf0\x9f\x98\x80", "\xff", "\xc0\xaf", "\xe0\x80\x80", "\xed\xa0\x80",
		"\xf4\x90\x80\x80", "\x80", "\xe2\x82", "\xf0\x9f\x98", "\xc3",
	};
	char		 buf[256], *got, *want;
	size_t		 len, glen, wlen, gbad, wbad, n;
	int		 t, bad = 0;

	srand(8);
	for (t = 0; t < 20000; t++) {
		len = 0;
		for (n = (size_t)(rand() % 12); n > 0; n--) {
			const char *p = piece[rand() % (int)(sizeof piece /
			    sizeof piece[0])];

			if (len + strlen(p) >= sizeof buf)
				break;
			memcpy(buf + len, p, strlen(p));
			len += strlen(p);
		}
		if (len > 0 && rand() % 4 == 0)
			len -= (size_t)(rand() % 3) % len;	/* cut short */
		got = utf8_valid_or_replace(buf, len, &glen, &gbad);
		want = replace_slowly(buf, len, &wlen, &wbad);
		if (glen != wlen || gbad != wbad || memcmp(got, want, glen) != 0
		    || got[glen] != '\0')
			bad++;
		free(got);
		free(want);
	}
	is_int(bad, 0, "valid_or_replace == one character at a time on "
	    "20000 random strings");
}

static void
test_ambiguous_setting(void)
{
	struct layout_opts	o = LAYOUT_OPTS_DEFAULT;

	is_int(utf8_ambiguous_for_locale("ko_KR.UTF-8"), 2, "auto: ko_KR");
	is_int(utf8_ambiguous_for_locale("ja_JP.UTF-8"), 2, "auto: ja_JP");
	is_int(utf8_ambiguous_for_locale("zh_CN.GB18030"), 2, "auto: zh_CN");
	is_int(utf8_ambiguous_for_locale("zh"), 2, "auto: zh");
	is_int(utf8_ambiguous_for_locale("en_US.UTF-8"), 1, "auto: en_US");
	is_int(utf8_ambiguous_for_locale("kok_IN"), 1, "auto: kok is not ko");
	is_int(utf8_ambiguous_for_locale("C.UTF-8"), 1, "auto: C.UTF-8");
	is_int(utf8_ambiguous_for_locale(NULL), 1, "auto: no locale");
	setlocale(LC_CTYPE, "C");
	is_int(utf8_ambiguous_cells(&o), 1, "auto in the C locale is 1");
	is_int(utf8_ambiguous_cells(NULL), 1, "NULL options are the default");
	o.ambiguous = W2;
	is_int(utf8_ambiguous_cells(&o), 2, "explicit wide");
	ok(utf8_is_ambiguous(0x25b2) && utf8_is_ambiguous(0x2026) &&
	    !utf8_is_ambiguous('a') && !utf8_is_ambiguous(0xac00),
	    "ambiguity table");
}

/*
 * What langid asks of a character, one row per script or trap: the
 * first character of s is decoded with utf8_decode() and classified.
 */
#define LAT UTF8_SCRIPT_LATIN
#define OTH UTF8_SCRIPT_OTHER
static const struct {
	const char		*name;
	const char		*s;
	size_t			 len;
	enum utf8_script	 script;
	int			 letter, upper, mark;
} class_cases[] = {
	{ "Hangul syllable 한", S("한"), UTF8_SCRIPT_HANGUL, 1, 0, 0 },
	{ "Hangul jamo U+1112", S("\xe1\x84\x92"), UTF8_SCRIPT_HANGUL,
	    1, 0, 0 },
	{ "Han 中", S("中"), UTF8_SCRIPT_HAN, 1, 0, 0 },
	{ "Han iteration mark 々 (Lm)", S("々"), UTF8_SCRIPT_HAN, 1, 0, 0 },
	{ "hiragana か", S("か"), UTF8_SCRIPT_HIRAGANA, 1, 0, 0 },
	{ "katakana カ", S("カ"), UTF8_SCRIPT_KATAKANA, 1, 0, 0 },
	{ "halfwidth katakana ｶ", S("ｶ"), UTF8_SCRIPT_KATAKANA, 1, 0, 0 },
	{ "prolonged sound mark ー is Common", S("ー"), OTH, 1, 0, 0 },
	{ "Latin a", S("a"), LAT, 1, 0, 0 },
	{ "Latin A", S("A"), LAT, 1, 1, 0 },
	{ "Latin É", S("É"), LAT, 1, 1, 0 },
	{ "Latin ß", S("ß"), LAT, 1, 0, 0 },
	{ "fullwidth Ａ", S("Ａ"), LAT, 1, 1, 0 },
	{ "Cyrillic Ж", S("Ж"), UTF8_SCRIPT_CYRILLIC, 1, 1, 0 },
	{ "Cyrillic ж", S("ж"), UTF8_SCRIPT_CYRILLIC, 1, 0, 0 },
	{ "Greek Ω", S("Ω"), UTF8_SCRIPT_GREEK, 1, 1, 0 },
	{ "Arabic ب", S("ب"), UTF8_SCRIPT_ARABIC, 1, 0, 0 },
	{ "Arabic-Indic digit ٣", S("٣"), UTF8_SCRIPT_ARABIC, 0, 0, 0 },
	{ "Hebrew א", S("א"), UTF8_SCRIPT_HEBREW, 1, 0, 0 },
	{ "Thai ก", S("ก"), UTF8_SCRIPT_THAI, 1, 0, 0 },
	{ "Devanagari virama (Mn)", S("\xe0\xa5\x8d"), UTF8_SCRIPT_DEVANAGARI,
	    0, 0, 1 },
	{ "Devanagari vowel sign i (Mc)", S("\xe0\xa4\xbf"),
	    UTF8_SCRIPT_DEVANAGARI, 0, 0, 0 },
	{ "digit 7", S("7"), OTH, 0, 0, 0 },
	{ "fullwidth digit ７", S("７"), OTH, 0, 0, 0 },
	{ "combining acute is Inherited", S("\xcc\x81"), OTH, 0, 0, 1 },
	{ "ideographic full stop", S("。"), OTH, 0, 0, 0 },
	{ "right single quotation mark", S("’"), OTH, 0, 0, 0 },
	{ "emoji", S("😀"), OTH, 0, 0, 0 },
	{ "space", S(" "), OTH, 0, 0, 0 },
	{ "NUL", S("\0"), OTH, 0, 0, 0 },
	{ "invalid byte FF", S("\xff"), OTH, 0, 0, 0 },
	{ "lone continuation byte", S("\x80" "a"), OTH, 0, 0, 0 },
	{ "overlong /", S("\xc0\xaf"), OTH, 0, 0, 0 },
	{ "surrogate", S("\xed\xa0\x80"), OTH, 0, 0, 0 },
	{ "truncated 中", S("\xe4\xb8"), OTH, 0, 0, 0 },
};

static void
test_classes(void)
{
	uint32_t	uc;
	size_t		i;

	for (i = 0; i < sizeof class_cases / sizeof class_cases[0]; i++) {
		utf8_decode(class_cases[i].s, class_cases[i].len, &uc);
		ok(utf8_script(uc) == class_cases[i].script &&
		    utf8_is_letter(uc) == class_cases[i].letter &&
		    utf8_is_upper(uc) == class_cases[i].upper &&
		    utf8_is_nonspacing_mark(uc) == class_cases[i].mark,
		    "class: %s", class_cases[i].name);
		if (utf8_script(uc) != class_cases[i].script)
			diag("script %s, want %s",
			    utf8_script_name(utf8_script(uc)),
			    utf8_script_name(class_cases[i].script));
	}
	ok(utf8_script(UTF8_BAD) == OTH && !utf8_is_letter(UTF8_BAD) &&
	    !utf8_is_upper(UTF8_BAD) && !utf8_is_nonspacing_mark(UTF8_BAD) &&
	    utf8_script(0xffffffffU) == OTH && !utf8_is_letter(0xffffffffU),
	    "class: not a code point");
	is_str(utf8_script_name(UTF8_SCRIPT_HANGUL), "Hangul", "script name");
	is_str(utf8_script_name(UTF8_NSCRIPTS), "Other",
	    "script name: out of range");
}

int
main(void)
{
	test_widths();
	test_sanitize();
	test_sanitize_random();
	test_grapheme_fast_path();
	test_import_helpers();
	test_replace_random();
	test_ambiguous_setting();
	test_classes();
	return tap_done();
}
