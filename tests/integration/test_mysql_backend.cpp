// The runtime's MySQL/MariaDB backend (ormc::mysql) against the fixture server: the shared
// backend bodies on a fresh database per test, then what only MySQL has: the session set-up,
// CLIENT_FOUND_ROWS, every error class with its MySQL number and constraint name, deadlocks and
// lock wait timeouts between two connections, socket URLs, refused logins, transactions that
// DDL ends, and the DATE/DATETIME/DOUBLE read paths Connector/C++ 1.1 gets wrong by itself.
#include "test_mysql_database.hpp"

#include "ormc/error.hpp"
#include "ormc/mysql.hpp"
#include "ormc/transaction.hpp"
#include "ormc/value_codec.hpp"

#include <doctest/doctest.h>

#include <atomic>
#include <chrono>
#include <exception>
#include <optional>
#include <string>
#include <string_view>
#include <thread>

namespace {

using ormc::test::MysqlTestDatabase;
using namespace std::chrono_literals;

// Column types of docs/ddl.md for MySQL/MariaDB, wide enough for the bodies' values.
std::string mysqlType(std::string_view type) {
  if (type == "Bool") return "TINYINT(1)";
  if (type == "Int") return "INT";
  if (type == "BigInt") return "BIGINT";
  if (type == "Float") return "DOUBLE";
  if (type == "Decimal") return "DECIMAL(38,9)";
  if (type == "String") return "LONGTEXT";
  if (type == "Bytes") return "LONGBLOB";
  if (type == "Date") return "DATE";
  if (type == "DateTime") return "DATETIME(6)";
  if (type == "Uuid") return "CHAR(36)";
  if (type == "Json") return "JSON";
  if (type == "Serial") return "BIGINT AUTO_INCREMENT PRIMARY KEY";
  throw std::invalid_argument("no MySQL type for " + std::string(type));
}

struct MariaDb {
  static constexpr bool kCanReopen = true;
  static constexpr int kUniqueCode = 1062;
  static constexpr int kForeignKeyCode = 1452;
  static constexpr int kNotNullCode = 1048;
  static constexpr int kCheckCode = 4025;  // MySQL 8 says 3819; the fixture runs MariaDB
  static std::string sqlType(std::string_view type) { return mysqlType(type); }

  MysqlTestDatabase database;
  std::unique_ptr<ormc::Connection> connect() { return database.connect(); }
};

// The first column of the first row of `sql`, as text.
std::string queryText(ormc::Connection& c, const std::string& sql) {
  ormc::PreparedStatement statement = c.prepare(sql);
  REQUIRE(statement->step());
  return std::string(statement->columnText(0));
}

std::int64_t connectionId(ormc::Connection& c) { return std::stoll(queryText(c, "SELECT CONNECTION_ID()")); }

// Runs `body` and returns the E it throws, or nullopt if it throws nothing.
template <typename E, typename Body>
std::optional<E> caught(Body&& body) {
  try {
    body();
  } catch (const E& error) {
    return error;
  }
  return std::nullopt;
}

void createLockTable(ormc::Connection& c) {
  c.execute("CREATE TABLE locks (id INT PRIMARY KEY, v INT NOT NULL) ENGINE=InnoDB");
  c.execute("INSERT INTO locks (id, v) VALUES (1, 0), (2, 0)");
}

}  // namespace

TYPE_TO_STRING_AS("mariadb", MariaDb);

#define ORMC_BACKEND_FIXTURES MariaDb
#include "test_backend_body.hpp"

