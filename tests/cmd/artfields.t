#!/bin/sh
# artfields: the named fields of articles, and their paragraphs, sentences
# and quotations, against hand counts (tests/annot) and by their rules.
. "$(dirname "$0")/lib.sh"

seed=$top/seeds/000_323d18fcb59138b4.txt
annot=$top/tests/annot
want=$here/artfields
corpus=$shared/corpus/bbc-news
tab=$(printf '\t')

# The value of a total (words, ...) in an annotation.
total() {
	awk -F'\t' -v k="$2" '$1 == k { print $2 }' "$1"
}

# Checks artfields on FILE against the hand count ANN: the totals, each
# sentence (paragraph, words, first and last word) and each quotation.
against() {
	_ann=$1 _file=$2 _what=$3
	printf '%s\t%s\t%s\t%s\n' "$(total "$_ann" paragraphs)" \
	    "$(total "$_ann" words)" "$(total "$_ann" sentences)" \
	    "$(total "$_ann" quotes)" >"$T/want"
	run artfields -f paragraphs,words,sentences,quotes "$_file"
	expect "$_what: the totals agree with the hand count" 0 "$T/want"

	grep '^s	' "$_ann" >"$T/want"
	artfields -e sentences "$_file" | cut -f 2- |
	    awk -f "$want/words.awk" | sed 's/^/s	/' >"$T/got"
	check "$_what: every sentence agrees (paragraph, words, ends)" \
	    diff "$T/want" "$T/got"

	grep '^q	' "$_ann" >"$T/want"
	artfields -e quotes "$_file" | cut -f 2,3,4,6 | sort -n |
	    awk -f "$want/words.awk" | sed 's/^/q	/' >"$T/got"
	check "$_what: every quotation agrees (paragraph, words, ends)" \
	    diff "$T/want" "$T/got"
}

# The sample: its hand count, sentence by sentence and quotation by
# quotation, as article text and as its record.
artsplit "$seed" >"$T/seed.tsv"
printf '2025-12-03\tPutin Warns Europe as US\342\200\223Russia Peace Talks Stall Over Ukraine\tBy Staff, Agencies\t%s\t%s\t%s\t%s\n' \
    "$(total "$annot/sample.ann" words)" \
    "$(total "$annot/sample.ann" sentences)" \
    "$(total "$annot/sample.ann" paragraphs)" \
    "$(total "$annot/sample.ann" quotes)" >"$T/want"
run artfields -f date,title,byline,words,sentences,paragraphs,quotes "$seed"
expect 'the sample: its fields agree with the hand count' 0 "$T/want"
run artfields -f date,title,byline,words,sentences,paragraphs,quotes \
    "$T/seed.tsv"
expect 'the record of the sample gives the same' 0 "$T/want"
against "$annot/sample.ann" "$seed" 'the sample'
against "$annot/sample.ann" "$T/seed.tsv" 'the record of the sample'

sed -n 's/^S	//p' "$annot/sample.ann" >"$T/want"
run sh -c 'artfields -e sentences "$1" | cut -f 5' sh "$seed"
expect 'the sample: the text of every sentence' 0 "$T/want"
sed -n 's/^Q	//p' "$annot/sample.ann" >"$T/want"
run sh -c 'artfields -e quotes "$1" | sort -k2,2n | cut -f 6' sh "$seed"
expect 'the sample: the text of every quotation' 0 "$T/want"

# Ten BBC articles and their hand counts.
for ann in "$annot"/bbc-*.ann; do
	name=$(basename "$ann" .ann)
	src=$shared/$(sed -n 's/^# source	//p' "$ann")
	if [ ! -f "$src" ]; then
		skip "$name agrees with its hand count" "no $src"
		continue
	fi
	sum=$(sed -n 's/^# sha256	//p' "$ann")
	check "$name: the source is the file that was counted" \
	    sh -c '[ "$(sha256sum <"$1" | cut -d" " -f1)" = "$2" ]' sh \
	    "$src" "$sum"
	against "$ann" "$src" "$name"
	artsplit "$src" >"$T/src.tsv"
	against "$ann" "$T/src.tsv" "$name as a record"
done

# The units add up: as many lines of -e paragraphs, sentences and quotes
# as the counts say, article by article.
addsup() {
	artfields -f id,paragraphs,sentences,quotes "$1" |
	    awk -F'\t' '{ p[$1] += $2; s[$1] += $3; q[$1] += $4 }
	    END { for (i in p) print i, p[i], s[i], q[i] }' | sort >"$T/want"
	for u in paragraphs sentences quotes; do
		artfields -e $u "$1" | cut -f 1 | sed "s/\$/ $u/"
	done | awk '{ n[$1, $2]++; id[$1] = 1 }
	    END { for (i in id) print i, n[i, "paragraphs"] + 0,
	    n[i, "sentences"] + 0, n[i, "quotes"] + 0 }' | sort >"$T/got"
	diff "$T/want" "$T/got"
}
check 'the sample: -e lines add up to the counts' addsup "$seed"
if [ -f "$corpus/articles.txt" ]; then
	check 'the BBC corpus: -e lines add up to the counts, by article' \
	    addsup "$corpus/articles.txt"
