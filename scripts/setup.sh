#!/usr/bin/env bash
# Installs every Debian package that building, testing and benchmarking ormc needs,
# skipping the ones already present. Safe to run repeatedly; needs root (or sudo).
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config
  default-jre-headless antlr4 libantlr4-runtime-dev
  libsqlite3-dev sqlite3
  libmysqlcppconn-dev mariadb-server mariadb-client
  doctest-dev nlohmann-json3-dev libcli11-dev libfmt-dev
  libbenchmark-dev libsqlitecpp-dev libsoci-dev protobuf-compiler
  graphviz clang
)

missing=()
for pkg in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

echo "setup: installing ${missing[*]}"
sudo_cmd=()
[ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
