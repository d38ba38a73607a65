/*
 * lang.c: language tags and the preference order (see lang.h).
 */
#include "config.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "lang.h"
#include "xmalloc.h"

static const struct {
	const char	*tag, *name;
} lang_names[] = {
	{ "ar", "Arabic" }, { "de", "German" }, { "el", "Greek" },
	{ "en", "English" }, { "es", "Spanish" }, { "fr", "French" },
	{ "he", "Hebrew" }, { "hi", "Hindi" }, { "id", "Indonesian" },
	{ "it", "Italian" }, { "ja", "Japanese" }, { "ko", "Korean" },
	{ "nl", "Dutch" }, { "pl", "Polish" }, { "pt", "Portuguese" },
	{ "ru", "Russian" }, { "th", "Thai" }, { "tr", "Turkish" },
	{ "uk", "Ukrainian" }, { "vi", "Vietnamese" }, { "zh", "Chinese" },
	{ "und", "undetermined" },
};

static size_t
lang_primary_len(const char *tag)
{
	return strcspn(tag, "-_");
}

int
lang_match(const char *tag, const char *want)
{
	size_t	a = lang_primary_len(tag), b = lang_primary_len(want);

	return a == b && strncasecmp(tag, want, a) == 0;
}

size_t
lang_rank(const struct lang_pref *pref, const char *tag)
{
	size_t	i;

	for (i = 0; i < pref->n; i++)
		if (strcasecmp(pref->tags[i], tag) == 0)
			return i;
	for (i = 0; i < pref->n; i++)
		if (lang_match(tag, pref->tags[i]))
			return i;
	return pref->n;
}

const char *
lang_name(const char *tag)
{
	size_t	i;

	for (i = 0; i < sizeof lang_names / sizeof lang_names[0]; i++)
		if (lang_match(tag, lang_names[i].tag))
			return lang_names[i].name;
	return tag;
}

/* Add a tag unless present; "ko_KR.UTF-8@x" becomes "ko-KR". */
static int
lang_add(struct lang_pref *pref, const char *s, size_t len)
{
	char	*t;
	size_t	 i, cut;

	cut = strcspn(s, ".@");
	if (cut < len)
		len = cut;
	if (len == 0 || pref->n == LANG_MAX)
		return 0;
	t = xstrndup(s, len);
	for (i = 0; t[i] != '\0'; i++) {
		if (t[i] == '_')
			t[i] = '-';
		if (!isalnum((unsigned char)t[i]) && t[i] != '-') {
			free(t);
			return -1;
		}
	}
	if (!isalpha((unsigned char)t[0]) || strcmp(t, "C") == 0 ||
	    strcmp(t, "POSIX") == 0) {
		free(t);
		return strcmp(s, "C") == 0 || strncmp(s, "POSIX", 5) == 0 ||
		    strncmp(s, "C.", 2) == 0 ? 0 : -1;
	}
	for (i = 0; t[i] != '\0' && t[i] != '-'; i++)
		t[i] = (char)tolower((unsigned char)t[i]);
	for (i = 0; i < pref->n; i++)
		if (strcasecmp(pref->tags[i], t) == 0) {
			free(t);
			return 0;
		}
	pref->tags[pref->n++] = t;
	pref->tags[pref->n] = NULL;
	return 0;
}

/* Add every tag of a list separated by commas, colons or spaces. */
static int
lang_add_list(struct lang_pref *pref, const char *list, char **cause)
{
	const char	*p = list;
	size_t		 len;

	while (*p != '\0') {
		len = strcspn(p, ", :");
		if (lang_add(pref, p, len) != 0) {
			xasprintf(cause, "'%.*s' is not a language tag "
			    "(like ko, en, zh-Hant)", (int)len, p);
			return -1;
		}
		p += len;
		p += strspn(p, ", :");
	}
	return 0;
}

int
lang_pref_init(struct lang_pref *pref, const char *list, char **cause)
{
	static const char *vars[] = { "LANGUAGE", "LC_ALL", "LC_MESSAGES",
	    "LANG", NULL };
	const char	*v;
	char		*ignored = NULL;
	size_t		 i;

	memset(pref, 0, sizeof *pref);
	if (list == NULL && (v = getenv("TANDEM_LANG")) != NULL && *v != '\0')
		list = v;
	if (list != NULL) {
		if (lang_add_list(pref, list, cause) != 0) {
			lang_pref_free(pref);
			return -1;
		}
	} else {
		/* The locale is a hint: a malformed one is ignored. */
		for (i = 0; vars[i] != NULL; i++) {
			if ((v = getenv(vars[i])) == NULL || *v == '\0')
				continue;
			if (lang_add_list(pref, v, &ignored) != 0)
				FREE(&ignored);
			if (i > 0)
				break;	/* LANGUAGE may add to the first */
		}
	}
	lang_add(pref, "en", 2);
	return 0;
}

void
lang_pref_free(struct lang_pref *pref)
{
	size_t	i;

	for (i = 0; i < pref->n; i++)
		free(pref->tags[i]);
	memset(pref, 0, sizeof *pref);
}
