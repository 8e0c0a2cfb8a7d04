// The runtime's SQLite backend (ormc::sqlite): the shared backend bodies on an in-memory
// database and on a temporary file, then what only SQLite has: connection setup (WAL, foreign
// keys, DQS off), BEGIN IMMEDIATE between two connections, and result-code mapping.
#include "ormc/sqlite.hpp"
#include "test_sqlite_files.hpp"

#include "ormc/error.hpp"
#include "ormc/transaction.hpp"
#include "ormc/value_codec.hpp"

#include <doctest/doctest.h>

#include <sqlite3.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <string>
#include <string_view>
#include <unistd.h>

namespace {

// Column types of docs/ddl.md for SQLite.
std::string sqliteType(std::string_view type) {
  if (type == "Float") return "REAL";
  if (type == "Bytes") return "BLOB";
  if (type == "Serial") return "INTEGER PRIMARY KEY";
  if (type == "Bool" || type == "Int" || type == "BigInt") return "INTEGER";
  return "TEXT";  // Decimal, String, Date, DateTime, Uuid, Json
}

struct SqliteCodes {
  static constexpr int kUniqueCode = SQLITE_CONSTRAINT_UNIQUE;
  static constexpr int kForeignKeyCode = SQLITE_CONSTRAINT_FOREIGNKEY;
  static constexpr int kNotNullCode = SQLITE_CONSTRAINT_NOTNULL;
  static constexpr int kCheckCode = SQLITE_CONSTRAINT_CHECK;
  static std::string sqlType(std::string_view type) { return sqliteType(type); }
};

using TempDatabase = ormc::test::TempDatabaseFile;

struct SqliteMemory : SqliteCodes {
  static constexpr bool kCanReopen = false;
  std::unique_ptr<ormc::Connection> connect() { return ormc::sqlite::open(":memory:"); }
};

struct SqliteFile : SqliteCodes {
  static constexpr bool kCanReopen = true;
  TempDatabase file;
  std::unique_ptr<ormc::Connection> connect() { return ormc::sqlite::open(file.path()); }
};

std::string pragma(ormc::Connection& c, const std::string& name) {
  ormc::PreparedStatement statement = c.prepare("PRAGMA " + name);
  REQUIRE(statement->step());
  return std::string(statement->columnText(0));
}

}  // namespace

TYPE_TO_STRING_AS("memory", SqliteMemory);
TYPE_TO_STRING_AS("file", SqliteFile);

#define ORMC_BACKEND_FIXTURES SqliteMemory, SqliteFile
#include "test_backend_body.hpp"

TEST_CASE("files run in WAL mode and in-memory databases in memory mode") {
  TempDatabase file;
  CHECK(pragma(*ormc::sqlite::open(file.path()), "journal_mode") == "wal");
  CHECK(pragma(*ormc::sqlite::open(":memory:"), "journal_mode") == "memory");
}

TEST_CASE("foreign keys are enforced") {
  CHECK(pragma(*ormc::sqlite::open(":memory:"), "foreign_keys") == "1");
}

TEST_CASE("a double-quoted string literal is an error") {
  auto c = ormc::sqlite::open(":memory:");
  c->execute("CREATE TABLE t (a TEXT)");
  CHECK_THROWS_AS(c->prepare("SELECT \"no_such_column\" FROM t"), ormc::DatabaseError);
  CHECK_THROWS_AS(c->execute("CREATE TABLE u (a TEXT CHECK (a <> \"x\"))"), ormc::DatabaseError);
  CHECK_THROWS_AS(c->execute("CREATE INDEX i ON t (\"b\")"), ormc::DatabaseError);
}

TEST_CASE("a write transaction takes the lock at BEGIN, so a second writer times out") {
  TempDatabase file;
  auto first = ormc::sqlite::open(file.path());
  first->execute("CREATE TABLE t (a INTEGER)");
  auto second = ormc::sqlite::open(file.path(), ormc::sqlite::Options{std::chrono::milliseconds{150}});

  ormc::Transaction writer(*first);  // no write yet: only BEGIN IMMEDIATE holds the lock
  const auto start = std::chrono::steady_clock::now();
  try {
    ormc::Transaction blocked(*second);
    FAIL("the second write transaction began");
  } catch (const ormc::Timeout& error) {
    CHECK((error.code() & 0xff) == SQLITE_BUSY);
    CHECK(error.sql() == "BEGIN IMMEDIATE");
  }
  CHECK(std::chrono::steady_clock::now() - start >= std::chrono::milliseconds{100});  // it waited
  CHECK_FALSE(second->inTransaction());

  // Readers are not blocked (WAL), and the second writer gets in once the first is done.
  {
    ormc::Transaction reader(*second, {.mode = ormc::TransactionMode::Read});
    CHECK(pragma(*second, "user_version") == "0");
    reader.commit();
  }
  writer.commit();
  ormc::Transaction now(*second);
  second->execute("INSERT INTO t (a) VALUES (1)");
  now.commit();
}

TEST_CASE("a database that cannot be opened is a ConnectionError") {
  CHECK_THROWS_AS(ormc::sqlite::open("/nonexistent-ormc-dir/x.db"), ormc::ConnectionError);
  ormc::sqlite::Options options;
  options.create = false;
  TempDatabase missing;
  CHECK_THROWS_AS(ormc::sqlite::open(missing.path(), options), ormc::ConnectionError);
}

TEST_CASE("prepare takes one statement and execute takes a script") {
  auto c = ormc::sqlite::open(":memory:");
  c->execute("CREATE TABLE a (x INTEGER); CREATE TABLE b (y INTEGER);\nINSERT INTO a VALUES (1);");
  CHECK_THROWS_AS(c->prepare("SELECT 1; SELECT 2"), ormc::DatabaseError);
  CHECK_NOTHROW(c->prepare("SELECT x FROM a;  "));
  CHECK_THROWS_AS(c->prepare("SELECT * FROM no_such_table"), ormc::DatabaseError);
}

TEST_CASE("the CHECK constraint name is parsed from SQLite's message") {
  auto c = ormc::sqlite::open(":memory:");
  c->execute("CREATE TABLE t (a INTEGER CONSTRAINT a_small CHECK (a < 10))");
  try {
    c->execute("INSERT INTO t VALUES (11)");
    FAIL("no error");
  } catch (const ormc::CheckViolation& error) {
    CHECK(error.constraint() == "a_small");
    CHECK(error.code() == SQLITE_CONSTRAINT_CHECK);
  }
}

TEST_CASE("a Decimal keeps the exact text it was written with") {
  // SQLite stores Decimal as TEXT (docs/ddl.md), so even the scale survives; MySQL's DECIMAL(p,s)
  // gives it the column's scale instead (test_mysql_backend.cpp).
  auto c = ormc::sqlite::open(":memory:");
  for (const char* text : {"0", "0.00", "-12345678901234567890.123456789", "1.50"}) {
    ormc::Decimal value(text);
    CHECK(ormc::test::backend::roundTrip(*c, "TEXT", value).str() == value.str());
  }
}
