#!/bin/sh
# manpage.sh: the manual page documents every command and every long
# option that "ttyatlas --help" lists and every key of the help screen,
# so it cannot fall behind.
: "${TTYATLAS:?}" "${SRCDIR:?}"
man=$SRCDIR/doc/ttyatlas.1.in
help=$("$TTYATLAS" --help) || exit 1
fail=0
for cmd in $(printf '%s\n' "$help" | sed -n '/^Commands:/,/^$/p' |
    awk 'NR > 1 && NF { print $1 }'); do
	if ! grep -q -E "^\.(B|BI|BR|IB) .*\<$cmd\>" "$man"; then
		echo "command '$cmd' is not described in the manual page"
		fail=1
	fi
done
for opt in $(printf '%s\n' "$help" | grep -o -E -- '--[a-z-]+' | sort -u); do
	# The manual writes each hyphen as \-.
	if ! grep -q -F -- "$(printf '%s' "$opt" | sed 's/-/\\-/g')" "$man"; then
		echo "option '$opt' is not in the manual page"
		fail=1
	fi
done
# Every key on the help screen (src/pane-help.c) is in the KEYS section.
# The lines are marked for translation: N_("KEY   what it does").
# (The About section at the end holds no keys.)
for key in $(sed -n '/N_("#About")/q; s/^\t\(N_(\)\{0,1\}"\([^#"][^ ]*\) .*/\2/p' \
    "$SRCDIR/src/pane-help.c"); do
	case $key in
	LETTER|\(*) continue ;;
	esac
	k=$(printf '%s' "$key" | sed 's/-/\\-/g')
	if ! sed -n '/^\.SH KEYS/,/^\.SH FILES/p' "$man" | grep -q -F -- "$k"; then
		echo "key '$key' of the help screen is not in the manual page"
		fail=1
	fi
done
exit $fail
