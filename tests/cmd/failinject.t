#!/bin/sh
# Out of memory: each tool, on each test input, is run once to count its
# allocation calls (tests/failinject.so counts malloc, calloc and
# realloc, the C library's own calls too), then once for each N with call
# N failing, and once more with every call from N on failing.  Each run
# must either exit 2 with a message, having written only whole lines of
# what the normal run writes (no torn record), or, where the failure was
# harmless (stdio going unbuffered), do just what the normal run does.
# Never a signal.
#
# ARTKIT_FAILSITES=FILE appends the places in the tools that were made
# to fail ("TOOL SITE" lines) to FILE, for tests/failsites.
. "$(dirname "$0")/lib.sh"

shim=$top/tests/failinject.so
fx=$here/failinject

if [ -n "${ARTKIT_WRAP:-}" ]; then
	skip 'allocation failures' 'the runs would be the same as in make check'
	done_testing
	exit
fi
# A sanitizer or valgrind brings its own allocator, which the shim cannot
# stand in for.
rm -f "$T/probe"
ARTKIT_FAILLOG=$T/probe LD_PRELOAD=$shim "$top/cmd/artsplit" \
    </dev/null >/dev/null 2>&1
if [ ! -s "$T/probe" ]; then
	skip 'allocation failures' 'the tools allocate through an allocator of their own'
	done_testing
	exit
fi

# Whether out is empty or whole lines that begin ref.
wholeprefix() {
	_n=$(wc -c <"$1")
	[ "$_n" -eq 0 ] && return 0
	[ "$(tail -c 1 "$1" | od -An -c | tr -d ' ')" = '\n' ] &&
	    head -c "$_n" "$2" | cmp -s - "$1"
}

# Whether out is empty or ends with a newline.
wholelines() {
	[ ! -s "$1" ] ||
	    [ "$(tail -c 1 "$1" | od -An -c | tr -d ' ')" = '\n' ]
}

# judge TOOL STATUS: says what is wrong with the run just made, if
# anything.
judge() {
	if [ "$2" -eq "$refst" ] && cmp -s "$T/out" "$T/ref.out" &&
	    cmp -s "$T/err" "$T/ref.err"; then
		return
	elif [ "$2" -ge 128 ]; then
		echo "killed by signal $(($2 - 128))"
	elif [ "$2" -eq 2 ]; then
		grep -q 'Cannot allocate memory' "$T/err" ||
		    echo "exit 2 without saying memory ran out"
		grep -v "^$1: " "$T/err" | head -3 | sed 's/^/not a message: /'
		if [ -n "${agg:-}" ]; then
			wholelines "$T/out" ||
			    echo "stdout does not end with a whole line"
		else
			wholeprefix "$T/out" "$T/ref.out" ||
			    echo "stdout is not whole lines of the normal output"
		fi
	else
		echo "exit $2, and not the normal run's output"
	fi
}

# inject INPUT TOOL [ARG ...]: the runs of one case, from INPUT on the
# standard input.
inject() {
	_in=$1
	shift
	_tool=$1
	shift
	rm -f "$T/log"
	ARTKIT_FAILLOG=$T/log LD_PRELOAD=$shim "$top/cmd/$_tool" "$@" \
	    <"$_in" >"$T/ref.out" 2>"$T/ref.err"
	refst=$?
	_calls=$(wc -l <"$T/log")
	[ -n "${ARTKIT_FAILSITES:-}" ] &&
	    awk '{ print $1, $3, $4 }' "$T/log" >>"$ARTKIT_FAILSITES"
	_bad=
	for _mode in 0 1; do
		_n=1
		while [ "$_n" -le "$_calls" ]; do
			ARTKIT_FAILAT=$_n ARTKIT_FAILFROM=$_mode \
			    LD_PRELOAD=$shim "$top/cmd/$_tool" "$@" \
			    <"$_in" >"$T/out" 2>"$T/err"
			_why=$(judge "$_tool" $?)
			[ -n "$_why" ] && _bad="$_bad
call $_n$([ $_mode = 1 ] && echo ' on'): $_why"
			_n=$((_n + 1))
		done
	done
	_name="$_tool $* <$(basename "$_in"): each of $_calls allocations fails cleanly"
	if [ "$refst" -ge 128 ] || [ "$_calls" -eq 0 ]; then
		_fail "$_name" "the normal run: exit $refst, $_calls calls"
	elif [ -n "$_bad" ]; then
		_fail "$_name" "$(echo "$_bad" | head -20)"
	else
		_pass "$_name"
	fi
}

text="$top/seeds/000_323d18fcb59138b4.txt $fx/mixed.txt /dev/null"
records=$fx/records.tsv

for f in $text $records; do
	inject "$f" artsplit
done
inject "$fx/mixed.txt" artsplit -H
# The test inputs of artsplit and of the other formats.
for f in "$here"/artsplit/*.in "$here"/formats/*.sgm* \
    "$here"/formats/*.mbox "$here"/formats/*.txt; do
	[ -f "$f" ] && inject "$f" artsplit
done
inject "$records" artsplit -r
inject "$fx/mixed.txt" artsplit -t records
inject "$records" artsplit -t text -

# glibc's regular expressions do not survive an allocation that fails
# inside them: regcomp() frees twice in a bracket expression, regexec()
# writes past a buffer it could not grow.  Their calls are spared.
ARTKIT_FAILSPARE=regcomp,regexec
export ARTKIT_FAILSPARE
for f in $text $records; do
	inject "$f" artgrep -e Ukraine
done
inject "$fx/mixed.txt" artgrep -i -w -e 'ukraine|russia' -e 'k.iv'
inject "$records" artgrep -F -v -e Kharkiv
inject "$records" artgrep -o -C 20 -e 'P[a-z]+n'
agg=1
inject "$fx/mixed.txt" artgrep -c -x -k title,author -e '.*'
agg=
inject "$records" artgrep -l -d 2024-01-01..2025-12-31 -e a
unset ARTKIT_FAILSPARE

for f in $text $records; do
	inject "$f" artfields
done
inject "$fx/mixed.txt" artfields -H -f id,date,title,byline,origin,body,year,month,weekday,author,agency,lead,paragraphs,sentences,words,chars,bytes,quotes,readmin,flesch,simhash
inject "$fx/mixed.txt" artfields -e sentences
inject "$records" artfields -e quotes
inject "$fx/mixed.txt" artfields -e paragraphs

# artstat sums up all its input: on an error it may have written the
# tables of what it read.
agg=1
seed=$top/seeds/000_323d18fcb59138b4.txt
inject "$seed" artstat
inject /dev/null artstat
inject "$seed" artstat -g month -w -n 5
inject "$seed" artstat -p -b -N -d
"$top/cmd/artstat" -p -b -N -d "$seed" "$fx/mixed.txt" >"$T/partials" \
    2>/dev/null
"$top/cmd/artstat" -p -b -N -d "$fx/records.tsv" >>"$T/partials" 2>/dev/null
inject "$T/partials" artstat -m -N
agg=

done_testing
