// The backend contract: what ormc::sqlite (and later ormc::mysql) implement and what the rest
// of the runtime (value codec, transactions, sessions, queries) builds on. Every method says
// what a backend must do; a backend that cannot keep a promise documents the difference in
// docs/runtime.md. Values are bound through typed calls on Statement (sqlite3_bind_* style),
// never a variant Value, so binding allocates nothing beyond what the driver copies.
//
// Threads: a Connection and its Statements are used by one thread at a time.
#pragma once

#include "ormc/dialect.hpp"
#include "ormc/types.hpp"

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>

namespace ormc {

// What a statement hook sees: each statement a connection runs, once per execution, with the
// time the database took to execute it (its first step; reading further rows is not counted).
// The SQL text has '?' for values: bound values are never shown.
struct StatementEvent {
  std::string_view sql;
  std::chrono::nanoseconds duration{};
  bool failed = false;  // the statement threw
};
using StatementHook = std::function<void(const StatementEvent&)>;

// A prepared statement. Parameters are 1-based, columns 0-based (as in SQLite, JDBC uses 1
// for both; we follow the C API that most backends wrap). Any failure throws an ormc::Error
// subclass (error.hpp) whose sql() is this statement's text.
class Statement {
 public:
  virtual ~Statement() = default;
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  // The SQL text the statement was prepared from.
  virtual const std::string& sql() const noexcept = 0;

  // Bind SQL NULL to parameter `index`.
  virtual void bindNull(int index) = 0;
  // Bind a boolean; stored as the backend's boolean (SQLite: INTEGER 0/1).
  virtual void bindBool(int index, bool value) = 0;
  virtual void bindInt64(int index, std::int64_t value) = 0;
  // Bind a double. NaN is refused with ValueError: no backend stores it faithfully.
  virtual void bindDouble(int index, double value) = 0;
  // Bind text (UTF-8, may contain NUL). The backend copies it: `value` may die after the call.
  virtual void bindText(int index, std::string_view value) = 0;
  // Bind a byte string (may be empty: an empty blob, not NULL). Copied like bindText.
  virtual void bindBlob(int index, std::span<const std::uint8_t> value) = 0;
  // Bind a DateTime (UTC, microseconds). The default binds the text of docs/ddl.md,
  // formatDateTime()'s "YYYY-MM-DDTHH:MM:SS.ffffffZ", which SQLite stores as it is. A backend
  // whose date-time type refuses that spelling overrides this: MySQL/MariaDB in strict mode
  // reject the 'Z' for DATETIME(6), so ormc::mysql binds "YYYY-MM-DD HH:MM:SS.ffffff".
  virtual void bindDateTime(int index, DateTime value);

  // Runs the statement to its next row. True if a row is available to the column readers;
  // false once the statement is done (for INSERT/UPDATE/DELETE: after the first call). The
  // first step of each execution is reported to the connection's statement hook, if any.
  bool step();

  // The number of result columns.
  virtual int columnCount() const noexcept = 0;
  // True if column `column` of the current row is SQL NULL.
  virtual bool isNull(int column) = 0;
  virtual std::int64_t columnInt64(int column) = 0;
  virtual double columnDouble(int column) = 0;
  // The column as text. The view is valid until the next step(), reset() or column read of
  // the same column as another type.
  virtual std::string_view columnText(int column) = 0;
  // The column as bytes; same lifetime as columnText().
  virtual std::span<const std::uint8_t> columnBlob(int column) = 0;

  // Makes the statement ready to run again and clears every binding to NULL. Never throws:
  // an error of the last run has already been reported by step().
  void reset() noexcept {
    executed_ = false;
    doReset();
  }

 protected:
  Statement() = default;
  // What step() and reset() do in the backend.
  virtual bool doStep() = 0;
  virtual void doReset() noexcept = 0;

 private:
  friend class Connection;

  bool stepReported();

  const StatementHook* hook_ = nullptr;  // the connection's, set each time it lends the statement
  bool executed_ = false;                // step() ran since the last reset
};

// How a transaction starts. Write takes the write lock at BEGIN (SQLite: BEGIN IMMEDIATE), so
// that two writers wait for each other at the start instead of failing with a deadlock at
// their first write.
enum class TransactionMode { Read, Write };

// The isolation level asked for. A backend may give a stronger one (SQLite is always
// Serializable) but never a weaker one.
enum class IsolationLevel { ReadCommitted, RepeatableRead, Serializable };

inline bool Statement::step() {
  if (executed_ || hook_ == nullptr || !*hook_) {
    executed_ = true;
    return doStep();
  }
  return stepReported();
}

// Where a text's statement was found in a connection's cache the last time: the next prepare()
// of the text on the same connection goes straight there. `connection` is the connection's
// id(), never reused, so a memo of a closed connection matches nothing.
struct StatementMemo {
  std::uint64_t connection = 0;
  std::unique_ptr<Statement>* slot = nullptr;
};

// An SQL text with its hash computed once, for texts prepared again and again (the query API
// keeps one per query shape): a statement-cache hit then hashes nothing, and with a memo it
// does not even look.
struct HashedSql {
  std::string_view text;
  std::size_t hash = 0;
  StatementMemo* memo = nullptr;  // optional; updated by prepare()

