// Backend-independent tests of the typed query API over schemas/blog.orm. The including file
// defines its fixtures (as for test_database_body.hpp: ormc::Database open()) and
// ORMC_QUERY_FIXTURES before including this header. The expected rows are written out here
// from the seed data, never computed by the ORM.
#pragma once

#include <doctest/doctest.h>

#include "blog.orm.hpp"
#include "ormc/database.hpp"
#include "ormc/error.hpp"

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

namespace ormc::test::queries {

namespace q = blog::q;
using blog::Post;
using blog::Role;
using blog::Tag;
using blog::User;

// Three users, four posts, three tags:
//   ada   (admin,  karma 10, name "Ada")   posts: "Engines" (published, tags: history, math),
//                                                 "Notes 100%_done" (draft, tags: math)
//   grace (author, karma 5,  name "Grace") posts: "Compilers" (published, tags: history, compilers)
//   anon  (reader, karma 0,  no name)      posts: "Hello" (published, no tags)
struct Seed {
  User ada, grace, anon;
  Post engines, notes, compilers, hello;
  Tag history{.name = "history"}, math{.name = "math"}, compilers_{.name = "compilers"};
};

inline Seed seed(ormc::Database& db) {
  db.create_all<blog::Schema>();
  Seed s;
  s.ada = {.email = "ada@example.com", .name = "Ada", .role = Role::admin, .karma = 10};
  s.grace = {.email = "grace@example.com", .name = "Grace", .role = Role::author, .karma = 5};
  s.anon = {.email = "anon@example.org", .karma = 0};
  db.insert(s.ada);
  db.insert(s.grace);
  db.insert(s.anon);
  s.engines = {.authorId = s.ada.id, .title = "Engines", .body = "The Analytical Engine", .published = true};
  s.notes = {.authorId = s.ada.id, .title = "Notes 100%_done", .body = "Draft", .published = false};
  s.compilers = {.authorId = s.grace.id, .title = "Compilers", .body = "A-0", .published = true};
  s.hello = {.authorId = s.anon.id, .title = "Hello", .body = "Hi", .published = true};
  for (Post* post : {&s.engines, &s.notes, &s.compilers, &s.hello}) db.insert(*post);
  for (Tag* tag : {&s.history, &s.math, &s.compilers_}) db.insert(*tag);
  db.link(q::Post.tags, s.engines, s.history);
  db.link(q::Post.tags, s.engines, s.math);
  db.link(q::Post.tags, s.notes, s.math);
  db.link(q::Post.tags, s.compilers, s.history);
  db.link(q::Post.tags, s.compilers, s.compilers_);
  return s;
}

template <class Rows, class F>
std::vector<std::string> map(const Rows& rows, F f) {
  std::vector<std::string> out;
  for (const auto& row : rows) out.push_back(f(row));
  return out;
}

inline std::string emailOf(const User& u) { return u.email; }
inline std::string titleOf(const Post& p) { return p.title; }

using Strings = std::vector<std::string>;

}  // namespace ormc::test::queries

TEST_CASE_TEMPLATE("where, order_by, limit and offset select the expected entities", F, ORMC_QUERY_FIXTURES) {
  using namespace ormc::test::queries;
  F f;
  ormc::Database db = f.open();
  Seed s = seed(db);

  CHECK(map(db.query<User>().order_by(q::User.email).all(), emailOf) ==
        Strings{"ada@example.com", "anon@example.org", "grace@example.com"});
  CHECK(map(db.query<User>().where(q::User.karma > 0).order_by(q::User.karma.desc()).all(), emailOf) ==
        Strings{"ada@example.com", "grace@example.com"});
  CHECK(map(db.query<User>().where(q::User.karma >= 5 && q::User.role != Role::admin).all(), emailOf) ==
        Strings{"grace@example.com"});
  CHECK(map(db.query<User>().where(q::User.role == Role::reader || q::User.karma == 10).order_by(q::User.id).all(),
            emailOf) == Strings{"ada@example.com", "anon@example.org"});
  CHECK(map(db.query<User>().where(!(q::User.karma < 5)).order_by(q::User.id).all(), emailOf) ==
        Strings{"ada@example.com", "grace@example.com"});
  CHECK(map(db.query<Post>().order_by(q::Post.title).limit(2).all(), titleOf) == Strings{"Compilers", "Engines"});
  CHECK(map(db.query<Post>().order_by(q::Post.title).limit(2).offset(1).all(), titleOf) ==
        Strings{"Engines", "Hello"});
  CHECK(map(db.query<Post>().order_by(q::Post.title).offset(3).all(), titleOf) == Strings{"Notes 100%_done"});
  // Two where() calls both hold.
  CHECK(map(db.query<Post>().where(q::Post.published == true).where(q::Post.authorId == s.ada.id).all(), titleOf) ==
        Strings{"Engines"});
}

