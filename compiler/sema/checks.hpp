// @check and @@check: names bound to this model's scalar fields (or to enum values when
// compared with an enum field), the expression type-checked (E0321; unknown names E0207 /
// E0208, relation fields E0327), and lowered to ir::CheckExpr over column indices.
#pragma once

#include "sema/context.hpp"

namespace ormc::sema {

// Needs resolved types and column indices. Fills ModelInfo::checks: field-level checks in
// field order, then @@check in source order.
void analyzeChecks(Context& ctx);

}  // namespace ormc::sema
