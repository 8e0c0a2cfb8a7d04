// Semantic analysis: the entry point from parsed files to the IR. Binds names, enforces
// every rule of docs/language.md "What the compiler refuses", decides default names, and
// lowers to ir::Schema. Reports into the DiagnosticEngine and never throws on bad input.
#pragma once

#include "ast/ast.hpp"
#include "ir/ir.hpp"
#include "support/diagnostics.hpp"

#include <optional>
#include <vector>

namespace ormc::sema {

struct Options {
  bool targetSqlite = true;
  bool targetMysql = true;  // enables MySQL-only rules (unbounded String keys, index length, 64-char names)
};

// Analyzes the files of one compilation: `files[0]` is the first root file, the others
// follow in load order (roots, then imports). Broken AST nodes are skipped without
// follow-on errors. Returns the IR when no error was reported, nullopt otherwise.
std::optional<ir::Schema> analyze(const std::vector<ast::File>& files, const Options& options,
                                  DiagnosticEngine& diagnostics);

}  // namespace ormc::sema
