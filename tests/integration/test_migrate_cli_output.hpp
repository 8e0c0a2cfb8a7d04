// What `ormc migrate apply` printed, read back by the tests that run it as processes
// (test_migrate_processes.cpp on SQLite, test_migrate_processes_mariadb.cpp on MariaDB).
#pragma once

#include "support/golden.hpp"
#include "support/subprocess.hpp"

#include <algorithm>
#include <string>
#include <vector>

namespace ormc::test {

// The NAMEs of its "Applied NAME" lines, in order.
inline std::vector<std::string> appliedIn(const std::string& output) {
  std::vector<std::string> out;
  for (const std::string& line : splitLines(output)) {
    if (line.rfind("Applied ", 0) == 0) out.push_back(line.substr(8));
  }
  return out;
}

// What two migrators running at once applied between them, sorted: each migration must appear
// exactly once.
inline std::vector<std::string> appliedByEither(const ProcessResult& first, const ProcessResult& second) {
  std::vector<std::string> all = appliedIn(first.out), more = appliedIn(second.out);
  all.insert(all.end(), more.begin(), more.end());
  std::sort(all.begin(), all.end());
  return all;
}

}  // namespace ormc::test
