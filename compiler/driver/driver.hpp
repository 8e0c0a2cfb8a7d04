// Runs the front end in order: load the root files and, depth first, every file they
// import (each once; missing or cyclic imports are E0209/E0210 at the import line), parse
// each, then analyze all of them together. Lowering happens only if nothing failed before.
#pragma once

#include "ast/ast.hpp"
#include "driver/options.hpp"
#include "ir/ir.hpp"
#include "support/diagnostics.hpp"
#include "support/phase_times.hpp"
#include "support/source_manager.hpp"

#include <optional>
#include <string>
#include <vector>

namespace ormc::driver {

struct Compilation {
  SourceManager sources;
  DiagnosticEngine diagnostics;
  std::vector<ast::File> files;     // in load order: the first root, its imports, the next root...
  std::optional<ir::Schema> schema;  // set when there were no errors
  PhaseTimes times;  // filled when Options::timeReport is set
  std::vector<std::string> ioErrors;  // root files that could not be read (a usage error, not a schema error)
};

// Never throws for bad input; internal errors may throw std::logic_error.
Compilation compile(const Options& options);

// The text to print on stderr for the compilation's diagnostics, in source order, in the
// requested format, with a summary line in text mode.
std::string renderDiagnostics(const Compilation& compilation, DiagnosticsFormat format);

}  // namespace ormc::driver
