// What one MySQL connection knows about its session between statements: whether a transaction
// is open, the affected-row count of the last change, and whether LAST_INSERT_ID() may have
// moved. Owned by the connection, updated by it and by its statements after every statement.
#pragma once

#include "mysql_sql_text.hpp"

#include <cstdint>

namespace ormc::mysql {

struct Session {
  bool inTransaction = false;
  std::int64_t changes = 0;
  std::int64_t insertId = 0;     // the last LAST_INSERT_ID() read
  bool insertIdStale = false;    // an INSERT ran since: read it again before answering

  // After a statement of `kind` succeeded; `affected` is its affected-row count, or -1 if it
  // produced rows.
  void afterStatement(SqlKind kind, std::int64_t affected) noexcept;
  // After a statement failed with MySQL error `code`.
  void afterError(int code) noexcept;
};

}  // namespace ormc::mysql
