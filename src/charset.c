/*
 * charset.c: bytes -> UTF-8 (see charset.h for the order of evidence).
 *
 * The only file that includes <uchardet.h>.  Decoding is iconv(3) from
 * glibc, one byte of skip per invalid sequence; UTF-8 input is checked
 * and repaired here without iconv, and iconv's own output goes through
 * the same check, so no caller ever sees a NUL or a broken sequence.
 * The label table follows the WHATWG Encoding Standard's labels, with a
 * few names uchardet answers added; each encoding maps to the glibc
 * converter that decodes what browsers decode for it (a superset where
 * the label's official charset is narrower than practice).
 */
#include "config.h"

#include <errno.h>
#include <iconv.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <uchardet.h>

#include "charset.h"
#include "utf8.h"
#include "xmalloc.h"

struct charset_enc {
	const char	*name;		/* WHATWG name */
	const char	*iconv;		/* glibc converter */
	const char	*alt;		/* converter if glibc lacks the first */
	const char	*labels;	/* lowercase, space-separated */
};

static const struct charset_enc charset_encs[] = {
	{ "utf-8", "UTF-8", NULL, "unicode-1-1-utf-8 unicode11utf8 "
	    "unicode20utf8 utf-8 utf8 x-unicode20utf8" },
	{ "utf-16le", "UTF-16LE", NULL, "csunicode iso-10646-ucs-2 ucs-2 "
	    "unicode unicodefeff utf-16 utf-16le" },
	{ "utf-16be", "UTF-16BE", NULL, "unicodefffe utf-16be" },
	{ "utf-32le", "UTF-32LE", NULL, "utf-32 utf-32le" },
	{ "utf-32be", "UTF-32BE", NULL, "utf-32be" },
	{ "windows-1252", "CP1252", NULL, "ansi_x3.4-1968 ascii cp1252 "
	    "cp819 csisolatin1 ibm819 iso-8859-1 iso-ir-100 iso8859-1 "
	    "iso88591 iso_8859-1 iso_8859-1:1987 l1 latin1 us-ascii "
	    "windows-1252 x-cp1252" },
	{ "iso-8859-2", "ISO-8859-2", NULL, "csisolatin2 iso-8859-2 "
	    "iso-ir-101 iso8859-2 iso88592 iso_8859-2 iso_8859-2:1987 l2 "
	    "latin2" },
	{ "iso-8859-3", "ISO-8859-3", NULL, "csisolatin3 iso-8859-3 "
	    "iso-ir-109 iso8859-3 iso88593 iso_8859-3 iso_8859-3:1988 l3 "
	    "latin3" },
	{ "iso-8859-4", "ISO-8859-4", NULL, "csisolatin4 iso-8859-4 "
	    "iso-ir-110 iso8859-4 iso88594 iso_8859-4 iso_8859-4:1988 l4 "
	    "latin4" },
	{ "iso-8859-5", "ISO-8859-5", NULL, "csisolatincyrillic cyrillic "
	    "iso-8859-5 iso-ir-144 iso8859-5 iso88595 iso_8859-5 "
	    "iso_8859-5:1988" },
	{ "iso-8859-6", "ISO-8859-6", NULL, "arabic asmo-708 csiso88596e "
	    "csiso88596i csisolatinarabic ecma-114 iso-8859-6 iso-8859-6-e "
	    "iso-8859-6-i iso-ir-127 iso8859-6 iso88596 iso_8859-6 "
	    "iso_8859-6:1987" },
	{ "iso-8859-7", "ISO-8859-7", NULL, "csisolatingreek ecma-118 "
	    "elot_928 greek greek8 iso-8859-7 iso-ir-126 iso8859-7 iso88597 "
	    "iso_8859-7 iso_8859-7:1987 sun_eu_greek" },
	{ "iso-8859-8", "ISO-8859-8", NULL, "csiso88598e csisolatinhebrew "
	    "hebrew iso-8859-8 iso-8859-8-e iso-ir-138 iso8859-8 iso88598 "
	    "iso_8859-8 iso_8859-8:1988 visual csiso88598i iso-8859-8-i "
	    "logical" },
	{ "iso-8859-10", "ISO-8859-10", NULL, "csisolatin6 iso-8859-10 "
	    "iso-ir-157 iso8859-10 iso885910 l6 latin6" },
	{ "iso-8859-13", "ISO-8859-13", NULL, "iso-8859-13 iso8859-13 "
	    "iso885913" },
	{ "iso-8859-14", "ISO-8859-14", NULL, "iso-8859-14 iso8859-14 "
	    "iso885914" },
	{ "iso-8859-15", "ISO-8859-15", NULL, "csisolatin9 iso-8859-15 "
	    "iso8859-15 iso885915 iso_8859-15 l9" },
	{ "iso-8859-16", "ISO-8859-16", NULL, "iso-8859-16" },
	{ "koi8-r", "KOI8-R", NULL, "cskoi8r koi koi8 koi8-r koi8_r" },
	{ "koi8-u", "KOI8-U", NULL, "koi8-ru koi8-u" },
	{ "macintosh", "MACINTOSH", NULL, "csmacintosh mac macintosh "
	    "x-mac-roman" },
	{ "x-mac-cyrillic", "MAC-CYRILLIC", NULL, "x-mac-cyrillic "
	    "x-mac-ukrainian mac-cyrillic" },
	{ "ibm866", "IBM866", NULL, "866 cp866 csibm866 ibm866" },
	{ "windows-874", "CP874", NULL, "dos-874 iso-8859-11 iso8859-11 "
	    "iso885911 tis-620 windows-874" },
	{ "windows-1250", "CP1250", NULL, "cp1250 windows-1250 x-cp1250" },
	{ "windows-1251", "CP1251", NULL, "cp1251 windows-1251 x-cp1251" },
	{ "windows-1253", "CP1253", NULL, "cp1253 windows-1253 x-cp1253" },
	{ "windows-1254", "CP1254", NULL, "cp1254 csisolatin5 iso-8859-9 "
	    "iso-ir-148 iso8859-9 iso88599 iso_8859-9 iso_8859-9:1989 l5 "
	    "latin5 windows-1254 x-cp1254" },
	{ "windows-1255", "CP1255", NULL, "cp1255 windows-1255 x-cp1255" },
	{ "windows-1256", "CP1256", NULL, "cp1256 windows-1256 x-cp1256" },
	{ "windows-1257", "CP1257", NULL, "cp1257 windows-1257 x-cp1257" },
	{ "windows-1258", "CP1258", NULL, "cp1258 windows-1258 x-cp1258" },
	/* GBK and GB2312 pages are decoded as their superset GB18030. */
	{ "gbk", "GB18030", NULL, "chinese csgb2312 csiso58gb231280 gb2312 "
	    "gb_2312 gb_2312-80 gbk iso-ir-58 x-gbk cp936 ms936 "
	    "windows-936" },
	{ "gb18030", "GB18030", NULL, "gb18030" },
	{ "big5", "BIG5-HKSCS", "BIG5", "big5 big5-hkscs cn-big5 csbig5 "
	    "x-x-big5" },
	{ "euc-jp", "EUC-JP", NULL, "cseucpkdfmtjapanese euc-jp x-euc-jp" },
	{ "iso-2022-jp", "ISO-2022-JP", NULL, "csiso2022jp iso-2022-jp" },
	/* Shift_JIS as Windows wrote it (NEC and IBM extensions). */
	{ "shift_jis", "CP932", "SHIFT_JIS", "csshiftjis ms932 ms_kanji "
	    "shift-jis shift_jis sjis windows-31j x-sjis cp932" },
	/* EUC-KR pages are windows-949 (UHC), which adds 8822 syllables. */
	{ "euc-kr", "CP949", "EUC-KR", "cseuckr csksc56011987 euc-kr "
	    "iso-ir-149 korean ks_c_5601-1987 ks_c_5601-1989 ksc5601 "
	    "ksc_5601 windows-949 cp949 uhc" },
	/* Not WHATWG encodings, but uchardet may answer them. */
	{ "iso-2022-kr", "ISO-2022-KR", NULL, "iso-2022-kr csiso2022kr" },
	{ "iso-2022-cn", "ISO-2022-CN", NULL, "iso-2022-cn" },
	{ "euc-tw", "EUC-TW", NULL, "euc-tw" },
	{ "ibm852", "IBM852", NULL, "ibm852 cp852" },
	{ "ibm855", "IBM855", NULL, "ibm855 cp855" },
	{ "cp737", "CP737", NULL, "cp737" },
	{ "mac-centraleurope", "MAC-CENTRALEUROPE", NULL,
	    "mac-centraleurope x-mac-ce" },
	{ "viscii", "VISCII", NULL, "viscii" },
	{ "georgian-ps", "GEORGIAN-PS", NULL, "georgian-ps" },
	{ "georgian-academy", "GEORGIAN-ACADEMY", NULL, "georgian-academy" },
};
#define CHARSET_NENCS (sizeof charset_encs / sizeof charset_encs[0])

