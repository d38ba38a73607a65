/*
 * langid.c: language identification by script, then by character n-grams.
 *
 * A first pass counts letters per Unicode script (utf8_script(), which
 * asks libunistring; this module does not include it itself).  Most
 * scripts name their language outright: Hangul is Korean, kana Japanese,
 * Greek Greek.  Ideographs, Hangul and kana weigh three letters each, as
 * one of them carries about as much as a short Latin syllable; Latin
 * words in capitals (SBA, IASP, MOU) do not count at all once any other
 * script is present, so acronyms cannot turn Korean text into English.
 *
 * Where a script is shared (Latin, Cyrillic, Arabic, and Han among
 * Japanese, Simplified and Traditional Chinese) a second pass scores the
 * text with naive Bayes over the
 * compiled-in n-gram costs of langid-model.c: the letters of that script
 * are case-folded, everything else becomes one space, and each code point
 * adds the costs of the 1- to 4-grams ending at it.  The walk, the fold
 * and the hash must match data/langid/make-model.py, which built the
 * costs.  The answer is "und" for too few letters, for a close race (the
 * runner-up within LANGID_MARGIN a letter), and for text that fits no
 * modelled language: too few of the n-grams the winner's own training
 * text had a letter (Basque is not Spanish), or, from a paragraph's
 * length on, a share of known n-grams far below the winner's typical
 * share (langid_typical(), against a per-language table measured on
 * development text by data/langid/fit-calibrate.py: Esperanto is not
 * Lithuanian, however far ahead of the other languages Lithuanian is),
 * or, likewise, words in letters the winner's training text almost never
 * had (langid_native(): Afrikaans's "lêer" and "môre" are not Dutch).
 */
#include "config.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "langid.h"
#include "utf8.h"

#define LANGID_SCALE	4	/* costs are -ln(p) * LANGID_SCALE */
#define LANGID_MAXTAGS	32
#define LANGID_MAXORDER	4
#define LANGID_SHARPEN	0.1	/* n-grams overlap: don't trust sums fully */
#define LANGID_MINCONF	0.30	/* below this the model says "und" */
#define LANGID_MINGRAMS	3	/* letters needed before the model speaks */
#define LANGID_MINFIT	10	/* letters before we ask whether it fits, */
#define LANGID_MINHITS	1.5	/* and 3- and 4-grams the winner knows,
				   per letter */
#define LANGID_MINHITS_THIN 0.9	/* the same for Arabic, trained on little */
#define LANGID_FITZ	9	/* langid_typical(): spreads below the mean, */
#define LANGID_FITZ_SLACK 2	/* or below its lowest dev paragraph; */
#define LANGID_FITZ_LETTERS 40	/* and the letters it needs; */
#define LANGID_FITZ_CAP	250	/* the spread narrows up to this many */
#define LANGID_FOREIGN_COST 44	/* langid_native(): a letter this rare, */
#define LANGID_FOREIGN	2	/* in this many words of a paragraph */
#define LANGID_FOREIGN_Z 6	/* or in one, this many spreads down */
#define LANGID_MARGIN	4	/* runner-up this close a letter: "und", */
#define LANGID_MARGIN_LETTERS 40 /* from this many letters on */
#define LANGID_RARE	80	/* langid_rare(): a prior for the old set */
#define LANGID_MAXSCAN	(1 << 20) /* bytes scored: enough, and no overflow */
#define LANGID_SEEN	1024	/* distinct words remembered (a power of 2) */
#define LANGID_REPEAT	2	/* a word seen before counts this much less */

/*
 * Scripts we know, in the order that breaks a tie between two of them;
 * Latin, Cyrillic and the four of CJK text are looked at specially.
 */