TEST_CASE_TEMPLATE("first, one, count and exists", F, ORMC_QUERY_FIXTURES) {
  using namespace ormc::test::queries;
  F f;
  ormc::Database db = f.open();
  Seed s = seed(db);
  CHECK(db.query<User>().order_by(q::User.karma).first()->email == "anon@example.org");
  CHECK_FALSE(db.query<User>().where(q::User.karma > 100).first());
  CHECK(db.query<User>().where(q::User.email == "grace@example.com").one().id == s.grace.id);
  CHECK_THROWS_AS(db.query<User>().where(q::User.karma > 100).one(), ormc::NotFound);
  CHECK_THROWS_AS(db.query<User>().one(), ormc::Error);
  CHECK(db.query<User>().count() == 3);
  CHECK(db.query<Post>().where(q::Post.published == true).count() == 3);
  CHECK(db.query<Post>().order_by(q::Post.id).limit(2).count() == 2);
  CHECK(db.query<User>().where(q::User.karma == 5).exists());
  CHECK_FALSE(db.query<User>().where(q::User.karma == 6).exists());
}

TEST_CASE_TEMPLATE("in, between, null tests and comparisons between columns", F, ORMC_QUERY_FIXTURES) {
  using namespace ormc::test::queries;
  F f;
  ormc::Database db = f.open();
  Seed s = seed(db);
  std::vector<std::int64_t> ids{s.ada.id, s.anon.id};
  CHECK(map(db.query<User>().where(q::User.id.in(ids)).order_by(q::User.id).all(), emailOf) ==
        Strings{"ada@example.com", "anon@example.org"});
  CHECK(db.query<User>().where(q::User.id.in(std::vector<std::int64_t>{})).count() == 0);
  CHECK(db.query<User>().where(!q::User.id.in(std::vector<std::int64_t>{})).count() == 3);
  CHECK(db.query<User>().where(q::User.role.in({Role::admin, Role::author})).count() == 2);
  CHECK(db.query<User>().where(q::User.email.in({"anon@example.org", "nobody@example.com"})).count() == 1);
  CHECK(db.query<User>().where(q::User.karma.between(1, 5)).one().email == "grace@example.com");
  CHECK(db.query<User>().where(q::User.name.is_null()).one().email == "anon@example.org");
  CHECK(db.query<User>().where(q::User.name == std::nullopt).one().email == "anon@example.org");
  CHECK(db.query<User>().where(q::User.name != std::nullopt).count() == 2);
  CHECK(db.query<User>().where(q::User.name.is_not_null() && q::User.name == "Ada").count() == 1);
  // A column compared with another column, and with arithmetic.
  CHECK(db.query<Post>().where(q::Post.id == q::Post.id).count() == 4);
  CHECK(db.query<User>().where(q::User.karma * 2 > 9).count() == 2);
  CHECK(db.query<User>().where(q::User.karma + 1 == 6).one().email == "grace@example.com");
}