TEST_CASE("every session is utf8mb4_bin, strict, UTC and REPEATABLE READ") {
  MysqlTestDatabase db;
  auto c = db.connect();
  CHECK(queryText(*c, "SELECT @@character_set_connection") == "utf8mb4");
  CHECK(queryText(*c, "SELECT @@character_set_results") == "utf8mb4");
  CHECK(queryText(*c, "SELECT @@collation_connection") == "utf8mb4_bin");
  const std::string mode = queryText(*c, "SELECT @@sql_mode");
  for (const char* flag : {"STRICT_ALL_TABLES", "NO_ZERO_DATE", "NO_ZERO_IN_DATE", "ERROR_FOR_DIVISION_BY_ZERO",
                           "NO_ENGINE_SUBSTITUTION"}) {
    CHECK_MESSAGE(mode.find(flag) != std::string::npos, flag);
  }
  CHECK(queryText(*c, "SELECT @@time_zone") == "+00:00");
  CHECK(queryText(*c, "SELECT @@tx_isolation") == "REPEATABLE-READ");
  CHECK(c->isolationLevel() == ormc::IsolationLevel::RepeatableRead);
  c->setIsolationLevel(ormc::IsolationLevel::ReadCommitted);
  CHECK(queryText(*c, "SELECT @@tx_isolation") == "READ-COMMITTED");
  CHECK(c->isolationLevel() == ormc::IsolationLevel::ReadCommitted);
  c->setIsolationLevel(ormc::IsolationLevel::Serializable);
  CHECK(queryText(*c, "SELECT @@tx_isolation") == "SERIALIZABLE");
  CHECK(c->dialect() == ormc::kMysqlDialect);
  CHECK(queryText(*c, "SELECT DATABASE()") == db.name());
}

TEST_CASE("an UPDATE that sets a column to its current value reports one changed row") {
  MysqlTestDatabase db;
  auto c = db.connect();
  c->execute("CREATE TABLE t (id INT PRIMARY KEY, v INT NOT NULL)");
  c->execute("INSERT INTO t (id, v) VALUES (1, 5), (2, 6)");
  {
    ormc::PreparedStatement update = c->prepare("UPDATE t SET v = ? WHERE id = ?");
    ormc::bindValue(*update, 1, std::int64_t{5});
    ormc::bindValue(*update, 2, std::int64_t{1});
    CHECK_FALSE(update->step());
    CHECK(c->changes() == 1);  // matched, not changed: CLIENT_FOUND_ROWS
  }
  c->execute("UPDATE t SET v = v");
  CHECK(c->changes() == 2);
  c->execute("UPDATE t SET v = 7 WHERE id = 99");
  CHECK(c->changes() == 0);
  c->execute("SELECT 1");  // a query leaves the count alone, as on SQLite
  CHECK(c->changes() == 0);
}

