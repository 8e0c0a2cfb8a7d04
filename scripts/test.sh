#!/usr/bin/env bash
# The test command: installs missing packages, configures, builds everything with all cores and
# runs the whole CTest suite (unit, golden, compile, integration with a throw-away MariaDB).
# Extra arguments go to the configure step and stay in the CMake cache, e.g.
#   scripts/test.sh -DORMC_SANITIZE=ON
# Set ORMC_BUILD_DIR to use another build tree (default: build). Exit status: ctest's.
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir=${ORMC_BUILD_DIR:-build}

bash scripts/setup.sh
cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo "$@"
cmake --build "$build_dir" -j "$(nproc)"
exec ctest --test-dir "$build_dir" --output-on-failure -j2
