#!/bin/sh
# The habits of Unix tools that every artkit tool keeps: --help and
# --version, options among the operands as GNU tools take them, no
# pattern where grep would need none, NO_COLOR, folders as operands,
# and output line by line for tail -f; and around the tools, the README's
# examples, make demo and make install, with completion for bash, zsh
# and fish.
. "$(dirname "$0")/lib.sh"

seed=$top/seeds/000_323d18fcb59138b4.txt
version=$(sed -n 's/^VERSION = //p' "$top/Makefile")
tools='artsplit artfields artgrep artstat'
artsplit "$seed" >"$T/seed.tsv"

# helpopts TOOL: the options --help lists, one a line, sorted.
helpopts() {
	$1 --help | sed -n 's/^  *\(-[^ ,]*\)\(, \(--[^ ]*\)\)*.*/\1 \3/p' |
	    sed 's/\[=.*//' | tr ' ' '\n' | sed '/^$/d' | sort -u
}

# --- --help, -h, --version, unknown options -------------------------------

for t in $tools; do
	# The usage, as an unknown option prints it after getopt's message.
	run $t --bogus "$seed"
	sed 1d "$T/err" >"$T/usage"
	echo "$t: unrecognized option '--bogus'" >"$T/want"
	cat "$T/usage" >>"$T/want"
	expect "$t: an unknown long option is named, with the usage, status 2" \
	    2 "" "$T/want"
	check "$t: the usage begins 'usage: $t '" \
	    grep -q "^usage: $t " "$T/usage"

	# --help: the usage, a line per option, on the standard output.
	run $t --help
	cp "$T/out" "$T/help"
	expect "$t --help: status 0, nothing on the standard error" 0 \
	    "$T/help"
	n=$(wc -l <"$T/usage")
	head -n "$n" "$T/help" >"$T/got"
	check "$t --help: the usage first" cmp "$T/got" "$T/usage"
	check "$t --help: a line for -h, --help and --version" sh -c '
	    grep -q "^  -h, --help  " "$1" &&
	    grep -q "^      --version  " "$1" &&
	    grep -q "^      --line-buffered  " "$1"' sh "$T/help"
	check "$t --help: no line wider than 80 columns" \
	    awk 'length > 80 { exit 1 }' "$T/help"
	run $t -h
	expect "$t -h: the same as --help" 0 "$T/help"

	run $t --version
	echo "$t (artkit) $version" >"$T/want"
	expect "$t --version: its name and the version of artkit" 0 "$T/want"
	$t --version >/dev/full 2>"$T/err"
	status=$?
	: >"$T/out"
	echo "$t: write error: No space left on device" >"$T/want"
	expect "$t --version >/dev/full: a write error, status 2" 2 "" \
	    "$T/want"
done

run artstat --help=x
{ echo "artstat: option '--help' doesn't allow an argument"
  cat "$T/usage"; } >"$T/want"
expect 'an argument to --help: getopt names the option' 2 "" "$T/want"

# --- options among the operands; --; POSIXLY_CORRECT ----------------------

run artgrep Putin "$seed" -c
echo 1 >"$T/want"
expect 'artgrep PATTERN FILE -c: the pattern first, -c an option' 0 \
    "$T/want"

run artgrep Putin "$seed" -k title -i --color=never -c
expect 'options of every kind after the operands' 0 "$T/want"

{ printf 'name\tvalue\n'; artstat "$seed"; } >"$T/want"
run artstat "$seed" -H
expect 'artstat FILE -H: a header line' 0 "$T/want"

{ printf 'id\tdate\ttitle\tbyline\torigin\tbody\n'; cat "$T/seed.tsv"; } \
    >"$T/want"
run artsplit "$seed" -H
expect 'artsplit FILE -H: a header line' 0 "$T/want"

echo 'Putin Warns Europe as US–Russia Peace Talks Stall Over Ukraine' \
    >"$T/want"
run artfields "$seed" -f title
expect 'artfields FILE -f title' 0 "$T/want"

# -- ends the options: a file named -c is read.
mkdir "$T/dash"
cp "$seed" "$T/dash/-c"
artsplit <"$seed" | sed 's|\t-:1\t|\t-c:1\t|' >"$T/want"
run sh -c 'cd "$1" && shift && "$@" Putin -- -c' sh "$T/dash" \
    ${ARTKIT_WRAP:-} "$top/cmd/artgrep"
