// The public entry point of the SQLite backend (library ormc::sqlite): opening a connection.
// Everything else about the backend is private to runtime/src/sqlite/.
#pragma once

#include "ormc/backend.hpp"

#include <chrono>
#include <memory>
#include <string>

namespace ormc::sqlite {

struct Options {
  // How long a statement waits for another connection's lock before failing with Timeout.
  std::chrono::milliseconds busyTimeout{5000};
  // Create the file if it does not exist.
  bool create = true;
};

// Opens `path` (a file name, or ":memory:" for a private in-memory database) and sets the
// connection up as the runtime expects: extended error codes, foreign keys on, double-quoted
// string literals refused, the busy timeout, and WAL journaling for files. Throws
// ConnectionError if the database cannot be opened.
std::unique_ptr<Connection> open(const std::string& path, const Options& options = {});

}  // namespace ormc::sqlite
