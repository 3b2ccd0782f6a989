#!/bin/sh
# Hostile inputs through every tool, at the quick scale of
# tests/hostile.sh (make hostile runs the full one): NUL bytes, invalid
# UTF-8, a 10 MB line, 10^4 empty and tiny articles, deep quotations, a
# stream of headers only, binary files, /dev/urandom for a second.  The
# script's table is shown on failure.
. "$(dirname "$0")/lib.sh"

if sh "$top/tests/hostile.sh" quick >"$T/table" 2>&1; then
	_pass "hostile inputs: every tool passes each"
else
	_fail "hostile inputs: every tool passes each" "$(cat "$T/table")"
fi
done_testing
