# bench/artgrep.sh: artgrep counting the records that match, into a
# pipe, against grep on the same records and mawk matching the body
# column: a rare word (in about 1% of the articles) and a word in about
# half of them, as they are and with case folded, and an alternation of
# four words.
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
