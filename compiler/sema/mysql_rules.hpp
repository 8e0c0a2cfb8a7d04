// Rules that exist because MySQL/MariaDB is a target: no unbounded String, Text, Bytes or
// Json column in a primary key, unique constraint, index or foreign key (E0313), and no key
// longer than 3072 bytes (E0324; utf8mb4 takes 4 bytes per character). Runs only when
// Options::targetMysql is set.
#pragma once

#include "sema/context.hpp"

namespace ormc::sema {

// Needs keys and relations.
void checkMysqlKeys(Context& ctx);

}  // namespace ormc::sema
