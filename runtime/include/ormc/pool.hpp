// A thread-safe pool of connections to one database, for any backend: connections come from a
// factory, are lent out one thread at a time, and come back when the lease ends.
//
//   ormc::ConnectionPool pool([&] { return ormc::mysql::open(url); }, {.maxSize = 8});
//   {
//     ormc::ConnectionPool::Lease c = pool.acquire();   // waits while all 8 are lent out
//     c->execute("...");
//   }                                                   // back in the pool
//
// An idle connection is checked with Connection::alive() before it is lent out (once it has been
// idle for PoolOptions::validateAfterIdle) and replaced by a fresh one from the factory if the
// server dropped it. The pool never runs or retries a
// statement itself: a statement that fails in flight reports its error to the caller.
#pragma once

#include "ormc/backend.hpp"

#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <optional>

namespace ormc {

struct PoolOptions {
  // The most connections open at once (lent out plus idle). At least 1.
  std::size_t maxSize = 10;
  // How long acquire() waits for a connection when all maxSize are lent out.
  std::chrono::milliseconds waitTimeout{5000};
  // An idle connection is checked with alive() (a round trip to a MySQL server) before it is
  // lent out only when it has been idle at least this long; 0, the default, checks every time.
  // A value such as 1000 ms saves the round trip on busy pools, at a price: a connection that
  // broke during its last use (killed mid-statement) and came back within that time is lent as
  // it is, and its next statement fails with ConnectionError.
  std::chrono::milliseconds validateAfterIdle{0};
};

class ConnectionPool {
  struct State;

 public:
  using Factory = std::function<std::unique_ptr<Connection>()>;

  // A connection on loan. Returning it (destruction, or release()) rolls back a transaction
  // left open on it, so the next borrower starts clean; if that rollback fails the connection
  // is closed instead of being reused. A Lease may outlive its pool: the connection is then
  // closed when the lease ends.
  class Lease {
   public:
    Lease(Lease&& other) noexcept = default;
    Lease& operator=(Lease&& other) noexcept;
    ~Lease() { release(); }

    Connection& operator*() const noexcept { return *connection_; }
    Connection* operator->() const noexcept { return connection_.get(); }
    Connection& get() const noexcept { return *connection_; }

    // Gives the connection back now. The lease is empty afterwards. Never throws.
    void release() noexcept;
    // Closes the connection instead of giving it back (the caller knows it is broken); its
    // place in the pool is free again.
    void discard() noexcept;

   private:
    friend class ConnectionPool;
    Lease(std::shared_ptr<State> state, std::unique_ptr<Connection> connection) noexcept
        : state_(std::move(state)), connection_(std::move(connection)) {}

    std::shared_ptr<State> state_;
    std::unique_ptr<Connection> connection_;
  };

  // `factory` opens a connection (it may throw; the error reaches acquire()'s caller). No
  // connection is opened before the first acquire(). Throws std::invalid_argument if
  // `factory` is empty or maxSize is 0.
  explicit ConnectionPool(Factory factory, PoolOptions options = {});
  // Closes the idle connections. Leases still out close theirs when they end.
  ~ConnectionPool();
  ConnectionPool(const ConnectionPool&) = delete;
  ConnectionPool& operator=(const ConnectionPool&) = delete;

  // A connection: an idle one that is still alive (a dead one is replaced from the factory), or
  // a new one while fewer than maxSize are open, or else the first one given back within
  // waitTimeout. Throws Timeout ("all N connections are in use; waited X ms") when none comes,
  // and whatever the factory throws (ConnectionError) when opening fails.
  Lease acquire();

  // Connections open now (lent out plus idle), and of those the idle ones. For tests and metrics.
  std::size_t size() const;
  std::size_t idle() const;

  const PoolOptions& options() const noexcept { return options_; }

 private:
  PoolOptions options_;
  std::shared_ptr<State> state_;
};

// A connection held for a while: one borrowed from a pool (returned when the handle ends), or
// one that somebody else owns (a transaction's). What a streaming query keeps while it reads.
class ConnectionHandle {
 public:
  explicit ConnectionHandle(Connection& connection) noexcept : connection_(&connection) {}
  explicit ConnectionHandle(ConnectionPool::Lease lease) noexcept
      : lease_(std::move(lease)), connection_(&lease_->get()) {}

  Connection& operator*() const noexcept { return *connection_; }
  Connection* operator->() const noexcept { return connection_; }

 private:
  std::optional<ConnectionPool::Lease> lease_;
  Connection* connection_;
};

}  // namespace ormc