TEST_CASE_TEMPLATE("like and its friends escape %, _ and the escape character", F, ORMC_QUERY_FIXTURES) {
  using namespace ormc::test::queries;
  F f;
  ormc::Database db = f.open();
  seed(db);
  CHECK(db.query<User>().where(q::User.email.like("%@example.com")).count() == 2);
  CHECK(db.query<User>().where(q::User.email.ends_with("example.org")).count() == 1);
  CHECK(db.query<User>().where(q::User.email.starts_with("gr")).count() == 1);
  CHECK(db.query<Post>().where(q::Post.title.contains("100%_")).one().title == "Notes 100%_done");
  CHECK(db.query<Post>().where(q::Post.title.contains("0%d")).count() == 0);  // % is literal
  CHECK(db.query<Post>().where(q::Post.title.contains("s 1")).count() == 1);
  CHECK(db.query<Post>().where(q::Post.title.like("_ngines")).count() == 1);  // _ is a wildcard in like()
  CHECK(db.query<Post>().where(q::Post.title.starts_with("_")).count() == 0);  // but literal here
  // The escape character itself, and a backslash (MySQL's default escape), are literal too.
  Post odd{.authorId = db.query<User>().first()->id, .title = "a!b\\c", .body = "."};
  db.insert(odd);
  CHECK(db.query<Post>().where(q::Post.title.contains("!b\\")).count() == 1);
  CHECK(db.query<Post>().where(q::Post.title.ends_with("\\c")).count() == 1);
  CHECK(db.query<Post>().where(q::Post.title.contains("b\\\\c")).count() == 0);
}

TEST_CASE_TEMPLATE("projections give tuples of the right types, with aggregates and grouping", F, ORMC_QUERY_FIXTURES) {
  using namespace ormc::test::queries;
  namespace query = ormc::query;
  F f;
  ormc::Database db = f.open();
  Seed s = seed(db);
  std::vector<std::tuple<std::int64_t, std::string>> pairs =
      db.select(q::User.id, q::User.email).from<User>().order_by(q::User.id).all();
  REQUIRE(pairs.size() == 3);
  CHECK(pairs[0] == std::tuple{s.ada.id, std::string("ada@example.com")});
  CHECK(std::get<1>(pairs[2]) == "anon@example.org");

  std::vector<std::tuple<std::optional<std::string>>> names =
      db.select(q::User.name).from<User>().order_by(q::User.id).all();
  CHECK(names == std::vector<std::tuple<std::optional<std::string>>>{{"Ada"}, {"Grace"}, {std::nullopt}});

  auto totals = db.select(query::count(), query::sum(q::User.karma), query::max(q::User.karma), query::min(q::User.email),
                          query::avg(q::User.karma))
                    .from<User>()
                    .one();
  CHECK(std::get<0>(totals) == 3);
  CHECK(std::get<1>(totals) == 15);
  CHECK(std::get<2>(totals) == 10);
  CHECK(std::get<3>(totals) == "ada@example.com");
  REQUIRE(std::get<4>(totals));
  CHECK(*std::get<4>(totals) == doctest::Approx(5.0));

  auto empty = db.select(query::sum(q::User.karma), query::count()).from<User>().where(q::User.karma > 100).one();
  CHECK(std::get<0>(empty) == std::nullopt);
  CHECK(std::get<1>(empty) == 0);

  auto perAuthor = db.select(q::Post.authorId, query::count())
                       .from<Post>()
                       .group_by(q::Post.authorId)
                       .having(query::count() > 1)
                       .all();
  CHECK(perAuthor == std::vector<std::tuple<std::int64_t, std::int64_t>>{{s.ada.id, 2}});

  auto roles = db.select(q::User.role).from<User>().where(q::User.karma < 100).distinct().order_by(q::User.role).all();
  CHECK(roles.size() == 3);
  CHECK(db.select(q::Post.published).from<Post>().distinct().count() == 2);
}

