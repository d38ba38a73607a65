/*
 * utf8-script.c: what kind of character a code point is (its script,
 * whether it is a letter, upper case, a nonspacing mark, Hangul), in our
 * own types (utf8.h), so that language identification and the aligner's
 * anchors ask here instead of including libunistring (tests/layering.sh).
 */
#include "config.h"

#include <pthread.h>
#include <stdint.h>

#include <unictype.h>

#include "utf8.h"

/* Hangul syllables and conjoining jamo: what keep-all keeps together. */
int
utf8_is_hangul(uint32_t uc)
{
	return (uc >= 0xac00 && uc <= 0xd7a3) ||
	    (uc >= 0x1100 && uc <= 0x11ff) || (uc >= 0x3130 && uc <= 0x318f) ||
	    (uc >= 0xa960 && uc <= 0xa97f) || (uc >= 0xd7b0 && uc <= 0xd7ff);
}

/* libunistring's names of enum utf8_script, in its order (but Other). */
static const char *const utf8_script_names[UTF8_NSCRIPTS] = {
	"Other", "Latin", "Cyrillic", "Greek", "Han", "Hangul", "Hiragana",
	"Katakana", "Arabic", "Hebrew", "Thai", "Devanagari", "Bengali",
	"Tamil", "Telugu", "Kannada", "Malayalam", "Gujarati", "Gurmukhi",
	"Oriya", "Sinhala", "Georgian", "Armenian", "Ethiopic", "Khmer", "Lao",
	"Myanmar", "Tibetan", "Thaana",
};

/*
 * uc_script() answers with a pointer into libunistring's table; these are
 * the pointers of our scripts, looked up once (the queue's worker thread
 * may ask at the same time as the main thread, hence pthread_once).
 */
static const uc_script_t	*utf8_scripts[UTF8_NSCRIPTS];
static pthread_once_t		 utf8_scripts_once = PTHREAD_ONCE_INIT;

static void
utf8_scripts_init(void)
{
	size_t	i;

	for (i = 1; i < UTF8_NSCRIPTS; i++)
		utf8_scripts[i] = uc_script_byname(utf8_script_names[i]);
}

const char *
utf8_script_name(enum utf8_script sc)
{
	if ((unsigned)sc >= UTF8_NSCRIPTS)
		sc = UTF8_SCRIPT_OTHER;
	return utf8_script_names[sc];
}

/* Language identification asks this of every letter: ASCII is quick. */
enum utf8_script
utf8_script(uint32_t uc)
{
	const uc_script_t	*s;
	size_t			 i;

	if (uc < 0x80) {
		if ((uc | 0x20) >= 'a' && (uc | 0x20) <= 'z')
			return UTF8_SCRIPT_LATIN;
		return UTF8_SCRIPT_OTHER;
	}
	if (uc > 0x10ffff || (s = uc_script(uc)) == NULL)
		return UTF8_SCRIPT_OTHER;
	pthread_once(&utf8_scripts_once, utf8_scripts_init);
	for (i = 1; i < UTF8_NSCRIPTS; i++) {
		if (utf8_scripts[i] == s)
			return (enum utf8_script)i;
	}
	return UTF8_SCRIPT_OTHER;
}

int
utf8_is_letter(uint32_t uc)
{
	if (uc < 0x80)
		return (uc | 0x20) >= 'a' && (uc | 0x20) <= 'z';
	return uc <= 0x10ffff && uc_is_general_category(uc, UC_CATEGORY_L);
}

int
utf8_is_upper(uint32_t uc)
{
	if (uc < 0x80)
		return uc >= 'A' && uc <= 'Z';
	return uc <= 0x10ffff && uc_is_upper(uc);
}

/* The first nonspacing mark is U+0300 COMBINING GRAVE ACCENT. */
int
utf8_is_nonspacing_mark(uint32_t uc)
{
	return uc >= 0x300 && uc <= 0x10ffff &&
	    uc_is_general_category(uc, UC_CATEGORY_Mn);
}
