// The session on SQLite: the shared bodies of test_session_body.hpp in memory and in a file.
#include "test_sqlite_files.hpp"

#include "ormc/database.hpp"

#include <doctest/doctest.h>

#include <string>

namespace {

struct SqliteMemory {
  static constexpr bool kShared = false;
  ormc::Database open() const { return ormc::Database::open("sqlite::memory:"); }
};

struct SqliteFile {
  static constexpr bool kShared = true;
  ormc::test::TempDatabaseFile file;
  ormc::Database open() const { return ormc::Database::open("sqlite:" + file.path()); }
};

}  // namespace

#define ORMC_SESSION_FIXTURES SqliteMemory, SqliteFile
#include "test_session_body.hpp"
