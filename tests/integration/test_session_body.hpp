// Backend-independent tests of ormc::Session over schemas/blog.orm (and shop.orm's Employee for
// a self-reference). The including file defines its fixtures, each with `ormc::Database open()`
// and `static constexpr bool kShared` (true when two open() calls reach the same database, so
// two sessions can race), and ORMC_SESSION_FIXTURES. Rows are checked with hand-written SQL,
// never through the session.
#pragma once

#include <doctest/doctest.h>

#include "blog.orm.hpp"
#include "cycle.orm.hpp"
#include "shop.orm.hpp"
#include "ormc/database.hpp"
#include "ormc/error.hpp"
#include "ormc/session.hpp"

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

namespace doctest {
template <>
struct StringMaker<std::vector<std::string>> {
  static String convert(const std::vector<std::string>& values) {
    std::string out = "{";
    for (const std::string& value : values) out += (out.size() > 1 ? ", \"" : "\"") + value + "\"";
    return (out + "}").c_str();
  }
};
}  // namespace doctest

namespace ormc::test::sessions {

namespace q = blog::q;
using blog::Post;
using blog::Tag;
using blog::User;

// The statements a database runs, as texts with '"' quoting whatever the dialect, split into
// the writes and reads a test counts and the transaction control around them.
class StatementLog {
 public:
  explicit StatementLog(ormc::Database& db) {
    db.on_statement([this](const ormc::StatementEvent& event) {
      std::string sql(event.sql);
      std::replace(sql.begin(), sql.end(), '`', '"');
      statements_.push_back(std::move(sql));
    });
  }
  // The statements since the last take(), without BEGIN / COMMIT / SAVEPOINT and the like.
  std::vector<std::string> take() {
    std::vector<std::string> out;
    for (std::string& sql : statements_) {
      if (!control(sql)) out.push_back(std::move(sql));
    }
    statements_.clear();
    return out;
  }
  std::size_t count() { return take().size(); }

 private:
  static bool control(const std::string& sql) {
    for (const char* prefix : {"BEGIN", "START TRANSACTION", "COMMIT", "ROLLBACK", "SAVEPOINT", "RELEASE", "SET ",
                               "PRAGMA"}) {
      if (sql.rfind(prefix, 0) == 0) return true;
    }
    return false;
  }
  std::vector<std::string> statements_;
};

using Strings = std::vector<std::string>;

// Every statement's first words ("INSERT INTO \"users\""), for checking order and count.
inline Strings heads(const Strings& statements) {
  Strings out;
  for (const std::string& sql : statements) {
    std::size_t end = sql.find(" (");
    std::size_t where = sql.find(" WHERE");
    std::size_t set = sql.find(" SET");
    end = std::min({end, where, set, sql.size()});
    out.push_back(sql.substr(0, end));
  }
  return out;
}

using PostRow = std::tuple<std::string, std::string, std::int32_t>;  // title, author email, version

inline std::vector<PostRow> postRows(ormc::Database& db) {
  return db.raw_query<PostRow>(
      "SELECT p.title, u.email, p.version FROM post p JOIN users u ON u.id = p.author_id ORDER BY p.title");
}
// "title/tag" per join row.
inline std::vector<std::string> tagRows(ormc::Database& db) {
  std::vector<std::string> out;
  for (const auto& [title, tag] : db.raw_query<std::tuple<std::string, std::string>>(
           "SELECT p.title, pt.tag_name FROM post_tag pt JOIN post p ON p.id = pt.post_id ORDER BY p.title, pt.tag_name")) {
    out.push_back(title + "/" + tag);
  }
  return out;
}
inline Strings userEmails(ormc::Database& db) { return db.raw_query<std::string>("SELECT email FROM users ORDER BY email"); }

}  // namespace ormc::test::sessions

