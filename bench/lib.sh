# bench/lib.sh: what the rows files (bench/*.sh) use; sourced by bench/run.
#
# A rows file times one of our tools against its peers, one row per peer:
#
#	tool NAME FILE CMD	times CMD, a shell command running our tool
#				NAME on FILE (whose size gives the MB/s); the
#				peer calls that follow compare with it
#	peer NAME CMD [FILE]	times CMD, a peer doing the same work, and
#				prints the row: NAME, its MB/s, ours, the
#				ratio (ours / theirs) and the peak RSS of each;
#				the peer's MB/s is over FILE when it reads
#				another input than the tool (the same
#				articles in another format, say)
#	note TEXT		prints a line of text under the table
#
# CMD is evaluated by this shell (so `mem' and the variables below work
# in it), best of $BENCH_RUNS runs by wall clock.  Put `mem' in front of
# the one process whose peak RSS counts:
#
#	tool artsplit "$ART" 'mem cmd/artsplit "$ART" | wc -c >/dev/null'
#	peer 'cat FILE | wc -c' 'cat "$ART" | wc -c >/dev/null'
#
# or `memgrep' in front of a command of the grep family, whose status 1
# says only that nothing matched, not that it failed.
#
# The inputs, made once by bench/run: $ART, a generated article stream of
# at least 250 MB; $REC, the records artsplit makes of it.  $OUT is the
# scratch directory (bench/out), $AWK_SPLIT the awk split program.  A
# peer command timed once is not timed again: its figures are reused.

BENCH_RUNS=${BENCH_RUNS:-3}
OUT=${OUT:-bench/out}

# Runs a command with its peak RSS (KB) written for the row.
mem() {
	/usr/bin/time -f %M -o "$OUT/rss" "$@"
}

# The same for a command whose status 1 is no failure: time(1) is told
# to keep quiet about it, and a status above 1 is reported here.
memgrep() {
	/usr/bin/time -q -f %M -o "$OUT/rss" "$@"
	_st=$?
	[ "$_st" -le 1 ] && return 0
	echo "bench: failed ($_st): $*" >&2
	return "$_st"
}

# Prints a number of bytes in $1 over $2 nanoseconds as MB/s (10^6 bytes).
_mbs() {
	awk -v b="$1" -v ns="$2" 'BEGIN { printf "%.0f", b * 1000 / ns }'
}

# Times $1, best of $BENCH_RUNS; sets _ns (best time) and _rss (the
# largest peak RSS that `mem' or `memgrep' saw, or -).
_time() {
	_ns= _rss=- _i=0
	while [ "$_i" -lt "$BENCH_RUNS" ]; do
		rm -f "$OUT/rss"
		_t0=$(date +%s%N)
		eval "$1" || echo "bench: failed: $1" >&2
		_t1=$(date +%s%N)
		_t=$((_t1 - _t0))
		if [ -z "$_ns" ] || [ "$_t" -lt "$_ns" ]; then
			_ns=$_t
		fi
		if [ -s "$OUT/rss" ]; then
			# A failing command makes time(1) write a line first.
			_r=$(tail -n 1 "$OUT/rss")
			grep -q 'exited with' "$OUT/rss" &&
			    echo "bench: failed: $1" >&2
			if [ "$_rss" = - ] || [ "$_r" -gt "$_rss" ]; then
				_rss=$_r
			fi
		fi
		_i=$((_i + 1))
	done
}

tool() {
	_tname=$1 _tfile=$2
	_tbytes=$(wc -c <"$_tfile")
	_time "$3"
	_tns=$_ns _trss=$_rss
}

peer() {
	_pfile=${3:-$_tfile}
	_key=$(printf '%s\n%s\n' "$_pfile" "$2" | cksum | cut -d' ' -f1)
	if [ -f "$OUT/peer.$_key" ]; then
		read -r _ns _rss <"$OUT/peer.$_key"
	else
		_time "$2"
		echo "$_ns $_rss" >"$OUT/peer.$_key"
	fi
	_row "$_tname" "$1" "$(_mbs "$_tbytes" "$_tns")" \
	    "$(_mbs "$(wc -c <"$_pfile")" "$_ns")" \
	    "$(awk -v a="$_tbytes" -v b="$(wc -c <"$_pfile")" -v ta="$_tns" \
	    -v tb="$_ns" 'BEGIN { printf "%.2f", (a / ta) / (b / tb) }')" \
	    "$_trss" "$_rss"
}

note() {
	_notes="${_notes:-}$*
"
}

_row() {
	printf '%-14s %-28s %8s %8s %6s %9s %9s\n' "$@"
}

# The head of the table.
bench_head() {
	_row tool peer 'MB/s' 'peer' 'ratio' 'RSS KB' 'peer RSS'
	_row -------------- ---------------------------- -------- -------- \
	    ------ --------- ---------
}

bench_tail() {
	[ -n "${_notes:-}" ] && printf '\n%s' "$_notes"
	return 0
}
