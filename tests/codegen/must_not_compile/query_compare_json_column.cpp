// MUST NOT COMPILE: ormc: a JSON column cannot be compared
// JSON documents have no order and no portable equality on SQLite and MySQL.
#include "blog.orm.hpp"
#include "ormc/database.hpp"

namespace q = blog::q;

auto condition = q::User.settings == ormc::Json::object();
