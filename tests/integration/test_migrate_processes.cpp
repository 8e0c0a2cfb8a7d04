// `ormc migrate apply` as separate processes on one SQLite file: two at once apply each
// migration exactly once, and one killed with SIGKILL in the middle of a migration leaves the
// database entirely before it, which `ormc migrate status` reports, and a new apply finishes.
#include "support/golden.hpp"
#include "support/subprocess.hpp"
#include "test_migrate_cli_output.hpp"
#include "test_sqlite_files.hpp"

#include "ormc/database.hpp"
#include "ormc/migration_files.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <signal.h>
#include <spawn.h>
#include <string>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>
#include <vector>

extern char** environ;

namespace {

namespace fs = std::filesystem;
const std::string kOrmc = ORMC_BINARY;

// A migrations directory with `migrations` (name, SQLite SQL) and its orm.sum; the MySQL, down
// and snapshot files are placeholders (these tests run SQLite only).
fs::path directory(const std::string& label, const std::vector<std::pair<std::string, std::string>>& migrations) {
  fs::path dir = fs::temp_directory_path() / ("ormc_processes_" + std::to_string(::getpid()) + "_" + label);
  fs::remove_all(dir);
  for (const auto& [name, sql] : migrations) {
    fs::create_directories(dir / name);
    for (const char* file : ormc::migration::kMigrationFiles) ormc::test::writeFile(dir / name / file, "-- unused\n");
    ormc::test::writeFile(dir / name / "up.sqlite.sql", sql);
  }
  ormc::test::writeFile(dir / ormc::migration::kSumFile, ormc::migration::computeSum(dir));
  return dir;
}

}  // namespace

TEST_CASE("migrate apply: two processes at once apply each migration exactly once") {
  ormc::test::TempDatabaseFile file;
  const fs::path dir = directory("race", {{"20260101000000_a", "CREATE TABLE a (x INTEGER);\n"},
                                          {"20260102000000_b", "CREATE TABLE b (x INTEGER);\nINSERT INTO a VALUES (1);\n"},
                                          {"20260103000000_c", "CREATE TABLE c (x INTEGER);\n"}});
  const std::vector<std::string> args{kOrmc, "migrate", "apply", "--dir", dir.string(), "--url", "sqlite:" + file.path()};
  ormc::test::ProcessResult first, second;
  std::thread other([&] { second = ormc::test::run(args); });
  first = ormc::test::run(args);
  other.join();
  CHECK_MESSAGE(first.status == 0, first.err);
  CHECK_MESSAGE(second.status == 0, second.err);
  CHECK(ormc::test::appliedByEither(first, second) == std::vector<std::string>{"20260101000000_a", "20260102000000_b", "20260103000000_c"});
  ormc::Database db = ormc::Database::open("sqlite:" + file.path());
  CHECK(db.raw_query<std::int64_t>("SELECT COUNT(*) FROM a") == std::vector<std::int64_t>{1});
}

TEST_CASE("migrate apply: killed in the middle of a migration, the database is entirely before it") {
  ormc::test::TempDatabaseFile file;
  // The second migration writes a few million rows before it renames the table: it runs for
  // seconds, long enough to be killed in the middle.
  const fs::path dir = directory("kill", {{"20260101000000_init", "CREATE TABLE t (x INTEGER);\nINSERT INTO t VALUES (1);\n"}});
  const std::string url = "sqlite:" + file.path();
  REQUIRE(ormc::test::run({kOrmc, "migrate", "apply", "--dir", dir.string(), "--url", url}).status == 0);
  // The second migration writes millions of rows before it renames the table: it runs for
  // seconds, long enough to be killed in the middle.
  const fs::path slow = dir / "20260102000000_slow";
  fs::create_directories(slow);
  for (const char* name : ormc::migration::kMigrationFiles) ormc::test::writeFile(slow / name, "-- unused\n");
  ormc::test::writeFile(slow / "up.sqlite.sql",
                        "CREATE TABLE big (x INTEGER);\n"
                        "INSERT INTO big WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 20000000) "
                        "SELECT x FROM n;\n"
                        "ALTER TABLE t RENAME TO renamed;\n");
  ormc::test::writeFile(dir / ormc::migration::kSumFile, ormc::migration::computeSum(dir));
  std::vector<std::string> argv{kOrmc, "migrate", "apply", "--dir", dir.string(), "--url", url};
  std::vector<char*> args;
  for (std::string& arg : argv) args.push_back(arg.data());
  args.push_back(nullptr);
  pid_t child = 0;
  REQUIRE(posix_spawn(&child, kOrmc.c_str(), nullptr, nullptr, args.data(), environ) == 0);
  std::this_thread::sleep_for(std::chrono::milliseconds(700));
  ::kill(child, SIGKILL);
  int status = 0;
  ::waitpid(child, &status, 0);
  REQUIRE(WIFSIGNALED(status));  // killed, not finished

  auto state = ormc::test::run({kOrmc, "migrate", "status", "--dir", dir.string(), "--url", url});
  CHECK(state.status == 0);
  // The snapshots are placeholders, so drift cannot be checked; the status says so last.
  const std::vector<std::string> lines = ormc::test::splitLines(state.out);
  REQUIRE(lines.size() == 3);
  CHECK(lines[0] == "applied  20260101000000_init");
  CHECK(lines[1] == "pending  20260102000000_slow");
  CHECK(lines[2].rfind("drift    not checked: ", 0) == 0);
  {
    ormc::Database db = ormc::Database::open(url);
    CHECK(db.raw_query<std::int64_t>("SELECT COUNT(*) FROM sqlite_schema WHERE name IN ('big', 'renamed')") ==
          std::vector<std::int64_t>{0});
    CHECK(db.raw_query<std::int64_t>("SELECT x FROM t") == std::vector<std::int64_t>{1});
  }
  auto finish = ormc::test::run({kOrmc, "migrate", "apply", "--dir", dir.string(), "--url", url});
  CHECK(finish.status == 0);
  CHECK(ormc::test::appliedIn(finish.out) == std::vector<std::string>{"20260102000000_slow"});
  ormc::Database db = ormc::Database::open(url);
  CHECK(db.raw_query<std::int64_t>("SELECT x FROM renamed") == std::vector<std::int64_t>{1});
}
