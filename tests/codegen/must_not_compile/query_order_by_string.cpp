// MUST NOT COMPILE: ormc: order_by() takes columns
// A column named by a string could not be checked against the schema, so it is refused.
#include "blog.orm.hpp"
#include "ormc/database.hpp"

namespace q = blog::q;

auto run(ormc::Database& db) { return db.query<blog::User>().order_by("name"); }
auto query = run;
