// Smoke test of SQLite through its C API, as ormc::sqlite will use it: an in-memory database,
// a prepared statement with bound text, and the value read back byte for byte.
// It checks the test environment, not ormc's runtime.
#include <doctest/doctest.h>

#include <sqlite3.h>

#include <memory>
#include <string>

namespace {

using Database = std::unique_ptr<sqlite3, decltype(&sqlite3_close_v2)>;
using Statement = std::unique_ptr<sqlite3_stmt, decltype(&sqlite3_finalize)>;

Database openMemory() {
  sqlite3* raw = nullptr;
  const int rc = sqlite3_open_v2(":memory:", &raw, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
  Database db(raw, &sqlite3_close_v2);  // owns the handle even when opening failed
  REQUIRE_MESSAGE(rc == SQLITE_OK, "sqlite3_open_v2: " << std::string(sqlite3_errstr(rc)));
  return db;
}

Statement prepare(sqlite3* db, const std::string& sql) {
  sqlite3_stmt* raw = nullptr;
  const int rc = sqlite3_prepare_v2(db, sql.c_str(), static_cast<int>(sql.size()), &raw, nullptr);
  REQUIRE_MESSAGE(rc == SQLITE_OK, "prepare '" << sql << "': " << std::string(sqlite3_errmsg(db)));
  return Statement(raw, &sqlite3_finalize);
}

void exec(sqlite3* db, const std::string& sql) {
  const int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr);
  REQUIRE_MESSAGE(rc == SQLITE_OK, "exec '" << sql << "': " << std::string(sqlite3_errmsg(db)));
}

}  // namespace

TEST_CASE("a bound parameter round-trips hostile text, 4-byte UTF-8 and NUL") {
  Database db = openMemory();
  exec(db.get(), "CREATE TABLE smoke_notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL)");

  // Quotes, a statement terminator, a comment, a 4-byte code point and an embedded NUL.
  const std::string hostile =
      std::string("'); DROP TABLE smoke_notes; -- \" \\' \xF0\x9F\x98\x80 na\xC3\xAFve ") + std::string(1, '\0') + "end";

  Statement insert = prepare(db.get(), "INSERT INTO smoke_notes (body) VALUES (?1)");
  REQUIRE(sqlite3_bind_text(insert.get(), 1, hostile.data(), static_cast<int>(hostile.size()), SQLITE_TRANSIENT) ==
          SQLITE_OK);
  REQUIRE(sqlite3_step(insert.get()) == SQLITE_DONE);

  Statement select = prepare(db.get(), "SELECT body, (SELECT COUNT(*) FROM smoke_notes) FROM smoke_notes");
  REQUIRE(sqlite3_step(select.get()) == SQLITE_ROW);
  const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(select.get(), 0));
  const int bytes = sqlite3_column_bytes(select.get(), 0);
  REQUIRE(text != nullptr);
  CHECK(std::string(text, static_cast<std::size_t>(bytes)) == hostile);
  CHECK(sqlite3_column_int64(select.get(), 1) == 1);
  CHECK(sqlite3_step(select.get()) == SQLITE_DONE);
}

TEST_CASE("the library is recent enough for RETURNING") {
  // ormc relies on INSERT ... RETURNING (SQLite >= 3.35) for generated keys.
  MESSAGE("sqlite version: " << std::string(sqlite3_libversion()));
  CHECK(sqlite3_libversion_number() >= 3035000);
  Database db = openMemory();
  exec(db.get(), "CREATE TABLE t (id INTEGER PRIMARY KEY AUTOINCREMENT, v TEXT)");
  Statement insert = prepare(db.get(), "INSERT INTO t (v) VALUES ('x') RETURNING id");
  REQUIRE(sqlite3_step(insert.get()) == SQLITE_ROW);
  CHECK(sqlite3_column_int64(insert.get(), 0) == 1);
  CHECK(sqlite3_step(insert.get()) == SQLITE_DONE);
}
