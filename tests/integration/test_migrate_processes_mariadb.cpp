// `ormc migrate` as separate processes on the test MariaDB server. MySQL commits DDL at once, so
// a statement failing in the middle of a migration leaves the statements before it applied:
// `apply` must say which statement failed, `status` must show the migration FAILED, and each way
// out (fix the cause and apply again, `resolve --rolled-back`, `resolve --applied`) must leave
// the database and its history consistent, while an edited applied statement is refused. And two
// processes applying at once on one database apply each migration exactly once (GET_LOCK).
#include "support/golden.hpp"
#include "support/subprocess.hpp"
#include "test_migrate_cli_output.hpp"
#include "test_mysql_database.hpp"

#include "ormc/database.hpp"
#include "ormc/migration_files.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <string>
#include <system_error>
#include <thread>
#include <unistd.h>
#include <utility>
#include <vector>

namespace {

namespace fs = std::filesystem;
const std::string kOrmc = ORMC_BINARY;

const std::string kInit = "20260101000000_init";
const std::string kAudit = "20260102000000_audit";
const std::string kInitSql = "CREATE TABLE account (name VARCHAR(50) NOT NULL);\n";
// Statement 2 alters a table nobody created, so it fails after statement 1 has inserted its row.
// account has no key on purpose: a statement 1 run twice shows as a second row, not an error.
const std::string kAuditSql =
    "INSERT INTO account (name) VALUES ('ada');\n"
    "ALTER TABLE audit ADD COLUMN note VARCHAR(50) NULL;\n"
    "INSERT INTO audit (account, note) VALUES ('ada', 'created');\n";

// A migrations directory with `migrations` (name, MySQL SQL) and its orm.sum; the SQLite, down
// and snapshot files are placeholders (these tests run MySQL only). Removed at the end.
class MigrationsDirectory {
 public:
  MigrationsDirectory(const std::string& label, const std::vector<std::pair<std::string, std::string>>& migrations)
      : path_(fs::temp_directory_path() / ("ormc_processes_mariadb_" + std::to_string(::getpid()) + "_" + label)) {
    fs::remove_all(path_);
    for (const auto& [name, sql] : migrations) write(name, sql);
  }
  ~MigrationsDirectory() {
    std::error_code ignored;
    fs::remove_all(path_, ignored);
  }
  MigrationsDirectory(const MigrationsDirectory&) = delete;
  MigrationsDirectory& operator=(const MigrationsDirectory&) = delete;

  // Writes (or rewrites) migration `name` and orm.sum, as if `ormc migrate diff` had.
  void write(const std::string& name, const std::string& mysqlSql) {
    fs::create_directories(path_ / name);
    for (const char* file : ormc::migration::kMigrationFiles) ormc::test::writeFile(path_ / name / file, "-- unused\n");
    ormc::test::writeFile(path_ / name / "up.mysql.sql", mysqlSql);
    ormc::test::writeFile(path_ / ormc::migration::kSumFile, ormc::migration::computeSum(path_));
  }
  std::string string() const { return path_.string(); }

 private:
  fs::path path_;
};

std::string percentEncoded(const std::string& text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (const unsigned char c : text) {
    const bool unreserved = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
                            c == '_' || c == '.' || c == '~';
    if (unreserved) {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 0xF];
    }
  }
  return out;
}

// The --url the CLI takes for the test database (url.hpp has no way back from DatabaseUrl).
std::string cliUrl(const ormc::test::MysqlTestDatabase& database) {
  const ormc::DatabaseUrl& url = database.url();
  std::string text = "mysql://" + percentEncoded(url.user) + ":" + percentEncoded(url.password) + "@" + url.host + ":" +
                     std::to_string(url.port) + "/" + percentEncoded(url.database);
  if (!url.socket.empty()) text += "?socket=" + percentEncoded(url.socket);
  return text;
}

// `ormc migrate <command...> --dir DIR --url URL`.
ormc::test::ProcessResult ormcMigrate(const std::vector<std::string>& command, const MigrationsDirectory& dir,
                                      const std::string& url) {
  std::vector<std::string> argv{kOrmc, "migrate"};
  argv.insert(argv.end(), command.begin(), command.end());
  argv.insert(argv.end(), {"--dir", dir.string(), "--url", url});
  return ormc::test::run(argv);
}

// The line `ormc migrate status` prints for migration `name` ("<state>  <name>[  <details>]"),
// or "" if there is none. Only that line: later sections of the output are not this test's.
std::string statusLine(const std::string& output, const std::string& name) {
  for (const std::string& line : ormc::test::splitLines(output)) {
    const std::size_t gap = line.find("  ");
    if (gap == std::string::npos || line.compare(gap + 2, name.size(), name) != 0) continue;
    const std::size_t end = gap + 2 + name.size();
    if (end == line.size() || line[end] == ' ') return line;
  }
  return {};
}

bool startsWith(const std::string& text, const std::string& prefix) { return text.rfind(prefix, 0) == 0; }
bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

std::int64_t count(ormc::Database& db, const std::string& sql) {
  const std::vector<std::int64_t> rows = db.raw_query<std::int64_t>(sql);
  REQUIRE(rows.size() == 1);
  return rows[0];
}

