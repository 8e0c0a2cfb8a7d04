// ConnectionPool over real SQLite connections to one database file: the size limit and the
// Timeout of a full pool, a transaction abandoned on a lent connection rolled back before the
// connection is lent again (its write lock released), and eight threads sharing four
// connections.
#include "test_sqlite_files.hpp"

#include "ormc/error.hpp"
#include "ormc/pool.hpp"
#include "ormc/sqlite.hpp"
#include "ormc/transaction.hpp"
#include "ormc/value_codec.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <exception>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace {

using namespace std::chrono_literals;

std::int64_t countRows(ormc::Connection& c) {
  ormc::PreparedStatement count = c.prepare("SELECT COUNT(*) FROM items");
  REQUIRE(count->step());
  return ormc::readValue<std::int64_t>(*count, 0);
}

void insertItem(ormc::Connection& c, std::int64_t value) {
  ormc::PreparedStatement insert = c.prepare("INSERT INTO items (v) VALUES (?)");
  ormc::bindValue(*insert, 1, value);
  insert->step();
}

struct PoolFile {
  ormc::test::TempDatabaseFile file;
  PoolFile() { ormc::sqlite::open(file.path())->execute("CREATE TABLE items (id INTEGER PRIMARY KEY, v INTEGER)"); }
  ormc::ConnectionPool::Factory factory() {
    return [path = file.path()] { return ormc::sqlite::open(path); };
  }
};

}  // namespace

TEST_CASE("a pool of SQLite connections lends at most maxSize and then times out") {
  PoolFile db;
  ormc::ConnectionPool pool(db.factory(), {.maxSize = 2, .waitTimeout = 100ms});
  auto a = pool.acquire();
  auto b = pool.acquire();
  CHECK(&a.get() != &b.get());
  CHECK(pool.size() == 2);
  CHECK_THROWS_AS(pool.acquire(), ormc::Timeout);
  b.release();
  auto c = pool.acquire();
  CHECK(pool.size() == 2);
  CHECK(pool.idle() == 0);
}

TEST_CASE("a transaction abandoned on a lent connection is rolled back before reuse") {
  PoolFile db;
  ormc::ConnectionPool pool(db.factory(), {.maxSize = 1});
  ormc::Connection* first = nullptr;
  {
    auto lease = pool.acquire();
    first = &lease.get();
    lease->begin(ormc::TransactionMode::Write);  // BEGIN IMMEDIATE: holds the write lock
    insertItem(*lease, 1);
  }  // given back without commit or rollback
  auto lease = pool.acquire();
  CHECK(&lease.get() == first);
  CHECK_FALSE(lease->inTransaction());
  CHECK(countRows(*lease) == 0);
  // The write lock is free again: another connection can write at once.
  auto other = ormc::sqlite::open(db.file.path(), ormc::sqlite::Options{10ms});
  ormc::Transaction tx(*other);
  insertItem(*other, 2);
  tx.commit();
  CHECK(countRows(*lease) == 1);
}

TEST_CASE("eight threads share four pooled SQLite connections") {
  PoolFile db;
  constexpr int kThreads = 8;
  constexpr int kIterations = 60;
  ormc::ConnectionPool pool(db.factory(), {.maxSize = 4, .waitTimeout = 10000ms});
  std::atomic<int> lentNow{0};
  std::atomic<int> lentMost{0};
  std::mutex errorMutex;
  std::exception_ptr firstError;

  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      try {
        for (int i = 0; i < kIterations; ++i) {
          auto lease = pool.acquire();
          int now = ++lentNow;
          int most = lentMost.load();
          while (now > most && !lentMost.compare_exchange_weak(most, now)) {
          }
          if (i % 10 == 9) {
            // Abandoned: the pool must roll it back, so these rows never count.
            lease->begin(ormc::TransactionMode::Write);
            insertItem(*lease, -1);
          } else {
            ormc::Transaction tx(*lease);
            insertItem(*lease, t * 1000 + i);
            tx.commit();
          }
          --lentNow;
        }
      } catch (...) {
        std::lock_guard lock(errorMutex);
        if (!firstError) firstError = std::current_exception();
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  if (firstError) std::rethrow_exception(firstError);

  CHECK(lentMost.load() <= 4);
  CHECK(pool.size() <= 4);
  auto lease = pool.acquire();
  CHECK(countRows(*lease) == kThreads * kIterations * 9 / 10);
  ormc::PreparedStatement negative = lease->prepare("SELECT COUNT(*) FROM items WHERE v < 0");
  REQUIRE(negative->step());
  CHECK(ormc::readValue<std::int64_t>(*negative, 0) == 0);
}