TEST_CASE_TEMPLATE("joins along relations, inner and left, with the joined columns usable", F, ORMC_QUERY_FIXTURES) {
  using namespace ormc::test::queries;
  F f;
  ormc::Database db = f.open();
  Seed s = seed(db);
  // Posts whose author has a given email: a filter across a relation.
  CHECK(map(db.query<Post>().join(q::Post.author).where(q::User.email == "ada@example.com").order_by(q::Post.title).all(),
            titleOf) == Strings{"Engines", "Notes 100%_done"});
  // Users with their posts' titles, users without posts kept by the LEFT JOIN.
  User quiet{.email = "quiet@example.com"};
  db.insert(quiet);
  auto rows = db.select(q::User.email, q::Post.title)
                  .from<User>()
                  .left_join(q::User.posts)
                  .where(q::User.karma < 10)
                  .order_by(q::User.email, q::Post.title)
                  .all();
  using Row = std::tuple<std::string, std::optional<std::string>>;
  CHECK(rows == std::vector<Row>{{"anon@example.org", "Hello"},
                                 {"grace@example.com", "Compilers"},
                                 {"quiet@example.com", std::nullopt}});
  // Whole entities on both sides, the joined one optional.
  auto pairs = db.select(q::User, q::Post).from<User>().left_join(q::User.posts).order_by(q::User.id, q::Post.id).all();
  REQUIRE(pairs.size() == 5);
  CHECK(std::get<0>(pairs[0]).email == "ada@example.com");
  CHECK(std::get<1>(pairs[0])->title == "Engines");
  CHECK_FALSE(std::get<1>(pairs[4]).has_value());
  // Many-to-many: posts tagged "math", through the join table.
  CHECK(map(db.query<Post>().join(q::Post.tags).where(q::Tag.name == "math").order_by(q::Post.id).all(), titleOf) ==
        Strings{"Engines", "Notes 100%_done"});
  CHECK(db.select(q::Tag.name, ormc::query::count())
            .from<Tag>()
            .join(q::Tag.posts)
            .group_by(q::Tag.name)
            .order_by(q::Tag.name)
            .all() == std::vector<std::tuple<std::string, std::int64_t>>{{"compilers", 1}, {"history", 2}, {"math", 2}});
}

TEST_CASE_TEMPLATE("include loads relations with one statement each, nested and many-to-many", F, ORMC_QUERY_FIXTURES) {
  using namespace ormc::test::queries;
  F f;
  ormc::Database db = f.open();
  Seed s = seed(db);
  std::vector<User> users = db.query<User>().include(q::User.posts, q::Post.tags).order_by(q::User.id).all();
  REQUIRE(users.size() == 3);
  REQUIRE(users[0].posts.loaded());
  CHECK(map(users[0].posts, titleOf) == Strings{"Engines", "Notes 100%_done"});
  CHECK(map(users[0].posts[0].tags, [](const Tag& t) { return t.name; }) == Strings{"history", "math"});
  CHECK(map(users[1].posts[0].tags, [](const Tag& t) { return t.name; }) == Strings{"compilers", "history"});
  CHECK(users[2].posts[0].tags.loaded());
  CHECK(users[2].posts[0].tags.empty());

  std::vector<Post> posts = db.query<Post>().include(q::Post.author).order_by(q::Post.id).all();
  REQUIRE(posts.size() == 4);
  CHECK(posts[0].author->email == "ada@example.com");
  CHECK(posts[2].author->email == "grace@example.com");

  // One-to-one, inverse side: no profile is loaded as empty.
  blog::Profile profile{.userId = s.grace.id, .bio = "Admiral"};
  db.insert(profile);
  std::vector<User> withProfiles = db.query<User>().include(q::User.profile).order_by(q::User.id).all();
  CHECK(withProfiles[0].profile.loaded());
  CHECK_FALSE(withProfiles[0].profile.hasValue());
  CHECK(withProfiles[1].profile->bio == "Admiral");
}

TEST_CASE_TEMPLATE("update and remove by predicate return the affected rows, link and unlink", F, ORMC_QUERY_FIXTURES) {
  using namespace ormc::test::queries;
  F f;
  ormc::Database db = f.open();
  Seed s = seed(db);
  CHECK(db.update<User>().set(q::User.karma, q::User.karma + 1).where(q::User.karma >= 5).execute() == 2);
  CHECK(db.find<User>(s.ada.id)->karma == 11);
  CHECK(db.find<User>(s.grace.id)->karma == 6);
  CHECK(db.find<User>(s.anon.id)->karma == 0);
  CHECK(db.find<User>(s.ada.id)->updatedAt > s.ada.updatedAt);  // @updatedAt set by the statement
  CHECK(db.update<User>().set(q::User.name, std::nullopt).set(q::User.role, Role::reader).where(q::User.id == s.ada.id).execute() == 1);
  CHECK(db.find<User>(s.ada.id)->name == std::nullopt);
  // @version is bumped by an update by predicate too.
  CHECK(db.update<Post>().set(q::Post.published, true).where(q::Post.id == s.notes.id).execute() == 1);
  CHECK(db.find<Post>(s.notes.id)->version == 1);

  CHECK(db.unlink(q::Post.tags, s.engines, s.math) == 1);
  CHECK(db.unlink(q::Post.tags, s.engines, s.math) == 0);
  CHECK(db.query<Post>().join(q::Post.tags).where(q::Tag.name == "math").count() == 1);
  CHECK_THROWS_AS(db.link(q::Post.tags, s.notes, s.math), ormc::UniqueViolation);

  CHECK(db.remove<Post>().where(q::Post.published == true && q::Post.authorId == s.grace.id).execute() == 1);
  CHECK(db.remove<Post>().where(q::Post.title == "nothing").execute() == 0);
  CHECK(db.query<Post>().count() == 3);
}

