#!/bin/sh
# alloc-cache.sh: nothing lost when writing the cache fails. A good cache
# exists, the data changes, and "ttyatlas cache" rebuilds it with the Nth
# allocation failing, for every N: each run either writes a whole new
# cache or ends with a message and a non-zero status, and then the old
# cache file is still there, byte for byte.
# Skipped (77) in sanitizer builds (shim.sh).
. "$(dirname "$0")/shim.sh"
mkdir "$tmp/data" "$tmp/home"
cp "$FIXTURES"/atlas/*.csv "$tmp/data/"
XDG_CACHE_HOME=$tmp/home
export XDG_CACHE_HOME
run() {
	"$TTYATLAS" --data "$tmp/data" cache
}
run >/dev/null 2>&1 || { echo "writing the first cache failed"; exit 1; }
cache=$(ls "$tmp/home/ttyatlas/"*.store)
cp "$cache" "$tmp/old"
printf '\n' >>"$tmp/data/eras.csv"	# the cache is now stale
total=$(FAILMALLOC_COUNT=1 LD_PRELOAD=$shim run 2>&1 >/dev/null |
    sed -n 's/^failmalloc: \([0-9]*\) allocations$/\1/p')
[ -n "$total" ] && [ "$total" -gt 100 ] || { echo "no count ($total)"; exit 1; }
fail=0 written=0 errors=0 n=1
while [ "$n" -le "$total" ]; do
	cp "$tmp/old" "$cache"
	FAILMALLOC_AT=$n LD_PRELOAD=$shim run >"$tmp/out" 2>"$tmp/err"
	st=$?
	if [ "$st" -ge 128 ]; then
		echo "N=$n: killed by signal $((st - 128))"
		fail=1
	elif [ "$st" -eq 0 ]; then
		# Written whole: the next run finds it up to date.
		if ! run 2>&1 | grep -q ': up to date,'; then
			echo "N=$n: exit 0 but the cache is not good"
			fail=1
		fi
		written=$((written + 1))
	elif [ ! -s "$tmp/err" ]; then
		echo "N=$n: exit $st without a message"
		fail=1
	elif ! cmp -s "$tmp/old" "$cache"; then
		echo "N=$n: the failed write damaged the old cache"
		fail=1
	else
		errors=$((errors + 1))
	fi
	rm -f "$cache".??????	# a killed writer's temporary file
	n=$((n + 1))
done
echo "$total allocations: $errors runs ended with an error and left the" \
    "old cache whole, $written wrote a new one"
exit $fail
