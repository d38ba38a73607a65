/*
 * xmalloc.h: allocation that cannot fail.
 *
 * tandem has nothing useful to do when memory runs out, so these wrappers
 * print one line and exit instead of making every caller check for NULL
 * (the tmux convention).  Everything in libtandem and the UI allocates
 * through them.
 */
#ifndef TANDEM_XMALLOC_H
#define TANDEM_XMALLOC_H

#include <stdarg.h>
#include <stddef.h>

void	*xmalloc(size_t);
void	*xcalloc(size_t, size_t);
void	*xrealloc(void *, size_t);
void	*xreallocarray(void *, size_t, size_t);
char	*xstrdup(const char *);
char	*xstrndup(const char *, size_t);
int	 xasprintf(char **, const char *, ...)
	    __attribute__((format(printf, 2, 3)));
int	 xvasprintf(char **, const char *, va_list)
	    __attribute__((format(printf, 2, 0)));

/* Free *pp and set it to NULL so the pointer cannot be used again. */
#define FREE(pp) do { free(*(pp)); *(pp) = NULL; } while (0)

#endif
