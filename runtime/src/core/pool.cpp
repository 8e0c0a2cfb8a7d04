// ConnectionPool: a mutex-guarded stack of idle connections plus a count of open ones, and a
// condition variable for borrowers waiting on a full pool. Everything that talks to a database
// (opening, alive(), rollback, closing) runs outside the lock, so one slow server round trip
// never holds up the other threads.
#include "ormc/pool.hpp"

#include "ormc/error.hpp"

#include <condition_variable>
#include <mutex>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace ormc {

struct ConnectionPool::State {
  Factory factory;
  std::size_t maxSize = 0;
  std::mutex mutex;
  std::condition_variable available;     // signalled when a connection comes back or closes
  struct Idle {
    std::unique_ptr<Connection> connection;
    std::chrono::steady_clock::time_point since;  // when it came back
  };
  std::vector<Idle> idle;                // most recently returned last (LIFO)
  std::chrono::milliseconds validateAfterIdle{0};
  std::size_t open = 0;                  // lent out plus idle
  bool closed = false;                   // the pool is gone; returning leases close theirs

  // Calls the factory for a place already counted in `open`; gives the place back if it throws.
  std::unique_ptr<Connection> openCounted() {
    try {
      std::unique_ptr<Connection> connection = factory();
      if (!connection) throw ConnectionError("ormc: pool: the connection factory returned no connection");
      return connection;
    } catch (...) {
      forgetOne();
      throw;
    }
  }

  // One counted connection is closed (or was never opened): its place is free.
  void forgetOne() noexcept {
    {
      std::lock_guard lock(mutex);
      --open;
    }
    available.notify_one();
  }

  // Takes a connection back from a lease: rolled back if a transaction was left open, then
  // idle, or closed if the rollback failed or the pool is gone.
  void giveBack(std::unique_ptr<Connection> connection) noexcept {
    if (connection->inTransaction()) {
      try {
        connection->rollback();
      } catch (...) {
        // Unknown state: not fit to lend again.
      }
      if (connection->inTransaction()) {
        connection.reset();
        forgetOne();
        return;
      }
    }
    std::unique_ptr<Connection> closing;  // closed after the lock is released
    const auto now = validateAfterIdle.count() > 0 ? std::chrono::steady_clock::now()
                                                   : std::chrono::steady_clock::time_point{};
    {
      std::lock_guard lock(mutex);
      if (closed) {
        closing = std::move(connection);
        --open;
      } else {
        idle.push_back({std::move(connection), now});  // capacity reserved for maxSize: cannot throw
      }
    }
    available.notify_one();
  }
};

ConnectionPool::Lease& ConnectionPool::Lease::operator=(Lease&& other) noexcept {
  if (this == &other) return *this;
  release();
  state_ = std::move(other.state_);
  connection_ = std::move(other.connection_);
  return *this;
}

void ConnectionPool::Lease::release() noexcept {
  if (!connection_) return;
  state_->giveBack(std::move(connection_));
  state_.reset();
}

void ConnectionPool::Lease::discard() noexcept {
  if (!connection_) return;
  connection_.reset();
  state_->forgetOne();
  state_.reset();
}

ConnectionPool::ConnectionPool(Factory factory, PoolOptions options)
    : options_(options), state_(std::make_shared<State>()) {
  if (!factory) throw std::invalid_argument("ormc: ConnectionPool needs a connection factory");
  if (options_.maxSize == 0) throw std::invalid_argument("ormc: ConnectionPool needs maxSize of at least 1");
  state_->factory = std::move(factory);
  state_->maxSize = options_.maxSize;
  state_->validateAfterIdle = options_.validateAfterIdle;
  state_->idle.reserve(options_.maxSize);
}

ConnectionPool::~ConnectionPool() {
  std::vector<State::Idle> closing;
  {
    std::lock_guard lock(state_->mutex);
    state_->closed = true;
    closing.swap(state_->idle);
    state_->open -= closing.size();
  }
}

ConnectionPool::Lease ConnectionPool::acquire() {
  using Clock = std::chrono::steady_clock;
  std::optional<Clock::time_point> start;  // read only when there is a wait: most borrows never do
  State& state = *state_;
  std::unique_lock lock(state.mutex);
  for (;;) {
    if (!state.idle.empty()) {
      State::Idle entry = std::move(state.idle.back());
      state.idle.pop_back();
      lock.unlock();
      std::unique_ptr<Connection> connection = std::move(entry.connection);
      // Asking the server costs a round trip, so only a connection idle long enough to have
      // been dropped is asked.
      const bool fresh = state.validateAfterIdle.count() > 0 &&
                         Clock::now() - entry.since < state.validateAfterIdle;
      if (fresh || connection->alive()) return Lease(state_, std::move(connection));
      // Dropped while idle (server restart, KILL, wait_timeout): a fresh one takes its place.
      connection.reset();
      return Lease(state_, state.openCounted());
    }
    if (state.open < state.maxSize) {
      ++state.open;
      lock.unlock();
      return Lease(state_, state.openCounted());
    }
    if (!start) start = Clock::now();
    const bool woken = state.available.wait_until(lock, *start + options_.waitTimeout, [&] {
      return !state.idle.empty() || state.open < state.maxSize;
    });
    if (!woken) {
      const auto waited = std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - *start);
      throw Timeout("ormc: pool: all " + std::to_string(state.maxSize) + " connections are in use; waited " +
                    std::to_string(waited.count()) + " ms");
    }
  }
}

std::size_t ConnectionPool::size() const {
  std::lock_guard lock(state_->mutex);
  return state_->open;
}

std::size_t ConnectionPool::idle() const {
  std::lock_guard lock(state_->mutex);
  return state_->idle.size();
}

}  // namespace ormc