/* A growing output buffer; always room for the final NUL. */
struct charset_buf {
	char	*p;
	size_t	 len, cap;
	size_t	 soft;		/* ~4x the input: grow no further if we can */
};

static const char charset_fffd[] = "\xef\xbf\xbd";

static const struct charset_enc *
charset_find(const char *label)
{
	char		 buf[48];
	size_t		 n, i, wl;
	const char	*p, *w;

	while (*label == ' ' || (*label >= '\t' && *label <= '\r'))
		label++;
	n = strlen(label);
	while (n > 0 && (label[n - 1] == ' ' ||
	    (label[n - 1] >= '\t' && label[n - 1] <= '\r')))
		n--;
	if (n == 0 || n >= sizeof buf)
		return NULL;
	for (i = 0; i < n; i++) {
		if (label[i] == ' ')
			return NULL;
		buf[i] = (label[i] >= 'A' && label[i] <= 'Z') ?
		    label[i] - 'A' + 'a' : label[i];
	}
	buf[n] = '\0';
	for (i = 0; i < CHARSET_NENCS; i++) {
		for (p = charset_encs[i].labels; *p != '\0'; p = w + wl) {
			w = p + (*p == ' ');
			wl = strcspn(w, " ");
			if (wl == n && memcmp(w, buf, n) == 0)
				return &charset_encs[i];
		}
	}
	return NULL;
}

