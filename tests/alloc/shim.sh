# shim.sh: sourced by the allocation-failure tests. Sets $shim to the
# failmalloc library, or skips the test (77) where it cannot work: not
# built, or a sanitizer build (ASan must come first among preloaded
# libraries). Makes $tmp, removed on exit.
: "${TTYATLAS:?}" "${FIXTURES:?}"
shim=$(dirname "$TTYATLAS")/../tests/alloc/failmalloc.so
[ -f "$shim" ] || { echo "SKIP: $shim not built"; exit 77; }
# (clang links ASan into the program: look for its symbols too.)
if ldd "$TTYATLAS" | grep -q 'libasan' || grep -q __asan_init "$TTYATLAS"; then
	echo "SKIP: sanitizer build"
	exit 77
fi
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT
