#!/bin/sh
# Hostile inputs through every tool, at the quick scale of
# tests/hostile.sh (make hostile runs the full one): NUL bytes, invalid
# UTF-8, a 10 MB line, 10^4 empty and tiny articles, deep quotations, a
# stream of headers only, binary files, /dev/urandom for a second, the
# worst regular expressions; then /dev/zero and a line without end fed
# to every input of every tool, which must end with the message of its
# bound and exit 2 in bounded memory.  One test a run; the script's
# table is shown when one fails.
. "$(dirname "$0")/lib.sh"

HOSTILE_RESULTS=$T/results sh "$top/tests/hostile.sh" quick >"$T/table" 2>&1
if [ ! -s "$T/results" ]; then
	_fail "hostile inputs: the script ran" "$(cat "$T/table")"
	done_testing
	exit
fi
tab=$(printf '\t')
while IFS=$tab read -r verdict name why; do
	if [ "$verdict" = pass ]; then
		_pass "$name"
	else
		_fail "$name" "$why"
		shown=1
	fi
done <"$T/results"
# The last run, there when the script ran to its end.
if ! grep -q "	endless -m artstat	" "$T/results"; then
	_fail "hostile inputs: the script ran to its end"
	shown=1
fi
[ -z "${shown:-}" ] || sed 's/^/# /' "$T/table"
done_testing
