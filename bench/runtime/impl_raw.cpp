// The baseline: the sqlite3 C API written the fast way. Each statement is prepared once per
// workload, parameters are bound by index (text as SQLITE_STATIC: the buffers outlive the
// step), and columns are read by index straight into the struct.
#include "sqlite_impl.hpp"

#include "raw_sqlite.hpp"

#include <sqlite3.h>

#include <algorithm>
#include <array>
#include <optional>
#include <stdexcept>
#include <string>

namespace ormc::bench {

namespace {

[[noreturn]] void fail(sqlite3* db, std::string_view what) { failRaw(db, what); }

// A prepared statement, finalized at scope exit.
class Stmt {
 public:
  Stmt(sqlite3* db, std::string_view sql) : db_(db) {
    if (sqlite3_prepare_v3(db, sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT, &stmt_,
                           nullptr) != SQLITE_OK) {
      fail(db, "prepare");
    }
  }
  ~Stmt() { sqlite3_finalize(stmt_); }
  Stmt(const Stmt&) = delete;
  Stmt& operator=(const Stmt&) = delete;

  sqlite3_stmt* get() const { return stmt_; }
  // sqlite3_step for a statement that returns no row.
  void run() {
    if (sqlite3_step(stmt_) != SQLITE_DONE) fail(db_, "step");
    sqlite3_reset(stmt_);
  }

 private:
  sqlite3* db_;
  sqlite3_stmt* stmt_ = nullptr;
};

void bindText(sqlite3_stmt* s, int index, const std::string& text) {
  sqlite3_bind_text(s, index, text.data(), static_cast<int>(text.size()), SQLITE_STATIC);
}

void readText(sqlite3_stmt* s, int column, std::string& out) {
  const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(s, column));
  out.assign(text, static_cast<std::size_t>(sqlite3_column_bytes(s, column)));
}

class RawImpl final : public SqliteImpl {
 public:
  ~RawImpl() override { close(); }
  std::string_view name() const override { return "raw"; }

  void open(const std::string& path) override { db_ = openRaw(path); }

  void close() override {
    sqlite3_close_v2(db_);
    db_ = nullptr;
  }

  void execute(const std::string& script) override { executeRaw(db_, script); }

  std::string queryText(const std::string& sql) override {
    Stmt s(db_, sql);
    if (sqlite3_step(s.get()) != SQLITE_ROW) fail(db_, sql);
    std::string out;
    readText(s.get(), 0, out);
    return out;
  }

  void insertCustomers(std::vector<Customer>& rows, bool readIds) override {
    execute("BEGIN");
    {
      Stmt insert(db_, kInsertCustomerSql);
      sqlite3_stmt* s = insert.get();
      for (Customer& c : rows) {
        bindText(s, 1, c.name);
        bindText(s, 2, c.description);
        insert.run();
        if (readIds) c.id = sqlite3_last_insert_rowid(db_);
      }
    }
    execute("COMMIT");
  }

  void insertReadings(std::vector<Reading>& rows) override {
    execute("BEGIN");
    {
      Stmt insert(db_, kInsertReadingSql);
      sqlite3_stmt* s = insert.get();
      char at[kDateTimeTextSize];
      for (const Reading& r : rows) {
        sqlite3_bind_int(s, 1, r.a);
        sqlite3_bind_int64(s, 2, r.b);
        sqlite3_bind_double(s, 3, r.c);
        bindText(s, 4, r.d);
        if (r.e) {
          bindText(s, 5, *r.e);
        } else {
          sqlite3_bind_null(s, 5);
        }
        formatDateTimeFast(r.at, at);
        sqlite3_bind_text(s, 6, at, kDateTimeTextSize, SQLITE_STATIC);
        insert.run();
      }
    }
    execute("COMMIT");
  }

  void findCustomers(std::span<const std::int64_t> keys, std::vector<Customer>& out) override {
    Stmt find(db_, kFindCustomerSql);
    sqlite3_stmt* s = find.get();
    for (std::int64_t key : keys) {
      sqlite3_bind_int64(s, 1, key);
      if (sqlite3_step(s) != SQLITE_ROW) fail(db_, "find");
      Customer c;
      c.id = sqlite3_column_int64(s, 0);
      readText(s, 1, c.name);
      readText(s, 2, c.description);
      out.push_back(std::move(c));
      sqlite3_reset(s);
    }
  }

