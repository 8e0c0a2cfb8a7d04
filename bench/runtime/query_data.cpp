// The data of the query API benchmarks: fill scripts, predicate parameters and checksums
// (see query_impl.hpp).
#include "query_impl.hpp"

#include "bench_data.hpp"

#include <functional>
#include <random>

namespace ormc::bench::queries {

namespace {

std::uint64_t hashText(std::string_view text) { return std::hash<std::string_view>{}(text); }

std::uint64_t hashOptional(const std::optional<std::string>& text) { return text ? hashText(*text) : 0x9e37u; }

std::string seq(std::size_t count) {
  return "WITH RECURSIVE seq(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM seq WHERE n < " + std::to_string(count) + ") ";
}

}  // namespace

std::string querySchemaScript() { return std::string(dieselbench::Schema::createScript(ormc::DialectKind::Sqlite)); }

std::string fillUsersWithPostsSql(std::size_t users) {
  std::string sql = seq(users) +
                    "INSERT INTO \"users\" (\"id\", \"name\", \"hair_color\") SELECT n, 'User ' || n, "
                    "CASE n % 3 WHEN 0 THEN 'black' WHEN 1 THEN 'brown' ELSE NULL END FROM seq";
  if (users < 2) return sql;
  return sql + "; " + seq(users / 2) +
         "INSERT INTO \"posts\" (\"id\", \"user_id\", \"title\", \"body\") SELECT n, 2 * n, 'Post ' || n, "
         "CASE WHEN n % 2 = 0 THEN NULL ELSE 'The body of post ' || n END FROM seq";
}

std::string fillAssociationsSql(std::size_t users, std::size_t posts, std::size_t comments) {
  const std::string u = std::to_string(users);
  const std::string p = std::to_string(users * posts);
  // Posts go to users in turn (and comments to posts), so that each list is assembled from
  // rows spread over the whole result.
  return seq(users) +
         "INSERT INTO \"users\" (\"id\", \"name\", \"hair_color\") SELECT n, 'User ' || n, "
         "CASE n % 3 WHEN 0 THEN 'black' WHEN 1 THEN 'brown' ELSE NULL END FROM seq; " +
         seq(users * posts) +
         "INSERT INTO \"posts\" (\"id\", \"user_id\", \"title\", \"body\") SELECT n, (n - 1) % " + u +
         " + 1, 'Post ' || n, CASE WHEN n % 2 = 0 THEN NULL ELSE 'The body of post ' || n END FROM seq; " +
         seq(users * posts * comments) +
         "INSERT INTO \"comments\" (\"id\", \"post_id\", \"text\") SELECT n, (n - 1) % " + p +
         " + 1, 'Comment number ' || n FROM seq";
}

std::vector<PredicateParams> makePredicateParams(std::size_t count, std::size_t users) {
  static const char* const kPatterns[] = {"User 1%", "User %7", "%5%", "User 9%", "%0", "User _2%"};
  static const char* const kHair[] = {"black", "brown", "red"};
  std::mt19937_64 random(20240611);
  const std::int64_t window = 100;  // id > minId leaves at most this many rows to filter and sort
  const auto n = static_cast<std::int64_t>(users);
  std::vector<PredicateParams> out;
  out.reserve(count);
  for (std::size_t i = 0; i < count; ++i) {
    PredicateParams p;
    p.minId = n > window ? n - window + static_cast<std::int64_t>(random() % window) : static_cast<std::int64_t>(random() % static_cast<std::uint64_t>(n));
    p.pattern = kPatterns[random() % std::size(kPatterns)];
    p.notHair = kHair[random() % std::size(kHair)];
    out.push_back(std::move(p));
  }
  return out;
}

std::uint64_t checksum(const User& u) {
  return mix(mix(static_cast<std::uint64_t>(u.id), hashText(u.name)), hashOptional(u.hairColor));
}

std::uint64_t checksum(const Post& p) {
  std::uint64_t sum = mix(static_cast<std::uint64_t>(p.id), static_cast<std::uint64_t>(p.userId));
  return mix(mix(sum, hashText(p.title)), hashOptional(p.body));
}

std::uint64_t checksum(const Comment& c) {
  return mix(mix(static_cast<std::uint64_t>(c.id), static_cast<std::uint64_t>(c.postId)), hashText(c.text));
}

std::uint64_t checksum(const std::vector<User>& users) {
  std::uint64_t sum = users.size();
  for (const User& u : users) {
    sum = mix(sum, checksum(u));
    sum = mix(sum, u.posts.loaded() ? u.posts.size() : 0xdeadu);
    for (const Post& p : u.posts) {
      sum = mix(sum, checksum(p));
      sum = mix(sum, p.comments.loaded() ? p.comments.size() : 0xdeadu);
      for (const Comment& c : p.comments) sum = mix(sum, checksum(c));
    }
  }
  return sum;
}

std::uint64_t checksum(const std::vector<UserPost>& rows) {
  std::uint64_t sum = rows.size();
  for (const auto& [user, post] : rows) {
    sum = mix(sum, checksum(user));
    sum = mix(sum, post ? checksum(*post) : 0x5eedu);
  }
  return sum;
}

}  // namespace ormc::bench::queries