expect '-- ends the options' 0 "$T/want"

# POSIXLY_CORRECT: options end at the first operand.
echo 'artgrep: -c: No such file or directory' >"$T/want.err"
export POSIXLY_CORRECT=1
run artgrep Putin "$seed" -c
unset POSIXLY_CORRECT
expect 'POSIXLY_CORRECT: an option after an operand is a file' 2 \
    "$T/seed.tsv" "$T/want.err"

# --- artgrep: -d and -n alone ----------------------------------------------

# With -d or -n, and no -e or -f, there is no pattern: every operand is
# a file, and the date or the test alone selects.
run artgrep -d 2025-12 "$seed"
expect 'artgrep -d FILE: selects by date alone' 0 "$T/seed.tsv"
run artgrep -n 'words>300' "$seed"
expect 'artgrep -n TEST FILE: selects by the test alone' 0 "$T/seed.tsv"
run artgrep -n 'words>3000' -d 2025-12 "$seed"
expect 'artgrep -n TEST -d RANGE FILE: both must hold' 1
run artgrep -c -d 2025 "$seed" "$seed"
echo 2 >"$T/want"
expect 'artgrep -d: every operand is a file' 0 "$T/want"
run artgrep -l -d 2025-12 "$T/seed.tsv"
cut -f 1 "$T/seed.tsv" >"$T/want"
expect 'artgrep -d: records' 0 "$T/want"
run artgrep -d 2025 -e Yermak "$seed"
expect 'artgrep -d -e: the pattern still applies' 1
run artgrep -d 2025 -f /dev/null "$seed"
expect 'artgrep -d -f /dev/null: an empty file holds no pattern to match' 1
why='needs a pattern: with -d or -n it is given with -e, every operand'
why="$why being a file"
run artgrep -v -d 2025 "$seed"
echo "artgrep: -v $why" >"$T/want.err"
expect 'artgrep -v -d, no pattern: an error' 2 "" "$T/want.err"
run artgrep -o -n 'words>1' "$seed"
echo "artgrep: -o $why" >"$T/want.err"
expect 'artgrep -o -n, no pattern: an error' 2 "" "$T/want.err"

# --- NO_COLOR ---------------------------------------------------------------

# A NO_COLOR that is not empty turns colour off where --color=auto would
# turn it on; --color=always is a request, and still colours.
if command -v script >/dev/null 2>&1; then
	rest='Warns Europe as US–Russia Peace Talks Stall Over Ukraine'
	plain=$(printf 'b5036225cc314405\ttitle\t1\t\tPutin\t %s' "$rest")
	red=$(printf 'b5036225cc314405\ttitle\t1\t\t%s\t %s' \
	    "$(printf '\033[01;31m\033[KPutin\033[m\033[K')" "$rest")
	# onpty VAR=VALUE OPTION: artgrep -o OPTION on a terminal.
	onpty() {
		run sh -c 'env "$1" script -qec "${ARTKIT_WRAP:-} $2 -o -C 80 \
		    $3 -k title Putin $4" /dev/null </dev/null | tr -d "\r"' \
		    sh "$1" "$top/cmd/artgrep" "$2" "$seed"
	}
	onpty NO_COLOR=1 --color=auto
	echo "$plain" >"$T/want"
	expect 'NO_COLOR=1 --color=auto on a terminal: no colour' 0 "$T/want"
	onpty NO_COLOR=1 --color
	expect 'NO_COLOR=1 --color on a terminal: no colour' 0 "$T/want"
	onpty NO_COLOR=1 --color=always
	echo "$red" >"$T/want"
	expect 'NO_COLOR=1 --color=always: colour all the same' 0 "$T/want"
	onpty NO_COLOR= --color=auto
	expect 'an empty NO_COLOR: colour on a terminal' 0 "$T/want"
else
	skip 'NO_COLOR' 'no script(1)'
fi

# --- folders ----------------------------------------------------------------

# A folder is read as its files and those of its folders, in the byte
# order of their paths ('a-b/' before 'a/', as '-' before '/'; 'B'
# before 'a'), but those whose names begin with a dot; a symbolic link
# or a FIFO found in it is passed over, unread.
tree=$T/tree
mkdir -p "$tree/a" "$tree/a-b" "$tree/.hidden" "$tree/c"
n=0
for f in a/x.txt a-b/y.txt b.txt .dot.txt .hidden/z.txt c/B.txt c/a.txt; do
	n=$((n + 1))
	printf 'date 2025-01-0%d %s\n\nBody of %s.\n' $n $f $f >"$tree/$f"
