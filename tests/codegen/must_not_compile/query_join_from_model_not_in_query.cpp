// MUST NOT COMPILE: ormc: join() follows a relation of a model that is already in the query
// A query of users cannot follow Post.tags: no post is in it.
#include "blog.orm.hpp"
#include "ormc/database.hpp"

namespace q = blog::q;

auto run(ormc::Database& db) { return db.query<blog::User>().join(q::Post.tags); }
auto query = run;