const char *
charset_name(const char *label)
{
	const struct charset_enc	*e = charset_find(label);

	return e != NULL ? e->name : NULL;
}

static void
charset_grow(struct charset_buf *b, size_t need)
{
	size_t	cap = b->cap;

	if (b->len + need + 1 <= b->cap)
		return;
	while (b->len + need + 1 > cap) {
		if (cap < b->soft && cap * 2 > b->soft)
			cap = b->soft;
		else
			cap = cap * 2;
	}
	b->p = xrealloc(b->p, cap);
	b->cap = cap;
}

static void
charset_add(struct charset_buf *b, const char *s, size_t n)
{
	charset_grow(b, n);
	memcpy(b->p + b->len, s, n);
	b->len += n;
}

static void
charset_buf_init(struct charset_buf *b, size_t inlen)
{
	b->len = 0;
	b->soft = inlen > (SIZE_MAX - 64) / 4 ? SIZE_MAX : inlen * 4 + 64;
	b->cap = inlen + inlen / 2 + 64;
	if (b->cap > b->soft)
		b->cap = b->soft;
	b->p = xmalloc(b->cap);
}

/*
 * Is s valid UTF-8, and without a NUL unless nul_ok?  Sequences are
 * judged by utf8_decode(), the one decoder, as everywhere else.
 */
static int
charset_utf8_clean(const char *s, size_t n, int nul_ok)
{
	const unsigned char	*u = (const unsigned char *)s;
	size_t			 i = 0;
	uint32_t		 uc;

	while (i < n) {
		if (u[i] >= 0x01 && u[i] < 0x80) {
			i++;
			continue;
		}
		if (u[i] == 0) {
			if (!nul_ok)
				return 0;
			i++;
			continue;
		}
		i += utf8_decode(s + i, n - i, &uc);
		if (uc == UTF8_BAD)
			return 0;
	}
	return 1;
}

/*
 * Append s to b, each NUL, and each broken sequence's maximal subpart
 * (what utf8_decode() steps over), as one U+FFFD.
 */
static void
charset_repair(struct charset_buf *b, const char *s, size_t n,
    size_t *invalid)
{
	const unsigned char	*u = (const unsigned char *)s;
	size_t			 i = 0, run, k = 1;
	uint32_t		 uc = 0;

	while (i < n) {
		for (run = i; run < n; run += k) {
			k = 1;
			if (u[run] >= 0x01 && u[run] < 0x80)
				continue;
			if (u[run] == 0)
				break;
			k = utf8_decode(s + run, n - run, &uc);
			if (uc == UTF8_BAD)
				break;
		}
		charset_add(b, s + i, run - i);
		if (run == n)
			break;
		charset_add(b, charset_fffd, 3);
		(*invalid)++;
		i = run + k;	/* k is 1 for a NUL */
	}
}

