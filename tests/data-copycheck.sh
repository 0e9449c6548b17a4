#!/bin/sh
# data-copycheck.sh: no text in data/ copies a run of words (or of Chinese
# characters) from the source documents (tools/data/copycheck.py). Needs
# python3, opencc and the documents, which sit in shared/seeds beside the
# repository; without them it reports SKIP.
: "${SRCDIR:?}"
seeds=$SRCDIR/../shared/seeds
command -v python3 >/dev/null || { echo "SKIP: no python3"; exit 77; }
command -v opencc >/dev/null || { echo "SKIP: no opencc"; exit 77; }
[ -d "$seeds" ] || { echo "SKIP: no $seeds"; exit 77; }
exec python3 "$SRCDIR/tools/data/copycheck.py" --seeds "$seeds" \
    --data "$SRCDIR/data"
