#!/bin/sh
# Read and write errors, for every tool: an empty folder among the file
# operands (no error), a file that cannot be read (/proc/self/mem gives EIO), a read error
# in the middle of the input (tests/failinject.so fails the N-th read),
# a file that vanishes (unlinked while open, missing by the time it is
# opened), a writer that dies, a full disk (/dev/full), a closed
# standard output and standard input.  Each error is an exit 2 with a
# message that names the file; what was read before it still comes out,
# as whole lines.  A closed pipe is no error: with SIGPIPE ignored, a
# tool whose reader has gone ends quietly, with the status it had.
. "$(dirname "$0")/lib.sh"

fx=$here/failinject
shim=$top/tests/failinject.so
mkdir "$T/dir"

# Whether a file is empty or ends with a newline.
whole() {
	[ ! -s "$1" ] || [ "$(tail -c 1 "$1" | od -An -c | tr -d ' ')" = '\n' ]
}

# Whether the lines of the output have $cols tab-separated columns.
columns() {
	awk -F'\t' -v n="$cols" 'NF != n { bad = 1 } END { exit bad }' "$T/out"
}

# case_ TOOL COLUMNS INPUT ARG...: the cases for one tool, run with
# ARG... before its file operands and INPUT as the input; COLUMNS is the
# number of columns of each line it writes (0: not checked).
case_() {
	tool=$1 cols=$2 in=$3
	shift 3
	name="$tool${*:+ $*} <$(basename "$in")"

	run $tool "$@" "$in"
	cp "$T/out" "$T/ref"
	refst=$status
	check "$name: the normal run writes whole lines" whole "$T/ref"

	# A folder is read as its files: an empty one adds nothing.
	run $tool "$@" "$in" "$in"
	cp "$T/out" "$T/twice"
	twicest=$status
	run $tool "$@" "$in" "$T/dir" "$in"
	[ "$status" = "$twicest" ] && cmp -s "$T/out" "$T/twice"
	check "$name: an empty folder operand adds nothing" test $? = 0

	if [ -r /proc/self/mem ]; then
		run $tool "$@" /proc/self/mem
		[ "$status" = 2 ] && grep -q \
		    "^$tool: /proc/self/mem: Input/output error" "$T/err"
		check "$name: an unreadable file is an error" test $? = 0
	fi

	run $tool "$@" "$in" "$T/missing" "$in"
	[ "$status" = 2 ] && grep -q \
	    "^$tool: $T/missing: No such file or directory" "$T/err"
	check "$name: a file gone before it is opened is an error" test $? = 0

	# Unlinked once open, a file is still read whole (origin aside).
	cp "$in" "$T/gone"
	{ rm "$T/gone"; run $tool "$@"; } <"$T/gone"
	sed 's|-:\([0-9]\)|x:\1|' "$T/out" >"$T/out2"
	sed "s|$in:\([0-9]\)|x:\1|" "$T/ref" >"$T/ref2"
	[ "$status" = "$refst" ] && cmp -s "$T/out2" "$T/ref2"
	check "$name: a file unlinked while read is read whole" test $? = 0

	# A writer that dies in the middle of an article ends the input.
	head -c 3000 "$in" >"$T/cut"
	run $tool "$@" "$T/cut"
	sed "s|$T/cut:\([0-9]\)|-:\1|" "$T/out" >"$T/cutref"
	(sh -c 'head -c 3000 "$1"; kill -9 $$' sh "$in" |
	    $tool "$@" >"$T/out" 2>"$T/err") 2>/dev/null
	[ $? = "$status" ] && cmp -s "$T/out" "$T/cutref" && whole "$T/out"
	check "$name: a writer that dies ends the input" test $? = 0

	bad=
	n=1
	while [ $n -le 40 ]; do
		ARTKIT_READMAX=300 ARTKIT_READFAIL=$n LD_PRELOAD=$shim \
		    "$top/cmd/$tool" "$@" "$in" >"$T/out" 2>"$T/err"
		status=$?
		if [ "$status" = 2 ]; then
			grep -q "^$tool: $in: Input/output error" "$T/err" ||
			    bad="$bad call $n: no message;"
			whole "$T/out" || bad="$bad call $n: a torn line;"
			[ "$cols" = 0 ] || columns ||
			    bad="$bad call $n: a line without $cols columns;"
		elif [ "$status" != "$refst" ] || ! cmp -s "$T/out" "$T/ref"; then
			bad="$bad call $n: exit $status;"
		fi
		n=$((n + 1))
	done
	check "$name: a read error at each read is an error" test -z "$bad"
	[ -z "$bad" ] || echo "# $bad"

	$tool "$@" "$in" >/dev/full 2>"$T/err"
	status=$?
	[ "$status" = 2 ] &&
	    grep -qx "$tool: write error: No space left on device" "$T/err"
	check "$name: a full disk is an error" test $? = 0

	$tool "$@" "$in" >&- 2>"$T/err"
	status=$?
	[ "$status" = 2 ] && grep -q "^$tool: .*Bad file descriptor" "$T/err"
	check "$name: a closed standard output is an error" test $? = 0

	$tool "$@" <&- >"$T/out" 2>"$T/err"
	status=$?
	[ "$status" = 2 ] && grep -q "^$tool: -: Bad file descriptor" "$T/err"
	check "$name: a closed standard input is an error" test $? = 0
}