static const struct {
	enum utf8_script script;
	const char	*tag;	/* NULL: decided by a model */
	int		 weight;
} langid_scripts[] = {
	{ UTF8_SCRIPT_LATIN, NULL, 1 }, { UTF8_SCRIPT_CYRILLIC, NULL, 1 },
	{ UTF8_SCRIPT_HAN, NULL, 3 }, { UTF8_SCRIPT_HANGUL, "ko", 3 },
	{ UTF8_SCRIPT_HIRAGANA, "ja", 3 }, { UTF8_SCRIPT_KATAKANA, "ja", 3 },
	{ UTF8_SCRIPT_GREEK, "el", 1 }, { UTF8_SCRIPT_ARABIC, NULL, 1 },
	{ UTF8_SCRIPT_HEBREW, "he", 1 }, { UTF8_SCRIPT_THAI, "th", 1 },
	{ UTF8_SCRIPT_DEVANAGARI, "hi", 1 }, { UTF8_SCRIPT_BENGALI, "bn", 1 },
	{ UTF8_SCRIPT_TAMIL, "ta", 1 }, { UTF8_SCRIPT_TELUGU, "te", 1 },
	{ UTF8_SCRIPT_KANNADA, "kn", 1 }, { UTF8_SCRIPT_MALAYALAM, "ml", 1 },
	{ UTF8_SCRIPT_GUJARATI, "gu", 1 }, { UTF8_SCRIPT_GURMUKHI, "pa", 1 },
	{ UTF8_SCRIPT_ORIYA, "or", 1 }, { UTF8_SCRIPT_SINHALA, "si", 1 },
	{ UTF8_SCRIPT_GEORGIAN, "ka", 1 }, { UTF8_SCRIPT_ARMENIAN, "hy", 1 },
	{ UTF8_SCRIPT_ETHIOPIC, "am", 1 }, { UTF8_SCRIPT_KHMER, "km", 1 },
	{ UTF8_SCRIPT_LAO, "lo", 1 }, { UTF8_SCRIPT_MYANMAR, "my", 1 },
	{ UTF8_SCRIPT_TIBETAN, "bo", 1 }, { UTF8_SCRIPT_THAANA, "dv", 1 },
};
#define LANGID_NSCRIPTS (sizeof langid_scripts / sizeof langid_scripts[0])

/* What the first pass found: letters per script, UTF8_SCRIPT_OTHER unused. */
struct langid_tally {
	size_t			 letters[UTF8_NSCRIPTS];
	size_t			 caps;		/* Latin letters in all-capital words */
};

/* Candidate languages, as given to langid_guess_among(). */
struct langid_cands {
	const char *const	*tags;		/* NULL: any */
	size_t			 n;
};

/* Lower-case Latin and Cyrillic letters; the model was built folded so. */
uint32_t
langid_fold(uint32_t c)
{
	if ((c >= 0x41 && c <= 0x5a) || (c >= 0xc0 && c <= 0xde && c != 0xd7))
		return c + 0x20;
	if ((c >= 0x100 && c <= 0x137) || (c >= 0x14a && c <= 0x177))
		return c | 1;
	if ((c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17e))
		return (c & 1) ? c + 1 : c;
	if (c == 0x178)
		return 0xff;
	if (c >= 0x400 && c <= 0x40f)
		return c + 0x50;
	if (c >= 0x410 && c <= 0x42f)
		return c + 0x20;
	if ((c >= 0x460 && c <= 0x481) || (c >= 0x48a && c <= 0x4bf) ||
	    (c >= 0x4d0 && c <= 0x4ff))
		return c | 1;
	return c;
}

/* First pass: count letters per script and Latin capitals per word. */
static void
langid_count(const char *text, size_t len, struct langid_tally *t)
{
	size_t			 n, word = 0, off = 0;
	int			 upper = 1;
	enum utf8_script	 sc;
	uint32_t		 c;

	memset(t, 0, sizeof *t);
	while (off <= len) {
		c = ' ';
		n = 1;
		if (off < len)
			n = utf8_decode(text + off, len - off, &c);
		off += n;
		sc = UTF8_SCRIPT_OTHER;
		if (utf8_is_letter(c))
			sc = utf8_script(c);
		if (sc == UTF8_SCRIPT_LATIN) {
			word++;
			upper = upper && utf8_is_upper(c);
			continue;
		}
		if (word != 0 && !utf8_is_nonspacing_mark(c)) {
			if (upper && word > 1)
				t->caps += word;
			else
				t->letters[UTF8_SCRIPT_LATIN] += word;
			word = 0;
			upper = 1;
		}
		t->letters[sc]++;
	}
}

