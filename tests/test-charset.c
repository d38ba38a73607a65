/*
 * test-charset.c: charset_to_utf8() on one row per encoding, then the
 * order of evidence (BOM, override, HTTP, declaration, detection) and
 * the repairs (invalid bytes, NUL, empty input).  The encoded bytes are
 * made here with iconv(3) from the UTF-8 texts below, so every row must
 * come back exactly.
 */
#include "config.h"

#include <errno.h>
#include <iconv.h>
#include <stdlib.h>
#include <string.h>

#include "charset.h"
#include "tap.h"
#include "xmalloc.h"

static const char text_ko[] =
    "서울의 봄은 짧지만 아름답다. 사람들은 한강 공원에 모여 자전거를 "
    "타고, 아이들은 연을 날린다. 저녁이 되면 골목의 작은 식당마다 "
    "따뜻한 국물 냄새가 퍼지고, 오랜만에 만난 친구들은 늦도록 이야기를 "
    "나눈다. 도서관은 밤늦게까지 불을 밝히고 학생들은 시험을 준비한다.";
static const char text_ja[] =
    "東京の朝は早い。駅のホームには通勤する人々が並び、電車は数分ごとに"
    "到着する。昼休みになると、会社員たちは近くの店で弁当を買い、公園の"
    "ベンチで食べる。夕方には空が赤く染まり、家路を急ぐ人の波が街を"
    "満たす。週末には山へ出かけて、静かな森の中を歩くのが好きだ。";
static const char text_zh[] =
    "北京的秋天天高云淡，是一年中最舒服的季节。人们喜欢在公园里散步，"
    "老人们下棋聊天，孩子们在草地上奔跑。傍晚时分，胡同里飘出饭菜的"
    "香味，自行车的铃声此起彼伏。图书馆里坐满了读书的学生，他们安静地"
    "翻着书页，窗外的银杏叶慢慢变黄。";
static const char text_zh_hant[] =
    "台北的夏天炎熱潮濕，午後常有雷陣雨。夜市裡人聲鼎沸，小吃攤前排著"
    "長長的隊伍。";
static const char text_cp1252[] =
    "\xe2\x80\x9cSmart quotes\xe2\x80\x9d cost 5 \xe2\x82\xac \xe2\x80\x94 "
    "a na\xc3\xafve caf\xc3\xa9 with a fa\xc3\xa7""ade\xe2\x80\xa6";
static const char text_ru[] =
    "Москва — столица России. Зимой на улицах лежит снег, а летом в парках "
    "цветут липы и шумят фонтаны. По вечерам люди гуляют по набережной.";
static const char text_pl[] =
    "Zażółć gęślą jaźń. Wiosną w Krakowie kwitną kasztany, a studenci "
    "siedzą na Rynku i piją kawę.";

/* text in charset to, with bom (n bytes) in front; caller frees. */
static char *
encode(const char *to, const char *bom, size_t nbom, const char *text,
    size_t *lenp)
{
	iconv_t	 cd;
	size_t	 ileft = strlen(text), cap = ileft * 4 + 16, oleft;
	char	*out = xmalloc(cap), *ip = (char *)text, *op;

	memcpy(out, bom, nbom);
	op = out + nbom;
	oleft = cap - nbom;
	if ((cd = iconv_open(to, "UTF-8")) == (iconv_t)-1 ||
	    iconv(cd, &ip, &ileft, &op, &oleft) == (size_t)-1 ||
	    iconv(cd, NULL, NULL, &op, &oleft) == (size_t)-1) {
		diag("iconv to %s: %s", to, strerror(errno));
		abort();
	}
	iconv_close(cd);
	*lenp = op - out;
	return out;
}

/* s + t as one allocation. */
static char *
join(const char *s, const char *t, size_t tlen, size_t *lenp)
{
	size_t	 n = strlen(s);
	char	*out = xmalloc(n + tlen + 1);

	memcpy(out, s, n);
	memcpy(out + n, t, tlen);
	*lenp = n + tlen;
	return out;
}

