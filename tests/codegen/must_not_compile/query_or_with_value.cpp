// MUST NOT COMPILE: ormc: || joins two conditions (comparisons), not values
// || between a condition and a plain bool.
#include "blog.orm.hpp"
#include "ormc/database.hpp"

namespace q = blog::q;

auto condition = (q::User.karma > 5) || false;
