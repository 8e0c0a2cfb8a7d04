// Collecting declarations: every model and enum of every file (in load order, then source
// order) into the Context and its symbol table, with their fields and values. Reports
// duplicates (E0202, E0203, E0204), names C++ cannot take (E0215) and C++ keywords (W0002).
// Broken nodes are skipped; their names are remembered so lookups of them stay quiet.
#pragma once

#include "sema/context.hpp"

namespace ormc::sema {

void collectDeclarations(Context& ctx);

}  // namespace ormc::sema
