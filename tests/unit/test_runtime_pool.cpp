// ConnectionPool against a scripted in-memory Connection: lazy opening, the size limit, the
// wait and its Timeout, replacement of a dead idle connection, rollback (or discard) of a
// transaction left open, factory failures, and leases that outlive their pool. The same pool
// over real SQLite and MariaDB connections is in tests/integration (test_pool_sqlite.cpp,
// test_mysql_pool.cpp).
#include "ormc/pool.hpp"

#include "ormc/error.hpp"

#include <doctest/doctest.h>

#include <atomic>
#include <chrono>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <thread>

namespace {

// What a test can see and steer of the connections a factory made.
struct Script {
  std::atomic<int> opened{0};
  std::atomic<int> closed{0};
  std::atomic<int> rollbacks{0};
  bool failRollback = false;
};

class FakeConnection final : public ormc::Connection {
 public:
  FakeConnection(Script& script, int id) : script_(script), id_(id) {}
  ~FakeConnection() override { ++script_.closed; }

  int id() const { return id_; }
  bool dead = false;

  void doExecute(std::string_view) override {}
  void begin(ormc::TransactionMode) override { open_ = true; }
  void commit() override { open_ = false; }
  void rollback() override {
    ++script_.rollbacks;
    if (script_.failRollback) throw ormc::ConnectionError("rollback failed");
    open_ = false;
  }
  bool inTransaction() const noexcept override { return open_; }
  void savepoint(std::string_view) override {}
  void releaseSavepoint(std::string_view) override {}
  void rollbackToSavepoint(std::string_view) override {}
  std::int64_t lastInsertId() const noexcept override { return 0; }
  std::int64_t changes() const noexcept override { return 0; }
  void setIsolationLevel(ormc::IsolationLevel) override {}
  ormc::IsolationLevel isolationLevel() const noexcept override { return ormc::IsolationLevel::Serializable; }
  const ormc::Dialect& dialect() const noexcept override { return ormc::kSqliteDialect; }
  bool alive() noexcept override { return !dead; }

 protected:
  std::unique_ptr<ormc::Statement> compile(std::string_view) override {
    throw std::logic_error("FakeConnection prepares nothing");
  }

 private:
  Script& script_;
  int id_;
  bool open_ = false;
};

ormc::ConnectionPool::Factory factoryFor(Script& script) {
  return [&script] { return std::make_unique<FakeConnection>(script, ++script.opened); };
}

FakeConnection& fake(ormc::ConnectionPool::Lease& lease) { return dynamic_cast<FakeConnection&>(lease.get()); }

using std::chrono::milliseconds;

}  // namespace

TEST_CASE("the pool opens connections on demand and lends an idle one again") {
  Script script;
  ormc::ConnectionPool pool(factoryFor(script), {.maxSize = 3, .waitTimeout = milliseconds{1000}});
  CHECK(pool.size() == 0);
  int firstId = 0;
  {
    auto a = pool.acquire();
    auto b = pool.acquire();
    firstId = fake(b).id();
    CHECK(pool.size() == 2);
    CHECK(pool.idle() == 0);
    a.release();
    b.release();  // returned last
  }
  CHECK(pool.size() == 2);
  CHECK(pool.idle() == 2);
  auto again = pool.acquire();
  CHECK(fake(again).id() == firstId);  // the most recently returned one
  CHECK(script.opened == 2);
}

TEST_CASE("a full pool makes acquire() wait, then throws Timeout with the count and the wait") {
  Script script;
  ormc::ConnectionPool pool(factoryFor(script), {.maxSize = 2, .waitTimeout = milliseconds{80}});
  auto a = pool.acquire();
  auto b = pool.acquire();
  const auto start = std::chrono::steady_clock::now();
  try {
    pool.acquire();
    FAIL("a third connection was lent");
  } catch (const ormc::Timeout& error) {
    const std::string message = error.what();
    CHECK(message.find("all 2 connections are in use; waited ") != std::string::npos);
    CHECK(message.find(" ms") != std::string::npos);
  }
  CHECK(std::chrono::steady_clock::now() - start >= milliseconds{80});
  CHECK(script.opened == 2);
}