std::int64_t tablesNamed(ormc::Database& db, const std::string& table) {
  return db.raw_query<std::int64_t>(
      "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name = ?", table)[0];
}

// Applies init and audit to a fresh database: audit fails at its statement 2 with statement 1
// applied. Checks what apply and status say about it and what the database holds.
void failAuditAtStatement2(const MigrationsDirectory& dir, const std::string& url, ormc::Database& db) {
  const auto apply = ormcMigrate({"apply"}, dir, url);
  REQUIRE_MESSAGE(apply.status != 0, apply.out);
  CHECK_MESSAGE(contains(apply.err, "migration " + kAudit + " failed at statement 2 of 3"), apply.err);
  CHECK(ormc::test::appliedIn(apply.out) == std::vector<std::string>{kInit});  // committed in this run, before the failure

  // For review: what is left of the failed migration, from its failed statement on.
  const auto sql = ormcMigrate({"sql"}, dir, url);
  CHECK_MESSAGE(sql.status == 0, sql.err);
  CHECK(sql.out == "-- " + kAudit + ": failed after 1 of 3 statements; these remain\n"
                   "ALTER TABLE audit ADD COLUMN note VARCHAR(50) NULL;\n"
                   "INSERT INTO audit (account, note) VALUES ('ada', 'created');\n");

  const auto status = ormcMigrate({"status"}, dir, url);
  CHECK_MESSAGE(status.status == 0, status.err);
  CHECK(statusLine(status.out, kInit) == "applied  " + kInit);
  const std::string audit = statusLine(status.out, kAudit);
  CHECK_MESSAGE(startsWith(audit, "FAILED  " + kAudit + "  after 1 statement(s): statement 2 of 3: ALTER TABLE audit"),
                audit);
  CHECK_MESSAGE(contains(audit, "(error 1146)"), audit);  // ER_NO_SUCH_TABLE: the server's own error is kept

  CHECK(count(db, "SELECT COUNT(*) FROM account WHERE name = 'ada'") == 1);
  CHECK(tablesNamed(db, "audit") == 0);
}

}  // namespace

TEST_CASE("migrate apply (MariaDB): a failed statement is reported, and applying again once its cause is fixed resumes at it") {
  ormc::test::MysqlTestDatabase database;
  const std::string url = cliUrl(database);
  ormc::Database db = ormc::Database::open(database.url());
  MigrationsDirectory dir("resume", {{kInit, kInitSql}, {kAudit, kAuditSql}});
  failAuditAtStatement2(dir, url, db);

  db.raw_execute("CREATE TABLE audit (account VARCHAR(50) NOT NULL)");
  const auto resumed = ormcMigrate({"apply"}, dir, url);
  CHECK_MESSAGE(resumed.status == 0, resumed.err);
  CHECK(ormc::test::appliedIn(resumed.out) == std::vector<std::string>{kAudit});
  CHECK(count(db, "SELECT COUNT(*) FROM account") == 1);  // statement 1 did not run again
  CHECK(count(db, "SELECT COUNT(*) FROM audit WHERE account = 'ada' AND note = 'created'") == 1);

  const auto status = ormcMigrate({"status"}, dir, url);
  CHECK_MESSAGE(status.status == 0, status.err);
  CHECK(statusLine(status.out, kInit) == "applied  " + kInit);
  CHECK(statusLine(status.out, kAudit) == "applied  " + kAudit);
}

TEST_CASE("migrate resolve --rolled-back (MariaDB): after undoing a failed migration by hand it is pending again") {
  ormc::test::MysqlTestDatabase database;
  const std::string url = cliUrl(database);
  ormc::Database db = ormc::Database::open(database.url());
  MigrationsDirectory dir("rolled_back", {{kInit, kInitSql}, {kAudit, kAuditSql}});
  failAuditAtStatement2(dir, url, db);

  db.raw_execute("DELETE FROM account WHERE name = 'ada'");
  const auto resolve = ormcMigrate({"resolve", "--rolled-back", kAudit}, dir, url);
  CHECK_MESSAGE(resolve.status == 0, resolve.err);
  const auto status = ormcMigrate({"status"}, dir, url);
  CHECK(statusLine(status.out, kInit) == "applied  " + kInit);
  CHECK(statusLine(status.out, kAudit) == "pending  " + kAudit);

  // Pending means from the start: with the cause fixed, statement 1 runs again, once.
  db.raw_execute("CREATE TABLE audit (account VARCHAR(50) NOT NULL)");
  const auto apply = ormcMigrate({"apply"}, dir, url);
  CHECK_MESSAGE(apply.status == 0, apply.err);
  CHECK(ormc::test::appliedIn(apply.out) == std::vector<std::string>{kAudit});
  CHECK(count(db, "SELECT COUNT(*) FROM account WHERE name = 'ada'") == 1);
  CHECK(count(db, "SELECT COUNT(*) FROM audit") == 1);
}

