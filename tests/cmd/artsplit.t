#!/bin/sh
# artsplit: article text in, records out, and back.
#
# The cases run from the top of the tree, so that origins read
# tests/cmd/artsplit/CASE.in:LINE.  Fixtures: tests/cmd/artsplit/CASE.in
# is the input, CASE.out and CASE.err what artsplit must print (an absent
# file: nothing).  Large inputs are made here, by bench/gen or yes(1).
. "$(dirname "$0")/lib.sh"
cd "$top" || exit 2

seed=seeds/000_323d18fcb59138b4.txt
F=tests/cmd/artsplit
TAB=$(printf '\t')

# The project's generator of article streams; make check builds it.
gen=$top/bench/gen
if [ ! -x "$gen" ]; then
	${CC:-cc} -O2 -o "$T/gen" bench/gen.c -lm || exit 2
	gen=$T/gen
fi

# A fixture file, or "" for an absent one (an empty stream).
f() {
	[ -f "$1" ] && echo "$1"
}

# fixture CASE STATUS DESCRIPTION [OPTION ...]
fixture() {
	_c=$1 _st=$2 _d=$3
	shift 3
	run artsplit "$@" "$F/$_c.in"
	expect "$_c: $_d" "$_st" "$(f "$F/$_c.out")" "$(f "$F/$_c.err")"
}

# The words of article text, without the header's `date' and date token.
words() {
	{ cat "$@"; echo; } |
	    sed 's/^[ \t]*date[ \t][ \t]*\([-0-9./]*[ \t]\)\{0,1\}//' |
	    tr -s '[:space:]' '\n' | sed '/^$/d'
}

# Runs artsplit with its output to /dev/full, keeping stderr and status.
tofull() {
	: >"$T/out"
	artsplit "$@" >/dev/full 2>"$T/err"
	status=$?
}

#
# The seed article.
#
run artsplit "$seed"
expect 'the seed gives its one record' 0 "$F/seed.out"
awk -F'\t' -v OFS='\t' '{ print NF, $2, $3, $4, $5 }' "$T/out" >"$T/cols"
printf '6\t2025-12-03\tPutin Warns Europe as US\342\200\223Russia Peace Talks Stall Over Ukraine\tBy Staff, Agencies\t%s:1\n' "$seed" >"$T/want"
check 'the seed record has six columns, its date, title, byline and origin' \
    cmp "$T/cols" "$T/want"
check 'the seed record has an id of 16 lowercase hex digits' \
    grep -q '^[0-9a-f]\{16\}	' "$T/out"
awk -F'\t' '{ n = split($6, p, /\\n/)
	print n; print substr(p[1], 1, 18); print substr(p[n], length(p[n]) - 20) }' \
    "$T/out" >"$T/paras"
printf '9\nPeace negotiations\nas the war continues.\n' >"$T/want"
check 'the seed body is 9 paragraphs, from "Peace negotiations" to "as the war continues."' \
    cmp "$T/paras" "$T/want"

# ids RECORDS: recomputes each id with xxhsum(1), from the columns as
# written: XXH64 of date, title, byline and body joined by tabs.
ids() {
	cut -f 2,3,4,6 "$1" | while IFS= read -r cols; do
		printf '%s' "$cols" | xxhsum -H1 - | cut -c 1-16
	done
}
if command -v xxhsum >/dev/null; then
	run artsplit "$seed" "$F/stream.in"
	cut -f 1 "$T/out" >"$T/want"
	ids "$T/out" >"$T/got"
	check 'the ids are the XXH64 of the columns as xxhsum computes it' \
	    sh -c '[ -s "$1" ] && cmp "$1" "$2"' sh "$T/want" "$T/got"
else
	skip 'the ids are the XXH64 of the columns as xxhsum computes it' \
	    'no xxhsum'
fi

#
# Streams: operands, standard input, boundaries, origins.
#
fixture stream 0 'headers, headerless text, form feeds and dateless headers split right'
run artsplit "$F/ends-a.in" - "$F/ends-b.in" <"$F/ends.in"
expect 'file operands and standard input are split in turn, each file ending its article' \
    0 "$F/ends.out"
