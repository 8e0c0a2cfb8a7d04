// @default values: whether the literal fits the field's type (E0304), whether the value is
// in range or well formed (E0328), enum values (E0208), and the canonical ir::DefaultValue.
#pragma once

#include "sema/context.hpp"

namespace ormc::sema {

// Evaluates the @default of every scalar and enum field into FieldInfo::defaultValue.
// Relation fields are left to field_rules (a default there is misplaced, E0315).
void evaluateDefaults(Context& ctx);

}  // namespace ormc::sema
