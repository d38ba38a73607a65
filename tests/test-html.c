/*
 * test-html.c: html_parse() on the pages of tests/data/web (see its
 * README), one row per page: title, languages, canonical URL, author,
 * date, alternates, comment policy, the paragraphs and that no page
 * furniture reaches them.  Then the details of text extraction on small
 * inline pages (entities, <br>, whitespace, tag soup), hostile input
 * (empty, not HTML, 100,000 levels deep, 5 MB), and sniff_format().
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "charset.h"
#include "html.h"
#include "sniff.h"
#include "tap.h"
#include "test-util.h"
#include "xmalloc.h"

#define SITE "https://news.site.test"
#define STORY "/2024/05/seed-library.html"

struct page_row {
	const char	*file;
	const char	*http;		/* the HTTP header's charset */
	const char	*base;
	const char	*title, *lang, *found;
	int		 conflict;
	const char	*canonical, *author, *date;
	int		 stories;	/* alternates: the five stories */
	enum import_policy policy;
	size_t		 nparas;
	const char	*first, *last;
	const char	*furniture[8];	/* must be in no paragraph */
};

static const struct page_row rows[] = {
	{ "story-ko.html", "euc-kr", SITE "/ko" STORY,
	  "선포항, 옛 여객선 터미널을 씨앗 도서관으로 바꾸다", "ko", "ko", 0,
	  SITE "/ko" STORY, "박민아", "2024-05-14T09:30:00+09:00", 1,
	  IMPORT_POLICY_UNKNOWN, 3,
	  "선포항의 옛 여객선 터미널이 토요일 씨앗 도서관으로 다시 문을 "
	  "열었다. 주민들은 채소와 꽃 씨앗을 빌려 가고, 수확이 끝나면 새 "
	  "씨앗을 돌려주면 된다.",
	  "선반에는 이미 지역 콩부터 희귀한 토마토까지 400종이 넘는 씨앗이 "
	  "있다. 빌리는 사람은 도서관 카드와 가을에 씨앗 한 줌을 "
	  "가져오겠다는 약속만 있으면 된다.",
	  { "오피니언", "공유하기", "관련 기사", "어선들이", "무단 전재",
	    "Harbor Daily", "한국어", NULL } },
	{ "story-en.html", NULL, SITE "/en" STORY,
	  "Sunport turns its old ferry terminal into a seed library", "en",
	  "en", 0, SITE "/en" STORY, "Mina Park",
	  "2024-05-14T09:30:00+09:00", 1, IMPORT_POLICY_UNKNOWN, 3,
	  "The old ferry terminal in Sunport reopened on Saturday as a seed "
	  "library, where residents can borrow packets of vegetable and "
	  "flower seeds and return new seeds after the harvest.",
	  "More than 400\u00a0varieties are already on the shelves, from "
	  "local beans to rare tomatoes. Borrowers only need a library card & "
	  "a promise to bring back a handful of seeds in autumn.",
	  { "Opinion", "Share on", "Related articles", "Fishing boats",
	    "All rights reserved", "Harbor Daily", "English", NULL } },
	{ "story-ja.html", NULL, SITE "/ja" STORY,
	  "船港町、旧フェリーターミナルを種の図書館に", "ja", "ja", 0,
	  SITE "/ja" STORY, "朴美娜", "2024-05-14T09:30:00+09:00", 1,
	  IMPORT_POLICY_UNKNOWN, 3,
	  "船港町の旧フェリーターミナルが土曜日、種の図書館として生まれ"
	  "変わった。住民は野菜や花の種を借りることができ、収穫の後に新しい"
	  "種を返す仕組みだ。",
	  "棚にはすでに地元の豆から珍しいトマトまで、四百種類以上の種が"
	  "並んでいる。借りる人に必要なのは図書館カードと、秋に種をひと握り"
	  "持ってくるという約束だけだ。",
	  { "オピニオン", "シェアする", "関連記事", "漁船", "無断転載",
	    "Harbor Daily", "日本語", NULL } },
	{ "story-zh.html", NULL, SITE "/zh" STORY,
	  "船港把旧渡轮码头改成种子图书馆", "zh", "zh-Hans", 0, SITE "/zh" STORY,
	  "朴敏娜", "2024-05-14T09:30:00+09:00", 1, IMPORT_POLICY_UNKNOWN, 3,
	  "船港的旧渡轮码头于周六重新开放，成为一座种子图书馆。居民可以借走"
	  "蔬菜和花卉的种子，收获之后再归还新的种子。",
	  "书架上已经有四百多个品种，从本地豆类到稀有的番茄应有尽有。借种子"
	  "的人只需要一张借书证，并承诺秋天带回一把种子。",
	  { "首页", "分享到", "相关文章", "渔船", "版权所有", "Harbor Daily",
	    "中文", NULL } },
	{ "story-fr.html", NULL, SITE "/fr" STORY,
	  "Sunport transforme son ancien terminal de ferry en grainothèque",
	  "fr", "fr", 0, SITE "/fr" STORY, "Mina Park",
	  "2024-05-14T09:30:00+09:00", 1, IMPORT_POLICY_UNKNOWN, 3,
	  "L'ancien terminal de ferry de Sunport a rouvert samedi sous la "
	  "forme d'une grainothèque : les habitants peuvent y emprunter des "
	  "sachets de graines de légumes et de fleurs, puis rapporter de "
	  "nouvelles graines après la récolte.",
	  "Plus de 400 variétés sont déjà sur les étagères, des haricots "
	  "locaux aux tomates rares. Il suffit d'une carte de bibliothèque et "
	  "de la promesse de rapporter une poignée de graines à l'automne.",
	  { "Accueil", "Partager sur", "Articles connexes", "bateaux de pêche",
	    "Tous droits", "Harbor Daily", "Français", NULL } },
	{ "wp-post.html", NULL,
	  "https://kitchen.site.test/2023/11/repairing-a-cast-iron-pan/",
	  "Repairing a Cast-Iron Pan, Step by Step", "en-US", "en", 0,
	  "https://kitchen.site.test/2023/11/repairing-a-cast-iron-pan/",
	  "Oskar Lindqvist", "2023-11-04T08:15:27+00:00", 0,
	  IMPORT_POLICY_LOGIN, 8,
	  "My grandmother\u2019s pan spent ten winters in a damp shed, and "
	  "when I finally carried it inside it was more rust than iron. This "
	  "post is the whole repair, from the first scrub to the first egg "
	  "that slid off the surface again.",
	  "Repeat the oil and the baking three or four times. The surface "
	  "turns from grey to bronze to black, and from then on every meal "
	  "you cook adds to it.",
	  { "Recipes", "Share this", "Sharpening", "Recent Posts",
	    "potato and salt", "logged in", "Proudly powered", "Posted in" } },
	{ "lang-mismatch.html", NULL, "https://walks.example.test/rain.html",
	  "雨の日の商店街", "en", "ja", 1, NULL, NULL, NULL, 0,
	  IMPORT_POLICY_UNKNOWN, 3,
	  "雨の日の商店街は、晴れた日とはまったく違う顔を見せる。"
	  "アーケードの屋根を打つ雨音が響き、店先には色とりどりの傘が並ぶ。",
	  "夕方になると雨は小降りになり、買い物袋を提げた人々が足早に家路に"
	  "つく。商店街の灯りが水たまりに映って、静かに揺れていた。",
	  { "Walks", "Maps", NULL } },
	{ "density.html", NULL, "https://coast.example.test/2024/keeper",
	  "The Lighthouse Keeper's Last Winter :: Coastline Weekly", "en",
	  "en", 0, NULL, NULL, NULL, 0, IMPORT_POLICY_UNKNOWN, 4,
	  "For thirty-one years, Malcolm Reid climbed the ninety-four steps "
	  "of the Gull Point light every evening, trimmed nothing, polished "
	  "everything, and wrote the weather into a ledger that nobody asked "
	  "him to keep.",
	  "He will move to a flat in town, near his daughter, with a window "
	  "that faces the harbour. He has already bought a new ledger.",
	  { "Harbour wall", "Tides", "Boat storage", "night bus", "Privacy",
	    "printed every Thursday", "Subscribe", "Ruth Abernethy" } },
};

