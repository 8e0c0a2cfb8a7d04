// Primary keys, unique constraints and indexes of each model: exactly one primary key
// (E0301, E0302), never nullable (E0326), @autoincrement only on a single integer @id
// (E0303); the field lists of @@id/@@unique/@@index bound to fields (E0207, E0327).
#pragma once

#include "sema/context.hpp"

namespace ormc::sema {

// Fills ModelInfo::keyState, primaryKey and indexes (field-level @unique/@index in field
// order, then @@unique/@@index in source order).
void checkKeys(Context& ctx);

}  // namespace ormc::sema
