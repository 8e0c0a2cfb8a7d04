// MUST NOT COMPILE: ormc: where() takes a condition
// where() of a column alone (a truthiness test in some ORMs).
#include "blog.orm.hpp"
#include "ormc/database.hpp"

namespace q = blog::q;

auto run(ormc::Database& db) { return db.query<blog::User>().where(q::User.karma); }
auto query = run;
