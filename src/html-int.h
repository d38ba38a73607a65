/*
 * html-int.h: what html.c (metadata), html-text.c (the main text) and
 * html-comment.c share; html-node.c holds the tools on the tree.  All
 * walk libxml2's tree without recursion, as a page may nest as deep as
 * libxml2 lets it, and no walk visits a node more than twice.
 */
#ifndef TANDEM_HTML_INT_H
#define TANDEM_HTML_INT_H

#include <stddef.h>

#include <libxml/tree.h>

#include "html.h"

/* A growing string, NUL-terminated once anything is in it. */
struct html_buf {
	char	*s;
	size_t	 len;
	size_t	 cap;
};

void	 html_buf_add(struct html_buf *, const char *, size_t);
void	 html_buf_free(struct html_buf *);

/* The main-text candidates the metadata walk noticed on the way. */
struct html_cands {
	xmlNodePtr	*articles;	/* every <article>, in order */
	size_t		 narticles;
	xmlNodePtr	 main;		/* the first <main> */
	xmlNodePtr	 body_prop;	/* the first itemprop=articleBody */
	xmlNodePtr	 body;		/* <body>, or the root element */
};

/*
 * Visit every node below and including root in document order: enter()
 * before a node's children (return 1 to skip them), leave() after them
 * (also for skipped and childless nodes; may be NULL).
 */
typedef int	(*html_enter_cb)(xmlNodePtr, void *);
typedef void	(*html_leave_cb)(xmlNodePtr, void *);
void	 html_walk(xmlNodePtr, html_enter_cb, html_leave_cb, void *);

int	 html_is(xmlNodePtr, const char *);
int	 html_is_heading(xmlNodePtr);
const char *html_attr(xmlNodePtr, const char *);
int	 html_attr_has(xmlNodePtr, const char *, const char *);
int	 html_class_has(xmlNodePtr, const char *const *);

/* s with whitespace collapsed and trimmed, made valid UTF-8; NULL when
   nothing is left.  Caller frees. */
char	*html_clean(const char *, size_t);

/* Up to max bytes of the text below node, visiting at most maxnodes
   nodes; NULL when there was more than that. */
char	*html_text_upto(xmlNodePtr, size_t max, size_t maxnodes);

/* Fill page->paras from the main text of the document. */
void	 html_text_extract(const struct html_cands *, struct html_page *);

#endif
