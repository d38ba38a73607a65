/*
 * scroll.c: the scroller the panes share (see scroll.h).
 *
 * Everything is unsigned rows; a move is clamped before it is applied,
 * so no key can take top or sel past either end, however large n is.
 */
#include "config.h"

#include <string.h>

#include "scroll.h"

void
scroll_init(struct scroll *s, int cursor)
{
	memset(s, 0, sizeof *s);
	s->cursor = cursor;
}

/* Rows shown, for the arithmetic: never less than one. */
static size_t
scroll_rows(const struct scroll *s)
{
	return s->height > 0 ? s->height : 1;
}

size_t
scroll_max_top(const struct scroll *s)
{
	size_t	h = scroll_rows(s);

	return s->total > h ? s->total - h : 0;
}

size_t
scroll_step(const struct scroll *s, int half)
{
	size_t	step = half ? s->height / 2 : s->height - (s->height > 0);

	return step > 0 ? step : 1;
}

/* i moved by n, within [0, last]. */
static size_t
scroll_clamp(size_t i, long n, size_t last)
{
	if (n < 0)
		return (size_t)-n >= i ? 0 : i - (size_t)-n;
	return (size_t)n >= last - (i < last ? i : last) ? last : i + (size_t)n;
}

void
scroll_show_sel(struct scroll *s)
{
	size_t	h = scroll_rows(s);

	if (s->sel < s->top)
		s->top = s->sel;
	else if (s->sel >= s->top + h)
		s->top = s->sel - h + 1;
	if (s->top > scroll_max_top(s))
		s->top = scroll_max_top(s);
}

void
scroll_resize(struct scroll *s, size_t total, size_t height)
{
	s->total = total;
	s->height = height;
	if (s->sel >= total)
		s->sel = total > 0 ? total - 1 : 0;
	if (s->cursor)
		scroll_show_sel(s);
	else if (s->top > scroll_max_top(s))
		s->top = scroll_max_top(s);
}

void
scroll_select(struct scroll *s, size_t i)
{
	s->sel = i < s->total ? i : (s->total > 0 ? s->total - 1 : 0);
	scroll_show_sel(s);
}

void
scroll_down(struct scroll *s, long n)
{
	if (s->cursor)
		scroll_select(s, scroll_clamp(s->sel, n, s->total > 0 ?
		    s->total - 1 : 0));
	else
		s->top = scroll_clamp(s->top > scroll_max_top(s) ?
		    scroll_max_top(s) : s->top, n, scroll_max_top(s));
}

void
scroll_page(struct scroll *s, int direction)
{
	scroll_down(s, direction * (long)scroll_step(s, 0));
}

void
scroll_half(struct scroll *s, int direction)
{
	scroll_down(s, direction * (long)scroll_step(s, 1));
}

void
scroll_end(struct scroll *s, int direction)
{
	if (s->cursor)
		scroll_select(s, direction < 0 ? 0 : s->total);
	else
		s->top = direction < 0 ? 0 : scroll_max_top(s);
}

void
scroll_show(struct scroll *s, size_t first, size_t end)
{
	size_t	h = scroll_rows(s);

	if (s->top > s->total)
		s->top = s->total;
	if (first >= s->total)
		return;
	if (end > s->total)
		end = s->total;
	if (end > s->top + h)
		s->top = end - h;
	if (first < s->top)
		s->top = first;
}