static int
langid_allowed(const struct langid_cands *cands, const char *tag)
{
	size_t	i, n;

	if (cands->tags == NULL)
		return 1;
	for (i = 0; i < cands->n; i++) {	/* "zh" allows "zh-Hant" */
		if (cands->tags[i] == NULL)
			continue;
		n = strlen(cands->tags[i]);
		if (strncmp(cands->tags[i], tag, n) == 0 &&
		    (tag[n] == '\0' || tag[n] == '-'))
			return 1;
	}
	return 0;
}

static void
langid_set(struct langid_result *res, const char *tag, double confidence)
{
	snprintf(res->tag, sizeof res->tag, "%s", tag);
	res->confidence = confidence;
}

/* The 32-bit FNV-1a hash of a run of code points, as make-model.py does. */
uint32_t
langid_hash(const uint32_t *cps, int n)
{
	uint32_t	h = 2166136261u;
	int		i;

	for (i = 0; i < n; i++)
		h = (h ^ cps[i]) * 16777619u;
	return h;
}

/*
 * Longer n-grams say more about a language than their share of the sum
 * would let them: weigh 3-grams double and 4-grams four times (tuned on
 * held-out text; the priors in the model are in these units).
 */
static const int langid_weight[LANGID_MAXORDER + 1] = { 0, 1, 1, 2, 4 };

/* Undo make-model.py's code(): '#' is 0, skipping '?' and '\\'. */
static int
langid_cost(char c)
{
	int	v = (unsigned char)c - 35;

	return v - (c > '?') - (c > '\\');
}

static const char *
langid_lookup(const struct langid_model *m, uint32_t h)
{
	size_t	lo = 0, hi = m->ngrams, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (m->hashes[mid] < h)
			lo = mid + 1;
		else if (m->hashes[mid] > h)
			hi = mid;
		else
			return m->costs + mid * m->ntags;
	}
	return NULL;
}

/* Running state of the second pass. */
struct langid_walk {
	const struct langid_model	*model;
	enum utf8_script		 script;
	uint32_t			 win[LANGID_MAXORDER];
	int				 nwin;
	uint32_t			 cost[LANGID_MAXTAGS];
	size_t				 letters;
	size_t				 hits[LANGID_MAXTAGS];	/* 3- and 4-grams
							   each tag knows */
	/* The same in lower-case words only, for langid_typical(). */
	size_t				 fletters, fgrams;
	size_t				 fhits[LANGID_MAXTAGS];
	/* Lower-case words with a letter each tag lacks (langid_native()). */
	size_t				 fforeign[LANGID_MAXTAGS];
	/* The word being read, added to the sums above when it ends. */
	uint32_t			 wcost[LANGID_MAXTAGS];
	size_t				 wletters, whits[LANGID_MAXTAGS];
	size_t				 wforeign[LANGID_MAXTAGS];
	size_t				 wgrams;
	int				 wcap;		/* it began in capitals */
	uint32_t			 whash;
	uint32_t			 seen[LANGID_SEEN];	/* words, 0 free */
	size_t				 nseen;
};

/*
 * Whether the word hashed h was seen before in this text, remembering it
 * if not.  Once the table is three-quarters full every word is new.
 */
static int
langid_seen(struct langid_walk *w, uint32_t h)
{
	size_t	i = h & (LANGID_SEEN - 1);

	if (h == 0)
		h = 1;
	for (; w->seen[i] != 0; i = (i + 1) & (LANGID_SEEN - 1))
		if (w->seen[i] == h)
			return 1;
	if (w->nseen >= LANGID_SEEN / 4 * 3)
		return 0;
	w->seen[i] = h;
	w->nseen++;
	return 0;
}

