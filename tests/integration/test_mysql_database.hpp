// A throw-away database on the test MariaDB server (test_env.hpp) for one test: created with a
// unique name (ormc_t_<pid>_<n>, utf8mb4_bin as ormc's DDL uses) and dropped at the end, so
// tests and test binaries running at the same time never see each other's tables.
#pragma once

#include "test_env.hpp"

#include "ormc/mysql.hpp"
#include "ormc/url.hpp"

#include <atomic>
#include <memory>
#include <string>
#include <unistd.h>

namespace ormc::test {

// The fixture server's URL, parsed once.
inline const DatabaseUrl& mysqlServerUrl() {
  static const DatabaseUrl url = parseDatabaseUrl(loadMysqlTestEnv().url);
  return url;
}

class MysqlTestDatabase {
 public:
  MysqlTestDatabase() {
    static std::atomic<int> counter{0};
    name_ = "ormc_t_" + std::to_string(::getpid()) + "_" + std::to_string(counter++);
    url_ = mysqlServerUrl();
    url_.database = name_;
    auto admin = mysql::open(mysqlServerUrl());
    admin->execute("DROP DATABASE IF EXISTS " + kMysqlDialect.quoteIdentifier(name_));
    admin->execute("CREATE DATABASE " + kMysqlDialect.quoteIdentifier(name_) +
                   " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
  }
  ~MysqlTestDatabase() {
    try {
      mysql::open(mysqlServerUrl())->execute("DROP DATABASE IF EXISTS " + kMysqlDialect.quoteIdentifier(name_));
    } catch (...) {
      // A database left behind goes with the fixture server's data directory.
    }
  }
  MysqlTestDatabase(const MysqlTestDatabase&) = delete;
  MysqlTestDatabase& operator=(const MysqlTestDatabase&) = delete;

  const std::string& name() const { return name_; }
  // The URL of this database (the fixture's user, host and port).
  const DatabaseUrl& url() const { return url_; }
  std::unique_ptr<Connection> connect(const mysql::Options& options = {}) const { return mysql::open(url_, options); }

 private:
  std::string name_;
  DatabaseUrl url_;
};

}  // namespace ormc::test
