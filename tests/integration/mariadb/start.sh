#!/usr/bin/env bash
# CTest fixture setup (FIXTURES_SETUP mariadb): starts a throw-away MariaDB server for the
# integration tests and writes how to reach it to WORKDIR/env. It does not touch any system
# server, config file (--no-defaults everywhere) or port outside loopback.
#
# usage: start.sh WORKDIR      (CMake passes ${CMAKE_BINARY_DIR}/mariadb)
#
# WORKDIR/env holds KEY=VALUE lines (shell-sourceable, read by tests/integration/test_env.hpp):
#   ORMC_TEST_MYSQL_URL=mysql://ormc:ormc-test-pw@127.0.0.1:PORT/ormc_test
#   ORMC_TEST_MYSQL_HOST, _PORT, _USER, _PASSWORD, _DATABASE, _SOCKET
# A server left behind by an earlier run in the same WORKDIR is stopped first (stop.sh).
# Tunables (environment): ORMC_MARIADB_START_TIMEOUT (seconds, default 30),
# ORMC_MARIADB_PORT_MIN / ORMC_MARIADB_PORT_MAX (default 20000..59999).
set -euo pipefail

if [ $# -ne 1 ] || [ -z "$1" ]; then
  echo "usage: $0 WORKDIR" >&2
  exit 2
fi

here=$(cd "$(dirname "$0")" && pwd)
readonly here
workdir=$1
mkdir -p "$workdir"
workdir=$(cd "$workdir" && pwd)
readonly workdir

readonly db_user=ormc
readonly db_password=ormc-test-pw
readonly db_name=ormc_test
readonly timeout_s=${ORMC_MARIADB_START_TIMEOUT:-30}
readonly port_min=${ORMC_MARIADB_PORT_MIN:-20000}
readonly port_max=${ORMC_MARIADB_PORT_MAX:-59999}
readonly max_port_attempts=10

fail() {
  echo "mariadb_start: error: $*" >&2
  if [ -n "${server_pid:-}" ] && [ -f "$workdir/error.log" ]; then
    echo "---- last lines of $workdir/error.log ----" >&2
    tail -n 40 "$workdir/error.log" >&2
    echo "------------------------------------------" >&2
  fi
  # Do not leave a half-started server behind; stop.sh (FIXTURES_CLEANUP) removes the rest.
  if [ -n "${server_pid:-}" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill -TERM "$server_pid" 2>/dev/null || true
  fi
  exit 1
}

for tool in mariadb-install-db mariadbd mariadb-admin mariadb; do
  command -v "$tool" >/dev/null 2>&1 ||
    fail "'$tool' not found; install mariadb-server and mariadb-client (scripts/setup.sh does)"
done

# 1. A previous run that crashed or was interrupted may have left its server running.
if [ -e "$workdir/.ormc-mariadb" ]; then
  echo "mariadb_start: stopping the server left by an earlier run in $workdir"
  status=0
  ORMC_MARIADB_RUNNER=$PPID bash "$here/stop.sh" "$workdir" || status=$?
  [ $status -ne 3 ] || fail "another CTest run is using the server in $workdir; wait for it to" \
                            "finish, or test in another build tree"
  [ $status -eq 0 ] || fail "could not stop the earlier server in $workdir"
  mkdir -p "$workdir"
elif [ -n "$(ls -A "$workdir")" ]; then
  fail "$workdir exists, is not empty and was not made by this script; refusing to use it"
fi
touch "$workdir/.ormc-mariadb"
# Who runs this fixture (normally CTest), so a second run in the same build tree neither takes
# over nor stops this server while the first still needs it (see stop.sh).
stat=$(cat "/proc/$PPID/stat")
read -ra stat_fields <<<"${stat##*) }"
echo "$PPID:${stat_fields[19]}:$(cat "/proc/$PPID/comm")" >"$workdir/owner"

# 2. The socket path must fit in sun_path (108 bytes); deep build trees get one under $TMPDIR.
socket=$workdir/mysqld.sock
if [ ${#socket} -gt 100 ]; then
  socket_dir=$(mktemp -d "${TMPDIR:-/tmp}/ormc-mariadb.XXXXXX")
  echo "$socket_dir" >"$workdir/socket_dir"
  socket=$socket_dir/mysqld.sock
fi

user_args=()
if [ "$(id -u)" -eq 0 ]; then
  user_args=(--user=root)
fi

# 3. A fresh data directory. `normal` gives root@localhost an empty password, which works
#    whether or not we run as the OS root (unix_socket auth would not).
if ! mariadb-install-db --no-defaults "${user_args[@]}" --datadir="$workdir/data" \
     --auth-root-authentication-method=normal --skip-test-db >"$workdir/install.log" 2>&1; then
  tail -n 40 "$workdir/install.log" >&2
  fail "mariadb-install-db failed (full log: $workdir/install.log)"
fi

port_is_listening() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

server_answers() {
  mariadb-admin --no-defaults --protocol=socket --socket="$socket" -uroot \
    --connect-timeout=2 ping >/dev/null 2>&1
}

# 4. Start the server on a free loopback port. Checking first avoids most collisions; a port
#    taken between the check and the bind shows up in the log, and we try the next one.
span=$((port_max - port_min + 1))
port=$((port_min + (RANDOM * 32768 + RANDOM) % span))
server_pid=
started=0
for attempt in $(seq 1 "$max_port_attempts"); do
  for _ in $(seq 1 1000); do
    port_is_listening "$port" || break
    port=$((port_min + (port - port_min + 1) % span))
  done
  : >"$workdir/error.log"
  # setsid: the server must outlive this script and must not hold CTest's output pipes open.
  setsid mariadbd --no-defaults "${user_args[@]}" \
    --datadir="$workdir/data" --socket="$socket" --pid-file="$workdir/mariadbd.pid" \
    --log-error="$workdir/error.log" --port="$port" --bind-address=127.0.0.1 \
    --skip-name-resolve --character-set-server=utf8mb4 --collation-server=utf8mb4_unicode_ci \
    --innodb-buffer-pool-size=64M --innodb-flush-log-at-trx-commit=0 --innodb-doublewrite=0 \
    --max-connections=200 --max-allowed-packet=64M \
    </dev/null >/dev/null 2>&1 &
  server_pid=$!
  echo "$server_pid" >"$workdir/server.pid"

  deadline=$((SECONDS + timeout_s))
  while [ $SECONDS -lt $deadline ]; do
    if server_answers; then
      started=1
      break
    fi
    if ! kill -0 "$server_pid" 2>/dev/null; then
      break
    fi
    sleep 0.1
  done
  [ $started -eq 1 ] && break

  if ! kill -0 "$server_pid" 2>/dev/null && grep -q "Address already in use" "$workdir/error.log"; then
    echo "mariadb_start: port $port was taken (attempt $attempt), trying another"
    port=$((port_min + (port - port_min + 97) % span))
    continue
  fi
  if kill -0 "$server_pid" 2>/dev/null; then
    fail "mariadbd (pid $server_pid) did not answer mariadb-admin ping within ${timeout_s}s"
  fi
  fail "mariadbd exited during start-up"
done
[ $started -eq 1 ] || fail "no free port after $max_port_attempts attempts in $port_min..$port_max"

# 5. The test account and database, then a check that they work over TCP as the tests will use them.
if ! mariadb --no-defaults --protocol=socket --socket="$socket" -uroot >"$workdir/setup-sql.log" 2>&1 <<SQL
CREATE DATABASE IF NOT EXISTS \`$db_name\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE USER '$db_user'@'127.0.0.1' IDENTIFIED BY '$db_password';
CREATE USER '$db_user'@'localhost' IDENTIFIED BY '$db_password';
GRANT ALL PRIVILEGES ON *.* TO '$db_user'@'127.0.0.1' WITH GRANT OPTION;
GRANT ALL PRIVILEGES ON *.* TO '$db_user'@'localhost' WITH GRANT OPTION;
FLUSH PRIVILEGES;
SQL
then
  cat "$workdir/setup-sql.log" >&2
  fail "creating the test user and database failed"
fi
if ! mariadb --no-defaults --protocol=tcp -h127.0.0.1 -P"$port" -u"$db_user" -p"$db_password" \
     "$db_name" -e "SELECT 1" >"$workdir/setup-sql.log" 2>&1; then
  cat "$workdir/setup-sql.log" >&2
  fail "the test user cannot log in over TCP at 127.0.0.1:$port"
fi

# 6. Written last and atomically: the file exists only when the server is usable.
cat >"$workdir/env.tmp" <<ENV
ORMC_TEST_MYSQL_URL=mysql://$db_user:$db_password@127.0.0.1:$port/$db_name
ORMC_TEST_MYSQL_HOST=127.0.0.1
ORMC_TEST_MYSQL_PORT=$port
ORMC_TEST_MYSQL_USER=$db_user
ORMC_TEST_MYSQL_PASSWORD=$db_password
ORMC_TEST_MYSQL_DATABASE=$db_name
ORMC_TEST_MYSQL_SOCKET=$socket
ENV
mv "$workdir/env.tmp" "$workdir/env"

version=$(mariadb --no-defaults --protocol=socket --socket="$socket" -uroot -N -e "SELECT VERSION()")
echo "mariadb_start: MariaDB $version (pid $(cat "$workdir/mariadbd.pid" 2>/dev/null || echo "$server_pid")) on 127.0.0.1:$port"
echo "mariadb_start: connection info in $workdir/env"
