/*
 * json-wp.h: the JSON of the WordPress REST API, read and written.
 *
 * json-wp.c is the API's only reader (jansson stays in json*.c): a page
 * of comments (GET /wp/v2/comments), one comment (the answer to a
 * POST), an error ({"code": ..., "message": ...}), the first post of a
 * lookup by slug, and the body of a new comment.  site-wp.c drives the
 * requests.  Every string handed back is allocated and valid UTF-8 (the
 * API's strings are checked, not trusted); fields the site left out are
 * NULL (or 0 for ids).
 */
#ifndef TANDEM_JSON_WP_H
#define TANDEM_JSON_WP_H

#include <stddef.h>

struct json_wp_comment {
	long long	 id;
	long long	 parent;	/* 0: top level */
	long long	 post;
	char		*author;	/* author_name */
	char		*date;		/* date_gmt as "...Z", or date */
	char		*link;
	char		*html;		/* content.rendered */
	char		*raw;		/* content.raw (context=edit), or NULL */
};

/* A JSON array of comments; -1 and *cause when it is not one. */
int	json_wp_comments(const char *, size_t, struct json_wp_comment **,
	    size_t *, char **cause);
/* One comment object (a POST's answer). */
int	json_wp_comment(const char *, size_t, struct json_wp_comment *,
	    char **cause);
void	json_wp_comment_free(struct json_wp_comment *);
void	json_wp_comments_free(struct json_wp_comment *, size_t);

/* The error object's code and message, or -1 if the body is not one. */
int	json_wp_error(const char *, size_t, char **code, char **message);

/* The id of the first element of an array of posts; 0 when empty. */
long long json_wp_first_id(const char *, size_t);

/* {"post": post, "parent": parent, "content": text} for a POST; free()
   it; NULL when text is not valid UTF-8. */
char	*json_wp_new_comment(long long post, long long parent,
	    const char *text);

#endif
