# tests/cluster/engines.sh: the engines that tests/cmd/cluster.t runs the
# recipes of artkit(7) on, each of the test's own, on loopback only, with
# every file of it under one directory; sourced by the test.
#
#	engine_ssh DIR BIN	an sshd of its own, with a throwaway host key
#				and user key, answering as host1 (127.0.0.1)
#				and host2 (127.0.0.2) on a free port; logins
#				get PATH=BIN:/usr/bin:/bin and HOME=DIR/home.
#				DIR/ssh_config is the ssh client's
#	engine_slurm DIR	a munged with its own key and socket, and a
#				one-node Slurm (slurmctld and slurmd) on two
#				free ports; DIR/slurm.conf is for SLURM_CONF
#	engine_scmd CMD ...	runs a Slurm command on that cluster
#	engine_stop		cancels the Slurm jobs, stops every daemon
#				that was started, and kills what is left of
#				them and of their jobs; fails when something
#				had to be killed
#	engine_left DIR [PID ...]
#				lists the live processes whose command line
#				or environment names DIR, but for each PID
#				and its descendants
#
# A start waits a bounded time for its daemons to answer; when they do
# not, it says why on the standard error, with the end of their logs, and
# fails.  The daemons run in the foreground of their own (-D, -F) as jobs
# of the test's shell, so engine_stop knows their ids and reaps them; each
# has DIR in its environment (SLURM_CONF or ARTKIT_ENGINE), and so have
# its children, the logins to sshd and the jobs of Slurm, which
# engine_left finds by it.

engine_pids=
engine_dirs=
engine_slurm_conf=
engine_ctld=

# Prints N free TCP ports, free on 127.0.0.1 and 127.0.0.2 both, chosen
# at random below the range of ephemeral ports, so that runs of the test
# side by side take different ones.
engine_ports() {
	perl -MIO::Socket::INET -e '
	    my ($n, @p) = ($ARGV[0]);
	    for (my $i = 0; @p < $n && $i < 1000; $i++) {
		my $p = 20000 + int(rand(12000));
		next if grep { $_ == $p } @p;
		my @s = map { IO::Socket::INET->new(LocalAddr => $_,
		    LocalPort => $p, Proto => "tcp", Listen => 1,
		    ReuseAddr => 1) } qw(127.0.0.1 127.0.0.2);
		push @p, $p if $s[0] && $s[1];
	    }
	    @p == $n or die "no free port\n";
	    print "@p\n"' "$1"
}

# Whether process PID lives: a zombie, which only waits to be reaped,
# does not.
engine_alive() {
	[ -r "/proc/$1/stat" ] &&
	    [ "$(sed 's/.*) //' "/proc/$1/stat" 2>/dev/null | cut -c 1)" != Z ]
}

# Runs CMD every tenth of a second until it succeeds, for at most SECS
# seconds; fails if it never did.
engine_poll() {
	_secs=$1
	shift
	_end=$(($(date +%s) + _secs))
	until "$@" >/dev/null 2>&1; do
		[ "$(date +%s)" -lt "$_end" ] || return 1
		sleep 0.1
	done
}

# Says on the standard error why an engine failed, with its logs' ends.
engine_fail() {
	echo "engines: $1" >&2
	shift
	for _log; do
		[ -s "$_log" ] || continue
		echo "--- $_log:" >&2
		tail -n 15 "$_log" >&2
	done
	return 1
}

engine_left() {
	[ -n "$1" ] || return 2
	perl -e '
	    my ($dir, %skip) = (shift, map { $_ => 1 } @ARGV);
	    my (%ppid, %cmd);
	    for my $p (glob "/proc/[0-9]*") {
		my ($pid) = $p =~ m{(\d+)$};
		next if $pid == $$;
		open my $st, "<", "$p/stat" or next;
		my $stat = <$st> // next;
		my ($state, $ppid) = $stat =~ /\) (\S) (\d+)/ or next;
		next if $state eq "Z";
		$ppid{$pid} = $ppid;
		my %f;
		for (qw(cmdline environ)) {
		    open my $fh, "<", "$p/$_" or next;
		    local $/;
		    $f{$_} = <$fh> // "";
		}
		next unless grep { index($_, $dir) >= 0 } values %f;
		($cmd{$pid} = $f{cmdline} // "") =~ tr/\0/ /;
	    }
	    PID: for my $pid (sort { $a <=> $b } keys %cmd) {
		for (my $p = $pid; $p > 1; $p = $ppid{$p} // 0) {
		    next PID if $skip{$p};
		}
		print "$pid $cmd{$pid}\n";
	    }' "$@"
}

