# bench/artstat.sh: artstat's summary against wc -w on the same text, its
# top terms and names against a word count in mawk and the
# tr | sort | uniq -c pipeline, its near-duplicates at -k 8 against -k 3,
# and the parallel recipe of artstat(1), chunks (-c) of the file, against
# one process and against pieces that parallel --pipepart copies.

# A word count in an awk associative array, and its ten most frequent.
MAWK_WORDS='{ for (i = 1; i <= NF; i++) c[tolower($i)]++ }
END { for (w in c) print c[w], w }'
# Pieces of article text cut before headers that follow a blank line,
# one piece per job (--block -1), as artstat(1) showed before -c.
PIECES='--pipepart --block -1 --regexp --recend "\n\s*\n" --recstart "\s*date\s"'

tool artstat "$ART" 'mem cmd/artstat "$ART" >/dev/null'
peer 'LC_ALL=C wc -w' 'mem wc -w "$ART" >/dev/null'

tool 'artstat -w' "$ART" 'mem cmd/artstat -w "$ART" >/dev/null'
peer 'mawk c[tolower($i)]++' \
    'mem mawk "$MAWK_WORDS" "$ART" | sort -rn | head -n 10 >/dev/null'
peer 'tr|tr|sort|uniq -c|sort' 'tr -cs A-Za-z "\n" <"$ART" | tr A-Z a-z |
    sort | uniq -c | sort -rn | head -n 10 >/dev/null'

tool 'artstat -N' "$ART" 'mem cmd/artstat -N "$ART" >/dev/null'
peer 'mawk c[tolower($i)]++' \
    'mem mawk "$MAWK_WORDS" "$ART" | sort -rn | head -n 10 >/dev/null'

# Near-duplicates (-d) at the largest -k against the default -k 3, on
# 200,000 generated articles (some 630 MB), and against artfields making
# the same fingerprints alone: what clustering them adds.
NEAR=$OUT/near.txt
if [ ! -s "$NEAR" ] || [ bench/gen -nt "$NEAR" ]; then
	bench/gen -n 200000 -s "$BENCH_SEED" >"$NEAR.tmp"
	mv "$NEAR.tmp" "$NEAR"
fi
tool 'artstat -d -k 8' "$NEAR" 'mem cmd/artstat -d -k 8 "$NEAR" >/dev/null'
peer 'artstat -d -k 3' 'mem cmd/artstat -d -k 3 "$NEAR" >/dev/null'
peer 'artfields -f simhash' 'mem cmd/artfields -f simhash "$NEAR" >/dev/null'
note 'artstat: -d -k 8 should take no more than 4 times -d -k 3 (ratio 0.25 or more).'

if command -v parallel >/dev/null 2>&1; then
	# One chunk (-c) per processor, each read by its own process.
	NCPU=$(getconf _NPROCESSORS_ONLN 2>/dev/null || echo 2)
	CHUNKS="seq $NCPU | parallel cmd/artstat -p -c {}/$NCPU"
	tool 'artstat -c' "$ART" 'eval $CHUNKS "\$ART" |
	    mem cmd/artstat -m >/dev/null'
	peer 'artstat, one process' 'cmd/artstat "$ART" >/dev/null'
	peer 'parallel --pipepart artstat' 'eval parallel $PIECES -a "\$ART" \
	    cmd/artstat -p | cmd/artstat -m >/dev/null'
	tool 'artstat -w -c' "$ART" 'eval $CHUNKS -w "\$ART" |
	    mem cmd/artstat -m -w >/dev/null'
	peer 'artstat -w, one process' 'cmd/artstat -w "$ART" >/dev/null'
	tool 'artstat -c rec' "$REC" 'eval $CHUNKS "\$REC" |
	    mem cmd/artstat -m >/dev/null'
	peer 'artstat records, one' 'cmd/artstat "$REC" >/dev/null'
	# The same chunks as jobs of the shell: what is left when parallel's
	# own start (some 0.15 s) is taken away.
	JOBS='_k=1; while [ $_k -le $NCPU ]; do
	    cmd/artstat -p -c $_k/$NCPU "$ART" >"$OUT/part.$_k" &
	    _k=$((_k + 1)); done; wait'
	tool 'artstat -c &' "$ART" 'eval "$JOBS"; mem cmd/artstat -m \
	    "$OUT"/part.* >/dev/null; rm -f "$OUT"/part.*'
	peer 'artstat, one process' 'cmd/artstat "$ART" >/dev/null'
	note "artstat: parallel rows: $NCPU chunks (-c), one per processor; the peak RSS is the merge's."
else
	note 'artstat: no GNU parallel: the rows of the parallel recipe are left out.'
fi
note 'artstat: the peak RSS should stay under 64 MB (65536 KB) on this input.'
