// MUST NOT COMPILE: ormc: an integer column is not compared with a floating-point value
// karma > 4.5 would bind 4 (the value converted to the column's type) and select the wrong rows.
#include "blog.orm.hpp"
#include "ormc/database.hpp"

namespace q = blog::q;

auto condition = q::User.karma > 4.5;