done
ln -s "$tree/b.txt" "$tree/link.txt"
mkfifo "$tree/fifo"
for f in a-b/y.txt a/x.txt b.txt c/B.txt c/a.txt; do
	printf '%s:1\t%s\n' "$tree/$f" $f
done >"$T/want"
run timeout 60 ${ARTKIT_WRAP:-} "$top/cmd/artfields" -f origin,title "$tree"
expect 'a folder: its files in the byte order of their paths' 0 "$T/want"
run timeout 60 ${ARTKIT_WRAP:-} "$top/cmd/artfields" -f origin,title "$tree/"
expect 'a folder named with a slash: the same paths' 0 "$T/want"

{ artfields -f origin,title "$seed"; cat "$T/want"; } >"$T/want2"
run artfields -f origin,title "$seed" "$tree" "$tree/.hidden/z.txt"
printf '%s:1\t.hidden/z.txt\n' "$tree/.hidden/z.txt" >>"$T/want2"
expect 'folders among files; a hidden file named is read' 0 "$T/want2"

run artgrep -c -e Body "$tree/c" "$tree/a"
echo 3 >"$T/want"
expect 'artgrep: folders' 0 "$T/want"

run artstat "$tree"
cp "$T/out" "$T/whole"
artstat -p -c 1/2 "$tree" >"$T/part1"
artstat -p -c 2/2 "$tree" >"$T/part2"
run artstat -m "$T/part1" "$T/part2"
expect 'artstat -c: the chunks of a folder merge to the whole' 0 \
    "$T/whole"
mkdir "$T/parts"
artstat -p "$tree/a" "$tree/a-b" >"$T/parts/1"
artstat -p "$tree/b.txt" "$tree/c" >"$T/parts/2"
run artstat -m "$T/parts"
expect 'artstat -m: a folder of partials' 0 "$T/whole"

if [ "$(id -u)" != 0 ]; then
	chmod 0 "$tree/c"
	run artfields -f title "$tree"
	echo "artfields: $tree/c: Permission denied" >"$T/want.err"
	printf '%s\n' a-b/y.txt a/x.txt b.txt >"$T/want"
	expect 'a folder that cannot be read: a message, status 2' 2 \
	    "$T/want" "$T/want.err"
	chmod 755 "$tree/c"
	mkdir "$T/parts/more"
	chmod 0 "$T/parts/more"
	run artstat -m "$T/parts"
	echo "artstat: $T/parts/more: Permission denied" >"$T/want.err"
	expect 'artstat -m: a folder not read whole prints nothing' 2 "" \
	    "$T/want.err"
	chmod 755 "$T/parts/more"
else
	skip 'a folder that cannot be read' 'root reads every folder'
	skip 'artstat -m: a folder not read whole' 'root reads every folder'
fi

# --- line-buffered output, for tail -f --------------------------------------

# live NAME WANT CMD: runs the shell command CMD, its standard input or
# file operand the FIFO $T/feed (named $feed there), writes the lines of
# $T/feed.in into it, and waits up to 30 seconds for the output to be
# WANT before the FIFO is closed; the test passes when it was.  timeout
# ends CMD should it hang.
live() {
	_name=$1 _want=$2 _cmd=$3
	rm -f "$T/feed"
	mkfifo "$T/feed"
	: >"$T/live"
	feed=$T/feed B=$top/cmd W=${ARTKIT_WRAP:-} timeout 60 \
	    sh -c "$_cmd" <"$T/feed" >"$T/live" 2>"$T/live.err" &
	_pid=$!
	exec 3>"$T/feed"
	cat "$T/feed.in" >&3
	_i=0
	while [ $_i -lt 300 ] && ! cmp -s "$T/live" "$_want"; do
		sleep 0.1
		_i=$((_i + 1))
	done
	cp "$T/live" "$T/out"
	exec 3>&-
	wait $_pid
	status=$?
	cp "$T/live.err" "$T/err"
	expect "$_name" 0 "$_want"
}

cp "$T/seed.tsv" "$T/feed.in"
echo 'Putin Warns Europe as US–Russia Peace Talks Stall Over Ukraine' \
    >"$T/title"
