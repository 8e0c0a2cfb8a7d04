#!/usr/bin/env bash
# The main job: installs missing packages, builds the `ormc` compiler and the example app,
# compiles the blog schema, then runs the example app (examples/blog) against an SQLite file.
# Extra arguments go to the configure step.
# Set ORMC_BUILD_DIR to use another build tree (default: build). Stops at the first failure.
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir=${ORMC_BUILD_DIR:-build}

bash scripts/setup.sh
cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo "$@"
cmake --build "$build_dir" -j "$(nproc)" --target ormc blog_example

echo "== ormc check schemas/blog.orm"
"$build_dir/compiler/ormc" check schemas/blog.orm
echo "== ormc generate schemas/blog.orm (the build did the same for the example app)"
"$build_dir/compiler/ormc" generate schemas/blog.orm --out "$build_dir/main-job"
ls "$build_dir/main-job"

# The example app against an SQLite file, the embedded default. It creates its tables, so it
# starts from a fresh file each time. The same binary takes --url mysql://... for MariaDB.
database="$build_dir/blog.db"
rm -f "$database" "$database-wal" "$database-shm"
echo "== examples/blog against sqlite:$database"
"$build_dir/examples/blog/blog_example" --url "sqlite:$database"
