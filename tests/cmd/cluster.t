#!/bin/sh
# The recipes of artkit(7) for counting news on many processors and
# hosts, run as the page shows them (tests/cluster/recipes.sh): on one
# machine, from day to day as cron runs them, on two hosts over ssh with
# GNU parallel, and as a Slurm job array with a merge job that depends on
# it.  Each merges partials into the very tables one run of artstat
# prints over the same input, a generated stream and the BBC stream.
# sshd, munged, slurmctld and slurmd are the test's own, on loopback
# (tests/cluster/engines.sh).  Where they cannot run (not root, a program
# missing) the test says why and skips them, but not under ARTKIT_CI=1
# (.ci/run), where that is a failure.
#
# The tools run as they are, not under $ARTKIT_WRAP: the engines start
# them out of the test's reach (sshd, slurmd), and the paths they take
# through artstat are those of the chunk tests in artstat.t, which do run
# under it.
. "$(dirname "$0")/lib.sh"
. "$top/tests/cluster/engines.sh"

trap 'engine_stop; rm -rf "$T"' EXIT
trap 'exit 129' HUP
trap 'exit 130' INT
trap 'exit 143' TERM

cl=$top/tests/cluster
page=$top/man/artkit.7
R=$T/recipes
bbc=$shared/corpus/bbc-news/articles.txt
stat=$top/cmd/artstat
# The daemons are in /usr/sbin, which not every PATH has.
PATH=$PATH:/usr/sbin

# An engine that cannot run: skipped, or failed under ARTKIT_CI.
absent() {
	if [ "${ARTKIT_CI:-0}" != 0 ]; then
		_fail "$1" "$2, and ARTKIT_CI is set: it must run"
	else
		skip "$1" "$2"
	fi
}

# Why the engines of PROGRAM ... cannot run here, if they cannot.
missing() {
	if [ "$(id -u)" != 0 ]; then
		echo "not root"
		return 0
	fi
	for _c; do
		command -v "$_c" >/dev/null 2>&1 || {
			echo "$_c is not installed"
			return 0
		}
	done
	return 1
}

# No process has PATTERN in its command line.
none() {
	! pgrep -f "$1"
}

# --- the page shows the recipes that are run ---------------------------------

# The body of each function of recipes.sh, less a tab, into R/NAME; the
# displays of the page after '.\" recipe NAME', unescaped, into
# T/page/NAME.  And the names of each, sorted.
mkdir "$R" "$T/page"
awk -v dir="$R" '
	/^[a-z_]+\(\) \{$/ { f = dir "/" substr($0, 1, index($0, "(") - 1)
		print substr($0, 1, index($0, "(") - 1); next }
	/^}$/ { f = ""; next }
	f != "" { sub(/^\t/, ""); print > f }
' "$cl/recipes.sh" >"$T/names"
cp "$cl/artstat.sbatch" "$R"
echo artstat.sbatch >>"$T/names"
sort "$T/names" >"$T/names.sorted"
awk -v dir="$T/page" '
	/^\.\\" recipe [a-z_.]+$/ { name = $3; next }
	name != "" && /^\.Bd -literal/ { f = dir "/" name; print name; next }
	f != "" && /^\.Ed$/ { f = ""; name = ""; next }
	f != "" { print > f }
' "$page" | sort >"$T/page.names"
check 'the page shows each recipe once, and no other' \
    cmp "$T/names.sorted" "$T/page.names"
