// Binding, stepping and reading through the SQLite C API. Bound text and blobs are copied
// (SQLITE_TRANSIENT) because callers bind temporaries such as formatted dates.
#include "sqlite_statement.hpp"

#include "sqlite_error.hpp"

#include "ormc/error.hpp"

#include <cmath>
#include <limits>

namespace ormc::sqlite {

SqliteStatement::SqliteStatement(sqlite3* db, std::string_view sql) : db_(db), sql_(sql) {
  if (sql.size() > static_cast<std::size_t>(std::numeric_limits<int>::max())) {
    throw DatabaseError("ormc: sqlite: SQL text too long", SQLITE_TOOBIG);
  }
  sqlite3_stmt* raw = nullptr;
  const char* tail = nullptr;
  int rc = sqlite3_prepare_v3(db, sql_.data(), static_cast<int>(sql_.size()), SQLITE_PREPARE_PERSISTENT, &raw,
                              &tail);
  handle_.reset(raw);
  if (rc != SQLITE_OK) throwError(db, sql_);
  if (raw == nullptr) throw DatabaseError("ormc: sqlite: empty statement in SQL: " + sql_, 0, sql_);
  // A second statement after ';' would be silently ignored; refuse it so nobody loses one.
  for (; tail != nullptr && *tail != '\0'; ++tail) {
    if (*tail == ';' || *tail == ' ' || *tail == '\n' || *tail == '\t' || *tail == '\r') continue;
    throw DatabaseError("ormc: sqlite: prepare() takes one statement; use execute() for scripts, in SQL: " + sql_,
                        0, sql_);
  }
}

void SqliteStatement::checkBind(int rc) const {
  if (rc != SQLITE_OK) throwError(db_, sql_);
}

void SqliteStatement::bindNull(int index) { checkBind(sqlite3_bind_null(handle_.get(), index)); }

void SqliteStatement::bindBool(int index, bool value) {
  checkBind(sqlite3_bind_int64(handle_.get(), index, value ? 1 : 0));
}

void SqliteStatement::bindInt64(int index, std::int64_t value) {
  checkBind(sqlite3_bind_int64(handle_.get(), index, value));
}

void SqliteStatement::bindDouble(int index, double value) {
  // SQLite would store NaN as NULL: a silent change of value.
  if (std::isnan(value)) throw ValueError("ormc: cannot bind NaN (parameter " + std::to_string(index) + ") in SQL: " + sql_, 0, sql_);
  checkBind(sqlite3_bind_double(handle_.get(), index, value));
}

void SqliteStatement::bindText(int index, std::string_view value) {
  // A null data pointer would bind NULL, not the empty string.
  const char* data = value.data() != nullptr ? value.data() : "";
  checkBind(sqlite3_bind_text64(handle_.get(), index, data, value.size(), SQLITE_TRANSIENT, SQLITE_UTF8));
}

void SqliteStatement::bindBlob(int index, std::span<const std::uint8_t> value) {
  // A null pointer binds NULL; an empty Bytes must stay an empty blob.
  if (value.empty()) {
    checkBind(sqlite3_bind_zeroblob(handle_.get(), index, 0));
    return;
  }
  checkBind(sqlite3_bind_blob64(handle_.get(), index, value.data(), value.size(), SQLITE_TRANSIENT));
}

bool SqliteStatement::doStep() {
  int rc = sqlite3_step(handle_.get());
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  int code = sqlite3_extended_errcode(db_);
  std::string message = sqlite3_errmsg(db_);
  // Reset so the cached statement can run again; it returns the same error, already taken.
  sqlite3_reset(handle_.get());
  throwError(code, message, sql_);
}

int SqliteStatement::columnCount() const noexcept { return sqlite3_column_count(handle_.get()); }

bool SqliteStatement::isNull(int column) { return sqlite3_column_type(handle_.get(), column) == SQLITE_NULL; }

std::int64_t SqliteStatement::columnInt64(int column) { return sqlite3_column_int64(handle_.get(), column); }

double SqliteStatement::columnDouble(int column) { return sqlite3_column_double(handle_.get(), column); }

std::string_view SqliteStatement::columnText(int column) {
  const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(handle_.get(), column));
  // Read the size after the text: sqlite3_column_bytes reports the converted value's size.
  int size = sqlite3_column_bytes(handle_.get(), column);
  if (text == nullptr) return {};
  return {text, static_cast<std::size_t>(size)};
}

std::span<const std::uint8_t> SqliteStatement::columnBlob(int column) {
  const auto* data = static_cast<const std::uint8_t*>(sqlite3_column_blob(handle_.get(), column));
  int size = sqlite3_column_bytes(handle_.get(), column);
  if (data == nullptr) return {};
  return {data, static_cast<std::size_t>(size)};
}

void SqliteStatement::doReset() noexcept {
  sqlite3_reset(handle_.get());
  // Values bound with SQLITE_TRANSIENT are copies held until cleared: let them go, so that a
  // large text or blob does not stay in the cache (a field read spares the call when none can).
  if (sqlite3_bind_parameter_count(handle_.get()) > 0) sqlite3_clear_bindings(handle_.get());
}

}  // namespace ormc::sqlite