# Writes the configurations of sshd and of its clients for PORT, with
# the quicker of the key exchanges (sntrup761 takes a tenth of a second a
# connection here, and parallel makes many).
engine_ssh_config() {
	cat >"$1/sshd_config" <<EOF
ListenAddress 127.0.0.1:$2
ListenAddress 127.0.0.2:$2
HostKey $1/host_key
PidFile $1/sshd.pid
AuthorizedKeysFile $1/authorized_keys
AuthenticationMethods publickey
PasswordAuthentication no
KbdInteractiveAuthentication no
PermitRootLogin prohibit-password
UsePAM no
StrictModes no
LogLevel VERBOSE
KexAlgorithms curve25519-sha256
SetEnv PATH=$3:/usr/bin:/bin HOME=$1/home
EOF
	cat >"$1/ssh_config" <<EOF
Host host1
	HostName 127.0.0.1
Host host2
	HostName 127.0.0.2
Host *
	Port $2
	User $(id -un)
	IdentityFile $1/user_key
	IdentitiesOnly yes
	HostKeyAlias artkit-hosts
	UserKnownHostsFile $1/known_hosts
	GlobalKnownHostsFile /dev/null
	StrictHostKeyChecking yes
	BatchMode yes
	ConnectTimeout 5
	LogLevel ERROR
EOF
}

# Both hosts answer.
engine_ssh_up() {
	timeout 10 ssh -F "$1/ssh_config" host1 true </dev/null &&
	    timeout 10 ssh -F "$1/ssh_config" host2 true </dev/null
}

engine_ssh() {
	_d=$1
	engine_dirs="$engine_dirs $_d"
	mkdir -p "$_d/home" || return 1
	ssh-keygen -q -t ed25519 -N '' -C artkit-host -f "$_d/host_key" &&
	    ssh-keygen -q -t ed25519 -N '' -C artkit-user -f "$_d/user_key" &&
	    cp "$_d/user_key.pub" "$_d/authorized_keys" &&
	    echo "artkit-hosts $(cat "$_d/host_key.pub")" >"$_d/known_hosts" ||
	    return 1
	# sshd run as root wants its privilege separation directory, which
	# the system's service makes at its start; make it as that does.
	[ -d /run/sshd ] || mkdir -m 755 /run/sshd || return 1
	# A port found free may be taken before sshd binds it: try again.
	for _try in 1 2 3; do
		_port=$(engine_ports 1) || return 1
		engine_ssh_config "$_d" "$_port" "$2"
		ARTKIT_ENGINE=$_d /usr/sbin/sshd -D -f "$_d/sshd_config" \
		    -E "$_d/sshd.log" </dev/null &
		_pid=$!
		engine_pids="$engine_pids $_pid"
		engine_poll 10 engine_ssh_up "$_d" && return 0
		engine_alive "$_pid" && break
	done
	engine_fail "sshd does not answer on 127.0.0.1 and 127.0.0.2" \
	    "$_d/sshd.log"
}

# Writes a slurm.conf for a cluster of one node, with every file of its
# own under DIR, on loopback, scheduling at once what can run.  The node
# claims 16 processors, whatever the machine has (config_overrides), so
# that all the tasks of the test's arrays run at once: they are small,
# and the scheduler starts those that wait only a second later.
engine_slurm_config() {
	cat >"$1/slurm.conf" <<EOF
ClusterName=artkit
SlurmctldHost=localhost(127.0.0.1)
SlurmctldPort=$2
SlurmdPort=$3
CommunicationParameters=NoInAddrAny,NoCtldInAddrAny
SlurmUser=$(id -un)
SlurmdUser=$(id -un)
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$1/munge/socket
StateSaveLocation=$1/state
SlurmdSpoolDir=$1/spool
SlurmctldPidFile=$1/slurmctld.pid
SlurmdPidFile=$1/slurmd.pid
SlurmctldLogFile=$1/slurmctld.log
SlurmdLogFile=$1/slurmd.log
ProctrackType=proctrack/pgid
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
MpiDefault=none
MailProg=/bin/true
SchedulerType=sched/builtin
SchedulerParameters=batch_sched_delay=0,sched_min_interval=0
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
SlurmdParameters=config_overrides
ReturnToService=2
NodeName=artkit NodeAddr=127.0.0.1 NodeHostname=localhost CPUs=16 State=UNKNOWN
PartitionName=artkit Nodes=artkit Default=YES MaxTime=INFINITE State=UP
EOF
}

