/*
 * test-pairing.c: the pair policy (pairing.h) against a real cache in a
 * temporary directory, and the pair swap beside the aligner.
 *
 * The article has an English original, a French translation that splits
 * the first English paragraph in two, and a German one.  Import stores
 * en|fr and en|de; the tests store, corrupt and re-import around them and
 * look at what pairing_get() returns and what it leaves in the cache.
 * Alignments are compared as strings, one "a/b@confidence" per pair
 * ("1+2" is two paragraphs from the second, "m" marks a manual pair).
 */
#include "config.h"

#include <sys/stat.h>

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "align.h"
#include "cache.h"
#include "pairing.h"
#include "tap.h"
#include "test-cache-util.h"
#include "test-util.h"
#include "xmalloc.h"

static char	*tmpdir;

static const char *const en[] = {
	"The old river bridge reopened on Saturday after two years of "
	"repairs, and the city council says the new deck will carry trams "
	"as well as cars, bicycles and people on foot from next spring.",
	"Engineers replaced every steel cable and strengthened the piers "
	"against floods.",
	"The mayor thanked the residents of both banks for their patience.",
	NULL
};
static const char *const fr[] = {
	"Le vieux pont sur la rivière a rouvert samedi après deux ans de "
	"travaux.",
	"Le conseil municipal affirme que le nouveau tablier portera des "
	"trams ainsi que des voitures, des vélos et des piétons dès le "
	"printemps prochain.",
	"Les ingénieurs ont remplacé chaque câble d'acier et renforcé les "
	"piles contre les crues.",
	"Le maire a remercié les habitants des deux rives pour leur "
	"patience.",
	NULL
};
/* The French again with its first two paragraphs made one. */
static const char *const fr_merged[] = {
	"Le vieux pont sur la rivière a rouvert samedi après deux ans de "
	"travaux, et le conseil municipal affirme que le nouveau tablier "
	"portera des trams ainsi que des voitures, des vélos et des piétons "
	"dès le printemps prochain.",
	"Les ingénieurs ont remplacé chaque câble d'acier et renforcé les "
	"piles contre les crues.",
	"Le maire a remercié les habitants des deux rives pour leur "
	"patience.",
	NULL
};
static const char *const de[] = {
	"Die alte Flussbrücke ist am Samstag nach zwei Jahren Bauzeit wieder "
	"geöffnet worden, und der Stadtrat sagt, die neue Fahrbahn werde ab "
	"dem nächsten Frühjahr Straßenbahnen, Autos, Fahrräder und Fußgänger "
	"tragen.",
	"Die Ingenieure haben jedes Stahlseil ersetzt und die Pfeiler gegen "
	"Hochwasser verstärkt.",
	"Der Bürgermeister dankte den Bewohnern beider Ufer für ihre Geduld.",
	NULL
};

/* Import the article (en, the French given, de) through the sink. */
static int
import_bridge(struct cache *c, const char *const *french)
{
	static const char *langs[] = { "en", "fr", "de" };
	const char *const	*texts[] = { en, french, de };
	struct import_sink	 sink;
	struct import_article	 ia;
	char			*cause = NULL;
	size_t			 i;

	cache_sink(c, &sink);
	memset(&ia, 0, sizeof ia);
	ia.source = "test";
	ia.key = ia.url = "https://site.test/bridge";
	ia.original = "en";
	if (sink.begin(sink.arg, &ia, &cause) != 0)
		return test_sink_abort(&sink, "import", cause);
	for (i = 0; i < 3; i++)
		if (test_sink_translation(&sink, langs[i], langs[i], 0, 1, NULL,
		    texts[i], &cause) != 0)
			return test_sink_abort(&sink, "import", cause);
	if (sink.end(sink.arg, 1, &cause) != 0)
		return test_sink_abort(&sink, "import", cause);
	return 0;
}

static const struct article_translation *
tr(const struct article *a, const char *lang)
{
	size_t	i;

	for (i = 0; i < a->ntranslations; i++)
		if (strcmp(a->translations[i].lang, lang) == 0)
			return &a->translations[i];
	return NULL;
}

