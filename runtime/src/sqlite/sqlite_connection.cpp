// ormc::Connection over a sqlite3 handle, and ormc::sqlite::open(), which sets every
// connection up the same way (see sqlite.hpp for the list and docs/runtime.md for why).
#include "sqlite_error.hpp"
#include "sqlite_statement.hpp"

#include "ormc/error.hpp"
#include "ormc/sqlite.hpp"

#include <sqlite3.h>

#include <chrono>
#include <limits>
#include <memory>
#include <string>
#include <thread>

namespace ormc::sqlite {

namespace {

using Handle = std::unique_ptr<sqlite3, decltype(&sqlite3_close_v2)>;

class SqliteConnection final : public Connection {
 public:
  explicit SqliteConnection(Handle handle) : db_(std::move(handle)) {}
  ~SqliteConnection() override { clearStatementCache(); }

  void doExecute(std::string_view sql) override {
    std::string text(sql);  // sqlite3_exec wants a NUL-terminated string
    char* message = nullptr;
    int rc = sqlite3_exec(db_.get(), text.c_str(), nullptr, nullptr, &message);
    sqlite3_free(message);  // sqlite3_errmsg holds the same text
    if (rc != SQLITE_OK) throwError(db_.get(), text);
  }

  void begin(TransactionMode mode) override {
    // IMMEDIATE takes the write lock now: a writer that started DEFERRED and later upgrades
    // can fail with SQLITE_BUSY without the busy handler being able to help.
    execute(mode == TransactionMode::Write ? "BEGIN IMMEDIATE" : "BEGIN DEFERRED");
  }

  void commit() override { execute("COMMIT"); }

  void rollback() override {
    if (!inTransaction()) return;  // SQLite may already have rolled back after an error
    execute("ROLLBACK");
  }

  bool inTransaction() const noexcept override { return sqlite3_get_autocommit(db_.get()) == 0; }

  void savepoint(std::string_view name) override { execute("SAVEPOINT " + std::string(name)); }
  void releaseSavepoint(std::string_view name) override { execute("RELEASE SAVEPOINT " + std::string(name)); }
  void rollbackToSavepoint(std::string_view name) override {
    execute("ROLLBACK TO SAVEPOINT " + std::string(name));
  }

  std::int64_t lastInsertId() const noexcept override { return sqlite3_last_insert_rowid(db_.get()); }
  std::int64_t changes() const noexcept override { return sqlite3_changes64(db_.get()); }

  // SQLite transactions are serializable whatever is asked (read_uncommitted applies only to
  // shared-cache mode, which ormc does not use), so every level is accepted.
  void setIsolationLevel(IsolationLevel) override {}
  IsolationLevel isolationLevel() const noexcept override { return IsolationLevel::Serializable; }

  const Dialect& dialect() const noexcept override { return kSqliteDialect; }

 protected:
  std::unique_ptr<Statement> compile(std::string_view sql) override {
    return std::make_unique<SqliteStatement>(db_.get(), sql);
  }

 private:
  Handle db_;
};

void configure(sqlite3* db, int op, const char* name) {
  int rc = sqlite3_db_config(db, op, 0, static_cast<int*>(nullptr));
  if (rc != SQLITE_OK) throwError(rc, std::string("cannot turn off ") + name, {});
}

}  // namespace

namespace {

// Switching a database to WAL takes an exclusive lock, and SQLite does not wait for it (no busy
// handler): two processes opening a new database at once would see "database is locked". So
// retry until the busy timeout. (On a database already in WAL the statement changes nothing.)
void enableWal(Connection& connection, std::chrono::milliseconds busyTimeout) {
  const auto deadline = std::chrono::steady_clock::now() + busyTimeout;
  for (;;) {
    try {
      connection.execute("PRAGMA journal_mode = WAL");
      return;
    } catch (const Timeout&) {
      if (std::chrono::steady_clock::now() >= deadline) throw;
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
  }
}

}  // namespace

std::unique_ptr<Connection> open(const std::string& path, const Options& options) {
  int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX | (options.create ? SQLITE_OPEN_CREATE : 0);
  sqlite3* raw = nullptr;
  int rc = sqlite3_open_v2(path.c_str(), &raw, flags, nullptr);
  Handle db(raw, &sqlite3_close_v2);  // owns the handle even when opening failed
  if (rc != SQLITE_OK) {
    std::string message = raw != nullptr ? sqlite3_errmsg(raw) : sqlite3_errstr(rc);
    throw ConnectionError("ormc: sqlite: cannot open '" + path + "': " + message, rc);
  }
  sqlite3_extended_result_codes(db.get(), 1);
  // "text" in double quotes must be an identifier, never a string literal: a misspelled
  // column would otherwise silently become a constant.
  configure(db.get(), SQLITE_DBCONFIG_DQS_DDL, "double-quoted string literals in DDL");
  configure(db.get(), SQLITE_DBCONFIG_DQS_DML, "double-quoted string literals in DML");
  auto timeout = options.busyTimeout.count();
  if (timeout > std::numeric_limits<int>::max()) timeout = std::numeric_limits<int>::max();
  sqlite3_busy_timeout(db.get(), static_cast<int>(timeout < 0 ? 0 : timeout));

  auto connection = std::make_unique<SqliteConnection>(std::move(db));
  connection->execute("PRAGMA foreign_keys = ON");
  // LIKE compares bytes, as on MySQL with the utf8mb4_bin collation the DDL asks for; SQLite's
  // default would fold ASCII case, and the same query would match different rows.
  connection->execute("PRAGMA case_sensitive_like = ON");
  // WAL lets readers run while a writer writes. In-memory databases have no WAL.
  if (path != ":memory:" && !path.empty()) enableWal(*connection, options.busyTimeout);
  return connection;
}

}  // namespace ormc::sqlite
