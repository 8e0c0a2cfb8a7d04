// The migration runner (ormc::migrate, migrate.hpp) on live databases: migrations written by
// the same code as `ormc migrate diff`, applied in order and once, recorded in orm_migrations,
// refused when a file no longer matches, and, on MySQL, a statement failing half way recorded
// and resumed. The including file defines ORMC_RUNNER_FIXTURES; each fixture has
// `ormc::Database open()` (every call reaches the same database), `kind` and `kShared` (two
// Databases can reach it at once).
#pragma once

#include <doctest/doctest.h>

#include "migrate/directory.hpp"
#include "ormc/database.hpp"
#include "ormc/error.hpp"
#include "ormc/migrate.hpp"
#include "ormc/migration_files.hpp"
#include "support/golden.hpp"
#include "test_migration_schemas.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <filesystem>
#include <string>
#include <thread>
#include <tuple>
#include <unistd.h>
#include <vector>

namespace ormc::test::runner {

namespace fs = std::filesystem;

// An empty migrations directory of its own.
inline fs::path freshDirectory(const std::string& label) {
  static std::atomic<int> counter{0};
  fs::path dir = fs::temp_directory_path() /
                 ("ormc_runner_" + std::to_string(::getpid()) + "_" + std::to_string(counter++) + "_" + label);
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

// Writes the migration to `after` as `ormc migrate diff` would; returns its folder name.
inline std::string write(const fs::path& dir, const std::string& name, const ir::Schema& before, const ir::Schema& after,
                         const std::string& stamp) {
  return migration::writeMigration(dir, name, stamp, before, after, migration::diff(before, after));
}

inline void rewriteSum(const fs::path& dir) { writeFile(dir / migration::kSumFile, migration::computeSum(dir)); }

}  // namespace ormc::test::runner

TEST_CASE_TEMPLATE("migrate applies pending migrations in order, once, and keeps the rows", F, ORMC_RUNNER_FIXTURES) {
  using namespace ormc::test::runner;
  using namespace ormc::test::migrations;
  F f;
  ormc::Database db = f.open();
  const fs::path dir = freshDirectory("order");
  const ormc::ir::Schema v1 = ormc::test::compileSchema(kV1), v2 = ormc::test::compileSchema(kV2), v3 = ormc::test::compileSchema(kV3);
  const std::string first = write(dir, "init", {}, v1, "20260101000000");
  CHECK(ormc::migrate(db, dir) == std::vector<std::string>{first});
  db.raw_execute("INSERT INTO account (email, name, karma) VALUES (?, ?, ?)", "ada@example.com", "Ada", 10);
  db.raw_execute("INSERT INTO account (email, karma) VALUES (?, ?)", "anon@example.com", 3);

  const std::string second = write(dir, "rename_account", v1, v2, "20260102000000");
  const std::string third = write(dir, "require_name", v2, v3, "20260103000000");
  CHECK(ormc::migrate(db, dir) == std::vector<std::string>{second, third});
  CHECK(ormc::migrate(db, dir).empty());
  using Row = std::tuple<std::string, std::string, std::int64_t>;
  CHECK(db.raw_query<Row>("SELECT email, full_name, karma FROM member ORDER BY id") ==
        std::vector<Row>{{"ada@example.com", "Ada", 10}, {"anon@example.com", "anonymous", 3}});
  CHECK(db.raw_query<std::string>("SELECT name FROM orm_migrations ORDER BY name") ==
        std::vector<std::string>{first, second, third});
  std::vector<ormc::MigrationInfo> status = ormc::migrationStatus(db, dir);
  REQUIRE(status.size() == 3);
  for (const ormc::MigrationInfo& info : status) CHECK(info.state == ormc::MigrationState::Applied);

  // An applied migration edited afterwards (orm.sum rewritten to match) stops apply, by name.
  const std::string file = std::string("up.") + F::kind + ".sql";
  const std::string original = ormc::test::readFile(dir / second / file);
  ormc::test::writeFile(dir / second / file, original + "-- edited\n");
  rewriteSum(dir);
  CHECK_THROWS_WITH_AS(ormc::migrate(db, dir),
                       doctest::Contains(("migration " + second + " was edited after it was applied").c_str()),
                       ormc::MigrationError);
  // A file that no longer matches orm.sum: nothing runs at all.
  ormc::test::writeFile(dir / second / file, original);
  CHECK_THROWS_WITH_AS(ormc::migrate(db, dir), doctest::Contains("does not match its orm.sum"), ormc::MigrationError);
  // Status and resolve read the same files: they refuse as well rather than report on them.
  CHECK_THROWS_WITH_AS(ormc::migrationStatus(db, dir), doctest::Contains("its status cannot be trusted"),
                       ormc::MigrationError);
  CHECK_THROWS_WITH_AS(ormc::resolveMigration(db, dir, second, true), doctest::Contains("nothing was resolved"),
                       ormc::MigrationError);
  rewriteSum(dir);
  CHECK(ormc::migrate(db, dir).empty());
  CHECK_THROWS_WITH_AS(ormc::resolveMigration(db, dir, "20260109000000_nowhere", false),
                       doctest::Contains("there is no migration 20260109000000_nowhere"), ormc::MigrationError);
}

TEST_CASE_TEMPLATE("migrate reports each migration as it is applied, also those before one that fails", F,
                   ORMC_RUNNER_FIXTURES) {
  using namespace ormc::test::runner;
  using namespace ormc::test::migrations;
  F f;
  ormc::Database db = f.open();
  const fs::path dir = freshDirectory("progress");
  const ormc::ir::Schema v1 = ormc::test::compileSchema(kV1), v2 = ormc::test::compileSchema(kV2);
  const std::string first = write(dir, "init", {}, v1, "20260101000000");
  const std::string second = write(dir, "rename_account", v1, v2, "20260102000000");
  const std::string file = std::string("up.") + F::kind + ".sql";
  ormc::test::writeFile(dir / second / file, ormc::test::readFile(dir / second / file) + "INSERT INTO nowhere (x) VALUES (1);\n");
  rewriteSum(dir);
  std::vector<std::string> reported;
  ormc::MigrateOptions options;
  options.onApplied = [&](const std::string& name) { reported.push_back(name); };
  CHECK_THROWS_AS(ormc::migrate(db, dir, options), ormc::MigrationError);
  CHECK(reported == std::vector<std::string>{first});
}

TEST_CASE_TEMPLATE("a migration failing half way is all undone (SQLite) or recorded and resumed (MySQL)", F,
                   ORMC_RUNNER_FIXTURES) {
  using namespace ormc::test::runner;
  using namespace ormc::test::migrations;
  F f;
  ormc::Database db = f.open();
  const fs::path dir = freshDirectory("failing");
  const ormc::ir::Schema v1 = ormc::test::compileSchema(kV1), v2 = ormc::test::compileSchema(kV2);
  write(dir, "init", {}, v1, "20260101000000");
  REQUIRE(ormc::migrate(db, dir).size() == 1);
  db.raw_execute("INSERT INTO account (email, name) VALUES (?, ?)", "ada@example.com", "Ada");
  const std::string second = write(dir, "rename_account", v1, v2, "20260102000000");
  // A statement that fails, at the end: everything before it has run when it fails.
  const std::string file = std::string("up.") + F::kind + ".sql";
  const std::string original = ormc::test::readFile(dir / second / file);
  ormc::test::writeFile(dir / second / file, original + "INSERT INTO later_table (x) VALUES (1);\n");
  rewriteSum(dir);
  const std::size_t statements = ormc::migration::parseScript(ormc::test::readFile(dir / second / file)).statements.size();
  CHECK_THROWS_WITH_AS(ormc::migrate(db, dir),
                       doctest::Contains(("failed at statement " + std::to_string(statements) + " of " +
                                          std::to_string(statements))
                                             .c_str()),
                       ormc::MigrationError);
  std::vector<ormc::MigrationInfo> status = ormc::migrationStatus(db, dir);
  REQUIRE(status.size() == 2);
  if constexpr (F::kSqlite) {
    // One transaction: the table is still `account` with its row, and nothing is recorded.
    CHECK(status[1].state == ormc::MigrationState::Pending);
    CHECK(db.raw_query<std::string>("SELECT name FROM account") == std::vector<std::string>{"Ada"});
    CHECK(db.raw_query<std::int64_t>("SELECT COUNT(*) FROM orm_migrations") == std::vector<std::int64_t>{1});
  } else {
    CHECK(status[1].state == ormc::MigrationState::Failed);
    CHECK(status[1].appliedStatements == static_cast<std::int64_t>(statements - 1));
    CHECK(status[1].error.find("later_table") != std::string::npos);
    // Changing a statement that already ran is refused...
    ormc::test::writeFile(dir / second / file, "-- changed\nSELECT 1;\n" + ormc::test::readFile(dir / second / file));
    rewriteSum(dir);
    CHECK_THROWS_WITH_AS(ormc::migrate(db, dir), doctest::Contains("those statements have changed"), ormc::MigrationError);
    ormc::test::writeFile(dir / second / file, original + "INSERT INTO later_table (x) VALUES (1);\n");
    rewriteSum(dir);
  }
  // Fixing the cause and applying again finishes the migration (MySQL resumes at the failed
  // statement; SQLite runs it whole).
  db.raw_execute("CREATE TABLE later_table (x INT)");
  CHECK(ormc::migrate(db, dir) == std::vector<std::string>{second});
  CHECK(db.raw_query<std::string>("SELECT full_name FROM member") == std::vector<std::string>{"Ada"});
  CHECK(db.raw_query<std::int64_t>("SELECT COUNT(*) FROM later_table") == std::vector<std::int64_t>{1});
  CHECK(ormc::migrationStatus(db, dir)[1].state == ormc::MigrationState::Applied);
}

TEST_CASE_TEMPLATE("two migrators at once: each migration is applied exactly once", F, ORMC_RUNNER_FIXTURES) {
  using namespace ormc::test::runner;
  using namespace ormc::test::migrations;
  if constexpr (!F::kShared) return;  // an in-memory database has one connection
  F f;
  const fs::path dir = freshDirectory("race");
  const ormc::ir::Schema v1 = ormc::test::compileSchema(kV1), v2 = ormc::test::compileSchema(kV2), v3 = ormc::test::compileSchema(kV3);
  write(dir, "init", {}, v1, "20260101000000");
  write(dir, "rename_account", v1, v2, "20260102000000");
  write(dir, "require_name", v2, v3, "20260103000000");
  ormc::Database a = f.open(), b = f.open();
  std::vector<std::string> byA, byB;
  std::thread other([&] { byB = ormc::migrate(b, dir); });
  byA = ormc::migrate(a, dir);
  other.join();
  std::vector<std::string> all = byA;
  all.insert(all.end(), byB.begin(), byB.end());
  std::sort(all.begin(), all.end());
  CHECK(all.size() == 3);
  CHECK(std::adjacent_find(all.begin(), all.end()) == all.end());
  CHECK(a.raw_query<std::int64_t>("SELECT COUNT(*) FROM orm_migrations WHERE status = 'applied'") ==
        std::vector<std::int64_t>{3});
}

TEST_CASE_TEMPLATE("a migrator that cannot get the lock gives up with a clear message and applies nothing", F,
                   ORMC_RUNNER_FIXTURES) {
  using namespace ormc::test::runner;
  using namespace ormc::test::migrations;
  if constexpr (!F::kShared) return;  // an in-memory database has one connection
  F f;
  const fs::path dir = freshDirectory("lock");
  const std::string name = write(dir, "init", {}, ormc::test::compileSchema(kV1), "20260101000000");
  ormc::DatabaseOptions impatient;
  impatient.busyTimeout = std::chrono::milliseconds(100);
  ormc::Database migrator = f.open(impatient);
  {
    ormc::Database holder = f.open();
    if constexpr (F::kSqlite) {
      ormc::Transaction write = holder.transaction();  // BEGIN IMMEDIATE: the write lock
      CHECK_THROWS_WITH_AS(ormc::migrate(migrator, dir), doctest::Contains("another migrator (or another writer) holds"),
                           ormc::MigrationError);
      CHECK_THROWS_WITH_AS(ormc::resolveMigration(migrator, dir, name, false),
                           doctest::Contains("another migrator (or another writer) holds"), ormc::MigrationError);
    } else {
      REQUIRE(holder.raw_query<std::int64_t>("SELECT GET_LOCK(CONCAT('ormc_migrate_', SHA1(DATABASE())), 0)") == std::vector<std::int64_t>{1});
      ormc::MigrateOptions options;
      options.lockTimeout = std::chrono::seconds(1);
      CHECK_THROWS_WITH_AS(ormc::migrate(migrator, dir, options), doctest::Contains("another migrator holds the lock"),
                           ormc::MigrationError);
      CHECK_THROWS_WITH_AS(ormc::resolveMigration(migrator, dir, name, false, options),
                           doctest::Contains("nothing was resolved"), ormc::MigrationError);
    }
  }  // the holder's lock ends with it
  CHECK(ormc::migrationStatus(migrator, dir).at(0).state == ormc::MigrationState::Pending);
  CHECK(ormc::migrate(migrator, dir).size() == 1);
}