for f in "$T"/page/*; do
	sed -e 's/\\e/\\/g' -e 's/^\\&//' "$f" >"$f.plain"
	mv "$f.plain" "$f"
done

# The page as mandoc renders it holds FILE's lines one after another,
# each trimmed and with its runs of blanks made one space.
mandoc -Tascii "$page" |
    perl -pe 's/.\x08//g; s/^\s+//; s/\s+$/\n/; s/[ \t]+/ /g' >"$T/page.txt"
rendered() {
	awk 'NR == FNR { sub(/^[ \t]+/, ""); sub(/[ \t]+$/, "")
		gsub(/[ \t]+/, " "); w[++n] = $0; next }
	{ t[++m] = $0 }
	END {
		for (i = 1; i + n - 1 <= m; i++) {
			for (j = 1; j <= n && t[i + j - 1] == w[j]; j++)
				;
			if (j > n)
				exit 0
		}
		exit 1
	}' "$1" "$T/page.txt"
}
while read -r name; do
	if [ -f "$T/page/$name" ]; then
		check "the page shows the recipe $name as it is run" \
		    diff -u "$R/$name" "$T/page/$name"
		check "mandoc renders the recipe $name as it is run" \
		    rendered "$R/$name"
	fi
done <"$T/names"

# --- the inputs, and one run over each --------------------------------------

# The tools, as an installed artkit would be on PATH, each call logged:
# the directory, the ssh connection, the task of the job array, and the
# arguments.
mkdir "$T/bin"
for t in artstat artsplit; do
	cat >"$T/bin/$t" <<EOF
#!/bin/sh
echo "\$PWD|\${SSH_CONNECTION:-}|\${SLURM_ARRAY_TASK_ID:-}|\$*" >>"$T/calls"
exec "$top/cmd/$t" "\$@"
EOF
	chmod +x "$T/bin/$t"
done
: >"$T/calls"

[ -x "$top/bench/gen" ] || make -s -C "$top" bench/gen >/dev/null 2>&1
"$top/bench/gen" -n 3000 -s 11 >"$T/gen.txt"
check 'bench/gen writes 3000 articles' \
    test "$(grep -c '^ *date ' "$T/gen.txt")" = 3000
inputs=gen
if [ -f "$bbc" ]; then
	ln -s "$bbc" "$T/bbc.txt"
	inputs="gen bbc"
else
	skip 'the BBC stream' "no $bbc"
fi
for i in $inputs; do
	"$stat" -w -g month "$T/$i.txt" >"$T/$i.terms"
	"$stat" -N -g month "$T/$i.txt" >"$T/$i.names"
done

# recipe NAME DIR [VAR=VALUE ...]: runs the recipe in DIR, its tools on
# PATH and with the variables given, for two minutes at most.
recipe() {
	_r=$1 _d=$2
	shift 2
	(cd "$_d" && PATH="$T/bin:$PATH" timeout 120 env "$@" sh "$R/$_r") \
	    </dev/null >"$T/out" 2>"$T/err"
	status=$?
}

# workdir KIND INPUT: a directory for a recipe, news.txt the input in it.
workdir() {
	wd=$T/$1/$2
	mkdir -p "$wd"
	ln -s "$T/$2.txt" "$wd/news.txt"
}

# The tables the recipe wrote in DIR are those of one run over INPUT.
merged() {
	check "$3: the merged terms are one run's" \
	    cmp "$T/$2.terms" "$1/terms.tsv"
	check "$3: the merged names are one run's" \
	    cmp "$T/$2.names" "$1/names.tsv"
}

# The chunks (K/N) that artstat counted in DIR, one a line, in order.
chunks() {
	awk -F'|' -v d="$1" '$1 == d' "$T/calls" |
	    sed -n 's|.* -c \([0-9]*/[0-9]*\) .*|\1|p' | sort -n
}

# --- one machine --------------------------------------------------------------

n=$(getconf _NPROCESSORS_ONLN)
for i in $inputs; do
	workdir one "$i"
	recipe one_machine "$wd"
	expect "one machine, $i: the recipe runs" 0
	merged "$wd" "$i" "one machine, $i"
	check "one machine, $i: each of the $n chunks counted once" \
	    test "$(chunks "$wd")" = "$(seq -f "%g/$n" "$n")"
done
# A news.txt that cannot be opened (a link to nothing): every chunk fails.
mkdir -p "$T/one/dir"
ln -s "$T/one/dir/nothing" "$T/one/dir/news.txt"
recipe one_machine "$T/one/dir"
check 'one machine: a chunk that fails fails the recipe' test "$status" != 0
check 'one machine: and nothing is merged' test ! -e "$T/one/dir/terms.tsv"

# --- every day ----------------------------------------------------------------

# Twelve days of November 2026, and yesterday for the crontab line, each
# a file of some 230 articles of the generated stream.
home=$T/cron
news=$home/news
mkdir -p "$news"
yday=$(date -d yesterday +%F)
days=
for d in $(seq -f '2026-11-%02g' 13); do
	[ "$d" != "$yday" ] && [ "$(echo $days | wc -w)" -lt 12 ] &&
	    days="$days $d"
