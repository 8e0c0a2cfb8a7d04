// The migration runner on MariaDB: a database of its own per test on the fixture server.
#include "test_mysql_database.hpp"

#include "ormc/database.hpp"

#include <doctest/doctest.h>

namespace {

struct MariaDbDatabase {
  static constexpr const char* kind = "mysql";
  static constexpr bool kSqlite = false;
  static constexpr bool kShared = true;
  ormc::test::MysqlTestDatabase database;
  ormc::Database open(const ormc::DatabaseOptions& options = {}) const {
    return ormc::Database::open(database.url(), options);
  }
};

}  // namespace

#define ORMC_RUNNER_FIXTURES MariaDbDatabase
#include "test_migrate_runner_body.hpp"
