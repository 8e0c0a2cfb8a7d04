// MUST NOT COMPILE: ormc: add() links to-many relations; set() a to-one relation
// Post.author is to-one: it is set(), not added to.
#include "blog.orm.hpp"
#include "ormc/session.hpp"

void link(ormc::Tracked<blog::Post>& post, const ormc::Tracked<blog::User>& user) { post.add(blog::q::Post.author, user); }