/* The page at file, through charset_to_utf8() as the importer will. */
static struct html_page *
parse_file(const char *file, const char *http, const char *base)
{
	struct charset_hint	 hint = { NULL, http };
	struct charset_result	 r;
	struct html_page	*pg = NULL;
	char			 path[1024], *bytes, *cause = NULL;
	size_t			 len;

	snprintf(path, sizeof path, "%s/%s", WEB_DATA, file);
	if ((bytes = test_slurp(path, &len)) == NULL) {
		diag("cannot read %s", path);
		return NULL;
	}
	if (charset_to_utf8(bytes, len, &hint, &r, &cause) != 0 ||
	    html_parse(r.text, r.len, base, &pg, &cause) != 0) {
		diag("%s: %s", file, cause);
		free(cause);
	} else
		free(r.text);
	free(bytes);
	return pg;
}

/* The five stories and x-default, exactly. */
static void
check_alternates(const struct page_row *row, const struct html_page *pg)
{
	static const char *const langs[] = { "ko", "en", "ja", "zh", "fr" };
	char	 want[128];
	size_t	 i, n = row->stories ? 5 : 0;
	int	 good = pg->nalternates == n;

	for (i = 0; good && i < n; i++) {
		snprintf(want, sizeof want, SITE "/%s" STORY, langs[i]);
		good = strcmp(pg->alternates[i].lang, langs[i]) == 0 &&
		    strcmp(pg->alternates[i].url, want) == 0;
		if (!good)
			diag("alternate %zu: %s %s", i, pg->alternates[i].lang,
			    pg->alternates[i].url);
	}
	ok(good, "%s: %zu alternates, in order, resolved, no duplicates",
	    row->file, n);
	if (row->stories)
		is_str(pg->x_default, SITE "/en" STORY, "%s: x-default apart",
		    row->file);
	else
		ok(pg->x_default == NULL, "%s: no x-default", row->file);
}

