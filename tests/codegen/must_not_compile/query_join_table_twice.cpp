// MUST NOT COMPILE: ormc: this model is already in the query; joining a table twice is not supported
// Post -> User -> Post would need a second alias of the post table.
#include "blog.orm.hpp"
#include "ormc/database.hpp"

namespace q = blog::q;

auto run(ormc::Database& db) { return db.query<blog::Post>().join(q::Post.author).join(q::User.posts); }
auto query = run;
