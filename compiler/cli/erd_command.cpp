// `ormc erd FILE... [--format mermaid|dot]`: print an entity-relationship diagram of the schema.
#include "cli/cli.hpp"
#include "emit/erd/dot_emitter.hpp"
#include "emit/erd/mermaid_emitter.hpp"

#include <filesystem>
#include <iostream>
#include <memory>

namespace ormc::cli {

void addErdCommand(CLI::App& app, Registry& registry) {
  struct Flags : FrontEndFlags {
    std::string format = "mermaid";
  };
  auto flags = std::make_shared<Flags>();
  CLI::App* command = app.add_subcommand("erd", "Print an entity-relationship diagram (Mermaid or Graphviz dot)");
  addFrontEndFlags(*command, *flags);
  command->add_option("--format", flags->format, "mermaid (default) or dot (render with `dot -Tsvg`)")
      ->check(CLI::IsMember({"mermaid", "dot"}));
  registry.add(command, [flags] {
    driver::Compilation compilation;
    int status = runFrontEnd(toOptions(*flags), compilation);
    if (status != kExitOk) return status;
    emit::erd::ErdOptions options;
    options.source = std::filesystem::path(flags->files.front()).filename().string();
    std::cout << (flags->format == "dot" ? emit::erd::emitDot(*compilation.schema, options)
                                         : emit::erd::emitMermaid(*compilation.schema, options));
    return kExitOk;
  });
}

}  // namespace ormc::cli
