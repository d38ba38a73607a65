/*
 * search.h: the library search's query language (search.c).
 *
 * A query is FTS5's syntax as a reader types it: words, "a phrase",
 * prefix*, AND, OR, NOT, NEAR(a b, N), parentheses.  search_query()
 * checks it and rewrites it into the MATCH expression the index is
 * asked (every word quoted, so an apostrophe or a dot in a word is not
 * a syntax error; one Han, kana or Hangul character asked as a prefix,
 * see utf8-fold.c), or says in one line what is wrong with it.
 */
#ifndef TANDEM_SEARCH_H
#define TANDEM_SEARCH_H

char	*search_query(const char *, char **);
/* The query's first word or phrase, for marking matches; or NULL. */
char	*search_query_word(const char *);

#endif