/* "0+1/0+2@0.94 1+1/2+1@1.00m" (allocated). */
static char *
pairs_str(const struct article_pair *p, size_t n)
{
	char	*s = xstrdup(""), *t;
	size_t	 i;

	for (i = 0; i < n; i++) {
		xasprintf(&t, "%s%s%d+%d/%d+%d@%.2f%s", s, i ? " " : "",
		    p[i].a_first, p[i].a_count, p[i].b_first, p[i].b_count,
		    p[i].confidence, p[i].manual ? "m" : "");
		free(s);
		s = t;
	}
	return s;
}

/* What the cache holds for (a, b), as a string. */
static char *
stored(struct cache *c, const char *a, const char *b)
{
	struct article_pair	*p;
	size_t			 n;
	char			*cause = NULL, *s;

	if (cache_alignment_get(c, 1, a, b, &p, &n, &cause) != 0) {
		diag("alignment_get: %s", cause);
		free(cause);
		return xstrdup("(error)");
	}
	s = pairs_str(p, n);
	free(p);
	return s;
}

/* What the aligner makes of (a, b) now, as a string. */
static char *
aligned(const struct article *art, const char *a, const char *b)
{
	struct article_pair	*p;
	size_t			 n;
	double			 conf;
	char			*s;

	if (align_translations(tr(art, a), tr(art, b), &p, &n, &conf) != 0)
		return xstrdup("(error)");
	s = pairs_str(p, n);
	free(p);
	return s;
}

/*
 * pairing_get() of (a, b) as a string; *rc gets its return value and
 * *noise what it wrote on stdout and stderr (bytes), which must be none.
 */
static char *
get(struct cache *c, const struct article *art, const char *a,
    const char *b, int *rc, long *noise)
{
	struct article_pair	*p;
	struct stat		 st;
	size_t			 n;
	char			*cause = NULL, *s, *out;
	int			 fd, o, e;

	xasprintf(&out, "%s/noise", tmpdir);
	fflush(stdout);
	fflush(stderr);
	fd = open(out, O_RDWR | O_CREAT | O_TRUNC, 0600);
	o = dup(STDOUT_FILENO);
	e = dup(STDERR_FILENO);
	dup2(fd, STDOUT_FILENO);
	dup2(fd, STDERR_FILENO);
	*rc = pairing_get(c, art->id, tr(art, a), tr(art, b), &p, &n, &cause);
	fflush(stdout);
	fflush(stderr);
	dup2(o, STDOUT_FILENO);
	dup2(e, STDERR_FILENO);
	close(o);
	close(e);
	*noise = fstat(fd, &st) == 0 ? (long)st.st_size : -1;
	close(fd);
	free(out);
	if ((*rc == 0) != (cause == NULL))
		diag("pairing_get returned %d with cause %s", *rc,
		    cause ? cause : "NULL");
	free(cause);
	s = pairs_str(p, n);
	free(p);
	return s;
}

static void
put(struct cache *c, const struct article *art, const char *a,
    const char *b, const struct article_pair *p, size_t n)
{
	char	*cause = NULL;

	if (pairing_put(c, art->id, tr(art, a), tr(art, b), p, n,
	    &cause) != 0) {
		diag("pairing_put: %s", cause);
		free(cause);
	}
}

/* The stored (a, b) is what comes back, as it is. */
static void
test_stored(struct cache *c, const struct article *art)
{
	static const struct article_pair p[] = {
		{ 0, 1, 0, 1, 0.25, 1 }, { 1, 2, 1, 3, 0.50, 1 }
	};
	char	*got;
	long	 noise;
	int	 rc;

	put(c, art, "en", "fr", p, 2);
	got = get(c, art, "en", "fr", &rc, &noise);
	is_str(got, "0+1/0+1@0.25m 1+2/1+3@0.50m", "stored en|fr is used");
	is_int(rc, 0, "stored en|fr: no error");
	is_int(noise, 0, "stored en|fr: nothing printed");
	free(got);

	got = get(c, art, "fr", "en", &rc, &noise);
	is_str(got, "0+1/0+1@0.25m 1+3/1+2@0.50m",
	    "fr,en: the stored en|fr swapped");
	is_int(rc, 0, "fr,en: no error");
	free(got);
	got = stored(c, "fr", "en");
	is_str(got, "", "fr,en: nothing new stored");
	free(got);
}

