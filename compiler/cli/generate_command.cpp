// `ormc generate FILE... --out DIR [--depfile PATH]`: write the C++ entity code
// (<stem>.orm.hpp and <stem>.orm.cpp, named after the first FILE) under DIR, and optionally a
// Makefile-syntax depfile naming every schema file read, so that a build re-runs ormc when an
// imported file changes (CMake's add_custom_command(DEPFILE), used by ormc_generate()).
// Schema errors: diagnostics on stderr, exit 1, nothing written.
#include "cli/cli.hpp"
#include "emit/cpp/entity_emitter.hpp"
#include "emit/output_sink.hpp"

#include <filesystem>
#include <iostream>
#include <memory>
#include <stdexcept>

namespace ormc::cli {

namespace {

namespace fs = std::filesystem;

// A path as Make and Ninja read it in a depfile: spaces and '#' escaped with '\', '$' doubled.
std::string depfilePath(const fs::path& path) {
  std::string out;
  for (char c : path.string()) {
    if (c == ' ' || c == '#') out += '\\';
    if (c == '$') out += '$';
    out += c;
  }
  return out;
}

// "<out.hpp> <out.cpp>: \\\n  <schema> \\\n  <schema>\n", with absolute paths: the outputs
// first, then every file the compilation read, roots and imports, in the order read.
std::string depfileText(const std::vector<fs::path>& outputs, const SourceManager& sources) {
  std::string text;
  for (const fs::path& output : outputs) {
    text += (text.empty() ? "" : " ") + depfilePath(fs::absolute(output).lexically_normal());
  }
  text += ":";
  for (FileId id = 0; id < sources.fileCount(); ++id) {
    text += " \\\n  " + depfilePath(fs::absolute(sources.canonicalPath(id)).lexically_normal());
  }
  return text + "\n";
}

}  // namespace

void addGenerateCommand(CLI::App& app, Registry& registry) {
  struct Flags : FrontEndFlags {
    std::string out;
    std::string depfile;
  };
  auto flags = std::make_shared<Flags>();
  CLI::App* command = app.add_subcommand("generate", "Write the C++ entity code: <stem>.orm.hpp and <stem>.orm.cpp");
  addFrontEndFlags(*command, *flags);
  command->add_option("--out", flags->out, "Directory for the generated files (created if missing)")
      ->required()
      ->type_name("DIR");
  command->add_option("--depfile", flags->depfile, "Also write a Makefile-syntax depfile listing every schema file read")
      ->type_name("PATH");
  registry.add(command, [flags] {
    driver::Compilation compilation;
    int status = runFrontEnd(toOptions(*flags), compilation);
    if (status != kExitOk) return status;
    emit::cpp::Options options{ORMC_VERSION, flags->files};
    try {
      emit::DiskSink sink(flags->out);
      emit::cpp::emitEntities(*compilation.schema, options, sink);
      if (!flags->depfile.empty()) {
        fs::path depfile = fs::absolute(flags->depfile);
        emit::DiskSink(depfile.parent_path()).write(depfile.filename().string(), depfileText(sink.written(), compilation.sources));
      }
    } catch (const std::runtime_error& e) {
      // I/O failures (an unwritable directory, a full disk) are the user's to fix, not ormc bugs.
      std::cerr << "ormc: error: " << e.what() << "\n";
      return kExitUsage;
    }
    return kExitOk;
  });
}

}  // namespace ormc::cli
