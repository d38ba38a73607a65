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

/*
 * Primary subtags tandem knows: every ISO 639-1 code, then the ISO 639-3
 * codes met in news and in tags such as zh-yue ("yue"), and the special
 * und, mul, zxx.  Blank-separated, so that one strstr finds a code.
 */
static const char lang_known[] =
    " aa ab ae af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs"
    " ca ce ch co cr cs cu cv cy da de dv dz ee el en eo es et eu fa ff"
    " fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu hy hz ia id"
    " ie ig ii ik io is it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku"
    " kv kw ky la lb lg li ln lo lt lu lv mg mh mi mk ml mn mr ms mt my"
    " na nb nd ne ng nl nn no nr nv ny oc oj om or os pa pi pl ps pt qu"
    " rm rn ro ru rw sa sc sd se sg si sk sl sm sn so sq sr ss st su sv"
    " sw ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo"
    " wa wo xh yi yo za zh zu"
    " ace ast bal ban bho ceb ckb cmn crh dsb fil frr fur gan gsw hak haw"
    " hil hmn hsb ilo jbo kab kok lad lij lmo mai min mni nan nap nds nso"
    " pam pap prs rom sah scn sco shn szl tet tpi vec war wuu yue zza"
    " und mul zxx ";

int
lang_tag_check(const char *tag, char **why)
{
	size_t	 i, run = 0, plen;
	char	 code[8];

	/* Well-formed: alphanumeric subtags of 1-8, the first 2-3 letters
	   or x for private use ("x-mine"). */
	plen = strcspn(tag, "-");
	if (plen == 1 && (tag[0] == 'x' || tag[0] == 'X') && tag[1] == '-')
		plen = 0;
	for (i = 0; i < plen; i++)
		if (!isalpha((unsigned char)tag[i]))
			break;
	if ((plen != 0 && (plen < 2 || plen > 3)) || i < plen)
		goto bad;
	for (i = 0; tag[i] != '\0'; i++) {
		if (tag[i] == '-') {
			if (run == 0)
				goto bad;
			run = 0;
		} else if (!isalnum((unsigned char)tag[i]) || ++run > 8)
			goto bad;
	}
	if (run == 0 || i > 35)
		goto bad;
	if (plen == 0)
		return 0;
	code[0] = ' ';
	for (i = 0; i < plen; i++)
		code[i + 1] = (char)tolower((unsigned char)tag[i]);
	code[plen + 1] = ' ';
	code[plen + 2] = '\0';
	if (strstr(lang_known, code) != NULL)
		return 0;
	if (tag[plen] == '\0')
		xasprintf(why, "'%s' is not a language code tandem knows "
		    "(ISO 639)", tag);
	else
		xasprintf(why, "'%.*s' (in '%s') is not a language code tandem "
		    "knows (ISO 639)", (int)plen, tag, tag);
	return 1;
bad:
	xasprintf(why, "'%s' is not a well-formed language tag (like ko, en, "
	    "zh-Hant)", tag);
	return -1;
}

int
lang_list_check(const char *list, size_t *n, void (*warn)(const char *),
    char **cause)
{
	const char	*p = list, *q;
	char		*t, *why = NULL;
	size_t		 len, qlen;
	int		 rc;

	*n = 0;
	for (p += strspn(p, ", :"); *p != '\0'; p += strspn(p, ", :")) {
		len = strcspn(p, ", :");
		t = xstrndup(p, len);
		if ((rc = lang_tag_check(t, &why)) < 0) {
			*cause = why;
			free(t);
			return -1;
		}
		if (rc > 0 && warn != NULL)
			warn(why);
		FREE(&why);
		for (q = list + strspn(list, ", :"); q < p;
		    q += strspn(q + qlen, ", :") + qlen) {
			qlen = strcspn(q, ", :");
			if (qlen == len && strncasecmp(q, p, len) == 0) {
				xasprintf(cause, "'%s' is named twice", t);
				free(t);
				return -1;
			}
		}
		free(t);
		(*n)++;
		p += len;
	}
	return 0;
}

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
