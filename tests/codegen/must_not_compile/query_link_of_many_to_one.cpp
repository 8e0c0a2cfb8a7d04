// MUST NOT COMPILE: ormc: link() and unlink() apply to many-to-many relations
// Post.author is a foreign key: set post.authorId instead.
#include "blog.orm.hpp"
#include "ormc/database.hpp"

namespace q = blog::q;

void run(ormc::Database& db, const blog::Post& post, const blog::User& user) { db.link(q::Post.author, post, user); }
