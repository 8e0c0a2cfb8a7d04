// Options, statistics and the results table of the runtime benchmark; see harness.hpp.
#include "harness.hpp"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <sstream>
#include <string_view>

namespace ormc::bench {

namespace {

constexpr const char* kUsage =
    "usage: ormc_bench_runtime [--repeat N] [--quick] [--storage file|memory|both] [--dir DIR]\n"
    "                          [--mysql-url URL] [--only ID,...] [--impl NAME,...]\n"
    "  --repeat N      timed runs per implementation and workload (default 5); the table shows medians\n"
    "  --quick         every size divided by 10 (smoke runs)\n"
    "  --storage S     SQLite on a file in DIR (default), on :memory:, or both\n"
    "  --dir DIR       where the SQLite files go (default /tmp/ormc-bench-runtime; emptied of ours)\n"
    "  --mysql-url URL run workload 5 on this MariaDB/MySQL database (its tables customer and reading\n"
    "                  are dropped); default $ORMC_BENCH_MYSQL_URL\n"
    "  --only IDS      workloads: insert-customers, insert-customers-ids, insert-readings, find,\n"
    "                  read-10k, read-1m, mariadb-insert, query-trivial, query-medium, query-assoc,\n"
    "                  query-predicates, session-update\n"
    "  --impl NAMES    implementations: raw, ormc, SQLiteCpp, SOCI, raw-updates-only (raw always runs: it\n"
    "                  is the baseline)\n";

std::vector<std::string> splitList(std::string_view text) {
  std::vector<std::string> out;
  std::stringstream in{std::string(text)};
  for (std::string item; std::getline(in, item, ',');) {
    if (!item.empty()) out.push_back(item);
  }
  return out;
}

}  // namespace

bool Options::runs(const std::string& workload) const {
  return only.empty() || std::find(only.begin(), only.end(), workload) != only.end();
}

bool Options::runsImpl(const std::string& impl) const {
  return impls.empty() || std::find(impls.begin(), impls.end(), impl) != impls.end();
}

std::optional<Options> parseOptions(int argc, char** argv, int& exitCode) {
  Options options;
  if (const char* url = std::getenv("ORMC_BENCH_MYSQL_URL")) options.mysqlUrl = url;
  for (int i = 1; i < argc; ++i) {
    std::string_view arg = argv[i];
    auto value = [&]() -> std::optional<std::string_view> {
      if (i + 1 >= argc) return std::nullopt;
      return std::string_view(argv[++i]);
    };
    std::optional<std::string_view> v;
    if (arg == "--help" || arg == "-h") {
      std::fputs(kUsage, stdout);
      exitCode = 0;
      return std::nullopt;
    }
    if (arg == "--quick") {
      options.quick = true;
      continue;
    }
    if (arg == "--repeat" || arg == "--storage" || arg == "--dir" || arg == "--mysql-url" || arg == "--only" ||
        arg == "--impl") {
      v = value();
      if (!v) {
        std::fprintf(stderr, "ormc_bench_runtime: %s needs a value\n%s", argv[i], kUsage);
        exitCode = 2;
        return std::nullopt;
      }
    }
    if (arg == "--repeat") {
      options.repeat = std::atoi(std::string(*v).c_str());
      if (options.repeat >= 1) continue;
    } else if (arg == "--storage") {
      options.file = *v == "file" || *v == "both";
      options.memory = *v == "memory" || *v == "both";
      if (options.file || options.memory) continue;
    } else if (arg == "--dir") {
      options.dir = *v;
      continue;
    } else if (arg == "--mysql-url") {
      options.mysqlUrl = *v;
      continue;
    } else if (arg == "--only") {
      options.only = splitList(*v);
      continue;
    } else if (arg == "--impl") {
      options.impls = splitList(*v);
      continue;
    }
    std::fprintf(stderr, "ormc_bench_runtime: bad argument '%s'\n%s", argv[i], kUsage);
    exitCode = 2;
    return std::nullopt;
  }
  return options;
}

double median(std::vector<double> values) {
  if (values.empty()) return 0;
  std::sort(values.begin(), values.end());
  const std::size_t mid = values.size() / 2;
  return values.size() % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
}

void WorkloadResult::declare(const std::string& impl) {
  for (const auto& row : samples) {
    if (row.first == impl) return;
  }
  samples.push_back({impl, {}});
}

void WorkloadResult::add(const std::string& impl, double ms) {
  for (auto& [name, runs] : samples) {
    if (name == impl) {
      runs.push_back(ms);
      return;
    }
  }
  samples.push_back({impl, {ms}});
}

double WorkloadResult::median(const std::string& impl) const {
  for (const auto& [name, runs] : samples) {
    if (name == impl) return bench::median(runs);
  }
  return 0;
}

void printTable(const std::vector<WorkloadResult>& results) {
  std::printf("\n%-42s %-22s %11s %11s %8s %-22s %s\n", "workload", "implementation", "median ms", "min ms", "ratio",
              "baseline", "target");
  std::printf("%s\n", std::string(134, '-').c_str());
  for (const WorkloadResult& w : results) {
    const double base = w.median(w.baseline);
    for (const auto& [impl, runs] : w.samples) {
      if (runs.empty()) continue;
      const double med = bench::median(runs);
      const double ratio = base > 0 ? med / base : 0;
      std::string target;
      if (w.target > 0 && impl == w.targetImpl) {
        char text[64];
        std::snprintf(text, sizeof text, "<= %.2f %s", w.target, ratio <= w.target ? "ok" : "MISSED");
        target = text;
      }
      std::printf("%-42s %-22s %11.2f %11.2f %8.2f %-22s %s\n", w.title.c_str(), impl.c_str(), med,
                  *std::min_element(runs.begin(), runs.end()), ratio, w.baseline.c_str(), target.c_str());
    }
    for (const std::string& note : w.notes) std::printf("%-42s %s\n", "", note.c_str());
  }
  std::fflush(stdout);
}

}  // namespace ormc::bench
