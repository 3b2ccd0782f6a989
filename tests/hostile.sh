#!/bin/sh
# tests/hostile.sh: runs hostile inputs through every tool and prints a
# table: the input, the tool, its exit status, the seconds it took, its
# peak memory, and the verdict.
#
#   sh tests/hostile.sh [quick|full]
#
# full (make hostile) uses the sizes of tests/README: a 1 GB line, 10^6
# empty and 10^6 tiny articles, /dev/urandom for 10 s.  quick
# (tests/cmd/hostile.t, in make check) uses sizes a hundred times
# smaller.  A run passes when the tool ends by itself (timeout(1) stops it
# after HOSTILE_TIMEOUT seconds, 600 by default: a hang), is not killed by
# a signal, exits 0, 1 or 2, says only "TOOL: ..." on the standard error,
# writes only whole lines (records of six columns for artsplit), and
# stays under HOSTILE_RSS kilobytes (1 GB by default).
#
# Then the bounds: every input of every tool (article text, records,
# the patterns of artgrep -f, the stop words of artstat -S, the partials
# of artstat -m) fed /dev/zero and a line that never ends, each run under
# ulimit -v and timeout; a run passes when the tool ends by itself, in
# the memory allowed, with the message of the bound its page gives and
# exit 2.
#
# The script exits 1 when a run fails.  $ARTKIT_WRAP (valgrind) is put in
# front of each tool; the peak memory is then the wrapper's.
# HOSTILE_RESULTS=FILE appends a line for each run to FILE: "pass" or
# "FAIL", the name of the run and its verdict, separated by tabs.
set -u
cd "$(dirname "$0")/.."
top=$(pwd)
scale=${1:-quick}
timeout=${HOSTILE_TIMEOUT:-600}
maxrss=${HOSTILE_RSS:-1048576}
T=$(mktemp -d "${TMPDIR:-/tmp}/artkit-hostile.XXXXXX")
trap 'rm -rf "$T"' EXIT
LC_ALL=C
export LC_ALL

# For the bounds: the -L given to the tools (none: the default, 64M),
# how much of a line without end is fed where it must be cut, and the
# memory allowed (ulimit -v, in kB), in which the whole of that line
# does not fit.
if [ "$scale" = full ]; then
	many=1000000 line=1073741824 urandom=10
	L= endless=1073741824 vmax=524288
elif [ -n "${ARTKIT_WRAP:-}" ]; then
	# Under valgrind, ten times smaller again: the same code runs.
	many=1000 line=1048576 urandom=1
	L="-L 1M" endless=8388608 vmax=32768
else
	many=10000 line=10737418 urandom=1
	L="-L 1M" endless=67108864 vmax=32768
fi
boundtime=${HOSTILE_BOUNDTIME:-120}
if [ ! -x /usr/bin/time ]; then
	echo "hostile: /usr/bin/time is needed (apt-get install time)" >&2
	exit 1
fi

# The tools there are, each with the options of its run: one that reads
# every article and writes something for each.
tools=
for t in artsplit artfields artgrep artstat; do
	[ -x "cmd/$t" ] && tools="$tools $t"
done
args() {
	case $1 in
	artgrep) echo "-v -e zzzzzzzzzz" ;;
	*) echo "" ;;
	esac
}

# The inputs: each is a command that writes it to the standard output.
gen_nul() {
	printf 'date 2025-01-01 A\0title\n\nbody\0with\0NULs\n\n\0\0\0\n'
	head -c 100000 /dev/zero
	printf '\ndate 2025-01-02 After\n\nafter\n'
}
gen_utf8() {
	printf 'date 2025-01-01 \377\376 bad \300\257 overlong\n\n'
	printf 'By \355\240\200 surrogate, \364\220\200\200 too high\n\n'
	printf '\342\200 cut \342 \200\200\200 \370\210\200\200\200 five\n\n'
	printf '\342\200\234quote \342\200\n\xe9t\xe9 Latin-1\n'
}
gen_longline() {
	printf 'date 2025-01-01 Long\n\n'
	head -c "$line" /dev/zero | tr '\0' x
	printf '\n\ndate 2025-01-02 After\n\nafter\n'
}
gen_empty() {
	awk -v n="$many" 'BEGIN { for (i = 0; i < n; i++) print "date -" }'
}
gen_tiny() {
	awk -v n="$many" 'BEGIN { for (i = 0; i < n; i++)
	    printf "date 2025-01-01 t%d\n\nb\n", i }'
}
gen_quotes() {
	awk 'BEGIN {
		printf "date 2025-01-01 Quotes\n\n"
		for (i = 0; i < 20000; i++) printf "\342\200\234\302\253\342\200\230\""
		printf " said he.\n\n"
		for (i = 0; i < 20000; i++) printf "\342\200\235\302\273\342\200\231\""
		printf "\n"
		for (i = 0; i < 5000; i++) printf "\342\200\234a \n\n"
	}'
}
gen_headers() {
	awk -v n="$many" 'BEGIN { for (i = 0; i < n; i++)
	    printf "date 2025-01-%02d Header only %d\n", i % 28 + 1, i }'
}
gen_binary() {
	cat /bin/sh "$top/cmd/artsplit" /usr/bin/awk
}
gen_urandom() {
	timeout "$urandom" cat /dev/urandom
}

