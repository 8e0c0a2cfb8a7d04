// The workload groups main() runs: SQLite (workloads 1-4), the query API on SQLite (Q1-Q4),
// the session on SQLite (S1) and MariaDB (workload 5).
#pragma once

#include "harness.hpp"

#include <vector>

namespace ormc::bench {

// Workloads 1-4 on a file in options.dir (memory == false) or on :memory:; appends one
// result per workload. Throws if an implementation's results differ from the others'.
void runSqliteWorkloads(const Options& options, bool memory, std::vector<WorkloadResult>& results);

// The query API workloads (Q1-Q4, docs/benchmarks.md "Queries") on a file in options.dir
// (memory == false) or on :memory:, raw sqlite3 against ormc's typed queries.
void runQueryWorkloads(const Options& options, bool memory, std::vector<WorkloadResult>& results);

// The session workload (S1, docs/benchmarks.md "Session") on a file in options.dir
// (memory == false) or on :memory:: load, change and flush 100,000 objects through an
// ormc::Session against the same updates by hand in one transaction.
void runSessionWorkload(const Options& options, bool memory, std::vector<WorkloadResult>& results);

// Workload 5 on options.mysqlUrl. Prints why and does nothing if this build has no MySQL.
void runMariadbWorkload(const Options& options, std::vector<WorkloadResult>& results);

}  // namespace ormc::bench
