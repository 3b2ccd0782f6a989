#!/bin/sh
# The bound on what a tool holds (-L size, 64M by default): an article
# longer, or with a line longer, is reported once and skipped whole, with
# exit 2, and the articles around it come through unchanged; -L 0 sets
# no bound; a size that is not one is a usage error.
. "$(dirname "$0")/lib.sh"

# An article of 30 short lines (about 600 bytes), between two small ones.
{
	printf 'date 2025-01-01 Before\n\nbefore\n\n'
	printf 'date 2025-01-02 Long\n\n'
	i=0
	while [ $i -lt 30 ]; do
		printf 'line %02d of the long one\n' $i
		i=$((i + 1))
	done
	printf '\ndate 2025-01-03 After\n\nafter\n'
} >"$T/long.txt"
# One line of 700 bytes.
{
	printf 'date 2025-01-01 Before\n\nbefore\n\n'
	printf 'date 2025-01-02 Wide\n\n%0700d\n' 0
	printf '\ndate 2025-01-03 After\n\nafter\n'
} >"$T/wide.txt"

# limits TOOL ARG...: the cases of one tool, run with ARG... as its
# options; it must keep "Before" and "After" in what it writes.
limits() {
	tool=$1
	shift

	run $tool "$@" -L 500 "$T/long.txt"
	printf '%s: %s:5: article longer than 500 bytes skipped\n' "$tool" \
	    "$T/long.txt" >"$T/want.err"
	[ "$status" = 2 ] && cmp -s "$T/err" "$T/want.err" &&
	    grep -q Before "$T/out" && grep -q After "$T/out" &&
	    ! grep -q Long "$T/out"
	check "$tool${*:+ $*}: an article over -L is reported and skipped" test $? = 0

	run $tool "$@" -L 1k "$T/long.txt"
	[ "$status" = 0 ] && [ ! -s "$T/err" ] && grep -q Long "$T/out"
	check "$tool${*:+ $*}: an article under -L is kept" test $? = 0

	run $tool "$@" -L 500 "$T/wide.txt"
	printf '%s: %s:7: line longer than 500 bytes; the article begun at line 5 skipped\n' \
	    "$tool" "$T/wide.txt" >"$T/want.err"
	[ "$status" = 2 ] && cmp -s "$T/err" "$T/want.err" &&
	    grep -q Before "$T/out" && grep -q After "$T/out" &&
	    ! grep -q Wide "$T/out"
	check "$tool${*:+ $*}: the article of a line over -L is reported and skipped" \
	    test $? = 0

	run $tool "$@" -L 0 "$T/wide.txt"
	[ "$status" = 0 ] && [ ! -s "$T/err" ]
	check "$tool${*:+ $*}: -L 0 sets no bound" test $? = 0

	run $tool "$@" "$T/wide.txt"
	[ "$status" = 0 ] && [ ! -s "$T/err" ]
	check "$tool${*:+ $*}: the default bound is far above a real article" \
	    test $? = 0

	ok=0
	for bad in x 1K -1 '' 99999999999999999999G; do
		run $tool "$@" -L "$bad" "$T/wide.txt"
		printf '%s: -L %s: not a size in bytes (a number, with k, M or G)\n' \
		    "$tool" "$bad" >"$T/want.err"
		[ "$status" = 2 ] && [ ! -s "$T/out" ] &&
		    cmp -s "$T/err" "$T/want.err" || ok=1
	done
	check "$tool${*:+ $*}: -L wants a size" test "$ok" = 0
}

limits artsplit
limits artgrep -v -e zzzzzzzz
limits artfields -f title,body
limits artstat -g title

