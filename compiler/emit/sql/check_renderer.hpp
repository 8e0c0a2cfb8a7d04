// Renders an ir::CheckExpr as the SQL condition inside CHECK (...), through a Dialect, so that
// a check accepts the same rows on every database: string literals quoted by the dialect and
// put in the stored form of the column they are compared with, enum values by their stored
// value, length() in characters, '/' as real division, and (where decimals are computed in
// floating point) comparisons of decimal sums rounded to their scale.
#pragma once

#include "emit/sql/dialect.hpp"
#include "ir/ir.hpp"

#include <string>

namespace ormc::emit::sql {

// The condition for `expr`, a check of `entity`, without the surrounding CHECK ( ). Nested
// operations are fully parenthesised; the outermost is not.
std::string renderCheck(const ir::Entity& entity, const ir::CheckExpr& expr, const Dialect& dialect);

}  // namespace ormc::emit::sql