TEST_CASE("each MySQL error maps to its class, number and constraint name, without values") {
  MysqlTestDatabase db;
  auto c = db.connect();
  ormc::test::backend::createConstraintTables(*c);
  c->execute("INSERT INTO child (id, parent_id) VALUES (1, 1)");
  const std::string secret = "s3cret-value";
  const std::string insertParent = "INSERT INTO parent (id, code, qty) VALUES (?, ?, ?)";

  auto insert = [&](std::int64_t id, std::optional<std::string> code, std::int64_t qty) {
    ormc::PreparedStatement statement = c->prepare(insertParent);
    ormc::bindValue(*statement, 1, id);
    ormc::bindValue(*statement, 2, code);
    ormc::bindValue(*statement, 3, qty);
    statement->step();
  };

  SUBCASE("1062 unique key, named; the duplicate value is not shown") {
    {
      ormc::PreparedStatement update = c->prepare("UPDATE parent SET code = ?");
      ormc::bindValue(*update, 1, secret);
      update->step();
    }
    auto error = caught<ormc::UniqueViolation>([&] { insert(2, secret, 1); });
    REQUIRE(error);
    CHECK(error->code() == 1062);
    CHECK(error->constraint() == "uq_parent_code");
    CHECK(error->sql() == insertParent);
    CHECK(std::string(error->what()).find(secret) == std::string::npos);
    CHECK(std::string(error->what()).find("for key 'uq_parent_code'") != std::string::npos);
  }
  SUBCASE("1062 primary key") {
    auto error = caught<ormc::UniqueViolation>([&] { insert(1, "b", 1); });
    REQUIRE(error);
    CHECK(error->constraint() == "PRIMARY");
  }
  SUBCASE("1452 missing parent and 1451 referenced parent, with the foreign key's name") {
    auto missing = caught<ormc::ForeignKeyViolation>([&] { c->execute("INSERT INTO child (id, parent_id) VALUES (2, 42)"); });
    REQUIRE(missing);
    CHECK(missing->code() == 1452);
    CHECK(missing->constraint() == "fk_child_parent");
    auto referenced = caught<ormc::ForeignKeyViolation>([&] { c->execute("DELETE FROM parent WHERE id = 1"); });
    REQUIRE(referenced);
    CHECK(referenced->code() == 1451);
    CHECK(referenced->constraint() == "fk_child_parent");
    CHECK(referenced->sql() == "DELETE FROM parent WHERE id = 1");
  }
  SUBCASE("1048 NULL into NOT NULL and 1364 no value at all, with the column's name") {
    auto null = caught<ormc::NotNullViolation>([&] { insert(2, std::nullopt, 1); });
    REQUIRE(null);
    CHECK(null->code() == 1048);
    CHECK(null->constraint() == "code");
    auto missing = caught<ormc::NotNullViolation>([&] { c->execute("INSERT INTO parent (id, qty) VALUES (3, 1)"); });
    REQUIRE(missing);
    CHECK(missing->code() == 1364);
    CHECK(missing->constraint() == "code");
  }
  SUBCASE("4025 CHECK, named") {
    auto error = caught<ormc::CheckViolation>([&] { insert(2, secret, 0); });
    REQUIRE(error);
    CHECK(error->code() == 4025);
    CHECK(error->constraint() == "ck_parent_qty");
    CHECK(std::string(error->what()).find(secret) == std::string::npos);
  }
  SUBCASE("a value the column refuses is a DatabaseError that does not show the value") {
    c->execute("CREATE TABLE dates (d DATE)");
    ormc::PreparedStatement statement = c->prepare("INSERT INTO dates (d) VALUES (?)");
    ormc::bindValue(*statement, 1, secret);
    auto error = caught<ormc::DatabaseError>([&] { statement->step(); });
    REQUIRE(error);
    CHECK(error->code() == 1292);
    CHECK(std::string(error->what()).find(secret) == std::string::npos);
    CHECK(std::string(error->what()).find("INSERT INTO dates (d) VALUES (?)") != std::string::npos);
  }
  SUBCASE("SQL the server cannot parse") {
    auto error = caught<ormc::DatabaseError>([&] { c->prepare("SELEKT 1"); });
    REQUIRE(error);
    CHECK(error->code() == 1064);
    CHECK(error->sql() == "SELEKT 1");
  }
}

TEST_CASE("two transactions locking rows in opposite order: one gets Deadlock (1213)") {
  MysqlTestDatabase db;
  auto a = db.connect();
  auto b = db.connect();
  createLockTable(*a);
  a->begin(ormc::TransactionMode::Write);
  b->begin(ormc::TransactionMode::Write);
  a->execute("UPDATE locks SET v = 1 WHERE id = 1");
  b->execute("UPDATE locks SET v = 2 WHERE id = 2");

  std::atomic<bool> aDeadlocked{false};
  int aCode = 0;
  std::exception_ptr aOther;
  std::thread first([&] {
    try {
      a->execute("UPDATE locks SET v = 1 WHERE id = 2");  // waits for b
    } catch (const ormc::Deadlock& error) {
      aCode = error.code();
      aDeadlocked = true;
    } catch (...) {
      aOther = std::current_exception();
    }
  });
  std::this_thread::sleep_for(300ms);  // a is now waiting for b's row
  std::optional<ormc::Deadlock> bError = caught<ormc::Deadlock>([&] { b->execute("UPDATE locks SET v = 2 WHERE id = 1"); });
  first.join();
  if (aOther) std::rethrow_exception(aOther);

  const bool aIsVictim = aDeadlocked.load();
  REQUIRE(aIsVictim != bError.has_value());  // exactly one victim
  ormc::Connection& victim = aIsVictim ? *a : *b;
  ormc::Connection& survivor = aIsVictim ? *b : *a;
  CHECK((aIsVictim ? aCode : bError->code()) == 1213);
  CHECK_FALSE(victim.inTransaction());  // the server rolled it back
  CHECK(survivor.inTransaction());
  survivor.commit();
  CHECK(std::stoi(queryText(victim, "SELECT COUNT(*) FROM locks WHERE v <> 0")) == 2);
}

