/*
 * html.h: one web page, already UTF-8, -> what an article needs of it.
 *
 * The parse stage of a web import: fetch.c brings the bytes, charset.c
 * makes them UTF-8, html_parse() reads them with libxml2's forgiving HTML
 * parser (html.c is its only user) and returns a struct html_page: the
 * metadata from the head (title, language, canonical URL, author, date,
 * the language versions the page links to) and the main text as
 * paragraphs, with navigation, footers, share bars, related-article lists
 * and comment sections dropped.  story.c turns pages into articles.
 *
 * Where each field comes from, first usable source winning:
 *
 *	title	   og:title; else the first <h1> of the body; else <title>
 *		   with a " | Site" (or " - ", " – ", " — ", " :: ") suffix
 *		   cut when Site equals og:site_name.  title_suffix keeps the
 *		   suffix of a <title> that was not cut, so a caller holding
 *		   several pages of one site can cut a suffix they share
 *		   with html_page_cut_suffix().
 *	lang	   <html lang>; else <meta http-equiv=content-language>
 *	canonical  <link rel=canonical>; else og:url
 *	api_root   <link rel="https://api.w.org/">: the WordPress REST API
 *	shortlink  <link rel=shortlink> (WordPress: "/?p=ID")
 *	author	   meta author; article:author; itemprop=author; rel=author
 *	date	   article:published_time; itemprop=datePublished; the first
 *		   <time datetime> in the main text, else in the page
 *	policy	   "You must be logged in..." (or another login notice of
 *		   data/page-markers.tsv) -> LOGIN; a <form> whose id or
 *		   class holds "comment" or whose action holds
 *		   "wp-comments-post" -> OPEN; "Comments are closed." ->
 *		   CLOSED; else UNKNOWN
 *
 * URLs are resolved against base_url (and <base href>), so they are
 * absolute when base_url is.  The main text is the <article> with the
 * most text, else <main>, else the element with itemprop=articleBody,
 * else the best container by text density (see html.c).  A leading
 * heading equal to the title is not repeated as a paragraph.
 *
 * Every string is allocated, NUL-terminated, valid UTF-8 without NUL;
 * optional ones are NULL when the page does not say.  Cost is linear in
 * the input and memory a small multiple of it; libxml2 never reads the
 * network or files.  No global state is changed: safe from threads once
 * libxml2 is initialised (html_parse() does it on first use).
 */
#ifndef TANDEM_HTML_H
#define TANDEM_HTML_H

#include <stddef.h>

#include "import.h"

/* What block a paragraph came from. */
enum html_para_kind {
	HTML_PARA_TEXT = 0,	/* <p>, <td>, <div>, <figcaption>, ... */
	HTML_PARA_HEADING,	/* <h1> ... <h6> */
	HTML_PARA_ITEM,		/* <li>, <dt>, <dd> */
	HTML_PARA_QUOTE,	/* inside <blockquote> */
	HTML_PARA_PRE,		/* <pre>: whitespace kept as it was */
};

/* One block of the main text; <br> inside it became "\n". */
struct html_para {
	char			*text;	/* never empty */
	size_t			 len;
	enum html_para_kind	 kind;
};

/* A language version the page links to. */
struct html_alternate {
	char	*lang;		/* BCP 47 tag as written, "_" made "-" */
	char	*url;		/* resolved */
};

struct html_page {
	char			*title;		/* or NULL */
	char			*title_suffix;	/* see above, or NULL */
	char			*site_name;	/* og:site_name, or NULL */

	char			*lang;		/* declared tag, or NULL */
	char			 lang_found[8];	/* langid on the text, "und"
						   when it could not tell */
	double			 lang_confidence; /* of lang_found, 0..1 */
	int			 lang_conflict;	/* declared and confidently
						   found primary tags differ */

	char			*canonical;	/* or NULL */
	char			*api_root;	/* or NULL */
	char			*shortlink;	/* or NULL */
	char			*author;	/* or NULL */
	char			*date;		/* as written, or NULL */
	enum import_policy	 policy;

	/* Languages from <link rel=alternate hreflang> in the head, then
	   links with hreflang, or with lang inside a language switcher
	   (an element whose class or id holds "lang"), in the body; one
	   per tag (the first), "x-default" apart. */
	struct html_alternate	*alternates;
	size_t			 nalternates;
	char			*x_default;	/* or NULL */

	struct html_para	*paras;
	size_t			 nparas;
};

/* Langid confidence from which a contradicting declaration is a
   conflict. */
#define HTML_LANG_SURE 0.8

/*
 * Parse len bytes of UTF-8 (a meta charset in them is ignored) found at
 * base_url (may be NULL).  Returns 0 and *page (free it with
 * html_page_free()), or -1 with *cause set when the bytes are not an
 * HTML document at all (empty, or nothing libxml2 could make a tree of).
 * A page with no text is not an error: nparas is then 0.
 */
int	html_parse(const char *, size_t, const char *base_url,
	    struct html_page **, char **cause);
void	html_page_free(struct html_page *);

/*
 * An HTML fragment (a feed entry's content: no page around it) ->
 * *page with only paras filled: every block a paragraph, as the main
 * text of html_parse() is, but with no main text to look for.  Scripts,
 * forms and share bars are dropped as there.  Empty input gives no
 * paragraph, not an error; -1 with *cause only for input over
 * HTML_FRAGMENT_MAX bytes.  Free *page with html_page_free().
 */
#define HTML_FRAGMENT_MAX (64 * 1024 * 1024)
int	html_fragment(const char *, size_t, struct html_page **,
	    char **cause);

/*
 * Cut " | suffix" (or another separator of the list above) from the end
 * of page->title when it ends so; returns whether it did.  For a caller
 * that saw the same title_suffix on several pages of one site.
 */
int	html_page_cut_suffix(struct html_page *, const char *suffix);

/*
 * A comment's HTML (html-comment.c) as plain text: a blank line between
 * blocks, "\n" for <br>, entities decoded, whitespace collapsed.  Never
 * NULL ("" for no text).  Caller frees.
 */
char	*html_comment_text(const char *, size_t);

#endif
