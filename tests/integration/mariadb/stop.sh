#!/usr/bin/env bash
# CTest fixture cleanup (FIXTURES_CLEANUP mariadb): stops the server start.sh started in
# WORKDIR and removes WORKDIR. Safe to run when nothing is running or WORKDIR is gone.
# It only ever signals the pid recorded in WORKDIR, and only if that process is a mariadbd
# serving WORKDIR/data, so it cannot hit a system server or another build tree's server.
#
# A server that belongs to another CTest run still in progress (two runs in one build tree) is
# left alone: exit status 3.
#
# usage: stop.sh WORKDIR
set -euo pipefail

# The process running the fixture: CTest, or a shell when run by hand. start.sh passes its own.
runner=${ORMC_MARIADB_RUNNER:-$PPID}

if [ $# -ne 1 ] || [ -z "$1" ]; then
  echo "usage: $0 WORKDIR" >&2
  exit 2
fi
[ -d "$1" ] || exit 0
workdir=$(cd "$1" && pwd)
readonly workdir

if [ "$workdir" = / ] || [ ! -e "$workdir/.ormc-mariadb" ]; then
  echo "mariadb_stop: $workdir was not made by start.sh (no .ormc-mariadb marker); leaving it alone" >&2
  exit 1
fi

# Prints "pid:start-time:name" of a live process (not a zombie): an identity that survives
# pid reuse.
process_identity() {
  local stat fields
  stat=$(cat "/proc/$1/stat" 2>/dev/null) || return 1
  read -ra fields <<<"${stat##*) }"
  case "${fields[0]}" in Z | X) return 1 ;; esac
  echo "$1:${fields[19]}:$(cat "/proc/$1/comm" 2>/dev/null)"
}

# True if $1 is a live mariadbd whose --datadir is ours.
is_our_server() {
  local pid=$1
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || return 1
  tr '\0' '\n' <"/proc/$pid/cmdline" 2>/dev/null | grep -qxF -- "--datadir=$workdir/data"
}

wait_gone() {
  local pid=$1 seconds=$2
  local deadline=$((SECONDS + seconds))
  while [ $SECONDS -lt $deadline ]; do
    is_our_server "$pid" || return 0
    sleep 0.1
  done
  ! is_our_server "$pid"
}

owner=$(cat "$workdir/owner" 2>/dev/null || true)
owner_pid=${owner%%:*}
if [[ $owner == *:ctest ]] && [ "$owner_pid" != "$runner" ] &&
   [ "$(process_identity "$owner_pid" || true)" = "$owner" ]; then
  echo "mariadb_stop: the server in $workdir belongs to a CTest run still in progress" \
       "(pid $owner_pid); leaving it alone" >&2
  exit 3
fi

socket=$workdir/mysqld.sock
if [ -f "$workdir/socket_dir" ]; then
  socket=$(cat "$workdir/socket_dir")/mysqld.sock
fi

pid=
for pid_file in "$workdir/mariadbd.pid" "$workdir/server.pid"; do
  candidate=$(cat "$pid_file" 2>/dev/null || true)
  if is_our_server "$candidate"; then
    pid=$candidate
    break
  fi
done

if [ -n "$pid" ]; then
  # A clean shutdown first; SIGTERM is the same request by signal, SIGKILL the last resort.
  if [ -S "$socket" ]; then
    timeout 30 mariadb-admin --no-defaults --protocol=socket --socket="$socket" -uroot \
      --connect-timeout=5 shutdown >/dev/null 2>&1 || true
  fi
  if ! wait_gone "$pid" 30; then
    echo "mariadb_stop: mariadbd (pid $pid) still running after shutdown; sending SIGTERM"
    kill -TERM "$pid" 2>/dev/null || true
    if ! wait_gone "$pid" 30; then
      echo "mariadb_stop: mariadbd (pid $pid) ignored SIGTERM; sending SIGKILL"
      kill -KILL "$pid" 2>/dev/null || true
      wait_gone "$pid" 10 || { echo "mariadb_stop: error: cannot stop pid $pid" >&2; exit 1; }
    fi
  fi
  echo "mariadb_stop: stopped mariadbd (pid $pid)"
else
  echo "mariadb_stop: no server running for $workdir"
fi

socket_dir=$(cat "$workdir/socket_dir" 2>/dev/null || true)
case "$socket_dir" in
  */ormc-mariadb.*) rm -rf -- "$socket_dir" ;;
esac
rm -rf -- "$workdir"
