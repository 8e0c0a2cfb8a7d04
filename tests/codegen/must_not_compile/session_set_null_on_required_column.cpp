// MUST NOT COMPILE: ormc: set(column, std::nullopt) needs a nullable column
// User.email is required.
#include "blog.orm.hpp"
#include "ormc/session.hpp"

#include <optional>

void forget(ormc::Tracked<blog::User>& user) { user.set(blog::q::User.email, std::nullopt); }
