#!/bin/sh
# alloc-fail.sh: fails the Nth allocation, for every N, over a full load of
# the atlas fixture and a query with results; each run must either give
# the same output as a run with no failure (a library absorbed it) or end
# with a message on stderr and a non-zero status, never a crash.
# Skipped (77) in sanitizer builds (shim.sh).
. "$(dirname "$0")/shim.sh"
run() {
	"$TTYATLAS" --data "$FIXTURES/atlas" events place:Shusha /capture/
}
run >"$tmp/want" 2>/dev/null || { echo "the run without failures failed"; exit 1; }
total=$(FAILMALLOC_COUNT=1 LD_PRELOAD=$shim run 2>&1 >/dev/null |
    sed -n 's/^failmalloc: \([0-9]*\) allocations$/\1/p')
[ -n "$total" ] && [ "$total" -gt 100 ] || { echo "no count ($total)"; exit 1; }
fail=0 same=0 errors=0 n=1
while [ "$n" -le "$total" ]; do
	FAILMALLOC_AT=$n LD_PRELOAD=$shim run >"$tmp/got" 2>"$tmp/err"
	st=$?
	if [ "$st" -ge 128 ]; then
		echo "N=$n: killed by signal $((st - 128))"
		fail=1
	elif [ "$st" -eq 0 ]; then
		if cmp -s "$tmp/want" "$tmp/got"; then
			same=$((same + 1))
		else
			echo "N=$n: exit 0 with different output"
			fail=1
		fi
	elif [ ! -s "$tmp/err" ]; then
		echo "N=$n: exit $st without a message"
		fail=1
	else
		errors=$((errors + 1))
	fi
	n=$((n + 1))
done
echo "$total allocations: $errors runs ended with an error, $same absorbed"
exit $fail
