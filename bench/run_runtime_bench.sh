#!/usr/bin/env bash
# Builds the runtime benchmark and runs it (see docs/benchmarks.md, "Runtime"). With --mariadb
# it also starts a throw-away MariaDB server (the integration tests' fixture,
# tests/integration/mariadb/start.sh), runs workload 5 on it and stops it afterwards, even on
# failure. Other arguments go to the benchmark, e.g.
#   bench/run_runtime_bench.sh --repeat 7
#   bench/run_runtime_bench.sh --mariadb --quick
# Set ORMC_BUILD_DIR to use another build tree (default: build). Use a release-like build:
# the figures mean nothing under ORMC_SANITIZE=ON or in a Debug build.
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir=${ORMC_BUILD_DIR:-build}

mariadb=0
args=()
for arg in "$@"; do
  if [ "$arg" = --mariadb ]; then mariadb=1; else args+=("$arg"); fi
done

[ -f "$build_dir/CMakeCache.txt" ] ||
  cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo
if grep -q '^ORMC_SANITIZE:BOOL=ON' "$build_dir/CMakeCache.txt"; then
  echo "run_runtime_bench: warning: $build_dir is built with ORMC_SANITIZE=ON; timings are not representative" >&2
fi
if grep -q '^CMAKE_BUILD_TYPE:STRING=Debug' "$build_dir/CMakeCache.txt"; then
  echo "run_runtime_bench: warning: $build_dir is a Debug build; timings are not representative" >&2
fi
cmake --build "$build_dir" -j "$(nproc)" --target ormc_bench_runtime
bench=$build_dir/bench/runtime/ormc_bench_runtime
[ -x "$bench" ] || { echo "run_runtime_bench: $bench was not built (scripts/setup.sh installs SQLiteCpp and SOCI)" >&2; exit 2; }

if [ $mariadb -eq 0 ]; then
  exec "$bench" "${args[@]}"
fi

# A server of our own, in the build tree; stop.sh only ever stops the server start.sh started there.
server_dir=$(cd "$build_dir" && pwd)/bench-mariadb
fixture=tests/integration/mariadb
stop() { bash "$fixture/stop.sh" "$server_dir" >/dev/null || true; }
trap stop EXIT
bash "$fixture/start.sh" "$server_dir"
url=$(sed -n 's/^ORMC_TEST_MYSQL_URL=//p' "$server_dir/env")
status=0
"$bench" --mysql-url "$url" "${args[@]}" || status=$?
exit $status
