/*
 * utf8-fold.h: folding and tokens for search (utf8-fold.c).
 *
 * One fold for the library index, its queries and the reader's search
 * in an article; see utf8-fold.c for what it folds and how text is cut
 * into tokens.
 */
#ifndef TANDEM_UTF8_FOLD_H
#define TANDEM_UTF8_FOLD_H

#include <stddef.h>
#include <stdint.h>

/* A longer word is cut to this many bytes in the index. */
#define UTF8_TOKEN_MAX	128

/* A token: its bytes, and the bytes of the original text it covers. */
typedef int (*utf8_token_cb)(void *, const char *, size_t, size_t, size_t);

int	 utf8_is_cjk(uint32_t);
char	*utf8_fold(const char *, size_t, size_t *);
char	*utf8_fold_map(const char *, size_t, size_t *, size_t **);
int	 utf8_tokenize(const char *, size_t, int, utf8_token_cb, void *);

#endif