inputs="nul utf8 longline empty tiny quotes headers binary urandom"
describe() {
	case $1 in
	nul) echo "NUL bytes in title, body and a 100 kB run" ;;
	utf8) echo "invalid UTF-8 (overlong, surrogate, cut, 5-byte, Latin-1)" ;;
	longline) echo "a line of $line bytes" ;;
	empty) echo "$many empty articles (date - alone)" ;;
	tiny) echo "$many tiny articles" ;;
	quotes) echo "quotation marks nested 80000 deep, 5000 left open" ;;
	headers) echo "a header-only stream of $many headers" ;;
	binary) echo "binary files (/bin/sh, artsplit, awk)" ;;
	urandom) echo "/dev/urandom for $urandom s" ;;
	esac
}

# judge TOOL STATUS: what is wrong with the run just made, if anything.
judge() {
	if [ "$2" = 124 ]; then
		echo "still running after $timeout s"
		return
	fi
	[ "$2" -ge 128 ] && echo "killed by signal $(($2 - 128))"
	[ "$2" -le 2 ] || echo "exit $2"
	grep -v "^$1: " "$T/err" | head -2 | sed 's/^/stderr: /'
	if [ -s "$T/out" ] &&
	    [ "$(tail -c 1 "$T/out" | od -An -c | tr -d ' ')" != '\n' ]; then
		echo "a torn last line"
	fi
	if [ "$1" = artsplit ] && ! awk -F'\t' 'NF != 6 { exit 1 }' "$T/out"
	then
		echo "a record without six columns"
	fi
	[ "$(cat "$T/rss")" -le "$maxrss" ] || echo "over $maxrss kB"
}

# result VERDICT NAME: notes the verdict of a run for HOSTILE_RESULTS.
result() {
	[ -z "${HOSTILE_RESULTS:-}" ] ||
	    printf '%s\t%s\t%s\n' "${1%%:*}" "$2" "$1" >>"$HOSTILE_RESULTS"
}

printf '%-9s %-9s %4s %7s %8s  %s\n' input tool exit seconds 'peak MB' \
    verdict
failed=0
for i in $inputs; do
	# Made once, into a file, but for the endless ones.
	case $i in
	urandom) ;;
	*) gen_$i >"$T/in.$i" ;;
	esac
	for t in $tools; do
		start=$(date +%s.%N)
		if [ "$i" = urandom ]; then
			gen_urandom | /usr/bin/time -f %M -o "$T/rss" \
			    timeout "$timeout" ${ARTKIT_WRAP:-} "cmd/$t" \
			    $(args $t) >"$T/out" 2>"$T/err"
		else
			/usr/bin/time -f %M -o "$T/rss" timeout "$timeout" \
			    ${ARTKIT_WRAP:-} "cmd/$t" $(args $t) "$T/in.$i" \
			    >"$T/out" 2>"$T/err"
		fi
		status=$?
		end=$(date +%s.%N)
		# time(1) notes a status of its own when the command failed.
		rss=$(tail -n 1 "$T/rss")
		echo "$rss" >"$T/rss"
		why=$(judge "$t" "$status")
		if [ -z "$why" ]; then
			verdict=pass
		else
			verdict="FAIL: $(echo "$why" | head -3 | tr '\n' ';')"
			failed=1
		fi
		printf '%-9s %-9s %4s %7.1f %8.1f  %s\n' "$i" "$t" "$status" \
		    "$(awk "BEGIN { print $end - $start }")" \
		    "$(awk "BEGIN { print $rss / 1024 }")" "$verdict"
		[ "$verdict" = pass ] || sed 's/^/# /' "$T/err" | head -5
		result "$verdict" "$i $t"
		printf '%s\t%s\t%s\n' "$i" "$t" "$(sort "$T/err" |
		    sed "s|$T/in\.$i|FILE|; s|:[0-9]*:|:N:|" | uniq -c |
		    sort -rn | head -3 | awk '{ $1 = $1 "x"; print }' |
		    tr '\n' ';')" >>"$T/messages"
	done
	rm -f "$T/in.$i"
