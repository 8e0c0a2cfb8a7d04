// MUST NOT COMPILE: ormc: include() takes relation fields
// include() loads relations; User.email is a column.
#include "blog.orm.hpp"
#include "ormc/database.hpp"

namespace q = blog::q;

auto run(ormc::Database& db) { return db.query<blog::User>().include(q::User.email); }
auto query = run;
