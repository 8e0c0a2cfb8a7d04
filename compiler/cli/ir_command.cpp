// `ormc ir FILE... [--json]`: print the checked schema's IR, stable and diffable.
#include "cli/cli.hpp"
#include "ir/ir_json.hpp"
#include "ir/ir_text.hpp"

#include <iostream>
#include <memory>

namespace ormc::cli {

void addIrCommand(CLI::App& app, Registry& registry) {
  struct Flags : FrontEndFlags {
    bool json = false;
  };
  auto flags = std::make_shared<Flags>();
  CLI::App* command = app.add_subcommand("ir", "Print the checked schema's intermediate representation");
  addFrontEndFlags(*command, *flags);
  command->add_flag("--json", flags->json, "Print the IR as JSON");
  registry.add(command, [flags] {
    driver::Compilation compilation;
    int status = runFrontEnd(toOptions(*flags), compilation);
    if (status != kExitOk) return status;
    if (flags->json) {
      std::cout << ir::toJson(*compilation.schema).dump(2) << "\n";
    } else {
      std::cout << ir::toText(*compilation.schema);
    }
    return kExitOk;
  });
}

}  // namespace ormc::cli
