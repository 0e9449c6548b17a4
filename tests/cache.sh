#!/bin/sh
# cache.sh: "ttyatlas cache" and --cache as a user sees them: the first run
# writes the cache and says so, the next finds it up to date, answers
# through it are the answers from the CSV files, a changed file is noticed,
# and neither --no-cache nor secure mode writes anything.
: "${TTYATLAS:?}" "${SRCDIR:?}"
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT
fail=0
mkdir "$tmp/data" "$tmp/cache"
cp "$SRCDIR"/data/*.csv "$tmp/data/"
XDG_CACHE_HOME=$tmp/cache
export XDG_CACHE_HOME
unset TTYATLAS_CACHE TTYATLAS_SECURE
run() {	# what, expected status, command...
	what=$1 want=$2
	shift 2
	"$@" >"$tmp/out" 2>"$tmp/err"
	got=$?
	if [ "$got" != "$want" ]; then
		echo "$what: exit status $got, want $want"
		cat "$tmp/err"
		fail=1
	fi
}
expect() {	# what, file, expected text (a grep -x pattern)
	if ! grep -q -x -e "$3" "$2"; then
		echo "$1: want a line matching '$3', got:"
		cat "$2"
		fail=1
	fi
}

# Small data: no cache unless asked.
run "auto" 0 "$TTYATLAS" --data "$tmp/data" events 1992
[ -d "$tmp/cache/ttyatlas" ] && { echo "auto mode wrote a cache for small data"; fail=1; }
run "--no-cache" 0 "$TTYATLAS" --data "$tmp/data" --no-cache events 1992
[ -d "$tmp/cache/ttyatlas" ] && { echo "--no-cache wrote a cache"; fail=1; }

# Secure mode maps a cache but never writes one.
run "secure" 73 env TTYATLAS_SECURE=1 "$TTYATLAS" cache
expect "secure" "$tmp/err" "ttyatlas: cache: not saved: nothing is written in secure mode"
[ -d "$tmp/cache/ttyatlas" ] && { echo "secure mode wrote a cache"; fail=1; }

run "first" 0 "$TTYATLAS" --data "$tmp/data" cache
expect "first" "$tmp/out" "$tmp/cache/ttyatlas/[0-9a-f]*\.store: written, [0-9.]* MiB, 321 events (there is none yet)"
file=$(ls "$tmp/cache/ttyatlas/"*.store)
[ -f "$file" ] || { echo "no cache file"; fail=1; }
run "second" 0 "$TTYATLAS" --data "$tmp/data" cache
expect "second" "$tmp/out" "$file: up to date, [0-9.]* MiB, 321 events"

# The same answers from the cache as from the files, in every format,
# including a search that needs the folded texts.
for q in "1992-05..1993 place:shusha" "Susa" "/siege|capture/" "actor:armenia type:battle"; do
	for f in text json; do
		"$TTYATLAS" --data "$tmp/data" --no-cache --format $f events "$q" \
		    >"$tmp/want" 2>&1
		"$TTYATLAS" --data "$tmp/data" --cache --format $f events "$q" \
		    >"$tmp/got" 2>&1
		if ! cmp -s "$tmp/want" "$tmp/got"; then
			echo "events $q --format $f differs through the cache:"
			diff "$tmp/want" "$tmp/got" | head -5
			fail=1
		fi
	done
done
"$TTYATLAS" --data "$tmp/data" --no-cache show shusha >"$tmp/want" 2>&1
"$TTYATLAS" --data "$tmp/data" --cache show shusha >"$tmp/got" 2>&1
cmp -s "$tmp/want" "$tmp/got" || { echo "show shusha differs through the cache"; fail=1; }

# A changed file: the cache is rebuilt and says why.
printf '\n' >>"$tmp/data/eras.csv"
run "changed" 0 "$TTYATLAS" --data "$tmp/data" cache
expect "changed" "$tmp/out" "$file: written, [0-9.]* MiB, 321 events (eras.csv changed)"

# A cache that cannot be written is reported, and the answer still comes.
rm -rf "$tmp/cache"
: >"$tmp/cache"	# a file where the directory should be
run "unwritable" 0 "$TTYATLAS" --data "$tmp/data" --cache events 1992-05-08
expect "unwritable" "$tmp/err" "ttyatlas: the cache was not saved: $tmp/cache/ttyatlas: .*"
[ -s "$tmp/out" ] || { echo "unwritable: no answer"; fail=1; }
exit $fail
