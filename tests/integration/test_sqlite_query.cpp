// The typed query API on SQLite: the shared bodies of test_query_body.hpp in memory and in a file.
#include "test_sqlite_files.hpp"

#include "ormc/database.hpp"

#include <doctest/doctest.h>

#include <string>

namespace {

struct SqliteMemory {
  ormc::Database open() const { return ormc::Database::open("sqlite::memory:"); }
};

struct SqliteFile {
  ormc::test::TempDatabaseFile file;
  ormc::Database open() const { return ormc::Database::open("sqlite:" + file.path()); }
};

}  // namespace

#define ORMC_QUERY_FIXTURES SqliteMemory, SqliteFile
#include "test_query_body.hpp"
