#!/bin/sh
# artsplit on the formats news corpora come in: TREC/LDC SGML (AP, WSJ,
# LA Times, FBIS, FT, Gigaword), Reuters-21578 SGML, mbox files, single
# mail and Usenet messages, and one article to a file (the BBC corpus).
# The fixtures in formats/ were written for these tests from the formats'
# public descriptions; formats/NAME.out and NAME.err are what artsplit
# must print for them, the records without their id column (the id has
# tests of its own).
. "$(dirname "$0")/lib.sh"

# Runs artsplit as run does, and drops the id column of what it wrote.
runsplit() {
	run artsplit "$@"
	cut -f2- "$T/out" >"$T/cut"
	mv "$T/cut" "$T/out"
}

cd "$here/formats" || exit 2
seed=$top/seeds/000_323d18fcb59138b4.txt

# fixture, the format it is in, the exit status artsplit gives
cases='reuters.sgm reuters 0
reuters-odd.sgm reuters 0
reuters-cut.sgm reuters 2
trec-ap.sgml trec 0
trec-wsj.sgml trec 0
trec-dates.sgml trec 0
trec-date.sgml trec 0
trec-odd.sgml trec 2
trec-cut.sgml trec 2
gigaword.sgml trec 0
usenet.txt mail 0
mail-odd.txt mail 0
mail-cut.txt mail 2
mbox.mbox mbox 0
mbox-cut.mbox mbox 2
mbox-date.mbox mbox 0'

while read -r f fmt st; do
	b=${f%.*}
	err=
	[ -s "$b.err" ] && err=$b.err
	runsplit "$f"
	expect "$f: each article, its date, title, byline and body" \
	    "$st" "$b.out" "$err"
	artsplit -t "$fmt" "$f" 2>/dev/null | cut -f2- >"$T/named"
	check "$f is told as $fmt, as -t $fmt reads it" cmp "$T/named" "$b.out"
done <<EOF
$cases
EOF

# Naming a format the input does not have: a message, nothing read.
for fmt in trec reuters mbox mail; do
	run artsplit -t "$fmt" "$seed"
	case $fmt in
	trec) why='it does not begin with <DOC>' ;;
	reuters) why='it does not begin with <!DOCTYPE lewis or <REUTERS' ;;
	mbox) why='it does not begin with an mbox From line' ;;
	mail) why='it does not begin with a header field (Name: value)' ;;
	esac
	echo "artsplit: $seed:1: not $fmt input: $why; file skipped" >"$T/want"
	expect "-t $fmt on article text fails at its first line" 2 "" "$T/want"
done
runsplit -t reuters trec-ap.sgml reuters.sgm
echo "artsplit: trec-ap.sgml:1: not reuters input: it does not begin with <!DOCTYPE lewis or <REUTERS; file skipped" >"$T/want"
expect "-t reuters skips a TREC file and reads the Reuters one" 2 \
    reuters.out "$T/want"

# Every tool reads every format, and names them all alike.
for t in artsplit artfields artgrep artstat; do
	run $t -t sgml reuters.sgm
	echo "$t: unknown format sgml; formats: text, records, trec, reuters, mbox, mail" >"$T/want"
	expect "$t: an unknown format name lists the six formats" 2 "" "$T/want"
done
run artfields -t reuters -f title reuters.sgm
artsplit reuters.sgm | cut -f 3 >"$T/want"
expect "artfields -t reads a format named" 0 "$T/want"

# Article text and records are told as before.
artsplit "$seed" >"$T/seed.rec"
artsplit -t text "$seed" >"$T/seed.text"
check "the seed is told as article text" cmp "$T/seed.rec" "$T/seed.text"
run artsplit "$T/seed.rec"
expect "records are told as records" 0 "$T/seed.rec"

# Each file is told by itself, and standard input too.
cat reuters.out trec-ap.out mbox.out usenet.out >"$T/want"
runsplit reuters.sgm trec-ap.sgml mbox.mbox usenet.txt
expect "several files of several formats, each told by itself" 0 \
    "$T/want" mbox.err