/* iconv() into b; on E2BIG grow and go on. */
static size_t
charset_iconv_step(iconv_t cd, char **ip, size_t *ileft,
    struct charset_buf *b)
{
	char	*op;
	size_t	 oleft, r;

	for (;;) {
		charset_grow(b, 16 + (ileft != NULL ? *ileft : 0));
		op = b->p + b->len;
		oleft = b->cap - b->len - 1;
		r = iconv(cd, ip, ileft, &op, &oleft);
		b->len = op - b->p;
		if (r != (size_t)-1 || errno != E2BIG)
			return r;
		charset_grow(b, b->cap);
	}
}

/* Decode with glibc's converter code; -1 if glibc has none. */
static int
charset_iconv(const char *code, const char *in, size_t n,
    struct charset_buf *b, size_t *invalid)
{
	iconv_t	 cd;
	char	*ip = (char *)in;
	size_t	 ileft = n;

	if ((cd = iconv_open("UTF-8", code)) == (iconv_t)-1)
		return -1;
	while (ileft > 0) {
		if (charset_iconv_step(cd, &ip, &ileft, b) != (size_t)-1)
			break;
		charset_add(b, charset_fffd, 3);
		(*invalid)++;
		if (errno == EINVAL)	/* cut short at the end */
			break;
		ip++;			/* EILSEQ: skip one byte */
		ileft--;
	}
	charset_iconv_step(cd, NULL, NULL, b);	/* shift back, if stateful */
	iconv_close(cd);
	return 0;
}

static int
charset_decode(const struct charset_enc *e, const char *in, size_t n,
    struct charset_buf *b, size_t *invalid)
{
	struct charset_buf	fixed;

	if (strcmp(e->name, "utf-8") == 0) {
		charset_repair(b, in, n, invalid);
		return 0;
	}
	if (charset_iconv(e->iconv, in, n, b, invalid) != 0 &&
	    (e->alt == NULL || charset_iconv(e->alt, in, n, b, invalid) != 0))
		return -1;
	if (!charset_utf8_clean(b->p, b->len, 0)) {
		charset_buf_init(&fixed, b->len);
		charset_repair(&fixed, b->p, b->len, invalid);
		free(b->p);
		*b = fixed;
	}
	return 0;
}

/* The encoding a byte order mark names, and the mark's length. */
static const struct charset_enc *
charset_bom(const unsigned char *u, size_t n, size_t *skip)
{
	const char	*label = NULL;

	if (n >= 3 && u[0] == 0xef && u[1] == 0xbb && u[2] == 0xbf)
		label = "utf-8", *skip = 3;
	else if (n >= 4 && u[0] == 0xff && u[1] == 0xfe && u[2] == 0 &&
	    u[3] == 0)
		label = "utf-32le", *skip = 4;
	else if (n >= 4 && u[0] == 0 && u[1] == 0 && u[2] == 0xfe &&
	    u[3] == 0xff)
		label = "utf-32be", *skip = 4;
	else if (n >= 2 && u[0] == 0xff && u[1] == 0xfe)
		label = "utf-16le", *skip = 2;
	else if (n >= 2 && u[0] == 0xfe && u[1] == 0xff)
		label = "utf-16be", *skip = 2;
	return label != NULL ? charset_find(label) : NULL;
}

/* uchardet's guess, or NULL. */
static const struct charset_enc *
charset_detect(const char *s, size_t n)
{
	uchardet_t			 ud;
	const struct charset_enc	*e = NULL;
	const char			*name;

	if ((ud = uchardet_new()) == NULL)
		return NULL;
	/* A megabyte is plenty to tell, and keeps the guess cheap. */
	if (uchardet_handle_data(ud, s, n > (1 << 20) ? (1 << 20) : n) == 0) {
		uchardet_data_end(ud);
		name = uchardet_get_charset(ud);
		if (name != NULL && *name != '\0')
			e = charset_find(name);
	}
	uchardet_delete(ud);
	return e;
}

/*
 * The declaration scan: a cut-down WHATWG "prescan a byte stream".  It
 * walks tags and comments in the first CHARSET_SCAN bytes, reading each
 * tag's attributes just far enough to skip them, and stops at the first
 * <meta> whose charset= or http-equiv/content pair names a known
 * encoding.  An XML document is asked for its declaration instead.
 */
struct charset_span {
	const char	*p;
	size_t		 n;
};

