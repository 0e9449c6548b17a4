#!/bin/sh
# data-check.sh: the shipped atlas passes "ttyatlas check" with no problems.
: "${TTYATLAS:?}" "${SRCDIR:?}"
exec "$TTYATLAS" check --data "$SRCDIR/data"