static void
check_furniture(const struct page_row *row, const struct html_page *pg)
{
	size_t	i, j;
	int	clean = 1;

	for (i = 0; i < pg->nparas; i++)
		for (j = 0; j < 8 && row->furniture[j] != NULL; j++)
			if (strstr(pg->paras[i].text, row->furniture[j])) {
				diag("paragraph %zu holds \"%s\"", i,
				    row->furniture[j]);
				clean = 0;
			}
	ok(clean, "%s: no nav, share, related or footer text", row->file);
}

static void
test_pages(void)
{
	const struct page_row *row;
	struct html_page *pg;
	size_t		 i;

	for (i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		row = &rows[i];
		if ((pg = parse_file(row->file, row->http, row->base)) == NULL) {
			ok(0, "%s: parses", row->file);
			continue;
		}
		is_str(pg->title, row->title, "%s: title", row->file);
		is_str(pg->lang, row->lang, "%s: declared language", row->file);
		is_str(pg->lang_found, row->found, "%s: identified language",
		    row->file);
		is_int(pg->lang_conflict, row->conflict, "%s: conflict",
		    row->file);
		ok(row->canonical ? pg->canonical != NULL &&
		    strcmp(pg->canonical, row->canonical) == 0 :
		    pg->canonical == NULL, "%s: canonical %s", row->file,
		    pg->canonical ? pg->canonical : "(none)");
		ok(row->author ? pg->author && !strcmp(pg->author, row->author) :
		    pg->author == NULL, "%s: author", row->file);
		ok(row->date ? pg->date && !strcmp(pg->date, row->date) :
		    pg->date == NULL, "%s: date", row->file);
		check_alternates(row, pg);
		is_int(pg->policy, row->policy, "%s: comment policy", row->file);
		is_int(pg->nparas, row->nparas, "%s: paragraphs", row->file);
		if (pg->nparas > 0) {
			is_str(pg->paras[0].text, row->first,
			    "%s: first paragraph", row->file);
			is_str(pg->paras[pg->nparas - 1].text, row->last,
			    "%s: last paragraph", row->file);
		}
		check_furniture(row, pg);
		html_page_free(pg);
	}
}

static struct html_page *
parse_str(const char *s, size_t len, char **cause)
{
	struct html_page *pg = NULL;

	*cause = NULL;
	if (html_parse(s, len, "https://site.test/dir/page.html", &pg,
	    cause) != 0)
		return NULL;
	return pg;
}

