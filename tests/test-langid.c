/*
 * test-langid.c: language identification on the bundled sample and on
 * one row per script, language or trap (acronyms in Korean, Japanese that
 * is mostly kanji, nothing but digits, invalid UTF-8, a paragraph in a
 * language next to a modelled one).
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "langid.h"
#include "tap.h"
#include "test-util.h"
#include "xmalloc.h"

/* Short texts of our own, one row per case. */
static const struct {
	const char	*text;
	const char	*want;
} rows[] = {
	{ "The weather is nice today.", "en" },
	{ "Where did you put my keys?", "en" },
	{ "Il fait beau aujourd'hui.", "fr" },
	{ "Je ne sais pas où il est allé.", "fr" },
	{ "Das Wetter ist heute schön.", "de" },
	{ "Ich weiß nicht, wo er hingegangen ist.", "de" },
	{ "Hoy hace buen tiempo.", "es" },
	{ "No sé dónde están mis llaves.", "es" },
	{ "Oggi il tempo è bello.", "it" },
	{ "Non so dove sono le mie chiavi.", "it" },
	{ "O tempo está bom hoje.", "pt" },
	{ "Não sei onde estão as minhas chaves.", "pt" },
	{ "Het weer is vandaag mooi.", "nl" },
	{ "Ik weet niet waar mijn sleutels zijn.", "nl" },
	{ "Сегодня хорошая погода.", "ru" },
	{ "Я не знаю, где мои ключи.", "ru" },
	{ "Сьогодні гарна погода, і я щасливий.", "uk" },
	{ "오늘은 날씨가 좋다.", "ko" },
	{ "열쇠를 어디에 두었는지 모르겠어요.", "ko" },
	{ "今日はいい天気です。", "ja" },
	{ "鍵をどこに置いたか分からない。", "ja" },
	{ "今天天气很好。", "zh-Hans" },
	{ "我不知道我的钥匙在哪里。", "zh-Hans" },
	{ "Καλημέρα σε όλους.", "el" },
	{ "مرحبا بكم في المدينة", "ar" },
	{ "שלום לכולם", "he" },
	{ "สวัสดีครับ ยินดีต้อนรับ", "th" },
	{ "नमस्ते, आप कैसे हैं?", "hi" },
	/* Korean with Latin acronyms, and with Hanja */
	{ "서울경제진흥원(SBA)이 IASP 총회에서 MOU를 체결했다.", "ko" },
	{ "SBA와 IASP, MOU 체결", "ko" },
	{ "SBA·IASP·MOU·CEO·R&D 협력 強化", "ko" },
	/* Japanese that is mostly kanji; Han alone */
	{ "東京都知事選挙の結果発表", "ja" },
	{ "経済産業省は日本企業海外進出支援策発表", "ja" },
	{ "中関村国際産業発展有限会社", "ja" },
	{ "日本経済団体連合会会長東京証券取引所上場企業決算発表予定日一覧表"
	  "作成担当部署経済産業省中小企業庁長官官房総務課広報室の資料", "ja" },
	{ "据日本索尼公司（ソニー）官方消息，该公司计划在中国北京和上海两地"
	  "同时建设新的研发中心，预计明年年底前完成全部工程建设并投入使用。"
	  "这是该公司近年来在华最大规模的投资项目之一，总投资额超过十亿元。", "zh-Hans" },
	{ "中关村国际控股有限公司", "zh-Hans" },
	/* nothing to go on */
	{ "", "und" },
	{ "12345", "und" },
	{ "2025-09-19 10:30:00", "und" },
	{ "!!! ... ??? ---", "und" },
	{ " \t\n ", "und" },
	{ "©®™ ★☆ ←→", "und" },
	{ "😀😀😀", "und" },
	{ "x", "und" },
	/* Languages the model learnt in issue 19 (they were "und") */
	{ "Dzień dobry, jak się masz? Wszystko w porządku.", "pl" },
	{ "Merhaba, nasılsınız? Her şey yolunda mı? Bugün hava çok güzel.",
	    "tr" },
	{ "Hyvää huomenta, mitä kuuluu? Kaikki on hyvin.", "fi" },
	{ "Xin chào, bạn có khỏe không? Hôm nay trời đẹp quá.", "vi" },
	{ "Detta är en svensk text om hur man lagar mat hemma, och den är "
	    "ganska lång.", "sv" },
	{ "Ini adalah teks bahasa Indonesia tentang memasak di rumah bersama "
	    "keluarga.", "id" },
	{ "Aquest és un text en català sobre com cuinar a casa amb la "
	    "família.", "ca" },
	{ "Tohle je český text o vaření doma s rodinou a přáteli.", "cs" },
	{ "این یک متن فارسی درباره آشپزی در خانه با خانواده است.", "fa" },
	/* Traditional Chinese, told from the characters */
	{ "這是一個關於在家做飯的繁體中文文本，我們會一起學習。", "zh-Hant" },
	/* Latin letters, but no language the model knows */
	{ "Tio estas teksto en Esperanto pri kuirado hejme kun la familio "
	    "kaj amikoj.", "und" },
	{ "Hau euskarazko testu bat da etxean familiarekin sukaldatzeari "
	    "buruz.", "und" },
	{ "qwrtzp xkcdvb zzgrkt plmnq", "und" },
	/*
	 * A paragraph of Esperanto: Lithuanian wins it, clear of its
	 * runner-up and knowing enough of its n-grams a letter, but a far
	 * smaller share of them than Lithuanian text's own
	 * (langid_typical); a Dutch paragraph of the same kind stays Dutch.
	 */
	{ "Hieraŭ ni iris al la bazaro kun mia avino kaj aĉetis multe da "
	    "bongustaj fruktoj. Ŝi ĉiam diras, ke oni ne devas rapidi, ĉar la "
	    "plej bonaj persikoj kuŝas en la fundo de la korbo. Kiam ni "
	    "revenis hejmen, ŝi bakis kukojn por ĉiuj.", "und" },
	/*
	 * Lithuanian wins this one too, only 5.8 spreads down: not far
	 * enough for LANGID_FITZ, but below Lithuanian's own limit (its
	 * lowest development paragraph less LANGID_FITZ_SLACK).
	 */
	{ "Hieraŭ vespere mia frato kaj mi promenis tra la malnova urbo, kie "
	    "ni vidis multajn homojn kiuj kantis kaj dancis sur la placo.",
	    "und" },
	{ "Ik ben gisteren met mijn oma naar de markt gegaan, en we hebben "
	    "heel lekker fruit gekocht. Ze zegt altijd dat je niet gehaast "
	    "moet zijn, want de beste perziken liggen onderin de mand. Toen we "
	    "thuiskwamen, heeft ze voor ons allemaal koekjes gebakken, en "
	    "niemand kon ophouden met eten.", "nl" },
	/*
	 * Afrikaans: Dutch wins it and it fits Dutch n-grams well enough,
	 * but "lêers" and "môre" are written in letters Dutch text never
	 * has (langid_native); one Dutch or Spanish loanword in such a
	 * letter ("crêpe", "pâté") is not enough to turn its paragraph
	 * away, though the Spanish one fits Spanish n-grams 5.4 spreads
	 * below Spanish's mean (LANGID_FOREIGN_Z is 6).
	 */
	{ "Die program laat jou toe om jou lêers vinnig te wysig. As jy "
	    "iets verander, word die veranderinge outomaties gestoor, en jy "
	    "kan môre weer na die vorige weergawe terugkeer.", "und" },
	{ "Na het diner bestelden we koffie en een warme crêpe, want de kok "
	    "had die avond iets bijzonders voor ons gemaakt en de bediening "
	    "was erg vriendelijk.", "nl" },
	{ "Ayer por la tarde fuimos al mercado del barrio para comprar fruta "
	    "y verdura fresca, y después tomamos un café con una porción de "
	    "pâté casero en la plaza.", "es" },
};

