// The `ormc` command line: flags -> driver::Options -> run -> exit status.
// 0: no errors (warnings allowed); 1: schema errors; 2: usage or I/O error; 3: internal error.
#include "driver/driver.hpp"
#include "ir/ir_json.hpp"
#include "ir/ir_text.hpp"

#include <CLI/CLI.hpp>
#include <malloc.h>

#include <algorithm>
#include <cstdio>
#include <exception>
#include <iostream>

namespace {

constexpr int kExitOk = 0;
constexpr int kExitSchemaErrors = 1;
constexpr int kExitUsage = 2;
constexpr int kExitInternal = 3;

struct CommonFlags {
  std::vector<std::string> files;
  std::vector<std::string> dialects{"sqlite", "mysql"};
  std::string diagnosticsFormat = "text";
  bool timeReport = false;
};

void addCommonFlags(CLI::App& command, CommonFlags& flags) {
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

ormc::driver::Options toOptions(const CommonFlags& flags) {
  ormc::driver::Options options;
  options.inputs = flags.files;
  options.targetSqlite = std::find(flags.dialects.begin(), flags.dialects.end(), "sqlite") != flags.dialects.end();
  options.targetMysql = std::find(flags.dialects.begin(), flags.dialects.end(), "mysql") != flags.dialects.end();
  options.diagnosticsFormat =
      flags.diagnosticsFormat == "json" ? ormc::driver::DiagnosticsFormat::Json : ormc::driver::DiagnosticsFormat::Text;
  options.timeReport = flags.timeReport;
  return options;
}

// Compiles and prints diagnostics; returns the exit status for the front end's outcome.
int runFrontEnd(const ormc::driver::Options& options, ormc::driver::Compilation& compilation) {
  compilation = ormc::driver::compile(options);
  for (const std::string& error : compilation.ioErrors) std::cerr << "ormc: error: " << error << "\n";
  if (!compilation.ioErrors.empty()) return kExitUsage;
  std::cerr << ormc::driver::renderDiagnostics(compilation, options.diagnosticsFormat);
  if (options.timeReport) std::cerr << "ormc: time report\n" << compilation.times.render();
  return compilation.diagnostics.hasErrors() ? kExitSchemaErrors : kExitOk;
}

}  // namespace

int main(int argc, char** argv) {
  // The parse tree is millions of small nodes freed together; glibc's fastbins then make
  // every later large allocation consolidate them all (about 10% of `ormc check` time).
  mallopt(M_MXFAST, 0);
  CLI::App app{"ormc: the schema compiler of the ormc ORM", "ormc"};
  app.set_version_flag("--version", std::string("ormc ") + ORMC_VERSION);
  app.require_subcommand(1);

  CommonFlags checkFlags;
  CLI::App* check = app.add_subcommand("check", "Check schema files and report every error");
  addCommonFlags(*check, checkFlags);

  CommonFlags irFlags;
  bool irJson = false;
  CLI::App* ir = app.add_subcommand("ir", "Print the checked schema's intermediate representation");
  addCommonFlags(*ir, irFlags);
  ir->add_flag("--json", irJson, "Print the IR as JSON");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int status = app.exit(e);
    return status == 0 ? kExitOk : kExitUsage;
  }

  try {
    ormc::driver::Compilation compilation;
    if (check->parsed()) return runFrontEnd(toOptions(checkFlags), compilation);
    int status = runFrontEnd(toOptions(irFlags), compilation);
    if (status != kExitOk || !compilation.schema) return status;
    if (irJson) {
      std::cout << ormc::ir::toJson(*compilation.schema).dump(2) << "\n";
    } else {
      std::cout << ormc::ir::toText(*compilation.schema);
    }
    return kExitOk;
  } catch (const std::exception& e) {
    std::cerr << "ormc: internal error: " << e.what() << "\n";
    return kExitInternal;
  }
}
