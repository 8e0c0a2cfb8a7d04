// `ormc migrate diff` as users run it: the files it writes, "nothing changed", the refusal of
// destructive migrations, and orm.sum catching edited, missing, inserted and reordered files.
// What the SQL does to live databases is tested in tests/integration (test_migration_*).
#include "support/golden.hpp"
#include "support/subprocess.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <unistd.h>

namespace fs = std::filesystem;
using ormc::test::run;

namespace {

const std::string kOrmc = ORMC_BINARY;

// A fresh directory with schema.orm holding `schema`.
fs::path project(const std::string& name, const std::string& schema) {
  fs::path dir = fs::temp_directory_path() / ("ormc_migrate_" + std::to_string(::getpid())) / name;
  fs::remove_all(dir);
  fs::create_directories(dir);
  ormc::test::writeFile(dir / "schema.orm", schema);
  return dir;
}

const char* kV1 = "schema app;\nmodel Account {\n  id Int64 @id @autoincrement\n  email String(200) @unique\n  name String(100)?\n}\n";
const char* kV2 = "schema app;\nmodel Account {\n  id Int64 @id @autoincrement\n  email String(200) @unique\n  name String(100)?\n  bio Text?\n}\n";
const char* kV3 = "schema app;\nmodel Account {\n  id Int64 @id @autoincrement\n  email String(200) @unique\n  bio Text?\n}\n";

ormc::test::ProcessResult diff(const fs::path& dir, const std::string& name, bool allow = false) {
  std::vector<std::string> args{kOrmc, "migrate", "diff", "schema.orm", "--name", name};
  if (allow) args.push_back("--allow-destructive");
  return run(args, dir.string());
}

}  // namespace

TEST_CASE("migrate diff: writes a migration folder with SQL both ways for both databases, then nothing") {
  fs::path dir = project("first", kV1);
  auto first = diff(dir, "init");
  CHECK(first.status == 0);
  CHECK(first.out.find("create table account") != std::string::npos);
  std::vector<std::string> migrations;
  for (const auto& entry : fs::directory_iterator(dir / "migrations")) migrations.push_back(entry.path().filename().string());
  REQUIRE(migrations.size() == 2);  // the folder and orm.sum
  fs::path folder;
  for (const auto& entry : fs::directory_iterator(dir / "migrations")) {
    if (entry.is_directory()) folder = entry.path();
  }
  CHECK(folder.filename().string().size() == 14 + 5);  // <timestamp>_init
  for (const char* file : {"up.sqlite.sql", "up.mysql.sql", "down.sqlite.sql", "down.mysql.sql", "snapshot.json"}) {
    CHECK_MESSAGE(fs::exists(folder / file), file);
  }
  CHECK(ormc::test::readFile(folder / "up.mysql.sql").find("CREATE TABLE `account`") != std::string::npos);
  CHECK(ormc::test::readFile(folder / "down.sqlite.sql").find("DROP TABLE \"account\";") != std::string::npos);

  auto again = diff(dir, "again");
  CHECK(again.status == 0);
  CHECK(again.out.find("No changes since " + folder.filename().string() + "; nothing written.") != std::string::npos);

  ormc::test::writeFile(dir / "schema.orm", kV2);
  auto second = diff(dir, "add_bio");
  CHECK(second.status == 0);
  CHECK(second.out.find("add column account.bio") != std::string::npos);
}

TEST_CASE("migrate diff: a migration that loses data is refused unless --allow-destructive") {
  fs::path dir = project("destructive", kV2);
  REQUIRE(diff(dir, "init").status == 0);
  ormc::test::writeFile(dir / "schema.orm", kV3);
  auto refused = diff(dir, "drop_name");
  CHECK(refused.status == 2);
  CHECK(refused.err.find("this migration would lose data; nothing written") != std::string::npos);
  CHECK(refused.err.find("- drop column account.name: drops column account.name and its data") != std::string::npos);
  auto allowed = diff(dir, "drop_name", true);
  CHECK(allowed.status == 0);
  CHECK(allowed.out.find("drop column account.name  [destructive]") != std::string::npos);
}

TEST_CASE("migrate diff: a bad name is a usage error") {
  fs::path dir = project("names", kV1);
  CHECK(diff(dir, "Add-Tags").status == 2);
  CHECK(diff(dir, "9lives").status == 2);
  CHECK_FALSE(fs::exists(dir / "migrations"));
}

TEST_CASE("migrate diff: orm.sum catches edited, missing, inserted and reordered files before anything is written") {
  fs::path dir = project("sum", kV1);
  REQUIRE(diff(dir, "init").status == 0);
  ormc::test::writeFile(dir / "schema.orm", kV2);
  REQUIRE(diff(dir, "add_bio").status == 0);
  ormc::test::writeFile(dir / "schema.orm", kV3);
  fs::path migrations = dir / "migrations";
  std::vector<fs::path> folders;
  for (const auto& entry : fs::directory_iterator(migrations)) {
    if (entry.is_directory()) folders.push_back(entry.path());
  }
  std::sort(folders.begin(), folders.end());
  REQUIRE(folders.size() == 2);
  auto refusedFor = [&](const std::string& what) {
    auto r = diff(dir, "next", true);
    CHECK(r.status == 2);
    CHECK_MESSAGE(r.err.find(what) != std::string::npos, r.err);
  };

  const std::string upSql = ormc::test::readFile(folders[0] / "up.mysql.sql");
  ormc::test::writeFile(folders[0] / "up.mysql.sql", upSql + "-- a hand edit\n");
  refusedFor(folders[0].filename().string() + "/up.mysql.sql does not match orm.sum (edited");
  ormc::test::writeFile(folders[0] / "up.mysql.sql", upSql);

  fs::rename(folders[1] / "snapshot.json", dir / "kept.json");
  refusedFor(folders[1].filename().string() + "/snapshot.json is in orm.sum but missing");
  fs::rename(dir / "kept.json", folders[1] / "snapshot.json");

  fs::path inserted = migrations / "20000101000000_early";
  fs::create_directories(inserted);
  for (const char* file : {"up.sqlite.sql", "up.mysql.sql", "down.sqlite.sql", "down.mysql.sql", "snapshot.json"}) {
    fs::copy_file(folders[0] / file, inserted / file);
  }
  refusedFor("20000101000000_early/up.sqlite.sql is not where orm.sum lists");
  fs::remove_all(inserted);

  fs::rename(folders[1], migrations / "19990101000000_moved");
  refusedFor("is not where orm.sum lists");
  fs::rename(migrations / "19990101000000_moved", folders[1]);

  fs::remove(migrations / "orm.sum");
  refusedFor("orm.sum is missing");
}
