// The query API benchmarks (docs/benchmarks.md, "Queries"): diesel's suite on the schema
// bench/runtime/diesel.orm. One implementation per library (raw sqlite3 C API, ormc's typed
// query API), driven by query_workloads.cpp: open and fill outside the clock, then one call
// per workload step. Also the data every implementation shares: the fill scripts, the
// parameters of the predicate workload, and the checksums that cross-check the results.
#pragma once

#include "diesel.orm.hpp"

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

namespace ormc::bench::queries {

using dieselbench::Comment;
using dieselbench::Post;
using dieselbench::User;

// One row of the medium-complex query: a user and its post (nullopt: a user without posts).
using UserPost = std::tuple<User, std::optional<Post>>;

// The values of one run of the predicate query: id > minId, name LIKE pattern,
// hair_color != notHair, ORDER BY name, LIMIT limit.
struct PredicateParams {
  std::int64_t minId = 0;
  std::string pattern;
  std::string notHair;
  std::int64_t limit = 10;
};

class QueryImpl {
 public:
  virtual ~QueryImpl() = default;

  virtual std::string_view name() const = 0;
  // Opens the database file `path` (":memory:": a private in-memory database) and prepares
  // what the implementation prepares once. Not timed.
  virtual void open(const std::string& path) = 0;
  virtual void close() = 0;
  // Runs a script without parameters (schema, data). Not timed.
  virtual void execute(const std::string& script) = 0;

  // Trivial: every user. Each call returns its rows in a new vector (moved into `out`), as
  // ormc's all() does: no implementation reuses the capacity of an earlier call.
  virtual void allUsers(std::vector<User>& out) = 0;
  // Medium complex: users LEFT JOIN posts WHERE hair_color = `hair` ORDER BY name DESC.
  virtual void usersWithPosts(const std::string& hair, std::vector<UserPost>& out) = 0;
  // Loading associations: every user with its posts and their comments, each list in id order.
  virtual void usersPostsComments(std::vector<User>& out) = 0;
  // The predicate query once per element of `params`; returns a checksum of every row read.
  virtual std::uint64_t filteredUsers(std::span<const PredicateParams> params) = 0;

  // Self-checks outside the clock, for implementations that can answer (else nullopt): the
  // statements the last call ran, when counting was switched on, and the statements compiled
  // so far on the connection the calls use.
  virtual void countStatements(bool on) { (void)on; }
  virtual std::optional<std::size_t> statementsCounted() const { return std::nullopt; }
  virtual std::optional<std::size_t> preparedCount() { return std::nullopt; }
};

std::unique_ptr<QueryImpl> makeRawQueryImpl();
std::unique_ptr<QueryImpl> makeOrmcQueryImpl();

// The schema script, and fill scripts for an empty database: `users` users (hair colours
// black, brown and NULL in turn) with one post for every second user; or the associations
// data set: `users` users with `posts` posts each and `comments` comments per post.
std::string querySchemaScript();
std::string fillUsersWithPostsSql(std::size_t users);
std::string fillAssociationsSql(std::size_t users, std::size_t posts, std::size_t comments);

// `count` parameter sets for the predicate query over `users` users, from a fixed seed.
std::vector<PredicateParams> makePredicateParams(std::size_t count, std::size_t users);

// Checksums of what was read (every field, nested lists included).
std::uint64_t checksum(const User& u);
std::uint64_t checksum(const Post& p);
std::uint64_t checksum(const Comment& c);
std::uint64_t checksum(const std::vector<User>& users);          // with loaded posts and comments
std::uint64_t checksum(const std::vector<UserPost>& rows);

// The statements raw runs, the same text as ormc's (checked by the ormc implementation).
inline constexpr std::string_view kAllUsersSql = R"(SELECT "users"."id", "users"."name", "users"."hair_color" FROM "users")";
inline constexpr std::string_view kUsersWithPostsSql =
    R"(SELECT "users"."id", "users"."name", "users"."hair_color", "posts"."id", "posts"."user_id", "posts"."title", )"
    R"("posts"."body" FROM "users" LEFT JOIN "posts" ON "posts"."user_id" = "users"."id" )"
    R"(WHERE ("users"."hair_color" = ?) ORDER BY "users"."name" DESC)";
inline constexpr std::string_view kFilteredUsersSql =
    R"(SELECT "users"."id", "users"."name", "users"."hair_color" FROM "users" WHERE ((("users"."id" > ?) AND )"
    R"(("users"."name" LIKE ? ESCAPE '!')) AND ("users"."hair_color" <> ?)) ORDER BY "users"."name" LIMIT ?)";

}  // namespace ormc::bench::queries