static int
charset_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
}

static int
charset_span_is(const struct charset_span *sp, const char *word)
{
	return sp->n == strlen(word) && strncasecmp(sp->p, word, sp->n) == 0;
}

/* The span as a NUL-terminated label in buf, or "" if too long. */
static const char *
charset_span_label(const struct charset_span *sp, char *buf, size_t size)
{
	if (sp->n >= size)
		return "";
	memcpy(buf, sp->p, sp->n);
	buf[sp->n] = '\0';
	return buf;
}

/* One attribute at s[*ip]; 0 at the tag's '>' or the end. */
static int
charset_attr(const char *s, size_t n, size_t *ip, struct charset_span *name,
    struct charset_span *value)
{
	size_t	i = *ip;
	char	q;

	while (i < n && (charset_space(s[i]) || s[i] == '/'))
		i++;
	if (i >= n || s[i] == '>') {
		*ip = i;
		return 0;
	}
	name->p = s + i++;
	while (i < n && !charset_space(s[i]) && s[i] != '/' && s[i] != '=' &&
	    s[i] != '>')
		i++;
	name->n = s + i - name->p;
	while (i < n && charset_space(s[i]))
		i++;
	value->p = s + i;
	value->n = 0;
	if (i < n && s[i] == '=') {
		i++;
		while (i < n && charset_space(s[i]))
			i++;
		if (i < n && (s[i] == '"' || s[i] == '\'')) {
			q = s[i++];
			value->p = s + i;
			while (i < n && s[i] != q)
				i++;
			value->n = s + i - value->p;
			if (i == n) {	/* cut off: no value to trust */
				*ip = n;
				return 0;
			}
			i++;
		} else {
			value->p = s + i;
			while (i < n && !charset_space(s[i]) && s[i] != '>')
				i++;
			value->n = s + i - value->p;
		}
	}
	*ip = i;
	return 1;
}

/* The charset=... inside a content attribute ("text/html; charset=x"). */
static int
charset_from_content(const struct charset_span *c, struct charset_span *out)
{
	const char	*p = c->p, *end = c->p + c->n;
	char		 q;

	while (end - p >= 7) {
		if (strncasecmp(p, "charset", 7) != 0) {
			p++;
			continue;
		}
		p += 7;
		while (p < end && charset_space(*p))
			p++;
		if (p == end || *p != '=')
			continue;
		p++;
		while (p < end && charset_space(*p))
			p++;
		if (p < end && (*p == '"' || *p == '\'')) {
			q = *p++;
			out->p = p;
			while (p < end && *p != q)
				p++;
			if (p == end)
				return 0;
		} else {
			out->p = p;
			while (p < end && !charset_space(*p) && *p != ';')
				p++;
		}
		out->n = p - out->p;
		return out->n > 0;
	}
	return 0;
}

/* The encoding a <meta> names; *ip is just past "<meta". */
static const char *
charset_meta(const char *s, size_t n, size_t *ip)
{
	struct charset_span	 name, value, label = { NULL, 0 };
	struct charset_span	 content = { NULL, 0 };
	int			 pragma = 0, have_content = 0;
	char			 buf[48];
	const char		*e;

	while (charset_attr(s, n, ip, &name, &value)) {
		if (charset_span_is(&name, "charset") && label.p == NULL)
			label = value;
		else if (charset_span_is(&name, "http-equiv"))
			pragma |= charset_span_is(&value, "content-type");
		else if (charset_span_is(&name, "content") && !have_content) {
			content = value;
			have_content = 1;
		}
	}
	if (label.p == NULL && !(pragma && have_content &&
	    charset_from_content(&content, &label)))
		return NULL;
	if ((e = charset_name(charset_span_label(&label, buf,
	    sizeof buf))) == NULL)
		return NULL;
	/* A page that could say so in ASCII is not UTF-16 (WHATWG). */
	if (strncmp(e, "utf-16", 6) == 0 || strncmp(e, "utf-32", 6) == 0)
		return "utf-8";
	return e;
}

/* encoding="..." of <?xml ...?> at the start of s. */
static const char *
charset_xml(const char *s, size_t n)
{
	struct charset_span	 name, value;
	size_t			 i = 5, end;
	char			 buf[48];

	for (end = 5; end + 1 < n; end++)
		if (s[end] == '?' && s[end + 1] == '>')
			break;
	while (charset_attr(s, end, &i, &name, &value))
		if (charset_span_is(&name, "encoding"))
			return charset_name(charset_span_label(&value, buf,
			    sizeof buf));
	return NULL;
}