/* The paragraphs of s joined by " | ", kinds as a letter before each
   (t text, h heading, i item, q quote, p pre); caller frees. */
static char *
paras(const char *s)
{
	static const char kinds[] = "thiqp";
	struct html_page *pg;
	char		 *cause, *out = xstrdup(""), *t;
	size_t		  i;

	if ((pg = parse_str(s, strlen(s), &cause)) == NULL) {
		free(out);
		xasprintf(&out, "error: %s", cause);
		free(cause);
		return out;
	}
	for (i = 0; i < pg->nparas; i++) {
		xasprintf(&t, "%s%s%c:%s", out, i ? " | " : "",
		    kinds[pg->paras[i].kind], pg->paras[i].text);
		free(out);
		out = t;
	}
	html_page_free(pg);
	return out;
}

static void
check_text(const char *html, const char *want, const char *what)
{
	char	*got = paras(html);

	is_str(got, want, "%s", what);
	free(got);
}

static void
test_text(void)
{
	check_text("<p>Fish &amp; chips&nbsp;now &#x2014; &lt;cheap&gt; "
	    "&eacute;t&#233;</p>",
	    "t:Fish & chips\u00a0now \u2014 <cheap> \u00e9t\u00e9",
	    "entities decoded");
	check_text("<p>line one<br>line two<br/>  line three</p>",
	    "t:line one\nline two\nline three", "<br> is a line break");
	check_text("<p>first part<br><br>second part</p>",
	    "t:first part | t:second part", "two <br> end a paragraph");
	check_text("<p>  lots\n\t of   <b>space</b>\r\n here </p>"
	    "<pre>\n  keep\n    this  </pre>",
	    "t:lots of space here | p:  keep\n    this",
	    "whitespace collapsed, but not in <pre> (ends trimmed)");
	check_text("<p>foo<b>bar</b> <i>baz</i>, <a href=x>qux</a>.</p>",
	    "t:foobar baz, qux.", "inline elements joined");
	check_text("<h2>Head</h2><ul><li>one</li><li>two</ul>"
	    "<blockquote><p>said</p></blockquote><figure><img src=x>"
	    "<figcaption>caption</figcaption></figure>"
	    "<table><tr><td>cell a</td><td>cell b</td></tr></table>",
	    "h:Head | i:one | i:two | q:said | t:caption | t:cell a | "
	    "t:cell b", "one paragraph per block, kinds");
	check_text("<p>&nbsp;</p><p> </p><div><p>real</p></div><p>\n</p>",
	    "t:real", "empty paragraphs dropped");
	check_text("<div><p>one<p>two</div></div></span><p>three <b>bold "
	    "<i>both</b> italic</i><div>four<p>five",
	    "t:one | t:two | t:three bold both italic | t:four | t:five",
	    "tag soup still gives the paragraphs");
	check_text("<p>before<script>var x = '<p>no</p>';</script> after"
	    "<style>p { color: red }</style><noscript>enable js</noscript>"
	    "</p><template><p>tmpl</p></template><svg><text>svg</text></svg>",
	    "t:before after", "scripts, styles, templates, svg dropped");
	check_text("<body><nav><p>menu item text</p></nav><p>body text</p>"
	    "<div class=\"social-links\"><p>follow us</p></div>"
	    "<p hidden>hidden</p><footer><p>footer</p></footer></body>",
	    "t:body text", "nav, footer, hidden and furniture dropped");
	check_text("<meta charset=\"iso-8859-1\"><p>caf\u00e9 \u00fcber</p>",
	    "t:caf\u00e9 \u00fcber", "meta charset ignored: input is UTF-8");
	check_text("<p>bad \xff\xfe bytes \xc3(</p>",
	    "t:bad \ufffd\ufffd bytes \ufffd(", "invalid UTF-8 replaced");
}

