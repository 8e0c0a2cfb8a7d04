// An expression written back as schema text, for messages that quote what the user wrote:
// `default value "x" does not fit ...`. Not a pretty-printer: no source is re-read.
#pragma once

#include "ast/ast.hpp"

#include <string>

namespace ormc::sema {

// `"a\"b"`, `-12`, `now()`, `[a, b]`, `karma >= 0`.
std::string exprText(const ast::Expr& expr);

}  // namespace ormc::sema