# artgrep: the expressions that would take too long or too much memory
# are refused with why, before any text is read; a search over a long
# paragraph takes time in step with its length.
run artgrep -e '(a*)*\1b' /dev/null
printf '%s\n' "artgrep: bad regular expression '(a*)*\\1b': back-references (\\1 to \\9) are not supported" >"$T/want.err"
expect 'artgrep refuses back-references' 2 "" "$T/want.err"
run artgrep -e '(ab|cd){1,1001}' /dev/null
echo "artgrep: bad regular expression '(ab|cd){1,1001}': too complex: its repetition counts make more than 4000 positions" >"$T/want.err"
expect 'artgrep refuses repetition counts that make too many positions' 2 \
    "" "$T/want.err"
{
	printf 'date - Long\n\n'
	awk 'BEGIN { for (i = 0; i < 8000; i++) printf "ab"; print "" }'
	printf '\ndate - Short\n\nabc\n'
} >"$T/ab.txt"
for re in 'a.*c' 'b[ab]*c' '(a|ab|b)*c' '((a*)*b*)*c'; do
	run timeout 600 ${ARTKIT_WRAP:-} "$top/cmd/artgrep" -c -e "$re" "$T/ab.txt"
	echo 1 >"$T/want"
	expect "artgrep -e '$re' over a paragraph of 16 kB ends" 0 "$T/want"
done

# Expressions that took the C library minutes or gigabytes are refused
# at once: (.?){1,3999}Z compiled for 25 s into 2 GB even before the
# 3 kB sample was read; .{1,3999}Z and .{1,255}.{1,255}.{1,15}Z took
# minutes over a paragraph of 20 kB that ends in a Z; (^){3999} and
# (\b){32} compiled for seconds into gigabytes; a[ab]{0,15}b[ab]{0,15}c
# piled up 300 MB of the matcher's states over random a and b.
awk 'BEGIN { srand(1); printf "date - Long\n\n"
    for (i = 0; i < 20000; i++)
	printf "%s", substr("ab  c", int(rand() * 5) + 1, 1)
    print "Z" }' >"$T/z.txt"
# A name for a test, its backslashes kept from echo.
name() {
	printf '%s' "$*" | sed 's/\\/\\\\/g'
}
# refuse EXPR FILE WHY: refused at once, whatever FILE holds (and without
# a gigabyte of memory, where that can be told).
refuse() {
	if [ -z "${ARTKIT_WRAP:-}${ASAN_OPTIONS:-}" ]; then
		run sh -c 'ulimit -v 1000000; exec timeout 20 "$@"' sh \
		    "$top/cmd/artgrep" -c -e "$1" "$2"
	else
		run timeout 20 ${ARTKIT_WRAP:-} "$top/cmd/artgrep" -c -e "$1" "$2"
	fi
	printf "artgrep: bad regular expression '%s': too complex: %s\n" \
	    "$1" "$3" >"$T/want.err"
	expect "$(name "artgrep refuses $1: $3")" 2 "" "$T/want.err"
}
refuse '(.?){1,3999}Z' "$top/seeds/000_323d18fcb59138b4.txt" \
    'its repetition counts make more than 4000 positions'
refuse '.{1,3999}Z' "$T/z.txt" \
    'its repetition counts make more than 4000 positions'
refuse '.{1,255}.{1,255}.{1,15}Z' "$T/z.txt" \
    'a search would cost 220472320 a character, over 81920'
refuse '(^){3999}' "$T/z.txt" \
    'its repetition counts make more than 4000 positions'
refuse '(\b){32}' "$T/z.txt" \
    'compiling it would cost 331195392, over 4194304'
refuse 'a[ab]{0,15}b[ab]{0,15}c' "$T/z.txt" \
    'a search may hold 2^17 sets of positions, over 2^12'

# The searches of news that come near the bounds are not refused, and
# end in time over the same paragraph.
for re in '\b(Putin|Zelensky)\b.{0,40}said' '[0-9]{4}-[0-9]{2}-[0-9]{2}' \
    '.{1,80}Z' 'Putin.{0,40}said.{0,40}Kremlin' \
    '(Russia|Ukraine).*(war|peace)' '[A-Z][a-z]+( [A-Z][a-z]+)+' \
    '"[^"]{1,100}"' '[ab]{1,10}a[ab]{1,10}Z'; do
	run timeout 120 ${ARTKIT_WRAP:-} "$top/cmd/artgrep" -c -e "$re" "$T/z.txt"
	[ "$status" -le 1 ] && [ ! -s "$T/err" ]
	check "$(name "artgrep -e '$re' over a paragraph of 20 kB ends")" \
	    test $? = 0
done

# A paragraph of more than 2 GiB (-L 0), which regexec(3) cannot count
# in its int: the match at its end is found.  It takes 4 GB of memory
# and some seconds, so the test is run where there is memory to spare.
avail=$(awk '/^MemAvailable:/ { print int($2 / 1048576) }' /proc/meminfo \
    2>/dev/null)