TEST_CASE_TEMPLATE("raw SQL binds its values and maps rows to entities, tuples and values", F, ORMC_QUERY_FIXTURES) {
  using namespace ormc::test::queries;
  F f;
  ormc::Database db = f.open();
  Seed s = seed(db);
  const std::string hostile = "x' OR '1'='1";
  auto none = db.raw_query<std::int64_t>("SELECT id FROM users WHERE email = ?", hostile);
  CHECK(none.empty());
  auto rows = db.raw_query<std::tuple<std::int64_t, std::string>>("SELECT id, email FROM users WHERE karma > ? ORDER BY id", 1);
  CHECK(rows == std::vector<std::tuple<std::int64_t, std::string>>{{s.ada.id, "ada@example.com"}, {s.grace.id, "grace@example.com"}});
  auto users = db.raw_query<User>(db.query<User>().where(q::User.id == s.grace.id).to_sql(db.dialect()), s.grace.id);
  REQUIRE(users.size() == 1);
  CHECK(users[0].email == "grace@example.com");
  CHECK(db.raw_execute("UPDATE users SET karma = ? WHERE id = ?", 42, s.anon.id) == 1);
  CHECK(db.find<User>(s.anon.id)->karma == 42);
}

TEST_CASE_TEMPLATE("for_each and stream() read the rows one by one, and queries run inside the thread's transaction", F, ORMC_QUERY_FIXTURES) {
  using namespace ormc::test::queries;
  F f;
  ormc::Database db = f.open();
  seed(db);
  Strings seen;
  db.query<User>().order_by(q::User.id).for_each([&](const User& u) { seen.push_back(u.email); });
  CHECK(seen == Strings{"ada@example.com", "grace@example.com", "anon@example.org"});
  seen.clear();
  for (const auto& [email, karma] : db.select(q::User.email, q::User.karma).from<User>().order_by(q::User.id).stream()) {
    seen.push_back(email + ":" + std::to_string(karma));
  }
  CHECK(seen == Strings{"ada@example.com:10", "grace@example.com:5", "anon@example.org:0"});
  std::size_t streamed = 0;
  for (const User& u : db.query<User>().where(q::User.karma > 100).stream()) streamed += u.email.size();
  CHECK(streamed == 0);
  {
    auto tx = db.transaction();
    User extra{.email = "extra@example.com"};
    tx.insert(extra);
    CHECK(db.query<User>().count() == 4);
    CHECK(tx.query<User>().count() == 4);
  }
  CHECK(db.query<User>().count() == 3);
}

TEST_CASE_TEMPLATE("to_sql shows the statement, with every value a parameter", F, ORMC_QUERY_FIXTURES) {
  using namespace ormc::test::queries;
  F f;
  ormc::Database db = f.open();
  auto query = db.query<User>().where(q::User.email == "x' OR 1=1 --").order_by(q::User.name.desc()).limit(5);
  CHECK(query.to_sql(ormc::kSqliteDialect) ==
        "SELECT \"users\".\"id\", \"users\".\"email\", \"users\".\"name\", \"users\".\"role\", \"users\".\"karma\", "
        "\"users\".\"balance\", \"users\".\"created_at\", \"users\".\"updated_at\", \"users\".\"avatar\", "
        "\"users\".\"settings\" FROM \"users\" WHERE (\"users\".\"email\" = ?) ORDER BY \"users\".\"name\" DESC LIMIT ?");
  CHECK(db.select(q::User.id).from<User>().where(q::User.balance > ormc::Decimal("1.50")).to_sql(ormc::kMysqlDialect) ==
        "SELECT `users`.`id` FROM `users` WHERE (`users`.`balance` > ?)");
  CHECK(db.select(q::User.id).from<User>().where(q::User.balance > ormc::Decimal("1.50")).to_sql(ormc::kSqliteDialect) ==
        "SELECT \"users\".\"id\" FROM \"users\" WHERE (CAST(\"users\".\"balance\" AS REAL) > CAST(? AS REAL))");
  CHECK(db.update<User>().set(q::User.karma, 1).where(q::User.id == 2).to_sql(ormc::kSqliteDialect) ==
        "UPDATE \"users\" SET \"karma\" = ?, \"updated_at\" = ? WHERE (\"users\".\"id\" = ?)");
}

