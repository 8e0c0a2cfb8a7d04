// What one run of the compiler is asked to do: plain data filled from the command line.
#pragma once

#include <string>
#include <vector>

namespace ormc::driver {

enum class DiagnosticsFormat { Text, Json };

struct Options {
  std::vector<std::string> inputs;  // root schema files; their imports are found from them
  bool targetSqlite = true;
  bool targetMysql = true;
  DiagnosticsFormat diagnosticsFormat = DiagnosticsFormat::Text;
  bool timeReport = false;  // print the wall time of each phase on stderr
};

}  // namespace ormc::driver
