/*
 * test-keys.c: the key table: default bindings per context, key names
 * parsed and printed, rebinding and the errors of a bad rebinding.  The
 * settings file, the man page's KEYS section and the pane rectangles
 * have tests of their own (test-conf.c, test-keys-man.c, test-pane.c).
 */
#include "config.h"

#include <stdlib.h>

#include "keys.h"
#include "tap.h"
#include "xmalloc.h"

static void
test_table(void)
{
	char	*cause = NULL, buf[32];

	keys_init();
	is_int(keys_lookup(KEYS_LIST, 'j'), OP_DOWN, "j moves down");
	is_int(keys_lookup(KEYS_READER, KEYS_PGDN), OP_PAGE_DOWN, "PgDn pages");
	is_int(keys_lookup(KEYS_LIST, 'N'), OP_TOGGLE_READ, "N in the list");
	is_int(keys_lookup(KEYS_READER, 'N'), OP_SEARCH_PREV, "N in the reader");
	is_int(keys_lookup(KEYS_READER, 'Z'), OP_NONE, "Z does nothing");
	is_int(keys_parse("C-l"), 12, "C-l parses");
	is_int(keys_parse("Space"), ' ', "Space parses");
	is_int(keys_parse("pgdn"), KEYS_PGDN, "names ignore case");
	is_int(keys_parse("한"), 0xd55c, "a Hangul key parses");
	is_int(keys_parse("ab"), -1, "two letters are not a key");
	is_int(keys_parse("F5"), KEYS_F(5), "F5 parses");
	is_int(keys_parse("F12"), KEYS_F(12), "F12 parses");
	is_int(keys_parse("F13"), -1, "F13 is not a key");
	is_int(keys_parse("F0"), -1, "F0 is not a key");
	is_int(keys_parse("f"), 'f', "f alone is the letter");
	is_int(keys_parse("PageDown"), KEYS_PGDN, "PageDown parses");
	is_int(keys_parse("PageUp"), KEYS_PGUP, "PageUp parses");
	is_int(keys_parse("Insert"), KEYS_IC, "Insert parses");
	is_int(keys_parse("Delete"), KEYS_DC, "Delete parses");
	is_int(keys_parse("Backspace"), KEYS_BACKSPACE, "Backspace parses");
	is_int(keys_parse("BTab"), KEYS_BTAB, "BTab parses");
	is_int(keys_parse("Left"), KEYS_LEFT, "Left parses");
	is_int(keys_parse("C-x"), KEYS_CTRL('x'), "C-x parses");
	{
		char	name[16];

		is_str(keys_name(KEYS_F(7), name, sizeof name), "F7",
		    "F7 is named F7");
		is_str(keys_name(KEYS_PGDN, name, sizeof name), "PgDn",
		    "PgDn keeps its short name in help");
	}
	is_str(keys_name(KEYS_CTRL('l'), buf, sizeof buf), "C-l", "C-l name");
	is_str(keys_name(0xd55c, buf, sizeof buf), "한", "Hangul name");
	is_int(keys_bind("reader", "J", "page-down", &cause), 0, "bind J");
	is_int(keys_lookup(KEYS_READER, 'J'), OP_PAGE_DOWN, "J pages in reader");
	is_int(keys_lookup(KEYS_LIST, 'J'), OP_NONE, "but not in the list");
	is_int(keys_bind("all", "j", "up", &cause), 0, "rebind j");
	is_int(keys_lookup(KEYS_LIST, 'j'), OP_UP, "j now goes up");
	is_int(keys_bind("pager", "j", "up", &cause), -1, "bad context");
	is_str(cause, "unknown key context 'pager' (all, list, reader, "
	    "comments)", "bad context named");
	FREE(&cause);
	is_int(keys_bind("all", "j", "fly", &cause), -1, "bad operation");
	is_str(cause, "unknown operation 'fly'", "bad operation named");
	FREE(&cause);
	keys_init();
	is_int(keys_lookup(KEYS_LIST, 'j'), OP_DOWN, "keys_init restores");
}

int
main(void)
{
	test_table();
	return tap_done();
}
