// The baseline of the query benchmarks: the sqlite3 C API written the fast way. Every
// statement is prepared once when the database is opened (outside the clock), parameters are
// bound by index (text as SQLITE_STATIC), columns read by index straight into the structs.
// The association workload runs the same 3 statements as ormc's include() (IN lists of every
// key) and builds the same nested structure with hash maps.
#include "query_impl.hpp"

#include "bench_data.hpp"
#include "raw_sqlite.hpp"

#include <sqlite3.h>

#include <stdexcept>
#include <unordered_map>

namespace ormc::bench::queries {

namespace {

[[noreturn]] void fail(sqlite3* db, std::string_view what) { failRaw(db, what); }

class Stmt {
 public:
  Stmt() = default;
  Stmt(sqlite3* db, std::string_view sql) {
    if (sqlite3_prepare_v3(db, sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT, &stmt_,
                           nullptr) != SQLITE_OK) {
      fail(db, "prepare " + std::string(sql));
    }
  }
  ~Stmt() { sqlite3_finalize(stmt_); }
  Stmt(Stmt&& other) noexcept : stmt_(other.stmt_) { other.stmt_ = nullptr; }
  Stmt& operator=(Stmt&& other) noexcept {
    std::swap(stmt_, other.stmt_);
    return *this;
  }
  sqlite3_stmt* get() const { return stmt_; }

 private:
  sqlite3_stmt* stmt_ = nullptr;
};

void bindText(sqlite3_stmt* s, int index, std::string_view text) {
  sqlite3_bind_text(s, index, text.data(), static_cast<int>(text.size()), SQLITE_STATIC);
}

void readText(sqlite3_stmt* s, int column, std::string& out) {
  const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(s, column));
  out.assign(text, static_cast<std::size_t>(sqlite3_column_bytes(s, column)));
}

void readOptionalText(sqlite3_stmt* s, int column, std::optional<std::string>& out) {
  if (sqlite3_column_type(s, column) == SQLITE_NULL) return;
  readText(s, column, out.emplace());
}

// Columns first .. first + 2.
void readUser(sqlite3_stmt* s, int first, User& u) {
  u.id = sqlite3_column_int64(s, first);
  readText(s, first + 1, u.name);
  readOptionalText(s, first + 2, u.hairColor);
}

// Columns first .. first + 3.
void readPost(sqlite3_stmt* s, int first, Post& p) {
  p.id = sqlite3_column_int64(s, first);
  p.userId = sqlite3_column_int64(s, first + 1);
  readText(s, first + 2, p.title);
  readOptionalText(s, first + 3, p.body);
}

// "SELECT ... WHERE <column> IN (?, ?, ...) ORDER BY <table>.id" with `keys` placeholders.
std::string inList(std::string_view head, std::size_t keys, std::string_view tail) {
  std::string sql(head);
  for (std::size_t i = 0; i < keys; ++i) sql += i == 0 ? "?" : ", ?";
  sql += tail;
  return sql;
}

class RawQueryImpl final : public QueryImpl {
 public:
  ~RawQueryImpl() override { close(); }
  std::string_view name() const override { return "raw"; }

  void open(const std::string& path) override { db_ = openRaw(path); }

  void close() override {
    statements_.clear();
    inPosts_.clear();
    inComments_.clear();
    sqlite3_close_v2(db_);
    db_ = nullptr;
  }

  void execute(const std::string& script) override {
    statements_.clear();  // the schema may change under them
    inPosts_.clear();
    inComments_.clear();
    executeRaw(db_, script);
  }

  // Each call returns its rows in a new vector, as ormc's all() does (and as an application
  // gets them back from a function), rather than reusing the caller's capacity.
  void allUsers(std::vector<User>& out) override {
    std::vector<User> rows;
    sqlite3_stmt* s = statement(0, kAllUsersSql);
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) readUser(s, 0, rows.emplace_back());
    if (rc != SQLITE_DONE) fail(db_, "all users");
    sqlite3_reset(s);
    out = std::move(rows);
  }

