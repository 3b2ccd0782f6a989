#!/bin/sh
# artstat: the summary, groups, top lists, near-duplicates, and partials
# that merge to the output of one run.
. "$(dirname "$0")/lib.sh"

seed=$top/seeds/000_323d18fcb59138b4.txt
exp=$here/artstat
ann=$top/tests/annot/sample.ann
bbc=$shared/corpus/bbc-news
tab=$(printf '\t')
stat=$top/cmd/artstat

# The value of a figure in a summary.
fig() {
	awk -F'\t' -v f="$1" '$1 == f { print $2 }' "$2"
}

# --- the seed: the hand counts, the top lists ---------------------------

run artstat "$seed"
expect 'the summary of the seed' 0 "$exp/seed.out"
for f in words sentences paragraphs quotes; do
	check "the seed's $f are the hand count of $f" \
	    test "$(fig $f "$T/out")" = "$(fig $f "$ann")"
done

run artstat - <"$seed"
expect 'the seed read from - gives the same summary' 0 "$exp/seed.out"

artsplit "$seed" >"$T/seed.rec"
run artstat "$T/seed.rec"
expect 'the seed as a record gives the same summary' 0 "$exp/seed.out"

run artstat -w "$seed"
expect 'the top terms of the seed lead with its subject' 0 \
    "$exp/seed-terms.out"
check 'putin and russia lead the terms of the seed, ukraine follows' sh -c \
    'test "$(head -n 2 "$1" | cut -f 1 | sort | paste -s -d " " -)" = \
    "putin russia" && head -n 6 "$1" | grep -q "^ukraine$2"' sh "$T/out" \
    "$tab"
run artstat -w -n 0 "$seed"
cut -f 1 "$T/out" >"$T/terms"
check 'no stop word is among the terms of the seed' sh -c \
    '! grep -x -e the -e of -e and -e to -e a -e in -e said -e he \
    -e was -e that -e with -e on -e for -e as -e by "$1"' sh "$T/terms"
check 'no number is among the terms of the seed' sh -c \
    '! grep -x "[0-9.,-]*" "$1"' sh "$T/terms"

run artstat -N -n 0 "$seed"
expect 'the names of the seed' 0 "$exp/seed-names.out"
check 'the names include Vladimir Putin and Marco Rubio' sh -c \
    'grep -q "^Vladimir Putin$2" "$1" && grep -q "^Marco Rubio$2" "$1" &&
    ! grep -q -e "^The$2" -e "President Vladimir" "$1"' sh "$T/out" "$tab"

run artstat -b -n 5 -H "$seed"
expect 'the top bigrams of the seed, under a header' 0 \
    "$exp/seed-bigrams.out"

printf 'putin\n  Russia \n# not a word\n\n' >"$T/stop"
run artstat -w -n 0 -S "$T/stop" "$seed"
check '-S replaces the stop words' sh -c '! grep -q -e "^putin$2" \
    -e "^russia$2" "$1" && grep -q "^the$2" "$1"' sh "$T/out" "$tab"
run artstat -w -n 1 -S /dev/null "$seed"
printf 'the\t19\t1\n' >"$T/want"
expect '-S /dev/null leaves no word out' 0 "$T/want"

run artstat -H -g month "$seed"
expect '-g month with a header' 0 "$exp/seed-month.out"

# --- the usual cases ------------------------------------------------------

run artstat </dev/null
expect 'empty input gives the summary of nothing' 0 "$exp/empty.out"
run artstat -g date -H </dev/null
printf 'date\tarticles\twords\tsentences\tparagraphs\tquotes\tbytes\tfirst\tlast\tundated\tduplicates\twords_mean\twords_median\n' >"$T/want"
expect 'empty input gives no group' 0 "$T/want"
run artstat -d </dev/null
expect 'empty input gives no cluster' 0
run artstat -d -k 8 </dev/null
expect '-k allows 8 bits' 0
run artstat -d -k 9 </dev/null
echo 'artstat: -k 9: expected a number from 0 to 8' >"$T/want.err"
expect '-k allows no more than 8 bits' 2 "" "$T/want.err"

