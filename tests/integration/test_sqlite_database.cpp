// ormc::Database on SQLite: the shared bodies of test_database_body.hpp on an in-memory
// database and on a file, then what only SQLite shows (a second writer waits for the first).
#include "test_sqlite_files.hpp"

#include "ormc/database.hpp"

#include <doctest/doctest.h>

#include <atomic>
#include <chrono>
#include <string>
#include <thread>

namespace {

struct SqliteMemory {
  static constexpr bool kFile = false;
  std::string url() const { return "sqlite::memory:"; }
  ormc::Database open() const { return ormc::Database::open(url()); }
};

struct SqliteFile {
  static constexpr bool kFile = true;
  ormc::test::TempDatabaseFile file;
  std::string url() const { return "sqlite:" + file.path(); }
  ormc::Database open() const { return ormc::Database::open(url()); }
};

}  // namespace

#define ORMC_DATABASE_FIXTURES SqliteMemory, SqliteFile
#include "test_database_body.hpp"

TEST_CASE("an in-memory database is one connection: every call sees the same data") {
  ormc::Database db = ormc::Database::open("sqlite::memory:");
  db.create_all<crudtest::Schema>();
  crudtest::Account a{.email = "ada@example.com"};
  db.insert(a);
  CHECK(db.find<crudtest::Account>(a.id));
  CHECK(db.connectionsOpen() == 1);
}

TEST_CASE("a malformed URL or a missing directory is reported when opening") {
  CHECK_THROWS_AS(ormc::Database::open("sqlite:"), ormc::InvalidUrl);
  CHECK_THROWS_AS(ormc::Database::open("postgres://x"), ormc::InvalidUrl);
  CHECK_THROWS_AS(ormc::Database::open("sqlite:/nonexistent-dir/sub/app.db"), ormc::ConnectionError);
}

TEST_CASE("transact retries when another connection holds the write lock") {
  ormc::test::TempDatabaseFile file;
  ormc::Database db = ormc::Database::open("sqlite:" + file.path(), {.busyTimeout = std::chrono::milliseconds(0)});
  db.create_all<crudtest::Schema>();
  ormc::Database other = ormc::Database::open("sqlite:" + file.path());

  std::atomic<bool> locked{false};
  std::atomic<bool> release{false};
  std::thread holder([&] {
    auto tx = other.transaction();  // BEGIN IMMEDIATE: holds the write lock
    locked = true;
    while (!release) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    tx.commit();
  });
  while (!locked) std::this_thread::sleep_for(std::chrono::milliseconds(1));

  int attempts = 0;
  CHECK_THROWS_AS(db.transact([&](ormc::Transaction&) { ++attempts; }, ormc::RetryPolicy{.maxAttempts = 2}),
                  ormc::Timeout);
  CHECK(attempts == 0);  // BEGIN IMMEDIATE itself was refused, twice

  std::thread releaser([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    release = true;
  });
  db.transact(
      [&](ormc::Transaction& tx) {
        ++attempts;
        crudtest::Account a{.email = "ada@example.com"};
        tx.insert(a);
      },
      ormc::RetryPolicy{.maxAttempts = 20, .firstBackoff = std::chrono::milliseconds(2)});
  releaser.join();
  holder.join();
  CHECK(attempts == 1);
  CHECK(db.find<crudtest::Account>(1));
}
