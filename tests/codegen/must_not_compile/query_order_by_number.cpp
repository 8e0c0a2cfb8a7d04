// MUST NOT COMPILE: ormc: order_by() takes columns
// ORDER BY 5 (a column position in SQL) is not how a column is named here.
#include "blog.orm.hpp"
#include "ormc/database.hpp"

namespace q = blog::q;

auto run(ormc::Database& db) { return db.query<blog::User>().order_by(5); }
auto query = run;
