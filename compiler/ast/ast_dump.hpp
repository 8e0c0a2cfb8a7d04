// A deterministic, indented text dump of an AST (with line:col of every node), for parser
// tests: one CHECK(dump(parse(src)) == expected) per construct.
#pragma once

#include "ast/ast.hpp"
#include "support/source_manager.hpp"

#include <string>

namespace ormc::ast {

std::string dump(const File& file, const SourceManager& sources);
std::string dump(const Expr& expr);  // compact, fully parenthesised: "(karma >= 0)"

}  // namespace ormc::ast
