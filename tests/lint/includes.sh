#!/bin/sh
# includes.sh: the shape rules that a compiler cannot check: curses only in
# the TUI files, libcsv only in src/table.c, pcre2 only in src/regex.c,
# libunistring only in src/text.c, xxhash only in src/cache.c.
cd "${SRCDIR:-.}" || exit 99
fail=0
check() {	# pattern, allowed-files regex, what
	bad=$(grep -l -E "#include *[<\"]($1)" src/*.c src/*.h | grep -v -E "$2")
	if [ -n "$bad" ]; then
		echo "$3 included outside its place: $bad"
		fail=1
	fi
}
check 'n?curses|ncursesw/curses|term)\.h' '^src/(tui|pane|screen)[^/]*\.[ch]$' curses
check 'csv\.h' '^src/table\.c$' libcsv
check 'pcre2\.h' '^src/regex\.c$' pcre2
check 'uni(str|width|gbrk|lbrk|norm|case|ctype|conv|name|stdio|types|wbrk)\.h' '^src/text\.c$' libunistring
check 'xxhash\.h' '^src/cache\.c$' xxhash
# The core library's sources must not include curses through a header.
core=$(sed -n '/^src_libatlas_a_SOURCES/,/^$/p' Makefile.am | grep -o 'src/[a-z0-9_-]*\.c')
for f in $core; do
	if grep -q -E '#include *"(tui|pane|screen|view)[^"]*\.h"' "$f"; then
		echo "core file $f includes a front-end header"
		fail=1
	fi
done
exit $fail
