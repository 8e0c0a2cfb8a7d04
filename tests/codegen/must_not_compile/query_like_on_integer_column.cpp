// MUST NOT COMPILE: ormc: like() and its friends apply to text columns only
// LIKE on an Int32 column.
#include "blog.orm.hpp"
#include "ormc/database.hpp"

namespace q = blog::q;

auto condition = q::User.karma.like("1%");
