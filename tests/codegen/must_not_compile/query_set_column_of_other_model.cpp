// MUST NOT COMPILE: ormc: set() assigns a column of the model being updated
// An UPDATE of users cannot set a post's column.
#include "blog.orm.hpp"
#include "ormc/database.hpp"

namespace q = blog::q;

auto run(ormc::Database& db) { return db.update<blog::User>().set(q::Post.title, "x"); }
auto query = run;
