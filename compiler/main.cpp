// The `ormc` command line: register the subcommands (compiler/cli/), parse, run the chosen one.
#include "cli/cli.hpp"

#include <CLI/CLI.hpp>
#include <malloc.h>

#include <exception>
#include <iostream>

int main(int argc, char** argv) {
  // The parse tree is millions of small nodes freed together; glibc's fastbins then make
  // every later large allocation consolidate them all (about 10% of `ormc check` time).
  mallopt(M_MXFAST, 0);

  CLI::App app{"ormc: the schema compiler of the ormc ORM", "ormc"};
  app.set_version_flag("--version", std::string("ormc ") + ORMC_VERSION);
  app.require_subcommand(1);

  ormc::cli::Registry registry;
  ormc::cli::addCheckCommand(app, registry);
  ormc::cli::addIrCommand(app, registry);
  ormc::cli::addDdlCommand(app, registry);
  ormc::cli::addErdCommand(app, registry);
  ormc::cli::addGenerateCommand(app, registry);
  ormc::cli::addMigrateCommand(app, registry);
  // (new subcommands register here, one line each)

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int status = app.exit(e);
    return status == 0 ? ormc::cli::kExitOk : ormc::cli::kExitUsage;
  }

  try {
    for (const ormc::cli::Registry::Entry& entry : registry.entries) {
      if (entry.command->parsed()) return entry.run();
    }
    return ormc::cli::kExitUsage;
  } catch (const std::exception& e) {
    std::cerr << "ormc: internal error: " << e.what() << "\n";
    return ormc::cli::kExitInternal;
  }
}
