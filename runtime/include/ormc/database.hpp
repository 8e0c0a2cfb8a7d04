// ormc::Database: where an application starts. Opened from a URL, it owns a pool of
// connections to one database and offers CRUD of generated entities, transactions and a
// retrying transaction helper. Nothing here knows which database it talks to beyond its
// Dialect.
//
//   auto db = ormc::Database::open("sqlite:app.db");
//   db.create_all<blog::Schema>();
//   blog::User ada{.email = "ada@example.com"};
//   db.insert(ada);                               // ada.id is set
//   db.transact([&](ormc::Transaction& tx) {      // retried on busy / deadlock
//     auto user = tx.find<blog::User>(ada.id);
//     ...
//   });
//
// Thread safety: a Database may be shared by threads; each call borrows a connection from the
// pool for its duration. While a thread has a transaction open on a Database, that thread's
// calls on the Database run inside it.
#pragma once

#include "ormc/backend.hpp"
#include "ormc/dialect.hpp"
#include "ormc/error.hpp"
#include "ormc/operations.hpp"
#include "ormc/pool.hpp"
#include "ormc/transaction.hpp"
#include "ormc/url.hpp"

#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <string_view>
#include <thread>
#include <type_traits>
#include <utility>

namespace ormc {

struct DatabaseOptions {
  // The most connections open at once. 0 chooses: 1 for an in-memory SQLite database (each
  // connection would see a database of its own), 4 for an SQLite file, 8 for MySQL.
  std::size_t poolSize = 0;
  // How long a call waits for a free connection before it throws Timeout.
  std::chrono::milliseconds poolWaitTimeout{30'000};
  // SQLite: how long a statement waits for another connection's lock before Timeout.
  std::chrono::milliseconds busyTimeout{5'000};
};

// How Database::transact retries a transaction that lost a lock race.
struct RetryPolicy {
  int maxAttempts = 5;                          // including the first
  std::chrono::milliseconds firstBackoff{2};    // doubled after each failed attempt,
  std::chrono::milliseconds maxBackoff{200};    // up to this, with random jitter
};

class Database : public Operations<Database> {
 public:
  // Opens the database at `url` (see url.hpp): sqlite:path, sqlite::memory:,
  // mysql://user:password@host:port/db. Connects once to report a bad URL, password or host
  // here (InvalidUrl, ConnectionError) rather than at the first query.
  static Database open(std::string_view url, const DatabaseOptions& options = {});
  static Database open(const DatabaseUrl& url, const DatabaseOptions& options = {});

  // A database whose connections come from `connect` (for custom backends and tests).
  Database(const Dialect& dialect, std::function<std::unique_ptr<Connection>()> connect,
           const DatabaseOptions& options = {});
  ~Database();
  Database(Database&&) noexcept;
  Database& operator=(Database&&) noexcept;

  const Dialect& dialect() const noexcept;

  // Begins a transaction (or a savepoint, if this thread has one open on this database) on a
  // connection that stays with the transaction until it ends.
  Transaction transaction(const TransactionOptions& options = {});

  // Runs `work(tx)` in a transaction and commits it; returns what `work` returns. When the
  // transaction loses a lock race (SQLite busy, MySQL lock wait timeout 1205 or deadlock 1213)
  // it is rolled back as a whole and run again, up to policy.maxAttempts times with a growing
  // pause. Any other exception rolls back and propagates. A failed COMMIT is never retried (its
  // outcome may be unknown), and inside an enclosing transaction nothing is retried: the
  // enclosing transaction is what lost, so the error propagates to whoever owns it.
  template <class F>
  decltype(auto) transact(F&& work, const RetryPolicy& policy = {}, const TransactionOptions& options = {});

  // Runs `work(connection)` on this thread's open transaction on this database, or else on a
  // connection borrowed from the pool for the call. The building block of every operation.
  template <class F>
  decltype(auto) withConnection(F&& work);
  // The connection withConnection() would use, held until the handle ends (streaming queries).
  ConnectionHandle connectionHandle() {
    if (Connection* active = activeConnection()) return ConnectionHandle(*active);
    return ConnectionHandle(borrow());
  }
  // Same, inside a transaction of its own (a savepoint if one is open): all or nothing.
  template <class F>
  decltype(auto) withTransaction(F&& work);

  // Calls `hook` with every statement any connection of this database runs: its SQL text
  // (values are '?') and how long it took. For logging, metrics and tests that count
  // statements. Install it before threads share the database; an empty function removes it.
  void on_statement(StatementHook hook);

  // How many connections the pool holds open now (for tests and metrics).
  std::size_t connectionsOpen() const;

 private:
  struct State;

  // This thread's open transaction's connection on this database, or null.
  Connection* activeConnection() const noexcept;
  // A connection from the pool, returned when the lease ends.
  ConnectionPool::Lease borrow();
  static void pause(const RetryPolicy& policy, int attempt);

  std::unique_ptr<State> state_;
};

template <class F>
decltype(auto) Database::withConnection(F&& work) {
  if (Connection* active = activeConnection()) return work(*active);
  ConnectionPool::Lease lease = borrow();
  return work(*lease);
}

template <class F>
decltype(auto) Database::withTransaction(F&& work) {
  Transaction tx = transaction();
  if constexpr (std::is_void_v<decltype(work(tx.connection()))>) {
    work(tx.connection());
    tx.commit();
  } else {
    decltype(auto) result = work(tx.connection());
    tx.commit();
    return result;
  }
}

template <class F>
decltype(auto) Database::transact(F&& work, const RetryPolicy& policy, const TransactionOptions& options) {
  using Result = std::invoke_result_t<F&, Transaction&>;
  const bool outermost = activeConnection() == nullptr;
  for (int attempt = 1;; ++attempt) {
    bool committing = false;
    try {
      Transaction tx = transaction(options);
      if constexpr (std::is_void_v<Result>) {
        work(tx);
        committing = true;
        tx.commit();
        return;
      } else {
        Result result = work(tx);
        committing = true;
        tx.commit();
        return result;
      }
    } catch (const Timeout&) {
      if (committing || !outermost || attempt >= policy.maxAttempts) throw;
    } catch (const Deadlock&) {
      if (committing || !outermost || attempt >= policy.maxAttempts) throw;
    }
    // The transaction has been rolled back by its destructor before the pause.
    pause(policy, attempt);
  }
}

}  // namespace ormc
