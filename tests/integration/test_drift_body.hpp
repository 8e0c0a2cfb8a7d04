// Drift (ormc::readCatalog, compareCatalogs and migration::expectedCatalog) on live databases:
// after migrations written by the same code as `ormc migrate diff` and applied by the runner,
// the live catalog matches the last snapshot exactly; after changes made by hand, exactly those
// changes are listed. The including file defines ORMC_DRIFT_FIXTURES; each fixture has
// `ormc::Database open()`, `kSqlite`, and `changeColumnType(db)`, which changes one column's
// type of kV1's tables by hand and returns the line that change must give.
#pragma once

#include <doctest/doctest.h>

#include "emit/sql/dialect.hpp"
#include "ir/ir_json.hpp"
#include "migrate/diff.hpp"
#include "migrate/directory.hpp"
#include "migrate/expected_catalog.hpp"
#include "ormc/catalog.hpp"
#include "ormc/database.hpp"
#include "ormc/migrate.hpp"
#include "ormc/migration_files.hpp"
#include "support/golden.hpp"
#include "test_migration_schemas.hpp"

#include <atomic>
#include <filesystem>
#include <string>
#include <system_error>
#include <unistd.h>
#include <vector>

namespace ormc::test::drift {

namespace fs = std::filesystem;
using Lines = std::vector<std::string>;

// An empty migrations directory of its own, removed when the test ends.
class TempDirectory {
 public:
  explicit TempDirectory(const std::string& label) {
    static std::atomic<int> counter{0};
    path_ = fs::temp_directory_path() /
            ("ormc_drift_" + std::to_string(::getpid()) + "_" + std::to_string(counter++) + "_" + label);
    fs::remove_all(path_);
    fs::create_directories(path_);
  }
  ~TempDirectory() {
    std::error_code ignored;
    fs::remove_all(path_, ignored);
  }
  TempDirectory(const TempDirectory&) = delete;
  TempDirectory& operator=(const TempDirectory&) = delete;
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

// Writes the migration to `after` as `ormc migrate diff` would; returns its folder name.
inline std::string write(const fs::path& dir, const std::string& name, const ir::Schema& before, const ir::Schema& after,
                         const std::string& stamp) {
  return migration::writeMigration(dir, name, stamp, before, after, migration::diff(before, after));
}

// The live catalog of `db` against the snapshot file of migration `name`, as `status` compares
// them.
inline Lines driftFrom(Database& db, const fs::path& dir, const std::string& name) {
  const ir::Schema snapshot = ir::fromJson(nlohmann::ordered_json::parse(readFile(dir / name / "snapshot.json")));
  const DialectKind kind = db.dialect().kind();
  const emit::sql::Dialect& dialect = kind == DialectKind::Sqlite ? emit::sql::sqliteDialect() : emit::sql::mysqlDialect();
  return compareCatalogs(migration::expectedCatalog(snapshot, dialect), readCatalog(db), kind);
}

// The lines as one text, so that a failed CHECK shows them.
inline std::string text(const Lines& lines) {
  std::string out;
  for (const std::string& line : lines) out += line + "\n";
  return out;
}

inline std::vector<std::string> tableNames(const DatabaseCatalog& catalog) {
  std::vector<std::string> names;
  for (const CatalogTable& table : catalog.tables) names.push_back(table.name);
  return names;
}

}  // namespace ormc::test::drift

TEST_CASE_TEMPLATE("drift: after each migration applied, the live catalog matches its snapshot", F, ORMC_DRIFT_FIXTURES) {
  using namespace ormc::test::drift;
  using namespace ormc::test::migrations;
  F f;
  ormc::Database db = f.open();
  const TempDirectory temp("chain");
  const fs::path& dir = temp.path();
  CHECK(ormc::readCatalog(db).tables.empty());
  const ormc::ir::Schema v1 = ormc::test::compileSchema(kV1), v2 = ormc::test::compileSchema(kV2),
                         v3 = ormc::test::compileSchema(kV3);
  const std::string first = write(dir, "init", {}, v1, "20260101000000");
  REQUIRE(ormc::migrate(db, dir).size() == 1);
  // The history table is ormc's, not the schema's; a catalog that sees only these two tables
  // and still compares equal below is a catalog that read them.
  CHECK(tableNames(ormc::readCatalog(db)) == Lines{"account", "post"});
  CHECK(text(driftFrom(db, dir, first)) == "");
  // v2 renames a table and a column, widens and adds columns, adds an index (a table rebuild
  // on SQLite); v3 makes a column required and adds a check.
  const std::string second = write(dir, "rename_account", v1, v2, "20260102000000");
  REQUIRE(ormc::migrate(db, dir).size() == 1);
  CHECK(text(driftFrom(db, dir, second)) == "");
  const std::string third = write(dir, "require_name", v2, v3, "20260103000000");
  REQUIRE(ormc::migrate(db, dir).size() == 1);
  CHECK(text(driftFrom(db, dir, third)) == "");
  // Compared with an older snapshot, the live catalog does differ: the comparison is not blind.
  CHECK(text(driftFrom(db, dir, first)) != "");
}

TEST_CASE_TEMPLATE("drift: schemas/shop.orm created by one migration matches its snapshot", F, ORMC_DRIFT_FIXTURES) {
  using namespace ormc::test::drift;
  F f;
  ormc::Database db = f.open();
  const TempDirectory temp("shop");
  const fs::path& dir = temp.path();
  const ormc::test::Analysis shop =
      ormc::test::analyzeFiles({{"shop.orm", ormc::test::readFile(fs::path(ORMC_SOURCE_DIR) / "schemas" / "shop.orm")}});
  INFO(shop.diagnostics);
  REQUIRE(shop.schema);
  const std::string init = write(dir, "init", {}, *shop.schema, "20260101000000");
  REQUIRE(ormc::migrate(db, dir).size() == 1);
  const ormc::DatabaseCatalog live = ormc::readCatalog(db);
  CHECK(live.tables.size() == shop.schema->entities.size());
  CHECK(text(driftFrom(db, dir, init)) == "");
}

TEST_CASE_TEMPLATE("drift: changes made by hand are listed, exactly those", F, ORMC_DRIFT_FIXTURES) {
  using namespace ormc::test::drift;
  using namespace ormc::test::migrations;
  F f;
  ormc::Database db = f.open();
  const TempDirectory temp("by_hand");
  const fs::path& dir = temp.path();
  const std::string init = write(dir, "init", {}, ormc::test::compileSchema(kV1), "20260101000000");
  REQUIRE(ormc::migrate(db, dir).size() == 1);
  REQUIRE(text(driftFrom(db, dir, init)) == "");

  const std::string q = F::kSqlite ? "\"" : "`";
  db.raw_execute("ALTER TABLE " + q + "account" + q + " ADD COLUMN " + q + "nick" + q + " TEXT");
  if constexpr (F::kSqlite) {
    db.raw_execute("DROP INDEX \"account_email_key\"");
  } else {
    db.raw_execute("ALTER TABLE `account` DROP INDEX `account_email_key`");
  }
  db.raw_execute("CREATE TABLE " + q + "audit" + q + " (" + q + "x" + q + " INTEGER)");
  const std::string typeChange = f.changeColumnType(db);
  CHECK(text(driftFrom(db, dir, init)) == text({
                                        R"(column "account"."nick": in the database, not in the schema)",
                                        R"(index "account_email_key" on "account": missing)",
                                        R"(table "audit": in the database, not in the schema)",
                                        typeChange,
                                    }));
  // Undone by hand, one by one, each line goes.
  db.raw_execute("DROP TABLE " + q + "audit" + q);
  CHECK(text(driftFrom(db, dir, init)) == text({
                                        R"(column "account"."nick": in the database, not in the schema)",
                                        R"(index "account_email_key" on "account": missing)",
                                        typeChange,
                                    }));
  db.raw_execute("CREATE UNIQUE INDEX " + q + "account_email_key" + q + " ON " + q + "account" + q + " (" + q + "email" + q +
                 ")");
  CHECK(text(driftFrom(db, dir, init)) == text({
                                        R"(column "account"."nick": in the database, not in the schema)",
                                        typeChange,
                                    }));
}
