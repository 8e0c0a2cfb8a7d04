// MUST NOT COMPILE: ormc: where() of an update uses columns of the model being updated only
// An UPDATE of users filtered on a post's column.
#include "blog.orm.hpp"
#include "ormc/database.hpp"

namespace q = blog::q;

auto run(ormc::Database& db) { return db.update<blog::User>().set(q::User.karma, 1).where(q::Post.published == true); }
auto query = run;
