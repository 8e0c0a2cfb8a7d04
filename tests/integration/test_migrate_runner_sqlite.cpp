// The migration runner on SQLite: in memory, and on a file that two Databases share.
#include "test_sqlite_files.hpp"

#include "ormc/database.hpp"

#include <doctest/doctest.h>

#include <memory>
#include <string>

namespace {

struct SqliteMemory {
  static constexpr const char* kind = "sqlite";
  static constexpr bool kSqlite = true;
  static constexpr bool kShared = false;
  ormc::Database open(const ormc::DatabaseOptions& options = {}) const {
    return ormc::Database::open("sqlite::memory:", options);
  }
};

struct SqliteFile {
  static constexpr const char* kind = "sqlite";
  static constexpr bool kSqlite = true;
  static constexpr bool kShared = true;
  ormc::test::TempDatabaseFile file;
  ormc::Database open(const ormc::DatabaseOptions& options = {}) const {
    return ormc::Database::open("sqlite:" + file.path(), options);
  }
};

}  // namespace

#define ORMC_RUNNER_FIXTURES SqliteMemory, SqliteFile
#include "test_migrate_runner_body.hpp"
