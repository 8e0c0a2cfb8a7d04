// The query conformance suite (conformance_body.hpp) on SQLite, in memory and in a file.
#include "test_sqlite_files.hpp"

#include "ormc/database.hpp"

#include <doctest/doctest.h>

namespace {

struct SqliteMemory {
  ormc::Database open() const { return ormc::Database::open("sqlite::memory:"); }
};

struct SqliteFile {
  ormc::test::TempDatabaseFile file;
  ormc::Database open() const { return ormc::Database::open("sqlite:" + file.path()); }
};

}  // namespace

#define ORMC_CONFORMANCE_FIXTURES SqliteMemory, SqliteFile
#include "conformance_body.hpp"
