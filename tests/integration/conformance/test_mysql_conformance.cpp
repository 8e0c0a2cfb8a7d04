// The query conformance suite (conformance_body.hpp) on MariaDB, each test case on a database of
// its own on the fixture server.
#include "test_mysql_database.hpp"

#include "ormc/database.hpp"

#include <doctest/doctest.h>

namespace {

struct MariaDbDatabase {
  ormc::test::MysqlTestDatabase database;
  ormc::Database open() const { return ormc::Database::open(database.url()); }
};

}  // namespace

#define ORMC_CONFORMANCE_FIXTURES MariaDbDatabase
#include "conformance_body.hpp"