/*
 * A word ended: add its n-grams to the text's sums, at half weight if the
 * same word came before, so that a catalogue repeating "inválido" five
 * times (the same in Spanish and Portuguese) cannot outvote "fecha",
 * "rango" and "decreciente".  Han text has no words to tell apart and
 * counts everything in full.
 */
static void
langid_word_end(struct langid_walk *w)
{
	size_t	t;
	int	div = 1;

	if (w->model->order >= 3 && langid_seen(w, w->whash))
		div = LANGID_REPEAT;
	for (t = 0; t < w->model->ntags; t++) {
		w->cost[t] += w->wcost[t] / div;
		w->hits[t] += w->whits[t];
		if (!w->wcap) {
			w->fhits[t] += w->whits[t];
			w->fforeign[t] += w->wforeign[t] > 0;
		}
	}
	w->letters += w->wletters;
	if (!w->wcap) {
		w->fletters += w->wletters;
		w->fgrams += w->wgrams;
	}
	memset(w->wcost, 0, sizeof w->wcost);
	memset(w->whits, 0, sizeof w->whits);
	memset(w->wforeign, 0, sizeof w->wforeign);
	w->wletters = w->wgrams = 0;
	w->wcap = 0;
	w->whash = 2166136261u;
}

/*
 * Count a letter against every language whose training text (almost)
 * never had it: its 1-gram costs LANGID_FOREIGN_COST or more there (a
 * share under about one letter in 60,000; one never seen costs the
 * model's unseen 1-gram cost, 45 in Arabic to 62 in Latin), or no
 * language kept it at all.  The model's 1-grams are its letter
 * frequencies, so no table of its own is needed.  row is the letter's
 * row in the model, NULL if none.
 */
static void
langid_foreign(struct langid_walk *w, const char *row)
{
	size_t	t;

	for (t = 0; t < w->model->ntags; t++)
		if (row == NULL || langid_cost(row[t]) >= LANGID_FOREIGN_COST)
			w->wforeign[t]++;
}

/* Append c (already folded, or a space) and add the n-grams ending at it. */
static void
langid_push(struct langid_walk *w, uint32_t c)
{
	const struct langid_model	*m = w->model;
	const char			*row;
	int				 n, v;
	size_t				 t;

	if (w->nwin == w->model->order) {
		memmove(w->win, w->win + 1, (w->nwin - 1) * sizeof *w->win);
		w->nwin--;
	}
	w->win[w->nwin++] = c;
	for (n = 1; n <= w->nwin; n++) {
		if (n == 1 && c == ' ')
			continue;
		if (n >= 3)
			w->wgrams++;
		row = langid_lookup(w->model, langid_hash(w->win + w->nwin - n, n));
		if (n == 1 && c != '\'')
			langid_foreign(w, row);
		if (row == NULL)
			continue;
		for (t = 0; t < m->ntags; t++) {
			v = langid_cost(row[t]);
			w->wcost[t] += v * langid_weight[n];
			if (n >= 3 && v < m->unseen[t * (m->order + 1) + n])
				w->whits[t]++;
		}
	}
	if (c == ' ')
		langid_word_end(w);
	else
		w->whash = (w->whash ^ c) * 16777619u;
}

/* Feed one code point: letters of the script, apostrophes in words, else a break. */
static void
langid_feed(struct langid_walk *w, uint32_t c)
{
	uint32_t	last = w->win[w->nwin - 1];

	if (utf8_is_nonspacing_mark(c))
		return;
	if (c == 0x2019)
		c = '\'';
	if (utf8_is_letter(c) && utf8_script(c) == w->script) {
		if (last == ' ')
			w->wcap = utf8_is_upper(c);
		w->wletters++;
		langid_push(w, langid_fold(c));
	} else if (c == '\'' && last != ' ' && w->model != &langid_model_han)
		langid_push(w, c);
	else if (last != ' ')
		langid_push(w, ' ');
}

