// `ormc ddl FILE... --dialect sqlite|mysql`: print the schema's CREATE script for one database.
#include "cli/cli.hpp"
#include "emit/sql/ddl_emitter.hpp"

#include <filesystem>
#include <iostream>
#include <memory>

namespace ormc::cli {

void addDdlCommand(CLI::App& app, Registry& registry) {
  auto flags = std::make_shared<FrontEndFlags>();
  CLI::App* command = app.add_subcommand("ddl", "Print the CREATE script of the schema for one database");
  addFrontEndFlags(*command, *flags);
  // The shared --dialect takes a list and defaults to both; a script is for exactly one.
  CLI::Option* dialect = command->get_option("--dialect");
  dialect->description("The database to write the script for: sqlite or mysql (required, exactly one)");
  registry.add(command, [flags, dialect] {
    if (dialect->count() == 0 || flags->dialects.size() != 1) {
      std::cerr << "ormc ddl: error: give exactly one --dialect, sqlite or mysql\n";
      return kExitUsage;
    }
    const emit::sql::Dialect* target = emit::sql::findDialect(flags->dialects.front());
    if (!target) {
      std::cerr << "ormc ddl: error: unknown dialect '" << flags->dialects.front() << "'\n";
      return kExitUsage;
    }
    driver::Compilation compilation;
    int status = runFrontEnd(toOptions(*flags), compilation);
    if (status != kExitOk) return status;
    emit::sql::DdlOptions options;
    options.source = std::filesystem::path(flags->files.front()).filename().string();
    std::cout << emit::sql::emitDdl(*compilation.schema, *target, options);
    return kExitOk;
  });
}

}  // namespace ormc::cli