done

# artgrep and the worst regular expressions we know, over one paragraph
# of "abab..." without a c: each must end, exit 1 and say nothing.
if [ -x cmd/artgrep ]; then
	{
		printf 'date - Long\n\n'
		awk -v n="$((line / 2048))" 'BEGIN { for (i = 0; i < n; i++)
		    printf "ab"; print "" }'
	} >"$T/in.ab"
	for re in 'a.*c' 'b[ab]*c' '(a|ab|b)*c' '((a*)*b*)*c' '(.*)*c'; do
		start=$(date +%s.%N)
		/usr/bin/time -f %M -o "$T/rss" timeout "$timeout" \
		    ${ARTKIT_WRAP:-} cmd/artgrep -c -e "$re" "$T/in.ab" \
		    >"$T/out" 2>"$T/err"
		status=$?
		end=$(date +%s.%N)
		rss=$(tail -n 1 "$T/rss")
		verdict=pass
		if [ "$status" != 1 ] || [ -s "$T/err" ]; then
			verdict="FAIL: exit $status, $(head -c 200 "$T/err")"
			failed=1
		fi
		printf '%-19s %4s %7.1f %8.1f  %s\n' "regex $re" "$status" \
		    "$(awk "BEGIN { print $end - $start }")" \
		    "$(awk "BEGIN { print $rss / 1024 }")" "$verdict"
		result "$verdict" "regex $re"
	done
fi

# The bounds.  What never ends, /dev/zero and a line of y without a
# newline, is cut at $endless bytes where the tool reads on past its
# bound (articles, in which a line over the bound is skipped), and fed
# whole where the tool must stop by itself (the side inputs: /dev/zero
# as the file operand, the line on the standard input).  The records
# inputs begin with a record, so that they are read as records.
rec=$(printf '0123456789abcdef\t2025-01-01\tTitle\t\tx:1\tbody')
feed_zero() { head -c "$endless" /dev/zero; }
feed_endless() { yes | tr -d '\n' | head -c "$endless"; }
feed_yes() { yes | tr -d '\n'; }
feed_reczero() { printf '%s\n' "$rec"; feed_zero; }
feed_recendless() { printf '%s\n' "$rec"; feed_endless; }

# ulimit -v holds the tools but under a sanitizer or valgrind, which
# reserve more address space than that: there the side inputs are cut
# as the others are, and only the peak memory is checked, against four
# times the limit (the shadow memory of AddressSanitizer) or, under
# valgrind, HOSTILE_RSS.
if sh -c "ulimit -v $vmax && exec ${ARTKIT_WRAP:-} cmd/artsplit" \
    </dev/null >/dev/null 2>&1; then
	limit="ulimit -v $vmax;" bmax=$vmax
	zero=/dev/zero zname=/dev/zero zfeed=none yesf=feed_yes
else
	limit= bmax=$((vmax * 4))
	zero=- zname=- zfeed=feed_zero yesf=feed_endless
	[ -z "${ARTKIT_WRAP:-}" ] || bmax=$maxrss
fi

# bound NAME FEED WANT TOOL ARG...: a run of the tool under the limits,
# its standard input the output of the function FEED (or nothing, for
# "none"); WANT is an extended regular expression that a line of its
# standard error must match: the message of the bound.
bound() {
	name=$1 feed=$2 want=$3
	shift 3
	start=$(date +%s.%N)
	if [ "$feed" = none ]; then
		limited "$@" </dev/null
	else
		$feed | limited "$@"
	fi
	status=$?
	end=$(date +%s.%N)
	rss=$(tail -n 1 "$T/rss")
	echo "$rss" >"$T/rss"
	why=$(judgebound "$1" "$status" "$want")
	if [ -z "$why" ]; then
		verdict=pass
	else
		verdict="FAIL: $(echo "$why" | head -3 | tr '\n' ';')"
		failed=1
	fi
	printf '%-8s %-8s %-9s %4s %7.1f %8.1f  %s\n' ${name% *} \
	    "${name#* }" "$1" "$status" \
	    "$(awk "BEGIN { print $end - $start }")" \
	    "$(awk "BEGIN { print $rss / 1024 }")" "$verdict"
	[ "$verdict" = pass ] || sed 's/^/# /' "$T/err" | head -5
	result "$verdict" "$name $1"
}
limited() {
	/usr/bin/time -f %M -o "$T/rss" sh -c \
	    "$limit exec timeout $boundtime \"\$@\"" sh ${ARTKIT_WRAP:-} \
	    "cmd/$@" >"$T/out" 2>"$T/err"
}

