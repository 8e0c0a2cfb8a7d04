// Relations: pairs each relation field with its partner on the other model (by relation
// name), validates foreign keys, and records one RelationInfo per relation in order of the
// owner field's declaration. Reports E0307-E0312, E0319, E0320, E0322, E0323, E0329-E0331.
// Join-table names are join_tables' job; MySQL key limits are mysql_rules'.
#pragma once

#include "sema/context.hpp"

namespace ormc::sema {

// Needs resolved types, keys and column names. Fills Context::relations and
// FieldInfo::relation of every paired field.
void analyzeRelations(Context& ctx);

}  // namespace ormc::sema
