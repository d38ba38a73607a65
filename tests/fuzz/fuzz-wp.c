/*
 * fuzz-wp.c: what a WordPress site sends, on any bytes: the REST API's
 * JSON (a page of comments, one comment, an error, a post lookup) and
 * a comment's HTML body to text.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "html.h"
#include "json-wp.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct json_wp_comment	*v, one;
	const char		*s = (const char *)data;
	char			*cause = NULL, *code, *msg, *text;
	size_t			 n, i;

	if (json_wp_comments(s, size, &v, &n, &cause) == 0) {
		for (i = 0; i < n; i++) {
			text = html_comment_text(v[i].html, strlen(v[i].html));
			free(text);
		}
		json_wp_comments_free(v, n);
	}
	free(cause);
	cause = NULL;
	if (json_wp_comment(s, size, &one, &cause) == 0)
		json_wp_comment_free(&one);
	free(cause);
	if (json_wp_error(s, size, &code, &msg) == 0) {
		free(code);
		free(msg);
	}
	(void)json_wp_first_id(s, size);
	text = html_comment_text(s, size);
	free(text);
	return 0;
}
