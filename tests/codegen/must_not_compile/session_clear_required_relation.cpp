// MUST NOT COMPILE: ormc: set(relation, std::nullopt) needs a nullable foreign key
// Post.authorId is required, so a post cannot lose its author.
#include "blog.orm.hpp"
#include "ormc/session.hpp"

#include <optional>

void orphan(ormc::Tracked<blog::Post>& post) { post.set(blog::q::Post.author, std::nullopt); }
