/*
 * lang.h: language tags and the reader's language preference.
 *
 * The preference is an ordered list of tags, most wanted first, taken
 * from --lang, else $TANDEM_LANG, else the locale ($LANGUAGE, $LC_ALL,
 * $LC_MESSAGES, $LANG), always ending with "en" as a last resort.
 * Tags are compared the BCP 47 way on their primary subtag: a wish for
 * "zh" is met by "zh-Hant", and "pt-BR" by "pt".
 */
#ifndef TANDEM_LANG_H
#define TANDEM_LANG_H

#include <stddef.h>

#define LANG_MAX 16		/* tags kept in a preference list */

struct lang_pref {
	char	*tags[LANG_MAX + 1];	/* NULL-terminated */
	size_t	 n;
};

/*
 * Fill pref from list ("ko,en" or "ko en"), or from the environment when
 * list is NULL.  Returns -1 and sets *cause for a malformed tag.
 */
int	lang_pref_init(struct lang_pref *, const char *list, char **cause);
void	lang_pref_free(struct lang_pref *);

/* Does the tag have the same primary subtag as want ("zh" ~ "zh-Hant")? */
int	lang_match(const char *tag, const char *want);

/* Rank of tag in the preference (0 best), or pref->n if not wanted. */
size_t	lang_rank(const struct lang_pref *, const char *tag);

/*
 * Whether tag is a BCP 47 tag: -1 if it is not well-formed, 1 if its
 * primary subtag is not a language tandem knows (ISO 639-1 and common
 * 639-3 codes), 0 if fine; *why says what is wrong (allocated).
 */
int	lang_tag_check(const char *tag, char **why);

/*
 * Check a list as --lang takes it: every tag well-formed (-1 and *cause
 * if not), none twice (likewise), unknown ones passed to warn.  *n is
 * the number of tags.
 */
int	lang_list_check(const char *list, size_t *n,
	    void (*warn)(const char *), char **cause);

/* The language's name in English, or the tag itself. */
const char *lang_name(const char *tag);

#endif