/*
 * How much of a language's own text its model knows: the mean share of
 * 3- and 4-grams it knows in words that do not begin with a capital, and
 * the spread of that share in a text of one letter (it narrows with the
 * square root of the length up to LANGID_FITZ_CAP letters; beyond, what
 * a document is about moves the share more than its length steadies it).
 * Measured by data/langid/fit-calibrate.py on development documents
 * carved from the training split (never the benchmark's held-out or
 * out-of-model text), scored by a model trained without them, and copied
 * here by hand: rerun it when the model is regenerated.  Maltese and
 * Urdu have too little text for a row.  The limit is how far below the
 * mean a paragraph may fall: the lowest development paragraph of that
 * language, less LANGID_FITZ_SLACK spreads, and never more than
 * LANGID_FITZ (where about one development paragraph in 2,000 of all
 * languages falls).  Languages whose own paragraphs never stray far
 * (Malay, Latvian, Belarusian) so turn away text that only resembles
 * them (Esperanto is not Lithuanian) sooner than one spread for all
 * would (data/README).
 */
static const struct {
	const char	*tag;
	double		 mean;
	double		 spread;
	double		 limit;		/* und this many spreads down */
} langid_fits[] = {
	{ "en", 0.978, 0.202, 9.0 },	/* 3912 texts */
	{ "fr", 0.982, 0.168, 9.0 },	/* 7417 texts */
	{ "de", 0.980, 0.194, 9.0 },	/* 6022 texts */
	{ "es", 0.983, 0.200, 9.0 },	/* 5119 texts */
	{ "it", 0.983, 0.183, 8.5 },	/* 4120 texts */
	{ "pt", 0.981, 0.188, 9.0 },	/* 4665 texts */
	{ "nl", 0.972, 0.250, 9.0 },	/* 1862 texts */
	{ "sv", 0.963, 0.249, 7.2 },	/* 2122 texts */
	{ "da", 0.964, 0.258, 7.9 },	/* 2374 texts */
	{ "nb", 0.962, 0.267, 8.1 },	/* 1515 texts */
	{ "fi", 0.952, 0.342, 5.6 },	/* 1672 texts */
	{ "et", 0.938, 0.317, 7.0 },	/* 643 texts */
	{ "lv", 0.896, 0.438, 5.1 },	/* 947 texts */
	{ "lt", 0.928, 0.357, 5.8 },	/* 931 texts */
	{ "pl", 0.945, 0.304, 7.5 },	/* 5935 texts */
	{ "cs", 0.915, 0.394, 6.8 },	/* 2149 texts */
	{ "sk", 0.926, 0.412, 6.3 },	/* 1751 texts */
	{ "sl", 0.931, 0.431, 9.0 },	/* 2055 texts */
	{ "hr", 0.949, 0.304, 8.0 },	/* 1435 texts */
	{ "hu", 0.923, 0.364, 5.9 },	/* 2021 texts */
	{ "ro", 0.968, 0.245, 8.4 },	/* 2207 texts */
	{ "ga", 0.934, 0.336, 8.2 },	/* 723 texts */
	{ "ca", 0.976, 0.240, 7.8 },	/* 2653 texts */
	{ "tr", 0.946, 0.334, 8.3 },	/* 1900 texts */
	{ "id", 0.976, 0.218, 8.2 },	/* 1760 texts */
	{ "ms", 0.944, 0.353, 4.5 },	/* 742 texts */
	{ "vi", 0.951, 0.298, 7.5 },	/* 2140 texts */
	{ "tl", 0.899, 0.532, 6.0 },	/* 203 texts */
	{ "ru", 0.954, 0.247, 6.9 },	/* 2747 texts */
	{ "uk", 0.946, 0.290, 7.9 },	/* 5480 texts */
	{ "bg", 0.963, 0.265, 7.7 },	/* 2070 texts */
	{ "sr", 0.950, 0.273, 6.6 },	/* 2154 texts */
	{ "mk", 0.902, 0.454, 5.8 },	/* 231 texts */
	{ "be", 0.893, 0.430, 5.1 },	/* 522 texts */
	{ "kk", 0.883, 0.475, 5.3 },	/* 181 texts */
	{ "ar", 0.771, 0.575, 5.4 },	/* 275 texts */
	{ "fa", 0.800, 0.537, 5.0 },	/* 447 texts */
};

