// Database URLs: where ormc::Database connects.
//
//   sqlite:path/to/app.db        a file, relative to the working directory
//   sqlite:///var/lib/app.db     an absolute path
//   sqlite::memory:              a private in-memory database
//   mysql://user:password@host:3306/dbname?connect_timeout=5
//   mysql://user:password@localhost/dbname?socket=/run/mysqld/mysqld.sock
//
// Every part is percent-decoded (`p%40ss` is `p@ss`). A malformed URL is an InvalidUrl
// naming the part that is wrong. The password never appears in a message: errors and
// redacted() show it as `***`.
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace ormc {

enum class Backend { Sqlite, Mysql };

class InvalidUrl : public std::invalid_argument {
 public:
  using std::invalid_argument::invalid_argument;
};

struct DatabaseUrl {
  Backend backend = Backend::Sqlite;

  // SQLite: the file path, or ":memory:".
  std::string path;

  // MySQL/MariaDB.
  std::string user;
  std::string password;
  std::string host;            // empty when connecting through `socket` only
  std::uint16_t port = 3306;
  std::string database;
  std::string socket;          // ?socket=/path: a unix socket instead of TCP
  std::vector<std::pair<std::string, std::string>> options;  // other ?key=value pairs, in order

  bool inMemory() const { return backend == Backend::Sqlite && path == ":memory:"; }
  // The URL for messages and logs, with the password replaced by "***".
  std::string redacted() const;
  // The value of option `key`, or `fallback`.
  std::string option(std::string_view key, std::string_view fallback = {}) const;
};

// Throws InvalidUrl.
DatabaseUrl parseDatabaseUrl(std::string_view url);

}  // namespace ormc
