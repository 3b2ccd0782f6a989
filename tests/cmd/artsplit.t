#!/bin/sh
# artsplit: article text in, records out, and back.
. "$(dirname "$0")/lib.sh"

seed=$top/seeds/000_323d18fcb59138b4.txt

run artsplit "$seed"
awk -F'\t' -v OFS='\t' '{ print NF, $2, $3, $4, $5 }' "$T/out" >"$T/cols"
printf '6\t2025-12-03\tPutin Warns Europe as US\342\200\223Russia Peace Talks Stall Over Ukraine\tBy Staff, Agencies\t%s:1\n' "$seed" >"$T/want"
check 'the seed gives one record with its columns' cmp "$T/cols" "$T/want"

# Each example of the manual pages, as written, from the top of the tree:
# it must succeed and print something.
examples() {
	sed -n '/^\.Sh EXAMPLES/,/^\.Sh /s/^\.Dl //p' "$1" | sed 's/\\e/\\/g'
}
for page in man/artsplit.1 man/artkit.5; do
	[ -f "$top/$page" ] || continue
	examples "$top/$page" >"$T/examples"
	[ -s "$T/examples" ] || _fail "$page has examples" "none found"
	while IFS= read -r ex; do
		check "$page example runs: $ex" sh -c 'cd "$1" &&
		    PATH="$1/cmd:$PATH" bash -o pipefail -c "$2" >"$3" &&
		    test -s "$3"' sh "$top" "$ex" "$T/ex.out"
	done <"$T/examples"
done

done_testing
