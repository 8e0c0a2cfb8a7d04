// Runs a program as a child process and captures its exit status, stdout and stderr, for
// tests of the `ormc` command line as users run it.
#pragma once

#include <string>
#include <vector>

namespace ormc::test {

struct ProcessResult {
  int status = -1;  // exit status, or 128 + signal number if it was killed
  std::string out;
  std::string err;
};

// Runs `argv[0]` with the given arguments in `workingDir` (or the current one if empty).
ProcessResult run(const std::vector<std::string>& argv, const std::string& workingDir = {});

}  // namespace ormc::test
