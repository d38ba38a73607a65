/*
 * tap.h: a tiny Test Anything Protocol emitter for the C unit tests.
 *
 * Each test program includes this header, calls ok()/is_int()/is_str()
 * as it goes and ends with `return tap_done();`, which prints the plan
 * ("1..N") last, as TAP allows, and returns non-zero if anything failed.
 * automake's tap-driver.sh reads the output; `make check` runs them all.
 *
 *	ok(width == 2, "Hangul syllable is wide");
 *	is_int(width, 2, "Hangul syllable is wide");
 *	is_str(got, "|ab  |", "padding");
 *
 * Everything is static so a test is one translation unit.
 */
#ifndef TANDEM_TAP_H
#define TANDEM_TAP_H

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static int tap_count;
static int tap_failed;

__attribute__((format(printf, 2, 0))) static int
tap_vok(int pass, const char *fmt, va_list ap)
{
	tap_count++;
	if (!pass)
		tap_failed++;
	printf("%s %d - ", pass ? "ok" : "not ok", tap_count);
	vprintf(fmt, ap);
	printf("\n");
	fflush(stdout);
	return pass;
}

__attribute__((format(printf, 2, 3), unused)) static int
ok(int pass, const char *fmt, ...)
{
	va_list	ap;
	int	r;

	va_start(ap, fmt);
	r = tap_vok(pass, fmt, ap);
	va_end(ap);
	return r;
}

/* A check that cannot run here: reported as SKIP, never as a pass. */
__attribute__((unused)) static void
skip(const char *what, const char *why)
{
	tap_count++;
	printf("ok %d - %s # SKIP %s\n", tap_count, what, why);
	fflush(stdout);
}

/* Print a diagnostic line; the TAP driver shows it in the test log. */
__attribute__((format(printf, 1, 2), unused)) static void
diag(const char *fmt, ...)
{
	va_list	ap;

	printf("# ");
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	printf("\n");
}

__attribute__((format(printf, 3, 4), unused)) static int
is_int(long long got, long long want, const char *fmt, ...)
{
	va_list	ap;
	int	r;

	va_start(ap, fmt);
	r = tap_vok(got == want, fmt, ap);
	va_end(ap);
	if (!r)
		diag("got %lld, want %lld", got, want);
	return r;
}

/* Print a (multi-line) string as TAP diagnostics. */
static void
tap_show(const char *label, const char *s)
{
	const char	*p, *base = s != NULL ? s : "(null)";

	printf("# %s:\n", label);
	for (p = base; *p != '\0'; p++) {
		if (p == base || p[-1] == '\n')
			printf("#   ");
		putchar(*p);
	}
	printf("\n");
}

/* Compare strings; a multi-line mismatch is printed line by line. */
__attribute__((format(printf, 3, 4), unused)) static int
is_str(const char *got, const char *want, const char *fmt, ...)
{
	va_list		 ap;
	int		 r;
	va_start(ap, fmt);
	r = tap_vok(got != NULL && want != NULL && strcmp(got, want) == 0,
	    fmt, ap);
	va_end(ap);
	if (!r) {
		tap_show("got", got);
		tap_show("want", want);
	}
	return r;
}

__attribute__((unused)) static int
tap_done(void)
{
	printf("1..%d\n", tap_count);
	return tap_failed != 0;
}

#endif