done
set -- $days $yday
awk -v dir="$news" -v days="$*" '
	BEGIN { split(days, day, " ") }
	/^ *date [0-9]/ { n++ }
	{ print > (dir "/" day[int((n - 1) / 231) + 1] ".txt") }
' "$T/gen.txt"
cp "$R/daily" "$news/daily.sh"
for d in $days; do
	recipe daily "$news" day="$d"
	[ "$status" = 0 ] || break
done
expect 'every day: daily.sh counts each day' 0

# The crontab lines, run as cron runs them: the command after the five
# fields of time, its \% made %, by /bin/sh in $HOME, with no other
# environment than HOME, LOGNAME, SHELL and the PATH of the crontab, the
# tools first on it.
cronpath=$(sed -n 's/^PATH=//p' "$R/crontab_lines")
job=$(grep -v '^[A-Za-z_]*=' "$R/crontab_lines" |
    sed -E 's/^([^[:blank:]]+[[:blank:]]+){5}//')
check 'the crontab escapes each % of its command' \
    test -z "$(printf '%s' "$job" | sed 's/\\%//g' | tr -cd %)"
job=$(printf '%s' "$job" | sed 's/\\%/%/g')
(cd "$home" && timeout 120 env -i HOME="$home" LOGNAME="$(id -un)" \
    SHELL=/bin/sh PATH="$T/bin:$cronpath" /bin/sh -c "$job") \
    </dev/null >"$T/out" 2>"$T/err"
status=$?
if [ "$(date -d yesterday +%F)" = "$yday" ]; then
	expect 'every day: the crontab line counts yesterday' 0
	"$stat" -N -g month "$news/$yday.txt" >"$T/want"
	check 'every day: the partial of yesterday is that day counted' \
	    sh -c 'cd "$1" && "$2" -m -N "parts/$3.part" | cmp - "$4"' sh \
	    "$news" "$stat" "$yday" "$T/want"
	(cd "$news" && "$top/cmd/artsplit" "$yday.txt" | LC_ALL=C sort) \
	    >"$T/want"
	check 'every day: the records of yesterday are sorted by id' \
	    cmp "$T/want" "$news/records/$yday.tsv"
else
	skip 'every day: the crontab line' 'run across midnight'
fi
check 'every day: no file is left half-written' \
    test -z "$(find "$news" -name '*.new')"

recipe days "$news"
expect 'every day: the days merge' 0
(cd "$news" && "$stat" -w -g month 2026-11-*.txt) >"$T/want"
check 'every day: the partials of a month merge to one run over its days' \
    cmp "$T/want" "$news/terms.tsv"
(cd "$news" && "$stat" -N -g month 2026-11-0[1-7].txt) >"$T/want"
check 'every day: the partials of a week merge to one run over its days' \
    cmp "$T/want" "$news/names.tsv"
(cd "$news" && "$top/cmd/artsplit" 2026-11-*.txt | LC_ALL=C sort) \
    >"$T/want"
check 'every day: sort -m of the days is one artsplit over them, sorted' \
    cmp "$T/want" "$news/records.tsv"