run artstat "$T/nosuch"
echo "artstat: $T/nosuch: No such file or directory" >"$T/want.err"
expect 'a missing file is reported, the rest counted' 2 "$exp/empty.out" \
    "$T/want.err"

run artstat -x "$seed"
cat >"$T/want.err" <<EOF
artstat: invalid option -- 'x'
usage: artstat [-bdHhNpw] [-c chunk/chunks] [-g field] [-k bits] [-L size]
               [-n count] [-S file] [-t format] [--line-buffered] [file ...]
       artstat -m [-bdHhNpw] [-g field] [-k bits] [-L size] [-n count]
               [-S file] [--line-buffered] [partial ...]
EOF
expect 'a bad option gives the usage' 2 "" "$T/want.err"

artstat "$seed" >/dev/full 2>"$T/err"
status=$?
: >"$T/out"
echo 'artstat: write error: No space left on device' >"$T/want.err"
expect 'a write error is reported' 2 "" "$T/want.err"

for bad in '-w -b' '-d -g date' '-k 64' '-n x' '-g nosuch' '-H -p' \
    '-m -w' '-c 0/4' '-c 5/4' '-c 1/0' '-c 1' '-c 1/4x' '-c x/4' \
    '-m -c 1/2'; do
	run artstat $bad "$seed"
	check "artstat $bad is refused with a message" \
	    sh -c 'test "$1" = 2 && test -s "$2" && test ! -s "$3"' sh \
	    "$status" "$T/err" "$T/out"
done

run artstat -c 1/2 <"$seed"
echo 'artstat: -c cuts files: name them; the standard input cannot be cut' \
    >"$T/want.err"
expect '-c does not cut the standard input' 2 "" "$T/want.err"
run artstat -c 1/2 "$seed" - <"$seed"
echo 'artstat: -c cuts files: the standard input (-) cannot be cut' \
    >"$T/want.err"
expect '-c does not cut -' 2 "" "$T/want.err"

# --- chunks (-c) -------------------------------------------------------------

# chunks TEXTFILE N OPTS...: the partials of the N chunks, one after another.
chunks() {
	_f=$1 _n=$2
	shift 2
	_k=1
	while [ "$_k" -le "$_n" ]; do
		artstat -p -c "$_k/$_n" "$@" "$_f" || return 1
		_k=$((_k + 1))
	done
}

# Three articles of 40, 2000 and 40 bytes or so: the middle of the file,
# where chunk 1 of 2 would end, falls inside the second.
{
	printf 'date 2025-01-01 One\n\nFirst body.\n\n'
	printf 'date 2025-01-02 Two\n\n'
	i=0
	while [ $i -lt 60 ]; do
		printf 'A line of the long article %d.\n' $i
		i=$((i + 1))
	done
	printf 'date tomorrow is no header\n\n'
	printf '\ndate 2025-01-03 Three\n\nThird body.\n'
} >"$T/three.txt"
artstat "$T/three.txt" >"$T/want"
chunks "$T/three.txt" 2 >"$T/parts"
check 'an article across the middle of the file is read by chunk 1 alone' \
    test "$(awk -F'\t' '$1 == "S" { printf "%s ", $3 }' "$T/parts")" = \
    "2 1 "
run artstat -m "$T/parts"
expect 'two chunks of a file merged are one run' 0 "$T/want"
chunks "$T/three.txt" 40 >"$T/parts"
check 'the 40 chunks of three articles read each once' \
    test "$(awk -F'\t' '$1 == "S" { n += $3 } END { print n }' \
    "$T/parts")" = 3
run artstat -m "$T/parts"
expect '40 chunks of a file merged are one run' 0 "$T/want"
for n in 2 40; do
	artstat -p -w -c 1/$n "$T/three.txt" >"$T/a"
	artstat -p -w -t text -c 1/$n "$T/three.txt" >"$T/b"
	check "-t text cuts as the text is told ($n)" cmp "$T/a" "$T/b"