static int
charset_at(const char *s, size_t n, size_t i, const char *word)
{
	size_t	k = strlen(word);

	return n - i >= k && strncasecmp(s + i, word, k) == 0;
}

const char *
charset_sniff(const char *s, size_t n)
{
	struct charset_span	 name, value;
	const char		*e;
	size_t			 i;
	char			 c;

	if (n > CHARSET_SCAN)
		n = CHARSET_SCAN;
	if (charset_at(s, n, 0, "<?xml") && n > 5 && charset_space(s[5]))
		return charset_xml(s, n);
	for (i = 0; i < n; i++) {
		if (s[i] != '<')
			continue;
		if (charset_at(s, n, i, "<!--")) {
			for (i += 4; i < n && !charset_at(s, n, i, "-->"); i++)
				;
			i += 2;
		} else if (charset_at(s, n, i, "<meta") && i + 5 < n &&
		    (charset_space(s[i + 5]) || s[i + 5] == '/')) {
			i += 5;
			if ((e = charset_meta(s, n, &i)) != NULL)
				return e;
		} else if (i + 1 < n && ((c = s[i + 1] | 0x20) >= 'a' &&
		    c <= 'z')) {
			/* Another tag: skip its name and attributes. */
			for (i++; i < n && !charset_space(s[i]) &&
			    s[i] != '>'; i++)
				;
			while (charset_attr(s, n, &i, &name, &value))
				;
		}
	}
	return NULL;
}

/* Steps 1-5 of charset.h: which encoding, and on what evidence. */
static const struct charset_enc *
charset_choose(const char *s, size_t n, const struct charset_hint *hint,
    size_t *skip, enum charset_source *src)
{
	const struct charset_enc	*e;
	const char			*name;

	*skip = 0;
	if ((e = charset_bom((const unsigned char *)s, n, skip)) != NULL) {
		*src = CHARSET_BOM;
		return e;
	}
	if (hint != NULL && hint->override != NULL &&
	    (e = charset_find(hint->override)) != NULL) {
		*src = CHARSET_OVERRIDE;
		return e;
	}
	if (hint != NULL && hint->http != NULL &&
	    (e = charset_find(hint->http)) != NULL) {
		*src = CHARSET_HTTP;
		return e;
	}
	if ((name = charset_sniff(s, n)) != NULL) {
		*src = CHARSET_DECLARED;
		return charset_find(name);
	}
	if (charset_utf8_clean(s, n, 1)) {
		*src = CHARSET_UTF8;
		return charset_find("utf-8");
	}
	if ((e = charset_detect(s, n)) != NULL) {
		*src = CHARSET_DETECTED;
		return e;
	}
	*src = CHARSET_DEFAULT;
	return charset_find("windows-1252");
}

int
charset_to_utf8(const char *s, size_t n, const struct charset_hint *hint,
    struct charset_result *result, char **cause)
{
	const struct charset_enc	*e;
	struct charset_buf		 b;
	enum charset_source		 src;
	size_t				 skip, invalid = 0;

	if (hint != NULL && hint->override != NULL &&
	    charset_find(hint->override) == NULL) {
		xasprintf(cause, "unknown encoding: %s", hint->override);
		return -1;
	}
	if (n == 0)
		s = "";
	e = charset_choose(s, n, hint, &skip, &src);
	charset_buf_init(&b, n - skip);
	if (charset_decode(e, s + skip, n - skip, &b, &invalid) != 0) {
		/* glibc lacks the converter: fall back, as for no label. */
		b.len = 0;
		invalid = 0;
		e = charset_find("windows-1252");
		src = CHARSET_DEFAULT;
		if (charset_decode(e, s + skip, n - skip, &b, &invalid) != 0) {
			free(b.p);
			xasprintf(cause, "no iconv converter for %s", e->name);
			return -1;
		}
	}
	b.p[b.len] = '\0';
	result->text = b.p;
	result->len = b.len;
	result->name = e->name;
	result->source = src;
	result->invalid = invalid;
	return 0;
}

char *
charset_warning(const struct charset_result *r)
{
	char	*s;

	if (r->invalid == 0)
		return NULL;
	xasprintf(&s, "%zu invalid sequence%s replaced (decoded as %s)",
	    r->invalid, r->invalid == 1 ? "" : "s", r->name);
	return s;
}