TEST_CASE_TEMPLATE("a session writes a realistic unit of work with exact rows and statement counts", F,
                   ORMC_SESSION_FIXTURES) {
  using namespace ormc::test::sessions;
  F f;
  ormc::Database db = f.open();
  db.create_all<blog::Schema>();
  StatementLog log(db);

  ormc::Session session(db);
  // Create: a user with two posts and three tags, linked before anything has a key.
  auto ada = session.add(User{.email = "ada@example.com", .name = "Ada", .karma = 1});
  auto engines = session.add(Post{.title = "Engines", .body = "The Analytical Engine"});
  auto notes = session.add(Post{.title = "Notes", .body = "Draft"});
  auto history = session.add(Tag{.name = "history"});
  auto math = session.add(Tag{.name = "math"});
  auto draft = session.add(Tag{.name = "draft"});
  ada.add(q::User.posts, engines);
  ada.add(q::User.posts, notes);
  engines.add(q::Post.tags, history);
  engines.add(q::Post.tags, math);
  notes.add(q::Post.tags, draft);
  CHECK(session.has_changes());
  CHECK(log.count() == 0);  // nothing runs before the flush
  session.flush();
  // One INSERT per table (the posts batched, the tags batched), parents first; one per link.
  CHECK(heads(log.take()) == Strings{"INSERT INTO \"users\"", "INSERT INTO \"post\"", "INSERT INTO \"tag\"",
                                     "INSERT INTO \"post_tag\"", "INSERT INTO \"post_tag\"",
                                     "INSERT INTO \"post_tag\""});
  CHECK(ada->id > 0);
  CHECK(engines->authorId == ada->id);
  CHECK(notes->authorId == ada->id);
  CHECK(engines->id > 0);
  CHECK(notes->id == engines->id + 1);
  CHECK_FALSE(session.has_changes());
  session.commit();
  CHECK(log.count() == 0);  // the flush had nothing left; COMMIT only
  CHECK(postRows(db) == std::vector<PostRow>{{"Engines", "ada@example.com", 0}, {"Notes", "ada@example.com", 0}});
  CHECK(tagRows(db) == Strings{"Engines/history", "Engines/math", "Notes/draft"});
  log.take();

  // Edit: only the changed columns are written (plus @updatedAt and @version, which every
  // update maintains).
  engines.set(q::Post.title, std::string("Engines, revised"));
  ada.set(q::User.karma, 7);
  CHECK(engines.changed(q::Post.title));
  CHECK_FALSE(engines.changed(q::Post.body));
  session.flush();
  CHECK(log.take() == Strings{"UPDATE \"users\" SET \"karma\" = ?, \"updated_at\" = ? WHERE \"id\" = ?",
                              "UPDATE \"post\" SET \"title\" = ?, \"version\" = \"version\" + 1 WHERE \"id\" = ? AND "
                              "\"version\" = ?"});
  CHECK(engines->version == 1);
  CHECK_FALSE(engines.changed());

  // Move a post to another user, and take a tag off it.
  auto grace = session.add(User{.email = "grace@example.com", .name = "Grace"});
  grace.add(q::User.posts, notes);
  notes.remove(q::Post.tags, draft);
  engines.remove(q::Post.tags, math);
  engines.add(q::Post.tags, math);  // cancels the removal: nothing to write for it
  session.flush();
  CHECK(heads(log.take()) == Strings{"INSERT INTO \"users\"", "UPDATE \"post\"", "DELETE FROM \"post_tag\""});
  CHECK(notes->authorId == grace->id);
  session.commit();
  CHECK(postRows(db) == std::vector<PostRow>{{"Engines, revised", "ada@example.com", 1},
                                             {"Notes", "grace@example.com", 1}});
  CHECK(tagRows(db) == Strings{"Engines, revised/history", "Engines, revised/math"});
  log.take();

  // Delete a user: the database's ON DELETE CASCADE removes the posts and their join rows, and
  // the session detaches the posts it tracks, with one statement.
  session.remove(ada);
  CHECK(ada.state() == ormc::TrackedState::Removed);
  CHECK(engines.state() == ormc::TrackedState::Removed);
  CHECK(notes.state() == ormc::TrackedState::Persistent);
  session.commit();
  CHECK(heads(log.take()) == Strings{"DELETE FROM \"users\""});
  CHECK(ada.state() == ormc::TrackedState::Detached);
  CHECK(engines.state() == ormc::TrackedState::Detached);
  CHECK(userEmails(db) == Strings{"grace@example.com"});
  CHECK(postRows(db) == std::vector<PostRow>{{"Notes", "grace@example.com", 1}});
  CHECK(tagRows(db).empty());
  CHECK(db.raw_query<std::string>("SELECT name FROM tag ORDER BY name") == Strings{"draft", "history", "math"});
  CHECK_THROWS_AS(engines.set(q::Post.title, std::string("gone")), ormc::Error);
}

