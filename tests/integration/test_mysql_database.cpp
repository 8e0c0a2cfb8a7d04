// ormc::Database on MariaDB: the shared bodies of test_database_body.hpp, each on a database of
// its own on the fixture server, then what only MySQL shows (a real deadlock retried by
// transact).
#include "test_mysql_database.hpp"

#include "ormc/database.hpp"

#include <doctest/doctest.h>

#include <atomic>
#include <chrono>
#include <string>
#include <thread>

namespace {

struct MariaDbDatabase {
  static constexpr bool kFile = true;
  ormc::test::MysqlTestDatabase database;
  ormc::DatabaseUrl url() const { return database.url(); }
  ormc::Database open() const { return ormc::Database::open(database.url()); }
};

}  // namespace

#define ORMC_DATABASE_FIXTURES MariaDbDatabase
#include "test_database_body.hpp"

TEST_CASE("transact retries a real deadlock: both transactions end up committed") {
  MariaDbDatabase f;
  ormc::Database db = f.open();
  db.create_all<crudtest::Schema>();
  crudtest::Account first{.email = "first@example.com"};
  crudtest::Account second{.email = "second@example.com"};
  db.insert(first);
  db.insert(second);

  std::atomic<int> attempts{0};
  std::atomic<int> arrived{0};
  // Each transaction locks one row, waits until the other has locked its row, then wants the
  // other's: InnoDB breaks the cycle by rolling one back with 1213.
  auto crossing = [&](std::int64_t mine, std::int64_t theirs) {
    db.transact(
        [&](ormc::Transaction& tx) {
          int attempt = ++attempts;
          crudtest::Account a = *tx.find<crudtest::Account>(mine);
          a.balance = ormc::Decimal("1.00");
          tx.update(a);
          if (attempt <= 2) {
            ++arrived;
            for (int i = 0; i < 500 && arrived < 2; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(2));
          }
          crudtest::Account b = *tx.find<crudtest::Account>(theirs);
          b.balance = ormc::Decimal("2.00");
          tx.update(b);
        },
        ormc::RetryPolicy{.maxAttempts = 5});
  };
  std::thread one([&] { crossing(first.id, second.id); });
  std::thread two([&] { crossing(second.id, first.id); });
  one.join();
  two.join();
  CHECK(attempts >= 3);  // one of the two ran again
  // Each committed once: two updates of each row, four version bumps in all.
  CHECK(db.find<crudtest::Account>(first.id)->version + db.find<crudtest::Account>(second.id)->version == 4);
}