case_ artsplit 6 "$fx/mixed.txt"
case_ artsplit 0 "$fx/records.tsv" -r
case_ artgrep 6 "$fx/mixed.txt" -v -e zzzzzzzz
case_ artgrep 6 "$fx/records.tsv" -e a
case_ artfields 0 "$fx/mixed.txt" -f title,words
case_ artfields 0 "$fx/records.tsv" -e sentences
case_ artstat 0 "$fx/mixed.txt" -g month
case_ artstat 0 "$fx/records.tsv" -p
# The other readers, the partials of artstat, and output in context.
case_ artsplit 6 "$here/formats/trec-ap.sgml"
case_ artsplit 6 "$here/formats/mbox.mbox"
case_ artgrep 6 "$fx/mixed.txt" -o -C 10 -e Ukraine
case_ artfields 0 "$fx/mixed.txt" -e quotes
# A merge of partials prints nothing when one of them cannot be read
# (artstat(1)): a sum over some of them would be a wrong one.
"$top/cmd/artstat" -p -wbN "$fx/mixed.txt" >"$T/mixed.part" 2>/dev/null
nothing=1
case_ artstat 0 "$T/mixed.part" -m
nothing=

# A closed pipe, with SIGPIPE ignored (as a parent may leave it): the
# tool ends quietly, with the status it had so far.  The output is made
# larger than a pipe holds, so that a write meets the closed end.
awk 'BEGIN { for (i = 0; i < 40000; i++)
    printf "date 2025-01-%02d Title %d\n\nWord%d and w%dx, more words.\n\n",
    i % 28 + 1, i, i, i }' >"$T/big.txt"

# pipe_ TOOL ARG...: runs the tool into head -c 1 with SIGPIPE ignored,
# keeping its status and standard error for expect.
pipe_() {
	(
		trap '' PIPE
		{ "$@" 2>"$T/err"; echo $? >"$T/status"; } |
		    head -c 1 >/dev/null
	)
	status=$(cat "$T/status")
	: >"$T/out"
}

for c in artsplit artfields "artfields -e sentences" "artgrep Title" \
    "artstat -p -w" "artstat -w -n 100000"; do
	pipe_ $c "$T/big.txt"
	expect "$c: a closed pipe ends it quietly, exit 0" 0
done
printf '%s: %s: No such file or directory\n' artsplit "$T/missing" \
    >"$T/want"
pipe_ artsplit "$T/missing" "$T/big.txt"
expect "artsplit: a closed pipe after a missing file: its message, exit 2" \
    2 "" "$T/want"

# A file name with a newline, a tab or a backslash is escaped in a
# message as in the origin column, so that one message is one line: the
# warning of a reader, a file that cannot be opened, and the warning of
# a file found in a folder.
nl='
'
tab=$(printf '\t')
odd="$T/a${nl}b${tab}c\\d"
esc="$T/a\\nb\\tc\\\\d"
printf 'date 2025-01-01 T\0x\n\nbody\n' >"$odd"
mkdir "$odd.dir"
cp "$odd" "$odd.dir/f"
for c in artsplit artfields "artgrep -e body" artstat "artstat -c 1/1"; do
	t=${c%% *}
	{
		printf '%s: %s:1: NUL byte kept as \\0\n' "$t" "$esc"
		printf '%s: %s.missing: No such file or directory\n' "$t" "$esc"
		printf '%s: %s.dir/f:1: NUL byte kept as \\0\n' "$t" "$esc"
	} >"$T/want"
	run $c "$odd" "$odd.missing" "$odd.dir"
	: >"$T/out"	# the messages are what is tested here
	expect "$c: an odd file name is escaped in each message" 2 "" \
	    "$T/want"
done
printf 'artgrep: %s.missing: No such file or directory\n' "$esc" >"$T/want"
run artgrep -f "$odd.missing" "$odd"
expect "artgrep -f: an odd file name is escaped in the message" 2 "" \
    "$T/want"

done_testing