done
# `date` then a CR, VT or FF is no header to the reader, so no cut either:
# the article it stands in is read once, by the chunk it begins in.
for c in CR VT FF; do
	case $c in
	CR)	b='\r' ;;
	VT)	b='\v' ;;
	FF)	b='\f' ;;
	esac
	{
		printf 'date 2025-01-01 One\n\n'
		awk 'BEGIN { for (i = 0; i < 60; i++) print "alpha beta gamma" }'
		printf "date${b}2025-01-01 no header\n"
		awk 'BEGIN { for (i = 0; i < 40; i++) print "delta epsilon zeta" }'
	} >"$T/trap.txt"
	artstat "$T/trap.txt" >"$T/want"
	chunks "$T/trap.txt" 2 >"$T/parts"
	run artstat -m "$T/parts"
	expect "date and $c is no cut: two chunks merged are one run" 0 \
	    "$T/want"
done
artstat -p /dev/null >"$T/want"
run artstat -p -c 1/2 /dev/null
expect 'a file that is not a regular one is read by chunk 1' 0 "$T/want"
run artstat -p -c 2/2 /dev/null
expect 'and not by chunk 2' 0 "$T/want"

# --- bad input -------------------------------------------------------------

{
	sed -n 1p "$T/seed.rec"
	printf 'not\ta\trecord\n'
	sed -n 1p "$T/seed.rec"
} >"$T/bad.rec"
sed -n 1p "$T/seed.rec" >"$T/two.rec"
sed -n 1p "$T/seed.rec" >>"$T/two.rec"
artstat "$T/two.rec" >"$T/want"
echo "artstat: $T/bad.rec:2: expected 6 tab-separated columns, found 3; line skipped" >"$T/want.err"
run artstat "$T/bad.rec"
expect 'a record of three columns is reported and skipped' 2 "$T/want" \
    "$T/want.err"
check 'the two good records are counted, one a duplicate' sh -c \
    'grep -qx "articles${2}2" "$1" && grep -qx "duplicates${2}1" "$1"' \
    sh "$T/out" "$tab"

printf 'date 2025-01-01 Bad \377 bytes\n\nab\377cd \303 ef. G\303\251rard \355\240\200 said \370\210\200\200\200.\n' >"$T/utf8.txt"
run artstat "$T/utf8.txt"
check 'invalid UTF-8 counts as letters' sh -c \
    'test "$2" = 0 && grep -qx "articles${3}1" "$1" &&
    grep -qx "words${3}7" "$1" && grep -qx "sentences${3}2" "$1"' sh \
    "$T/out" "$status" "$tab"
for o in -w -b -N -d '-g title' -p; do
	run artstat $o "$T/utf8.txt" "$T/utf8.txt"
	check "artstat $o reads invalid UTF-8" sh -c \
	    'test "$1" = 0 && test -s "$2" && test ! -s "$3"' sh "$status" \
	    "$T/out" "$T/err"
done

# --- partials ----------------------------------------------------------------

artstat -p -wbN "$seed" >"$T/seed.part"
run artstat -m -N -n 0 "$T/seed.part"
expect 'a partial of the seed merges to its names' 0 "$exp/seed-names.out"
run artstat -m "$T/seed.part" "$T/seed.part"
check 'two partials of the seed merge to two articles, one a duplicate' \
    sh -c 'grep -qx "articles${2}2" "$1" && grep -qx "duplicates${2}1" "$1"' \
    sh "$T/out" "$tab"
artstat -m -p "$T/seed.part" - <"$T/seed.part" >"$T/merged.part"
artstat -m -w "$T/merged.part" >"$T/a"
artstat -w "$seed" "$seed" >"$T/b"
check 'a merged partial merges again to the whole' cmp "$T/a" "$T/b"

run artstat -m </dev/null
expect 'merging nothing gives the summary of nothing' 0 "$exp/empty.out"

sed '$d' "$T/seed.part" >"$T/cut.part"
n=$(wc -l <"$T/cut.part")
run artstat -m "$T/cut.part"
echo "artstat: $T/cut.part:$n: the partial ends before its end line (cut short?)" >"$T/want.err"
expect 'a partial cut short is refused, nothing printed' 2 "" "$T/want.err"

