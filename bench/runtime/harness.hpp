// The runtime benchmark's harness: command-line options, the clock, and the results table
// (medians and ratios to each workload's baseline). Knows no database library.
#pragma once

#include <chrono>
#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace ormc::bench {

struct Options {
  int repeat = 5;               // timed runs of every implementation of every workload
  bool quick = false;           // sizes / 10, for smoke runs
  bool file = true;             // SQLite on a file in `dir`
  bool memory = false;          // SQLite on :memory:
  std::string dir = "/tmp/ormc-bench-runtime";
  std::string mysqlUrl;         // empty: no MariaDB workload
  std::vector<std::string> only;   // workload ids to run; empty: all
  std::vector<std::string> impls;  // implementation names to run; empty: all
  std::size_t scale(std::size_t n) const { return quick ? n / 10 : n; }
  bool runs(const std::string& workload) const;
  bool runsImpl(const std::string& impl) const;
};

// Parses argv; prints usage and returns nullopt on --help or a bad argument (`exitCode` set).
std::optional<Options> parseOptions(int argc, char** argv, int& exitCode);

// Milliseconds since `start`.
inline double msSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
}

// The timings of one workload: one row per implementation, in the order first reported.
struct WorkloadResult {
  WorkloadResult(std::string title, std::string baseline, double target, std::string targetImpl = "ormc")
      : title(std::move(title)), baseline(std::move(baseline)), target(target), targetImpl(std::move(targetImpl)) {}

  std::string title;      // "1a insert 100000 Customer, one transaction"
  std::string baseline;   // the implementation every ratio divides by
  double target = 0;      // the ratio ormc must stay within (0: none)
  std::string targetImpl;
  std::vector<std::pair<std::string, std::vector<double>>> samples;  // ms per run
  std::vector<std::string> notes;

  // Adds a row for `impl` (no runs yet) unless it has one.
  void declare(const std::string& impl);
  void add(const std::string& impl, double ms);
  double median(const std::string& impl) const;
};

double median(std::vector<double> values);

// Prints every workload as rows of: workload, implementation, median ms, min ms, ratio to the
// baseline, target and whether it is met.
void printTable(const std::vector<WorkloadResult>& results);

}  // namespace ormc::bench