static const struct row {
	const char	*what;
	const char	*to;		/* iconv name to encode with */
	const char	*bom;
	const char	*label;		/* the HTTP charset, or NULL */
	int		 detect;	/* must uchardet get it right too? */
	const char	*text;
	const char	*name;		/* what charset_to_utf8 reports */
} rows[] = {
	{ "EUC-KR", "EUC-KR", "", "euc-kr", 1, text_ko, "euc-kr" },
	{ "windows-949 as ks_c_5601-1987", "CP949", "", "ks_c_5601-1987", 0,
	    "똠방각하 뷁 햏", "euc-kr" },
	{ "Shift_JIS", "SHIFT_JIS", "", "Shift_JIS", 1, text_ja,
	    "shift_jis" },
	{ "windows-31j as sjis", "CP932", "", "sjis", 0, "①髙﨑㈱", "shift_jis" },
	{ "EUC-JP", "EUC-JP", "", "EUC-JP", 0, text_ja, "euc-jp" },
	{ "ISO-2022-JP", "ISO-2022-JP", "", "iso-2022-jp", 0, text_ja,
	    "iso-2022-jp" },
	{ "GB18030", "GB18030", "", "gb18030", 0, "镕 € 😀 ", "gb18030" },
	{ "GB2312", "GB2312", "", "GB2312", 0, text_zh, "gbk" },
	{ "GB18030 undeclared", "GB18030", "", NULL, 1, text_zh, NULL },
	{ "Big5", "BIG5", "", "big5", 0, text_zh_hant, "big5" },
	{ "UTF-16LE with BOM", "UTF-16LE", "\xff\xfe", NULL, 0, text_ko,
	    "utf-16le" },
	{ "UTF-16BE with BOM", "UTF-16BE", "\xfe\xff", NULL, 0, text_ja,
	    "utf-16be" },
	{ "UTF-32LE with BOM", "UTF-32LE", "\xff\xfe\0\0", NULL, 0, text_zh,
	    "utf-32le" },
	{ "UTF-8 with BOM", "UTF-8", "\xef\xbb\xbf", NULL, 0, text_ko,
	    "utf-8" },
	{ "windows-1252", "CP1252", "", "windows-1252", 0, text_cp1252,
	    "windows-1252" },
	{ "windows-1252 as iso-8859-1", "CP1252", "", "ISO-8859-1", 0,
	    text_cp1252, "windows-1252" },
	{ "windows-1251", "CP1251", "", "windows-1251", 1, text_ru,
	    "windows-1251" },
	{ "ISO-8859-2", "ISO-8859-2", "", "iso-8859-2", 0, text_pl,
	    "iso-8859-2" },
	{ "KOI8-R", "KOI8-R", "", "koi8-r", 0,
	    "Зимой на улицах лежит снег, а летом цветут липы.", "koi8-r" },
};

static size_t
bomlen(const struct row *r)
{
	if (r->bom[0] == '\0')
		return 0;
	return strcmp(r->to, "UTF-32LE") == 0 ? 4 : strlen(r->bom);
}

static void
test_rows(void)
{
	const struct row	*r;
	struct charset_hint	 hint;
	struct charset_result	 res;
	char			*in, *cause;
	size_t			 i, n;

	for (i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		r = &rows[i];
		in = encode(r->to, r->bom, bomlen(r), r->text, &n);
		memset(&hint, 0, sizeof hint);
		hint.http = r->label;
		if (r->name != NULL &&
		    charset_to_utf8(in, n, &hint, &res, &cause) == 0) {
			is_str(res.text, r->text, "%s: text", r->what);
			is_str(res.name, r->name, "%s: name", r->what);
			is_int(res.invalid, 0, "%s: nothing invalid", r->what);
			is_int(res.len, strlen(r->text), "%s: length", r->what);
			free(res.text);
		}
		if (r->detect &&
		    charset_to_utf8(in, n, NULL, &res, &cause) == 0) {
			is_str(res.text, r->text, "%s: detected (%zu bytes)",
			    r->what, n);
			is_int(res.source, CHARSET_DETECTED,
			    "%s: detected by uchardet, as %s", r->what,
			    res.name);
			free(res.text);
		}
		free(in);
	}
}

/* Decode in (n bytes) with the hints; NULL when it fails. */
static char *
decode(const char *in, size_t n, const char *override, const char *http,
    struct charset_result *res)
{
	struct charset_hint	 hint = { override, http };
	char			*cause = NULL;

	if (charset_to_utf8(in, n, &hint, res, &cause) != 0) {
		diag("%s", cause);
		free(cause);
		return NULL;
	}
	return res->text;
}

