// Enum rules beyond collecting values: an enum needs a value (E0325), and the values stored
// in the database must be non-empty (E0215) and distinct, case-insensitively as MySQL
// compares ENUM members (E0204).
#pragma once

#include "sema/context.hpp"

namespace ormc::sema {

// Reads the enums' attributes and checks their stored values.
void checkEnums(Context& ctx);

}  // namespace ormc::sema
