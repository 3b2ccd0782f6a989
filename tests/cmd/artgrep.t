#!/bin/sh
# artgrep: the articles that match, with grep's options and more.
. "$(dirname "$0")/lib.sh"

seed=$top/seeds/000_323d18fcb59138b4.txt
news=$here/artgrep/news.txt
artsplit "$news" >"$T/news.tsv"
artsplit "$seed" >"$T/seed.tsv"

# The records of the fixture's articles by number, as artsplit writes
# them: what artgrep must write when it selects those articles.
recs() {
	for _n; do
		sed -n "${_n}p" "$T/news.tsv"
	done
}

# The usual cases: the seed, empty input, standard input, missing files,
# bad options, a full disk.
run artgrep Putin "$seed"
expect 'the seed matches and is written as its record' 0 "$T/seed.tsv"

run artgrep Yermak "$seed"
expect 'no match: nothing written, status 1' 1

run artgrep -c Putin </dev/null
echo 0 >"$T/want"
expect 'empty input matches nothing' 1 "$T/want"

run artgrep Putin - <"$seed"
artsplit - <"$seed" >"$T/want"
expect '- reads standard input' 0 "$T/want"

run artgrep Putin
expect 'no file reads standard input' 1

run artgrep Putin "$T/nosuch"
echo "artgrep: $T/nosuch: No such file or directory" >"$T/err"
expect 'a missing file: a message and status 2' 2 "" "$T/err"

run artgrep Putin "$T/nosuch" "$seed"
expect 'a missing file among others: matches written, status 2' 2 \
    "$T/seed.tsv" "$T/err"

run artgrep -s Putin "$T/nosuch" "$seed"
expect '-s: no message about a missing file, still status 2' 2 \
    "$T/seed.tsv"

cat >"$T/usage" <<'EOF'
usage: artgrep [-acEFHhiloqsvwx] [-C width] [-d from..to] [-e pattern] [-f file]
               [-k field,...] [-L size] [-m num] [-n test] [-t format]
               [--color[=when]] [--line-buffered] [pattern] [file ...]
EOF
run artgrep -Z Putin "$seed"
{ echo "artgrep: invalid option -- 'Z'"; cat "$T/usage"; } >"$T/err"
expect 'a bad option: usage, status 2' 2 "" "$T/err"

run artgrep
expect 'no pattern: usage, status 2' 2 "" "$T/usage"

# -h is --help: the usage first, then the options (habits.t), on stdout.
run artgrep -h
sed -n 1,3p "$T/out" >"$T/out3" && mv "$T/out3" "$T/out"
expect '-h: the usage first, on stdout, status 0' 0 "$T/usage"

# A write error: by hand, since run sends stdout to a file.
artgrep Putin "$seed" >/dev/full 2>"$T/err"
status=$?
: >"$T/out"
echo 'artgrep: write error: No space left on device' >"$T/want"
expect 'a write error: status 2' 2 "" "$T/want"

run artgrep 'Putin (' "$seed"
echo "artgrep: bad regular expression 'Putin (': Unmatched ( or \\(" \
    >"$T/err"
expect 'a bad regular expression: status 2, the pattern named' 2 "" \
    "$T/err"

run artgrep -e Putin -e 'x{2' "$seed"
echo "artgrep: bad regular expression 'x{2': Unmatched \\{" >"$T/err"
expect 'the bad one of several expressions is named' 2 "" "$T/err"

# grep's options.
run artgrep -e Путин -e Élysée "$news"
recs 2 3 >"$T/want"
expect '-e: any of several patterns' 0 "$T/want"

printf 'Путин\nÉlysée\n' >"$T/pats"
run artgrep -f "$T/pats" "$news"
expect '-f: the lines of a file are patterns' 0 "$T/want"

: >"$T/nopats"
run artgrep -f "$T/nopats" "$news"
expect '-f: an empty file matches nothing' 1

run artgrep -v -c -f "$T/nopats" "$news"
echo 5 >"$T/want"
expect '-f: an empty file with -v matches everything' 0 "$T/want"

run artgrep -f "$T/nosuch" "$news"
echo "artgrep: $T/nosuch: No such file or directory" >"$T/err"
expect '-f: a missing file is an error' 2 "" "$T/err"

run artgrep -c 'P.krovsk' "$news"
echo 2 >"$T/want"
expect 'patterns are extended regular expressions' 0 "$T/want"

run artgrep -c -F 'P.krovsk' "$news"
echo 0 >"$T/want"
expect '-F: fixed strings' 1 "$T/want"

