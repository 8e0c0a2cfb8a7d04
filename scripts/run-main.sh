#!/usr/bin/env bash
# The main job: installs missing packages, builds the `ormc` compiler, then checks the blog
# schema and prints its intermediate representation. Extra arguments go to the configure step.
# Set ORMC_BUILD_DIR to use another build tree (default: build). Stops at the first failure.
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir=${ORMC_BUILD_DIR:-build}

bash scripts/setup.sh
cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo "$@"
cmake --build "$build_dir" -j "$(nproc)" --target ormc

echo "== ormc check schemas/blog.orm"
"$build_dir/compiler/ormc" check schemas/blog.orm
echo "== ormc ir schemas/blog.orm"
"$build_dir/compiler/ormc" ir schemas/blog.orm

# ---- EXAMPLE APP: a later issue builds and runs examples/blog here, e.g.
#   cmake --build "$build_dir" -j "$(nproc)" --target blog_example
#   "$build_dir/examples/blog/blog_example"
# ---- END EXAMPLE APP
