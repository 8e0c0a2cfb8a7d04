// MUST NOT COMPILE: ormc: the columns of a key belong to one entity
// A key lists columns of one model; mixing two is caught where the key is named.
#include "blog.orm.hpp"

using Mixed = ormc::meta::Key<&blog::Post::authorId, &blog::User::id>;
constexpr std::size_t size = Mixed::size;