  void usersWithPosts(const std::string& hair, std::vector<UserPost>& out) override {
    std::vector<UserPost> rows;
    sqlite3_stmt* s = statement(1, kUsersWithPostsSql);
    bindText(s, 1, hair);
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
      auto& [user, post] = rows.emplace_back();
      readUser(s, 0, user);
      if (sqlite3_column_type(s, 3) != SQLITE_NULL) readPost(s, 3, post.emplace());
    }
    if (rc != SQLITE_DONE) fail(db_, "users with posts");
    sqlite3_reset(s);
    out = std::move(rows);
  }

  void usersPostsComments(std::vector<User>& out) override {
    allUsers(out);
    // Posts of every user, in id order, into each user's list.
    std::unordered_map<std::int64_t, User*> users;
    users.reserve(out.size());
    for (User& u : out) {
      users.emplace(u.id, &u);
      u.posts.clear();  // loaded, empty until its posts come
    }
    sqlite3_stmt* s = inStatement(inPosts_, out.size(),
                                  R"(SELECT "posts"."id", "posts"."user_id", "posts"."title", "posts"."body" FROM )"
                                  R"("posts" WHERE "posts"."user_id" IN ()",
                                  R"() ORDER BY "posts"."id")");
    int index = 1;
    for (const User& u : out) sqlite3_bind_int64(s, index++, u.id);
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
      Post p;
      readPost(s, 0, p);
      users.find(p.userId)->second->posts.add(std::move(p));
    }
    if (rc != SQLITE_DONE) fail(db_, "posts");
    sqlite3_reset(s);

    // Comments of every post, the same way.
    std::unordered_map<std::int64_t, Post*> posts;
    for (User& u : out) {
      for (Post& p : u.posts) {
        posts.emplace(p.id, &p);
        p.comments.clear();
      }
    }
    s = inStatement(inComments_, posts.size(),
                    R"(SELECT "comments"."id", "comments"."post_id", "comments"."text" FROM "comments" WHERE )"
                    R"("comments"."post_id" IN ()",
                    R"() ORDER BY "comments"."id")");
    index = 1;
    for (const User& u : out) {
      for (const Post& p : u.posts) sqlite3_bind_int64(s, index++, p.id);
    }
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
      Comment c;
      c.id = sqlite3_column_int64(s, 0);
      c.postId = sqlite3_column_int64(s, 1);
      readText(s, 2, c.text);
      posts.find(c.postId)->second->comments.add(std::move(c));
    }
    if (rc != SQLITE_DONE) fail(db_, "comments");
    sqlite3_reset(s);
  }

  std::uint64_t filteredUsers(std::span<const PredicateParams> params) override {
    sqlite3_stmt* s = statement(2, kFilteredUsersSql);
    std::uint64_t sum = 0;
    std::vector<User> rows;
    for (const PredicateParams& p : params) {
      // A fresh vector per query, as an application would get one back.
      rows = std::vector<User>();
      sqlite3_bind_int64(s, 1, p.minId);
      bindText(s, 2, p.pattern);
      bindText(s, 3, p.notHair);
      sqlite3_bind_int64(s, 4, p.limit);
      int rc;
      while ((rc = sqlite3_step(s)) == SQLITE_ROW) readUser(s, 0, rows.emplace_back());
      if (rc != SQLITE_DONE) fail(db_, "filtered users");
      sqlite3_reset(s);
      for (const User& u : rows) sum = mix(sum, checksum(u));
    }
    return sum;
  }

 private:
  // The statement in `slot`, prepared at its first use after open() (the warm-up run).
  sqlite3_stmt* statement(std::size_t slot, std::string_view sql) {
    if (statements_.size() <= slot) statements_.resize(slot + 1);
    if (statements_[slot].get() == nullptr) statements_[slot] = Stmt(db_, sql);
    return statements_[slot].get();
  }
  // An IN-list statement for `keys` keys, prepared once per length.
  sqlite3_stmt* inStatement(std::unordered_map<std::size_t, Stmt>& cache, std::size_t keys, std::string_view head,
                            std::string_view tail) {
    auto found = cache.find(keys);
    if (found == cache.end()) found = cache.emplace(keys, Stmt(db_, inList(head, keys, tail))).first;
    return found->second.get();
  }

  sqlite3* db_ = nullptr;
  std::vector<Stmt> statements_;
  std::unordered_map<std::size_t, Stmt> inPosts_, inComments_;
};

}  // namespace

std::unique_ptr<QueryImpl> makeRawQueryImpl() { return std::make_unique<RawQueryImpl>(); }

}  // namespace ormc::bench::queries
