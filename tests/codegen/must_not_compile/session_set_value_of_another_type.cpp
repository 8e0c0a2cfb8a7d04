// MUST NOT COMPILE: ormc: set() assigns a value of the column's own type
// A tracked object's column takes a value of its own type, as in an update query.
#include "blog.orm.hpp"
#include "ormc/session.hpp"

#include <string>

void rename(ormc::Tracked<blog::User>& user) { user.set(blog::q::User.karma, std::string("many")); }
