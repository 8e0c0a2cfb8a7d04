// What the raw sqlite3 baselines (impl_raw.cpp, query_raw.cpp) share: how they open a database
// (the settings ormc's SQLite backend uses, so the comparison is fair) and how they fail.
#pragma once

#include <sqlite3.h>

#include <string>
#include <string_view>

namespace ormc::bench {

// Throws std::runtime_error "raw: <what>: <sqlite's message>".
[[noreturn]] void failRaw(sqlite3* db, std::string_view what);

// Runs `script` (no rows); fails on error.
void executeRaw(sqlite3* db, const std::string& script);

// Opens `path` (":memory:" or a file) without SQLite's own mutexes, with foreign keys on and,
// for a file, WAL.
sqlite3* openRaw(const std::string& path);

}  // namespace ormc::bench
