// MUST NOT COMPILE: ormc: these two cannot be compared
// An Int32 column compared with a string: the values could never be equal.
#include "blog.orm.hpp"
#include "ormc/database.hpp"

namespace q = blog::q;

auto condition = q::User.karma > "x";
