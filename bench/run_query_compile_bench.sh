#!/usr/bin/env bash
# The query API's compile-time cost (docs/benchmarks.md, "Queries"): compiles
# bench/query_compile/queries_with.cpp (50 typed queries over schemas/shop.orm) and
# queries_without.cpp (the same file without them) N times each, alternating, with the
# project's flags, and reports the median wall time, the peak memory (/usr/bin/time -v) and
# the ratio. The target is a ratio under 2.
#   bench/run_query_compile_bench.sh [--runs N] [--cxx COMPILER] [--flags "..."]
# Set ORMC_BUILD_DIR to use another build tree (default: build); the script builds `ormc` in
# it to generate the shop code.
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir=${ORMC_BUILD_DIR:-build}
runs=5
cxx=${CXX:-c++}
flags="-std=c++20 -O2 -Wall -Wextra -Wpedantic -Werror"
while [ $# -gt 0 ]; do
  case $1 in
    --runs) runs=$2; shift 2 ;;
    --cxx) cxx=$2; shift 2 ;;
    --flags) flags=$2; shift 2 ;;
    -h|--help) sed -n '2,9p' "$0"; exit 0 ;;
    *) echo "run_query_compile_bench: bad argument '$1'" >&2; exit 2 ;;
  esac
done
[ -x /usr/bin/time ] || { echo "run_query_compile_bench: needs /usr/bin/time (Debian: apt-get install time)" >&2; exit 2; }

[ -f "$build_dir/CMakeCache.txt" ] || cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo
cmake --build "$build_dir" --target ormc >/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$build_dir/compiler/ormc" generate schemas/shop.orm --out "$work/gen" >/dev/null 2>&1 ||
  "$build_dir/compiler/ormc" generate schemas/shop.orm --out "$work/gen"

# One compile of $1 (to an object file); appends "seconds kilobytes" to $2.
compile() {
  /usr/bin/time -v -o "$work/time.txt" $cxx $flags -I runtime/include -I "$work/gen" -I bench/query_compile \
    -c "bench/query_compile/$1" -o "$work/out.o"
  awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i]; w = s }
              /Maximum resident set size/ { m = $2 }
              END { print w, m }' "$work/time.txt" >>"$2"
}

echo "compiling each file $runs times with: $cxx $flags"
: >"$work/with.txt"
: >"$work/without.txt"
for ((i = 0; i < runs; i++)); do
  compile queries_without.cpp "$work/without.txt"
  compile queries_with.cpp "$work/with.txt"
done

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
without_s=$(cut -d' ' -f1 "$work/without.txt" | median)
with_s=$(cut -d' ' -f1 "$work/with.txt" | median)
without_kb=$(cut -d' ' -f2 "$work/without.txt" | median)
with_kb=$(cut -d' ' -f2 "$work/with.txt" | median)
awk -v a="$without_s" -v b="$with_s" -v ma="$without_kb" -v mb="$with_kb" 'BEGIN {
  printf "\n%-34s %14s %14s\n", "translation unit", "median wall s", "peak RSS MiB"
  printf "%-34s %14.2f %14.1f\n", "queries_without.cpp", a, ma / 1024
  printf "%-34s %14.2f %14.1f\n", "queries_with.cpp (50 queries)", b, mb / 1024
  r = b / a
  printf "%-34s %14.2f %14.2f   target < 2.00 %s\n", "ratio", r, mb / ma, (r < 2 ? "ok" : "MISSED")
}'
