// MUST NOT COMPILE: ormc: arithmetic needs numeric columns
// email + 1 has no meaning.
#include "blog.orm.hpp"
#include "ormc/database.hpp"

namespace q = blog::q;

auto sum = q::User.email + 1;
