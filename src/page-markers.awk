# page-markers.awk: turn data/page-markers.tsv into C (page-markers.c).
# Output: a table of struct page_marker rows, as page-markers.h declares.
BEGIN {
	FS = "\t"
	print "/* Generated from data/page-markers.tsv by page-markers.awk. */"
	print "#include \"config.h\""
	print "#include <stddef.h>"
	print "#include \"page-markers.h\""
	print "const struct page_marker page_markers[] = {"
}
/^#/ || NF == 0 { next }
NF != 3 {
	printf "page-markers.tsv:%d: want 3 tab-separated fields\n", NR > "/dev/stderr"
	failed = 1
	exit 1
}
{
	kind = toupper($1)
	if (kind !~ /^(RELATED|LOGIN|CLOSED|OPEN)$/) {
		printf "page-markers.tsv:%d: unknown kind '%s'\n", NR, $1 > "/dev/stderr"
		failed = 1
		exit 1
	}
	text = $3
	gsub(/\\/, "\\\\", text)
	gsub(/"/, "\\\"", text)
	printf "\t{ PAGE_MARKER_%s, \"%s\", \"%s\" },\n", kind, $2, text
}
END {
	if (failed)
		exit 1
	print "\t{ 0, NULL, NULL }"
	print "};"
}