sed "s|$seed:1|-:1|" "$F/seed.out" >"$T/seed-stdin.out"
run artsplit <"$seed"
expect 'standard input is read when there is no operand, with origin -' \
    0 "$T/seed-stdin.out"
run artsplit - <"$seed"
expect '- is standard input' 0 "$T/seed-stdin.out"
cat "$F/seed.out" "$F/seed.out" >"$T/twice.out"
run artsplit "$seed" "$seed"
expect 'the same article twice gets the same id twice' 0 "$T/twice.out"

cut -f 1-4,6 "$F/seed.out" >"$T/seed.cols"
# same_as_seed NAME FILE: FILE must split to the seed's id and columns.
same_as_seed() {
	run artsplit "$2"
	cut -f 1-4,6 "$T/out" >"$T/cols"
	check "$1 gets the seed's id and columns" cmp "$T/cols" "$T/seed.cols"
}
sed 's/$/\r/' "$seed" >"$T/crlf.txt"
same_as_seed 'a CRLF copy of the seed' "$T/crlf.txt"
{ head -n 4 "$seed"; tail -n +5 "$seed" | fold -s -w 50; } >"$T/wrapped.txt"
same_as_seed 'a copy of the seed wrapped at 50 columns' "$T/wrapped.txt"
{ printf '\357\273\277'; cat "$seed"; } >"$T/bom.txt"
same_as_seed 'a copy of the seed after a byte-order mark' "$T/bom.txt"
sed 's/^/  /; s/$/ \t /' "$seed" >"$T/blanks.txt"
same_as_seed 'a copy of the seed with blanks around every line' "$T/blanks.txt"
printf '\n\n\n' | cat - "$seed" >"$T/lead.txt"
printf '\n\n' >>"$T/lead.txt"
run artsplit "$T/lead.txt"
sed "s|$seed:1|$T/lead.txt:4|" "$F/seed.out" >"$T/lead.out"
expect 'blank lines around the seed change only its origin line' 0 "$T/lead.out"

printf 'date 2025-01-01 T\n\nBy Ann Lee\n\nBy Bob Ray\n\nBody.\n' >"$T/by2.txt"
run artsplit "$T/by2.txt"
cut -f 4,6 "$T/out" >"$T/cols"
printf 'By Ann Lee\tBy Bob Ray\\nBody.\n' >"$T/want"
check 'a second By paragraph after the byline is body, not lost' \
    cmp "$T/cols" "$T/want"

printf 'date 2025-01-01 A\n\nBody.\n\fB\f\nC\n' >"$T/ff2.txt"
run artsplit "$T/ff2.txt"
cut -f 3,6 "$T/out" >"$T/cols"
printf 'A\tBody.\nB\t\nC\t\n' >"$T/want"
check 'a line between two form feeds is an article of its own' \
    cmp "$T/cols" "$T/want"
printf 'date 2025-01-01 A\n\nBody.\ndate 2025-01-02 B\f\nC\n' >"$T/ff3.txt"
run artsplit "$T/ff3.txt"
cut -f 3,6 "$T/out" >"$T/cols"
printf 'A\tBody.\nB\t\nC\t\n' >"$T/want"
check 'a form feed after a header line ends that article, after another' \
    cmp "$T/cols" "$T/want"