TEST_CASE_TEMPLATE("decimals compare as numbers on both databases", F, ORMC_QUERY_FIXTURES) {
  using namespace ormc::test::queries;
  F f;
  ormc::Database db = f.open();
  Seed s = seed(db);
  s.ada.balance = ormc::Decimal("10.00");
  s.grace.balance = ormc::Decimal("9.50");
  db.update(s.ada);
  db.update(s.grace);
  CHECK(map(db.query<User>().where(q::User.balance > ormc::Decimal("9.00")).order_by(q::User.balance.desc()).all(),
            emailOf) == Strings{"ada@example.com", "grace@example.com"});
  CHECK(db.query<User>().where(q::User.balance >= 10).count() == 1);
  CHECK(std::get<0>(db.select(ormc::query::max(q::User.balance)).from<User>().one()) == ormc::Decimal("10.00"));
}

TEST_CASE_TEMPLATE("the statement hook sees every statement, so include() is counted: one per relation", F,
                   ORMC_QUERY_FIXTURES) {
  using namespace ormc::test::queries;
  F f;
  ormc::Database db = f.open();
  seed(db);
  // More parents than one statement's worth would not matter: 40 more users, each with a post.
  std::vector<User> more;
  for (int i = 0; i < 40; ++i) more.push_back(User{.email = "u" + std::to_string(i) + "@example.com"});
  db.insert_all(more);
  std::vector<Post> posts;
  for (const User& u : more) posts.push_back(Post{.authorId = u.id, .title = "p", .body = "."});
  db.insert_all(posts);

  std::vector<std::string> statements;
  std::chrono::nanoseconds total{};
  db.on_statement([&](const ormc::StatementEvent& event) {
    statements.emplace_back(event.sql);
    total += event.duration;
  });
  std::vector<User> users = db.query<User>().include(q::User.posts, q::Post.tags).include(q::User.profile).all();
  CHECK(users.size() == 43);
  // The users, their posts, the posts' tags (through the join table), the profiles.
  REQUIRE(statements.size() == 4);
  CHECK(statements[0].find("FROM \"users\"") + statements[0].find("FROM `users`") != 2 * std::string::npos);
  CHECK(statements[1].find(" IN (") != std::string::npos);
  CHECK(total.count() > 0);

  statements.clear();
  db.query<Post>().include(q::Post.author).all();
  CHECK(statements.size() == 2);
  statements.clear();
  User u{.email = "hooked@example.com"};
  db.insert(u);
  db.execute(db.dialect().kind() == ormc::DialectKind::Sqlite ? "CREATE TABLE hooked (x INTEGER)"
                                                               : "CREATE TABLE hooked (x INT)");
  CHECK(statements.size() == 2);
  CHECK(statements[0].starts_with("INSERT INTO"));
  db.on_statement({});
  db.query<User>().count();
  CHECK(statements.size() == 2);
}

TEST_CASE_TEMPLATE("a query shape is rendered and compiled once, whatever its values", F, ORMC_QUERY_FIXTURES) {
  using namespace ormc::test::queries;
  F f;
  ormc::Database db = f.open();
  seed(db);
  auto byKarma = [&](int karma) {
    return db.query<User>().where(q::User.karma >= karma && q::User.email.like("%@%")).order_by(q::User.id).limit(10).all();
  };
  byKarma(0);
  std::size_t compiled = db.withConnection([](ormc::Connection& c) { return c.preparedCount(); });
  for (int karma = 0; karma < 20; ++karma) byKarma(karma);
  CHECK(byKarma(5).size() == 2);
  CHECK(db.withConnection([](ormc::Connection& c) { return c.preparedCount(); }) == compiled);
}
