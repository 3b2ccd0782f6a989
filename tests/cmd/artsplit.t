#!/bin/sh
# artsplit: article text in, records out, and back.
. "$(dirname "$0")/lib.sh"

seed=$top/seeds/000_323d18fcb59138b4.txt

run artsplit "$seed"
awk -F'\t' -v OFS='\t' '{ print NF, $2, $3, $4, $5 }' "$T/out" >"$T/cols"
printf '6\t2025-12-03\tPutin Warns Europe as US\342\200\223Russia Peace Talks Stall Over Ukraine\tBy Staff, Agencies\t%s:1\n' "$seed" >"$T/want"
check 'the seed gives one record with its columns' cmp "$T/cols" "$T/want"

done_testing