#
# The BBC News corpus, raw and converted.
#
bbc=$shared/corpus/bbc-news
if [ -d "$bbc/raw" ] && [ -f "$bbc/articles.txt" ]; then
	(cd "$bbc" && artsplit raw/*/*.txt) >"$T/raw.rec" 2>"$T/raw.err"
	echo $? >"$T/raw.st"
	check 'the 2,225 raw BBC files split with no message and status 0' \
	    sh -c '[ "$(cat "$1.st")" = 0 ] && [ ! -s "$1.err" ] &&
	    [ "$(wc -l <"$1.rec")" -eq 2225 ]' sh "$T/raw"
	check 'the raw BBC records have no date, and no byline' \
	    sh -c '! cut -f 2,4 "$1" | grep -qv "^	$"' sh "$T/raw.rec"
	(cd "$bbc" && awk 'FNR == 1 { sub(/^[ \t\r\f\v]+/, "");
	    sub(/[ \t\r\f\v]+$/, ""); print }' raw/*/*.txt) >"$T/titles"
	cut -f 3 "$T/raw.rec" >"$T/cols"
	check 'each raw BBC title is line 1 of its file' \
	    cmp "$T/cols" "$T/titles"
	(cd "$bbc" && artsplit articles.txt) >"$T/conv.rec" 2>"$T/conv.err"
	echo $? >"$T/conv.st"
	check 'the converted BBC stream gives 2,225 records with no message and status 0' \
	    sh -c '[ "$(cat "$1.st")" = 0 ] && [ ! -s "$1.err" ] &&
	    [ "$(wc -l <"$1.rec")" -eq 2225 ]' sh "$T/conv"
	# raw/sport/199.txt has a lone Latin-1 pound sign that the converter
	# made UTF-8: that record's id and byte differ, all else must not.
	n=$(grep -n "${TAB}raw/sport/199.txt:1$TAB" "$T/raw.rec" | cut -d: -f1)
	sed "${n:-0}s/^[0-9a-f]*/-/; ${n:-0}s/\([^\xc2]\)\xa3/\1\xc2\xa3/g" \
	    "$T/raw.rec" | cut -f 1-4,6 >"$T/raw.cols"
	sed "${n:-0}s/^[0-9a-f]*/-/" "$T/conv.rec" | cut -f 1-4,6 >"$T/conv.cols"
	check 'the converted BBC stream gives the raw files'"'"' ids, titles and bodies' \
	    cmp "$T/raw.cols" "$T/conv.cols"
	words "$bbc/articles.txt" >"$T/w.in"
	artsplit -r "$T/conv.rec" | words >"$T/w.out"
	check 'the words of the BBC stream come back from artsplit -r in order' \
	    cmp "$T/w.in" "$T/w.out"
else
	skip 'the BBC News corpus' "no $bbc"
fi

#
# Bad input: each has an outcome, and no text is lost.
#
fixture tab 0 'tabs in the title, byline and body are escaped as backslash t'
fixture backslash 0 'backslashes are doubled'
fixture cr 0 'a CR inside a line is escaped as backslash r; CRs at line ends go'
fixture nul 0 'a NUL byte is kept as backslash 0, with a message'
fixture badutf8 0 'invalid UTF-8 passes byte for byte'
fixture bom 0 'a byte-order mark is dropped'
fixture nonl 0 'a last line without a newline is kept'
fixture empty 0 'an empty file gives nothing'
fixture blank 0 'a file of blank lines gives nothing'
fixture baddate 0 'impossible dates and other forms are reported, the articles kept without one'
fixture notitle 0 'a header without a title is reported, the article kept'
fixture records 2 'records pass through; a damaged record is reported and skipped'
run artsplit </dev/null
expect 'empty standard input gives nothing' 0

# A paragraph of one 30 MB line.
yes 'lorem ipsum dolor sit amet,' | head -n 1100000 | tr '\n' ' ' >"$T/long"
{ printf 'date 2025-01-01 Long\n\n'; cat "$T/long"; echo; } >"$T/long.txt"
{ printf '2025-01-01\tLong\t\t-:1\t'; head -c -1 "$T/long"; echo; } >"$T/long.want"
run artsplit <"$T/long.txt"
cut -f 2- "$T/out" >"$T/cols"
check 'a 30 MB line is one paragraph, whole' cmp "$T/cols" "$T/long.want"
check 'a 30 MB line gives no message and status 0' \
    sh -c '[ "$1" = 0 ] && [ ! -s "$2" ]' sh "$status" "$T/err"

cat "$F/seed.out" "$F/seed.out" >"$T/want"
printf 'artsplit: %s/missing: No such file or directory\n' "$F" >"$T/want.err"
run artsplit "$seed" "$F/missing" "$seed"
expect 'a missing file is reported, the others split, status 2' 2 \
    "$T/want" "$T/want.err"