sed 's/^S\t0\t1\t/S\t0\t2\t/' "$T/seed.part" >"$T/bad.part"
run artstat -m "$T/bad.part"
n=$(wc -l <"$T/bad.part")
echo "artstat: $T/bad.part:$n: group 0: its L and I lines count other articles than its S line" >"$T/want.err"
expect 'a partial whose sums disagree is refused' 2 "" "$T/want.err"

artstat -p -g date "$seed" >"$T/date.part"
run artstat -m "$T/date.part" "$T/seed.part"
echo "artstat: $T/seed.part:1: partial grouped by nothing, the first by date" >"$T/want.err"
expect 'partials grouped differently are refused' 2 "" "$T/want.err"
run artstat -m -g month "$T/date.part"
echo "artstat: the partials are grouped by date, not by month" >"$T/want.err"
expect 'a merge grouped otherwise than its partials is refused' 2 "" \
    "$T/want.err"
run artstat -m -d "$T/seed.part"
echo "artstat: the partials hold no table for -d; make them with -p -d" >"$T/want.err"
expect 'a merge asking for a table the partials lack is refused' 2 "" \
    "$T/want.err"
run artstat -m -w -S "$T/stop" "$T/seed.part"
echo "artstat: the partials were counted with other stop words than those of $T/stop" >"$T/want.err"
expect 'a merge with other stop words is refused' 2 "" "$T/want.err"

artstat -p -wb "$seed" >"$T/wb.part"
run artstat -m "$T/seed.part" "$T/wb.part"
echo "artstat: $T/wb.part:1: partial with tables=terms,bigrams, the first with tables=terms,bigrams,names" >"$T/want.err"
expect 'partials of other tables are refused, the tables named' 2 "" \
    "$T/want.err"

# A line twice in a partial, which its sums do not show: a T line with
# the end line counting it, an L or I line in the place of another.
printf 'date 2025-01-01 One\n\nChief alpha.\n\ndate 2025-01-02 Two\n\nChief beta gamma.\n' \
    >"$T/two.txt"
artstat -p -w "$T/two.txt" >"$T/two.part"
awk -F'\t' -v OFS='\t' '$1 == "end" { $2++ } { print }
    $1 == "T" && !n++' "$T/two.part" >"$T/dupT.part"
for k in L I; do
	awk -F'\t' -v k=$k '$1 == k && ++n == 1 { first = $0 }
	    $1 == k && n == 2 { $0 = first } { print }' "$T/two.part" \
	    >"$T/dup$k.part"
done
for k in T L I; do
	n=$(awk -F'\t' -v k=$k '$1 == k && ++n == 2 { print NR }' \
	    "$T/dup$k.part")
	run artstat -m -w "$T/dup$k.part"
	echo "artstat: $T/dup$k.part:$n: $k line: the same key as the $k line before it" \
	    >"$T/want.err"
	expect "a partial with a line twice ($k) is refused, nothing printed" \
	    2 "" "$T/want.err"
done
awk -F'\t' '$1 == "T" && ++n == 1 { held = $0; next } { print }
    $1 == "T" && n == 2 { print held }' "$T/two.part" >"$T/swap.part"
n=$(awk -F'\t' '$1 == "T" && ++n == 2 { print NR }' "$T/swap.part")
run artstat -m -w "$T/swap.part"
echo "artstat: $T/swap.part:$n: T line out of order: the T lines of a partial are sorted by group and key" \
    >"$T/want.err"
expect 'a partial with its T lines out of order is refused' 2 "" \
    "$T/want.err"

# CRLF line ends, as a copy through another system leaves them.
sed 's/$/\r/' "$T/seed.part" >"$T/crlf.part"
artstat -m -N -n 0 "$T/seed.part" >"$T/want"
run artstat -m -N -n 0 "$T/crlf.part"
expect 'a partial with CRLF line ends merges as with LF' 0 "$T/want"

