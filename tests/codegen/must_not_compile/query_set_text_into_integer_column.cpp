// MUST NOT COMPILE: ormc: set() assigns a value of the column's own type
// An UPDATE that would store a string in User.karma (Int32).
#include "blog.orm.hpp"
#include "ormc/database.hpp"

namespace q = blog::q;

auto run(ormc::Database& db) { return db.update<blog::User>().set(q::User.karma, "x"); }
auto query = run;
