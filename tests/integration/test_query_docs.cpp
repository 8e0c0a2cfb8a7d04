// The examples of docs/queries.md, compiled and run on SQLite in memory, so that the
// documentation cannot drift from the API. Each SUBCASE is one section of the document; keep
// the snippets here and there the same (the checks after them are not in the document).
#include "blog.orm.hpp"
#include "ormc/database.hpp"
#include "ormc/error.hpp"

#include <doctest/doctest.h>

#include <cstdint>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

namespace q = blog::q;
using blog::Post;
using blog::Role;
using blog::Tag;
using blog::User;
using ormc::query::count;

namespace {

// ada (admin, karma 10) wrote "Engines" (tags math, history) and a draft; grace (author,
// karma 5) wrote "Compilers"; bob (reader, karma 0, no name) wrote nothing.
struct Seed {
  User ada{.email = "ada@example.com", .name = "Ada", .role = Role::admin, .karma = 10};
  User grace{.email = "grace@example.com", .name = "Grace", .role = Role::author, .karma = 5};
  User bob{.email = "bob@example.com", .karma = 0};
  Post engines, draft, compilers;
  Tag math{.name = "math"}, history{.name = "history"};
};

Seed seed(ormc::Database& db) {
  db.create_all<blog::Schema>();
  Seed s;
  for (User* u : {&s.ada, &s.grace, &s.bob}) db.insert(*u);
  s.engines = {.authorId = s.ada.id, .title = "Engines", .body = ".", .published = true};
  s.draft = {.authorId = s.ada.id, .title = "Draft", .body = ".", .published = false};
  s.compilers = {.authorId = s.grace.id, .title = "Compilers", .body = ".", .published = true};
  for (Post* p : {&s.engines, &s.draft, &s.compilers}) db.insert(*p);
  db.insert(s.math);
  db.insert(s.history);
  db.link(q::Post.tags, s.engines, s.math);
  db.link(q::Post.tags, s.engines, s.history);
  return s;
}

// "Many-to-many links", as the document shows it.
void tag(ormc::Database& db, const Post& post, const Tag& math) {
  db.link(q::Post.tags, post, math);     // INSERT INTO "post_tag" ("post_id", "tag_name") VALUES (?, ?)
  db.unlink(q::Post.tags, post, math);   // DELETE FROM "post_tag" WHERE ... ; returns 1, or 0 if not linked
}

}  // namespace

