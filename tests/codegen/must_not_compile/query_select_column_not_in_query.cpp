// MUST NOT COMPILE: ormc: select() names a column of a model that is not in this query
// A post's title selected from users, without a join.
#include "blog.orm.hpp"
#include "ormc/database.hpp"

namespace q = blog::q;

auto run(ormc::Database& db) { return db.select(q::Post.title).from<blog::User>().all(); }
auto query = run;
