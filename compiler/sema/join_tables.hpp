// The implicit join table of each many-to-many relation: its entity name, table name
// (claimed against every other table, E0205), and columns, one per primary-key column of
// each side (E0206 if two would share a name). Constraint names are constraint_names' job.
#pragma once

#include "sema/context.hpp"

namespace ormc::sema {

// Needs table and column names and the relations. Fills the join-table fields of every
// ManyToMany RelationInfo.
void nameJoinTables(Context& ctx);

}  // namespace ormc::sema