engine_munge() {
	# munged wants its key readable by its user alone, and every
	# directory above its socket searchable by all.
	mkdir -p -m 755 "$1/munge" || return 1
	dd if=/dev/urandom of="$1/munge/key" bs=1024 count=1 2>/dev/null &&
	    chmod 600 "$1/munge/key" || return 1
	ARTKIT_ENGINE=$1 munged -F --socket="$1/munge/socket" \
	    --key-file="$1/munge/key" --pid-file="$1/munge/pid" \
	    --log-file="$1/munge/log" --seed-file="$1/munge/seed" \
	    </dev/null >"$1/munge/out" 2>&1 &
	engine_pids="$engine_pids $!"
	engine_poll 10 test -S "$1/munge/socket" ||
	    engine_fail "munged does not start" "$1/munge/out" "$1/munge/log"
}

# Runs a Slurm command on the test's cluster, for ten seconds at most.
engine_scmd() {
	SLURM_CONF=$engine_slurm_conf timeout 10 "$@"
}

# The node has registered and is idle.
engine_slurm_up() {
	[ "$(engine_scmd sinfo -h -n artkit -o %T)" = idle ]
}

engine_slurm() {
	_d=$1
	engine_dirs="$engine_dirs $_d"
	mkdir -p "$_d/state" "$_d/spool" || return 1
	engine_munge "$_d" || return 1
	_ports=$(engine_ports 2) || return 1
	engine_slurm_config "$_d" $_ports
	engine_slurm_conf=$_d/slurm.conf
	SLURM_CONF=$engine_slurm_conf slurmctld -D -f "$engine_slurm_conf" \
	    </dev/null >"$_d/slurmctld.out" 2>&1 &
	engine_ctld=$!
	engine_pids="$engine_pids $engine_ctld"
	SLURM_CONF=$engine_slurm_conf slurmd -D -f "$engine_slurm_conf" \
	    -N artkit </dev/null >"$_d/slurmd.out" 2>&1 &
	engine_pids="$engine_pids $!"
	engine_poll 30 engine_slurm_up ||
	    engine_fail "the Slurm node is not idle" "$_d/slurmctld.log" \
	    "$_d/slurmd.log" "$_d/slurmctld.out" "$_d/slurmd.out"
}

# No job of the cluster is left: the steps that slurmd started are not
# its children, and outlive it.
engine_nojobs() {
	[ -z "$(engine_scmd squeue -h -o %i)" ] &&
	    [ -z "$(engine_left "$engine_slurm_conf" $engine_pids)" ]
}

engine_dead() {
	! engine_alive "$1"
}

engine_stop() {
	_ok=0
	if [ -n "$engine_ctld" ] && engine_alive "$engine_ctld"; then
		engine_scmd scancel -u "$(id -un)" >/dev/null 2>&1
		engine_poll 15 engine_nojobs || _ok=1
	fi
	for _pid in $engine_pids; do
		kill "$_pid" 2>/dev/null
	done
	for _pid in $engine_pids; do
		if ! engine_poll 10 engine_dead "$_pid"; then
			kill -KILL "$_pid" 2>/dev/null
			_ok=1
		fi
		wait "$_pid" 2>/dev/null
	done
	# What the daemons left: their jobs, and the logins to sshd.
	for _dir in $engine_dirs; do
		for _pid in $(engine_left "$_dir" | cut -d ' ' -f 1); do
			kill -KILL "$_pid" 2>/dev/null
			_ok=1
		done
	done
	engine_pids=
	engine_dirs=
	engine_slurm_conf=
	engine_ctld=
	return $_ok
}
