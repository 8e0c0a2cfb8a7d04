// MUST NOT COMPILE: ormc: where() uses a column of a model that is not in this query
// A query of users filtered on a post's column, without join(q::User.posts).
#include "blog.orm.hpp"
#include "ormc/database.hpp"

namespace q = blog::q;

std::vector<blog::User> run(ormc::Database& db) { return db.query<blog::User>().where(q::Post.title == "x").all(); }
