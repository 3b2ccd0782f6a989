# bench/formats.sh: artsplit on TREC SGML against artsplit on the same
# articles as article text.  bench/totrec.awk makes the SGML of $ART once,
# in the layout of the AP collection (wrapped lines, indented paragraphs,
# character references); each side's MB/s is over its own input, and the
# ratio is SGML's MB/s over article text's.
SGML=$OUT/articles.sgml
if [ ! -s "$SGML" ] || [ "$ART" -nt "$SGML" ] ||
    [ bench/totrec.awk -nt "$SGML" ]; then
	echo "bench: making $SGML" >&2
	mawk -f bench/totrec.awk "$ART" >"$SGML.tmp"
	mv "$SGML.tmp" "$SGML"
fi
cat "$SGML" >/dev/null
_time 'mem cmd/artsplit "$SGML" | wc -c >/dev/null'
_sns=$_ns _srss=$_rss
_time 'mem cmd/artsplit "$ART" | wc -c >/dev/null'
_sm=$(_mbs "$(wc -c <"$SGML")" "$_sns")
_tm=$(_mbs "$(wc -c <"$ART")" "$_ns")
_row 'artsplit trec' 'artsplit on article text' "$_sm" "$_tm" \
    "$(awk -v a="$_sm" -v b="$_tm" 'BEGIN { printf "%.2f", a / b }')" \
    "$_srss" "$_rss"
note "artsplit trec: the same articles as TREC SGML ($(wc -c <"$SGML") bytes," \
    "bench/totrec.awk); ratio = its MB/s over article text's."
