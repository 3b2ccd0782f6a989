# tests/cmd/lib.sh: TAP helpers for the tool tests, sourced by each *.t.
#
#	run CMD [ARG ...]		runs a command, keeping its stdout, stderr
#					and exit status for the checks below
#	expect NAME STATUS [OUT [ERR]]	one test: the status, and the stdout and
#					stderr against files (none or "" means
#					the stream must be empty)
#	check NAME CMD [ARG ...]	one test: passes when CMD succeeds
#	skip NAME REASON		one skipped test
#	done_testing			prints the plan; call it last
#
# The tools are shell functions that run the binaries under $ARTKIT_WRAP
# (valgrind, for one), so every call in a test is checked the same way.
# $T is a scratch directory, removed at exit; $top is the source tree and
# $shared the shared test material (../shared), which may be absent.
# With ARTKIT_ARGLOG set, every call of a tool is logged to that file as
# a line: the tool, then each argument after a tab (tests/compare reads
# them); a call with a tab or newline in an argument is left out.

set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
here=$top/tests/cmd
shared=${ARTKIT_SHARED:-$top/../shared}
T=$(mktemp -d "${TMPDIR:-/tmp}/artkit.XXXXXX")
trap 'rm -rf "$T"' EXIT
ntest=0
nfail=0
LC_ALL=C
export LC_ALL
# What the environment may say that changes what the tools do.
unset NO_COLOR POSIXLY_CORRECT

_tab=$(printf '\t')
_arglog() {
	[ -n "${ARTKIT_ARGLOG:-}" ] || return 0
	for _a; do
		case $_a in
		*"$_tab"*|*"
"*)	return 0 ;;
		esac
	done
	_l=$1
	shift
	for _a; do
		_l="$_l$_tab$_a"
	done
	printf '%s\n' "$_l" >>"$ARTKIT_ARGLOG"
}

for _t in artsplit artfields artgrep artstat; do
	eval "$_t() { _arglog $_t \"\$@\"; \${ARTKIT_WRAP:-} \"$top/cmd/$_t\" \"\$@\"; }"
done

run() {
	"$@" >"$T/out" 2>"$T/err"
	status=$?
}

_pass() {
	ntest=$((ntest + 1))
	echo "ok $ntest - $1"
}

_fail() {
	ntest=$((ntest + 1))
	nfail=$((nfail + 1))
	echo "not ok $ntest - $1"
	shift
	printf '%s\n' "$@" | sed 's/^/# /'
}

# Compares a captured stream with a file of what it should hold.
_same() {
	if [ -z "$2" ]; then
		[ ! -s "$1" ]
	else
		cmp -s "$1" "$2"
	fi
}

_show() {
	if [ -z "$2" ]; then
		echo "--- $3 should be empty, has:"
		head -c 2000 "$1"
	else
		echo "--- $3 differs (- want, + got):"
		diff -u "$2" "$1" | tail -n +3 | head -40
	fi
}

expect() {
	_name=$1 _want=$2 _out=${3:-} _err=${4:-}
	_why=
	[ "$status" = "$_want" ] ||
	    _why="exit status $status, want $_want"
	_same "$T/out" "$_out" || _why="$_why
$(_show "$T/out" "$_out" stdout)"
	_same "$T/err" "$_err" || _why="$_why
$(_show "$T/err" "$_err" stderr)"
	if [ -z "$_why" ]; then
		_pass "$_name"
	else
		_fail "$_name" "$_why"
	fi
}

check() {
	_name=$1
	shift
	if "$@" >"$T/check.out" 2>&1; then
		_pass "$_name"
	else
		_fail "$_name" "failed: $*" "$(head -c 2000 "$T/check.out")"
	fi
}

skip() {
	ntest=$((ntest + 1))
	echo "ok $ntest - $1 # SKIP $2"
}

done_testing() {
	echo "1..$ntest"
	[ "$nfail" -eq 0 ]
}
