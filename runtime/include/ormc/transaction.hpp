// RAII transactions. The outermost Transaction on a connection runs BEGIN/COMMIT/ROLLBACK;
// one begun while a transaction is open becomes a SAVEPOINT, so code that needs atomicity can
// open a Transaction without knowing whether its caller did.
//
//   auto tx = db.transaction();          // BEGIN IMMEDIATE (SQLite) / START TRANSACTION
//   tx.insert(user);                     // or db.insert(user): same connection, same thread
//   tx.commit();                         // COMMIT, or RELEASE for a savepoint
//
// The destructor rolls back unless commit() ran, and never throws: a failed rollback during
// stack unwinding must not terminate the program (the database rolls back when the
// connection closes anyway). A Transaction belongs to the thread that began it.
#pragma once

#include "ormc/backend.hpp"
#include "ormc/operations.hpp"
#include "ormc/pool.hpp"

#include <memory>
#include <optional>
#include <string>

namespace ormc {

struct TransactionOptions {
  // Write takes the write lock at BEGIN (SQLite: BEGIN IMMEDIATE); Read never writes.
  TransactionMode mode = TransactionMode::Write;
  // The isolation level of this transaction; the connection's default if empty. Ignored for a
  // savepoint, which runs at its enclosing transaction's level.
  std::optional<IsolationLevel> isolation{};
};

namespace detail {
// Whatever must live exactly as long as a transaction besides its connection (a connection
// borrowed from a pool, the thread's note that the transaction is open). Released after the
// transaction has ended.
class TransactionResources {
 public:
  virtual ~TransactionResources() = default;
};
}  // namespace detail

class Transaction : public Operations<Transaction> {
 public:
  // Begins a transaction on `connection`, or a savepoint if one is open already.
  explicit Transaction(Connection& connection, const TransactionOptions& options = {});
  // Same, keeping `resources` until the transaction has ended (Database::transaction()).
  Transaction(Connection& connection, const TransactionOptions& options,
              std::unique_ptr<detail::TransactionResources> resources);
  ~Transaction();
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;

  // Makes the changes part of the enclosing transaction (savepoint) or durable (outermost).
  // Throws DatabaseError/Timeout on failure; the transaction then stays open and the
  // destructor rolls it back. Calling it twice is a logic error (throws ormc::Error).
  void commit();
  // Undoes the changes now instead of in the destructor.
  void rollback();

  // True if this is a savepoint inside an enclosing transaction.
  bool nested() const noexcept { return !savepoint_.empty(); }
  // False once commit() or rollback() has run.
  bool active() const noexcept { return !finished_; }
  Connection& connection() const noexcept { return connection_; }

  // Operations<> runs every call on this transaction's connection.
  template <class F>
  decltype(auto) withConnection(F&& work) {
    return work(connection_);
  }
  ConnectionHandle connectionHandle() noexcept { return ConnectionHandle(connection_); }
  // A call that must be all or nothing gets a savepoint of its own.
  template <class F>
  decltype(auto) withTransaction(F&& work) {
    Transaction inner(connection_);
    if constexpr (std::is_void_v<decltype(work(connection_))>) {
      work(connection_);
      inner.commit();
    } else {
      decltype(auto) result = work(connection_);
      inner.commit();
      return result;
    }
  }

 private:
  void begin(const TransactionOptions& options);

  Connection& connection_;
  std::string savepoint_;  // empty for the outermost transaction
  bool finished_ = false;
  std::unique_ptr<detail::TransactionResources> resources_;
};

}  // namespace ormc
