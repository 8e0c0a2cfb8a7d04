// Drift on MariaDB: a database of its own per test on the fixture server (test_drift_body.hpp).
// InnoDB adds an index for post's foreign key, which no index of kV1 serves: the comparison must
// not report it.
#include "test_mysql_database.hpp"

#include "ormc/database.hpp"

#include <doctest/doctest.h>

#include <string>

namespace {

struct MariaDbDatabase {
  static constexpr bool kSqlite = false;
  ormc::test::MysqlTestDatabase database;
  ormc::Database open() const { return ormc::Database::open(database.url()); }

  std::string changeColumnType(ormc::Database& db) const {
    db.raw_execute("ALTER TABLE `post` MODIFY `title` VARCHAR(100) NOT NULL");
    return R"(column "post"."title": type varchar(100) in the database, varchar(200) in the schema)";
  }
};

}  // namespace

#define ORMC_DRIFT_FIXTURES MariaDbDatabase
#include "test_drift_body.hpp"