/* A read-only cache: the aligner's pairs, nothing stored, no output. */
static void
test_readonly(const char *path, const struct article *art)
{
	struct cache	*ro, *rw;
	char		*got, *want, *s;
	long		 noise;
	int		 rc;

	if ((ro = test_cache_open(path, CACHE_READONLY)) == NULL) {
		ok(0, "read-only open");
		return;
	}
	want = aligned(art, "fr", "de");
	got = get(ro, art, "fr", "de", &rc, &noise);
	ok(*got != '\0', "read-only: fr,de has pairs");
	is_str(got, want, "read-only: fr,de is the aligner's");
	is_int(rc, -1, "read-only: not stored, and says why");
	is_int(noise, 0, "read-only: nothing printed");
	free(got);
	free(want);
	cache_close(ro);
	if ((rw = test_cache_open(path, 0)) == NULL)
		return;
	s = stored(rw, "fr", "de");
	is_str(s, "", "read-only: no fr|de in the cache");
	free(s);
	s = stored(rw, "de", "fr");
	is_str(s, "", "read-only: no de|fr in the cache");
	free(s);
	cache_close(rw);
}

/* Nothing stored either way round: aligned now and kept. */
static void
test_unstored(struct cache *c, const struct article *art)
{
	char	*got, *want, *s;
	long	 noise;
	int	 rc;

	want = aligned(art, "fr", "de");
	got = get(c, art, "fr", "de", &rc, &noise);
	is_str(got, want, "nothing stored: fr,de is the aligner's");
	is_int(rc, 0, "nothing stored: stored without error");
	is_int(noise, 0, "nothing stored: nothing printed");
	s = stored(c, "fr", "de");
	is_str(s, want, "nothing stored: fr|de is in the cache now");
	free(s);
	free(got);
	free(want);
}

/*
 * A manual fr|de survives a re-import that merges two French paragraphs,
 * but no longer fits: it is passed over and replaced by a new alignment.
 * de|fr, stale too, is not used swapped either.
 */
static void
test_stale(struct cache *c, struct article **art)
{
	static const struct article_pair p[] = {
		{ 0, 2, 0, 1, 1, 1 }, { 2, 2, 1, 2, 1, 1 }
	};
	static const struct article_pair q[] = {
		{ 0, 1, 0, 2, 1, 1 }, { 1, 2, 2, 2, 1, 1 }
	};
	char	*got, *want, *s, *cause = NULL;
	long	 noise;
	int	 rc;

	put(c, *art, "fr", "de", p, 2);
	/* Both ways round, as an older tandem could leave them. */
	if (cache_alignment_put(c, (*art)->id, "de", "fr", q, 2,
	    &cause) != 0) {
		diag("alignment_put: %s", cause);
		free(cause);
	}
	if (import_bridge(c, fr_merged) != 0) {
		ok(0, "re-import");
		return;
	}
	article_free(*art);
	if ((*art = test_article_load(c, 1)) == NULL)
		return;
	s = stored(c, "fr", "de");
	is_str(s, "0+2/0+1@1.00m 2+2/1+2@1.00m",
	    "re-import keeps the manual fr|de (test premise)");
	free(s);
	want = aligned(*art, "fr", "de");
	got = get(c, *art, "fr", "de", &rc, &noise);
	is_str(got, want, "stale fr|de: re-aligned");
	ok(strstr(got, "m") == NULL, "stale fr|de: the manual pairs are gone");
	is_int(rc, 0, "stale fr|de: no error");
	s = stored(c, "fr", "de");
	is_str(s, want, "stale fr|de: replaced in the cache");
	free(s);
	free(got);
	free(want);
}

/*
 * A correction made while reading fr,en is what en,fr shows: it replaces
 * the en|fr stored before instead of hiding behind it.
 */
static void
test_correct_reverse(struct cache *c, const struct article *art)
{
	static const struct article_pair fix[] = {
		{ 0, 2, 0, 1, 1, 1 }, { 2, 1, 1, 2, 1, 1 }
	};
	char	*got;
	long	 noise;
	int	 rc;

	got = get(c, art, "en", "fr", &rc, &noise);
	ok(*got != '\0', "before the correction: en|fr has pairs");
	free(got);
	put(c, art, "fr", "en", fix, 2);
	got = get(c, art, "en", "fr", &rc, &noise);
	is_str(got, "0+1/0+2@1.00m 1+2/2+1@1.00m",
	    "a fr,en correction shows in en,fr");
	free(got);
	got = stored(c, "en", "fr");
	is_str(got, "", "the correction replaced the stored en|fr");
	free(got);
}