/*
 * Whether the text fits the winner as well as that language's own text
 * does: a paragraph whose share of known 3- and 4-grams lies LANGID_FITZ
 * spreads below the language's mean is in some other language, however
 * far ahead of its runner-up the winner is.  Esperanto is mostly
 * Lithuanian or Spanish n-grams and Welsh mostly English ones, enough of
 * them a letter to pass langid_unfit()'s first test; at paragraph length
 * the share is steady enough to tell.  Words that begin with a capital
 * do not count: the names in a news story (Zhongguancun, Séoul) are no
 * language's, and would make an English paragraph look foreign.  Short
 * text and languages without a row are taken as typical.
 */
static int
langid_typical(const struct langid_walk *w, size_t best)
{
	const char	*tag = w->model->tags[best];
	double		 share, z;
	size_t		 i, n;

	if (w->fletters < LANGID_FITZ_LETTERS || w->fgrams == 0)
		return 1;
	for (i = 0; i < sizeof langid_fits / sizeof langid_fits[0]; i++) {
		if (strcmp(langid_fits[i].tag, tag) != 0)
			continue;
		share = (double)w->fhits[best] / w->fgrams;
		n = w->fletters < LANGID_FITZ_CAP ? w->fletters :
		    LANGID_FITZ_CAP;
		z = (share - langid_fits[i].mean) * sqrt(n) /
		    langid_fits[i].spread;
		/* One foreign word is a second witness (langid_native()). */
		if (w->fforeign[best] > 0 && z < -LANGID_FOREIGN_Z)
			return 0;
		return z >= -langid_fits[i].limit;
	}
	return 1;
}

/*
 * Whether a paragraph writes in the winner's letters: Esperanto's ĉ ŝ ŭ,
 * Afrikaans's ê ô and Azerbaijani's ə are letters that Lithuanian, Dutch
 * and Turkish text almost never has, and a paragraph with LANGID_FOREIGN
 * words holding one (langid_foreign()) is in some other language.  Only
 * words that do not begin with a capital count, as in langid_typical():
 * names (Dvořák, Łódź) are no language's.  Words, not letters, so that
 * one loanword in lower case (a "crêpe" in Dutch) cannot turn a
 * paragraph away by itself; two ("crème brûlée") do.  LANGID_FOREIGN_COST
 * and LANGID_FOREIGN were set on development paragraphs of all languages
 * (data/langid/fit-calibrate.py, data/README), fewer than one in 2,000
 * of which fail; short text is never asked, so its accuracy is untouched.
 * A single such word is not enough alone but is a second witness: with
 * it, a share of known n-grams LANGID_FOREIGN_Z spreads below the
 * winner's mean is enough (langid_typical()) rather than the winner's
 * own limit.  Of the 59 development paragraphs with one, all but four
 * lie above -3.8 spreads and three below -6, one of which the limit
 * already turned away; 6 rather than 4 leaves room for prose, which fits
 * a model learnt mostly from catalogues and manuals less well (the
 * Spanish paragraph with a "pâté" in test-langid.c lies 5.4 down).
 */
static int
langid_native(const struct langid_walk *w, size_t best)
{
	if (w->fletters < LANGID_FITZ_LETTERS)
		return 1;
	return w->fforeign[best] < LANGID_FOREIGN;
}

/*
 * Prose in a language the model knows hits many 3- and 4-grams that the
 * winning language's own training text had; a language outside the model
 * (Basque, Esperanto, Welsh) or keyboard noise hits far fewer of the
 * winner's, however close its nearest neighbour.  Such text is "und"
 * rather than the nearest language.  The Arabic model learnt from a
 * tenth of the text the others did and knows fewer n-grams of its own,
 * so it asks for fewer (Uyghur and Pashto still hit under 0.7 a letter).
 */
static int
langid_unfit(const struct langid_walk *w, size_t best)
{
	double	min = LANGID_MINHITS;

	if (w->model->order < 3 || w->letters < LANGID_MINFIT)
		return 0;
	if (w->model == &langid_model_arabic)
		min = LANGID_MINHITS_THIN;
	if (w->hits[best] < w->letters * min)
		return 1;
	return !langid_typical(w, best) || !langid_native(w, best);
}