# An input that could not be read: the partial of the rest says so, and
# a merge refuses it, while lines skipped make no difference.
run artstat -p "$seed" "$T/nosuch"
cp "$T/out" "$T/lacks.part"
echo "artstat: $T/nosuch: No such file or directory" >"$T/want.err"
check 'a partial lacking a file says so' grep -qx unread "$T/lacks.part"
expect 'and -p exits 2' 2 "$T/lacks.part" "$T/want.err"
n=$(grep -n '^unread$' "$T/lacks.part" | cut -d: -f1)
artstat -p "$seed" >"$T/plain.part"
run artstat -m "$T/plain.part" "$T/lacks.part"
echo "artstat: $T/lacks.part:$n: the partial lacks input that artstat -p could not read" \
    >"$T/want.err"
expect 'a partial lacking a file is refused by -m, nothing printed' 2 "" \
    "$T/want.err"
run sh -c '"$1" -p "$2" "$3" 2>/dev/null | "$1" -m' sh "$stat" "$seed" \
    "$T/nosuch"
echo "artstat: -:$n: the partial lacks input that artstat -p could not read" \
    >"$T/want.err"
expect 'a pipeline of partials prints nothing when a file is unread' 2 "" \
    "$T/want.err"
for o in '' -p; do
	run artstat -m $o "$T/plain.part" "$T/nosuch"
	echo "artstat: $T/nosuch: No such file or directory" >"$T/want.err"
	expect "artstat -m${o:+ $o}: a partial file that cannot be read ends the run" \
	    2 "" "$T/want.err"
done
artstat "$T/bad.rec" >"$T/want" 2>/dev/null
artstat -p "$T/bad.rec" 2>/dev/null >"$T/rec.part"
run artstat -m "$T/rec.part"
expect 'a partial of records with a line skipped merges as one run' 0 \
    "$T/want"

# The stop words: a byte-order mark is no part of the first; a file of
# them, and a line of a partial, are held to the bound of -L.
printf '\357\273\277the\nrussia\n' >"$T/bom.stop"
printf 'the\nrussia\n' >"$T/plain.stop"
artstat -w -n 3 -S "$T/plain.stop" "$seed" >"$T/want"
run artstat -w -n 3 -S "$T/bom.stop" "$seed"
expect 'a byte-order mark before the first stop word is dropped' 0 \
    "$T/want"
run artstat -w -L 10 -S "$T/stop" "$seed"
echo "artstat: $T/stop: longer than 10 bytes, the bound of -L" \
    >"$T/want.err"
expect 'a file of stop words over -L is refused' 2 "" "$T/want.err"
run artstat -m -L 40 "$T/seed.part"
echo "artstat: $T/seed.part:1: line longer than 40 bytes, the bound of -L" \
    >"$T/want.err"
expect 'a line of a partial over -L is refused' 2 "" "$T/want.err"
# /dev/zero, one endless line: refused at the default bound, in bounded
# memory (ulimit -v) and time, on the plain build.
if [ -n "${ARTKIT_WRAP:-}${ASAN_OPTIONS:-}" ]; then
	limit=
else
	limit='ulimit -v 1000000 &&'
fi
run sh -c "$limit"' exec timeout 60 "$@"' sh ${ARTKIT_WRAP:-} "$stat" \
    -S /dev/zero -w "$seed"
echo "artstat: /dev/zero: longer than 67108864 bytes, the bound of -L" \
    >"$T/want.err"
expect '-S /dev/zero ends at the bound of -L' 2 "" "$T/want.err"
run sh -c "$limit"' exec timeout 60 "$@"' sh ${ARTKIT_WRAP:-} "$stat" \
    -m /dev/zero
echo "artstat: /dev/zero:1: line longer than 67108864 bytes, the bound of -L" \
    >"$T/want.err"
expect '-m /dev/zero ends at the bound of -L' 2 "" "$T/want.err"

# --- a generated stream ------------------------------------------------------

