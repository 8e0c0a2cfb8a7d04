// `ormc migrate status` reports drift, run as a process on an SQLite file as users run it: the
// migration written by `ormc migrate diff` from a schema file and applied by `ormc migrate
// apply`, then the database changed by hand, then the snapshot made unreadable.
#include "support/golden.hpp"
#include "support/subprocess.hpp"
#include "test_sqlite_files.hpp"

#include "ormc/database.hpp"
#include "ormc/migration_files.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <string>
#include <unistd.h>
#include <vector>

namespace {

namespace fs = std::filesystem;
const std::string kOrmc = ORMC_BINARY;

const char* kSchema = R"(schema app;
model Account {
  id    Int64       @id @autoincrement
  email String(200) @unique
  posts Post[]
}
model Post {
  id        Int64   @id @autoincrement
  author    Account @relation(fields: [authorId], references: [id])
  authorId  Int64
  title     String(200) @index
}
)";

ormc::test::ProcessResult ormcMigrate(const std::string& command, const fs::path& dir, const std::string& url) {
  return ormc::test::run({kOrmc, "migrate", command, "--dir", dir.string(), "--url", url});
}

}  // namespace

TEST_CASE("migrate status: drift none on a migrated database, then each change made by hand") {
  ormc::test::TempDatabaseFile file;
  const std::string url = "sqlite:" + file.path();
  const fs::path work = fs::temp_directory_path() / ("ormc_drift_cli_" + std::to_string(::getpid()));
  fs::remove_all(work);
  ormc::test::writeFile(work / "app.orm", kSchema);
  const fs::path dir = work / "migrations";
  const auto diff =
      ormc::test::run({kOrmc, "migrate", "diff", (work / "app.orm").string(), "--dir", dir.string(), "--name", "init"});
  REQUIRE_MESSAGE(diff.status == 0, diff.err);
  const std::vector<std::string> migrations = ormc::migration::listMigrations(dir);
  REQUIRE(migrations.size() == 1);
  const std::string& init = migrations[0];

  auto before = ormcMigrate("status", dir, url);
  CHECK_MESSAGE(before.status == 0, before.err);
  CHECK(before.out == "pending  " + init + "\ndrift    none (no migration applied, and the database has no tables)\n");

  REQUIRE(ormcMigrate("apply", dir, url).status == 0);
  auto clean = ormcMigrate("status", dir, url);
  CHECK_MESSAGE(clean.status == 0, clean.err);
  CHECK(clean.out == "applied  " + init + "\ndrift    none (the database matches the schema of " + init + ")\n");

  {
    ormc::Database db = ormc::Database::open(url);
    db.raw_execute("ALTER TABLE \"account\" ADD COLUMN \"nick\" TEXT");
    db.raw_execute("DROP INDEX \"post_title_idx\"");
    db.raw_execute("CREATE TABLE \"audit\" (\"x\" INTEGER)");
  }
  auto drifted = ormcMigrate("status", dir, url);
  CHECK_MESSAGE(drifted.status == 0, drifted.err);
  CHECK(drifted.out == "applied  " + init + "\n"
                       "drift    3 difference(s) from the schema of " + init + ":\n"
                       "  column \"account\".\"nick\": in the database, not in the schema\n"
                       "  table \"audit\": in the database, not in the schema\n"
                       "  index \"post_title_idx\" on \"post\": missing\n");

  // An unreadable snapshot is reported, and the migration lines and exit status stay.
  ormc::test::writeFile(dir / init / "snapshot.json", "{ not json");
  ormc::test::writeFile(dir / ormc::migration::kSumFile, ormc::migration::computeSum(dir));  // status checks it first
  auto unreadable = ormcMigrate("status", dir, url);
  CHECK_MESSAGE(unreadable.status == 0, unreadable.err);
  const std::vector<std::string> lines = ormc::test::splitLines(unreadable.out);
  REQUIRE(lines.size() == 2);
  CHECK(lines[0] == "applied  " + init);
  CHECK(lines[1].rfind("drift    not checked: " + (dir / init / "snapshot.json").string() + ": ", 0) == 0);
  fs::remove_all(work);
}
