// MUST NOT COMPILE: ormc: this column is required (not nullable), so it is never NULL
// The same mistake spelled as a comparison with std::nullopt.
#include "blog.orm.hpp"
#include "ormc/database.hpp"

namespace q = blog::q;

auto condition = q::User.email == std::nullopt;