TEST_CASE("a lock wait longer than innodb_lock_wait_timeout is a Timeout (1205)") {
  MysqlTestDatabase db;
  auto a = db.connect();
  auto b = db.connect();
  createLockTable(*a);
  b->execute("SET SESSION innodb_lock_wait_timeout = 1");
  a->begin(ormc::TransactionMode::Write);
  a->execute("UPDATE locks SET v = 1 WHERE id = 1");
  b->begin(ormc::TransactionMode::Write);

  const auto start = std::chrono::steady_clock::now();
  ormc::PreparedStatement update = b->prepare("UPDATE locks SET v = ? WHERE id = 1");
  ormc::bindValue(*update, 1, std::int64_t{2});
  auto error = caught<ormc::Timeout>([&] { update->step(); });
  REQUIRE(error);
  CHECK(error->code() == 1205);
  CHECK(error->sql() == "UPDATE locks SET v = ? WHERE id = 1");
  CHECK(std::chrono::steady_clock::now() - start >= 900ms);
  CHECK(b->inTransaction());  // only the statement was undone
  b->rollback();
  a->commit();
}

TEST_CASE("a URL with ?socket= connects through the unix socket") {
  MysqlTestDatabase db;
  const ormc::test::MysqlTestEnv env = ormc::test::loadMysqlTestEnv();
  const ormc::DatabaseUrl url = ormc::parseDatabaseUrl("mysql://" + env.user + ":" + env.password + "@localhost/" +
                                                       db.name() + "?socket=" + env.socket);
  auto c = ormc::mysql::open(url);
  CHECK(queryText(*c, "SELECT DATABASE()") == db.name());
  ormc::PreparedStatement host =
      c->prepare("SELECT HOST FROM information_schema.PROCESSLIST WHERE ID = CONNECTION_ID()");
  REQUIRE(host->step());
  CHECK(host->columnText(0) == "localhost");  // TCP would show 127.0.0.1:<port>
}

TEST_CASE("a refused login or an unreachable server is a ConnectionError without the password") {
  const ormc::DatabaseUrl server = ormc::test::mysqlServerUrl();
  SUBCASE("wrong password: 1045") {
    ormc::DatabaseUrl url = server;
    url.password = "Wr0ng-Secret-Pw";
    auto error = caught<ormc::ConnectionError>([&] { ormc::mysql::open(url); });
    REQUIRE(error);
    const std::string message = error->what();
    CHECK(error->code() == 1045);
    CHECK(message.find("Wr0ng-Secret-Pw") == std::string::npos);
    CHECK(message.find("'" + url.user + "'") != std::string::npos);
    CHECK(message.find(url.host + ":" + std::to_string(url.port)) != std::string::npos);
  }
  SUBCASE("nothing listens on the port: 2002/2003") {
    ormc::DatabaseUrl url = server;
    url.port = 1;
    url.options.emplace_back("connect_timeout", "2");
    auto error = caught<ormc::ConnectionError>([&] { ormc::mysql::open(url); });
    REQUIRE(error);
    CHECK((error->code() == 2002 || error->code() == 2003));
    CHECK(std::string(error->what()).find(url.host + ":1/") != std::string::npos);
    CHECK(std::string(error->what()).find(url.password) == std::string::npos);
  }
  SUBCASE("unknown database: 1049") {
    ormc::DatabaseUrl url = server;
    url.database = "ormc_no_such_database";
    auto error = caught<ormc::ConnectionError>([&] { ormc::mysql::open(url); });
    REQUIRE(error);
    CHECK(error->code() == 1049);
  }
  SUBCASE("an unknown URL option or another backend's URL is refused before connecting") {
    ormc::DatabaseUrl url = server;
    url.options.emplace_back("conect_timeout", "2");
    CHECK_THROWS_AS(ormc::mysql::open(url), ormc::InvalidUrl);
    CHECK_THROWS_AS(ormc::mysql::open(ormc::parseDatabaseUrl("sqlite::memory:")), ormc::InvalidUrl);
  }
}

