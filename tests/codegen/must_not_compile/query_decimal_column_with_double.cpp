// MUST NOT COMPILE: ormc: these two cannot be compared
// A Decimal is exact and a double is not: a Decimal column meets a Decimal or an integer only.
#include "blog.orm.hpp"
#include "ormc/database.hpp"

namespace q = blog::q;

auto condition = q::User.balance > 1.5;
