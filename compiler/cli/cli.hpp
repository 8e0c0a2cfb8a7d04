// The `ormc` command line, one file per subcommand. Each add*Command registers its CLI11
// subcommand and the function that runs it; main() parses and runs the chosen one.
// Exit status: 0 done (warnings allowed), 1 schema errors, 2 usage or I/O error, 3 internal error.
#pragma once

#include "driver/driver.hpp"

#include <CLI/CLI.hpp>

#include <functional>
#include <string>
#include <vector>

namespace ormc::cli {

inline constexpr int kExitOk = 0;
inline constexpr int kExitSchemaErrors = 1;
inline constexpr int kExitUsage = 2;
inline constexpr int kExitInternal = 3;

// What every command that reads schemas accepts: the files, the target dialects, the
// diagnostics format and --time-report.
struct FrontEndFlags {
  std::vector<std::string> files;
  std::vector<std::string> dialects{"sqlite", "mysql"};
  std::string diagnosticsFormat = "text";
  bool timeReport = false;
};

void addFrontEndFlags(CLI::App& command, FrontEndFlags& flags);
driver::Options toOptions(const FrontEndFlags& flags);

// Compiles, prints diagnostics on stderr; returns kExitOk when `compilation.schema` is set,
// otherwise the exit status to return.
int runFrontEnd(const driver::Options& options, driver::Compilation& compilation);

// The registered subcommands and how to run each.
struct Registry {
  struct Entry {
    CLI::App* command;
    std::function<int()> run;
  };
  std::vector<Entry> entries;

  void add(CLI::App* command, std::function<int()> run) { entries.push_back({command, std::move(run)}); }
};

void addCheckCommand(CLI::App& app, Registry& registry);
void addIrCommand(CLI::App& app, Registry& registry);
void addGenerateCommand(CLI::App& app, Registry& registry);
void addDdlCommand(CLI::App& app, Registry& registry);
void addErdCommand(CLI::App& app, Registry& registry);
void addMigrateCommand(CLI::App& app, Registry& registry);

}  // namespace ormc::cli