live '--line-buffered: a record in, its title out, the pipe still open' \
    "$T/title" '$W $B/artgrep --line-buffered Putin |
    $W $B/artfields -f title --line-buffered'

cp "$T/seed.tsv" "$T/want"
live 'artsplit --line-buffered: records pass at once' "$T/want" \
    '$W $B/artsplit --line-buffered'

# Article text: an article ends at the next header, which sends it out.
{ cat "$seed"; printf '\ndate 2025-12-04 The next one\n'; } >"$T/feed.in"
artsplit <"$seed" >"$T/want"
live 'artsplit --line-buffered: an article goes out at the next header' \
    "$T/want" '$W $B/artsplit --line-buffered'

# A terminal: line-buffered without being asked.
if command -v script >/dev/null 2>&1; then
	cp "$T/seed.tsv" "$T/feed.in"
	printf '%s\r\n' "$(cat "$T/title")" >"$T/want"
	live 'on a terminal: the title at once, without --line-buffered' \
	    "$T/want" \
	    'script -qec "$W $B/artfields -f title $feed" /dev/null </dev/null'
	sed 's/$/\r/' "$T/seed.tsv" >"$T/want"
	live 'on a terminal: artgrep writes the record at once' "$T/want" \
	    'script -qec "$W $B/artgrep Putin $feed" /dev/null </dev/null'
else
	skip 'on a terminal: line-buffered without being asked' 'no script(1)'
fi

# --- the README's examples; make demo; parallel --pipe ---------------------

# readme: the README's examples, where the tree has the README (the
# build trees of make check-asan and tests/coverage have not).
readme() {
	# The commands of the README's sections Try it, Use and In pieces, each
	# in a file of its own ($T/readme.N): a line that ends in a backslash
	# or a pipe goes on on the next one.
	mkdir "$T/readme"
	awk -v dir="$T/readme" '
	/^## / { on = $0 ~ /^## (Try it|Use|In pieces)/; next }
	on && /^    / {
		line = substr($0, 5)
		cmd = cmd line "\n"
		if (line !~ /[\\|]$/) {
			f = sprintf("%s/%02d", dir, ++n)
			printf "%s", cmd >f
			close(f)
			cmd = ""
		}
	}' "$top/README.md"
	check 'README: examples found' test -s "$T/readme/10"

	# Each runs as it stands, from the top of the tree, the tools on PATH:
	# status 0, something on the standard output, nothing on the standard
	# error.  tail -f runs on a terminal until it is stopped, and must have
	# written its lines by then.
	for f in "$T"/readme/*; do
		name="README: $(head -n 1 "$f" | sed 's/  *#.*//' | tr -d '\\')"
		case $(cat "$f") in
		*parallel*)
			command -v parallel >/dev/null 2>&1 ||
			    { skip "$name" 'no GNU parallel'; continue; } ;;
		esac
		case $(cat "$f") in
		make*)
			(cd "$top" && unset MAKEFLAGS MAKELEVEL && sh "$f") \
			    </dev/null >"$T/out" 2>"$T/err" ;;
		*'tail -n +1 -f'*)
			command -v script >/dev/null 2>&1 ||
			    { skip "$name" 'no script(1)'; continue; }
			(cd "$top" && PATH="$top/cmd:$PATH" timeout 5 \
			    script -qec "sh $f" /dev/null) </dev/null \
			    >"$T/out" 2>"$T/err"
			[ $? = 124 ] && grep -q '^2023-02-25	Moscow' "$T/out"
			check "$name: lines come out before it is stopped" \
			    test $? = 0
			continue ;;
		*)
			(cd "$top" && PATH="$top/cmd:$PATH" timeout 120 \
			    sh "$f") </dev/null >"$T/out" 2>"$T/err" ;;
		esac
		status=$?
		case $(cat "$f") in
		export*)
			expect "$name" 0 ;;
		*)
			[ "$status" = 0 ] && [ -s "$T/out" ] &&
			    [ ! -s "$T/err" ]
			check "$name" test $? = 0 || { echo "# status $status"
			    sed 's/^/# /' "$T/err"; } ;;
		esac
	done
}
if [ -f "$top/README.md" ]; then
	readme
else
	skip "README: the examples" 'no README.md in this tree'
fi

# make demo ends in something a person reads: lines of a terminal's
# width or so, no escapes, the summary last.
(cd "$top" && unset MAKEFLAGS MAKELEVEL && make -s demo) >"$T/out" \
    2>"$T/err"
