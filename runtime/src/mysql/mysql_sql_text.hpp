// Lexical facts about MySQL SQL text that the backend needs without a parser: where a script's
// statements end, and which kind of statement a text starts with (for transaction and
// insert-id bookkeeping). Quotes, backticks and comments are honoured; nothing is validated.
#pragma once

#include <string_view>
#include <vector>

namespace ormc::mysql {

// What a statement does to the session's state, from its leading keywords.
enum class SqlKind {
  Begin,           // START TRANSACTION, BEGIN [WORK]
  End,             // COMMIT, ROLLBACK (not ROLLBACK TO SAVEPOINT)
  ImplicitCommit,  // DDL and LOCK/UNLOCK TABLES: the server commits an open transaction first
  Insert,          // INSERT, REPLACE: may set LAST_INSERT_ID()
  Modify,          // UPDATE, DELETE
  Other,
};

// The kind of the (first) statement in `sql`.
SqlKind classify(std::string_view sql) noexcept;

// Splits a script at the semicolons that end statements (not those inside '...', "...", `...`
// or comments). The views point into `script`, are trimmed of surrounding white space, and
// pieces holding nothing but white space and comments are left out.
std::vector<std::string_view> splitStatements(std::string_view script);

}  // namespace ormc::mysql