run artgrep -E -F Putin "$news"
echo 'artgrep: -E and -F cannot be used together' >"$T/err"
expect '-E and -F: status 2' 2 "" "$T/err"

run artgrep -E 'Putin|Путин' "$news"
recs 1 2 5 >"$T/want"
expect '-E: an alternation' 0 "$T/want"

run artgrep -i -k title путин "$news"
recs 2 >"$T/want"
expect '-i folds Cyrillic: путин finds ПУТИН' 0 "$T/want"

run artgrep -i -k title élysée "$news"
recs 3 >"$T/want"
expect '-i folds accented Latin: élysée finds ÉLYSÉE' 0 "$T/want"

run artgrep -i -E -k title 'αθην[αά]|élys[ée]e' "$news"
recs 3 4 >"$T/want"
expect '-i folds Greek, in expressions too' 0 "$T/want"

run artgrep -k title путин "$news"
expect 'without -i case counts' 1

run artgrep -w Putin "$news"
recs 1 >"$T/want"
expect '-w: whole words' 0 "$T/want"

run artgrep Putin "$news"
recs 1 5 >"$T/want"
expect 'without -w a part of a word matches' 0 "$T/want"

run artgrep -x Pokrovsk "$news"
recs 1 >"$T/want"
expect '-x: a whole paragraph' 0 "$T/want"

run artgrep -x -E 'By [A-Z][a-z]+ [A-Z][a-z]+' "$news"
recs 2 >"$T/want"
expect '-x: a whole byline' 0 "$T/want"

run artgrep -v Putin "$news"
recs 2 3 4 >"$T/want"
expect '-v: the articles that do not match' 0 "$T/want"

run artgrep -c Putin "$news" "$seed"
echo 3 >"$T/want"
expect '-c: the articles that match, over all files' 0 "$T/want"

run artgrep -l Putin "$news"
printf 'c300175145ac855c\n7da9c9c95c1ad911\n' >"$T/want"
expect '-l: the ids of the articles that match' 0 "$T/want"

run artgrep -q Putin "$news"
expect '-q: nothing written, status 0' 0

run artgrep -q Zelensky "$news"
expect '-q: no match, status 1' 1

run artgrep -q Putin "$T/nosuch" "$news"
echo "artgrep: $T/nosuch: No such file or directory" >"$T/err"
expect '-q: a match is status 0 even after an error' 0 "" "$T/err"

run artgrep -m 1 Putin "$news" "$seed"
recs 1 >"$T/want"
expect '-m 1: the first matching article only' 0 "$T/want"

run artgrep -m 2 -c Pokrovsk "$seed" "$news"
echo 2 >"$T/want"
expect '-m: the count stops there, over all files' 0 "$T/want"

run artgrep -m 0 Putin "$news"
expect '-m 0: nothing' 1

run artgrep -m x Putin "$news"
echo 'artgrep: -m x: expected a number' >"$T/err"
expect '-m: a bad number' 2 "" "$T/err"

# The fields looked in.
run artgrep -k title Pokrovsk "$news"
recs 1 >"$T/want"
expect '-k title: only titles' 0 "$T/want"

run artgrep -k byline Reuters "$news"
recs 4 >"$T/want"
expect '-k byline' 0 "$T/want"

run artgrep -k body retenue "$news"
recs 3 >"$T/want"
expect '-k body' 0 "$T/want"

run artgrep -k lead retenue "$news"
expect '-k lead: the first paragraph, a derived field' 1

run artgrep -k agency,title Reuters "$news"
recs 4 >"$T/want"
expect '-k agency,title: several fields' 0 "$T/want"

run artgrep -c c300175145 "$news"
echo 0 >"$T/want"
expect 'the id is not looked in by default' 1 "$T/want"

run artgrep -k id c300175145 "$news"
recs 1 >"$T/want"
expect '-k id' 0 "$T/want"

run artgrep -k nosuch Putin "$news"
grep -q "^artgrep: -k: unknown field 'nosuch'; fields: id, date, title" \
    "$T/err" && : >"$T/err"
expect '-k: an unknown field is named' 2

# -a: every pattern somewhere in the article.
run artgrep -a -e Putin -e Pokrovsk "$news"
recs 1 >"$T/want"
expect '-a: all of the patterns' 0 "$T/want"

run artgrep -e Putin -e Pokrovsk "$news"
recs 1 3 5 >"$T/want"
expect 'without -a any of them' 0 "$T/want"

