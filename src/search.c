/*
 * search.c: a reader's query, checked and made into an FTS5 expression.
 *
 * SQLite's own message for a bad query ("fts5: syntax error near ...")
 * names its internals; this lexer finds what is wrong first and says it
 * in the reader's terms, and quotes every word so that FTS5's bareword
 * rules (letters, digits, underscore) never reject "l'été" or "U.S.".
 * Operators keep FTS5's spelling: AND, OR and NOT in capitals, NEAR
 * followed by a parenthesis; anything else is a word.  The cache folds
 * the words (its tokenizer calls utf8_fold()), so nothing is folded here.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "search.h"
#include "utf8.h"
#include "utf8-fold.h"
#include "xmalloc.h"

struct search_out {
	char	*s;
	size_t	 len, size;
	int	 terms;		/* words and phrases so far */
	int	 prev;		/* what came last, below */
	int	 depth;		/* of parentheses */
	int	 near;		/* the depth inside NEAR(...), or 0 */
	int	 want_number;	/* a ',' in NEAR(...) came last */
};
#define SEARCH_NONE	0
#define SEARCH_TERM	1	/* a word, a phrase, or ')' */
#define SEARCH_OP	2	/* AND OR NOT NEAR '(' ',' '^' */
#define SEARCH_NUMBER	3	/* NEAR's distance */

static void
search_put(struct search_out *o, const char *s, size_t n)
{
	if (o->len + n + 1 > o->size) {
		o->size = (o->len + n + 1) * 2;
		o->s = xrealloc(o->s, o->size);
	}
	memcpy(o->s + o->len, s, n);
	o->len += n;
	o->s[o->len] = '\0';
}

/* Whether s is exactly one Han, kana or Hangul character. */
static int
search_one_cjk(const char *s, size_t n)
{
	uint32_t	c;
	size_t		k;

	if (n == 0)
		return 0;
	k = utf8_decode(s, n, &c);
	return k == n && utf8_is_cjk(c);
}

/*
 * What goes between a term or ')' and the next term or '(': FTS5 takes
 * "a b" as both, but not "(a) (b)", so AND, said; inside NEAR(...) the
 * phrases only have spaces between them.
 */
static void
search_sep(struct search_out *o)
{
	if (o->prev != SEARCH_TERM)
		return;
	if (o->near != 0 && o->depth == o->near)
		search_put(o, " ", 1);
	else
		search_put(o, " AND ", 5);
}

/* A word or a phrase's text, quoted; a lone CJK character as a prefix. */
static void
search_term(struct search_out *o, const char *s, size_t n, int starred)
{
	size_t	i;

	search_sep(o);
	search_put(o, "\"", 1);
	for (i = 0; i < n; i++) {
		search_put(o, s + i, 1);
		if (s[i] == '"')
			search_put(o, "\"", 1);
	}
	search_put(o, "\"", 1);
	if (!starred && search_one_cjk(s, n))
		search_put(o, "*", 1);
	o->terms++;
	o->prev = SEARCH_TERM;
}

/* The cause, one line: the query's controls are shown as spaces. */
static int
search_error(char **cause, const char *q, const char *what)
{
	char	*line, *p;

	line = xstrdup(q);
	for (p = line; *p != '\0'; p++)
		if ((unsigned char)*p < 0x20 || *p == 0x7f)
			*p = ' ';
	xasprintf(cause, "search \"%s\": %s", line, what);
	free(line);
	return -1;
}

/* A quoted phrase from q + *i (at its opening quote). */
static int
search_phrase(struct search_out *o, const char *q, size_t *i, char **cause)
{
	char	*text;
	size_t	 j = *i + 1, n = 0;

	text = xmalloc(strlen(q) + 1);
	for (;;) {
		if (q[j] == '\0') {
			free(text);
			return search_error(cause, q, "a quote is not closed");
		}
		if (q[j] == '"' && q[j + 1] != '"')
			break;
		if (q[j] == '"')
			j++;
		text[n++] = q[j++];
	}
	*i = j + 1;
	search_term(o, text, n, q[*i] == '*');
	free(text);
	return 0;
}

/* An operator, or a word; q + start, n bytes. */
static int
search_word(struct search_out *o, const char *q, size_t start, size_t n,
    char **cause)
{
	const char	*w = q + start;
	static const char *const ops[] = { "AND", "OR", "NOT" };
	char		*msg;
	size_t		 i;

	for (i = 0; i < 3; i++) {
		if (strlen(ops[i]) != n || memcmp(w, ops[i], n) != 0)
			continue;
		if (o->near != 0)
			return search_error(cause, q, "NEAR(...) holds words"
			    " and phrases, not operators");
		if (o->prev != SEARCH_TERM) {
			xasprintf(&msg, "%s needs something to search for"
			    " before it", ops[i]);
			search_error(cause, q, msg);
			free(msg);
			return -1;
		}
		search_put(o, " ", 1);
		search_put(o, w, n);
		search_put(o, " ", 1);
		o->prev = SEARCH_OP;
		return 0;
	}
	if (n == 4 && memcmp(w, "NEAR", 4) == 0 && w[4] == '(') {
		if (o->near != 0)
			return search_error(cause, q, "NEAR(...) inside NEAR");
		search_sep(o);
		search_put(o, "NEAR", 4);
		o->near = o->depth + 1;
		o->prev = SEARCH_OP;
		return 0;
	}
	if (o->want_number) {
		if (strspn(w, "0123456789") < n || n > 6)
			return search_error(cause, q, "NEAR(...) wants a number"
			    " of words after its ','");
		search_put(o, " ", 1);
		search_put(o, w, n);
		o->want_number = 0;
		o->prev = SEARCH_NUMBER;
		return 0;
	}
	if (o->prev == SEARCH_NUMBER)
		return search_error(cause, q, "a ')' must follow the number"
		    " in NEAR(...)");
	search_term(o, w, n, w[n] == '*');
	return 0;
}

