#!/usr/bin/env bash
# Builds the compiler and the compiler-speed benchmark, then times `ormc check` against protoc
# on synthetic schemas (see bench/compiler_speed.cpp). Arguments go to the benchmark, e.g.
#   bench/run_compiler_speed.sh --sizes 500,1000 --repeat 5
# Set ORMC_BUILD_DIR to use another build tree (default: build). Use a release-like build:
# the figures mean nothing under ORMC_SANITIZE=ON.
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir=${ORMC_BUILD_DIR:-build}

[ -f "$build_dir/CMakeCache.txt" ] ||
  cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo
if grep -q '^ORMC_SANITIZE:BOOL=ON' "$build_dir/CMakeCache.txt"; then
  echo "run_compiler_speed: warning: $build_dir is built with ORMC_SANITIZE=ON; timings are not representative" >&2
fi
cmake --build "$build_dir" -j "$(nproc)" --target ormc ormc_bench_compiler_speed

protoc=$(command -v protoc) || { echo "run_compiler_speed: protoc not found (scripts/setup.sh installs protobuf-compiler)" >&2; exit 2; }
exec "$build_dir/bench/ormc_bench_compiler_speed" --ormc "$build_dir/compiler/ormc" --protoc "$protoc" "$@"