static void
test_meta(void)
{
	struct html_page *pg;
	char		 *cause;
	const char	 *s;

	s = "<html><head><title>A Walk :: Coastline</title>"
	    "<meta property='og:url' content='/canon/walk'>"
	    "<link rel='alternate' hreflang='x-default' href='/'>"
	    "<link rel='alternate' type='application/rss+xml' href='/feed'>"
	    "</head><body><div class='lang-menu'><a lang='de_DE' "
	    "href='/de/walk'>Deutsch</a><a href='/about'>About</a></div>"
	    "<p><a hreflang='es' href='es/walk'>Español</a> "
	    "<a hreflang='de-DE' href='/other'>de again</a> "
	    "<a lang='it' href='/it/'>not in a switcher</a></p>"
	    "<p>Comments are closed.</p></body></html>";
	if ((pg = parse_str(s, strlen(s), &cause)) == NULL)
		ok(0, "meta page parses: %s", cause);
	else {
		is_str(pg->title, "A Walk :: Coastline", "title without "
		    "og:site_name keeps its suffix");
		is_str(pg->title_suffix, "Coastline", "... and says which");
		is_int(html_page_cut_suffix(pg, "Coastline"), 1, "cut it");
		is_str(pg->title, "A Walk", "... leaves the title");
		is_str(pg->canonical, "https://site.test/canon/walk",
		    "og:url resolved when there is no canonical link");
		is_int(pg->nalternates, 2, "switcher lang and hreflang links");
		if (pg->nalternates == 2) {
			is_str(pg->alternates[0].lang, "de-DE", "_ becomes -");
			is_str(pg->alternates[0].url,
			    "https://site.test/de/walk", "switcher link");
			is_str(pg->alternates[1].url,
			    "https://site.test/dir/es/walk", "hreflang link");
		}
		is_str(pg->x_default, "https://site.test/", "x-default");
		is_int(pg->policy, IMPORT_POLICY_CLOSED, "comments closed");
		ok(pg->lang == NULL, "no declared language");
		html_page_free(pg);
	}
	s = "<body><article><p>Text of the post.</p></article>"
	    "<form id='commentform' action='/wp-comments-post.php'>"
	    "<textarea name='comment'></textarea></form></body>";
	if ((pg = parse_str(s, strlen(s), &cause)) == NULL)
		ok(0, "form page parses: %s", cause);
	else {
		is_int(pg->policy, IMPORT_POLICY_OPEN, "comment form: open");
		html_page_free(pg);
	}
}