/* One character of punctuation the syntax gives a meaning to. */
static int
search_punct(struct search_out *o, const char *q, char ch, char **cause)
{
	if (o->want_number)
		return search_error(cause, q, "NEAR(...) wants a number of"
		    " words after its ','");
	switch (ch) {
	case '(':
		if (o->near != 0 && o->depth == o->near)
			return search_error(cause, q, "NEAR(...) holds words"
			    " and phrases, not parentheses");
		search_sep(o);
		o->depth++;
		o->prev = SEARCH_OP;
		break;
	case ')':
		if (o->depth == 0)
			return search_error(cause, q, "a ')' has no '('");
		if (o->prev != SEARCH_TERM && o->prev != SEARCH_NUMBER)
			return search_error(cause, q,
			    "nothing to search for before a ')'");
		if (o->depth == o->near)
			o->near = 0;
		o->depth--;
		o->prev = SEARCH_TERM;
		break;
	case '*':
		if (o->prev != SEARCH_TERM || o->len == 0 ||
		    o->s[o->len - 1] != '"')
			return search_error(cause, q,
			    "a '*' must follow a word");
		break;
	case ',':
		if (o->near == 0 || o->depth != o->near ||
		    o->prev != SEARCH_TERM)
			return search_error(cause, q,
			    "a ',' belongs in NEAR(a b, N)");
		o->want_number = 1;
		o->prev = SEARCH_OP;
		break;
	case '^':
		search_sep(o);
		o->prev = SEARCH_OP;
		break;
	}
	search_put(o, &ch, 1);
	return 0;
}

/*
 * The FTS5 expression for the reader's query q, allocated, or NULL with
 * *cause saying what is wrong with q.
 */
char *
search_query(const char *q, char **cause)
{
	struct search_out	 o;
	size_t			 i = 0, start;
	int			 rc = 0;

	memset(&o, 0, sizeof o);

	search_put(&o, "", 0);
	while (q[i] != '\0' && rc == 0) {
		if (q[i] == ' ' || q[i] == '\t' || q[i] == '\n') {
			i++;
			continue;
		}
		if (q[i] == '"') {
			if (o.want_number || o.prev == SEARCH_NUMBER)
				rc = search_error(cause, q, "NEAR(a b, N) ends"
				    " with a number and a ')'");
			else
				rc = search_phrase(&o, q, &i, cause);
			continue;
		}
		if (strchr("()*^,", q[i]) != NULL) {
			rc = search_punct(&o, q, q[i], cause);
			i++;
			continue;
		}
		start = i;
		while (q[i] != '\0' && strchr(" \t\n\"()*^,", q[i]) == NULL)
			i++;
		rc = search_word(&o, q, start, i - start, cause);
	}
	if (rc == 0 && o.depth != 0)
		rc = search_error(cause, q, "a '(' is not closed");
	if (rc == 0 && (o.prev == SEARCH_OP || o.prev == SEARCH_NUMBER))
		rc = search_error(cause, q, "it ends with an operator");
	if (rc == 0 && o.terms == 0)
		rc = search_error(cause, q, "nothing to search for");
	if (rc != 0) {
		free(o.s);
		return NULL;
	}
	return o.s;
}

/*
 * The first word or phrase of q that is not an operator, without its
 * quotes or '*': what the reader marks in an article opened from the
 * results.  NULL if there is none.
 */
char *
search_query_word(const char *q)
{
	size_t	i = 0, start, n;

	while (q[i] != '\0') {
		i += strspn(q + i, " \t\n()*^,");
		if (q[i] == '"') {
			start = ++i;
			n = strcspn(q + i, "\"");
			if (n > 0)
				return xstrndup(q + start, n);
			i += n + (q[i + n] == '"');
			continue;
		}
		start = i;
		n = strcspn(q + i, " \t\n\"()*^,");
		i += n;
		if (n == 0)
			break;
		if ((n == 3 && (memcmp(q + start, "AND", 3) == 0 ||
		    memcmp(q + start, "NOT", 3) == 0)) || (n == 2 &&
		    memcmp(q + start, "OR", 2) == 0) || (n == 4 &&
		    memcmp(q + start, "NEAR", 4) == 0 && q[i] == '('))
			continue;
		if (strspn(q + start, "0123456789") >= n)
			continue;
		return xstrndup(q + start, n);
	}
	return NULL;
}