status=$?
awk 'length > 90 || /\\n/ { bad = 1 } END { exit bad }' "$T/out" &&
    tail -n 1 "$T/out" | grep -q '^words_median	'
check 'make demo: short lines, the summary last' test $? = 0
expect 'make demo: status 0, no message' 0 "$T/out"

# parallel --pipe cuts at line ends, as many pieces as it is told.  A
# stream with traps: headers indented with blanks and tabs, a wrapped
# line of prose that begins with "date", "update" inside a line.
awk 'BEGIN {
	for (i = 0; i < 400; i++) {
		printf "%sdate 2025-%02d-%02d Story %d\n\n", \
		    substr("  \t ", 1, i % 4), i % 12 + 1, i % 28 + 1, i
		printf "By Staff\n\nThe council met to update the plan %d,\n", i
		printf "date of the vote set for May, the mayor said.\n\n"
		printf "A \"quoted\" paragraph, %d words.\n\n", i
	}
}' >"$T/traps.txt"
artsplit "$T/traps.txt" >"$T/traps.tsv"
artstat "$T/traps.txt" >"$T/whole"
check 'traps: 400 articles' grep -qx 'articles	400' "$T/whole"
if command -v parallel >/dev/null 2>&1; then
	# Cut small, as a large input would be: the README's recipes give
	# the figures of one run.
	for f in "$T"/readme/[0-9]*; do
		[ -f "$f" ] || continue
		grep -q parallel "$f" && grep -q 'artstat -p' "$f" || continue
		sed 's|--pipe|--pipe --block 2k|; s|seeds/news\.txt|$1|;
		    s|seeds/news\.tsv|$2|' "$f" >"$f.traps"
		run sh "$f.traps" "$T/traps.txt" "$T/traps.tsv"
		expect "README, cut small: $(head -n 1 "$f" | tr -d '\\')" 0 \
		    "$T/whole"
	done
	# What the README says of the other ways is so: they miscount.
	parallel --pipe --block 2k artstat -p <"$T/traps.txt" 2>/dev/null |
	    artstat -m >"$T/out" 2>&1
	check 'parallel --pipe alone miscounts article text' \
	    sh -c '! cmp -s "$1" "$2"' sh "$T/out" "$T/whole"
	parallel --pipe --block 2k --recend '\n' --recstart 'date ' \
	    artstat -p <"$T/traps.txt" 2>/dev/null | artstat -m >"$T/out" 2>&1
	check "--recstart 'date ' miscounts article text" \
	    sh -c '! cmp -s "$1" "$2"' sh "$T/out" "$T/whole"
else
	skip 'parallel --pipe: the recipes, cut small' 'no GNU parallel'
fi

# --- the manual pages: --help, examples -----------------------------------

# Each page's SYNOPSIS is the usage, and its options are those of
# --help.
for t in $tools; do
	mandoc -Tascii -Owidth=1000 "$top/man/$t.1" | col -bx |
	    sed -n '/^SYNOPSIS/,/^DESCRIPTION/p' | sed '1d;$d' |
	    tr -s ' \n' '  ' | sed 's/^ //; s/ $//' >"$T/want"
	run $t --bogus
	sed 1d "$T/err" | sed 's/^usage: //' | tr -s ' \n' '  ' |
	    sed 's/^ //; s/ $//' >"$T/out"
	: >"$T/err"
	expect "$t(1): the SYNOPSIS is the usage" 2 "$T/want"
	sed -n '/^\.Sh DESCRIPTION/,/^\.Sh /p' "$top/man/$t.1" |
	    sed -n 's/^\.It Fl //p' |
	    sed 's/ Ns .*//; s/ Ar .*//; s/ , Fl / /g; s/ ,$//' |
	    tr ' ' '\n' | sed 's/^/-/' | sort -u >"$T/want"
	helpopts $t >"$T/out"
	: >"$T/err"
	status=0
	expect "$t(1): the options are those of --help" 0 "$T/want"
done

