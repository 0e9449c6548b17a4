#!/bin/sh
# screen.sh: the interactive atlas over a slow link (issue 6): how long the
# built ttyatlas takes from its start to its first complete screen on the
# bundled data, and how many bytes it writes to the terminal for a move of
# one row (j) and of a page (PgDn), against less paging the same events.
# Each run is a real ttyatlas in a pseudo-terminal driven by
# tests/screen/vtdrive (libvterm): "first screen" is the time from the
# fork to the screen's last row (the status line, which ncurses writes
# last) being on the emulated screen, the load of the data and the maps
# and the first drawing included. $RUNS (default 21) starts at each size.
# Bytes are counted from the key to the screen it leads to (40 moves from
# the first event, 10 pages from 10 places); less gets the same text
# ("ttyatlas events", one line an event, -S) at the same size. Prints
# tables. Run from the build directory (make bench does); no fixed sleeps:
# every wait is for a screen text.
set -eu
: "${RUNS:=21}"
: "${TTYATLAS:=$(pwd)/src/ttyatlas}"
: "${VTDRIVE:=$(pwd)/tests/screen/vtdrive}"
data=$(cd "${SRCDIR:-..}/data" && pwd)
export TTYATLAS LC_ALL=C.UTF-8

[ -x "$VTDRIVE" ] || make tests/screen/vtdrive >&2
dir=$(mktemp -d "${TMPDIR:-/tmp}/ttyatlas-screen.XXXXXX")
trap 'rm -rf "$dir"' EXIT INT TERM
env="env HOME=$dir
env XDG_CONFIG_HOME=$dir/config"

"$TTYATLAS" --data "$data" --lang en events >"$dir/events.txt"
nev=$(wc -l <"$dir/events.txt")

# Median, 90th percentile and largest of the numbers on stdin.
stats() {
	sort -n | awk '{ v[NR] = $1; s += $1 }
	    END { printf "%s %s %s %.0f\n", v[int((NR + 1) / 2)],
		v[int(NR * 0.9 + 0.999)], v[NR], s / NR }'
}

sizes="80x24 120x40 200x60"
echo "## First screen and bytes a key writes (bundled data: $nev" \
    "events), $(nproc) cores"
echo
echo "| size | first screen: median | 90th percentile | slowest |" \
    "its bytes |"
echo "|---|---:|---:|---:|---:|"
for size in $sizes; do
	{
		echo "size $size"
		echo "$env"
		i=0
		while [ "$i" -lt "$RUNS" ]; do
			i=$((i + 1))
			echo "mark"
			echo "run --data $data --lang en"
			echo "wait ? help  q quit"
			echo "lap first"
			echo "bytes first"
			echo "key q"
			echo "exit 0"
		done
	} >"$dir/first.vt"
	"$VTDRIVE" "$dir/first.vt" >"$dir/first.out"
	set -- $(awk '$1 == "lap" { print $3 }' "$dir/first.out" | stats)
	b=$(awk '$1 == "bytes" { print $3 }' "$dir/first.out" | stats)
	printf '| %s | %.1f ms | %.1f ms | %.1f ms | %s B |\n' "$size" \
	    "$1" "$2" "$3" "${b%% *}"
done
echo

# The moves: after the first screen, j 40 times (the status line's
# counter says where each has led), then 10 pages.
{
	echo "$env"
	echo "run --data $data --lang en"
	echo "wait ? help  q quit"
	k=1
	while [ "$k" -le 40 ]; do
		k=$((k + 1))
		echo "mark"
		echo "key j"
		echo "wait  $k/$nev "
		echo "bytes j"
	done
	# Ten pages from ten places: go to the first event, then down to
	# event 30p + 1 (keys sent at once), then PgDn.
	p=0
	while [ "$p" -lt 10 ]; do
		p=$((p + 1)) k=$((30 * p + 1))
		echo "key g"
		echo "wait  1/$nev "
		echo "key $(seq 2 "$k" | sed 's/.*/j/' | tr '\n' ' ')"
		echo "wait  $k/$nev "
		echo "mark"
		echo "key PgDn"
		echo "gone  $k/$nev "
		echo "bytes page"
	done
	echo "key q"
	echo "exit 0"
} >"$dir/moves.vt"
# less on the same lines, from the top: j 40 times, then Space up to 10
# times (while the page it brings stays within the file); each waits for
# the line the key brings in.
less_vt() {
	cols=${1%x*} rows=${1#*x}
	echo "size $1"
	echo "env LESS="
	echo "env LESSHISTFILE=-"
	echo "run -S $dir/events.txt"
	echo "wait $(sed -n "$((rows - 1))p" "$dir/events.txt" |
	    cut -c1-$((cols - 1)) | sed 's/ *$//')"
	n=$((rows - 1))
	k=0
	while [ "$k" -lt 40 ]; do
		k=$((k + 1)) n=$((n + 1))
		echo "mark"
		echo "key j"
		echo "wait $(sed -n "${n}p" "$dir/events.txt" |
		    cut -c1-$((cols - 1)) | sed 's/ *$//')"
		echo "bytes j"
	done
	p=0
	while [ "$p" -lt 10 ] && [ $((n + rows - 1)) -le "$nev" ]; do
		p=$((p + 1)) n=$((n + rows - 1))
		echo "mark"
		echo "key Space"
		echo "wait $(sed -n "${n}p" "$dir/events.txt" |
		    cut -c1-$((cols - 1)) | sed 's/ *$//')"
		echo "bytes page"
	done
	echo "key q"
	echo "exit 0"
}
echo "| size | j: median | 90th percentile | largest | PgDn: median |" \
    "largest | less j: median | less page: median |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|"
for size in $sizes; do
	{ echo "size $size"; cat "$dir/moves.vt"; } >"$dir/m.vt"
	"$VTDRIVE" "$dir/m.vt" >"$dir/m.out"
	set -- $(awk '$2 == "j" { print $3 }' "$dir/m.out" | stats)
	j="$1 B | $2 B | $3 B"
	set -- $(awk '$2 == "page" { print $3 }' "$dir/m.out" | stats)
	pg="$1 B | $3 B"
	lj=- lp=-
	if command -v less >/dev/null; then
		less_vt "$size" >"$dir/l.vt"
		TTYATLAS=$(command -v less) "$VTDRIVE" "$dir/l.vt" >"$dir/l.out"
		lj="$(awk '$2 == "j" { print $3 }' "$dir/l.out" | stats |
		    cut -d' ' -f1) B"
		lp="$(awk '$2 == "page" { print $3 }' "$dir/l.out" | stats |
		    cut -d' ' -f1) B"
	fi
	echo "| $size | $j | $pg | $lj | $lp |"
done
