// The examples of docs/session.md and the README's session snippet, compiled and run on SQLite
// in memory, with the statements their comments promise checked, so that the documentation
// cannot drift from the API. Keep the snippets here and there the same.
#include "blog.orm.hpp"
#include "ormc/database.hpp"
#include "ormc/session.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

namespace {

// The statements run, without transaction control.
void record(ormc::Database& db, std::vector<std::string>& into) {
  db.on_statement([&into](const ormc::StatementEvent& event) {
    std::string sql(event.sql);
    for (const char* control : {"BEGIN", "COMMIT", "ROLLBACK", "SAVEPOINT", "RELEASE", "PRAGMA"}) {
      if (sql.rfind(control, 0) == 0) return;
    }
    into.push_back(sql.substr(0, sql.find(" (")));
  });
}

}  // namespace

TEST_CASE("docs/session.md: the first example") {
  ormc::Database db = ormc::Database::open("sqlite::memory:");
  db.create_all<blog::Schema>();
  std::vector<std::string> statements;
  record(db, statements);

  namespace q = blog::q;

  ormc::Session session(db);                                  // db: an ormc::Database
  auto ada   = session.add(blog::User{.email = "ada@example.com"});
  auto post  = session.add(blog::Post{.title = "Engines", .body = "..."});
  auto math  = session.add(blog::Tag{.name = "math"});
  ada.add(q::User.posts, post);                              // post.authorId follows ada.id
  post.add(q::Post.tags, math);                              // a post_tag row
  session.commit();      // INSERT users; INSERT post; INSERT tag; INSERT post_tag; COMMIT
  CHECK(statements == std::vector<std::string>{"INSERT INTO \"users\"", "INSERT INTO \"post\"", "INSERT INTO \"tag\"",
                                               "INSERT INTO \"post_tag\""});
  CHECK(post->authorId == ada->id);
  statements.clear();

  auto same = session.get<blog::User>(ada->id);              // the same object: no query
  CHECK(statements.empty());
  CHECK(*same == ada);
  same->set(q::User.karma, 5);                               // marks karma as changed
  session.commit();      // UPDATE "users" SET "karma" = ?, "updated_at" = ? WHERE "id" = ?
  CHECK(statements == std::vector<std::string>{R"(UPDATE "users" SET "karma" = ?, "updated_at" = ? WHERE "id" = ?)"});
}

TEST_CASE("README: the session snippet") {
  ormc::Database db = ormc::Database::open("sqlite::memory:");
  db.create_all<blog::Schema>();
  blog::User ada{.email = "ada@example.com"};
  db.insert(ada);
  std::vector<std::string> statements;
  record(db, statements);

  ormc::Session session(db);
  auto user = session.get<blog::User>(ada.id).value();     // a Tracked<User>
  user.set(blog::q::User.karma, 5);                        // only karma is written
  auto post = session.add(blog::Post{.title = "Hello", .body = "..."});
  user.add(blog::q::User.posts, post);                     // post.authorId follows user.id
  session.commit();                                        // INSERT post, UPDATE users, COMMIT
  CHECK(statements == std::vector<std::string>{R"(SELECT "id", "email", "name", "role", "karma", "balance", "created_at", "updated_at", "avatar", "settings" FROM "users" WHERE "id" = ?)",
                                               "INSERT INTO \"post\"",
                                               R"(UPDATE "users" SET "karma" = ?, "updated_at" = ? WHERE "id" = ?)"});
  CHECK(db.raw_query<std::int64_t>("SELECT author_id FROM post") == std::vector<std::int64_t>{ada.id});
}
