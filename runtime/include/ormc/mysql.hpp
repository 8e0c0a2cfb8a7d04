// The public entry point of the MySQL/MariaDB backend (library ormc::mysql): opening a
// connection. Everything else about the backend is private to runtime/src/mysql/; what differs
// from SQLite behind the shared interface is listed in docs/runtime.md ("MySQL backend").
#pragma once

#include "ormc/backend.hpp"
#include "ormc/url.hpp"

#include <chrono>
#include <memory>

namespace ormc::mysql {

struct Options {
  // How long connecting may take. The URL option `connect_timeout` (seconds) overrides it.
  std::chrono::seconds connectTimeout{10};
  // How long one read or write on the socket may wait; 0 waits for ever. A statement that runs
  // longer than this fails with ConnectionError. URL options `read_timeout`, `write_timeout`.
  std::chrono::seconds readTimeout{0};
  std::chrono::seconds writeTimeout{0};
};

// Connects to `url` (a mysql:// or mariadb:// URL, see url.hpp: TCP to host:port, or the unix
// socket of `?socket=`) and sets the session up as the runtime expects: utf8mb4 with the
// utf8mb4_bin collation, sql_mode with STRICT_ALL_TABLES, NO_ZERO_DATE, NO_ZERO_IN_DATE,
// ERROR_FOR_DIVISION_BY_ZERO and NO_ENGINE_SUBSTITUTION, time_zone '+00:00', REPEATABLE READ,
// UPDATE counting matched rows (CLIENT_FOUND_ROWS) and no automatic reconnect.
// Throws InvalidUrl for a URL of another backend or an unknown option, and ConnectionError
// (code: the MySQL error number) naming the redacted URL, never the password, if the server
// cannot be reached or refuses the login.
std::unique_ptr<Connection> open(const DatabaseUrl& url, const Options& options = {});

}  // namespace ormc::mysql
