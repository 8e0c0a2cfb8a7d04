// ormc_bench_runtime: the runtime's speed against the raw sqlite3 C API, SQLiteCpp and SOCI
// (and, given a MariaDB URL, against hand-written Connector/C++), every implementation of a
// workload interleaved in the same run; the typed query API against raw sqlite3 (diesel's
// suite); and a Session's load, change and flush against the same updates by hand. See
// docs/benchmarks.md ("Runtime", "Queries" and "Session").
#include "harness.hpp"
#include "workloads.hpp"

#include <cstdio>
#include <exception>

int main(int argc, char** argv) {
  using namespace ormc::bench;
  int exitCode = 0;
  std::optional<Options> options = parseOptions(argc, argv, exitCode);
  if (!options) return exitCode;
  std::printf("ormc runtime benchmark: %d run(s) per implementation and workload%s; medians\n", options->repeat,
              options->quick ? ", --quick (sizes / 10)" : "");
  std::vector<WorkloadResult> results;
  try {
    if (options->file) runSqliteWorkloads(*options, false, results);
    if (options->memory) runSqliteWorkloads(*options, true, results);
    if (options->file) runQueryWorkloads(*options, false, results);
    if (options->memory) runQueryWorkloads(*options, true, results);
    if (options->file) runSessionWorkload(*options, false, results);
    if (options->memory) runSessionWorkload(*options, true, results);
    if (!options->mysqlUrl.empty() && options->runs("mariadb-insert")) runMariadbWorkload(*options, results);
  } catch (const std::exception& error) {
    printTable(results);
    std::fprintf(stderr, "ormc_bench_runtime: error: %s\n", error.what());
    return 1;
  }
  printTable(results);
  return 0;
}
