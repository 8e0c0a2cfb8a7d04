#!/usr/bin/env bash
# Runs the blog example against a fresh database on the test MariaDB server: the same binary
# the main job runs on SQLite, with --url mysql://... . Usage: run_example_mariadb.sh EXAMPLE
# (the server's connection file is named by $ORMC_TEST_MYSQL_ENV, as for every MariaDB test).
set -euo pipefail
example=$1
env_file=${ORMC_TEST_MYSQL_ENV:?ORMC_TEST_MYSQL_ENV is not set; run through ctest}

declare -A server
while IFS='=' read -r key value; do
  [[ -z "$key" || "$key" == \#* ]] && continue
  server[$key]=$value
done <"$env_file"

database="ormc_example_$$"
client=(mariadb --no-defaults --protocol=socket --socket="${server[ORMC_TEST_MYSQL_SOCKET]}" -uroot)
# The test user may do anything on the server (start.sh grants it), so the database is its.
"${client[@]}" -e "CREATE DATABASE \`$database\` CHARACTER SET utf8mb4 COLLATE utf8mb4_bin"
trap '"${client[@]}" -e "DROP DATABASE IF EXISTS \`$database\`"' EXIT

url="mysql://${server[ORMC_TEST_MYSQL_USER]}:${server[ORMC_TEST_MYSQL_PASSWORD]}@${server[ORMC_TEST_MYSQL_HOST]}:${server[ORMC_TEST_MYSQL_PORT]}/$database"
"$example" --url "$url"
