// Names of primary keys, unique constraints, indexes, foreign keys and checks. The user's
// `name:` wins (E0212 when two clash, E0216 past 64 characters on MySQL); the rest are
// `<table>_pkey`, `<table>_<cols>_key`, `<table>_<cols>_idx`, `<table>_<cols>_fkey`,
// `<table>_<col>_check` and `<table>_check[N]`, shortened with a stable hash past 64
// characters, and given a numeric suffix if still taken. Names are unique schema-wide
// (case-insensitively), since SQLite index names and MySQL constraint names are.
#pragma once

#include "sema/context.hpp"

namespace ormc::sema {

// Needs keys, relations, join tables and checks.
void nameConstraints(Context& ctx);

}  // namespace ormc::sema