/* Invalid UTF-8 must not crash or read past the end. */
static const char *const invalid[] = {
	"\xff\xfe\xfd", "\xe4\xb8", "\xc0\xaf", "\xed\xa0\x80",
	"\xf4\x90\x80\x80", "Bonjour \xff tout le monde, \xc3 va bien",
	"\xea\xb0", "\x80\x80\x80\x80" "abc",
};

static int
in_range(const struct langid_result *r)
{
	return r->confidence >= 0 && r->confidence <= 1 &&
	    memchr(r->tag, '\0', sizeof r->tag) != NULL &&
	    (strcmp(r->tag, "und") != 0 || r->confidence == 0);
}

static void
check(const char *text, size_t len, const char *want, const char *what)
{
	struct langid_result	r;

	langid_guess(text, len, &r);
	if (!is_str(r.tag, want, "%s is %s", what, want) || !in_range(&r))
		diag("confidence %.3f", r.confidence);
	ok(in_range(&r), "%s: confidence %.3f in range", what, r.confidence);
}

/*
 * The sample holds one story in ko, en, ja, zh and fr, each version ended
 * by a "more articles" line in its language; all but Korean open with a
 * title line.  Each version, its title and each paragraph must come out
 * right.  What follows the last marker is an English comment notice.
 */
