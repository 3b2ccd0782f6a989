# bench/formats.sh: artsplit on TREC SGML against artsplit on the same
# articles as article text.  bench/totrec.awk makes the SGML of $ART once,
# in the layout of the AP collection (lines wrapped at 72 columns,
# indented paragraphs, character references).  Each side's MB/s is over
# its own input, and the ratio is SGML's MB/s over article text's.
#
# The two are timed in turn, best of $BENCH_RUNS (5 at least) each, so
# that both see the same load; the note adds the same figures by CPU time
# (user + system), which a busy machine disturbs less than the wall
# clock.
SGML=$OUT/articles.sgml
if [ ! -s "$SGML" ] || [ "$ART" -nt "$SGML" ] ||
    [ bench/totrec.awk -nt "$SGML" ]; then
	echo "bench: making $SGML" >&2
	mawk -f bench/totrec.awk "$ART" >"$SGML.tmp"
	mv "$SGML.tmp" "$SGML"
fi
cat "$SGML" >/dev/null

# Times artsplit on $1 once; appends "wall cpu rss" to $2.
_fmt_run() {
	/usr/bin/time -f '%e %U %S %M' -o "$OUT/fmt.time" \
	    cmd/artsplit "$1" | wc -c >/dev/null
	tail -n 1 "$OUT/fmt.time" |
	    awk '{ printf "%s %.2f %s\n", $1, $2 + $3, $4 }' >>"$2"
}

# Prints the MB/s of the best wall time and of the best CPU time of the
# runs in $2 over the file $1, and the largest RSS.
_fmt_best() {
	awk -v b="$(wc -c <"$1")" '
	    NR == 1 || $1 < w { w = $1 }
	    NR == 1 || $2 < c { c = $2 }
	    $3 > r { r = $3 }
	    END { printf "%.0f %.0f %s\n", b / 1e6 / (w > 0 ? w : .01),
		b / 1e6 / (c > 0 ? c : .01), r }' "$2"
}

# Five runs at least: the best of few is at the mercy of the load.
_n=$BENCH_RUNS
[ "$_n" -lt 5 ] && _n=5
rm -f "$OUT/fmt.sgml" "$OUT/fmt.text"
_i=0
while [ "$_i" -lt "$_n" ]; do
	_fmt_run "$SGML" "$OUT/fmt.sgml"
	_fmt_run "$ART" "$OUT/fmt.text"
	_i=$((_i + 1))
done
set -- $(_fmt_best "$SGML" "$OUT/fmt.sgml") $(_fmt_best "$ART" "$OUT/fmt.text")
_row 'artsplit trec' 'artsplit on article text' "$1" "$4" \
    "$(awk -v a="$1" -v b="$4" 'BEGIN { printf "%.2f", a / b }')" "$3" "$6"
note "artsplit trec: the same articles as TREC SGML ($(wc -c <"$SGML")" \
    "bytes, bench/totrec.awk); ratio = its MB/s over article text's." \
    "By CPU time: $2 MB/s against $5 MB/s, ratio" \
    "$(awk -v a="$2" -v b="$5" 'BEGIN { printf "%.2f", a / b }')."
