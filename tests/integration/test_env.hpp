// Where integration tests find the test MariaDB server: reads the KEY=VALUE file written by the
// CTest fixture (tests/integration/mariadb/start.sh), whose path CTest passes in
// $ORMC_TEST_MYSQL_ENV. Knows no client library; each test builds its own connection from this.
#pragma once

#include <charconv>
#include <cstdlib>
#include <fstream>
#include <istream>
#include <map>
#include <stdexcept>
#include <string>
#include <system_error>

namespace ormc::test {

// The environment variable naming the fixture's connection file.
inline constexpr const char* kMysqlEnvVariable = "ORMC_TEST_MYSQL_ENV";

// Connection settings of the test server, as the fixture wrote them.
struct MysqlTestEnv {
  std::string url;  // mysql://user:password@host:port/database
  std::string host;
  int port = 0;
  std::string user;
  std::string password;
  std::string database;
  std::string socket;  // Unix socket path, for tools that prefer it to TCP

  // "tcp://host:port", the hostName form Connector/C++ 1.1 expects.
  std::string tcpUri() const { return "tcp://" + host + ":" + std::to_string(port); }
};

// Parses KEY=VALUE lines; blank lines and lines starting with '#' are skipped, and a value runs
// to the end of its line. Throws std::runtime_error naming `origin` if a key is missing or the
// port is not a number in 1..65535.
inline MysqlTestEnv parseMysqlTestEnv(std::istream& in, const std::string& origin) {
  std::map<std::string, std::string> values;
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line.front() == '#') continue;
    const auto eq = line.find('=');
    if (eq == std::string::npos) {
      throw std::runtime_error(origin + ": expected KEY=VALUE, got '" + line + "'");
    }
    values[line.substr(0, eq)] = line.substr(eq + 1);
  }

  const auto require = [&](const std::string& key) -> const std::string& {
    const auto it = values.find(key);
    if (it == values.end()) throw std::runtime_error(origin + ": missing " + key);
    return it->second;
  };

  MysqlTestEnv env;
  env.url = require("ORMC_TEST_MYSQL_URL");
  env.host = require("ORMC_TEST_MYSQL_HOST");
  env.user = require("ORMC_TEST_MYSQL_USER");
  env.password = require("ORMC_TEST_MYSQL_PASSWORD");
  env.database = require("ORMC_TEST_MYSQL_DATABASE");
  env.socket = require("ORMC_TEST_MYSQL_SOCKET");
  const std::string& port = require("ORMC_TEST_MYSQL_PORT");
  const auto [end, ec] = std::from_chars(port.data(), port.data() + port.size(), env.port);
  if (ec != std::errc{} || end != port.data() + port.size() || env.port < 1 || env.port > 65535) {
    throw std::runtime_error(origin + ": ORMC_TEST_MYSQL_PORT is not a port: '" + port + "'");
  }
  return env;
}

// Reads the file named by $ORMC_TEST_MYSQL_ENV. Throws std::runtime_error with a hint when the
// variable is unset (the test was run outside CTest) or the file is missing (the fixture failed
// or already stopped). Never falls back to a default server: a test must not pass by accident.
inline MysqlTestEnv loadMysqlTestEnv() {
  const char* path = std::getenv(kMysqlEnvVariable);
  if (path == nullptr || *path == '\0') {
    throw std::runtime_error(
        std::string(kMysqlEnvVariable) +
        " is not set; run this test through CTest (ctest --test-dir build -L integration), or "
        "start tests/integration/mariadb/start.sh build/mariadb and set " +
        kMysqlEnvVariable + "=build/mariadb/env");
  }
  std::ifstream in(path);
  if (!in) {
    throw std::runtime_error(std::string("cannot read ") + path +
                             "; did the mariadb_start fixture run and succeed?");
  }
  return parseMysqlTestEnv(in, path);
}

}  // namespace ormc::test