static void
test_sample(void)
{
	static const struct {
		const char	*marker;
		const char	*tag;
	} versions[] = {
		{ "- 관련 기사 더보기\n", "ko" },
		{ "- See more related articles\n", "en" },
		{ "- 関連記事をもっと見る\n", "ja" },
		{ "- 查看更多相关文章\n", "zh-Hans" },
		{ "- Voir plus d'articles connexes\n", "fr" },
	};
	char		*buf, *p, *end, *line, *eol, what[64];
	size_t		 i, n;

	buf = test_slurp(TANDEM_SRCDATADIR "/sample/seoul-sba-zhongguancun.txt", NULL);
	ok(buf != NULL, "sample article readable");
	if (buf == NULL)
		return;
	p = buf;
	for (i = 0; i < sizeof versions / sizeof versions[0]; i++) {
		end = strstr(p, versions[i].marker);
		ok(end != NULL, "marker of version %zu found", i);
		if (end == NULL)
			break;
		snprintf(what, sizeof what, "sample version %zu", i);
		check(p, end - p, versions[i].tag, what);
		check(versions[i].marker, strlen(versions[i].marker) - 1,
		    versions[i].tag, "its marker line");
		for (n = 0, line = p; line < end; line = eol + 1, n++) {
			eol = memchr(line, '\n', end - line);
			if (eol == NULL)
				eol = end;
			if (eol == line)
				continue;
			snprintf(what, sizeof what, "version %zu %s %zu", i,
			    n == 0 && i != 0 ? "title" : "line", n);
			check(line, eol - line, versions[i].tag, what);
		}
		p = end + strlen(versions[i].marker);
	}
	check(p, strlen(p), "en", "comment notice");
	free(buf);
}

/*
 * Pseudo-random bytes, weighted towards UTF-8 lead and continuation
 * bytes, must never crash (ASan watches) or give an answer out of range.
 */
static void
test_noise(void)
{
	static const unsigned char	 pool[] = { 0x00, 0x20, 0x27, 0x41,
	    0x61, 0x7f, 0x80, 0xbf, 0xc2, 0xc3, 0xd0, 0xe2, 0xe3, 0xea,
	    0xed, 0xef, 0xf0, 0xf4, 0xf5, 0xff };
	struct langid_result		 r;
	unsigned char			 buf[64];
	uint64_t			 x = 20261126;
	size_t				 i, j, len, bad = 0;

	for (i = 0; i < 20000; i++) {
		x = x * 6364136223846793005ULL + 1442695040888963407ULL;
		len = (x >> 33) % sizeof buf;
		for (j = 0; j < len; j++) {
			x = x * 6364136223846793005ULL + 1442695040888963407ULL;
			buf[j] = (x >> 40) & 1 ? pool[(x >> 41) % sizeof pool] :
			    (x >> 48) & 0xff;
		}
		langid_guess((const char *)buf, len, &r);
		bad += !in_range(&r);
	}
	is_int(bad, 0, "20000 strings of noise: every answer in range");
}

/* Megabytes of text: only the first MiB is scored, and costs can't wrap. */
static void
test_long(void)
{
	static const char	 line[] = "Le chat dort sur le canapé du salon. ";
	size_t			 n = sizeof line - 1, i, count = 3 * 1024 * 1024 / n;
	struct langid_result	 r;
	char			*big;

	big = xmalloc(count * n);
	for (i = 0; i < count; i++)
		memcpy(big + i * n, line, n);
	langid_guess(big, count * n, &r);
	is_str(r.tag, "fr", "3 MiB of French is fr");
	ok(r.confidence > 0.9, "and sure of it (%.3f)", r.confidence);
	free(big);
}

static void
test_among(void)
{
	static const char *const	 jako[] = { "ja", "ko" };
	static const char *const	 ko[] = { "ko" };
	static const char *const	 esptit[] = { "es", "pt", "it" };
	struct langid_result		 r;
	const char			*han = "中关村国际控股有限公司";

	langid_guess_among(han, strlen(han), jako, 2, &r);
	is_str(r.tag, "ja", "Han text among ja, ko is ja");
	langid_guess_among("The weather is nice", 19, ko, 1, &r);
	is_str(r.tag, "und", "English text among ko only is und");
	ok(r.confidence == 0, "und has confidence 0");
	langid_guess_among("Hoy hace buen tiempo", 20, esptit, 3, &r);
	is_str(r.tag, "es", "Spanish among es, pt, it");
	langid_guess_among("오늘은 날씨가 좋다", 25, NULL, 0, &r);
	is_str(r.tag, "und", "no candidates at all is und");
}

int
main(void)
{
	struct langid_result	r;
	size_t			i;
	char			what[64];

	for (i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		snprintf(what, sizeof what, "row %zu \"%.24s\"", i, rows[i].text);
		check(rows[i].text, strlen(rows[i].text), rows[i].want, what);
	}
	for (i = 0; i < sizeof invalid / sizeof invalid[0]; i++) {
		langid_guess(invalid[i], strlen(invalid[i]), &r);
		ok(in_range(&r), "invalid UTF-8 %zu: \"%s\" %.3f", i, r.tag,
		    r.confidence);
	}
	langid_guess("Hello world", 0, &r);
	is_str(r.tag, "und", "length 0 reads nothing");
	langid_guess("Das ist ein Haus", 7, &r);
	ok(in_range(&r), "length stops early");
	langid_guess(NULL, 5, &r);
	is_str(r.tag, "und", "NULL text is und");
	test_long();
	test_noise();
	test_sample();
	test_among();
	return tap_done();
}
