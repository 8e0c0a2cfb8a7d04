// MUST NOT COMPILE: ormc: include() takes a path of relations
// User.posts leads to Post, so the next step must be a relation of Post, not of User (use two include() calls).
#include "blog.orm.hpp"
#include "ormc/database.hpp"

namespace q = blog::q;

auto run(ormc::Database& db) { return db.query<blog::User>().include(q::User.posts, q::User.profile); }
auto query = run;