run artgrep -a -k title,body -e Pokrovsk -e retenue "$news"
recs 3 >"$T/want"
expect '-a: the patterns may be in different paragraphs' 0 "$T/want"

run artgrep -a -v -e Putin -e Pokrovsk "$news"
recs 2 3 4 5 >"$T/want"
expect '-a -v: the articles that miss one of them' 0 "$T/want"

# -d: date ranges.
run artgrep -d 2025-12 -e Pokrovsk -e Покровск "$news"
recs 1 2 >"$T/want"
expect '-d YYYY-MM: a month' 0 "$T/want"

run artgrep -d ..2025-11 -e Pokrovsk "$news"
recs 3 >"$T/want"
expect '-d ..TO: open at the start' 0 "$T/want"

run artgrep -d 2025-11-21.. -i -e putin -e путин "$news"
recs 1 2 >"$T/want"
expect '-d FROM..: open at the end, undated articles left out' 0 \
    "$T/want"

run artgrep -d 2024,2024 -e '' "$news"
recs 4 >"$T/want"
expect '-d FROM,TO: years' 0 "$T/want"

run artgrep -d 2024-06-01 -d 2025-11-20..2025-11-20 -e '' "$news"
recs 3 4 >"$T/want"
expect '-d twice: either range' 0 "$T/want"

run artgrep -v -d 2025 -e Putin "$news"
recs 2 3 >"$T/want"
expect '-d with -v: -v inverts the patterns only' 0 "$T/want"

run artgrep -d 2025-13 Putin "$news"
echo 'artgrep: -d 2025-13: expected FROM..TO, each end YYYY, YYYY-MM or YYYY-MM-DD, or left out' \
    >"$T/err"
expect '-d: a bad date' 2 "" "$T/err"

run artgrep -d 2025..2024 Putin "$news"
echo 'artgrep: -d 2025..2024: the range ends before it begins' >"$T/err"
expect '-d: a range that ends before it begins' 2 "" "$T/err"

# -n: numeric tests on derived fields, all of which must hold.
run artgrep -n 'paragraphs>=3' -e '' "$news"
recs 1 >"$T/want"
expect '-n: a numeric test' 0 "$T/want"

run artgrep -n 'paragraphs >= 2' -n 'paragraphs<3' -e '' "$news"
recs 2 3 5 >"$T/want"
expect '-n twice: both must hold' 0 "$T/want"

run artgrep -n 'quotes=2' -e Putin "$news"
recs 1 >"$T/want"
expect '-n with a pattern' 0 "$T/want"

run artgrep -n 'title>3' Putin "$news"
grep -q "^artgrep: -n title>3: 'title' is not a numeric field; they are: " \
    "$T/err" && : >"$T/err"
expect '-n: a field that is not a number' 2

run artgrep -n 'words>x' Putin "$news"
echo 'artgrep: -n words>x: expected a test such as words>300' >"$T/err"
expect '-n: a bad test' 2 "" "$T/err"

# -o: each match in its context.
run artgrep -o Putin "$seed"
expect '-o: the seed concordance' 0 "$here/artgrep/seed-putin.kwic"

run artgrep -o -i pokrovsk "$news"
expect '-o -i: fields, paragraphs, contexts' 0 "$here/artgrep/pokrovsk.kwic"

run artgrep -o -H -C 10 -F -e "$(printf 'tab\tis')" -e 'president\ at' \
    "$news"
expect '-o -H -C 10: escapes and a narrow context' 0 \
    "$here/artgrep/escapes.kwic"

run artgrep -o -C x Putin "$news"
echo 'artgrep: -C x: expected a number from 0 to 1000' >"$T/err"
expect '-C: a bad width' 2 "" "$T/err"

run artgrep -o -v Putin "$news"
echo 'artgrep: -o and -v cannot be used together: an article that does not match has no match to show' \
    >"$T/err"
expect '-o and -v: status 2' 2 "" "$T/err"

run artgrep -o --color=always -k title Pokrovsk "$news"
printf 'c300175145ac855c\ttitle\t1\tPutin visits the front near \t\033[01;31m\033[KPokrovsk\033[m\033[K\t\n' \
    >"$T/want"
expect '--color=always colours the match' 0 "$T/want"

run artgrep -o --color -k title Pokrovsk "$news"
printf 'c300175145ac855c\ttitle\t1\tPutin visits the front near \tPokrovsk\t\n' \
    >"$T/want"
expect '--color: auto, and not a terminal' 0 "$T/want"

run artgrep -o --colour=never -k title Pokrovsk "$news"
expect '--colour=never' 0 "$T/want"

