#!/bin/sh
# sessions.sh: $SESSIONS (default 50) simultaneous interactive sessions of
# the built ttyatlas on the bundled data, each in its own pseudo-terminal
# driven by tests/screen/vtdrive. All start, wait for their first screen,
# then (at one barrier) all scroll (j, PgDn) and search (/Shusha, n) at
# once; each step's response is the time from the key to the screen text
# it leads to. While all are alive, the PSS of the ttyatlas processes
# (/proc/PID/smaps_rollup) is summed. Prints a table. Run from the build
# directory (make bench does); no fixed sleeps: every wait is for a
# screen text or for the drivers to report.
#
# With DATA=DIR the sessions open that data directory instead (a big one,
# through its cache: XDG_CACHE_HOME is passed on, so build the cache first
# with "ttyatlas cache"); they then only start and move one row (the
# positions that a page and the searches lead to are the bundled data's).
set -eu
: "${SESSIONS:=50}"
: "${TTYATLAS:=$(pwd)/src/ttyatlas}"
: "${VTDRIVE:=$(pwd)/tests/screen/vtdrive}"
data=$(cd "${DATA:-${SRCDIR:-..}/data}" && pwd)
cachehome=${XDG_CACHE_HOME:-$HOME/.cache}
export TTYATLAS

[ -x "$VTDRIVE" ] || make tests/screen/vtdrive >&2
dir=$(mktemp -d "${TMPDIR:-/tmp}/ttyatlas-sessions.XXXXXX")
pids=
cleanup() {
	for p in $pids; do kill "$p" 2>/dev/null || :; done
	rm -rf "$dir"
}
trap cleanup EXIT INT TERM

if [ -n "${DATA:-}" ]; then
	what="$data, events.csv $(du -m "$data/events.csv" | cut -f1) MB"
else
	what="bundled data: $(($(grep -c '^[0-9-]' "$data/events.csv" || :))) events"
fi
# The status line's position counter says where each key has led (on the
# bundled data: 1, then 2, 12, the first match of Shusha after it at 28,
# the next at 41; the prompt hides the counter while the pattern is typed).
cat >"$dir/session.vt" <<EOF
size 80x24
env HOME=$dir
env XDG_CONFIG_HOME=$dir/config
env XDG_CACHE_HOME=$cachehome
run --data $data --lang en
wait  1/
lap start
pid
wait-file $dir/go
key j
wait  2/
lap j
EOF
steps="start j"
if [ -z "${DATA:-}" ]; then
	steps="$steps PgDn search n"
	cat >>"$dir/session.vt" <<EOF
key PgDn
wait  12/
lap PgDn
key /
type Shusha
key Enter
wait  28/
lap search
key n
wait  41/
lap n
EOF
fi
cat >>"$dir/session.vt" <<EOF
pid
wait-file $dir/quit
key q
exit 0
EOF

i=0
while [ "$i" -lt "$SESSIONS" ]; do
	i=$((i + 1))
	VTDRIVE_TIMEOUT=120 "$VTDRIVE" "$dir/session.vt" \
	    >"$dir/out.$i" 2>"$dir/err.$i" &
	pids="$pids $!"
done

# Waits until every driver has printed its Nth "pid" line; fails if one
# of them ended early.
barrier() {
	while [ "$(cat "$dir"/out.* | grep -c '^pid ')" -lt \
	    $((SESSIONS * $1)) ]; do
		for p in $pids; do
			if ! kill -0 "$p" 2>/dev/null; then
				cat "$dir"/err.* >&2
				echo "sessions.sh: a session ended early" >&2
				exit 1
			fi
		done
		sleep 0.05	# polling the drivers' reports
	done
}

barrier 1
: >"$dir/go"
barrier 2
# All sessions alive, each after its search: sum their memory.
apids=$(cat "$dir"/out.* | sed -n 's/^pid //p' | sort -u)
pss=0 rss=0 n=0
for p in $apids; do
	kb=$(awk '/^Pss:/ { print $2 }' "/proc/$p/smaps_rollup")
	r=$(awk '/^Rss:/ { print $2 }' "/proc/$p/smaps_rollup")
	pss=$((pss + kb))
	rss=$((rss + r))
	n=$((n + 1))
done
: >"$dir/quit"
fail=0
for p in $pids; do wait "$p" || fail=1; done
pids=
if [ "$fail" -ne 0 ] || [ "$n" -ne "$SESSIONS" ]; then
	cat "$dir"/err.* >&2
	echo "sessions.sh: a session failed" >&2
	exit 1
fi

echo "## $SESSIONS simultaneous sessions (80x24, $what), $(nproc) cores"
echo
echo "| step | median | 90th percentile | slowest |"
echo "|---|---:|---:|---:|"
for step in $steps; do
	cat "$dir"/out.* | awk -v s="$step" '$1 == "lap" && $2 == s { print $3 }' |
	    sort -n | awk -v s="$step" '
	    { v[NR] = $1 }
	    END {
		m = v[int((NR + 1) / 2)]; p = v[int(NR * 0.9 + 0.999)]
		printf "| `%s` | %.1f ms | %.1f ms | %.1f ms |\n", s, m, p, v[NR]
	    }'
done
echo
echo "memory of the $n ttyatlas processes, all alive after their last step:"
echo "  PSS total $((pss / 1024)) MiB ($((pss / n)) KiB a session);" \
    "RSS total $((rss / 1024)) MiB"