  static HashedSql of(std::string_view text) noexcept { return {text, std::hash<std::string_view>{}(text), nullptr}; }
  friend bool operator==(const HashedSql& sql, std::string_view text) noexcept { return sql.text == text; }
};

class Connection;

// A prepared statement on loan from its connection's cache. Returning it (destruction) resets
// the statement and puts it back, so the next prepare() of the same SQL text does not compile
// it again. Must not outlive its Connection.
class PreparedStatement {
 public:
  // `slot` is the statement's place in the owner's cache, if it has one: it goes back there
  // without a second lookup.
  PreparedStatement(Connection& owner, std::unique_ptr<Statement> statement,
                    std::unique_ptr<Statement>* slot = nullptr) noexcept
      : owner_(&owner), statement_(std::move(statement)), slot_(slot) {}
  PreparedStatement(PreparedStatement&& other) noexcept
      : owner_(other.owner_), statement_(std::move(other.statement_)), slot_(std::exchange(other.slot_, nullptr)) {}
  PreparedStatement& operator=(PreparedStatement&& other) noexcept;
  ~PreparedStatement();

  Statement& operator*() const noexcept { return *statement_; }
  Statement* operator->() const noexcept { return statement_.get(); }

 private:
  void giveBack() noexcept;

  Connection* owner_;
  std::unique_ptr<Statement> statement_;
  std::unique_ptr<Statement>* slot_ = nullptr;  // a node of the owner's cache: stable
};

// A database connection. Failures throw ormc::Error subclasses (error.hpp).
class Connection {
 public:
  virtual ~Connection() = default;
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  // A statement for `sql` (one statement, parameters as `?` or `?N`), taken from the
  // connection's cache when the same text was prepared before and is not on loan; compiled
  // otherwise. Throws DatabaseError if the SQL does not compile.
  PreparedStatement prepare(std::string_view sql) { return prepare(HashedSql::of(sql)); }
  PreparedStatement prepare(HashedSql sql);

  // Runs `sql`, which may hold several statements separated by ';' (DDL scripts), without
  // parameters and discarding any rows. Not cached. Reported to the statement hook as one.
  void execute(std::string_view sql);

  // Reports every statement this connection runs to `*hook` (when it holds a function). The
  // function is read at each statement, so its owner may fill it in later; it must not change
  // while the connection runs a statement.
  void setStatementHook(std::shared_ptr<const StatementHook> hook) noexcept { hook_ = std::move(hook); }

  // Starts a transaction. Throws Timeout if the lock a Write transaction needs stays taken
  // for longer than the busy timeout, DatabaseError if a transaction is already open.
  virtual void begin(TransactionMode mode) = 0;
  // Commits the open transaction. On failure the transaction stays open (roll it back).
  virtual void commit() = 0;
  // Rolls back the open transaction; does nothing if none is open.
  virtual void rollback() = 0;
  // True while a transaction is open (begun here or by SQL).
  virtual bool inTransaction() const noexcept = 0;

  // Savepoints nest inside a transaction. `name` is an identifier chosen by the runtime
  // (never user input): it is written into the SQL text.
  virtual void savepoint(std::string_view name) = 0;
  // Forgets the savepoint, keeping its changes in the enclosing transaction.
  virtual void releaseSavepoint(std::string_view name) = 0;
  // Undoes everything after the savepoint; the savepoint stays open (release it after).
  virtual void rollbackToSavepoint(std::string_view name) = 0;

  // The rowid / AUTO_INCREMENT value of the last successful INSERT on this connection.
  virtual std::int64_t lastInsertId() const noexcept = 0;
  // The number of rows changed by the last INSERT, UPDATE or DELETE.
  virtual std::int64_t changes() const noexcept = 0;

  // Sets the isolation level for transactions begun after this call.
  virtual void setIsolationLevel(IsolationLevel level) = 0;
  // The isolation level transactions actually get (possibly stronger than asked).
  virtual IsolationLevel isolationLevel() const noexcept = 0;

  // The SQL spelling of this connection's database.
  virtual const Dialect& dialect() const noexcept = 0;

  // True if the connection still reaches its server. A pool asks before lending an idle
  // connection out, and reconnects (or replaces) it when the answer is false. Never throws.
  virtual bool alive() noexcept { return true; }

  // How many statements this connection has compiled (cache misses). For tests and metrics.
  std::size_t preparedCount() const noexcept { return preparedCount_; }
  // A number no other connection of this process has had (StatementMemo).
  std::uint64_t id() const noexcept { return id_; }
  // A fresh savepoint number for nested transactions on this connection.
  std::uint64_t nextSavepointId() noexcept { return ++savepointCounter_; }

 protected:
  Connection();
  // What execute() does in the backend.
  virtual void doExecute(std::string_view sql) = 0;
  // Compiles `sql` into a new statement; throws DatabaseError on failure.
  virtual std::unique_ptr<Statement> compile(std::string_view sql) = 0;
  // Drops every cached statement; a backend calls it before closing its handle.
  void clearStatementCache() noexcept { cache_.clear(); }

 private:
  friend class PreparedStatement;
  void giveBack(std::unique_ptr<Statement> statement, std::unique_ptr<Statement>* slot) noexcept;

  // Looks statements up by std::string_view, so a cache hit copies no SQL text.
  struct TextHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view text) const noexcept { return std::hash<std::string_view>{}(text); }
    std::size_t operator()(const HashedSql& sql) const noexcept { return sql.hash; }
  };
  // Idle statements by SQL text; a statement on loan is absent until it comes back.
  std::unordered_map<std::string, std::unique_ptr<Statement>, TextHash, std::equal_to<>> cache_;
  std::size_t preparedCount_ = 0;
  std::uint64_t savepointCounter_ = 0;
  std::uint64_t id_;
  std::shared_ptr<const StatementHook> hook_;
};

}  // namespace ormc