  void readReadings(std::int64_t limit, std::vector<Reading>& out) override {
    Stmt select(db_, kSelectReadingsSql);
    sqlite3_stmt* s = select.get();
    sqlite3_bind_int64(s, 1, limit);
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
      Reading& r = out.emplace_back();
      r.id = sqlite3_column_int64(s, 0);
      r.a = sqlite3_column_int(s, 1);
      r.b = sqlite3_column_int64(s, 2);
      r.c = sqlite3_column_double(s, 3);
      readText(s, 4, r.d);
      if (sqlite3_column_type(s, 5) != SQLITE_NULL) readText(s, 5, r.e.emplace());
      const auto* at = reinterpret_cast<const char*>(sqlite3_column_text(s, 6));
      if (!parseDateTimeFast({at, static_cast<std::size_t>(sqlite3_column_bytes(s, 6))}, r.at)) fail(db_, "bad date");
    }
    if (rc != SQLITE_DONE) fail(db_, "read");
  }

 sqlite3* handle() const { return db_; }

 private:
  sqlite3* db_ = nullptr;
};

// A reference for the insert workloads only: the C API with the statement shape ormc's
// insert_all uses (multi-row INSERTs of sql::kMaxBatchRows rows), to separate what batching
// gains from what ormc's mapping costs.
class RawBatchedImpl final : public SqliteImpl {
 public:
  std::string_view name() const override { return "raw multi-row"; }
  bool insertsOnly() const override { return true; }
  void open(const std::string& path) override { raw_.open(path); }
  void close() override { raw_.close(); }
  void execute(const std::string& script) override { raw_.execute(script); }
  std::string queryText(const std::string& sql) override { return raw_.queryText(sql); }

  void insertCustomers(std::vector<Customer>& rows, bool readIds) override {
    insertBatched(rows, kInsertCustomerSql, [](sqlite3_stmt* s, int index, std::size_t, const Customer& c) {
      bindText(s, index, c.name);
      bindText(s, index + 1, c.description);
      return index + 2;
    }, readIds);
  }

  void insertReadings(std::vector<Reading>& rows) override {
    std::vector<DateTimeText> at(kRows);  // one per row of a statement: bound SQLITE_STATIC until the step
    insertBatched(rows, kInsertReadingSql, [&](sqlite3_stmt* s, int index, std::size_t slot, const Reading& r) {
      sqlite3_bind_int(s, index, r.a);
      sqlite3_bind_int64(s, index + 1, r.b);
      sqlite3_bind_double(s, index + 2, r.c);
      bindText(s, index + 3, r.d);
      if (r.e) {
        bindText(s, index + 4, *r.e);
      } else {
        sqlite3_bind_null(s, index + 4);
      }
      formatDateTimeFast(r.at, at[slot].text);
      sqlite3_bind_text(s, index + 5, at[slot].text, kDateTimeTextSize, SQLITE_STATIC);
      return index + 6;
    }, false);
  }

  void findCustomers(std::span<const std::int64_t>, std::vector<Customer>&) override {}
  void readReadings(std::int64_t, std::vector<Reading>&) override {}

 private:
  static constexpr std::size_t kRows = 256;
  struct DateTimeText {
    char text[kDateTimeTextSize];
  };

  // "INSERT ... VALUES (?, ?)" with the VALUES row repeated `rows` times.
  static std::string multiRow(std::string_view single, std::size_t rows) {
    const std::size_t values = single.find("VALUES ") + 7;
    std::string sql(single);
    for (std::size_t i = 1; i < rows; ++i) sql += ", " + std::string(single.substr(values));
    return sql;
  }

  template <class T, class Bind>
  void insertBatched(std::vector<T>& rows, std::string_view single, Bind bind, bool readIds) {
    raw_.execute("BEGIN");
    {
      Stmt full(raw_.handle(), multiRow(single, kRows));
      for (std::size_t first = 0; first < rows.size(); first += kRows) {
        const std::size_t n = std::min(kRows, rows.size() - first);
        std::optional<Stmt> rest;
        if (n != kRows) rest.emplace(raw_.handle(), multiRow(single, n));
        Stmt& insert = rest ? *rest : full;
        int index = 1;
        for (std::size_t i = first; i < first + n; ++i) index = bind(insert.get(), index, i - first, rows[i]);
        insert.run();
        if (readIds) {
          std::int64_t id = sqlite3_last_insert_rowid(raw_.handle()) - static_cast<std::int64_t>(n) + 1;
          for (std::size_t i = first; i < first + n; ++i) rows[i].id = id++;
        }
      }
    }
    raw_.execute("COMMIT");
  }

  RawImpl raw_;
};

}  // namespace

std::unique_ptr<SqliteImpl> makeRawImpl() { return std::make_unique<RawImpl>(); }
std::unique_ptr<SqliteImpl> makeRawBatchedImpl() { return std::make_unique<RawBatchedImpl>(); }

}  // namespace ormc::bench
