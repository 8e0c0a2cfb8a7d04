// The positive control of must_not_compile/query_*.cpp: each refused construct written the right
// way, compiled with the same command line (plus -Werror). If this file stops compiling, the
// must-not-compile cases no longer prove anything, so it is a test of its own.
#include "blog.orm.hpp"
#include "ormc/database.hpp"
#include "ormc/session.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

namespace q = blog::q;
using blog::Post;
using blog::Tag;
using blog::User;

// Comparisons of matching types (query_compare_*, query_integer_column_with_double,
// query_decimal_column_with_double), null tests of nullable columns (query_*_on_required_column).
auto comparisons() {
  return std::tuple{q::User.karma > 5,
                    q::User.karma > std::int64_t{4},
                    q::User.email == "x",
                    q::User.email == std::string("x"),
                    q::User.balance > ormc::Decimal("1.50"),
                    q::User.balance >= 10,
                    q::User.name.is_null(),
                    q::User.name == std::nullopt,
                    q::User.settings.is_not_null(),
                    q::User.karma > 5 && q::User.name.is_null(),
                    q::User.karma > 5 || q::User.email == "x",
                    q::User.email.like("%@example.com"),
                    q::User.karma.in({1, 2}),
                    q::User.karma.in(std::vector<std::int32_t>{1, 2}),
                    q::User.karma + 1 == 6,
                    q::Post.id == q::Post.id};
}

std::vector<User> whereWithJoin(ormc::Database& db) {
  return db.query<User>().join(q::User.posts).where(q::Post.title == "x").all();
}

std::vector<Post> joinChain(ormc::Database& db) {
  return db.query<Post>().join(q::Post.author).join(q::Post.tags).where(q::Tag.name == "math").all();
}

std::vector<std::tuple<std::string>> selectWithJoin(ormc::Database& db) {
  return db.select(q::Post.title).from<User>().join(q::User.posts).all();
}

std::vector<User> includes(ormc::Database& db) {
  return db.query<User>().include(q::User.posts, q::Post.tags).include(q::User.profile).all();
}

std::vector<User> ordered(ormc::Database& db) {
  return db.query<User>().order_by(q::User.name.desc(), q::User.id).where(q::User.karma > 0).all();
}

void forEach(ormc::Database& db) {
  db.query<User>().for_each([](const User&) {});
}

auto aggregates(ormc::Database& db) {
  return db.select(ormc::query::sum(q::User.karma), ormc::query::min(q::User.email), ormc::query::count())
      .from<User>()
      .one();
}

std::int64_t updates(ormc::Database& db) {
  return db.update<User>()
             .set(q::User.karma, 1)
             .set(q::User.name, std::nullopt)
             .set(q::User.karma, q::User.karma + 1)
             .where(q::User.email == "x")
             .execute() +
         db.remove<User>().where(q::User.karma < 0).execute();
}

std::int64_t links(ormc::Database& db, const Post& post, const Tag& tag) {
  return db.link(q::Post.tags, post, tag) + db.unlink(q::Post.tags, post, tag);
}

// The session's setters and links written right (must_not_compile/session_*).
void sessionWrites(ormc::Session& session) {
  auto user = session.add(User{.email = "x"});
  auto post = session.add(Post{.title = "t", .body = "b"});
  user.set(q::User.karma, 5);
  user.set(q::User.email, std::string("y"));
  user.set(q::User.name, std::nullopt);
  post.set(q::Post.title, "t2");
  post.set(q::Post.author, user);
  user.add(q::User.posts, post);
  post.add(q::Post.tags, session.add(Tag{.name = "n"}));
  std::vector<ormc::Tracked<Post>> posts = user.related(q::User.posts);
  std::optional<ormc::Tracked<User>> author = post.related(q::Post.author);
  std::vector<ormc::Tracked<User>> users = session.query<User>().include(q::User.posts).all();
}