TEST_CASE_TEMPLATE("the identity map returns the same object for the same key without a second query", F,
                   ORMC_SESSION_FIXTURES) {
  using namespace ormc::test::sessions;
  F f;
  ormc::Database db = f.open();
  db.create_all<blog::Schema>();
  User stored{.email = "ada@example.com", .karma = 3};
  db.insert(stored);
  StatementLog log(db);

  ormc::Session session(db);
  auto first = session.get<User>(stored.id);
  REQUIRE(first);
  CHECK(log.count() == 1);
  auto second = session.get<User>(stored.id);
  CHECK(log.count() == 0);
  CHECK(*first == *second);
  CHECK(&first->value() == &second->value());
  // A query returns the tracked object too, keeping its unflushed change when autoflush is off.
  first->set(q::User.karma, 9);
  session.set_autoflush(false);
  auto queried = session.query<User>().where(q::User.email == "ada@example.com").one();
  CHECK(queried == *first);
  CHECK(queried->karma == 9);
  CHECK(db.raw_query<std::int32_t>("SELECT karma FROM users") == std::vector<std::int32_t>{3});
  // With autoflush on, the query sees the change in the database, in the session's transaction.
  session.set_autoflush(true);
  log.take();
  CHECK(session.query<User>().where(q::User.karma == 9).count() == 1);
  CHECK(heads(log.take()) == Strings{"UPDATE \"users\"", "SELECT COUNT(*) FROM \"users\""});
  CHECK_FALSE(session.get<User>(stored.id + 100));
  CHECK(session.size() == 1);
}

TEST_CASE_TEMPLATE("related objects load lazily once, and include() in a session query loads them up front", F,
                   ORMC_SESSION_FIXTURES) {
  using namespace ormc::test::sessions;
  F f;
  ormc::Database db = f.open();
  db.create_all<blog::Schema>();
  User ada{.email = "ada@example.com"};
  db.insert(ada);
  Post engines{.authorId = ada.id, .title = "Engines", .body = "b"};
  Post notes{.authorId = ada.id, .title = "Notes", .body = "b"};
  db.insert(engines);
  db.insert(notes);
  Tag math{.name = "math"};
  db.insert(math);
  db.link(q::Post.tags, engines, math);
  StatementLog log(db);

  {
    ormc::Session session(db);
    auto user = session.get<User>(ada.id).value();
    log.take();
    auto posts = user.related(q::User.posts);
    CHECK(log.count() == 1);
    REQUIRE(posts.size() == 2);
    CHECK(user.related(q::User.posts).size() == 2);
    CHECK(log.count() == 0);  // kept
    // The loaded posts are the identity map's: get() finds them without a query.
    auto again = session.get<Post>(engines.id);
    CHECK(log.count() == 0);
    CHECK((again == posts[0] || again == posts[1]));
    // A to-one relation, and the way back.
    auto author = posts[0].related(q::Post.author);
    REQUIRE(author);
    CHECK(*author == user);
    CHECK(log.count() == 1);
  }
  {
    ormc::Session session(db);
    log.take();
    auto users = session.query<User>().include(q::User.posts, q::Post.tags).all();
    CHECK(log.count() == 3);
    REQUIRE(users.size() == 1);
    auto posts = users[0].related(q::User.posts);
    REQUIRE(posts.size() == 2);
    std::vector<std::string> titles;
    std::size_t tags = 0;
    for (const auto& post : posts) {
      titles.push_back(post->title);
      tags += post.related(q::Post.tags).size();
    }
    std::sort(titles.begin(), titles.end());
    CHECK(titles == Strings{"Engines", "Notes"});
    CHECK(tags == 1);
    CHECK(log.count() == 0);  // all of it came with the query
    // Holders in tracked objects stay empty: relations are read through related().
    CHECK_FALSE(users[0]->posts.loaded());
  }
}

