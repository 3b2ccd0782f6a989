#!/bin/sh
# Out of memory: each tool, on each test input, is run once to count its
# allocation calls (tests/failinject.so counts malloc, calloc and
# realloc, the C library's own calls too), then once for each N with call
# N failing, and once more with every call from N on failing.  The cases
# are chosen so that every place where the tool tests allocate is among
# the calls (tests/failsites shows it).
#
# Which N: with ARTKIT_FAILALL=1 (make check-failsites), every N.  In
# make check, for each place of the tool that allocates (the two calls
# on the stack that lie in the tool, as the shim logs them), its first
# two calls and its last: a place called a thousand times (the built-in
# stop words of artstat, a buffer that grows line after line) fails the
# same way each time, and the whole sweep would take minutes.  Each run
# must either exit 2 with a message, having written only whole lines of
# what the normal run writes (no torn record), or, where the failure was
# harmless (stdio going unbuffered), do just what the normal run does.
# Never a signal.
#
# ARTKIT_FAILSITES=FILE appends the places in the tools that were made
# to fail ("TOOL SITE" lines, "TOOL SITE spared" for those spared) to
# FILE, for tests/failsites.
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

# Whether out is empty or whole lines of ref, in the order of ref (some
# may be left out: a file that could not be opened is skipped and the
# next one read); the last may be a line of ref's columns that ref does
# not have: the article that was being read when reading failed (the
# line buffer could not grow), written as far as it was read, as after
# a read error (ioerr.t).
wholeprefix() {
	[ ! -s "$1" ] && return 0
	[ -s "$2" ] && wholelines "$1" && awk -F'\t' '
	NR == FNR { ref[NR] = $0; inref[$0] = 1; n = NR; if (NR == 1) cols = NF
	    next }
	FNR > 1 && !found { bad = 1; exit }
	{ found = 0; while (i < n) if (ref[++i] == $0) { found = 1; break }
	  if (!found) { bad = inref[$0] || NF != cols } }
	END { exit bad }
	' "$2" "$1"
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
			wholelines "$T/out" ||
			    echo "stdout does not end with a whole line"
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
	if [ "${ARTKIT_FAILALL:-0}" = 1 ]; then
		awk '{ print $2 }' "$T/log" >"$T/ns"
	else
		awk '{ k = $3; if (++c[k] <= 2) print $2; last[k] = $2 }
		    END { for (k in last) print last[k] }' "$T/log" |
		    sort -nu >"$T/ns"
	fi
	[ -n "${ARTKIT_FAILSITES:-}" ] &&
	    awk 'NR == FNR { n[$1] = 1; next } $2 in n { print $1, $3, $4 }' \
	    "$T/ns" "$T/log" >>"$ARTKIT_FAILSITES"
	_bad=
	for _mode in 0 1; do
		for _n in $(cat "$T/ns"); do
			ARTKIT_FAILAT=$_n ARTKIT_FAILFROM=$_mode \
			    LD_PRELOAD=$shim "$top/cmd/$_tool" "$@" \
			    <"$_in" >"$T/out" 2>"$T/err"
			_why=$(judge "$_tool" $?)
			[ -n "$_why" ] && _bad="$_bad
call $_n$([ $_mode = 1 ] && echo ' on'): $_why"
		done
	done
	_name="$_tool $(echo "$*" | sed "s|$T/||g; s|$top/||g") <$(basename "$_in"): $(wc -l <"$T/ns") of $_calls allocations fail cleanly"
	if [ "$refst" -ge 128 ] || [ "$_calls" -eq 0 ]; then
		_fail "$_name" "the normal run: exit $refst, $_calls calls"
	elif [ -n "$_bad" ]; then
		_fail "$_name" "$(echo "$_bad" | head -20)"
	else
		_pass "$_name"
	fi
}

