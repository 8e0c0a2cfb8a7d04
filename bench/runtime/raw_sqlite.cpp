#include "raw_sqlite.hpp"

#include <stdexcept>

namespace ormc::bench {

void failRaw(sqlite3* db, std::string_view what) {
  throw std::runtime_error("raw: " + std::string(what) + ": " + sqlite3_errmsg(db));
}

void executeRaw(sqlite3* db, const std::string& script) {
  if (sqlite3_exec(db, script.c_str(), nullptr, nullptr, nullptr) != SQLITE_OK) failRaw(db, script);
}

sqlite3* openRaw(const std::string& path) {
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr) !=
      SQLITE_OK) {
    const std::string message = db != nullptr ? sqlite3_errmsg(db) : "out of memory";
    sqlite3_close_v2(db);
    throw std::runtime_error("raw: open " + path + ": " + message);
  }
  executeRaw(db, "PRAGMA foreign_keys = ON");
  if (path != ":memory:") executeRaw(db, "PRAGMA journal_mode = WAL");
  return db;
}

}  // namespace ormc::bench