/*
 * Whether the runner-up is close behind the best tag: less than
 * LANGID_MARGIN cost units a letter, once the text is long enough for the
 * mean to mean something.  Related languages (Danish and Norwegian,
 * Malay and Indonesian) and a language outside the model, which lands
 * between its neighbours, are "und" then rather than a coin toss.
 */
static int
langid_close(const struct langid_walk *w, size_t best,
    const struct langid_cands *cands)
{
	const struct langid_model	*m = w->model;
	size_t				 t;

	if (w->letters < LANGID_MARGIN_LETTERS)
		return 0;
	for (t = 0; t < m->ntags; t++) {
		if (t != best && langid_allowed(cands, m->tags[t]) &&
		    w->cost[t] - w->cost[best] < LANGID_MARGIN * w->letters)
			return 1;
	}
	return 0;
}

/*
 * The languages the first models covered (the ones most of the reader's
 * pages are in) start LANGID_RARE units ahead of the languages added
 * since: a constant, so it tips only short text whose runner-up is close
 * ("El perro come." is Spanish before it is Catalan or Galician-like
 * Portuguese) and fades against the per-letter costs of a paragraph.
 * LANGID_RARE was set on dev snippets cut from the training text
 * (data/README).
 */
static uint32_t
langid_rare(const char *tag)
{
	static const char *const common[] = {
		"en", "fr", "de", "es", "it", "pt", "nl", "ru"
	};
	size_t	i;

	for (i = 0; i < sizeof common / sizeof common[0]; i++)
		if (strcmp(common[i], tag) == 0)
			return 0;
	return LANGID_RARE;
}

/*
 * Second pass: score text against model m, choosing among the model's
 * tags that cands allows, with the model's cost per letter if per_letter.
 * Writes "und" when the text is too short, does not fit or the best tag
 * is not clearly ahead.
 */
static void
langid_score(const struct langid_model *m, enum utf8_script script,
    const char *text, size_t len, const struct langid_cands *cands,
    int per_letter, struct langid_result *res)
{
	struct langid_walk	 w;
	size_t			 off, n, t, best = m->ntags;
	double			 sum = 0;
	uint32_t		 c;

	langid_set(res, "und", 0);
	if (m->ntags > LANGID_MAXTAGS || m->order > LANGID_MAXORDER)
		return;		/* a model this code was not built for */
	memset(&w, 0, sizeof w);
	w.model = m;
	w.script = script;
	w.win[w.nwin++] = ' ';
	w.whash = 2166136261u;
	for (t = 0; t < m->ntags; t++)
		w.cost[t] = m->prior[t] + langid_rare(m->tags[t]);
	if (len > LANGID_MAXSCAN)
		len = LANGID_MAXSCAN;	/* 1 MiB at 623 a letter fits 32 bits */
	for (off = 0; off < len; off += n) {
		n = utf8_decode(text + off, len - off, &c);
		langid_feed(&w, c);
	}
	langid_feed(&w, ' ');
	for (t = 0; per_letter && t < m->ntags; t++)
		w.cost[t] += m->letter[t] * w.letters;
	for (t = 0; t < m->ntags; t++) {
		if (langid_allowed(cands, m->tags[t]) &&
		    (best == m->ntags || w.cost[t] < w.cost[best]))
			best = t;
	}
	if (best == m->ntags || w.letters < LANGID_MINGRAMS ||
	    langid_unfit(&w, best))
		return;
	if (langid_close(&w, best, cands))
		return;
	for (t = 0; t < m->ntags; t++) {
		if (langid_allowed(cands, m->tags[t]))
			sum += exp(-((double)w.cost[t] - w.cost[best]) /
			    LANGID_SCALE * LANGID_SHARPEN);
	}
	if (1 / sum >= LANGID_MINCONF)
		langid_set(res, m->tags[best], 1 / sum);
}

