/*
 * align-anchor.h: what the aligner reads out of one paragraph.
 *
 * align-anchor.c decodes a paragraph's UTF-8 once and gives align.c two
 * things: its length in script-fair units (a Hangul syllable, a kana or a
 * Han ideograph weighs what it takes in Latin letters to say the same, so
 * "SBA" inside Korean counts as in English) and its anchors, tokens that
 * survive translation: numbers and dates in one normal form, Latin words
 * and acronyms, URLs, opening quotes, parentheses and list symbols; and how many
 * sentences, questions and exclamations it holds.  Anchors are 64-bit
 * hashes whose top three bits say their kind (ALIGN_ANCHOR_*), sorted so
 * two groups of paragraphs compare by a merge.  Internal to the aligner.
 */
#ifndef TANDEM_ALIGN_ANCHOR_H
#define TANDEM_ALIGN_ANCHOR_H

#include <stddef.h>
#include <stdint.h>

enum align_anchor_kind {
	ALIGN_ANCHOR_NUMBER = 1,	/* "115000", "42", "11.5" */
	ALIGN_ANCHOR_DATE,		/* month and day: 9월 16일, 16 septembre */
	ALIGN_ANCHOR_MONTH,		/* a month alone */
	ALIGN_ANCHOR_WORD,		/* Latin word, folded to lower case */
	ALIGN_ANCHOR_QUOTE,		/* an opening quotation mark */
	ALIGN_ANCHOR_SYMBOL,		/* ▲ ■ ※ and friends, by code point;
				   ( and （ as one */
	ALIGN_ANCHOR_URL,
};
#define ALIGN_ANCHOR_KIND(h)	((enum align_anchor_kind)((h) >> 61))

struct align_para {
	double		 units;		/* script-fair length, >= 0 */
	int		 cjk;		/* mostly Hangul, kana or Han */
	int		 sentences;	/* sentence ends, of which */
	int		 questions;	/* ... ? and ？ */
	int		 exclaims;	/* ... ! and ！ */
	uint64_t	*anchors;	/* sorted, repeats kept */
	size_t		 nanchors;
};

void	 align_anchor_scan(const char *, size_t, struct align_para *);
void	 align_anchor_clear(struct align_para *);

#endif
