// MUST NOT COMPILE: ormc: set(column, std::nullopt) needs a nullable column
// User.email is required: the database would refuse NULL at run time.
#include "blog.orm.hpp"
#include "ormc/database.hpp"

namespace q = blog::q;

auto run(ormc::Database& db) { return db.update<blog::User>().set(q::User.email, std::nullopt); }
auto query = run;