TEST_CASE("migrate resolve --applied (MariaDB): after finishing a failed migration by hand apply runs nothing of it") {
  ormc::test::MysqlTestDatabase database;
  const std::string url = cliUrl(database);
  ormc::Database db = ormc::Database::open(database.url());
  MigrationsDirectory dir("applied", {{kInit, kInitSql}, {kAudit, kAuditSql}});
  failAuditAtStatement2(dir, url, db);

  // Statements 2 and 3 by hand, in a form of one's own.
  db.raw_execute("CREATE TABLE audit (account VARCHAR(50) NOT NULL, note VARCHAR(50) NULL)");
  db.raw_execute("INSERT INTO audit (account, note) VALUES ('ada', 'by hand')");
  const auto resolve = ormcMigrate({"resolve", "--applied", kAudit}, dir, url);
  CHECK_MESSAGE(resolve.status == 0, resolve.err);
  const auto status = ormcMigrate({"status"}, dir, url);
  CHECK(statusLine(status.out, kInit) == "applied  " + kInit);
  CHECK(statusLine(status.out, kAudit) == "applied  " + kAudit);

  const auto apply = ormcMigrate({"apply"}, dir, url);
  CHECK_MESSAGE(apply.status == 0, apply.err);
  CHECK(ormc::test::appliedIn(apply.out) == std::vector<std::string>{});
  CHECK(contains(apply.out, "Nothing to apply"));
  CHECK(count(db, "SELECT COUNT(*) FROM account") == 1);
  CHECK(count(db, "SELECT COUNT(*) FROM audit") == 1);  // statement 3 did not run
}

TEST_CASE("migrate apply (MariaDB): a failed migration whose applied statement was edited is refused") {
  ormc::test::MysqlTestDatabase database;
  const std::string url = cliUrl(database);
  ormc::Database db = ormc::Database::open(database.url());
  MigrationsDirectory dir("edited", {{kInit, kInitSql}, {kAudit, kAuditSql}});
  failAuditAtStatement2(dir, url, db);
  db.raw_execute("CREATE TABLE audit (account VARCHAR(50) NOT NULL)");

  dir.write(kAudit,
            "INSERT INTO account (name) VALUES ('grace');\n"
            "ALTER TABLE audit ADD COLUMN note VARCHAR(50) NULL;\n"
            "INSERT INTO audit (account, note) VALUES ('grace', 'created');\n");
  const auto refused = ormcMigrate({"apply"}, dir, url);
  CHECK(refused.status != 0);
  CHECK_MESSAGE(contains(refused.err, "migration " + kAudit + " failed earlier after 1 statements"), refused.err);
  CHECK_MESSAGE(contains(refused.err, "changed"), refused.err);
  CHECK(count(db, "SELECT COUNT(*) FROM account WHERE name = 'grace'") == 0);
  CHECK(count(db, "SELECT COUNT(*) FROM information_schema.columns WHERE table_schema = DATABASE() AND "
                  "table_name = 'audit' AND column_name = 'note'") == 0);
  const auto status = ormcMigrate({"status"}, dir, url);
  CHECK(startsWith(statusLine(status.out, kAudit), "FAILED  " + kAudit + "  after 1 statement(s): statement 2 of 3"));

  // Only statements that ran are held to their hashes: the failed one and those after it may be
  // edited, which is one way of fixing the cause.
  dir.write(kAudit,
            "INSERT INTO account (name) VALUES ('ada');\n"
            "ALTER TABLE audit ADD COLUMN note VARCHAR(80) NULL;\n"
            "INSERT INTO audit (account, note) VALUES ('ada', 'edited');\n");
  const auto resumed = ormcMigrate({"apply"}, dir, url);
  CHECK_MESSAGE(resumed.status == 0, resumed.err);
  CHECK(ormc::test::appliedIn(resumed.out) == std::vector<std::string>{kAudit});
  CHECK(count(db, "SELECT COUNT(*) FROM account") == 1);
  CHECK(count(db, "SELECT COUNT(*) FROM audit WHERE note = 'edited'") == 1);
}

TEST_CASE("migrate apply (MariaDB): two processes at once apply each migration exactly once") {
  ormc::test::MysqlTestDatabase database;
  const std::string url = cliUrl(database);
  MigrationsDirectory dir("race", {{"20260101000000_a", "CREATE TABLE a (x INT);\n"},
                                   {"20260102000000_b", "CREATE TABLE b (x INT);\nINSERT INTO a VALUES (1);\n"},
                                   {"20260103000000_c", "CREATE TABLE c (x INT);\n"}});
  ormc::test::ProcessResult first, second;
  std::thread other([&] { second = ormcMigrate({"apply"}, dir, url); });
  first = ormcMigrate({"apply"}, dir, url);
  other.join();
  CHECK_MESSAGE(first.status == 0, first.err);
  CHECK_MESSAGE(second.status == 0, second.err);
  CHECK(ormc::test::appliedByEither(first, second) == std::vector<std::string>{"20260101000000_a", "20260102000000_b", "20260103000000_c"});
  ormc::Database db = ormc::Database::open(database.url());
  CHECK(count(db, "SELECT COUNT(*) FROM a") == 1);
}
