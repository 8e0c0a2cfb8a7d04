// `ormc check FILE...`: report every error and warning, print nothing else.
#include "cli/cli.hpp"

#include <memory>

namespace ormc::cli {

void addCheckCommand(CLI::App& app, Registry& registry) {
  auto flags = std::make_shared<FrontEndFlags>();
  CLI::App* command = app.add_subcommand("check", "Check schema files and report every error");
  addFrontEndFlags(*command, *flags);
  registry.add(command, [flags] {
    driver::Compilation compilation;
    return runFrontEnd(toOptions(*flags), compilation);
  });
}

}  // namespace ormc::cli