TEST_CASE_TEMPLATE("a flush that fails half way leaves the database unchanged and the session usable", F,
                   ORMC_SESSION_FIXTURES) {
  using namespace ormc::test::sessions;
  F f;
  ormc::Database db = f.open();
  db.create_all<blog::Schema>();
  User taken{.email = "taken@example.com"};
  db.insert(taken);

  ormc::Session session(db);
  auto existing = session.get<User>(taken.id).value();
  existing.set(q::User.karma, 4);
  auto fresh = session.add(User{.email = "fresh@example.com"});
  auto post = session.add(Post{.title = "T", .body = "b"});
  auto clash = session.add(Post{.title = "T", .body = "same title, same author"});
  fresh.add(q::User.posts, post);
  fresh.add(q::User.posts, clash);
  // The user's INSERT succeeds, the posts' fails on @@unique([authorId, title]).
  CHECK_THROWS_AS(session.flush(), ormc::UniqueViolation);
  // Nothing of the flush is in the database, and the objects are as they were before it.
  CHECK(userEmails(db) == Strings{"taken@example.com"});
  CHECK(db.raw_query<std::int32_t>("SELECT karma FROM users") == std::vector<std::int32_t>{0});
  CHECK(db.raw_query<std::int64_t>("SELECT COUNT(*) FROM post") == std::vector<std::int64_t>{0});
  CHECK(fresh->id == 0);
  CHECK(fresh.state() == ormc::TrackedState::New);
  CHECK(existing.changed(q::User.karma));
  CHECK_FALSE(session.in_transaction());

  // Fixing the cause and flushing again works...
  session.remove(clash);
  session.flush();
  CHECK(post->authorId == fresh->id);
  // ...and so does rolling back: new objects are forgotten, loaded ones expire and re-read.
  session.rollback();
  CHECK(fresh.state() == ormc::TrackedState::Detached);
  CHECK(userEmails(db) == Strings{"taken@example.com"});
  CHECK(existing->karma == 0);
  CHECK_FALSE(existing.changed());
  existing.set(q::User.karma, 2);
  session.commit();
  CHECK(db.raw_query<std::int32_t>("SELECT karma FROM users") == std::vector<std::int32_t>{2});
}

TEST_CASE_TEMPLATE("optimistic locking: a concurrent update makes flush throw StaleObject and write nothing", F,
                   ORMC_SESSION_FIXTURES) {
  using namespace ormc::test::sessions;
  if constexpr (!F::kShared) return;  // an in-memory database cannot be opened twice
  F f;
  ormc::Database db = f.open();
  db.create_all<blog::Schema>();
  User ada{.email = "ada@example.com"};
  db.insert(ada);
  Post post{.authorId = ada.id, .title = "Engines", .body = "v0"};
  db.insert(post);
  ormc::Database other = f.open();

  ormc::Session mine(db);
  ormc::Session theirs(other);
  auto minePost = mine.get<Post>(post.id).value();
  auto theirPost = theirs.get<Post>(post.id).value();
  theirPost.set(q::Post.body, std::string("theirs"));
  theirs.commit();

  minePost.set(q::Post.body, std::string("mine"));
  auto extra = mine.add(Tag{.name = "extra"});  // written before the stale update, then undone
  CHECK_THROWS_AS(mine.commit(), ormc::StaleObject);
  CHECK(db.raw_query<std::string>("SELECT body FROM post") == Strings{"theirs"});
  CHECK(db.raw_query<std::int32_t>("SELECT version FROM post") == std::vector<std::int32_t>{1});
  CHECK(db.raw_query<std::int64_t>("SELECT COUNT(*) FROM tag") == std::vector<std::int64_t>{0});
  // After a rollback the object shows the winner's row, and may be changed again.
  mine.rollback();
  CHECK(minePost->body == "theirs");
  CHECK(minePost->version == 1);
  minePost.set(q::Post.body, std::string("mine, after all"));
  mine.commit();
  CHECK(db.raw_query<std::string>("SELECT body FROM post") == Strings{"mine, after all"});
  (void)extra;
  // A DELETE is version-checked too: theirs still holds version 1.
  theirs.remove(theirPost);
  CHECK_THROWS_AS(theirs.commit(), ormc::StaleObject);
  CHECK(db.raw_query<std::int64_t>("SELECT COUNT(*) FROM post") == std::vector<std::int64_t>{1});
}