else
	skip 'the BBC corpus: -e lines add up' "no $corpus"
fi

# Whole outputs of the seed.
run artfields "$seed"
printf 'b5036225cc314405\t2025-12-03\t425\tPutin Warns Europe as US\342\200\223Russia Peace Talks Stall Over Ukraine\n' \
    >"$T/want"
expect 'without -f, a short listing: id, date, words, title' 0 "$T/want"
run artfields -H -e quotes "$seed"
expect '-e quotes: each quotation, its speaker and its paragraph' 0 \
    "$want/seed-quotes.out"
run artfields -H -e paragraphs "$seed"
expect '-e paragraphs: each paragraph and its words' 0 \
    "$want/seed-paragraphs.out"
run artfields -H -f id,year,month,weekday,author,agency,lead,chars,bytes,readmin,flesch,simhash "$seed"
expect 'every derived field of the seed' 0 "$want/seed-derived.out"
run artfields -f title,title,words "$T/seed.tsv"
printf 'Putin Warns Europe as US\342\200\223Russia Peace Talks Stall Over Ukraine\tPutin Warns Europe as US\342\200\223Russia Peace Talks Stall Over Ukraine\t425\n' \
    >"$T/want"
expect 'a field named twice is printed twice' 0 "$T/want"

# Bylines, dates and bodies of other shapes.
printf 'date 2024-02-29 Leap\n\nBy Janie Gabbett, Reuters\n\n\342\200\234Yes,\342\200\235 said Ushakov.\n\ndate - Nothing\n\ndate 2025-01-01 Jane\n\nBy Jane Doe and John Roe\n\nA tab\there and a \\ backslash.\n' \
    >"$T/shapes.txt"
run artfields -H -f date,weekday,author,agency,words,quotes,lead "$T/shapes.txt"
{
	printf 'date\tweekday\tauthor\tagency\twords\tquotes\tlead\n'
	printf '2024-02-29\tThursday\tJanie Gabbett\tReuters\t3\t1\t\342\200\234Yes,\342\200\235 said Ushakov.\n'
	printf '\t\t\t\t0\t0\t\n'
	printf '2025-01-01\tWednesday\tJane Doe|John Roe\t\t6\t0\tA tab\\there and a \\\\ backslash.\n'
} >"$T/want"
expect 'bylines, no date, an empty body, a tab and a backslash' 0 "$T/want"
run artfields -e quotes "$T/shapes.txt"
printf '%s\t1\t1\t1\tUshakov\tYes,\t\342\200\234Yes,\342\200\235 said Ushakov.\n' \
    "$(artfields -f id "$T/shapes.txt" | head -n 1)" >"$T/want"
expect '-e quotes: the speaker after the quotation' 0 "$T/want"

# Cyrillic and invalid UTF-8 are counted as they stand.
printf 'date - \320\237\n\n\320\237\321\203\321\202\320\270\320\275 \320\267\320\260\321\217\320\262\320\270\320\273: \302\253\320\234\321\213 \320\263\320\276\321\202\320\276\320\262\321\213\302\273. \320\224\320\260.\n' \
    >"$T/cyr.txt"
run artfields -f words,sentences,quotes,chars,bytes "$T/cyr.txt"
printf '5\t2\t1\t30\t53\n' >"$T/want"
expect 'Cyrillic text: words, sentences and quotations' 0 "$T/want"
printf 'date - Bad\n\nA \243 15.8m \377\376 signing. \342\200 \200\200 End \342\200\234open\n' \
    >"$T/bad.txt"
run artfields -f words,sentences,quotes,chars,bytes "$T/bad.txt"
printf '9\t1\t1\t37\t39\n' >"$T/want"
expect 'invalid UTF-8: each bad byte counts, nothing breaks' 0 "$T/want"
run artfields -e sentences "$T/bad.txt"
check 'invalid UTF-8: -e sentences gives the sentence' \
    test "$(wc -l <"$T/out")" -eq 1

# Records: a line with the wrong number of columns is reported and
# skipped, and the status says so.
{ cat "$T/seed.tsv"; printf 'abc\tdef\n'; cat "$T/seed.tsv"; } >"$T/damaged.tsv"
run artfields -f words "$T/damaged.tsv"
printf '425\n425\n' >"$T/want"
printf 'artfields: %s:2: expected 6 tab-separated columns, found 2; line skipped\n' \
    "$T/damaged.tsv" >"$T/wanterr"
expect 'a damaged record is reported with FILE:LINE and skipped' 2 \
    "$T/want" "$T/wanterr"

# Errors.
run artfields -f words,sentence "$seed"
printf 'artfields: -f: unknown field '\''sentence'\''; fields: id, date, title, byline, origin, body, year, month, weekday, author, agency, lead, paragraphs, sentences, words, chars, bytes, quotes, readmin, flesch, simhash\n' \
    >"$T/wanterr"