# The inputs: the test inputs of tests/cmd, and small ones that reach
# the places the larger inputs of the tool tests reach: a line longer
# than a read block (lines.c), NULs and binary bytes (escapes that grow
# a record), invalid UTF-8, an article cut short, an output longer than
# the output block (out.c), articles by the hundred (tables that grow),
# near duplicates.
seed=$top/seeds/000_323d18fcb59138b4.txt
text="$seed $fx/mixed.txt /dev/null"
records=$fx/records.tsv
{
	printf 'date 2025-01-01 Long\n\n'
	head -c 300000 /dev/zero | tr '\0' x
	printf '\n\ndate 2025-01-02 After\n\nafter\n'
} >"$T/long.txt"
{
	printf 'date 2025-01-01 A\0title\n\nbody\0with\0NULs\\ and\ttabs\n\n'
	head -c 100000 /dev/zero
	printf '\ndate 2025-01-02 After\n\nafter\n'
} >"$T/nul.txt"
cat /bin/sh "$top/cmd/artsplit" /usr/bin/awk >"$T/binary"
printf 'date 2025-01-01 Bad \377 bytes\n\nab\377cd \303 ef. G\303\251rard \355\240\200 said \370\210\200\200\200.\n' >"$T/utf8.txt"
head -c 3000 "$fx/mixed.txt" >"$T/cut"
awk 'BEGIN { for (i = 0; i < 1000; i++)
    printf "date 2025-01-01 t%d\n\nb\n", i }' >"$T/tiny.txt"
"$top/bench/gen" -n 120 -s 5 >"$T/gen.txt"
"$top/bench/gen" -n 40 -s 9 -b 0.3 >"$T/bad.txt"
printf 'putin\n  Russia \n# not a word\n\n' >"$T/stop"
printf 'Путин\nÉlysée\nKharkiv\nP[a-z]+n\nkyiv\n' >"$T/pats"
: >"$T/none"
hostile="$T/long.txt $T/nul.txt $T/binary $T/utf8.txt $T/cut $T/tiny.txt"
# Articles whose lengths make a buffer grow at a given call: the record
# at its newline, the body within its escapes, the body at a paragraph
# break and between two lines of a paragraph, a record turned back to
# text at a paragraph; a byline alone.
xs() { head -c "$1" /dev/zero | tr '\0' "${2:-x}"; }
printf 'date 2025-01-01 T\n\n%s\n' "$(xs 220)" >"$T/grow1.txt"
printf 'date 2025-01-01 T\n\n%s%s\n' "$(xs 217)" "$(xs 20 '\\')" \
    >"$T/grow2.txt"
printf 'date 2025-01-01 T\n\n%s\n\ny\n' "$(xs 254)" >"$T/grow3.txt"
printf 'date 2025-01-01 T\n\n%s\ny\n' "$(xs 255)" >"$T/grow5.txt"
printf 'date 2025-01-01 TTT\n\n%s\n\n%s\n' "$(xs 233)" "$(xs 233)" |
    "$top/cmd/artsplit" >"$T/grow4.rec"
printf 'date 2025-01-01 T\n\nBy John Smith\n' >"$T/byline.txt"
grow="$T/grow1.txt $T/grow2.txt $T/grow3.txt $T/grow5.txt $T/byline.txt"

for f in $text $records $hostile; do
	inject "$f" artsplit
done
for f in $grow; do
	inject "$f" artsplit