# A folder is read as its files (habits.t has the rest).
mkdir "$T/folder"
cp "$seed" "$T/folder/seed.txt"
sed "s|$seed|$T/folder/seed.txt|" "$F/seed.out" >"$T/want"
cat "$F/seed.out" >>"$T/want"
run artsplit "$T/folder" "$seed"
expect 'a folder operand is read as its files' 0 "$T/want"

# getopt's messages name the tool, not the path it was called by.
usage='usage: artsplit [-Hhr] [-L size] [-t format] [--line-buffered] [file ...]'
run artsplit -x "$seed"
printf "artsplit: invalid option -- 'x'\n%s\n" "$usage" >"$T/want.err"
expect 'an unknown option gives the usage, status 2' 2 "" "$T/want.err"
run artsplit -t
printf "artsplit: option requires an argument -- 't'\n%s\n" "$usage" >"$T/want.err"
expect '-t without a format gives the usage, status 2' 2 "" "$T/want.err"
run artsplit -t html "$seed"
echo 'artsplit: unknown format html; formats: text, records, trec, reuters, mbox, mail' >"$T/want.err"
expect 'an unknown format is an error, status 2' 2 "" "$T/want.err"
run artsplit -H -r "$seed"
echo 'artsplit: -H and -r cannot be used together: article text has no header line' >"$T/want.err"
expect '-H with -r is an error, status 2' 2 "" "$T/want.err"

#
# The options.
#
{ printf 'id\tdate\ttitle\tbyline\torigin\tbody\n'; cat "$F/seed.out"; } >"$T/want"
run artsplit -H "$seed"
expect '-H writes the header line first' 0 "$T/want"
artsplit -H "$seed" >"$T/h.tsv"
run artsplit -H "$T/h.tsv"
expect 'a header line in records input is skipped' 0 "$T/want"
run artsplit -r "$seed"
expect '-r writes the canonical article text' 0 "$F/seed.txt"
run artsplit -r "$F/seed.out"
expect '-r turns the record back into the same text' 0 "$F/seed.txt"
run artsplit -t records "$seed"
check '-t records reads text as damaged records: all skipped, status 2' \
    sh -c '[ "$1" = 2 ] && [ ! -s "$2" ] && grep -q "line skipped" "$3"' \
    sh "$status" "$T/out" "$T/err"
run artsplit -t text "$F/seed.out"
check '-t text reads a record as text: one article, its line the title' \
    sh -c '[ "$1" = 0 ] && [ "$(wc -l <"$2")" = 1 ] &&
    [ "$(cut -f 3 "$2")" = "$(sed "s/\\\\/&&/g; s/	/\\\\t/g" "$3")" ]' \
    sh "$status" "$T/out" "$F/seed.out"

#
# Round trips.
#
# rt NAME FILE: artsplit | artsplit -r | artsplit gives the same records.
rt() {
	artsplit "$2" 2>/dev/null | cut -f 1-4,6 >"$T/rt1"
	artsplit "$2" 2>/dev/null | artsplit -r | artsplit 2>/dev/null |
	    cut -f 1-4,6 >"$T/rt2"
	check "$1: artsplit | artsplit -r | artsplit gives the same records" \
	    sh -c '[ -s "$1" ] && cmp "$1" "$2"' sh "$T/rt1" "$T/rt2"
}
rt 'the seed' "$seed"
rt 'the stream fixture' "$F/stream.in"
printf 'date 2025-01-01 T\n\nBy the way\nthis is wrapped\n\nBody.\n' >"$T/wrapby.txt"
artsplit "$T/wrapby.txt" | cut -f 1-4,6 >"$T/rt1"
artsplit "$T/wrapby.txt" | artsplit -r | artsplit | cut -f 1-4,6 >"$T/rt2"
check 'a wrapped first paragraph beginning with By comes back as body' \
    cmp "$T/rt1" "$T/rt2"
# Paragraphs that would read back as headers or as the byline: a first
# paragraph right after the header line that begins with `date' and a
# word, a first paragraph of two lines that begins with By, and a header
# without a title, which -r writes without a blank after its date.
fixture roundtrip 0 'first paragraphs that begin with date or By, a header without a title'
run artsplit -r "$F/roundtrip.out"
expect '-r breaks them after date or By, or puts them right after the header' \
    0 "$F/roundtrip.txt"