TEST_CASE("a waiting acquire() gets the connection another thread gives back") {
  Script script;
  ormc::ConnectionPool pool(factoryFor(script), {.maxSize = 1, .waitTimeout = milliseconds{5000}});
  auto held = pool.acquire();
  const int heldId = fake(held).id();
  std::thread giver([&] {
    std::this_thread::sleep_for(milliseconds{50});
    held.release();
  });
  auto got = pool.acquire();
  giver.join();
  CHECK(fake(got).id() == heldId);
  CHECK(script.opened == 1);
}

TEST_CASE("a dead idle connection is replaced by a fresh one before it is lent") {
  Script script;
  ormc::ConnectionPool pool(factoryFor(script), {.maxSize = 1});
  {
    auto lease = pool.acquire();
    fake(lease).dead = true;  // e.g. the server killed it after it went back
  }
  auto lease = pool.acquire();
  CHECK(fake(lease).id() == 2);
  CHECK_FALSE(fake(lease).dead);
  CHECK(script.closed == 1);
  CHECK(pool.size() == 1);
}

TEST_CASE("an idle connection is asked whether it is alive only once it has been idle for a while") {
  Script script;
  ormc::ConnectionPool pool(factoryFor(script), {.maxSize = 1, .validateAfterIdle = milliseconds{200}});
  {
    auto lease = pool.acquire();
    fake(lease).dead = true;
  }
  {
    auto lease = pool.acquire();  // back a moment ago: lent without a round trip
    CHECK(fake(lease).id() == 1);
  }
  std::this_thread::sleep_for(milliseconds{250});
  auto lease = pool.acquire();  // idle long enough to be checked: replaced
  CHECK(fake(lease).id() == 2);
}

TEST_CASE("a transaction left open is rolled back on return, or the connection is discarded") {
  Script script;
  ormc::ConnectionPool pool(factoryFor(script), {.maxSize = 1});
  SUBCASE("rollback works: the same connection comes back clean") {
    {
      auto lease = pool.acquire();
      lease->begin(ormc::TransactionMode::Write);
    }
    CHECK(script.rollbacks == 1);
    auto lease = pool.acquire();
    CHECK(fake(lease).id() == 1);
    CHECK_FALSE(lease->inTransaction());
  }
  SUBCASE("rollback fails: the connection is closed and its place is free") {
    script.failRollback = true;
    {
      auto lease = pool.acquire();
      lease->begin(ormc::TransactionMode::Write);
    }
    CHECK(script.closed == 1);
    CHECK(pool.size() == 0);
    script.failRollback = false;
    auto lease = pool.acquire();
    CHECK(fake(lease).id() == 2);
  }
}

TEST_CASE("a failing factory frees its place and its error reaches the caller") {
  int calls = 0;
  ormc::ConnectionPool pool(
      [&calls]() -> std::unique_ptr<ormc::Connection> {
        ++calls;
        throw ormc::ConnectionError("server down");
      },
      {.maxSize = 1, .waitTimeout = milliseconds{10}});
  CHECK_THROWS_AS(pool.acquire(), ormc::ConnectionError);
  CHECK(pool.size() == 0);
  CHECK_THROWS_AS(pool.acquire(), ormc::ConnectionError);  // not a Timeout: the place was freed
  CHECK(calls == 2);
}

TEST_CASE("discard() closes a connection instead of returning it") {
  Script script;
  ormc::ConnectionPool pool(factoryFor(script), {.maxSize = 1});
  auto lease = pool.acquire();
  lease.discard();
  CHECK(script.closed == 1);
  CHECK(pool.size() == 0);
  auto next = pool.acquire();
  CHECK(fake(next).id() == 2);
}

TEST_CASE("a lease may outlive its pool and closes its connection at the end") {
  Script script;
  std::optional<ormc::ConnectionPool::Lease> lease;
  {
    ormc::ConnectionPool pool(factoryFor(script), {.maxSize = 2});
    auto idle = pool.acquire();
    lease.emplace(pool.acquire());
  }
  CHECK(script.closed == 1);  // the idle one, with the pool
  lease.reset();
  CHECK(script.closed == 2);
}

TEST_CASE("a pool needs a factory and a size") {
  Script script;
  CHECK_THROWS_AS(ormc::ConnectionPool(nullptr), std::invalid_argument);
  CHECK_THROWS_AS(ormc::ConnectionPool(factoryFor(script), {.maxSize = 0}), std::invalid_argument);
}