done
inject "$T/grow4.rec" artsplit -r
inject "$fx/mixed.txt" artsplit -H
# The test inputs of artsplit and of the other formats.
for f in "$here"/artsplit/*.in "$here"/formats/*.sgm* \
    "$here"/formats/*.mbox "$here"/formats/*.txt; do
	[ -f "$f" ] && inject "$f" artsplit
done
inject "$records" artsplit -r
inject "$fx/mixed.txt" artsplit -t records
inject "$records" artsplit -t text -
# Files as operands, and a record stream back to text.
inject /dev/null artsplit "$fx/mixed.txt" "$here/formats/trec-odd.sgml"
inject /dev/null artsplit "$T/gen.txt"
# What every tool does alike: a folder as an operand, its files and
# folders sorted; output line by line; the help and the version; the
# options in POSIX's order.
mkdir -p "$T/folder/b" "$T/folder/a"
cp "$seed" "$T/folder/a/seed.txt"
cp "$fx/mixed.txt" "$T/folder/b/mixed.txt"
cp "$records" "$T/folder/records.tsv"
for t in artsplit artfields "artgrep -F -e a" artstat; do
	# artstat writes its tables at the end: whole lines, not a prefix.
	[ "$t" = artstat ] && agg=1
	inject /dev/null $t "$T/folder"
	inject /dev/null $t --line-buffered "$T/folder/b"
	inject /dev/null $t --help
	inject /dev/null $t --version
	inject /dev/null $t -t html
	agg=
done
export POSIXLY_CORRECT=1
inject /dev/null artgrep -F -e a "$T/folder/a"
unset POSIXLY_CORRECT
"$top/cmd/artsplit" "$T/nul.txt" "$T/gen.txt" >"$T/gen.rec" 2>/dev/null
inject "$T/gen.rec" artsplit -r
"$top/cmd/artsplit" "$T/tiny.txt" >"$T/tiny.rec"
inject "$T/tiny.rec" artsplit -r
(cd "$top" && cmd/artsplit tests/cmd/artsplit/stream.in) >"$T/stream.rec" \
    2>/dev/null
inject "$T/stream.rec" artsplit -r

# The name of a file is in each of its records (origin): with a name
# of this length, the records of tiny.txt make the output buffer grow
# at a tab between two columns.
cwd=$(pwd)
cd "$T" && cp tiny.txt tiny1000articles
inject /dev/null artsplit tiny1000articles
export ARTKIT_FAILSPARE=regcomp,regexec
inject /dev/null artgrep -v -e zzzzzzzzzz tiny1000articles
unset ARTKIT_FAILSPARE
cd "$cwd" || exit 1

# glibc's regular expressions do not survive an allocation that fails
# inside them: regcomp() frees twice in a bracket expression, regexec()
# writes past a buffer it could not grow.  Their calls are spared.
ARTKIT_FAILSPARE=regcomp,regexec
export ARTKIT_FAILSPARE
for f in $text $records; do
	inject "$f" artgrep -e Ukraine
done
for f in $hostile $grow; do
	inject "$f" artgrep -v -e zzzzzzzzzz
done
inject "$fx/mixed.txt" artgrep -i -w -e 'ukraine|russia' -e 'k.iv'
inject "$records" artgrep -F -v -e Kharkiv
inject "$records" artgrep -o -C 20 -e 'P[a-z]+n'
# Bounded counts, which artgrep writes out before regcomp() sees them;
# the last has no string to look for first.
inject "$records" artgrep -c -e 'Ukr.{1,80}' -e '[A-Z][a-z]{2,12} said' \
    -e '[0-9]{2,4}[.,][0-9]'
agg=1
inject "$fx/mixed.txt" artgrep -c -x -k title,author -e '.*'
agg=
inject "$records" artgrep -l -d 2024-01-01..2025-12-31 -e a
# A pattern as operand, patterns from a file, tests, context of -F.
inject /dev/null artgrep -f "$T/pats" "$fx/mixed.txt" "$records"
inject /dev/null artgrep -i -f "$T/pats" -f "$T/none" "$seed"
inject /dev/null artgrep -i putin "$seed" "$fx/mixed.txt"
inject /dev/null artgrep -n 'words>300' -e Putin "$seed" "$fx/mixed.txt"
inject /dev/null artgrep -o -H -C 10 -F -e "$(printf 'tab\tis')" \
    -e 'president\ at' "$here/artgrep/news.txt"
inject /dev/null artgrep -v -e zzzzzzzzzz "$T/gen.txt"
agg=1
inject /dev/null artgrep -c -i -w -E 'china|india' "$T/gen.txt" "$seed"
agg=
unset ARTKIT_FAILSPARE

for f in $text $records $hostile $grow; do
	inject "$f" artfields
done
inject "$fx/mixed.txt" artfields -H -f id,date,title,byline,origin,body,year,month,weekday,author,agency,lead,paragraphs,sentences,words,chars,bytes,quotes,readmin,flesch,simhash
inject "$fx/mixed.txt" artfields -e sentences
inject "$records" artfields -e quotes
inject "$fx/mixed.txt" artfields -e paragraphs
inject /dev/null artfields -H -e quotes "$seed" "$fx/mixed.txt"
inject /dev/null artfields -e paragraphs "$T/gen.txt"
# More than a block of output a line at a time: stdio's buffer, from put().
inject /dev/null artfields -f id,body "$T/gen.txt"
inject /dev/null artfields -f id,simhash,words,agency "$T/bad.txt"

# artstat sums up all its input: on an error it may have written the
# tables of what it read.  Most of its cases read the stop words from a
# file, as the built-in list does not.
agg=1
inject "$seed" artstat
inject /dev/null artstat
for f in $hostile $grow; do
	inject "$f" artstat -S "$T/stop"
done
inject "$seed" artstat -g month -w -n 5
inject "$fx/mixed.txt" artstat -g month
inject "$seed" artstat -p -b -N -d
"$top/cmd/artstat" -p -b -N -d "$seed" "$fx/mixed.txt" >"$T/partials" \
    2>/dev/null
"$top/cmd/artstat" -p -b -N -d "$fx/records.tsv" >>"$T/partials" 2>/dev/null
inject "$T/partials" artstat -m -N
inject "$T/cut" artstat -S "$T/stop" -g month
inject /dev/null artstat -w -n 0 -S "$T/stop" "$seed" "$fx/mixed.txt"
inject /dev/null artstat -p -S "$T/stop" "$records" "$fx/mixed.txt"
inject /dev/null artstat -p -wbNd -S "$T/stop" "$T/gen.txt"
"$top/cmd/artstat" -p -wbN -S "$T/stop" "$seed" >"$T/seed.part"
"$top/cmd/artstat" -p -g date -S "$T/stop" "$T/gen.txt" >"$T/gen.part"
inject /dev/null artstat -m -w -S "$T/stop" "$T/seed.part" "$T/seed.part"
inject /dev/null artstat -m -g date "$T/gen.part"
for g in date agency; do
	inject /dev/null artstat -g $g -w -n 1 -S "$T/stop" "$T/gen.txt"
done
inject /dev/null artstat -d -S "$T/stop" "$T/bad.txt"
inject /dev/null artstat -d -k 0 -S "$T/stop" "$T/bad.txt"
# A thousand copies of one body: clusters large enough that qsort()
# allocates; their ids, merged, grow the table of ids.
inject /dev/null artstat -d -S "$T/stop" "$T/tiny.txt"
"$top/cmd/artstat" -p -S "$T/stop" "$T/tiny.txt" >"$T/tiny.part"
inject /dev/null artstat -m "$T/tiny.part"
# No stop words at all.
inject "$seed" artstat -w -n 1 -S /dev/null
# Chunks of a file (-c): telling its format, reading a piece of it.
inject /dev/null artstat -p -c 1/2 -S "$T/stop" "$records" "$fx/mixed.txt"
inject /dev/null artstat -p -c 2/2 -g date -w -S "$T/stop" "$T/gen.txt"
inject /dev/null artstat -p -c 2/3 -b -S "$T/stop" "$T/gen.txt"
inject /dev/null artstat -p -c 1/2 -g date -N -S "$T/stop" "$T/gen.txt"
inject /dev/null artstat -p -c 1/2 -S "$T/stop" "$T/folder"
mkdir "$T/parts"
cp "$T/seed.part" "$T/parts/1"
cp "$T/seed.part" "$T/parts/2"
inject /dev/null artstat -m -w -S "$T/stop" "$T/parts"
agg=

done_testing
