// Smoke test of the MariaDB fixture and of Connector/C++ 1.1 used the way ormc::mysql will use
// it: connect over TCP with utf8mb4, query, and round-trip hostile text through a bound
// parameter. It checks the test environment, not ormc's runtime.
#include "test_env.hpp"

#include <doctest/doctest.h>

#include <cppconn/connection.h>
#include <cppconn/exception.h>
#include <cppconn/prepared_statement.h>
#include <cppconn/resultset.h>
#include <cppconn/statement.h>
#include <mysql_driver.h>

#include <algorithm>
#include <cstdint>
#include <memory>
#include <string>

namespace {

using ormc::test::MysqlTestEnv;

std::unique_ptr<sql::Connection> connect(const MysqlTestEnv& env) {
  sql::ConnectOptionsMap options;
  options["hostName"] = sql::SQLString(env.tcpUri());
  options["userName"] = sql::SQLString(env.user);
  options["password"] = sql::SQLString(env.password);
  options["schema"] = sql::SQLString(env.database);
  // Explicit, so the connection never falls back to a 3-byte `utf8` or `latin1` default of the
  // client library or server, which would mangle 4-byte characters such as emoji.
  options["OPT_CHARSET_NAME"] = sql::SQLString("utf8mb4");
  return std::unique_ptr<sql::Connection>(sql::mysql::get_mysql_driver_instance()->connect(options));
}

// Runs a query expected to return one row and returns its first column as text.
std::string queryOne(sql::Connection& conn, const std::string& sql) {
  std::unique_ptr<sql::Statement> stmt(conn.createStatement());
  std::unique_ptr<sql::ResultSet> rs(stmt->executeQuery(sql));
  REQUIRE(rs->next());
  return rs->getString(1);
}

// Converts driver exceptions into a readable failure that keeps the server's message.
template <typename Body>
void withDriverErrors(Body&& body) {
  try {
    body();
  } catch (const sql::SQLException& e) {
    FAIL("MySQL error " << e.getErrorCode() << " (SQLSTATE " << e.getSQLState() << "): " << std::string(e.what()));
  }
}

}  // namespace

TEST_CASE("the fixture's env file describes a loopback server") {
  const MysqlTestEnv env = ormc::test::loadMysqlTestEnv();
  CHECK(env.host == "127.0.0.1");
  CHECK(env.user == "ormc");
  CHECK(env.database == "ormc_test");
  CHECK(env.url == "mysql://ormc:" + env.password + "@127.0.0.1:" + std::to_string(env.port) + "/ormc_test");
}

TEST_CASE("connects over TCP and reports a MariaDB version") {
  withDriverErrors([] {
    auto conn = connect(ormc::test::loadMysqlTestEnv());
    const std::string version = queryOne(*conn, "SELECT VERSION()");
    MESSAGE("server version: " << version);
    CHECK(version.find("MariaDB") != std::string::npos);
    CHECK(queryOne(*conn, "SELECT @@character_set_connection") == "utf8mb4");
    CHECK(queryOne(*conn, "SELECT DATABASE()") == "ormc_test");
  });
}

TEST_CASE("a bound parameter round-trips hostile text, 4-byte UTF-8 and NUL") {
  withDriverErrors([] {
    auto conn = connect(ormc::test::loadMysqlTestEnv());
    std::unique_ptr<sql::Statement> stmt(conn->createStatement());
    stmt->execute("DROP TABLE IF EXISTS smoke_notes");
    stmt->execute(
        "CREATE TABLE smoke_notes (id BIGINT AUTO_INCREMENT PRIMARY KEY, body VARCHAR(200) NOT NULL) "
        "ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci");

    // Quotes, a statement terminator, a comment, backslash escapes, a 4-byte code point and NUL.
    const std::string hostile =
        std::string("'); DROP TABLE smoke_notes; -- \" \\' \\\\ \xF0\x9F\x98\x80 na\xC3\xAFve ") + std::string(1, '\0') + "end";
    const auto hostileCodePoints = static_cast<std::int64_t>(std::count_if(
        hostile.begin(), hostile.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
    REQUIRE(hostileCodePoints == 51);

    std::unique_ptr<sql::PreparedStatement> insert(
        conn->prepareStatement("INSERT INTO smoke_notes (body) VALUES (?)"));
    insert->setString(1, hostile);
    CHECK(insert->executeUpdate() == 1);

    std::unique_ptr<sql::PreparedStatement> select(
        conn->prepareStatement("SELECT body, CHAR_LENGTH(body), COUNT(*) OVER () FROM smoke_notes WHERE body = ?"));
    select->setString(1, hostile);
    std::unique_ptr<sql::ResultSet> rs(select->executeQuery());
    REQUIRE(rs->next());
    CHECK(rs->getString(1).asStdString() == hostile);
    // The server counts characters, so mojibake (bytes stored as latin1) would give a larger number.
    CHECK(rs->getInt64(2) == hostileCodePoints);
    CHECK(rs->getInt64(3) == 1);
    CHECK_FALSE(rs->next());

    CHECK(queryOne(*conn, "SELECT COUNT(*) FROM smoke_notes") == "1");
    stmt->execute("DROP TABLE smoke_notes");
  });
}