static void
test_order(void)
{
	struct charset_result	 res;
	char			*ko, *in, *u8;
	size_t			 nko, n, nu8;

	ko = encode("EUC-KR", "", 0, text_ko, &nko);

	in = join("<html><head><meta charset=\"windows-1252\">", ko, nko, &n);
	decode(in, n, NULL, NULL, &res);
	is_str(res.name, "windows-1252", "meta charset wins over detection");
	is_int(res.source, CHARSET_DECLARED, "... from the declaration");
	free(res.text);

	decode(in, n, NULL, "euc-kr", &res);
	ok(strstr(res.text, text_ko) != NULL, "HTTP header wins over meta");
	is_int(res.source, CHARSET_HTTP, "... from the header");
	free(res.text);

	decode(in, n, "EUC-KR", "windows-1252", &res);
	ok(strstr(res.text, text_ko) != NULL, "override wins over header");
	is_int(res.source, CHARSET_OVERRIDE, "... from the override");
	free(res.text);

	decode(in, n, NULL, "x-no-such-charset", &res);
	is_str(res.name, "windows-1252", "an unknown HTTP label is skipped");
	free(res.text);
	free(in);

	u8 = encode("UTF-8", "\xef\xbb\xbf", 3, text_ko, &nu8);
	in = join("", u8, nu8, &n);
	decode(in, n, "shift_jis", "euc-kr", &res);
	is_str(res.text, text_ko, "BOM wins over override and header");
	is_int(res.source, CHARSET_BOM, "... from the BOM");
	free(res.text);
	free(in);
	free(u8);

	u8 = encode("UTF-16LE", "\xff\xfe", 2, "<meta charset=koi8-r>한국",
	    &nu8);
	decode(u8, nu8, NULL, NULL, &res);
	is_str(res.text, "<meta charset=koi8-r>한국", "BOM wins over meta");
	free(res.text);
	free(u8);
	free(ko);
}

static void
test_declared(void)
{
	static const struct {
		const char	*what, *to, *head, *text;
	} decls[] = {
		{ "meta http-equiv", "SHIFT_JIS", "<!DOCTYPE html><html "
		    "lang=ja><head><title>x</title><meta http-equiv="
		    "\"Content-Type\" content=\"text/html; charset=Shift_JIS\">",
		    text_ja },
		{ "meta content first", "EUC-KR", "<META CONTENT='text/html;"
		    "charset = ks_c_5601-1987' HTTP-EQUIV=content-type>",
		    text_ko },
		{ "XML declaration", "EUC-JP", "<?xml version=\"1.0\" "
		    "encoding=\"EUC-JP\"?>\n<rss>", text_ja },
		{ "commented-out meta", "CP1251", "<!-- <meta charset="
		    "\"koi8-r\"> --><meta charset=\"windows-1251\">", text_ru },
		{ "meta in an attribute", "CP1251", "<a title='<meta charset="
		    "koi8-r>'>x</a><meta charset=cp1251>", text_ru },
		{ "meta utf-16 means utf-8", "UTF-8", "<meta charset=utf-16>",
		    text_zh },
	};
	struct charset_result	 res;
	char			*enc, *in, *want;
	size_t			 i, nenc, n;

	for (i = 0; i < sizeof decls / sizeof decls[0]; i++) {
		enc = encode(decls[i].to, "", 0, decls[i].text, &nenc);
		in = join(decls[i].head, enc, nenc, &n);
		want = join(decls[i].head, decls[i].text,
		    strlen(decls[i].text) + 1, &nenc);
		if (decode(in, n, NULL, NULL, &res) != NULL) {
			is_str(res.text, want, "%s", decls[i].what);
			is_int(res.source, CHARSET_DECLARED, "%s: declared",
			    decls[i].what);
			free(res.text);
		}
		free(want);
		free(in);
		free(enc);
	}
	is_str(charset_sniff("<meta charset=koi8-r", 20), "koi8-r",
	    "a meta cut off by the end of the scan still counts");
	ok(charset_sniff("<meta charset=\"koi8-r", 21) == NULL,
	    "... but not an unclosed quote");
	is_str(charset_sniff("<p><meta charset=gb2312>", 24), "gbk",
	    "sniff maps the label");
}

