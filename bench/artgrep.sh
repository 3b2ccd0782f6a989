# bench/artgrep.sh: artgrep counting the records that match, into a
# pipe, against grep on the same records and mawk matching the body
# column: a rare word (in about 1% of the articles) and a word in about
# half of them, as they are and with case folded, and an alternation of
# four words; then, on a slice of the records, against ripgrep, and with
# watch lists of names (below).
rare=Skepticism
half=government
four='ceasefire|inflation|sanctions|drones'

for w in rare half; do
	eval "word=\$$w"
	tool "artgrep -F $w" "$REC" \
	    "mem cmd/artgrep -c -F $word \"\$REC\" | cat >/dev/null"
	peer "grep -c -F" "mem grep -c -F $word \"\$REC\" | cat >/dev/null"
	peer "mawk '\$6 ~ /word/' | wc -l" \
	    "mem mawk -F'\\t' '\$6 ~ /$word/' \"\$REC\" | wc -l >/dev/null"
	tool "artgrep -iF $w" "$REC" \
	    "mem cmd/artgrep -c -i -F $word \"\$REC\" | cat >/dev/null"
	peer "grep -c -i -F" \
	    "mem grep -c -i -F $word \"\$REC\" | cat >/dev/null"
done
tool "artgrep -E 4" "$REC" \
    "mem cmd/artgrep -c -E '$four' \"\$REC\" | cat >/dev/null"
peer "grep -c -E" "mem grep -c -E '$four' \"\$REC\" | cat >/dev/null"
note "artgrep: -c into a pipe; rare = $rare, half = $half," \
    "4 = '$four'."

# Against ripgrep, on the same bytes for both: SLICE, the whole records
# in the first 120 MB of the records (all of them when there are fewer),
# each count written into a pipe read by wc -c.  A place (in about 40% of
# the articles), with case folded, and an alternation of four places, one
# of which (Tbilisi) the stream never names.  Then watch lists of names,
# made by bench/gen for SLICE: 1,000 that occur nowhere in it, in any
# case (against grep too, and folded against ripgrep alone: grep -i folds
# only ASCII in the C locale), 1,000 that it holds (pairs of places, in
# a little more than half of the records), and for the peak RSS 10,000
# that occur nowhere.
SLICE=$OUT/slice.tsv
if [ ! -s "$SLICE" ] || [ "$REC" -nt "$SLICE" ]; then
	echo "bench: making $SLICE" >&2
	head -n "$(head -c 120000000 "$REC" | wc -l)" "$REC" >"$SLICE.tmp"
	mv "$SLICE.tmp" "$SLICE"
fi
# Makes the list $1 of bench/gen $2 $3 for SLICE, unless it is made.
_names() {
	if [ ! -s "$1" ] || [ "$SLICE" -nt "$1" ] || [ bench/gen -nt "$1" ]
	then
		echo "bench: making $1" >&2
		bench/gen "$2" "$3" -s "$BENCH_SEED" "$SLICE" >"$1.tmp"
		mv "$1.tmp" "$1"
	fi
}
ABSENT=$OUT/absent.txt
PRESENT=$OUT/present.txt
ABSENT10K=$OUT/absent10k.txt
_names "$ABSENT" -a 1000
_names "$PRESENT" -p 1000
_names "$ABSENT10K" -a 10000
cat "$SLICE" >/dev/null
places='Kharkiv|Odesa|Geneva|Tbilisi'

tool 'artgrep -F P' "$SLICE" \
    'mem cmd/artgrep -c -F Pokrovsk "$SLICE" | wc -c >/dev/null'
peer 'rg -c -F' 'mem rg -c -F Pokrovsk "$SLICE" | wc -c >/dev/null'
tool 'artgrep -iF p' "$SLICE" \
    'mem cmd/artgrep -c -i -F pokrovsk "$SLICE" | wc -c >/dev/null'
peer 'rg -c -i -F' 'mem rg -c -i -F pokrovsk "$SLICE" | wc -c >/dev/null'
tool 'artgrep -E 4p' "$SLICE" \
    'mem cmd/artgrep -c -E "$places" "$SLICE" | wc -c >/dev/null'
peer 'rg -c' 'mem rg -c "$places" "$SLICE" | wc -c >/dev/null'

tool 'artgrep -f no' "$SLICE" 'memgrep cmd/artgrep -c -F -f "$ABSENT" \
    "$SLICE" | wc -c >/dev/null'
peer 'grep -c -F -f' 'memgrep grep -c -F -f "$ABSENT" "$SLICE" |
    wc -c >/dev/null'
peer 'rg -c -F -f' 'memgrep rg -c -F -f "$ABSENT" "$SLICE" | wc -c >/dev/null'
tool 'artgrep -if no' "$SLICE" 'memgrep cmd/artgrep -c -i -F -f "$ABSENT" \
    "$SLICE" | wc -c >/dev/null'
peer 'rg -c -i -F -f' 'memgrep rg -c -i -F -f "$ABSENT" "$SLICE" |
    wc -c >/dev/null'
tool 'artgrep -f yes' "$SLICE" 'mem cmd/artgrep -c -F -f "$PRESENT" \
    "$SLICE" | wc -c >/dev/null'
peer 'grep -c -F -f' 'mem grep -c -F -f "$PRESENT" "$SLICE" | wc -c >/dev/null'
peer 'rg -c -F -f' 'mem rg -c -F -f "$PRESENT" "$SLICE" | wc -c >/dev/null'
tool 'artgrep -f 10k' "$SLICE" 'memgrep cmd/artgrep -c -F -f "$ABSENT10K" \
    "$SLICE" | wc -c >/dev/null'
peer 'grep -c -F -f' 'memgrep grep -c -F -f "$ABSENT10K" "$SLICE" |
    wc -c >/dev/null'
peer 'rg -c -F -f' 'memgrep rg -c -F -f "$ABSENT10K" "$SLICE" |
    wc -c >/dev/null'
note "artgrep against rg: on $SLICE ($(wc -c <"$SLICE") bytes," \
    "$(wc -l <"$SLICE") records); P = Pokrovsk, 4p = '$places';" \
    "no = 1,000 names that no record holds, yes = 1,000 names that" \
    "$(grep -c -F -f "$PRESENT" "$SLICE") records hold one or more of," \
    "10k = 10,000 names that no record holds."