rt 'first paragraphs that begin with date or By' "$F/roundtrip.in"
run artsplit <"$F/roundtrip.txt"
cut -f 1-4,6 "$T/out" >"$T/got"
cut -f 1-4,6 "$F/roundtrip.out" >"$T/want"
echo 'artsplit: -:50: header has no title' >"$T/want.err"
check 'that text reads back as the same records, the same message' \
    sh -c '[ "$1" = 0 ] && cmp "$2" "$3" && cmp "$4" "$5"' sh "$status" \
    "$T/got" "$T/want" "$T/err" "$T/want.err"
"$gen" -n 3000 -s 11 -b 0.2 >"$T/bad.txt"
rt 'a generated stream with 20% bad articles' "$T/bad.txt"
"$gen" -n 1000 -s 12 -b 0.2 -c >"$T/badcrlf.txt"
rt 'a generated CRLF stream with 20% bad articles' "$T/badcrlf.txt"
if [ -x "$shared/tools/gencorpus" ] && command -v python3 >/dev/null; then
	"$shared/tools/gencorpus" -n 5000 --bad 0.2 >"$T/gc.txt"
	rt 'gencorpus -n 5000 --bad 0.2' "$T/gc.txt"
else
	skip 'gencorpus -n 5000 --bad 0.2' "no $shared/tools/gencorpus"
fi

"$gen" -n 2000 -s 13 >"$T/clean.txt"
words "$T/clean.txt" >"$T/w.in"
artsplit "$T/clean.txt" | artsplit -r | words >"$T/w.out"
check 'on a clean stream the words come back from artsplit -r in order' \
    sh -c '[ -s "$1" ] && cmp "$1" "$2"' sh "$T/w.in" "$T/w.out"
words "$seed" >"$T/w.in"
artsplit "$seed" | artsplit -r | words >"$T/w.out"
check 'the words of the seed come back from artsplit -r in order' \
    cmp "$T/w.in" "$T/w.out"

#
# Unix manners.
#
"$gen" -n 500 -s 14 >"$T/big.txt"
{ artsplit "$T/big.txt" 2>"$T/pipe.err"; echo $? >"$T/pipe.st"; } |
    head -n 1 >"$T/pipe.out"
check 'artsplit BIG | head -1 ends quietly, by SIGPIPE' \
    sh -c '[ "$(cat "$1.st")" = 141 ] && [ ! -s "$1.err" ] &&
    [ "$(wc -l <"$1.out")" = 1 ]' sh "$T/pipe"
echo 'artsplit: write error: No space left on device' >"$T/want.err"
tofull "$T/big.txt"
expect 'a write error on a large output is reported, status 2' 2 "" "$T/want.err"
tofull "$seed"
expect 'a write error on a small output is reported, status 2' 2 "" "$T/want.err"
tofull -r "$seed"
expect 'a write error with -r is reported, status 2' 2 "" "$T/want.err"
artsplit "$T/bad.txt" >"$T/run1" 2>&1
artsplit "$T/bad.txt" >"$T/run2" 2>&1
check 'the output is byte-identical run to run' cmp "$T/run1" "$T/run2"

#
# Each example of the manual pages, as written, from the top of the tree:
# it must succeed and print something.
#
examples() {
	sed -n '/^\.Sh EXAMPLES/,/^\.Sh /s/^\.Dl //p' "$1" | sed 's/\\e/\\/g'
}
for page in man/artsplit.1 man/artkit.5; do
	[ -f "$page" ] || continue
	examples "$page" >"$T/examples"
	[ -s "$T/examples" ] || _fail "$page has examples" "none found"
	i=0
	while IFS= read -r ex; do
		i=$((i + 1))
		check "$page example $i runs and prints" sh -c '
		    PATH="$1/cmd:$PATH" bash -o pipefail -c "$2" >"$3" &&
		    test -s "$3"' sh "$top" "$ex" "$T/ex.out"
	done <"$T/examples"
done

done_testing