if [ -n "${ARTKIT_WRAP:-}${ASAN_OPTIONS:-}" ] || [ "${avail:-0}" -lt 12 ]; then
	skip 'artgrep -L 0 finds a match in a paragraph of 2 GiB' \
	    'needs 12 GiB of memory free, and the plain build'
else
	{ printf 'date - Huge\n\nQ '; head -c 2148000000 /dev/zero | tr '\0' a
	  printf ' Q9Q\n'; } | timeout 300 "$top/cmd/artgrep" -L 0 -c 'Q[0-9]Q' \
	    >"$T/out" 2>"$T/err"
	status=$?
	echo 1 >"$T/want"
	expect 'artgrep -L 0 finds a match in a paragraph of 2 GiB' 0 "$T/want"
fi

# The marked-up formats: an SGML document or a mail message over the
# bound is skipped as a whole, the next one is read.
doc() {
	printf '<DOC>\n<DOCNO> AP880212-000%s </DOCNO>\n<HEAD>%s</HEAD>\n<TEXT>\n' \
	    "$1" "$2"
	i=0
	while [ $i -lt "$3" ]; do
		echo "line $i of the text"
		i=$((i + 1))
	done
	printf '</TEXT>\n</DOC>\n'
}
msg() {
	printf 'From a@example.org Sat Jan  1 00:00:00 2025\nSubject: %s\n\n' "$1"
	i=0
	while [ $i -lt "$2" ]; do
		echo "line $i of the text"
		i=$((i + 1))
	done
	echo
}
{ doc 1 Before 1; doc 2 Long 40; doc 3 After 1; doc 4 Cut 40; } |
    sed '$d' >"$T/long.sgml"
{ msg Before 1; msg Long 40; msg After 1; } >"$T/long.mbox"
for f in long.sgml long.mbox; do
	run artsplit -L 500 "$T/$f"
	cut -f 3 "$T/out" >"$T/titles"
	printf 'Before\nAfter\n' >"$T/want"
	[ "$status" = 2 ] && cmp -s "$T/titles" "$T/want" &&
	    grep -q "^artsplit: $T/$f:[0-9]*: article longer than 500 bytes skipped" \
	    "$T/err"
	check "artsplit: an article of $f over -L is reported and skipped" \
	    test $? = 0
done