TEST_CASE_TEMPLATE("a self-reference: rows of one table inserted parents first, a cycle broken by an UPDATE", F,
                   ORMC_SESSION_FIXTURES) {
  using namespace ormc::test::sessions;
  using acme::shop::Employee;
  namespace sq = acme::shop::q;
  F f;
  ormc::Database db = f.open();
  db.create_all<acme::shop::Schema>();
  StatementLog log(db);

  ormc::Session session(db);
  // Added before her manager: inserted with a NULL manager, then updated once he has a key.
  auto ann = session.add(Employee{.email = "ann@example.com", .firstName = "Ann", .lastName = "A"});
  auto bob = session.add(Employee{.email = "bob@example.com", .firstName = "Bob", .lastName = "B"});
  auto cid = session.add(Employee{.email = "cid@example.com", .firstName = "Cid", .lastName = "C"});
  ann.set(sq::Employee.manager, bob);
  bob.add(sq::Employee.reports, cid);  // added after bob: bob's row comes first in its own batch
  session.flush();
  CHECK(heads(log.take()) ==
        Strings{"INSERT INTO \"employee\"", "INSERT INTO \"employee\"", "UPDATE \"employee\""});
  CHECK(ann->managerId == bob->id);
  CHECK(cid->managerId == bob->id);
  session.commit();
  using Row = std::tuple<std::string, std::optional<std::string>>;
  const char* managers =
      "SELECT e.email, m.email FROM employee e LEFT JOIN employee m ON m.id = e.manager_id ORDER BY e.email";
  CHECK(db.raw_query<Row>(managers) ==
        std::vector<Row>{{"ann@example.com", "bob@example.com"}, {"bob@example.com", std::nullopt},
                         {"cid@example.com", "bob@example.com"}});
  log.take();

  // onDelete SetNull: removing the manager clears the reports' foreign keys in memory, and the
  // database clears the rows'.
  session.remove(bob);
  CHECK(ann->managerId == std::nullopt);
  session.commit();
  CHECK(heads(log.take()) == Strings{"DELETE FROM \"employee\""});
  CHECK(db.raw_query<Row>(managers) ==
        std::vector<Row>{{"ann@example.com", std::nullopt}, {"cid@example.com", std::nullopt}});

  // onDelete Restrict: the database refuses to delete a category that has children, the flush
  // fails as a whole, and a rollback brings the category back.
  using acme::shop::Category;
  auto root = session.add(Category{.name = "Root", .slug = "root"});
  auto leaf = session.add(Category{.name = "Leaf", .slug = "leaf"});
  leaf.set(sq::Category.parent, root);
  session.commit();
  session.remove(root);
  CHECK(leaf.state() == ormc::TrackedState::Persistent);
  CHECK_THROWS_AS(session.commit(), ormc::ForeignKeyViolation);
  CHECK(db.raw_query<std::int64_t>("SELECT COUNT(*) FROM category") == std::vector<std::int64_t>{2});
  session.rollback();
  CHECK(root.state() == ormc::TrackedState::Persistent);
  CHECK(leaf->parentId == root->id);
}

TEST_CASE_TEMPLATE("a cycle between two tables is broken through its nullable foreign key", F, ORMC_SESSION_FIXTURES) {
  using namespace ormc::test::sessions;
  using cycle::Player;
  using cycle::Team;
  namespace cq = cycle::q;
  F f;
  ormc::Database db = f.open();
  db.create_all<cycle::Schema>();
  StatementLog log(db);

  ormc::Session session(db);
  // team.captainId (nullable) -> player, player.teamId (required) -> team: the team goes
  // first with no captain, the players follow, then the captain is set.
  auto team = session.add(Team{.name = "Engines"});
  auto ada = session.add(Player{.name = "Ada"});
  auto bob = session.add(Player{.name = "Bob"});
  team.add(cq::Team.players, ada);
  team.add(cq::Team.players, bob);
  team.set(cq::Team.captain, ada);
  session.commit();
  CHECK(log.take() == Strings{R"(INSERT INTO "team" ("name", "captain_id") VALUES (?, ?))",
                              R"(INSERT INTO "player" ("name", "team_id") VALUES (?, ?), (?, ?))",
                              R"(UPDATE "team" SET "captain_id" = ? WHERE "id" = ?)"});
  CHECK(team->captainId == ada->id);
  CHECK(bob->teamId == team->id);
  using Row = std::tuple<std::string, std::string>;
  CHECK(db.raw_query<Row>("SELECT t.name, p.name FROM team t JOIN player p ON p.id = t.captain_id") ==
        std::vector<Row>{{"Engines", "Ada"}});
  log.take();

  // Removing the team: its players go with it (Cascade), by the database.
  session.remove(team);
  CHECK(ada.state() == ormc::TrackedState::Removed);
  session.commit();
  CHECK(heads(log.take()) == Strings{"DELETE FROM \"team\""});
  CHECK(db.raw_query<std::int64_t>("SELECT COUNT(*) FROM player") == std::vector<std::int64_t>{0});
}