# script(1) gives artgrep a terminal, whose line ends are CR LF.
if command -v script >/dev/null 2>&1; then
	run sh -c 'script -qec "${ARTKIT_WRAP:-} $1 -o --color=auto -k title \
	    Pokrovsk $2" /dev/null | tr -d "\r"' sh "$top/cmd/artgrep" "$news"
	printf 'c300175145ac855c\ttitle\t1\tPutin visits the front near \t\033[01;31m\033[KPokrovsk\033[m\033[K\t\n' \
	    >"$T/want"
	expect '--color=auto colours on a terminal' 0 "$T/want"
else
	skip '--color=auto colours on a terminal' 'no script(1)'
fi

run artgrep -o --color=sometimes Pokrovsk "$news"
{ echo 'artgrep: --color=sometimes: expected always, never or auto'
  cat "$T/usage"; } >"$T/err"
expect '--color: a bad value' 2 "" "$T/err"

run artgrep -c -e --color "$news"
echo 0 >"$T/want"
expect '-e --color is a pattern' 1 "$T/want"

# -H: the header line.
run artgrep -H Reuters "$news"
{ printf 'id\tdate\ttitle\tbyline\torigin\tbody\n'; recs 4; } >"$T/want"
expect '-H: the header line' 0 "$T/want"

run artgrep -H -l Reuters "$news"
printf 'id\n2c0fd5411228c1f1\n' >"$T/want"
expect '-H -l: a header for the ids' 0 "$T/want"

run artgrep -H -c Reuters "$news"
echo 1 >"$T/want"
expect '-H -c: no header for a count' 0 "$T/want"

# -t: the input format.
run artgrep -t records -c Putin "$T/news.tsv"
echo 2 >"$T/want"
expect '-t records' 0 "$T/want"

run artgrep -t json Putin "$news"
echo 'artgrep: unknown format json; formats: text, records, trec, reuters, mbox, mail' >"$T/err"
expect '-t: an unknown format' 2 "" "$T/err"

# Records: only the text columns count, and damaged lines are told.
printf '0123456789abcdef\t2025-01-01\tNothing\t\tPokrovsk.txt:1\tBody\n' \
    >"$T/origin.tsv"
run artgrep -c Pokrovsk "$T/origin.tsv"
echo 0 >"$T/want"
expect 'a find in the origin column does not count' 1 "$T/want"

{ recs 1; printf 'Putin\tdamaged\n'; recs 5; printf 'no\tPutin\n'; } \
    >"$T/damaged.tsv"
run artgrep -c Putin "$T/damaged.tsv"
echo 2 >"$T/want"
printf 'artgrep: %s: expected 6 tab-separated columns, found 2; line skipped\n' \
    "$T/damaged.tsv:2" "$T/damaged.tsv:4" >"$T/err"
expect 'damaged records are told, with their lines' 2 "$T/want" "$T/err"

# Records: a derived field is looked for in its value, not in the line,
# which need not hold it ("Wednesday" of a date, "5" of five words).
printf '%s\t2023-08-29\tT1\t\t-:1\tbody one\n%s\t2023-08-23\tT2\t\t-:3\t%s\n' \
    aaaaaaaaaaaaaaaa bbbbbbbbbbbbbbbb 'One two three four five.' \
    >"$T/derived.tsv"
run artgrep -c -k weekday Wednesday "$T/derived.tsv"
echo 1 >"$T/want"
expect 'records: -k weekday matches the weekday of the date' 0 "$T/want"

run artgrep -l -k words -x 5 "$T/derived.tsv"
echo bbbbbbbbbbbbbbbb >"$T/want"
expect 'records: -k words -x 5 matches five words' 0 "$T/want"

run artgrep -l -a -k body,weekday -e two -e Wednesday "$T/derived.tsv"
expect 'records: -a with a pattern only a derived field holds' 0 "$T/want"

run artgrep -l -k year,month,lead -x -e 2023-08 -e 'body one' \
    "$T/derived.tsv"
printf '%s\n' aaaaaaaaaaaaaaaa bbbbbbbbbbbbbbbb >"$T/want"
expect 'records: year, month and lead are pieces of the line' 0 "$T/want"

# Which lines are skipped unread shows in a damaged one, which is told
# only when read: it is skipped when every field looked in stands in the
# line (the stored columns, lead, year, month), read when one is made or
# with -v.
{ recs 1; printf 'no\tmatch\n'; } >"$T/skip.tsv"
echo 1 >"$T/want"
for k in title,byline,body id,date,title,byline,origin,body lead,year,month; do
	run artgrep -c -k "$k" -e Putin -e 2025-12 "$T/skip.tsv"
	expect "records: -k $k skips lines without a find" 0 "$T/want"