static void
test_labels(void)
{
	static const char *const map[][2] = {
		{ "ks_c_5601-1987", "euc-kr" }, { "EUC-KR", "euc-kr" },
		{ "  Latin1\t", "windows-1252" }, { "ascii", "windows-1252" },
		{ "us-ascii", "windows-1252" }, { "iso-8859-1", "windows-1252" },
		{ "GB2312", "gbk" }, { "gbk", "gbk" }, { "sjis", "shift_jis" },
		{ "windows-31j", "shift_jis" }, { "big5", "big5" },
		{ "utf8", "utf-8" }, { "latin2", "iso-8859-2" },
		{ "tis-620", "windows-874" },
	};
	size_t	i;

	for (i = 0; i < sizeof map / sizeof map[0]; i++)
		is_str(charset_name(map[i][0]), map[i][1], "label %s",
		    map[i][0]);
	ok(charset_name("utf 8") == NULL, "no label with a space inside");
	ok(charset_name("bogus") == NULL, "no such label");
	ok(charset_name("") == NULL, "empty label");
}

static void
test_repairs(void)
{
	static const char bad8[] = "a\xc3(b\xed\xa0\x80" "c\xf0\x9f\x98";
	struct charset_result	 res;
	struct charset_hint	 hint = { NULL, NULL };
	char			*ko, *in, *w, *cause = NULL;
	size_t			 nko;

	decode(bad8, sizeof bad8 - 1, NULL, "utf-8", &res);
	is_str(res.text, "a\xef\xbf\xbd(b\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd"
	    "c\xef\xbf\xbd", "invalid UTF-8: one U+FFFD per maximal subpart");
	is_int(res.invalid, 5, "... counted");
	free(res.text);

	ko = encode("EUC-KR", "", 0, "가나다라", &nko);
	in = xmalloc(nko + 4);
	memcpy(in, ko, 2);
	memcpy(in + 2, "\xff", 1);
	memcpy(in + 3, ko + 2, 4);
	memcpy(in + 7, "\xff\xff", 2);
	memcpy(in + 9, ko + 6, 2);
	memcpy(in + 11, ko, 1);		/* a lead byte cut off at the end */
	decode(in, 12, NULL, "euc-kr", &res);
	is_str(res.text, "가\xef\xbf\xbd나다\xef\xbf\xbd\xef\xbf\xbd라"
	    "\xef\xbf\xbd", "invalid EUC-KR bytes replaced");
	is_int(res.invalid, 4, "... counted once each");
	w = charset_warning(&res);
	is_str(w, "4 invalid sequences replaced (decoded as euc-kr)",
	    "one warning for the whole input");
	free(w);
	free(res.text);
	free(in);
	free(ko);

	decode("ab\0cd", 5, NULL, NULL, &res);
	is_str(res.text, "ab\xef\xbf\xbd" "cd", "NUL replaced");
	is_int(res.len, 7, "... length");
	is_int(res.invalid, 1, "... counted");
	free(res.text);

	decode("\xff\xfe" "a\0\0\0b\0", 8, NULL, NULL, &res);
	is_str(res.text, "a\xef\xbf\xbd" "b", "UTF-16 U+0000 replaced");
	is_int(res.invalid, 1, "... counted");
	w = charset_warning(&res);
	is_str(w, "1 invalid sequence replaced (decoded as utf-16le)",
	    "... and warned about");
	free(w);
	free(res.text);

	ok(charset_to_utf8(NULL, 0, &hint, &res, &cause) == 0 &&
	    res.len == 0 && res.text[0] == '\0' && res.invalid == 0,
	    "empty input");
	ok(charset_warning(&res) == NULL, "... no warning");
	free(res.text);

	decode("plain ASCII", 11, NULL, NULL, &res);
	is_int(res.source, CHARSET_UTF8, "ASCII stays UTF-8");
	free(res.text);

	decode("caf\xe9", 4, NULL, NULL, &res);
	is_str(res.text, "caf\xc3\xa9", "short Latin-1 falls back sensibly");
	free(res.text);

	hint.override = "klingon";
	ok(charset_to_utf8("x", 1, &hint, &res, &cause) == -1,
	    "unknown override fails");
	is_str(cause, "unknown encoding: klingon", "... and says so");
	free(cause);
}

int
main(void)
{
	test_rows();
	test_order();
	test_declared();
	test_labels();
	test_repairs();
	return tap_done();
}