expect 'an unknown field exits 2 and lists the known ones' 2 '' "$T/wanterr"
run artfields -f '' "$seed"
check 'an empty field name is unknown' test "$status" -eq 2
run artfields -e words "$seed"
printf 'artfields: unknown unit '\''words'\''; units: paragraphs, sentences, quotes\n' \
    >"$T/wanterr"
expect 'an unknown unit exits 2' 2 '' "$T/wanterr"
run artfields -e quotes -f words "$seed"
printf 'artfields: -e and -f cannot be used together: -e prints columns of its own\n' \
    >"$T/wanterr"
expect '-e and -f together exit 2' 2 '' "$T/wanterr"
run artfields -x "$seed"
# getopt's message names the tool, not the path it was called by.
printf 'artfields: invalid option -- '\''x'\''\nusage: artfields [-Hh] [-e unit] [-f field,...] [-L size] [-t format]\n                 [--line-buffered] [file ...]\n' \
    >"$T/wanterr"
expect 'a bad option exits 2 with the usage' 2 '' "$T/wanterr"
run artfields -f words "$T/nonexistent" "$seed"
printf '425\n' >"$T/want"
printf 'artfields: %s: No such file or directory\n' "$T/nonexistent" \
    >"$T/wanterr"
expect 'a missing file is reported, the others read, exit 2' 2 "$T/want" \
    "$T/wanterr"
run sh -c 'artfields "$1" >/dev/full' sh "$seed"
printf 'artfields: write error: No space left on device\n' >"$T/wanterr"
expect 'a write error exits 2' 2 '' "$T/wanterr"

# Standard input, and nothing at all.
run sh -c 'artfields -f words,origin - <"$1"' sh "$seed"
printf '425\t-:1\n' >"$T/want"
expect '- reads the standard input' 0 "$T/want"
run sh -c 'artfields -f words <"$1"' sh "$T/seed.tsv"
printf '425\n' >"$T/want"
expect 'no operand reads the standard input' 0 "$T/want"
run sh -c 'artfields </dev/null'
expect 'empty input gives no output' 0
run artfields -H -f date,words /dev/null
printf 'date\twords\n' >"$T/want"
expect '-H on empty input gives the header alone' 0 "$T/want"

# SimHash: a copy with a word changed lies within 6 bits, unrelated
# articles 16 bits or more apart.
h() {
	artfields -f simhash "$1"
}
orig=$(h "$seed")
i=0
far=0
for n in 1 5 20 60 100 150 200 300 400 424; do
	awk -v n=$n 'NR > 4 && !done { for (i = 1; i <= NF; i++)
	    if (++k == n) { $i = "zebra"; done = 1 } } { print }' \
	    "$seed" >"$T/changed.txt"
	printf '%s\t%s\n' "$orig" "$(h "$T/changed.txt")"
done | awk -f "$want/hamming.awk" >"$T/near"
check 'the sample with one word changed (ten places) lies within 6 bits' \
    awk -F'\t' '$3 > 6 { print; bad = 1 } END { exit bad }' "$T/near"
if [ -f "$corpus/articles.txt" ]; then
	artfields -f id,simhash "$corpus/articles.txt" >"$T/hashes"
	# The fifth word of each article's first paragraph changed.
	awk '/^ *date / { first = 1; print; next }
	    first && NF >= 5 { $5 = "zebra"; first = 0 } { print }' \
	    "$corpus/articles.txt" | artfields -f simhash >"$T/changed"
	paste "$T/hashes" "$T/changed" | cut -f 2,3 |
	    awk -f "$want/hamming.awk" >"$T/near"
	check 'BBC: 99% of the articles with a word changed lie within 6 bits' \
	    awk -F'\t' '$3 <= 6 { k++ } END { print k, NR; exit k < NR * 0.99 }' \
	    "$T/near"
	# Each distinct article against three others, in the order of ids.
	sort -u -k1,1 "$T/hashes" | awk -F'\t' '{ h[NR] = $2 }
	    END { for (i = 1; i <= NR; i++) for (j = 1; j <= 3; j++)
	    if (i + j * 97 <= NR) print h[i] "\t" h[i + j * 97] }' |
	    awk -f "$want/hamming.awk" >"$T/far"
	check 'BBC: 99% of the pairs of different articles lie 16 bits apart' \
	    awk -F'\t' '$3 >= 16 { k++ } END { print k, NR; exit NR < 5000 ||
	    k < NR * 0.99 }' "$T/far"
else
	skip 'BBC: SimHash of near and far articles' "no $corpus"
fi

# Each example of the manual page, as written, from the top of the tree.
sed -n '/^\.Sh EXAMPLES/,/^\.Sh /s/^\.Dl //p' "$top/man/artfields.1" |
    sed 's/\\e/\\/g' >"$T/examples"
check 'man/artfields.1 has examples' test -s "$T/examples"
while IFS= read -r ex; do
	check "man/artfields.1 example runs: $ex" sh -c 'cd "$1" &&
	    PATH="$1/cmd:$PATH" bash -o pipefail -c "$2" >"$3" &&
	    test -s "$3"' sh "$top" "$ex" "$T/ex.out"
done <"$T/examples"

done_testing