# The lines of EXAMPLES fit a terminal of 80 columns, so that each is
# pasted as one command; for man(1) as for mandoc(1).
for m in artsplit.1 artfields.1 artgrep.1 artstat.1 artkit.5 artkit.7; do
	mandoc -Tascii -Owidth=1000 "$top/man/$m" | col -bx |
	    awk '/^[A-Z][A-Z ]*$/ { sec = $0 }
	    sec == "EXAMPLES" && /^       / && length > 80' >"$T/out"
	: >"$T/err"
	status=0
	expect "$m: the lines of EXAMPLES fit 80 columns" 0
	if command -v man >/dev/null 2>&1; then
		run env MANWIDTH=80 man "$top/man/$m"
		awk 'length > 80' "$T/out" >"$T/long"
		check "$m: man at 80 columns: no line wider" test ! -s "$T/long"
	fi
done

# And the examples run from the top of the tree, as they stand, each
# display of them a script (in bash: artstat(1) has <(...)): status 0,
# and something written.  The one that follows a feed with tail -f
# runs until it is stopped.
for m in artsplit.1 artfields.1 artgrep.1 artstat.1 artkit.5 artkit.7; do
	mandoc -Tascii -Owidth=1000 "$top/man/$m" | col -bx | awk -v \
	    dir="$T/ex" -v m="$m" '
	/^[A-Z][A-Z ]*$/ { sec = $0 }
	sec == "EXAMPLES" && /^       / {
		if (!inex)
			f = sprintf("%s.%s.%02d", dir, m, ++n)
		print substr($0, 12) >f
		inex = 1
		next
	}
	{ if (inex) close(f); inex = 0 }'
done
for f in "$T"/ex.*; do
	name="${f##*/ex.}: $(head -n 1 "$f" | tr -d '\\')"
	case $(cat "$f") in
	*parallel*)
		command -v parallel >/dev/null 2>&1 ||
		    { skip "$name" 'no GNU parallel'; continue; } ;;
	esac
	case $(cat "$f") in
	*'tail -n +1 -f'*)
		(cd "$top" && PATH="$top/cmd:$PATH" timeout 5 \
		    script -qec "bash $f" /dev/null) </dev/null >"$T/out" 2>&1
		[ $? = 124 ] && [ -s "$T/out" ]
		check "$name: lines come out before it is stopped" test $? = 0
		continue ;;
	esac
	(cd "$top" && PATH="$top/cmd:$PATH" timeout 120 bash "$f") \
	    </dev/null >"$T/out" 2>"$T/err"
	status=$?
	[ "$status" = 0 ] && [ -s "$T/out" ]
	check "$name" test $? = 0 ||
	    { echo "# status $status"; head -5 "$T/err" | sed 's/^/# /'; }
done
check 'the examples of the pages found' test -f "$T/ex.artstat.1.10"

# artstat(1) and the README cut article text for parallel --pipe alike.
if [ -f "$top/README.md" ]; then
	rs=$(sed -n "s/^    .*--recstart '\([^']*\)'.*/\1/p" "$top/README.md")
	mandoc -Tascii "$top/man/artstat.1" | col -bx >"$T/artstat.txt"
	check 'artstat(1) gives the --recstart of the README' \
	    grep -qF -- "--recstart '$rs'" "$T/artstat.txt"
fi

# --- make install; completion for bash, zsh and fish ----------------------

# make install, into a folder of the test's own.  The tools are built
# already (make check builds them first), so that nothing is rebuilt.
inst=$T/inst
(cd "$top" && unset MAKEFLAGS MAKELEVEL &&
    make -s install DESTDIR="$inst" PREFIX=/usr) >"$T/out" 2>"$T/err"
status=$?
expect 'make install DESTDIR=... PREFIX=/usr' 0
for t in $tools; do
	"$inst/usr/bin/$t" --version >"$T/out" 2>"$T/err"
	status=$?
	echo "$t (artkit) $version" >"$T/want"
	expect "installed: bin/$t" 0 "$T/want"
done
for m in man1/artsplit.1 man1/artfields.1 man1/artgrep.1 man1/artstat.1 \
    man5/artkit.5 man7/artkit.7; do
	check "installed: share/man/$m" cmp "$inst/usr/share/man/$m" \
	    "$top/man/${m#*/}"
done
bashcomp=$inst/usr/share/bash-completion/completions
zshcomp=$inst/usr/share/zsh/site-functions
fishcomp=$inst/usr/share/fish/vendor_completions.d
for t in $tools; do
	check "installed: the completion of $t for bash and fish" \
	    test -f "$bashcomp/$t" -a -f "$fishcomp/$t.fish"
