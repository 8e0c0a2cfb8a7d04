// MUST NOT COMPILE: ormc: && joins two conditions (comparisons), not values
// && between a column and a plain bool: the bool would not be part of the SQL.
#include "blog.orm.hpp"
#include "ormc/database.hpp"

namespace q = blog::q;

auto condition = q::User.karma && true;
