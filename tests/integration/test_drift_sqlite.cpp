// Drift on SQLite, in memory (test_drift_body.hpp).
#include "ormc/database.hpp"

#include <doctest/doctest.h>

#include <string>

namespace {

struct SqliteMemory {
  static constexpr bool kSqlite = true;
  ormc::Database open() const { return ormc::Database::open("sqlite::memory:"); }

  // SQLite cannot change a column's type in place: the (empty) table is created again, as
  // kV1's DDL writes it but with `draft` REAL instead of INTEGER.
  std::string changeColumnType(ormc::Database& db) const {
    db.raw_execute("DROP TABLE \"post\"");
    db.raw_execute(
        "CREATE TABLE \"post\" (\"id\" INTEGER NOT NULL CONSTRAINT \"post_pkey\" PRIMARY KEY AUTOINCREMENT, "
        "\"author_id\" INTEGER NOT NULL, \"title\" TEXT NOT NULL CHECK (length(\"title\") <= 200), "
        "\"draft\" REAL NOT NULL DEFAULT 1, CONSTRAINT \"post_author_id_fkey\" FOREIGN KEY (\"author_id\") "
        "REFERENCES \"account\" (\"id\") ON DELETE CASCADE ON UPDATE CASCADE) STRICT");
    return R"(column "post"."draft": type REAL in the database, INTEGER in the schema)";
  }
};

}  // namespace

#define ORMC_DRIFT_FIXTURES SqliteMemory
#include "test_drift_body.hpp"