TEST_CASE("read_timeout ends a statement that waits too long with ConnectionError") {
  MysqlTestDatabase db;
  ormc::DatabaseUrl url = db.url();
  url.options.emplace_back("read_timeout", "1");
  auto c = ormc::mysql::open(url);
  const auto start = std::chrono::steady_clock::now();
  auto error = caught<ormc::ConnectionError>([&] { c->execute("SELECT SLEEP(5)"); });
  REQUIRE(error);
  CHECK(error->code() == 2013);
  CHECK(std::chrono::steady_clock::now() - start < 4s);
  CHECK_FALSE(c->alive());
}

TEST_CASE("4-byte UTF-8 is stored as one character and read back unchanged") {
  MysqlTestDatabase db;
  auto c = db.connect();
  c->execute("CREATE TABLE emoji (v VARCHAR(4) NOT NULL)");
  const std::string face = "\xF0\x9F\x98\x80";  // U+1F600
  {
    ormc::PreparedStatement insert = c->prepare("INSERT INTO emoji (v) VALUES (?)");
    ormc::bindValue(*insert, 1, face + face);
    insert->step();
  }
  ormc::PreparedStatement select = c->prepare("SELECT v, CHAR_LENGTH(v), HEX(v) FROM emoji");
  REQUIRE(select->step());
  CHECK(ormc::readValue<std::string>(*select, 0) == face + face);
  CHECK(ormc::readValue<std::int64_t>(*select, 1) == 2);
  CHECK(ormc::readValue<std::string>(*select, 2) == "F09F9880F09F9880");
}

TEST_CASE("the statement cache compiles a repeated statement once") {
  MysqlTestDatabase db;
  auto c = db.connect();
  const std::size_t before = c->preparedCount();
  for (std::int64_t i = 0; i < 10; ++i) {
    ormc::PreparedStatement select = c->prepare("SELECT ? + 1");
    ormc::bindValue(*select, 1, i);
    REQUIRE(select->step());
    CHECK(ormc::readValue<std::int64_t>(*select, 0) == i + 1);
  }
  CHECK(c->preparedCount() == before + 1);
  // A parameter left unbound after reset() is NULL, not the previous run's value.
  ormc::PreparedStatement select = c->prepare("SELECT ? + 1");
  REQUIRE(select->step());
  CHECK(select->isNull(0));
}

TEST_CASE("transactions: READ ONLY refuses writes, begin() twice is refused, DDL commits") {
  MysqlTestDatabase db;
  auto c = db.connect();
  c->execute("CREATE TABLE t (v INT)");
  SUBCASE("read only") {
    ormc::Transaction tx(*c, {.mode = ormc::TransactionMode::Read, .isolation = std::nullopt});
    auto error = caught<ormc::DatabaseError>([&] { c->execute("INSERT INTO t (v) VALUES (1)"); });
    REQUIRE(error);
    CHECK(error->code() == 1792);
  }
  SUBCASE("begin twice") {
    c->begin(ormc::TransactionMode::Write);
    CHECK_THROWS_AS(c->begin(ormc::TransactionMode::Write), ormc::DatabaseError);
    CHECK(c->inTransaction());
    c->rollback();
    CHECK_FALSE(c->inTransaction());
  }
  SUBCASE("DDL ends the transaction (MySQL commits implicitly)") {
    c->begin(ormc::TransactionMode::Write);
    c->execute("INSERT INTO t (v) VALUES (1)");
    c->execute("CREATE TABLE u (v INT)");
    CHECK_FALSE(c->inTransaction());
    c->rollback();  // nothing to undo any more
    CHECK(queryText(*c, "SELECT COUNT(*) FROM t") == "1");
  }
  SUBCASE("SQL text that starts or ends a transaction is tracked") {
    c->execute("START TRANSACTION");
    CHECK(c->inTransaction());
    c->execute("ROLLBACK");
    CHECK_FALSE(c->inTransaction());
    c->execute("BEGIN");
    c->execute("SAVEPOINT x; ROLLBACK TO SAVEPOINT x");
    CHECK(c->inTransaction());
    c->execute("COMMIT");
    CHECK_FALSE(c->inTransaction());
  }
}

