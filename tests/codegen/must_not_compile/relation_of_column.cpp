// MUST NOT COMPILE: ormc: this member is not a relation field of its model
// A stored column is not a relation, so asking for its relation descriptor is refused.
#include "blog.orm.hpp"

constexpr const auto& relation = ormc::meta::relation<&blog::User::email>();