TEST_CASE_TEMPLATE("misuse of tracked objects fails loudly", F, ORMC_SESSION_FIXTURES) {
  using namespace ormc::test::sessions;
  F f;
  ormc::Database db = f.open();
  db.create_all<blog::Schema>();
  ormc::Tracked<User> empty;
  CHECK_THROWS_AS((void)empty->email, ormc::Error);

  std::optional<ormc::Tracked<User>> kept;
  {
    ormc::Session session(db);
    kept = session.add(User{.email = "ada@example.com"});
    session.commit();
    // A tracked object of one session cannot be linked into another.
    ormc::Session other(db);
    auto post = other.add(Post{.title = "T", .body = "b"});
    CHECK_THROWS_AS(post.set(q::Post.author, *kept), ormc::Error);
    CHECK_THROWS_AS(other.remove(*kept), ormc::Error);
    // The primary key of a saved object is not changed, nor a @version.
    CHECK_THROWS_AS(kept->set(q::User.id, std::int64_t{5}), ormc::Error);
    CHECK_THROWS_AS(kept->modify([](User& u) { u.id = 5; }), ormc::Error);
    CHECK((*kept)->id != 5);
    // add() of an entity with relation holders filled in is refused, not half done.
    User withPosts{.email = "x@example.com"};
    withPosts.posts.add(Post{});
    CHECK_THROWS_AS(session.add(std::move(withPosts)), ormc::Error);
  }
  // The session has ended: the object can be read, but changes would be lost, so they throw.
  CHECK((*kept)->email == "ada@example.com");
  CHECK(kept->state() == ormc::TrackedState::Detached);
  CHECK_THROWS_AS(kept->set(q::User.karma, 1), ormc::Error);

  // An object expired by a rollback cannot be read once its session has ended.
  std::optional<ormc::Tracked<User>> expired;
  {
    ormc::Session session(db);
    expired = session.get<User>((*kept)->id);
    session.rollback();
  }
  CHECK_THROWS_AS((void)(*expired)->email, ormc::Error);
  // A row deleted behind the session's back: the expired object's reload says so.
  {
    ormc::Session session(db);
    auto user = session.get<User>((*kept)->id).value();
    session.rollback();
    db.raw_execute("DELETE FROM users");
    CHECK_THROWS_AS((void)user->email, ormc::NotFound);
  }
}

TEST_CASE_TEMPLATE("modify() learns what changed by comparing once, and rollback() discards pending changes", F,
                   ORMC_SESSION_FIXTURES) {
  using namespace ormc::test::sessions;
  F f;
  ormc::Database db = f.open();
  db.create_all<blog::Schema>();
  User ada{.email = "ada@example.com", .name = "Ada"};
  db.insert(ada);
  StatementLog log(db);

  ormc::Session session(db);
  auto user = session.get<User>(ada.id).value();
  user.modify([](User& u) {
    u.name = "Ada Lovelace";
    u.karma = 3;
  });
  CHECK(user.changed(q::User.name));
  CHECK(user.changed(q::User.karma));
  CHECK_FALSE(user.changed(q::User.email));
  log.take();
  session.flush();
  CHECK(log.take() == Strings{"UPDATE \"users\" SET \"name\" = ?, \"karma\" = ?, \"updated_at\" = ? WHERE \"id\" = ?"});
  session.commit();

  // Pending changes and new objects are dropped by rollback(); removed objects come back.
  user.set(q::User.karma, 50);
  auto extra = session.add(User{.email = "extra@example.com"});
  session.remove(user);
  session.rollback();
  CHECK(user.state() == ormc::TrackedState::Persistent);
  CHECK(extra.state() == ormc::TrackedState::Detached);
  CHECK(user->karma == 3);
  CHECK(userEmails(db) == Strings{"ada@example.com"});
  CHECK_FALSE(session.has_changes());
}
