// ConnectionPool: a mutex-guarded stack of idle connections plus a count of open ones, and a
// condition variable for borrowers waiting on a full pool; in front of them, one lock-free
// "spare" slot for the connection returned last, which is all a single thread ever needs (it
// takes and gives back one connection per statement, and two mutex round trips would be a
// tenth of a cached point query). Everything that talks to a database
// (opening, alive(), rollback, closing) runs outside the lock, so one slow server round trip
// never holds up the other threads.
#include "ormc/pool.hpp"

#include "ormc/error.hpp"

#include <atomic>
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
  // Borrowers in wait_until(): only they need a signal. Changed under the lock, read without.
  std::atomic<std::size_t> waiting{0};
  // The pool is gone; returning leases close theirs. Set under the lock, read without.
  std::atomic<bool> closed{false};
  // An idle connection outside `idle`, taken and given back without the lock. Used only when
  // idle time is not tracked (validateAfterIdle 0), since the slot keeps no time.
  std::atomic<Connection*> spare{nullptr};

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
    bool signal = false;
    {
      std::lock_guard lock(mutex);
      --open;
      signal = waiting > 0;
    }
    if (signal) available.notify_one();
  }

  // Closes the connection in the spare slot, if any, and frees its place.
  void closeSpare() noexcept {
    std::unique_ptr<Connection> closing(spare.exchange(nullptr));
    if (closing) {
      closing.reset();
      forgetOne();
    }
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
    if (validateAfterIdle.count() == 0 && waiting.load() == 0 && !closed.load()) {
      // The connection returned last is lent first (LIFO: the warm one), so it takes the slot
      // and the one there before goes to the idle stack, on top.
      std::unique_ptr<Connection> older(spare.exchange(connection.release()));
      // A borrower may have begun to wait, or the pool to close, since the checks above; both
      // look at the slot after announcing themselves, so one side sees the other.
      if (closed.load()) {
        closeSpare();
      } else if (waiting.load() > 0) {
        { std::lock_guard lock(mutex); }  // the waiter is inside wait_until() or will see the slot
        available.notify_one();
      }
      if (!older) return;
      connection = std::move(older);
    }
    std::unique_ptr<Connection> closing;  // closed after the lock is released
    const auto now = validateAfterIdle.count() > 0 ? std::chrono::steady_clock::now()
                                                   : std::chrono::steady_clock::time_point{};
    bool signal = false;
    {
      std::lock_guard lock(mutex);
      if (closed) {
        closing = std::move(connection);
        --open;
      } else {
        idle.push_back({std::move(connection), now});  // capacity reserved for maxSize: cannot throw
      }
      signal = waiting > 0;
    }
    if (signal) available.notify_one();
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
  state_->closeSpare();
}

ConnectionPool::Lease ConnectionPool::acquire() {
  using Clock = std::chrono::steady_clock;
  State& state = *state_;
  // An idle connection is lent if it is alive; a dead one (server restart, KILL, wait_timeout)
  // makes way for a fresh one. Asking the server costs a round trip, so only a connection idle
  // long enough to have been dropped is asked.
  auto lendIdle = [&](std::unique_ptr<Connection> connection, std::optional<Clock::time_point> since) {
    const bool fresh = since && state.validateAfterIdle.count() > 0 && Clock::now() - *since < state.validateAfterIdle;
    if (fresh || connection->alive()) return Lease(state_, std::move(connection));
    connection.reset();
    return Lease(state_, state.openCounted());
  };
  if (Connection* spare = state.spare.exchange(nullptr)) return lendIdle(std::unique_ptr<Connection>(spare), {});

  std::optional<Clock::time_point> start;  // read only when there is a wait: most borrows never do
  std::unique_lock lock(state.mutex);
  for (;;) {
    if (Connection* spare = state.spare.exchange(nullptr)) {
      lock.unlock();
      return lendIdle(std::unique_ptr<Connection>(spare), {});
    }
    if (!state.idle.empty()) {
      State::Idle entry = std::move(state.idle.back());
      state.idle.pop_back();
      lock.unlock();
      return lendIdle(std::move(entry.connection), entry.since);
    }
    if (state.open < state.maxSize) {
      ++state.open;
      lock.unlock();
      return Lease(state_, state.openCounted());
    }
    if (!start) start = Clock::now();
    ++state.waiting;
    const bool woken = state.available.wait_until(lock, *start + options_.waitTimeout, [&] {
      return state.spare.load() != nullptr || !state.idle.empty() || state.open < state.maxSize;
    });
    --state.waiting;
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
  return state_->idle.size() + (state_->spare.load() != nullptr ? 1 : 0);
}

}  // namespace ormc
