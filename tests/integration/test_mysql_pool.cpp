// ConnectionPool over MariaDB connections: an idle connection killed on the server is replaced
// before it is lent; a statement whose connection is killed while it runs fails with
// ConnectionError and is not run again; eight threads share four connections.
#include "test_mysql_database.hpp"

#include "ormc/error.hpp"
#include "ormc/pool.hpp"
#include "ormc/transaction.hpp"
#include "ormc/value_codec.hpp"

#include <doctest/doctest.h>

#include <atomic>
#include <chrono>
#include <exception>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace {

using ormc::test::MysqlTestDatabase;
using namespace std::chrono_literals;

std::int64_t queryInt(ormc::Connection& c, const std::string& sql, std::optional<std::int64_t> parameter = {}) {
  ormc::PreparedStatement statement = c.prepare(sql);
  if (parameter) ormc::bindValue(*statement, 1, *parameter);
  REQUIRE(statement->step());
  return ormc::readValue<std::int64_t>(*statement, 0);
}

std::int64_t connectionId(ormc::Connection& c) { return queryInt(c, "SELECT CONNECTION_ID()"); }

// KILL CONNECTION `id` from `killer`, then waits until the server has let it go.
void killConnection(ormc::Connection& killer, std::int64_t id) {
  {
    ormc::PreparedStatement kill = killer.prepare("KILL CONNECTION ?");
    ormc::bindValue(*kill, 1, id);
    kill->step();
  }
  for (int i = 0; i < 100; ++i) {
    if (queryInt(killer, "SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE ID = ?", id) == 0) return;
    std::this_thread::sleep_for(20ms);
  }
  FAIL("connection " << id << " still listed after KILL");
}

}  // namespace

TEST_CASE("an idle pooled connection killed on the server is replaced before it is lent") {
  MysqlTestDatabase db;
  std::atomic<int> opened{0};
  ormc::ConnectionPool pool([&] {
    ++opened;
    return db.connect();
  }, {.maxSize = 1});
  std::int64_t firstId = 0;
  {
    auto lease = pool.acquire();
    firstId = connectionId(*lease);
  }
  auto killer = db.connect();
  killConnection(*killer, firstId);

  auto lease = pool.acquire();
  CHECK(opened == 2);
  CHECK(pool.size() == 1);
  const std::int64_t secondId = connectionId(*lease);  // works
  CHECK(secondId != firstId);
}

TEST_CASE("a statement whose connection is killed in flight fails with ConnectionError, once") {
  MysqlTestDatabase db;
  auto setup = db.connect();
  setup->execute("CREATE TABLE hits (v INT) ENGINE=InnoDB");
  ormc::ConnectionPool pool([&] { return db.connect(); }, {.maxSize = 1});

  auto lease = pool.acquire();
  const std::int64_t id = connectionId(*lease);
  std::thread killer([&] {
    std::this_thread::sleep_for(300ms);
    auto c = db.connect();
    killConnection(*c, id);
  });
  const auto start = std::chrono::steady_clock::now();
  std::optional<ormc::ConnectionError> error;
  try {
    lease->execute("INSERT INTO hits (v) SELECT SLEEP(5)");
  } catch (const ormc::ConnectionError& e) {
    error = e;
  }
  const auto elapsed = std::chrono::steady_clock::now() - start;
  killer.join();
  REQUIRE(error);
  CHECK((error->code() == 1927 || error->code() == 2013 || error->code() == 2006));
  CHECK(error->sql() == "INSERT INTO hits (v) SELECT SLEEP(5)");
  CHECK(elapsed < 4s);  // not waited out, and not run a second time
  lease.release();

  // Nothing was inserted: a retry (by the driver or the pool) would have added a row.
  std::this_thread::sleep_for(200ms);
  CHECK(queryInt(*setup, "SELECT COUNT(*) FROM hits") == 0);
  // The dead connection went back to the pool; the next borrower gets a live one.
  auto next = pool.acquire();
  CHECK(connectionId(*next) != id);
}

TEST_CASE("eight threads share four pooled MariaDB connections") {
  MysqlTestDatabase db;
  db.connect()->execute("CREATE TABLE items (id BIGINT AUTO_INCREMENT PRIMARY KEY, v BIGINT) ENGINE=InnoDB");
  constexpr int kThreads = 8;
  constexpr int kIterations = 25;
  std::atomic<int> opened{0};
  ormc::ConnectionPool pool([&] {
    ++opened;
    return db.connect();
  }, {.maxSize = 4, .waitTimeout = 20000ms});
  std::mutex errorMutex;
  std::exception_ptr firstError;
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      try {
        for (int i = 0; i < kIterations; ++i) {
          auto lease = pool.acquire();
          ormc::Transaction tx(*lease);
          ormc::PreparedStatement insert = lease->prepare("INSERT INTO items (v) VALUES (?)");
          ormc::bindValue(*insert, 1, std::int64_t{t * 1000 + i});
          insert->step();
          tx.commit();
        }
      } catch (...) {
        std::lock_guard lock(errorMutex);
        if (!firstError) firstError = std::current_exception();
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  if (firstError) std::rethrow_exception(firstError);
  CHECK(opened <= 4);
  auto lease = pool.acquire();
  CHECK(queryInt(*lease, "SELECT COUNT(*) FROM items") == kThreads * kIterations);
}
