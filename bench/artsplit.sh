# bench/artsplit.sh: artsplit, writing into a pipe, against the pipe
# ceiling (cat into the same pipe reader) and the same split in awk.
tool artsplit "$ART" 'mem cmd/artsplit "$ART" | wc -c >/dev/null'
peer 'cat FILE | wc -c' 'cat "$ART" | wc -c >/dev/null'
peer 'mawk -f split.awk' 'mem mawk -f "$AWK_SPLIT" "$ART" | wc -c >/dev/null'
peer 'gawk -f split.awk' 'mem gawk -f "$AWK_SPLIT" "$ART" | wc -c >/dev/null'

tool 'artsplit -r' "$REC" 'mem cmd/artsplit -r "$REC" | wc -c >/dev/null'
peer 'cat FILE | wc -c' 'cat "$REC" | wc -c >/dev/null'
note 'artsplit: the awk split (bench/split.awk) writes zeros for the id.'
