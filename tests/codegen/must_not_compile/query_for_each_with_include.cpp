// MUST NOT COMPILE: ormc: for_each() streams rows; include() needs all() instead
// include() loads relations once every row is read; for_each() hands each row over before that.
#include "blog.orm.hpp"
#include "ormc/database.hpp"

namespace q = blog::q;

void run(ormc::Database& db) {
  db.query<blog::User>().include(q::User.posts).for_each([](const blog::User&) {});
}
