// The session on MariaDB: the shared bodies of test_session_body.hpp, each on a database of
// its own on the fixture server.
#include "test_mysql_database.hpp"

#include "ormc/database.hpp"

#include <doctest/doctest.h>

namespace {

struct MariaDbDatabase {
  static constexpr bool kShared = true;
  ormc::test::MysqlTestDatabase database;
  ormc::Database open() const { return ormc::Database::open(database.url()); }
};

}  // namespace

#define ORMC_SESSION_FIXTURES MariaDbDatabase
#include "test_session_body.hpp"