static double
now(void)
{
	struct timespec	ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* A page of about mb megabytes: furniture, then many paragraphs. */
static char *
big_page(size_t mb, size_t *lenp)
{
	struct html_buf { char *s; size_t len; } b;
	const char	*head = "<html lang=en><body><nav><a href=/>Home</a>"
	    "</nav><article><h1>Big</h1>";
	const char	*para = "<p>A paragraph of the big page, with <b>bold</b>"
	    " and <a href=\"/x\">a link</a>, long enough to count as text "
	    "&amp; to be kept by the extractor.</p>\n";
	size_t		 n = strlen(para), want = mb << 20;

	b.s = xmalloc(want + 4096);
	b.len = strlen(head);
	memcpy(b.s, head, b.len);
	while (b.len + n < want) {
		memcpy(b.s + b.len, para, n);
		b.len += n;
	}
	memcpy(b.s + b.len, "</article></body></html>", 24);
	b.len += 24;
	*lenp = b.len;
	return b.s;
}

/* Best of five: the machine may be shared. */
static double
time_parse(const char *s, size_t len, size_t *nparas)
{
	struct html_page *pg;
	char		 *cause;
	double		  t, best = 1e9;
	int		  i;

	for (i = 0; i < 5; i++) {
		t = now();
		pg = parse_str(s, len, &cause);
		t = now() - t;
		best = t < best ? t : best;
		*nparas = pg ? pg->nparas : 0;
		html_page_free(pg);
		free(cause);
	}
	return best;
}

static void
test_hostile(void)
{
	struct html_page *pg;
	char		 *cause, *s;
	size_t		  i, len, n1, n4;
	double		  t, t1, t4;

	pg = parse_str("", 0, &cause);
	ok(pg == NULL && cause != NULL, "empty document: an error (%s)",
	    cause ? cause : "none");
	free(cause);
	ok(parse_str(" \n\t ", 4, &cause) == NULL && cause != NULL,
	    "blank document: an error");
	free(cause);
	s = "{\"items\": [1, 2, 3]}";
	pg = parse_str(s, strlen(s), &cause);
	ok(pg != NULL || cause != NULL, "JSON: a page or an error, no crash");
	html_page_free(pg);
	free(cause);
	pg = parse_str("\x01\x02\x03\x7f\x80", 5, &cause);
	ok(pg != NULL || cause != NULL, "binary: a page or an error");
	html_page_free(pg);
	free(cause);

	len = 100000 * 11 + 64;
	s = xmalloc(len);
	len = (size_t)sprintf(s, "<p>top</p>");
	for (i = 0; i < 100000; i++)
		len += (size_t)sprintf(s + len, "<div>");
	len += (size_t)sprintf(s + len, "deep");
	for (i = 0; i < 100000; i++)
		len += (size_t)sprintf(s + len, "</div>");
	t = now();
	pg = parse_str(s, len, &cause);
	t = now() - t;
	ok(pg != NULL && pg->nparas >= 1 && strcmp(pg->paras[0].text,
	    "top") == 0, "100,000 levels deep: parsed, text before kept");
	diag("100,000 levels deep: %.3f s", t);
	html_page_free(pg);
	free(cause);
	free(s);

	s = big_page(1, &len);
	t1 = time_parse(s, len, &n1);
	free(s);
	s = big_page(4, &len);
	t4 = time_parse(s, len, &n4);
	free(s);
	ok(n4 > 3 * n1 && n1 > 1000, "big pages: %zu and %zu paragraphs",
	    n1, n4);
	diag("1 MB: %.3f s, 4 MB: %.3f s", t1, t4);
	/* Linear is 4x, quadratic 16x; the slack is for a busy machine. */
	ok(t4 < 10 * t1 + 0.1, "4 MB takes less than 10 times 1 MB (%.1fx)",
	    t4 / t1);
	s = big_page(5, &len);
	t = now();
	pg = parse_str(s, len, &cause);
	ok(pg != NULL && pg->nparas > 10000, "5 MB page: %.3f s", now() - t);
	html_page_free(pg);
	free(s);
}

static void
test_sniff(void)
{
	static const struct {
		const char	*s;
		enum sniff_kind	 kind;
	} sn[] = {
		{ "<!DOCTYPE html><html>", SNIFF_HTML },
		{ "\xef\xbb\xbf  <!-- c --> <html lang=en>", SNIFF_HTML },
		{ "<head><title>x</title>", SNIFF_HTML },
		{ "\n<BODY>", SNIFF_HTML },
		{ "<p>Hello</p>", SNIFF_HTML },
		{ "<?xml version=\"1.0\"?>\n<rss version=\"2.0\">", SNIFF_FEED },
		{ "<?xml version='1.0'?><?xml-stylesheet href='a'?><feed "
		  "xmlns='http://www.w3.org/2005/Atom'>", SNIFF_FEED },
		{ "<?xml version=\"1.0\"?><rdf:RDF>", SNIFF_FEED },
		{ "<rss version=\"2.0\">", SNIFF_FEED },
		{ "<?xml version=\"1.0\"?><svg>", SNIFF_XML },
		{ "<?xml version=\"1.0\"?><!DOCTYPE html><html>", SNIFF_HTML },
		{ "  {\"version\": \"https://jsonfeed.org/version/1.1\"}",
		  SNIFF_JSON },
		{ "[1, 2]", SNIFF_JSON },
		{ "Plain text with <b> later", SNIFF_TEXT },
		{ "<unknown>", SNIFF_TEXT },
		{ "<!-- never closed", SNIFF_TEXT },
		{ "", SNIFF_TEXT },
		/* import.c's rows, from when it had a sniffer of its own. */
		{ "== en\n\nText.\n", SNIFF_TEXT },
		{ "{\"id\": 1}", SNIFF_JSON },
		{ "\xef\xbb\xbf \n\t{}", SNIFF_JSON },
		{ "[{\"a\": 1}]", SNIFF_JSON },
		{ "[ ]", SNIFF_JSON },
		{ "[\"a\"]", SNIFF_JSON },
		{ "[true, null]", SNIFF_JSON },
		{ "[1]", SNIFF_JSON },
		{ "[1] A footnote first.\n", SNIFF_TEXT },
		{ "[Update] The bridge.\n", SNIFF_TEXT },
		{ "<?xml version='1.0' encoding='utf-8'?>\n<feed xmlns="
		  "\"http://www.w3.org/2005/Atom\">", SNIFF_FEED },
		{ "<rss version=\"2.0\"><channel>", SNIFF_FEED },
		{ "<!DOCTYPE html>\n<html lang=\"ko\">", SNIFF_HTML },
		{ "\xef\xbb\xbf\n<!doctype HTML><title>x</title>", SNIFF_HTML },
		{ "<!-- saved from url -->\n<HTML><HEAD>", SNIFF_HTML },
		{ "<?xml version=\"1.0\"?>\n<!DOCTYPE html PUBLIC>\n<html>",
		  SNIFF_HTML },
		{ "<?xml version=\"1.0\"?>\n<svg/>", SNIFF_XML },
		{ "<b>Bold</b> words, no page.\n", SNIFF_TEXT },
		{ "\177ELF\002\001\001", SNIFF_TEXT },
		{ "caf\xe9 cr\xe8me br\xfbl\xe9" "e, latin-1 but mostly ASCII",
		  SNIFF_TEXT },
		{ "\xff\xfe<\0h\0t\0m\0l\0>\0", SNIFF_HTML },
	};
	size_t	i, len;

	for (i = 0; i < sizeof sn / sizeof sn[0]; i++) {
		len = i == sizeof sn / sizeof sn[0] - 1 ? 14 : strlen(sn[i].s);
		is_str(sniff_name(sniff_format(sn[i].s, len)),
		    sniff_name(sn[i].kind), "sniff %zu: %s", i,
		    sniff_name(sn[i].kind));
	}
}

/* html_fragment(): a feed entry's content, every block kept. */
static void
test_fragment(void)
{
	static const char kinds[] = "thiqp";
	static const struct {
		const char	*in, *want, *what;
	} t[] = {
		{ "", "", "empty: no paragraph" },
		{ "Just words.", "t:Just words.", "bare text" },
		{ "Intro <b>bold</b><ul><li>a</li><li>b</li></ul>tail",
		    "t:Intro bold | i:a | i:b | t:tail",
		    "text around a list" },
		{ "<p>Hi.</p><div class=\"entry\"><p>A long paragraph, with "
		    "commas, and more words, enough to score well.</p><p>"
		    "Another long paragraph, with commas, and words, to "
		    "score.</p></div>", "t:Hi. | t:A long paragraph, with "
		    "commas, and more words, enough to score well. | t:Another"
		    " long paragraph, with commas, and words, to score.",
		    "a short first paragraph is not left out" },
		{ "<p>x &amp; y&nbsp;z</p><script>alert(1)</script>"
		    "<style>p{}</style>", "t:x & y\u00a0z",
		    "entities, scripts dropped" },
		{ "<div><p>Au bout</p><p><img src=\"l.jpg\">Le gardien est "
		    "parti.<br>Fin.</p></div>", "t:Au bout | t:Le gardien est "
		    "parti.\nFin.", "XHTML content as a feed writes it" },
		{ "<h2>Title</h2><blockquote>said</blockquote><pre> a\n  b"
		    "</pre>", "h:Title | q:said | p: a\n  b", "kinds kept" },
		{ "<p>bad \xff bytes</p>", "t:bad \ufffd bytes",
		    "invalid UTF-8 replaced" },
	};
	struct html_page *pg;
	char		 *cause = NULL, *out, *tmp;
	size_t		  i, k;

	for (i = 0; i < sizeof t / sizeof t[0]; i++) {
		if (html_fragment(t[i].in, strlen(t[i].in), &pg, &cause) != 0) {
			ok(0, "fragment: %s: %s", t[i].what, cause);
			free(cause);
			continue;
		}
		out = xstrdup("");
		for (k = 0; k < pg->nparas; k++) {
			xasprintf(&tmp, "%s%s%c:%s", out, k ? " | " : "",
			    kinds[pg->paras[k].kind], pg->paras[k].text);
			free(out);
			out = tmp;
		}
		is_str(out, t[i].want, "fragment: %s", t[i].what);
		free(out);
		html_page_free(pg);
	}
}

int
main(void)
{
	test_pages();
	test_text();
	test_fragment();
	test_meta();
	test_hostile();
	test_sniff();
	return tap_done();
}
