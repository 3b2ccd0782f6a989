#!/bin/sh
# artgrep on records answers as it answers on the same articles as
# article text: for every field of artfields(1), with the options that
# change what a match is, over BBC articles and a generated stream with
# damaged articles and CRLF line ends.  The patterns are the articles'
# own values (a title, a weekday, a count, a simhash), so that they
# match, and some that do not.
. "$(dirname "$0")/lib.sh"

fields=$(artfields -f nosuch /dev/null 2>&1 | sed -n 's/.*; fields: //p' |
    tr -d ,)
[ -n "$fields" ] || _fail 'artfields names its fields' 'none found'

# The first paragraph of an escaped value, unescaped: a pattern that
# matches it as a whole (-x).
para() {
	awk '{
		s = ""
		for (i = 1; i <= length($0); i++) {
			c = substr($0, i, 1)
			if (c != "\\") { s = s c; continue }
			c = substr($0, ++i, 1)
			if (c == "n" || c == "r" || c == "0" || c == "") break
			s = s (c == "t" ? "\t" : c)
		}
		print s
	}'
}

# The longest word of letters and digits in a line.
word() {
	awk '{
		w = ""
		while (match($0, /[A-Za-z0-9]+/)) {
			if (RLENGTH > length(w)) w = substr($0, RSTART, RLENGTH)
			$0 = substr($0, RSTART + RLENGTH)
		}
		print w
	}'
}

# value FILE N [NOT]: the first value at or after line N, wrapping, that
# is not empty and not NOT.
value() {
	awk -v n="$2" -v not="${3:-}" '{ v[NR] = $0 } END {
		for (i = 0; i < NR; i++) {
			k = (n - 1 + i) % NR + 1
			if (v[k] != "" && v[k] != not) { print v[k]; exit }
		}
	}' "$1"
}

# The queries, each run on the article text and on its records; $f is
# the field, $v1 and $v2 the first paragraphs of two articles' values, $w
# a word of $v1, $up $v1 in capitals and $m a value of several names
# (author, agency), or $v1.
cat >"$T/queries" <<'EOF'
-l -k "$f" -F -e "$v1"
-l -k "$f" -x -F -e "$v1"
-l -k "$f" -w -e "$w"
-l -k "$f" -F -e "$m"
-c -k "$f" -i -F -e "$up"
-l -k "$f" -v -F -e "$v1"
-l -k "$f" -a -F -e "$v1" -e "$v2"
-o -k "$f" -i -w -e "$w"
-k "$f" -x -e "$w|$v2"
-c -k "$f" -e 'zq[0-9]x'
-l -k "title,$f" -e "$w"
-c -k "$f,body" -a -F -e "$v1" -e the
EOF
# Under valgrind a run takes a second: the first queries only, on the
# generated stream.
if [ -n "${ARTKIT_WRAP:-}" ]; then
	head -n 5 "$T/queries" >"$T/q5" && mv "$T/q5" "$T/queries"
fi

# diffs NAME RECORDS TEXT...: every query on every field, one test a
# field.
diffs() {
	name=$1
	recs=$2
	shift 2
	for f in $fields; do
		artfields -f "$f" "$@" >"$T/values" 2>/dev/null
		v1=$(value "$T/values" 2)
		v2=$(value "$T/values" 9 "$v1" | para)
		v1=$(printf '%s\n' "$v1" | para)
		m=$(awk 'index($0, "|") { print; exit }' "$T/values" | para)
		m=${m:-$v1}
		w=$(printf '%s\n' "$v1" | word)
		up=$(printf '%s\n' "$v1" | tr a-z A-Z)
		bad=
		while IFS= read -r q; do
			eval "artgrep $q \"\$@\"" >"$T/a.out" 2>/dev/null
			echo "status $?" >>"$T/a.out"
			eval "artgrep $q \"\$recs\"" >"$T/b.out" 2>"$T/b.err"
			echo "status $?" >>"$T/b.out"
			cat "$T/b.err" >>"$T/b.out"
			cmp -s "$T/a.out" "$T/b.out" && continue
			bad="$bad
artgrep $(eval "printf '%s ' $q")
$(diff "$T/a.out" "$T/b.out" | head -10)"
		done <"$T/queries"
		if [ -z "$bad" ]; then
			_pass "$name: -k $f, text and records agree"
		else
			_fail "$name: -k $f, text and records agree" "$bad"
		fi
	done
}

# The articles are read from $T/in, by the names their records give as
# their origins.
mkdir "$T/in"
cd "$T/in" || exit 2

gen=$top/bench/gen
[ -x "$gen" ] || make -s -C "$top" bench/gen >/dev/null 2>&1
"$gen" -n 40 -s 7 -b 0.2 -c >gen.txt
artsplit gen.txt >"$T/gen.tsv" 2>/dev/null
diffs 'generated, damaged, CRLF' "$T/gen.tsv" gen.txt

bbc=$shared/corpus/bbc-news/raw
if [ -n "${ARTKIT_WRAP:-}" ]; then
	skip 'BBC: text and records agree' 'slow under ARTKIT_WRAP'
elif [ -d "$bbc" ]; then
	# One article in fifty, of every section.
	for p in $(ls "$bbc"/*/*.txt | awk 'NR % 50 == 7'); do
		cp "$p" "$(basename "$(dirname "$p")")-$(basename "$p")"
	done
	set -- *-*.txt
	artsplit "$@" >"$T/bbc.tsv"
	diffs BBC "$T/bbc.tsv" "$@"
else
	skip 'BBC: text and records agree' "no $bbc"
fi

done_testing
