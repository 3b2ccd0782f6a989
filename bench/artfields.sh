# bench/artfields.sh: artfields on records, beside awk doing the same.
#
# Stored fields: artfields -f date,title against mawk printing columns 2
# and 3, which is what the projection amounts to.  Text fields: artfields
# -f words,sentences,quotes (words, sentences and quotations in one pass
# over the body) against awk merely counting the white-space separated
# words of each body; and the same from article text, against awk adding
# up NF over the lines of each article.  Last, -f flesch and -f simhash
# against -f words.
AWK_PROJECT='{ print $2 "\t" $3 }'
AWK_WORDS='{ print $1 "\t" split($6, w, " ") }'
AWK_TEXTWORDS='/^ *date / { if (NR > 1) print n; n = 0; next } { n += NF } END { print n }'

tool 'artfields d,t' "$REC" \
    'mem cmd/artfields -f date,title "$REC" | wc -c >/dev/null'
peer "mawk print \$2,\$3" \
    'mem mawk -F "\t" "$AWK_PROJECT" "$REC" | wc -c >/dev/null'

tool 'artfields wsq' "$REC" \
    'mem cmd/artfields -f words,sentences,quotes "$REC" | wc -c >/dev/null'
peer 'mawk word count' \
    'mem mawk -F "\t" "$AWK_WORDS" "$REC" | wc -c >/dev/null'
peer 'gawk word count' \
    'mem gawk -F "\t" "$AWK_WORDS" "$REC" | wc -c >/dev/null'

tool 'artfields wsq<' "$ART" \
    'mem cmd/artfields -f words,sentences,quotes "$ART" | wc -c >/dev/null'
peer 'mawk word count (text)' \
    'mem mawk "$AWK_TEXTWORDS" "$ART" | wc -c >/dev/null'

note 'artfields: d,t is -f date,title; wsq is -f words,sentences,quotes, on records,'
note 'wsq< the same on article text.  The awk word counts split at white space.'

# What the scores over the body add to a pass that counts its words:
# -f flesch (the syllables of each word) and -f simhash (a hash of each
# word, the fingerprint of artstat -d), against -f words.
tool 'artfields fl' "$REC" \
    'mem cmd/artfields -f flesch "$REC" | wc -c >/dev/null'
peer 'artfields -f words' \
    'mem cmd/artfields -f words "$REC" | wc -c >/dev/null'
tool 'artfields sim' "$REC" \
    'mem cmd/artfields -f simhash "$REC" | wc -c >/dev/null'
peer 'artfields -f words' \
    'mem cmd/artfields -f words "$REC" | wc -c >/dev/null'
note 'artfields: fl is -f flesch, sim -f simhash, both on records.'
