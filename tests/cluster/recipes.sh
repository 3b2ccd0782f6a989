# tests/cluster/recipes.sh: the recipes of artkit(7) for counting news
# on many processors and hosts, one function each.
#
# The body of each function, less one tab of indent, is a script for sh:
# artkit(7) shows it word for word (where the line ".\" recipe NAME"
# comes before its display), and tests/cmd/cluster.t runs it as a script
# of its own and checks that the page and this file agree.  The scripts
# read the news from news.txt in the directory they run in, which must
# be on a file system that every host shares, and write their tables to
# terms.tsv and names.tsv there; change them here, and in the page.

# One machine: as many chunks of the file as processors, each counted
# by a job of the shell into a partial of its own, and the partials
# merged once every job has ended well.
one_machine() {
	set -e
	n=$(getconf _NPROCESSORS_ONLN)
	pids=
	for k in $(seq $n); do
		artstat -p -w -N -g month -c $k/$n news.txt > part.$k &
		pids="$pids $!"
	done
	for p in $pids; do
		wait $p
	done
	artstat -m -w part.* > terms.tsv
	artstat -m -N part.* > names.tsv
}

# Several hosts: GNU parallel gives each host, by ssh, chunks of the
# file to count, in the same directory (--wd .), and writes the partials
# that come back one after another into one file.
hosts() {
	set -e
	parallel -S host1,host2 --wd . \
	    artstat -p -w -N -g month -c {}/4 news.txt ::: 1 2 3 4 > parts
	artstat -m -w parts > terms.tsv
	artstat -m -N parts > names.tsv
}

# A Slurm cluster: a job array of four tasks, each counting its chunk
# (artstat.sbatch), and a merge job that runs once all four have ended
# well.  Prints the merge job's id.
slurm() {
	set -e
	j=$(sbatch --parsable --array=1-4 artstat.sbatch 4 news.txt)
	sbatch --parsable --dependency=afterok:$j --wrap \
	    'artstat -m -w part.* > terms.tsv &&
	    artstat -m -N part.* > names.tsv'
}

# Every day (daily.sh): the day's news, DAY.txt, counted into a partial
# of its own and split into records sorted by id, each written under
# another name first so that no half-written file is ever taken for a
# whole one.
daily() {
	set -e
	mkdir -p parts records
	artstat -p -w -N -g month $day.txt > parts/$day.new
	mv parts/$day.new parts/$day.part
	artsplit $day.txt > records/$day.new
	LC_ALL=C sort -o records/$day.tsv records/$day.new
	rm records/$day.new
}

# The crontab(5) lines that run daily.sh at ten past midnight on the
# day before: not a script, but tests/cmd/cluster.t runs the command as
# cron would, in $HOME with the PATH of the first line.
crontab_lines() {
	PATH=/usr/local/bin:/usr/bin:/bin
	10 0 * * * cd news && day=$(date -d yesterday +\%F) sh daily.sh
}

# Any days, later: the partials of a month, and of its first week,
# merged, and the records of the month merged into one stream sorted by
# id.
days() {
	set -e
	artstat -m -w parts/2026-11-*.part > terms.tsv
	artstat -m -N parts/2026-11-0[1-7].part > names.tsv
	LC_ALL=C sort -m records/2026-11-*.tsv > records.tsv
}
