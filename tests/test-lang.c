/* test-lang.c: language preference from options and the environment. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "lang.h"
#include "tap.h"
#include "xmalloc.h"

static char *
joined(const struct lang_pref *p)
{
	static char	buf[256];
	size_t		i;

	buf[0] = '\0';
	for (i = 0; i < p->n; i++) {
		if (i > 0)
			strcat(buf, " ");
		strcat(buf, p->tags[i]);
	}
	return buf;
}

static void
env_case(const char *tandem, const char *language, const char *lc_all,
    const char *lang, const char *want, const char *what)
{
	struct lang_pref	 p;
	char			*cause = NULL;

	unsetenv("TANDEM_LANG"); unsetenv("LANGUAGE"); unsetenv("LC_ALL");
	unsetenv("LC_MESSAGES"); unsetenv("LANG");
	if (tandem) setenv("TANDEM_LANG", tandem, 1);
	if (language) setenv("LANGUAGE", language, 1);
	if (lc_all) setenv("LC_ALL", lc_all, 1);
	if (lang) setenv("LANG", lang, 1);
	is_int(lang_pref_init(&p, NULL, &cause), 0, "%s: ok", what);
	is_str(joined(&p), want, "%s", what);
	lang_pref_free(&p);
}

/* BCP 47 tags: well-formed or not, known primary subtag or not. */
static void
test_tags(void)
{
	static const struct {
		const char	*tag;
		int		 want;
	} rows[] = {
		{ "ko", 0 }, { "en-GB", 0 }, { "zh-Hant", 0 }, { "zh-Hant-TW", 0 },
		{ "yue", 0 }, { "sr-Latn-RS", 0 }, { "es-419", 0 }, { "und", 0 },
		{ "KO", 0 }, { "fil", 0 }, { "x-mine", 0 }, { "x-", -1 },
		{ "xx-nonsense", 1 }, { "zz", 1 }, { "qqq", 1 },
		{ "", -1 }, { "k", -1 }, { "english", -1 }, { "12", -1 },
		{ "ko-", -1 }, { "ko--KR", -1 }, { "ko_KR", -1 },
		{ "en-abcdefghi", -1 }, { "e1", -1 },
	};
	size_t	 i, n;
	char	*why;

	for (i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		why = NULL;
		is_int(lang_tag_check(rows[i].tag, &why), rows[i].want,
		    "tag '%s'", rows[i].tag);
		ok((rows[i].want == 0) == (why == NULL), "... %s",
		    why ? why : "nothing said");
		free(why);
	}
	why = NULL;
	is_int(lang_list_check("ko,en,fr", &n, NULL, &why), 0, "ko,en,fr");
	is_int((long long)n, 3, "... three tags");
	is_int(lang_list_check("ko,ko", &n, NULL, &why), -1, "ko,ko refused");
	ok(why != NULL && strstr(why, "twice") != NULL, "... named twice");
	FREE(&why);
	is_int(lang_list_check("en, KO ko", &n, NULL, &why), -1,
	    "case does not hide a repeat");
	FREE(&why);
	is_int(lang_list_check("ko,e1", &n, NULL, &why), -1, "a bad tag");
	FREE(&why);
}

int
main(void)
{
	struct lang_pref	 p;
	char			*cause = NULL;

	test_tags();

	is_int(lang_pref_init(&p, "ko,en", &cause), 0, "--lang ko,en");
	is_str(joined(&p), "ko en", "list kept in order, en not repeated");
	is_int((int)lang_rank(&p, "en"), 1, "rank of en");
	is_int((int)lang_rank(&p, "fr"), 2, "unwanted ranks last");
	lang_pref_free(&p);

	is_int(lang_pref_init(&p, "zh-Hant fr", &cause), 0, "spaces separate");
	is_str(joined(&p), "zh-Hant fr en", "en appended as last resort");
	is_int((int)lang_rank(&p, "zh"), 0, "zh matches a zh-Hant wish");
	lang_pref_free(&p);

	is_int(lang_pref_init(&p, "ko,e;n", &cause), -1, "bad tag refused");
	is_str(cause, "'e;n' is not a language tag (like ko, en, zh-Hant)",
	    "bad tag named");
	free(cause);

	ok(lang_match("pt-BR", "pt") && !lang_match("pt", "pl"),
	    "primary subtag match");
	is_str(lang_name("ko"), "Korean", "name of ko");
	is_str(lang_name("zh-Hant"), "Chinese", "name of zh-Hant");
	is_str(lang_name("xx"), "xx", "unknown name is the tag");

	env_case("fr,ko", "ja", NULL, "de_DE.UTF-8", "fr ko en",
	    "TANDEM_LANG wins over the locale");
	env_case(NULL, "ja:zh_CN", "ko_KR.UTF-8", NULL, "ja zh-CN ko-KR en",
	    "LANGUAGE list, then LC_ALL");
	env_case(NULL, NULL, NULL, "fr_CA.UTF-8", "fr-CA en", "LANG alone");
	env_case(NULL, NULL, "C.UTF-8", NULL, "en", "C locale: just en");
	env_case(NULL, NULL, "POSIX", "ko", "en", "POSIX stops the search");
	return tap_done();
}