gen=$top/bench/gen
[ -x "$gen" ] || make -s -C "$top" bench/gen >/dev/null 2>&1
if [ -x "$gen" ]; then
	"$gen" -n 800 -s 5 >"$T/gen.txt"
	artstat "$T/gen.txt" >"$T/gen.sum"
	for g in date month agency; do
		run artstat -g $g "$T/gen.txt"
		cp "$T/out" "$T/gen.$g"
		awk -F'\t' -v OFS='\t' '
		    NR == FNR { want[$1] = $2; next }
		    { for (i = 2; i <= 7; i++) s[i] += $i; u += $10; d += $11 }
		    END {
			split("articles words sentences paragraphs quotes bytes", n, " ")
			for (i = 2; i <= 7; i++)
				if (s[i] != want[n[i - 1]]) exit 1
			if (u != want["undated"] || d != want["duplicates"]) exit 1
		    }' "$T/gen.sum" "$T/out" >/dev/null
		check "the groups of -g $g add up to the whole" test $? = 0
		check "-g $g is sorted as sort -c wants" sort -c "$T/out"
		check "-g $g is sorted by its key as join wants" \
		    sort -c -s -t "$tab" -k1,1 "$T/out"
	done
	# Day numbers, as date_days() counts them, without artstat.
	awk -F'\t' '
	    function days(s,   y, m, d) {
		y = substr(s, 1, 4) + 0; m = substr(s, 6, 2) + 0
		d = substr(s, 9, 2) + 0
		if (m < 3) { y--; m += 12 }
		n = 365 * y + int(y / 4) - int(y / 100) + int(y / 400)
		return n + int((153 * (m - 3) + 2) / 5) + d
	    }
	    $1 != "" { n = days($1); if (last && n != last + 1) exit 1; last = n }
	    END { if (!last) exit 1 }' "$T/gen.date"
	check '-g date has every day between the first and the last' test $? = 0
	awk -F'\t' '$1 != "" { print substr($1, 1, 7) }' "$T/gen.date" |
	    uniq >"$T/months"
	cut -f 1 "$T/gen.month" | grep . >"$T/months.got"
	check '-g month has every month between the first and the last' \
	    cmp "$T/months" "$T/months.got"
	check 'the first and last days of -g date are those of the summary' \
	    sh -c 'test "$(grep . "$1" | sed -n "1s/\t.*//p")" = "$(awk -F"\t" "\$1 == \"first\" { print \$2 }" "$2")" &&
	    test "$(tail -n 1 "$1" | cut -f 1)" = "$(awk -F"\t" "\$1 == \"last\" { print \$2 }" "$2")"' \
	    sh "$T/gen.date" "$T/gen.sum"
	artfields -f words,sentences,paragraphs,quotes,bytes "$T/gen.txt" |
	    awk -F'\t' -v OFS='\t' '{ for (i = 1; i <= 5; i++) s[i] += $i }
	    END { print s[1], s[2], s[3], s[4], s[5] }' >"$T/want"
	for f in words sentences paragraphs quotes bytes; do
		fig $f "$T/gen.sum"
	done | paste -s - >"$T/got"
	check 'the summary adds up the fields of artfields' \
	    cmp "$T/want" "$T/got"
	artstat -p -wbNd "$T/gen.txt" | artstat -m >"$T/got"
	check 'the walk for the tables counts the summary as text_count does' \
	    cmp "$T/gen.sum" "$T/got"
	artfields -f agency "$T/gen.txt" | sort | uniq -c |
	    awk -v OFS='\t' '{ n = $1; sub(/^ *[0-9]+ /, ""); print $0, n }' \
	    >"$T/want"
	cut -f 1,2 "$T/gen.agency" >"$T/got"
	check '-g agency groups as artfields -f agency, sort and uniq -c' \
	    cmp "$T/want" "$T/got"
	artfields -f id,simhash "$T/gen.txt" | sort -u >"$T/want"
	artstat -p -d "$T/gen.txt" | awk -F'\t' -v OFS='\t' \
	    '$1 == "I" { print $3, $5 }' | sort >"$T/got"
	check 'the fingerprints of -d are the simhash field of artfields' \
	    cmp "$T/want" "$T/got"
	artstat -g date -w -n 1 "$T/gen.txt" >"$T/gen.top"
	join --check-order -t "$tab" "$T/gen.date" "$T/gen.top" >"$T/joined"
	check 'join takes -g date and its top terms as they stand' \
	    test $? = 0 -a "$(wc -l <"$T/joined")" = \
	    "$(awk -F'\t' '$2 > 0' "$T/gen.date" | wc -l)"
	artsplit "$T/gen.txt" | cut -f 2 | sort | uniq -c |
	    awk -v OFS='\t' '{ print $2, $1 }' >"$T/perday"
	join --check-order -t "$tab" "$T/perday" "$T/gen.date" |
	    awk -F'\t' '$2 != $3 { bad = 1 } END { exit bad }'
	check 'the articles per day are those of artsplit, sort and uniq' \
	    test $? = 0

	# Cut text before headers that follow a blank line, into blocks of a
	# quarter of the input and a little more (-N is slow with --regexp).
	split='--regexp --recend \n\s*\n --recstart \s*date\s'
	quarter=$(($(wc -c <"$T/gen.txt") / 4 + 65536))
	artsplit "$T/gen.txt" >"$T/gen.rec"
	for o in '' '-g date' '-w' '-N'; do
		artstat $o "$T/gen.txt" >"$T/one"
		parallel --pipe $split --block $quarter "$stat" -p $o \
		    <"$T/gen.txt" >"$T/parts"
		check "parallel --pipe cuts the text into 4 pieces ($o)" \
		    test "$(grep -c '^artstat-partial' "$T/parts")" = 4
		run artstat -m $o "$T/parts"
		expect "4 pieces of text merged are one run: artstat $o" 0 \
		    "$T/one"
		parallel --pipe -N 200 "$stat" -p $o <"$T/gen.rec" \
		    >"$T/parts"
		run artstat -m $o "$T/parts"
		expect "4 pieces of records merged are one run: artstat $o" 0 \
		    "$T/one"
		chunks "$T/gen.txt" 4 $o >"$T/parts"
		run artstat -m $o "$T/parts"
		expect "4 chunks of text merged are one run: artstat $o" 0 \
		    "$T/one"
		chunks "$T/gen.rec" 3 $o >"$T/parts"
		run artstat -m $o "$T/parts"
		expect "3 chunks of records merged are one run: artstat $o" 0 \
		    "$T/one"
	done
	run sh -c 'parallel "$1" -p -w -c {}/4 "$2" ::: 1 2 3 4 |
	    "$1" -m -w' sh "$stat" "$T/gen.txt"
	artstat -w "$T/gen.txt" >"$T/one"
	expect 'parallel runs the chunks of a file, merged they are one run' 0 \
	    "$T/one"

	"$gen" -n 300 -s 9 -b 0.3 >"$T/bad.txt"
	artstat -p -wbNd "$T/bad.txt" >"$T/badgen.part" 2>"$T/err"
	check 'a generated stream of bad articles is counted' \
	    test $? = 0 -a -s "$T/badgen.part"
	for o in '' -w -b -N -d '-g date'; do
		artstat $o "$T/bad.txt" >"$T/one" 2>/dev/null
		parallel --pipe $split --block 200k "$stat" -p $o \
		    <"$T/bad.txt" 2>/dev/null | "$stat" -m $o >"$T/merged"
		check "pieces of bad articles merge to one run: artstat $o" \
		    cmp "$T/one" "$T/merged"
		chunks "$T/bad.txt" 5 $o 2>/dev/null | "$stat" -m $o \
		    >"$T/merged"
		check "chunks of bad articles merge to one run: artstat $o" \
		    cmp "$T/one" "$T/merged"
	done
	artstat "$T/bad.txt" 2>"$T/want.err" >/dev/null
	chunks "$T/bad.txt" 5 2>"$T/err" >/dev/null
	check 'the chunks say what one run says of bad articles, once' \
	    cmp "$T/want.err" "$T/err"
	check 'and that is something' test -s "$T/err"