TEST_CASE("the examples of docs/queries.md compile and run") {
  auto db = ormc::Database::open("sqlite::memory:");
  Seed s = seed(db);

  SUBCASE("selecting entities") {
    std::vector<User> top = db.query<User>()
                                .where(q::User.karma > 5)
                                .where(q::User.role != Role::reader)
                                .order_by(q::User.karma.desc(), q::User.email)
                                .limit(10)
                                .offset(20)
                                .all();
    CHECK(top.empty());
    std::optional<User> newest = db.query<User>().order_by(q::User.createdAt.desc()).first();
    User grace = db.query<User>().where(q::User.email == "grace@example.com").one();
    std::int64_t writers = db.query<User>().where(q::User.role == Role::author).count();
    bool any = db.query<Post>().where(q::Post.published == false).exists();
    db.query<User>().order_by(q::User.id).for_each([](const User& u) { /* one row at a time */ (void)u; });
    CHECK(newest.has_value());
    CHECK(grace.id == s.grace.id);
    CHECK(writers == 1);
    CHECK(any);
  }

  SUBCASE("predicates") {
    std::vector<std::int64_t> ids{1, 2, 3};
    auto chosen = db.query<User>()
                      .where(q::User.id.in(ids) && !(q::User.karma < 0))
                      .where(q::User.name.is_not_null() || q::User.role == Role::admin)
                      .all();
    auto fresh = db.query<User>().where(q::User.karma.between(0, 10) && q::User.karma + 1 > 3).all();
    CHECK(chosen.size() == 2);
    CHECK(fresh.size() == 2);
    CHECK(db.query<User>().where(q::User.email.like("%@example.com")).count() == 3);
    CHECK(db.query<User>().where(q::User.email.like("100!%")).count() == 0);
    CHECK(db.query<User>().where(q::User.name == std::nullopt).one().id == s.bob.id);
    CHECK(db.query<User>().where(q::User.name == "Ada").count() == 1);
    CHECK(db.query<User>().where(q::User.name == "ada").count() == 0);
    CHECK(db.query<User>().where(ormc::query::in(q::User.id, ids)).count() == 3);
    CHECK(db.query<User>().where(q::User.role.in({Role::admin, Role::author})).count() == 2);
    CHECK(db.query<User>().where(q::User.id.in(std::vector<std::int64_t>{})).count() == 0);
    CHECK(db.query<User>().where(!q::User.id.in(std::vector<std::int64_t>{})).count() == 3);
    CHECK(db.query<Post>().join(q::Post.author).where(q::Post.authorId == q::User.id).count() == 3);
    CHECK(db.query<User>().where(q::User.role == Role::reader).one().id == s.bob.id);
  }

  SUBCASE("type rules and Decimal") {
    auto rich = db.query<User>().where(q::User.balance > ormc::Decimal("1000.00")).order_by(q::User.balance.desc()).all();
    auto some = db.query<User>().where(q::User.balance >= 10).all();   // an integer value is fine
    CHECK(rich.empty());
    CHECK(some.empty());
  }

  SUBCASE("projections") {
    std::vector<std::tuple<std::int64_t, std::string>> emails =
        db.select(q::User.id, q::User.email).from<User>().order_by(q::User.id).all();
    std::vector<std::tuple<std::optional<std::string>>> names = db.select(q::User.name).from<User>().all();
    auto [id, email] = db.select(q::User.id, q::User.email).from<User>().where(q::User.karma > 5).first().value();
    CHECK(emails.size() == 3);
    CHECK(names.size() == 3);
    CHECK(id == s.ada.id);
    CHECK(email == "ada@example.com");
  }

  SUBCASE("aggregates, grouping, distinct") {
    auto [users, karma, best] =
        db.select(count(), ormc::query::sum(q::User.karma), ormc::query::max(q::User.karma)).from<User>().one();
    // users: std::int64_t, karma: std::optional<std::int64_t>, best: std::optional<std::int32_t>

    std::vector<std::tuple<std::int64_t, std::int64_t>> prolific = db.select(q::Post.authorId, count())
                                                                        .from<Post>()
                                                                        .group_by(q::Post.authorId)
                                                                        .having(count() > 1)
                                                                        .all();
    auto roles = db.select(q::User.role).from<User>().distinct().all();   // SELECT DISTINCT
    static_assert(std::is_same_v<decltype(users), std::int64_t>);
    static_assert(std::is_same_v<decltype(karma), std::optional<std::int64_t>>);
    static_assert(std::is_same_v<decltype(best), std::optional<std::int32_t>>);
    static_assert(std::is_same_v<decltype(std::get<0>(db.select(ormc::query::avg(q::User.karma)).from<User>().one())),
                                 std::optional<double>&&>);
    CHECK(users == 3);
    CHECK(karma == 15);
    CHECK(best == 10);
    CHECK(prolific == std::vector<std::tuple<std::int64_t, std::int64_t>>{{s.ada.id, 2}});
    CHECK(roles.size() == 3);
    CHECK(db.select(q::User.role).from<User>().distinct().count() == 3);
  }

  SUBCASE("joins") {
    // Posts by ada: a filter across Post.author.
    auto adas = db.query<Post>().join(q::Post.author).where(q::User.email == "ada@example.com").all();

    // Every user with the titles of their posts; users without posts kept, with nullopt.
    std::vector<std::tuple<std::string, std::optional<std::string>>> titles =
        db.select(q::User.email, q::Post.title).from<User>().left_join(q::User.posts).order_by(q::User.email).all();

    // Many-to-many: through the join table post_tag, two JOINs in the SQL.
    auto tagged = db.query<Post>().join(q::Post.tags).where(q::Tag.name == "math").all();

    auto path = db.query<Post>().join(q::Post.author).join(q::User.profile).all();
    CHECK(adas.size() == 2);
    CHECK(titles.size() == 4);
    CHECK(std::get<1>(titles[2]) == std::nullopt);   // bob
    CHECK(tagged.size() == 1);
    CHECK(path.empty());   // nobody has a profile
    auto both = db.select(q::User, q::Post).from<User>().left_join(q::User.posts).order_by(q::User.id).all();
    static_assert(std::is_same_v<decltype(both)::value_type, std::tuple<User, std::optional<Post>>>);
    CHECK(both.size() == 4);
  }

  SUBCASE("include") {
    std::vector<User> users = db.query<User>()
                                  .include(q::User.posts, q::Post.tags)   // a path: users' posts, then their tags
                                  .include(q::User.profile)               // another relation of User
                                  .order_by(q::User.id)
                                  .all();
    for (const User& u : users) {
      for (const Post& p : u.posts) { (void)p.tags.size(); }             // loaded: no query here
      if (u.profile.hasValue()) { (void)u.profile->bio; }
    }
    REQUIRE(users.size() == 3);
    REQUIRE(users[0].posts.size() == 2);
    CHECK(users[0].posts[0].tags.size() == 2);
    CHECK(users[0].posts[1].tags.loaded());
    CHECK(users[0].posts[1].tags.empty());
    CHECK(users[2].posts.loaded());
    CHECK(users[2].profile.loaded());
  }

  SUBCASE("updates and deletes by predicate") {
    std::int64_t changed = db.update<User>()
                               .set(q::User.karma, q::User.karma + 1)   // an expression of the row's columns
                               .set(q::User.name, std::nullopt)         // NULL, for a nullable column
                               .where(q::User.role == Role::admin)
                               .execute();                              // the number of rows matched
    std::int64_t gone = db.remove<Post>().where(q::Post.published == false).execute();
    CHECK(changed == 1);
    CHECK(gone == 1);
    CHECK(db.find<User>(s.ada.id)->karma == 11);
    CHECK(db.update<Post>().set(q::Post.title, "E").where(q::Post.id == s.engines.id).execute() == 1);
    CHECK(db.find<Post>(s.engines.id)->version == 1);   // @version bumped
  }

  SUBCASE("links") {
    tag(db, s.compilers, s.math);
    db.link(q::Post.tags, s.compilers, s.math);
    CHECK_THROWS_AS(db.link(q::Post.tags, s.compilers, s.math), ormc::UniqueViolation);
    CHECK(db.unlink(q::Post.tags, s.compilers, s.math) == 1);
    CHECK(db.unlink(q::Post.tags, s.compilers, s.math) == 0);
  }

  SUBCASE("to_sql") {
    std::string sql = db.query<User>().where(q::User.email == "x").order_by(q::User.name.desc()).limit(5)
                          .to_sql(ormc::kSqliteDialect);
    std::string update = db.update<User>().set(q::User.karma, 1).where(q::User.id == 2).to_sql(ormc::kSqliteDialect);
    CHECK(sql.find("FROM \"users\" WHERE (\"users\".\"email\" = ?) ORDER BY \"users\".\"name\" DESC LIMIT ?") !=
          std::string::npos);
    CHECK(update == "UPDATE \"users\" SET \"karma\" = ?, \"updated_at\" = ? WHERE (\"users\".\"id\" = ?)");
    CHECK(db.query<User>().where(q::User.karma * 2 > 9).to_sql(ormc::kSqliteDialect).find(
              "WHERE ((\"users\".\"karma\" * ?) > ?)") != std::string::npos);
    CHECK(db.query<Post>().join(q::Post.author).where(q::Post.authorId == q::User.id).to_sql(ormc::kSqliteDialect).find(
              "(\"post\".\"author_id\" = \"users\".\"id\")") != std::string::npos);
    CHECK(db.query<User>().where(q::User.karma.between(1, 5)).to_sql(ormc::kSqliteDialect).find(
              "(\"users\".\"karma\" BETWEEN ? AND ?)") != std::string::npos);
    CHECK(db.query<User>().order_by(q::User.id).offset(3).to_sql(ormc::kSqliteDialect).find("LIMIT -1 OFFSET ?") !=
          std::string::npos);
  }

  SUBCASE("raw SQL") {
    auto pairs = db.raw_query<std::tuple<std::int64_t, std::string>>(
        "SELECT id, email FROM users WHERE karma > ? ORDER BY id", 5);
    auto ids = db.raw_query<std::int64_t>("SELECT id FROM users WHERE email = ?", std::string("ada@example.com"));
    auto found = db.raw_query<User>(db.query<User>().where(q::User.id == 1).to_sql(db.dialect()), 1);
    std::int64_t n = db.raw_execute("UPDATE users SET karma = ? WHERE id = ?", 42, 1);
    CHECK(pairs.size() == 1);
    CHECK(ids == std::vector<std::int64_t>{s.ada.id});
    CHECK(found.size() == 1);
    CHECK(n == 1);
  }

  SUBCASE("lifetime and transactions") {
    std::int64_t drafts = db.transact([](ormc::Transaction& tx) {
      std::int64_t pending = tx.query<Post>().where(q::Post.published == false).count();
      tx.update<Post>().set(q::Post.published, true).where(q::Post.published == false).execute();
      return pending;
    });
    CHECK(drafts == 1);
    CHECK_FALSE(db.query<Post>().where(q::Post.published == false).exists());
  }
}
