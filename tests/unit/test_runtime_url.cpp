// Database URLs: every accepted form, percent-decoding, and errors that name the bad part
// and never show the password.
#include "ormc/url.hpp"

#include <doctest/doctest.h>

using ormc::Backend;
using ormc::parseDatabaseUrl;

namespace {

// The message of the InvalidUrl that `url` raises ("" if it parses).
std::string errorOf(const std::string& url) {
  try {
    parseDatabaseUrl(url);
  } catch (const ormc::InvalidUrl& e) {
    return e.what();
  }
  return {};
}

}  // namespace

TEST_CASE("sqlite URLs: relative, absolute, in memory, percent-decoded") {
  CHECK(parseDatabaseUrl("sqlite:app.db").path == "app.db");
  CHECK(parseDatabaseUrl("sqlite:data/app.db").path == "data/app.db");
  CHECK(parseDatabaseUrl("sqlite:///var/lib/app.db").path == "/var/lib/app.db");
  CHECK(parseDatabaseUrl("sqlite:my%20app.db").path == "my app.db");
  ormc::DatabaseUrl memory = parseDatabaseUrl("sqlite::memory:");
  CHECK(memory.backend == Backend::Sqlite);
  CHECK(memory.inMemory());
  CHECK(memory.redacted() == "sqlite::memory:");
}

TEST_CASE("mysql URLs: every part, decoded") {
  ormc::DatabaseUrl url = parseDatabaseUrl("mysql://bob:p%40ss%3Aw0rd@db.example.com:3307/shop?connect_timeout=5&x=a%26b");
  CHECK(url.backend == Backend::Mysql);
  CHECK(url.user == "bob");
  CHECK(url.password == "p@ss:w0rd");
  CHECK(url.host == "db.example.com");
  CHECK(url.port == 3307);
  CHECK(url.database == "shop");
  CHECK(url.option("connect_timeout") == "5");
  CHECK(url.option("x") == "a&b");
  CHECK(url.option("missing", "d") == "d");
  CHECK(url.redacted() == "mysql://bob:***@db.example.com:3307/shop?connect_timeout=5&x=a&b");

  ormc::DatabaseUrl defaults = parseDatabaseUrl("mysql://root@127.0.0.1/test");
  CHECK(defaults.port == 3306);
  CHECK(defaults.password.empty());
  CHECK(defaults.redacted() == "mysql://root@127.0.0.1:3306/test");

  ormc::DatabaseUrl socket = parseDatabaseUrl("mysql://root@/test?socket=%2Frun%2Fmysqld%2Fmysqld.sock");
  CHECK(socket.host.empty());
  CHECK(socket.socket == "/run/mysqld/mysqld.sock");

  ormc::DatabaseUrl ipv6 = parseDatabaseUrl("mariadb://u:pw@[::1]:3310/db");
  CHECK(ipv6.host == "::1");
  CHECK(ipv6.port == 3310);
  CHECK(ipv6.redacted() == "mysql://u:***@[::1]:3310/db");
  // An '@' in the password must be escaped, but a raw one still splits at the last '@'.
  CHECK(parseDatabaseUrl("mysql://u:a@b@h/db").password == "a@b");
}

TEST_CASE("malformed URLs name the bad part") {
  CHECK(errorOf("postgres://u@h/db").find("unknown scheme 'postgres'") != std::string::npos);
  CHECK(errorOf("app.db").find("must start with 'sqlite:' or 'mysql://'") != std::string::npos);
  CHECK(errorOf("sqlite:").find("the file path is missing") != std::string::npos);
  CHECK(errorOf("mysql:u@h/db").find("starts with 'mysql://'") != std::string::npos);
  CHECK(errorOf("mysql://u@h:99999/db").find("port '99999' is not a number from 1 to 65535") != std::string::npos);
  CHECK(errorOf("mysql://u@h:33a/db").find("port '33a'") != std::string::npos);
  CHECK(errorOf("mysql://u@h:/db").find("the port after ':' is empty") != std::string::npos);
  CHECK(errorOf("mysql://u@h").find("the database name is missing") != std::string::npos);
  CHECK(errorOf("mysql://u@/db").find("the host is missing") != std::string::npos);
  CHECK(errorOf("mysql://@h/db").find("the user name before '@' is empty") != std::string::npos);
  CHECK(errorOf("mysql://u%zz@h/db").find("a '%' in the user name must be followed by two hex digits") !=
        std::string::npos);
  CHECK(errorOf("mysql://u@h/db?timeout").find("option 'timeout' must be written key=value") != std::string::npos);
  CHECK(errorOf("mysql://u@[::1/db").find("no closing ']'") != std::string::npos);
}

TEST_CASE("the password never appears in an error") {
  const std::string secret = "Sup3rS3cret";
  for (const std::string& url :
       {"mysqlx://u:" + secret + "@h/db", "mysql://u:" + secret + "@h:0/db", "mysql://u:" + secret + "@h",
        "mysql://u:" + secret + "@/db", "mysql://u:" + secret + "%zz@h/db", "mysql://u%zz:" + secret + "@h/db",
        "mysql://u:" + secret + "@h/db?bad", "mysql://:" + secret + "@h/db"}) {
    CAPTURE(url);
    std::string message = errorOf(url);
    REQUIRE(!message.empty());
    CHECK(message.find(secret) == std::string::npos);
    CHECK(message.find("***") != std::string::npos);
  }
}