# A line over the bound takes its document or message with it, reported
# once; the others are written as they would be without it.
wide=$(printf '%0700d' 0)
{ doc 1 Before 1; doc 2 Wide 3 | sed "s/^line 1 of the text\$/$wide/"
  doc 3 After 1; } >"$T/wide.sgml"
{ doc 1 Before 1; doc 3 After 1; } >"$T/narrow.sgml"
{ msg Before 1; msg Wide 3 | sed "s/^line 1 of the text\$/$wide/"
  msg After 1; } >"$T/wide.mbox"
{ msg Before 1; msg After 1; } >"$T/narrow.mbox"
for f in sgml:13:8 mbox:10:6; do
	x=${f%%:*} at=${f#*:}
	artsplit "$T/narrow.$x" | cut -f 1-4,6 >"$T/want"
	run artsplit -L 500 "$T/wide.$x"
	printf 'artsplit: %s:%s: line longer than 500 bytes; the article begun at line %s skipped\n' \
	    "$T/wide.$x" "${at%:*}" "${at#*:}" >"$T/want.err"
	cut -f 1-4,6 "$T/out" >"$T/got"
	[ "$status" = 2 ] && cmp -s "$T/got" "$T/want" &&
	    cmp -s "$T/err" "$T/want.err"
	check "artsplit: a $x article with a line over -L is skipped whole" \
	    test $? = 0
done

# An SGML document of nothing but plain lines of text, 40 MB of them:
# what artsplit holds stays near the bound of -L 1M, not the document.
if [ -n "${ARTKIT_WRAP:-}${ASAN_OPTIONS:-}" ] || [ ! -x /usr/bin/time ]; then
	skip 'artsplit: a plain SGML document over -L is not held whole' \
	    'memory is measured on the plain build'
else
	{ doc 1 Plain 0 | sed '/<.TEXT>/,$d'
	  yes 'a plain line of the text of one long story' | head -n 1000000
	  printf '</TEXT>\n</DOC>\n'; doc 2 After 1; } >"$T/plain.sgml"
	/usr/bin/time -f %M -o "$T/rss" "$top/cmd/artsplit" -L 1M \
	    "$T/plain.sgml" >"$T/out" 2>"$T/err"
	check 'artsplit: a plain SGML document over -L is not held whole' \
	    test "$(tail -n 1 "$T/rss")" -lt 16000 -a \
	    "$(cut -f 3 "$T/out")" = After
fi

# artsplit: an article with a line over the bound is skipped whole, and
# the articles around it are written as they would be without it.  A
# line over the bound that begins an article (a header; any line after a
# form feed) still ends the one before.
# recs NAME: the records of the text on standard input, with no bound.
recs() {
	artsplit -L 0 >"$T/$1.want"
}
{ printf 'date 2025-01-01 Long\n\nBy Jane Doe\n\nFirst.\n\n'
  head -c 2000 /dev/zero | tr '\0' x; printf '\n\nLast.\n'; } >"$T/body.txt"
run artsplit -L 1k "$T/body.txt"
printf 'artsplit: %s:7: line longer than 1024 bytes; the article begun at line 1 skipped\n' \
    "$T/body.txt" >"$T/want.err"
expect 'artsplit: an article with a body line over -L is skipped whole' 2 "" \
    "$T/want.err"

title=$(head -c 2000 /dev/zero | tr '\0' T)
printf 'date 2025-01-01 A\n\na\n' | recs before
{ printf 'date 2025-01-01 A\n\na\ndate 2025-01-02 %s\n\nb\n' "$title"
  printf 'date - C\n\nc\n'; } >"$T/head.txt"
printf 'date - C\n\nc\n' | recs after
sed "s|-:1|$T/head.txt:1|" "$T/before.want" >"$T/want"
sed "s|-:1|$T/head.txt:7|" "$T/after.want" >>"$T/want"
run artsplit -L 1k "$T/head.txt"
printf 'artsplit: %s:4: line longer than 1024 bytes; the article begun at line 4 skipped\n' \
    "$T/head.txt" >"$T/want.err"
expect 'artsplit: a header line over -L ends the article before, which is kept whole' \
    2 "$T/want" "$T/want.err"

{ printf 'date 2025-01-02 %s\n\nb\n' "$title"; printf 'date - C\n\nc\n'; } \
    >"$T/first.txt"
sed "s|-:1|$T/first.txt:4|" "$T/after.want" >"$T/want"
run artsplit -L 1k "$T/first.txt"
printf 'artsplit: %s:1: line longer than 1024 bytes; the article begun at line 1 skipped\n' \
    "$T/first.txt" >"$T/want.err"
expect 'artsplit: a header line over -L makes no headerless article of what follows' \
    2 "$T/want" "$T/want.err"

{ printf 'date 2025-01-01 A\n\na\n\fdate x %s\nb\n\n' "$title"
  printf 'b2 %s \f\nC\n\nc\n' "$title"; } >"$T/ff.txt"
printf 'C\n\nc\n' | recs headless
sed "s|-:1|$T/ff.txt:1|" "$T/before.want" >"$T/want"
sed "s|-:1|$T/ff.txt:8|" "$T/headless.want" >>"$T/want"
run artsplit -L 1k "$T/ff.txt"
printf 'artsplit: %s:4: line longer than 1024 bytes; the article begun at line 4 skipped\n' \
    "$T/ff.txt" >"$T/want.err"
expect 'artsplit: form feeds around lines over -L end articles as they would' \
    2 "$T/want" "$T/want.err"

# Records: a record is one line.
artsplit -L 0 "$T/wide.txt" >"$T/wide.tsv"
run artsplit -L 500 "$T/wide.tsv"
printf 'artsplit: %s:2: line longer than 500 bytes skipped\n' "$T/wide.tsv" \
    >"$T/want.err"
[ "$status" = 2 ] && cmp -s "$T/err" "$T/want.err" && [ "$(wc -l <"$T/out")" = 2 ]
check 'artsplit: a record over -L is reported and skipped' test $? = 0

done_testing
