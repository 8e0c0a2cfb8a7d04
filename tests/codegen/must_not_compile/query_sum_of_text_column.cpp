// MUST NOT COMPILE: ormc: sum() adds numeric columns
// SUM of a String column.
#include "blog.orm.hpp"
#include "ormc/database.hpp"

namespace q = blog::q;

auto total = ormc::query::sum(q::User.email);