(cd "$news" && "$stat" -w -g month ./*.txt) >"$T/want"
(cd "$news" && "$stat" -m -w parts/*.part) >"$T/got"
check 'every day: all the partials kept merge to one run over all days' \
    cmp "$T/want" "$T/got"

# --- several hosts: GNU parallel over ssh -------------------------------------

if why=$(missing sshd ssh ssh-keygen parallel perl); then
	absent 'several hosts: GNU parallel over ssh' "$why"
elif ! engine_ssh "$T/ssh" "$T/bin" 2>"$T/err"; then
	_fail 'several hosts: sshd answers on 127.0.0.1 and 127.0.0.2' \
	    "$(cat "$T/err")"
else
	mkdir -p "$T/home"
	for i in $inputs; do
		workdir hosts "$i"
		recipe hosts "$wd" HOME="$T/home" \
		    PARALLEL_SSH="ssh -F $T/ssh/ssh_config"
		expect "several hosts, $i: the recipe runs" 0
		merged "$wd" "$i" "several hosts, $i"
		check "several hosts, $i: each of the 4 chunks counted once" \
		    test "$(chunks "$wd")" = "$(seq -f %g/4 4)"
		check "several hosts, $i: on both hosts" test "$(awk -F'|' \
		    -v d="$wd" '$1 == d && $2 != "" { split($2, c, " ")
			print c[3] }' \
		    "$T/calls" | sort -u | paste -s -d ' ' -)" = \
		    '127.0.0.1 127.0.0.2'
	done
	mkdir -p "$T/hosts/none"
	recipe hosts "$T/hosts/none" HOME="$T/home" \
	    PARALLEL_SSH="ssh -F $T/ssh/ssh_config"
	check 'several hosts: a chunk that fails fails the recipe' \
	    test "$status" != 0
	check 'several hosts: and nothing is merged' \
	    test ! -e "$T/hosts/none/terms.tsv"
	engine_stop
	check 'several hosts: sshd stops, with nothing to kill' test $? = 0
	check 'several hosts: no process of it is left' \
	    test -z "$(engine_left "$T/ssh")"
	check 'several hosts: pgrep finds no sshd of its configuration' \
	    none "$T/ssh/sshd_config"
fi

# --- a Slurm cluster: a job array and a merge job -----------------------------

# The jobs that have not ended, with why each waits.
queue() {
	engine_scmd squeue -h -o '%i %r'
}

# All has run when the one job left is the merge that waits for the
# chunks of a file that is not there, which never ended well.
settled() {
	[ "$(queue)" = "$bad DependencyNeverSatisfied" ]
}

# JOB ended well.
ended() {
	_job=$(engine_scmd scontrol show job "$1")
	case $_job in
	*JobState=COMPLETED*ExitCode=0:0*) ;;
	*) return 1 ;;
	esac
}

if why=$(missing munged slurmctld slurmd sbatch squeue scancel perl); then
	absent 'a Slurm cluster: a job array and a merge job' "$why"
elif ! { chmod 755 "$T" && engine_slurm "$T/slurm"; } 2>"$T/err"; then
	_fail 'a Slurm cluster: the node is up' "$(cat "$T/err")"
else
	ids=
	for i in none $inputs; do
		if [ "$i" = none ]; then
			wd=$T/slurm-run/none
			mkdir -p "$wd"
		else
			workdir slurm-run "$i"
		fi
		cp "$cl/artstat.sbatch" "$wd"
		recipe slurm "$wd" SLURM_CONF="$T/slurm/slurm.conf"
		cp "$T/out" "$T/jobid"
		expect "a Slurm cluster, $i: the jobs are submitted" 0 \
		    "$T/jobid"
		check "a Slurm cluster, $i: the recipe prints the merge job" \
		    grep -qx '[0-9][0-9]*' "$T/jobid"
		ids="$ids $(cat "$T/jobid")"
	done
	set -- $ids
	bad=$1
	shift
	engine_poll 120 settled
	check 'a Slurm cluster: only the merge of failed chunks is left' \
	    settled
	check 'a Slurm cluster: and nothing is merged' \
	    test ! -e "$T/slurm-run/none/terms.tsv"
	for i in $inputs; do
		wd=$T/slurm-run/$i
		check "a Slurm cluster, $i: the merge job ends well" ended "$1"
		shift
		merged "$wd" "$i" "a Slurm cluster, $i"
		check "a Slurm cluster, $i: task K counts chunk K of 4" \
		    test "$(awk -F'|' -v d="$wd" '$1 == d && $3 != "" &&
			match($4, /-c [0-9]+\/[0-9]+/) {
			print $3, substr($4, RSTART + 3, RLENGTH - 3) }' \
		    "$T/calls" | sort -n | paste -s -d ' ' -)" = \
		    '1 1/4 2 2/4 3 3/4 4 4/4'
	done
	engine_stop
	check 'a Slurm cluster: it stops, with nothing to kill' test $? = 0
	check 'a Slurm cluster: no process of it is left' \
	    test -z "$(engine_left "$T/slurm")"
	check 'a Slurm cluster: pgrep finds no daemon of its configuration' \
	    none "$T/slurm/slurm.conf"
	check 'a Slurm cluster: pgrep finds no munged of its socket' \
	    none "$T/slurm/munge/socket"
fi

done_testing