TEST_CASE("execute() splits a script only at the semicolons that end statements") {
  MysqlTestDatabase db;
  auto c = db.connect();
  c->execute(
      "CREATE TABLE s (v VARCHAR(50)); -- a comment; with a semicolon\n"
      "INSERT INTO s (v) VALUES ('a;b'), (\"c;d\"), ('it''s;'), ('back\\\\slash;\\';');\n"
      "/* block; comment */ INSERT INTO `s` (`v`) VALUES ('e');\n"
      "# hash comment;\n"
      ";;  ");
  ormc::PreparedStatement select = c->prepare("SELECT v FROM s ORDER BY v");
  std::string seen;
  while (select->step()) seen += std::string(select->columnText(0)) + "|";
  CHECK(seen == "a;b|back\\slash;';|c;d|e|it's;|");
}

TEST_CASE("lastInsertId follows AUTO_INCREMENT inserts only") {
  MysqlTestDatabase db;
  auto c = db.connect();
  c->execute("CREATE TABLE n (id BIGINT AUTO_INCREMENT PRIMARY KEY, v INT)");
  CHECK(c->lastInsertId() == 0);
  c->execute("INSERT INTO n (v) VALUES (1), (2), (3)");
  CHECK(c->lastInsertId() == 1);  // MySQL: the first id of a multi-row insert
  ormc::PreparedStatement insert = c->prepare("INSERT INTO n (v) VALUES (?)");
  ormc::bindValue(*insert, 1, std::int64_t{4});
  insert->step();
  CHECK(c->lastInsertId() == 4);
  c->execute("UPDATE n SET v = v + 1");
  CHECK(c->lastInsertId() == 4);
  CHECK(c->changes() == 4);
}

TEST_CASE("dates, date-times and doubles read back exactly where the driver alone would not") {
  MysqlTestDatabase db;
  auto c = db.connect();
  c->execute("CREATE TABLE d (d DATE, t DATETIME(6), f DOUBLE, x DECIMAL(38,9))");
  ormc::PreparedStatement insert = c->prepare("INSERT INTO d (d, t, f, x) VALUES (?, ?, ?, ?)");
  ormc::bindValue(*insert, 1, ormc::makeDate(1, 2, 3));
  ormc::bindValue(*insert, 2, ormc::makeDateTime(2024, 6, 1, 12, 30, 45));
  ormc::bindValue(*insert, 3, 0.1);
  ormc::bindValue(*insert, 4, ormc::Decimal("1.5"));
  insert->step();
  ormc::PreparedStatement select =
      c->prepare("SELECT d, t, f, x, CAST(t AS CHAR), CAST(d AS CHAR) FROM d");
  REQUIRE(select->step());
  CHECK(select->columnText(0) == "0001-02-03");  // Connector/C++ prints "01-02-03"
  CHECK(ormc::readValue<ormc::Date>(*select, 0) == ormc::makeDate(1, 2, 3));
  CHECK(ormc::readValue<ormc::DateTime>(*select, 1) == ormc::makeDateTime(2024, 6, 1, 12, 30, 45));
  CHECK(select->columnText(2) == "0.1");  // not "%f"'s 0.100000
  CHECK(ormc::readValue<double>(*select, 2) == 0.1);
  CHECK(select->columnText(3) == "1.500000000");  // the column's scale
  CHECK(ormc::readValue<ormc::Decimal>(*select, 3) == ormc::Decimal("1.5"));
  // The server stores UTC wall-clock text: what another client reads is the same instant.
  CHECK(select->columnText(4) == "2024-06-01 12:30:45.000000");
  CHECK(select->columnText(5) == "0001-02-03");
}

TEST_CASE("a connection killed on the server is not alive and reports ConnectionError") {
  MysqlTestDatabase db;
  auto victim = db.connect();
  auto killer = db.connect();
  CHECK(victim->alive());
  const std::int64_t id = connectionId(*victim);
  {
    ormc::PreparedStatement kill = killer->prepare("KILL CONNECTION ?");
    ormc::bindValue(*kill, 1, id);
    kill->step();
  }
  bool alive = true;
  for (int i = 0; i < 50 && alive; ++i) {
    alive = victim->alive();
    if (alive) std::this_thread::sleep_for(20ms);
  }
  CHECK_FALSE(alive);
  auto error = caught<ormc::ConnectionError>([&] { victim->execute("SELECT 1"); });
  REQUIRE(error);
  CHECK((error->code() == 2006 || error->code() == 2013 || error->code() == 1927));
}