/*
 * Text mostly in ideographs, Hangul or kana.  Any real amount of Hangul
 * is Korean and any real amount of kana Japanese (Japanese prose may be
 * mostly Han with a few kana); otherwise the Han model tells Japanese
 * kanji from Chinese hanzi.  Its cost per letter, which makes long runs
 * of Han lean Chinese, applies only when there is no kana at all: a few
 * kana among many ideographs (a Japanese report, or a Chinese article
 * naming a Japanese brand) leave it to the character forms.
 */
static void
langid_cjk(const struct langid_tally *t, const char *text, size_t len,
    const struct langid_cands *cands, struct langid_result *res)
{
	size_t	hangul = t->letters[UTF8_SCRIPT_HANGUL];
	size_t	kana = t->letters[UTF8_SCRIPT_HIRAGANA] +
		    t->letters[UTF8_SCRIPT_KATAKANA];
	size_t	han = t->letters[UTF8_SCRIPT_HAN];

	if (hangul > 0 && hangul >= kana && hangul * 4 >= han) {
		if (langid_allowed(cands, "ko"))
			langid_set(res, "ko", 1);
		else
			langid_set(res, "und", 0);
		return;
	}
	if (kana > 0 && kana * 30 >= han) {
		if (langid_allowed(cands, "ja"))
			langid_set(res, "ja", 1);
		else
			langid_set(res, "und", 0);
		return;
	}
	langid_score(&langid_model_han, UTF8_SCRIPT_HAN, text, len, cands,
	    kana == 0, res);
	if (strcmp(res->tag, "und") == 0 && langid_allowed(cands, "zh"))
		langid_set(res, "zh", 0.5);
}

static void
langid_run(const char *text, size_t len, const struct langid_cands *cands,
    struct langid_result *res)
{
	struct langid_tally	t;
	enum utf8_script	sc;
	size_t			i, best = 0, w, bestw = 0, cjk = 0, total = 0;

	langid_set(res, "und", 0);
	if (text == NULL)
		return;
	langid_count(text, len, &t);
	for (i = 0; i < LANGID_NSCRIPTS; i++) {
		sc = langid_scripts[i].script;
		w = t.letters[sc] * langid_scripts[i].weight;
		total += w;
		if (sc == UTF8_SCRIPT_HAN || sc == UTF8_SCRIPT_HANGUL ||
		    sc == UTF8_SCRIPT_HIRAGANA || sc == UTF8_SCRIPT_KATAKANA)
			cjk += w;
		else if (w > bestw) {
			best = i;
			bestw = w;
		}
	}
	if (total == t.letters[UTF8_SCRIPT_LATIN]) {
		total += t.caps;	/* Latin only: capitals count too */
		bestw = total;
	}
	if (total == 0)
		return;
	sc = langid_scripts[best].script;
	if (cjk >= bestw)
		langid_cjk(&t, text, len, cands, res);
	else if (sc == UTF8_SCRIPT_LATIN)
		langid_score(&langid_model_latin, sc, text, len, cands, 1, res);
	else if (sc == UTF8_SCRIPT_CYRILLIC)
		langid_score(&langid_model_cyrillic, sc, text, len, cands, 1,
		    res);
	else if (sc == UTF8_SCRIPT_ARABIC)
		langid_score(&langid_model_arabic, sc, text, len, cands, 1,
		    res);
	else if (langid_allowed(cands, langid_scripts[best].tag))
		langid_set(res, langid_scripts[best].tag, 1);
	res->confidence *= (double)(cjk >= bestw ? cjk : bestw) / total;
}

void
langid_guess(const char *text, size_t len, struct langid_result *res)
{
	struct langid_cands	any = { NULL, 0 };

	langid_run(text, len, &any, res);
}

void
langid_guess_among(const char *text, size_t len, const char *const *tags,
    size_t ntags, struct langid_result *res)
{
	struct langid_cands	cands = { tags, ntags };

	if (tags == NULL) {
		langid_set(res, "und", 0);
		return;
	}
	langid_run(text, len, &cands, res);
}