else
	skip 'a generated stream' 'bench/gen could not be built'
fi

# --- the BBC corpus ---------------------------------------------------------

if [ -d "$bbc/raw" ]; then
	run artstat "$bbc"/raw/*/*.txt
	cp "$T/out" "$T/bbc.sum"
	check 'the BBC corpus has 2,225 articles' \
	    test "$(fig articles "$T/out")" = 2225
	artsplit "$bbc"/raw/*/*.txt >"$T/bbc.rec"
	cut -f 1 "$T/bbc.rec" | sort | uniq -c |
	    awk '$1 > 1 { d += $1 - 1 } END { print d + 0 }' >"$T/dups"
	check 'the BBC duplicates are those of sort and uniq' \
	    test "$(fig duplicates "$T/out")" = "$(cat "$T/dups")"
	check 'the BBC corpus has exact duplicates' \
	    test "$(cat "$T/dups")" -gt 0
	run artstat -d "$bbc"/raw/*/*.txt
	cut -f 1 "$T/bbc.rec" | sort | uniq -c | awk '$1 > 1' |
	    while read -r n id; do
		    awk -F'\t' -v id="$id" -v n="$n" \
			'$4 == id && $6 == n && $2 >= n { ok = 1 } END { exit !ok }' \
			"$T/out" || echo "$id"
	    done >"$T/missing"
	check 'the near-duplicate clusters hold every exact duplicate' \
	    test ! -s "$T/missing"
	run artstat -d -k 0 "$bbc"/raw/*/*.txt
	check 'every cluster of -k 0 has bits 0' sh -c \
	    'test -s "$1" && awk -F"\t" "\$7 != 0 { exit 1 }" "$1"' sh \
	    "$T/out"
	quarter=$(($(wc -c <"$bbc/articles.txt") / 4 + 65536))
	for o in '' '-g date' '-w' '-N'; do
		artstat $o "$bbc"/raw/*/*.txt >"$T/one"
		cp "$T/one" "$T/oneraw"
		parallel --pipe -N 557 "$stat" -p $o <"$T/bbc.rec" \
		    >"$T/parts" 2>/dev/null
		check "parallel --pipe cuts the BBC records into 4 ($o)" \
		    test "$(grep -c '^artstat-partial' "$T/parts")" = 4
		run artstat -m $o "$T/parts"
		expect "4 pieces of the BBC merged are one run: artstat $o" \
		    0 "$T/one"
		artstat $o "$bbc/articles.txt" >"$T/one"
		parallel --pipe --regexp --recend '\n\s*\n' \
		    --recstart '\s*date\s' --block $quarter "$stat" -p $o \
		    <"$bbc/articles.txt" >"$T/parts"
		check "parallel --pipe cuts the BBC stream into 4 ($o)" \
		    test "$(grep -c '^artstat-partial' "$T/parts")" = 4
		"$stat" -m $o "$T/parts" >"$T/merged"
		check "4 pieces of the BBC stream merged are one run: artstat $o" \
		    cmp "$T/one" "$T/merged"
		chunks "$bbc/articles.txt" 4 $o >"$T/parts"
		"$stat" -m $o "$T/parts" >"$T/merged"
		check "4 chunks of the BBC stream merged are one run: artstat $o" \
		    cmp "$T/one" "$T/merged"
		chunks "$T/bbc.rec" 4 $o >"$T/parts"
		"$stat" -m $o "$T/parts" >"$T/merged"
		check "4 chunks of the BBC records merged are one run: artstat $o" \
		    cmp "$T/oneraw" "$T/merged"
	done
else
	skip 'the BBC corpus' "$bbc is absent"
fi

# --- the examples of the manual ---------------------------------------------

sed -n '/^\.Sh EXAMPLES/,/^\.Sh /s/^\.Dl //p' "$top/man/artstat.1" |
    sed 's/\\e/\\/g' >"$T/examples"
check 'the manual has examples' test -s "$T/examples"
while IFS= read -r ex; do
	check "example runs: $ex" sh -c 'cd "$1" &&
	    PATH="$1/cmd:$PATH" bash -o pipefail -c "$2" >"$3" &&
	    test -s "$3"' sh "$top" "$ex" "$T/ex.out"
done <"$T/examples"

done_testing
