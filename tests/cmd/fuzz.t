#!/bin/sh
# The fuzz targets of tests/fuzz, run once on every input the fuzzer kept
# (tests/fuzz/corpus/TARGET) and on every input it ever crashed on
# (tests/fuzz/regress/TARGET), with the build's own compiler and flags:
# under make check-asan that is ASan and UBSan, under check-valgrind
# valgrind.
. "$(dirname "$0")/lib.sh"

fuzz=$top/tests/fuzz
for src in "$fuzz"/fuzz_*.c; do
	t=$(basename "$src" .c)
	t=${t#fuzz_}
	if [ ! -x "$fuzz/fuzz_$t" ]; then
		_fail "fuzz_$t is built" "no $fuzz/fuzz_$t: make builds it"
		continue
	fi
	set -- "$fuzz/corpus/$t"
	[ -d "$fuzz/regress/$t" ] && set -- "$@" "$fuzz/regress/$t"
	run ${ARTKIT_WRAP:-} "$fuzz/fuzz_$t" "$@"
	printf '%s inputs\n' "$(cd "$fuzz" && find "${@#$fuzz/}" -type f |
	    wc -l | tr -d ' ')" >"$T/want"
	expect "fuzz_$t passes its corpus and regressions" 0 "$T/want"
done

done_testing
