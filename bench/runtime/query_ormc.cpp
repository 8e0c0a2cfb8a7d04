// ormc's side of the query benchmarks: the typed query API as an application writes it
// (db.query<T>(), db.select(...), include()), on a Database opened from a URL. Statements come
// from the connection's cache: the first (untimed) run of each workload compiles them.
#include "query_impl.hpp"

#include "bench_data.hpp"

#include "ormc/database.hpp"

#include <memory>
#include <stdexcept>

namespace ormc::bench::queries {

namespace {

namespace q = dieselbench::q;

class OrmcQueryImpl final : public QueryImpl {
 public:
  std::string_view name() const override { return "ormc"; }

  void open(const std::string& path) override {
    db_.emplace(ormc::Database::open(path == ":memory:" ? "sqlite::memory:" : "sqlite:" + path));
    checkSql();
  }
  void close() override { db_.reset(); }
  void execute(const std::string& script) override { db_->execute(script); }

  void allUsers(std::vector<User>& out) override { out = db_->query<User>().all(); }

  void usersWithPosts(const std::string& hair, std::vector<UserPost>& out) override {
    out = db_->select(q::User, q::Post)
              .from<User>()
              .left_join(q::User.posts)
              .where(q::User.hairColor == hair)
              .order_by(q::User.name.desc())
              .all();
  }

  void usersPostsComments(std::vector<User>& out) override {
    out = db_->query<User>().include(q::User.posts, q::Post.comments).all();
  }

  std::uint64_t filteredUsers(std::span<const PredicateParams> params) override {
    std::uint64_t sum = 0;
    for (const PredicateParams& p : params) {
      std::vector<User> rows = db_->query<User>()
                                   .where(q::User.id > p.minId && q::User.name.like(p.pattern) &&
                                          q::User.hairColor != p.notHair)
                                   .order_by(q::User.name)
                                   .limit(p.limit)
                                   .all();
      for (const User& u : rows) sum = mix(sum, checksum(u));
    }
    return sum;
  }

  void countStatements(bool on) override {
    statements_ = 0;
    if (!on) {
      db_->on_statement({});
      return;
    }
    db_->on_statement([this](const ormc::StatementEvent&) { ++statements_; });
  }
  std::optional<std::size_t> statementsCounted() const override { return statements_; }
  std::optional<std::size_t> preparedCount() override {
    return db_->withConnection([](ormc::Connection& c) { return c.preparedCount(); });
  }

 private:
  // raw runs hand-written copies of ormc's statements; they must stay the same text.
  void checkSql() {
    const ormc::Dialect& d = db_->dialect();
    const PredicateParams p;
    expect(db_->query<User>().to_sql(d), kAllUsersSql);
    expect(db_->select(q::User, q::Post)
               .from<User>()
               .left_join(q::User.posts)
               .where(q::User.hairColor == std::string())
               .order_by(q::User.name.desc())
               .to_sql(d),
           kUsersWithPostsSql);
    expect(db_->query<User>()
               .where(q::User.id > p.minId && q::User.name.like(p.pattern) && q::User.hairColor != p.notHair)
               .order_by(q::User.name)
               .limit(p.limit)
               .to_sql(d),
           kFilteredUsersSql);
  }
  static void expect(const std::string& ormcSql, std::string_view rawSql) {
    if (ormcSql != rawSql) {
      throw std::runtime_error("raw's SQL differs from ormc's:\n  raw:  " + std::string(rawSql) + "\n  ormc: " + ormcSql);
    }
  }

  std::optional<ormc::Database> db_;
  std::size_t statements_ = 0;
};

}  // namespace

std::unique_ptr<QueryImpl> makeOrmcQueryImpl() { return std::make_unique<OrmcQueryImpl>(); }

}  // namespace ormc::bench::queries
