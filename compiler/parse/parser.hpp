// The parse stage: schema text -> ast::File. The only public entry to parsing; ANTLR
// types never appear outside parse/*.cpp. Syntax errors are reported, not thrown, and the
// parser recovers so that later errors in the same file are reported too.
#pragma once

#include "ast/ast.hpp"
#include "support/diagnostics.hpp"
#include "support/phase_times.hpp"
#include "support/source_manager.hpp"

namespace ormc::parse {

// Parses the file `file` of `sources`. Lexical and syntax errors go to `diagnostics`
// (codes E01xx); the returned AST holds everything that parsed, with broken parts flagged.
// `times`, when given, receives the time of each parse phase.
ast::File parseFile(const SourceManager& sources, FileId file, DiagnosticEngine& diagnostics,
                    PhaseTimes* times = nullptr);

}  // namespace ormc::parse
