// MUST NOT COMPILE: ormc: is_null() applies to nullable columns only
// User.email is required (String, not String?), so testing it for NULL is a mistake.
#include "blog.orm.hpp"
#include "ormc/database.hpp"

namespace q = blog::q;

auto condition = q::User.email.is_null();
