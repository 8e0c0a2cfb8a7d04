// MUST NOT COMPILE: ormc: this member is not a stored column of its model
// A relation field has no column, so asking for its column descriptor is refused.
#include "blog.orm.hpp"

constexpr const auto& column = ormc::meta::column<&blog::User::posts>();
