// Flags and the front-end run shared by every subcommand. See cli.hpp.
#include "cli/cli.hpp"

#include <algorithm>
#include <iostream>

namespace ormc::cli {

void addFrontEndFlags(CLI::App& command, FrontEndFlags& flags) {
  command.add_option("files", flags.files, "Schema files (.orm); their imports are read too")
      ->required()
      ->type_name("FILE...");
  command.add_option("--dialect", flags.dialects, "Target databases; dialect-specific rules apply to these")
      ->delimiter(',')
      ->check(CLI::IsMember({"sqlite", "mysql"}))
      ->type_name("sqlite,mysql");
  command.add_option("--diagnostics-format", flags.diagnosticsFormat, "How errors and warnings are printed")
      ->check(CLI::IsMember({"text", "json"}));
  command.add_flag("--time-report", flags.timeReport, "Print the wall time of each compiler phase on stderr");
}

driver::Options toOptions(const FrontEndFlags& flags) {
  driver::Options options;
  options.inputs = flags.files;
  auto wants = [&](const char* dialect) {
    return std::find(flags.dialects.begin(), flags.dialects.end(), dialect) != flags.dialects.end();
  };
  options.targetSqlite = wants("sqlite");
  options.targetMysql = wants("mysql");
  options.diagnosticsFormat =
      flags.diagnosticsFormat == "json" ? driver::DiagnosticsFormat::Json : driver::DiagnosticsFormat::Text;
  options.timeReport = flags.timeReport;
  return options;
}

int runFrontEnd(const driver::Options& options, driver::Compilation& compilation) {
  compilation = driver::compile(options);
  for (const std::string& error : compilation.ioErrors) std::cerr << "ormc: error: " << error << "\n";
  if (!compilation.ioErrors.empty()) return kExitUsage;
  std::cerr << driver::renderDiagnostics(compilation, options.diagnosticsFormat);
  if (options.timeReport) std::cerr << "ormc: time report\n" << compilation.times.render();
  return compilation.schema ? kExitOk : kExitSchemaErrors;
}

}  // namespace ormc::cli