done
check 'installed: the completion for zsh' test -f "$zshcomp/_artkit"

# complete FILE WORD...: what the bash completion in FILE offers for the
# last WORD of the command line WORD..., one a line.
complete_() {
	bash -c '. "$1"; shift
	    COMP_WORDS=("$@")
	    COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
	    _artkit "$1" "${COMP_WORDS[COMP_CWORD]}" \
		"${COMP_WORDS[COMP_CWORD - 1]}"
	    printf "%s\n" "${COMPREPLY[@]}"' sh "$@"
}

run bash -c '. "$1" && complete -p artfields' sh "$bashcomp/artfields"
echo 'complete -F _artkit artfields' >"$T/want"
expect 'bash: the completion is loaded for artfields' 0 "$T/want"
run complete_ "$bashcomp/artfields" artfields -f wo
echo words >"$T/want"
expect 'bash: artfields -f wo completes to words' 0 "$T/want"
run complete_ "$bashcomp/artfields" artfields -f date,wo
echo date,words >"$T/want"
expect 'bash: the last field of a list' 0 "$T/want"
run complete_ "$bashcomp/artfields" artgrep --li
echo --line-buffered >"$T/want"
expect 'bash: artgrep --li' 0 "$T/want"
run complete_ "$bashcomp/artfields" artgrep --color=al
echo --color=always >"$T/want"
expect 'bash: artgrep --color=al' 0 "$T/want"
run complete_ "$bashcomp/artfields" artsplit -t re
printf 'records\nreuters\n' >"$T/want"
expect 'bash: artsplit -t re: the formats' 0 "$T/want"
run complete_ "$bashcomp/artfields" artfields -e s
echo sentences >"$T/want"
expect 'bash: artfields -e s: the units' 0 "$T/want"

# The words the completion knows are those the tools know: the fields,
# the numeric ones, the formats and every option of --help.
words_() {
	bash -c '. "$1"; eval "set -- $2"; printf "%s\n" "$@"' sh \
	    "$bashcomp/artkit" "$1" | sort
}
artfields -f nope 2>&1 </dev/null | sed 's/.*fields: //; s/, /\n/g' |
    sort >"$T/want"
run words_ '$_artkit_fields'
expect 'bash: the fields are those of artfields' 0 "$T/want"
artgrep -n 'nope>1' 2>&1 </dev/null | sed 's/.*they are: //; s/, /\n/g' |
    sort >"$T/want"
run words_ '$_artkit_numeric'
expect 'bash: the numeric fields are those of artgrep -n' 0 "$T/want"
artsplit -t nope 2>&1 </dev/null | sed 's/.*formats: //; s/, /\n/g' |
    sort >"$T/want"
run words_ '$_artkit_formats'
expect 'bash: the formats are those of -t' 0 "$T/want"
for t in $tools; do
	helpopts $t >"$T/want"
	if [ $t = artgrep ]; then
		echo --colour >>"$T/want"
		sort -o "$T/want" "$T/want"
	fi
	run words_ "\$(_artkit_options $t)"
	expect "bash: the options of $t are those of its --help" 0 "$T/want"
done

if command -v zsh >/dev/null 2>&1; then
	check 'zsh: the completion parses' zsh -n "$zshcomp/_artkit"
	run zsh -fc 'fpath=("$1" $fpath); autoload -Uz compinit
	    compinit -u -d "$2"; print -r -- $_comps[artgrep]' zsh "$zshcomp" \
	    "$T/zcompdump"
	echo _artkit >"$T/want"
	expect 'zsh: compinit finds _artkit for artgrep' 0 "$T/want"
else
	skip 'zsh: the completion' 'no zsh'
fi
if command -v fish >/dev/null 2>&1; then
	run fish -c 'set -p fish_complete_path $argv[1]
	    complete -C"artfields -f wo"' "$fishcomp"
	printf 'words\tthe fields to write, in order\n' >"$T/want"
	expect 'fish: artfields -f wo completes to words' 0 "$T/want"
else
	skip 'fish: the completion' 'no fish'
fi

(cd "$top" && unset MAKEFLAGS MAKELEVEL &&
    make -s uninstall DESTDIR="$inst" PREFIX=/usr) >"$T/out" 2>"$T/err"
status=$?
expect 'make uninstall' 0
run find "$inst" ! -type d
expect 'make uninstall leaves no file behind' 0

done_testing