/* A stale (a, b) gives way to a (b, a) that fits. */
static void
test_stale_ab(struct cache *c, const struct article *art)
{
	static const struct article_pair stale[] = { { 0, 9, 0, 9, 1, 1 } };
	static const struct article_pair fits[] = {
		{ 0, 1, 0, 1, 0.75, 1 }, { 1, 2, 1, 2, 0.50, 0 }
	};
	char	*got;
	long	 noise;
	int	 rc;

	put(c, art, "de", "en", stale, 1);
	put(c, art, "en", "de", fits, 2);
	got = get(c, art, "de", "en", &rc, &noise);
	is_str(got, "0+1/0+1@0.75m 1+2/1+2@0.50",
	    "stale de|en: the en|de that fits, swapped");
	free(got);
}

/* One row per kind of bead; both sides' places swap with their counts. */
static void
test_swap(void)
{
	static const struct {
		struct article_pair	in, want;
		const char		*name;
	} rows[] = {
		{ { 0, 1, 0, 1, 0.9, 0 }, { 0, 1, 0, 1, 0.9, 0 }, "1-1" },
		{ { 3, 1, 4, 2, 0.8, 0 }, { 4, 2, 3, 1, 0.8, 0 }, "1-2" },
		{ { 5, 2, 2, 1, 0.7, 0 }, { 2, 1, 5, 2, 0.7, 0 }, "2-1" },
		{ { 2, 0, 7, 1, 0.1, 0 }, { 7, 1, 2, 0, 0.1, 0 }, "0-1" },
		{ { 6, 1, 3, 0, 0.2, 0 }, { 3, 0, 6, 1, 0.2, 0 }, "1-0" },
		{ { 1, 3, 1, 2, 1.0, 1 }, { 1, 2, 1, 3, 1.0, 1 }, "manual" },
	};
	static const struct article_pair doc[] = {
		{ 0, 1, 0, 2, 0.9, 0 }, { 1, 0, 2, 1, 0.3, 0 },
		{ 1, 2, 3, 1, 1, 1 }, { 3, 1, 4, 0, 0.4, 0 }
	};
	struct article_pair	p[4];
	char			*a, *b;
	size_t			 i;

	for (i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		p[0] = rows[i].in;
		align_pairs_swap(p, 1);
		a = pairs_str(p, 1);
		b = pairs_str(&rows[i].want, 1);
		is_str(a, b, "swap %s", rows[i].name);
		free(a);
		free(b);
	}
	memcpy(p, doc, sizeof p);
	align_pairs_swap(p, 4);
	ok(align_pairs_valid(doc, 4, 4, 4) && align_pairs_valid(p, 4, 4, 4),
	    "swap: a cover of 4|4 stays one");
	align_pairs_swap(p, 4);
	ok(memcmp(p, doc, sizeof p) == 0, "swap twice: as it was");
	align_pairs_swap(NULL, 0);
	ok(1, "swap nothing");
}

int
main(void)
{
	struct cache	*c;
	struct article	*art;
	char		 dir[] = "/tmp/tandem-test-pairing-XXXXXX";
	char		*path;

	if ((tmpdir = test_tmpdir_make(dir)) == NULL)
		return 99;
	test_swap();
	xasprintf(&path, "%s/p.db", tmpdir);
	if ((c = test_cache_open(path, CACHE_CREATE)) != NULL &&
	    import_bridge(c, fr) == 0 &&
	    (art = test_article_load(c, 1)) != NULL) {
		test_stored(c, art);
		test_readonly(path, art);
		test_unstored(c, art);
		test_stale(c, &art);
		if (art != NULL) {
			test_stale_ab(c, art);
			test_correct_reverse(c, art);
		}
		article_free(art);
	} else
		ok(0, "set up the cache");
	if (c != NULL)
		cache_close(c);
	free(path);
	test_tmpdir_remove(tmpdir);
	return tap_done();
}