sed 's/	reuters.sgm:/	-:/' reuters.out >"$T/want"
runsplit - <reuters.sgm
expect "standard input is told by its first line too" 0 "$T/want"
run artsplit -t trec /dev/null
expect "an empty file named as trec has no article" 0
run artsplit -t mbox no-such-file
echo "artsplit: no-such-file: No such file or directory" >"$T/want"
expect "a missing file is reported" 2 "" "$T/want"
tofull() {
	"$@" >/dev/full
}
run tofull artsplit trec-ap.sgml
echo "artsplit: write error: No space left on device" >"$T/want"
expect "a write error on SGML input is reported" 2 "" "$T/want"

# Records of every format turn to article text and back (origin aside).
for f in *.sgm *.sgml *.txt *.mbox; do
	artsplit "$f" 2>/dev/null | cut -f1-4,6 >"$T/want"
	artsplit "$f" 2>/dev/null | artsplit -r | artsplit 2>/dev/null |
	    cut -f1-4,6 >"$T/got"
	check "$f: records of it round-trip through article text" \
	    cmp "$T/got" "$T/want"
done

# UTF-16 and UTF-32 text with a byte-order mark is refused with the
# command that makes it UTF-8; that command gives the sample's record.
artsplit "$seed" >"$T/seedrec"
for enc in UTF-16LE UTF-16BE UTF-32LE UTF-32BE; do
	printf '\357\273\277' | cat - "$seed" |
	    iconv -f UTF-8 -t "$enc" >"$T/wide.txt"
	run artsplit "$T/wide.txt"
	echo "artsplit: $T/wide.txt:1: $enc text, not UTF-8 (it begins with" \
	    "a byte-order mark): convert it with iconv -f $enc -t UTF-8;" \
	    "file skipped" >"$T/want"
	expect "$enc text with a byte-order mark is refused" 2 "" "$T/want"
	iconv -f "$enc" -t UTF-8 "$T/wide.txt" | artsplit | cut -f1-4,6 \
	    >"$T/got"
	cut -f1-4,6 "$T/seedrec" >"$T/want"
	check "iconv -f $enc -t UTF-8 gives the sample's record" \
	    cmp "$T/got" "$T/want"
done

# A reference to a byte that records escape is escaped like the byte,
# on a line that holds no such byte itself: &#9; is a tab of the text,
# &#92; a backslash, never the start of an escape.
printf '%s\n' '<DOC>' '<DOCNO> REF-1 </DOCNO>' \
    '<HEADLINE>Tab&#9;and back&#92;t</HEADLINE>' '<TEXT>' \
    'One&#9;two &#92;n three &#92;&#92;.' '</TEXT>' '</DOC>' >"$T/refs.sgml"
printf '\tTab\\tand back\\\\t\t\t%s\tOne\\ttwo \\\\n three \\\\\\\\.\n' \
    "$T/refs.sgml:1" >"$T/want"
runsplit "$T/refs.sgml"
expect "references to a tab and a backslash are escaped in the record" \
    0 "$T/want"
printf '%s\n' 'date - Tab	and back\t' '' 'One	two \n three \\.' >"$T/want"
artsplit "$T/refs.sgml" | artsplit -r >"$T/got"
check "and come back as a tab and a backslash in article text" \
    cmp "$T/got" "$T/want"

# The BBC corpus: one article to a file, each told as article text.
bbc=$shared/corpus/bbc-news/raw
if [ -d "$bbc" ]; then
	artsplit "$bbc"/*/*.txt >"$T/auto" 2>&1
	artsplit -t text "$bbc"/*/*.txt >"$T/text" 2>&1
	check "every BBC file is told as article text" cmp "$T/auto" "$T/text"
	check "the BBC files give 2,225 articles" \
	    test "$(wc -l <"$T/auto")" -eq 2225
	check "headlines such as Q&A: ... are not taken for mail" grep -q \
	    '	Q&A: Malcolm Glazer and Man Utd	' "$T/auto"
else
	skip "every BBC file is told as article text" "no $bbc"
fi

done_testing