done
printf 'artgrep: %s: expected 6 tab-separated columns, found 2; line skipped\n' \
    "$T/skip.tsv:2" >"$T/err"
run artgrep -c -k title,weekday Putin "$T/skip.tsv"
expect 'records: -k with a derived field reads every line' 2 "$T/want" \
    "$T/err"

run artgrep -c -v Zelensky "$T/skip.tsv"
expect 'records: -v reads every line' 2 "$T/want" "$T/err"

# Article text and its records give the same answers.
same=0
while IFS= read -r q; do
	eval "set -- $q"
	artgrep "$@" "$news" >"$T/a.out" 2>&1
	echo "status $?" >>"$T/a.out"
	artgrep "$@" "$T/news.tsv" >"$T/b.out" 2>&1
	echo "status $?" >>"$T/b.out"
	if cmp -s "$T/a.out" "$T/b.out"; then
		same=$((same + 1))
	else
		_fail "text and records agree: $q" "$(diff "$T/a.out" "$T/b.out")"
	fi
done <<'EOF'
Putin
-c -i pokrovsk
-l -w Putin
-v -i путин
-o -i -E 'p[uy]tin|élysée'
-c -x Pokrovsk
-a -e Putin -e Pokrovsk
-c -d 2025-12 -e ''
-l -n 'quotes>=1' -e ''
-o -F 'tab	is'
-o 'president\\ at'
-c -k lead,byline -E 'Agencies|Putin'
-o -w -E '[[:alpha:]]+ск'
-c -F nPokrovsk
-c -F Pokrovsk
-k title Pokrovsk
-c -k byline Staff
-c -i -w pokrovsk
-c -E 'Putin|Reuters'
EOF
_pass "text and records agree on $same queries"

# The BBC corpus: counts against an awk program over artsplit's records.
bbc=$shared/corpus/bbc-news/raw
if [ -d "$bbc" ]; then
	artsplit "$bbc"/*/*.txt >"$T/bbc.tsv" 2>/dev/null
	# Title, byline and body, with the escape between paragraphs a space.
	text='s = $3 "\t" $4 "\t" $6; gsub(/\\n/, " ", s)'
	count() {
		awk -F'\t' "{ $text } $1 { n++ } END { print n + 0 }" \
		    "$T/bbc.tsv"
	}
	while IFS=@ read -r name want q; do
		eval "set -- $q"
		count "$want" >"$T/want"
		run artgrep "$@" "$T/bbc.tsv"
		[ "$(cat "$T/want")" = 0 ] && st=1 || st=0
		expect "BBC: $name" $st "$T/want"
		# The article text too, for the first few (they are slow under
		# valgrind).
		case $name in
		-c*)
			run artgrep "$@" "$bbc"/*/*.txt
			expect "BBC: $name, from the article text" $st "$T/want"
		esac
	done <<'EOF'
-c -i -F google@tolower(s) ~ /google/@-c -i -F google
-c -w@s ~ /(^|[^A-Za-z0-9])film([^A-Za-z0-9]|$)/@-c -w film
all of two words@s ~ /Blair/ && s ~ /election/@-c -a -e Blair -e election
a title-only match@tolower($3) ~ /economy/@-c -k title -i economy
-v@s !~ /Google/@-c -v Google
-c -i -w -E@tolower(s) ~ /(^|[^a-z0-9])(china|india)([^a-z0-9]|$)/@-c -i -w -E 'china|india'
EOF
else
	skip 'BBC counts' "no $bbc"
fi

# Each example of the manual page, as written, from the top of the tree:
# it must succeed and print something.
sed -n '/^\.Sh EXAMPLES/,/^\.Sh /s/^\.Dl //p' "$top/man/artgrep.1" |
    sed 's/\\e/\\/g; s/\\(aq/'"'"'/g; s/\\(dq/"/g' >"$T/examples"
[ -s "$T/examples" ] || _fail 'artgrep.1 has examples' 'none found'
while IFS= read -r ex; do
	check "artgrep.1 example runs: $ex" sh -c 'cd "$1" &&
	    PATH="$1/cmd:$PATH" bash -o pipefail -c "$2" >"$3" &&
	    test -s "$3"' sh "$top" "$ex" "$T/ex.out"
done <"$T/examples"

done_testing
