// Converts SQLite result codes into the ormc exception hierarchy (error.hpp).
#pragma once

#include <sqlite3.h>

#include <string>
#include <string_view>

namespace ormc::sqlite {

// Throws the ormc::Error subclass for the extended result code `code`, with `message` (the
// driver's message, sqlite3_errmsg) and the statement text `sql`.
[[noreturn]] void throwError(int code, const std::string& message, std::string_view sql);

// Same, reading code and message from the connection.
[[noreturn]] void throwError(sqlite3* db, std::string_view sql);

}  // namespace ormc::sqlite
