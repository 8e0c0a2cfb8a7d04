// Golden-file comparison for tests: compare text with a checked-in file, show where they
// differ, and with ORMC_UPDATE_GOLDEN=1 in the environment write the file instead
// (review the result with `git diff` before committing it).
#pragma once

#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace ormc::test {

inline std::string readFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return std::move(buffer).str();
}

inline void writeFile(const std::filesystem::path& path, const std::string& text) {
  std::filesystem::create_directories(path.parent_path());
  std::ofstream out(path, std::ios::binary);
  out << text;
}

inline std::vector<std::string> splitLines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

// A short report of the first difference, with a few lines of context on each side.
inline std::string describeDifference(const std::string& expected, const std::string& actual) {
  std::vector<std::string> e = splitLines(expected), a = splitLines(actual);
  std::size_t first = 0;
  while (first < e.size() && first < a.size() && e[first] == a[first]) ++first;
  std::ostringstream out;
  out << "first difference at line " << first + 1 << "\n";
  std::size_t from = first >= 2 ? first - 2 : 0;
  for (std::size_t i = from; i < std::min(e.size(), first + 4); ++i) out << (i < first ? "  " : "- ") << e[i] << "\n";
  for (std::size_t i = first; i < std::min(a.size(), first + 4); ++i) out << "+ " << a[i] << "\n";
  return out.str();
}

inline bool updatingGoldens() {
  const char* flag = std::getenv("ORMC_UPDATE_GOLDEN");
  return flag && std::string(flag) == "1";
}

// Checks `actual` against the golden file; updates it instead when asked to.
inline void checkGolden(const std::filesystem::path& golden, const std::string& actual) {
  if (updatingGoldens()) {
    writeFile(golden, actual);
    return;
  }
  INFO("golden file: ", golden.string());
  if (!std::filesystem::exists(golden)) {
    FAIL_CHECK("missing golden file; run with ORMC_UPDATE_GOLDEN=1 to create it");
    return;
  }
  std::string expected = readFile(golden);
  if (expected == actual) return;
  FAIL_CHECK(describeDifference(expected, actual) << "run with ORMC_UPDATE_GOLDEN=1 to accept the new output");
}

}  // namespace ormc::test
