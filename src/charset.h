/*
 * charset.h: bytes in any charset -> UTF-8, before any parser sees them.
 *
 * A page says what it is written in, in several places that can
 * disagree; charset_to_utf8() believes them in this order, the first
 * usable one winning:
 *
 *	1. a byte order mark (UTF-8, UTF-16LE/BE, UTF-32LE/BE);
 *	2. the user's override (--encoding);
 *	3. the charset parameter of the HTTP Content-Type;
 *	4. an XML declaration or an HTML <meta charset> in the first
 *	   CHARSET_SCAN bytes (a byte scan, no parser);
 *	5. the bytes themselves: valid UTF-8 stays UTF-8, else uchardet
 *	   guesses, else windows-1252.
 *
 * Labels are read the WHATWG way, so a page labelled "euc-kr" or
 * "ks_c_5601-1987" decodes as windows-949, "iso-8859-1" as
 * windows-1252, "gb2312" as GB18030 and so on, which is what the page's
 * author saw in a browser.  A label nobody knows is skipped, except an
 * override, which is an error.
 *
 * The output is always valid UTF-8 without NUL bytes: whatever cannot be
 * decoded, and any NUL, becomes U+FFFD and is counted once in
 * result->invalid, so the caller warns once per input.  Output is at
 * most about 4 bytes per input byte; time is linear.  No global state:
 * safe from threads.
 */
#ifndef TANDEM_CHARSET_H
#define TANDEM_CHARSET_H

#include <stddef.h>

#define CHARSET_SCAN 4096	/* bytes searched for a declaration */

/* What the caller knows before looking at the bytes; NULL: nothing. */
struct charset_hint {
	const char	*override;	/* --encoding */
	const char	*http;		/* Content-Type charset parameter */
};

/* Which step of the order above decided. */
enum charset_source {
	CHARSET_BOM,
	CHARSET_OVERRIDE,
	CHARSET_HTTP,
	CHARSET_DECLARED,
	CHARSET_UTF8,		/* undeclared, and valid UTF-8 */
	CHARSET_DETECTED,	/* undeclared, guessed by uchardet */
	CHARSET_DEFAULT		/* undeclared, no guess: windows-1252 */
};

struct charset_result {
	char			*text;	/* UTF-8, NUL-terminated; caller frees */
	size_t			 len;	/* bytes of text before the NUL */
	const char		*name;	/* WHATWG name decoded from: "euc-kr" */
	enum charset_source	 source;
	size_t			 invalid; /* sequences replaced by U+FFFD */
};

/*
 * Decode len bytes (any bytes; NULL only when len is 0) into *result.
 * hint may be NULL.  Returns 0, or -1 with *cause set when the override
 * names no known encoding; *result is then untouched.
 */
int	charset_to_utf8(const char *, size_t, const struct charset_hint *,
	    struct charset_result *, char **cause);

/*
 * The one warning for result, e.g. "3 invalid sequences replaced
 * (decoded as euc-kr)", or NULL when nothing was replaced.  Caller
 * frees.
 */
char	*charset_warning(const struct charset_result *);

/* The encoding's WHATWG name for a label ("ks_c_5601-1987" ->
   "euc-kr"), or NULL when it is not known. */
const char *charset_name(const char *label);

/* The charset that the declaration in the first CHARSET_SCAN bytes
   names, as a WHATWG name, or NULL (exposed for the tests). */
const char *charset_sniff(const char *, size_t);

#endif