# judgebound TOOL STATUS WANT: what is wrong with the run of a bound.
judgebound() {
	if [ "$2" = 124 ]; then
		echo "still running after $boundtime s"
		return
	fi
	[ "$2" -lt 128 ] || echo "killed by signal $(($2 - 128))"
	[ "$2" = 2 ] || echo "exit $2, not 2"
	grep -Eq "$3" "$T/err" || echo "not the message of the bound:" \
	    "$(head -c 200 "$T/err")"
	grep -v "^$1: " "$T/err" | head -2 | sed 's/^/stderr: /'
	if [ -s "$T/out" ] &&
	    [ "$(tail -c 1 "$T/out" | od -An -c | tr -d ' ')" != '\n' ]; then
		echo "a torn last line"
	fi
	[ "$(cat "$T/rss")" -le "$bmax" ] || echo "over $bmax kB"
}

echo
printf '%-8s %-8s %-9s %4s %7s %8s  %s\n' bound reads tool exit seconds \
    'peak MB' verdict
# A record over the bound is skipped as a line, an article of article text
# whole.
long='line longer than [0-9]+ bytes skipped$'
longart='line longer than [0-9]+ bytes; the article begun at line 1 skipped$'
printf 'date 2025-01-01 One\n\nbody\n' >"$T/one.txt"
for t in $tools; do
	case $t in
	artgrep) a="-v -e zzzzzzzzzz" r="-e zzzzzzzzzz" ;;
	*) a= r= ;;
	esac
	bound "zero text" feed_zero "^$t: -:1: $longart" $t $L $a
	bound "endless text" feed_endless "^$t: -:1: $longart" $t $L $a
	bound "zero records" feed_reczero "^$t: -:2: $long" $t $L $r
	bound "endless records" feed_recendless "^$t: -:2: $long" $t $L $r
done
if [ -x cmd/artgrep ]; then
	pat="^artgrep: $zname: a pattern file may hold at most 1048576 bytes\$"
	bound "zero -f" $zfeed "$pat" artgrep -f $zero "$T/one.txt"
	pat="^artgrep: -: a pattern file may hold at most 1048576 bytes\$"
	bound "endless -f" $yesf "$pat" artgrep -f - "$T/one.txt"
fi
if [ -x cmd/artstat ]; then
	feed_endless >"$T/endless"
	bound "endless -c" none "^artstat: $T/endless:1: $longart" \
	    artstat $L -c 1/2 "$T/endless"
	rm -f "$T/endless"
	# A file of stop words is held whole to -L, a partial line by line.
	sw='longer than [0-9]+ bytes, the bound of -L$'
	bound "zero -S" $zfeed "^artstat: $zname: $sw" \
	    artstat $L -w -S $zero "$T/one.txt"
	bound "endless -S" $yesf "^artstat: -: $sw" \
	    artstat $L -w -S - "$T/one.txt"
	bound "zero -m" $zfeed "^artstat: $zname:1: line $sw" \
	    artstat $L -m $zero
	bound "endless -m" $yesf "^artstat: -:1: line $sw" artstat $L -m -
fi

echo
for i in $inputs; do
	echo "$i: $(describe $i)"
done
echo "regex: artgrep -c -e EXPR over a paragraph of $((line / 1024)) bytes"
echo "    of abab... without a c"
echo "zero: $endless bytes of /dev/zero, or all of it as the file operand"
echo "endless: a line of y without a newline, $endless bytes, or without"
echo "    end for a file that the tool must stop reading by itself"
echo "bounds: ${L:-the default -L}, $bmax kB at most, under" \
    "${limit:-no ulimit}" | sed 's/;$//'

echo
echo "what the tools said, most frequent first:"
cat "$T/messages"
exit $failed
