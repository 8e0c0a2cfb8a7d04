// MUST NOT COMPILE: ormc: set() assigns a column of this object's model
// A column of Post cannot be set on a tracked User.
#include "blog.orm.hpp"
#include "ormc/session.hpp"

#include <string>

void retitle(ormc::Tracked<blog::User>& user) { user.set(blog::q::Post.title, std::string("x")); }
