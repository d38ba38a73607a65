/* test-xmalloc.c: the allocation wrappers behave like their libc peers. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "tap.h"
#include "xmalloc.h"

int
main(void)
{
	char	*s, *t;
	int	*v;
	int	 n;

	s = xstrdup("한국어 text");
	is_str(s, "한국어 text", "xstrdup copies UTF-8 bytes");
	t = xstrndup(s, 3);
	is_str(t, "한", "xstrndup stops after n bytes");
	FREE(&t);
	ok(t == NULL, "FREE nulls the pointer");

	n = xasprintf(&t, "%s-%d", "ko", 42);
	is_int(n, 5, "xasprintf returns the length");
	is_str(t, "ko-42", "xasprintf formats");
	free(t);

	v = xcalloc(4, sizeof *v);
	ok(v[0] == 0 && v[3] == 0, "xcalloc zeroes");
	v = xreallocarray(v, 1000, sizeof *v);
	v[999] = 7;
	is_int(v[999], 7, "xreallocarray grows");
	free(v);

	t = xmalloc(0);
	ok(t != NULL, "xmalloc(0) returns a usable pointer");
	free(t);
	free(s);
	return tap_done();
}
