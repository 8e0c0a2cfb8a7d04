// MUST NOT COMPILE: ormc: a @version column is bumped by each flush, not set by hand
// Optimistic locking only works if the version is the one read; the flush bumps it.
#include "blog.orm.hpp"
#include "ormc/session.hpp"

void bump(ormc::Tracked<blog::Post>& post) { post.set(blog::q::Post.version, 7); }
