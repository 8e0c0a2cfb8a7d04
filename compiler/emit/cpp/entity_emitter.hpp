// The C++ emitter: IR -> <stem>.orm.hpp (enums, entity structs, compile-time metadata) and
// <stem>.orm.cpp (the metadata's compile-time checks, built once). Both files are always
// written, so a build system can name them before running ormc. See docs/generated-code.md.
#pragma once

#include "emit/output_sink.hpp"
#include "ir/ir.hpp"

#include <string>
#include <vector>

namespace ormc::emit::cpp {

struct Options {
  std::string version;                   // ormc's version, for the banner
  std::vector<std::string> schemaFiles;  // the root files as given; the first names the outputs
};

// The name the outputs share: the first root file's name without its extension
// ("schemas/blog.orm" -> "blog").
std::string outputStem(const std::vector<std::string>& schemaFiles);
std::string headerFileName(const std::string& stem);  // "blog.orm.hpp"
std::string sourceFileName(const std::string& stem);  // "blog.orm.cpp"

// Writes both files to `sink`, in declaration order, byte-identical for the same IR and
// options. Throws only what the sink throws (or std::logic_error for an inconsistent IR).
void emitEntities(const ir::Schema& schema, const Options& options, OutputSink& sink);

}  // namespace ormc::emit::cpp
