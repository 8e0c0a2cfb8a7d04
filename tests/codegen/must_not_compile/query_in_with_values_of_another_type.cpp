// MUST NOT COMPILE: ormc: in() takes values of the column's own type
// An Int32 column tested against a list of strings.
#include "blog.orm.hpp"
#include "ormc/database.hpp"

namespace q = blog::q;

auto condition = q::User.karma.in(std::vector<std::string>{"1", "2"});
