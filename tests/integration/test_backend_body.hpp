// Backend-independent tests of the runtime's Connection, Statement, value codec and
// Transaction. The including file defines its fixtures and ORMC_BACKEND_FIXTURES (a comma
// list of them) before including this header; each fixture type provides:
//   std::unique_ptr<ormc::Connection> connect();   // a connection to the test database
//   static constexpr bool kCanReopen;              // connect() again sees committed data
//   static std::string sqlType(std::string_view);  // "Bool", "Int", "BigInt", "Float",
//                                                  // "Decimal", "String", "Bytes", "Date",
//                                                  // "DateTime", "Uuid", "Json" -> column type
//   static constexpr int kUniqueCode, kForeignKeyCode, kNotNullCode, kCheckCode;
// so that a MySQL fixture can run the same bodies.
#pragma once

#include <doctest/doctest.h>

#include "ormc/backend.hpp"
#include "ormc/error.hpp"
#include "ormc/transaction.hpp"
#include "ormc/types.hpp"
#include "ormc/value_codec.hpp"

#include <array>
#include <cmath>
#include <cstdint>
#include <limits>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

namespace ormc::test::backend {

// An enum as generated code declares it: stored by its @map value ("r"), not its name.
enum class Access { reader, writer };

}  // namespace ormc::test::backend

template <>
struct ormc::meta::Enum<ormc::test::backend::Access> {
  using E = ormc::test::backend::Access;
  static constexpr std::string_view name = "Access";
  static constexpr std::array<E, 2> values{E::reader, E::writer};
  static constexpr std::array<std::string_view, 2> names{"reader", "writer"};
  static constexpr std::array<std::string_view, 2> stored{"r", "writer"};
};

namespace ormc::test::backend {

// Stores `value` in a one-column table of `sqlType` and reads it back.
template <typename T>
T roundTrip(Connection& c, const std::string& sqlType, const T& value) {
  c.execute("DROP TABLE IF EXISTS rt");
  c.execute("CREATE TABLE rt (v " + sqlType + ")");
  {
    PreparedStatement insert = c.prepare("INSERT INTO rt (v) VALUES (?)");
    bindValue(*insert, 1, value);
    CHECK_FALSE(insert->step());
  }
  PreparedStatement select = c.prepare("SELECT v FROM rt");
  REQUIRE(select->step());
  T read = readValue<T>(*select, 0);
  CHECK_FALSE(select->step());
  return read;
}

// The number of rows in `table`.
inline std::int64_t countRows(Connection& c, const std::string& table) {
  PreparedStatement count = c.prepare("SELECT COUNT(*) FROM " + table);
  REQUIRE(count->step());
  return readValue<std::int64_t>(*count, 0);
}

inline void insertNumber(Connection& c, std::int64_t n) {
  PreparedStatement insert = c.prepare("INSERT INTO numbers (n) VALUES (?)");
  bindValue(*insert, 1, n);
  insert->step();
}

// Parent/child tables with one named constraint of each kind.
inline void createConstraintTables(Connection& c) {
  c.execute(
      "DROP TABLE IF EXISTS child; DROP TABLE IF EXISTS parent;"
      "CREATE TABLE parent (id BIGINT PRIMARY KEY, code VARCHAR(20) NOT NULL,"
      " qty INTEGER NOT NULL, CONSTRAINT uq_parent_code UNIQUE (code),"
      " CONSTRAINT ck_parent_qty CHECK (qty > 0));"
      "CREATE TABLE child (id BIGINT PRIMARY KEY, parent_id BIGINT NOT NULL,"
      " CONSTRAINT fk_child_parent FOREIGN KEY (parent_id) REFERENCES parent (id));");
  c.execute("INSERT INTO parent (id, code, qty) VALUES (1, 'a', 1)");
}

}  // namespace ormc::test::backend

TEST_CASE_TEMPLATE("integers and booleans round-trip at their extremes", F, ORMC_BACKEND_FIXTURES) {
  using namespace ormc::test::backend;
  F f;
  auto c = f.connect();
  CHECK(roundTrip(*c, F::sqlType("Bool"), true) == true);
  CHECK(roundTrip(*c, F::sqlType("Bool"), false) == false);
  CHECK(roundTrip(*c, F::sqlType("Int"), std::numeric_limits<std::int32_t>::min()) ==
        std::numeric_limits<std::int32_t>::min());
  CHECK(roundTrip(*c, F::sqlType("Int"), std::numeric_limits<std::int32_t>::max()) ==
        std::numeric_limits<std::int32_t>::max());
  CHECK(roundTrip(*c, F::sqlType("BigInt"), std::numeric_limits<std::int64_t>::min()) ==
        std::numeric_limits<std::int64_t>::min());
  CHECK(roundTrip(*c, F::sqlType("BigInt"), std::numeric_limits<std::int64_t>::max()) ==
        std::numeric_limits<std::int64_t>::max());
  CHECK(roundTrip(*c, F::sqlType("BigInt"), std::optional<std::int64_t>{}) == std::nullopt);
  CHECK(roundTrip(*c, F::sqlType("Bool"), std::optional<bool>{}) == std::nullopt);
}

TEST_CASE_TEMPLATE("doubles round-trip and NaN is refused", F, ORMC_BACKEND_FIXTURES) {
  using namespace ormc::test::backend;
  F f;
  auto c = f.connect();
  for (double value : {0.0, -1.5, std::numeric_limits<double>::max(), std::numeric_limits<double>::lowest(),
                       std::numeric_limits<double>::denorm_min(), 0.1}) {
    CHECK(roundTrip(*c, F::sqlType("Float"), value) == value);
  }
  c->execute("CREATE TABLE nan_test (v " + F::sqlType("Float") + ")");
  ormc::PreparedStatement insert = c->prepare("INSERT INTO nan_test (v) VALUES (?)");
  CHECK_THROWS_AS(ormc::bindValue(*insert, 1, std::numeric_limits<double>::quiet_NaN()), ormc::ValueError);
}

TEST_CASE_TEMPLATE("strings and bytes round-trip byte for byte", F, ORMC_BACKEND_FIXTURES) {
  using namespace ormc::test::backend;
  F f;
  auto c = f.connect();
  const std::string withNul = std::string("a") + std::string(1, '\0') + "b";
  const std::string nonAscii = "na\xC3\xAFve \xF0\x9F\x98\x80 \xE6\x97\xA5\xE6\x9C\xAC";
  const std::string big(1024 * 1024, 'x');
  CHECK(roundTrip(*c, F::sqlType("String"), std::string()) == "");
  CHECK(roundTrip(*c, F::sqlType("String"), withNul) == withNul);
  CHECK(roundTrip(*c, F::sqlType("String"), nonAscii) == nonAscii);
  CHECK(roundTrip(*c, F::sqlType("String"), big) == big);
  CHECK(roundTrip(*c, F::sqlType("String"), std::optional<std::string>{}) == std::nullopt);

  const ormc::Bytes zeros{0x00, 0x01, 0x00, 0xff, 0x00};
  ormc::Bytes bigBlob(1024 * 1024);
  for (std::size_t i = 0; i < bigBlob.size(); ++i) bigBlob[i] = static_cast<std::uint8_t>(i % 251);
  CHECK(roundTrip(*c, F::sqlType("Bytes"), ormc::Bytes{}) == ormc::Bytes{});
  CHECK(roundTrip(*c, F::sqlType("Bytes"), std::optional<ormc::Bytes>(ormc::Bytes{})) == ormc::Bytes{});
  CHECK(roundTrip(*c, F::sqlType("Bytes"), zeros) == zeros);
  CHECK(roundTrip(*c, F::sqlType("Bytes"), bigBlob) == bigBlob);
  CHECK(roundTrip(*c, F::sqlType("Bytes"), std::optional<ormc::Bytes>{}) == std::nullopt);
}

TEST_CASE_TEMPLATE("decimals, dates, times, UUIDs and JSON round-trip", F, ORMC_BACKEND_FIXTURES) {
  using namespace ormc::test::backend;
  F f;
  auto c = f.connect();
  // The same number comes back. Its spelling is backend-specific: SQLite keeps the text as
  // written ("1.50"), a MySQL DECIMAL(p,s) column gives it the column's scale ("1.500000000");
  // each backend's own file checks that.
  for (const char* text : {"0", "0.00", "-12345678901234567890.123456789", "1.50"}) {
    ormc::Decimal value(text);
    ormc::Decimal read = roundTrip(*c, F::sqlType("Decimal"), value);
    CHECK(read == value);
  }
  for (ormc::Date date : {ormc::makeDate(1, 1, 1), ormc::makeDate(9999, 12, 31), ormc::makeDate(2024, 2, 29)}) {
    CHECK(roundTrip(*c, F::sqlType("Date"), date) == date);
  }
  for (ormc::DateTime time : {ormc::makeDateTime(1, 1, 1), ormc::makeDateTime(9999, 12, 31, 23, 59, 59, 999999),
                              ormc::makeDateTime(2024, 6, 1, 12, 30, 45, 123456),
                              ormc::makeDateTime(2024, 6, 1, 12, 30, 45, 1)}) {
    CHECK(roundTrip(*c, F::sqlType("DateTime"), time) == time);
  }
  const ormc::Uuid uuid("123E4567-E89B-12D3-A456-426614174000");
  CHECK(roundTrip(*c, F::sqlType("Uuid"), uuid) == uuid);
  CHECK(roundTrip(*c, F::sqlType("Uuid"), ormc::Uuid{}) == ormc::Uuid{});
  const ormc::Json json = {{"name", "na\xC3\xAFve"}, {"list", {1, 2.5, nullptr, true}}, {"empty", ormc::Json::object()}};
  CHECK(roundTrip(*c, F::sqlType("Json"), json) == json);
  CHECK(roundTrip(*c, F::sqlType("Json"), ormc::Json(nullptr)) == ormc::Json(nullptr));
  CHECK(roundTrip(*c, F::sqlType("Json"), std::optional<ormc::Json>{}) == std::nullopt);
  CHECK(roundTrip(*c, F::sqlType("DateTime"), std::optional<ormc::DateTime>{}) == std::nullopt);
  CHECK(roundTrip(*c, F::sqlType("Date"), std::optional<ormc::Date>(ormc::makeDate(2000, 1, 1))) ==
        ormc::makeDate(2000, 1, 1));
}

TEST_CASE_TEMPLATE("enums are stored as their mapped value", F, ORMC_BACKEND_FIXTURES) {
  using namespace ormc::test::backend;
  F f;
  auto c = f.connect();
  CHECK(roundTrip(*c, F::sqlType("String"), Access::reader) == Access::reader);
  CHECK(roundTrip(*c, F::sqlType("String"), std::optional<Access>{Access::writer}) == Access::writer);
  CHECK(roundTrip(*c, F::sqlType("String"), std::optional<Access>{}) == std::nullopt);
  {
    ormc::PreparedStatement stored = c->prepare("SELECT v FROM rt");
    c->execute("DELETE FROM rt");
    ormc::PreparedStatement insert = c->prepare("INSERT INTO rt (v) VALUES (?)");
    ormc::bindValue(*insert, 1, Access::reader);
    insert->step();
    REQUIRE(stored->step());
    CHECK(ormc::readValue<std::string>(*stored, 0) == "r");
  }
  c->execute("DELETE FROM rt");
  c->execute("INSERT INTO rt (v) VALUES ('reader')");  // the name is not the stored value
  ormc::PreparedStatement select = c->prepare("SELECT v FROM rt");
  REQUIRE(select->step());
  CHECK_THROWS_AS(ormc::readValue<Access>(*select, 0), ormc::ValueError);
}

TEST_CASE_TEMPLATE("a stored value the C++ type cannot hold is a ValueError", F, ORMC_BACKEND_FIXTURES) {
  F f;
  auto c = f.connect();
  c->execute("CREATE TABLE odd (big " + F::sqlType("BigInt") + ", s " + F::sqlType("String") + ")");
  c->execute("INSERT INTO odd (big, s) VALUES (4294967296, 'not a date'), (NULL, NULL)");
  ormc::PreparedStatement select = c->prepare("SELECT big, s FROM odd ORDER BY big DESC");
  REQUIRE(select->step());
  CHECK_THROWS_AS(ormc::readValue<std::int32_t>(*select, 0), ormc::ValueError);
  CHECK_THROWS_AS(ormc::readValue<ormc::Date>(*select, 1), ormc::ValueError);
  CHECK_THROWS_AS(ormc::readValue<ormc::DateTime>(*select, 1), ormc::ValueError);
  CHECK_THROWS_AS(ormc::readValue<ormc::Uuid>(*select, 1), ormc::ValueError);
  CHECK_THROWS_AS(ormc::readValue<ormc::Json>(*select, 1), ormc::ValueError);
  REQUIRE(select->step());
  CHECK_THROWS_AS(ormc::readValue<std::int64_t>(*select, 0), ormc::ValueError);
  CHECK(ormc::readValue<std::optional<std::int64_t>>(*select, 0) == std::nullopt);
}

TEST_CASE_TEMPLATE("constraint violations map to their error classes", F, ORMC_BACKEND_FIXTURES) {
  using namespace ormc::test::backend;
  F f;
  auto c = f.connect();
  createConstraintTables(*c);
  const std::string insertParent = "INSERT INTO parent (id, code, qty) VALUES (?, ?, ?)";
  const std::string secret = "s3cret-value";

  SUBCASE("unique") {
    ormc::PreparedStatement insert = c->prepare(insertParent);
    ormc::bindValue(*insert, 1, std::int64_t{2});
    ormc::bindValue(*insert, 2, "a");
    ormc::bindValue(*insert, 3, std::int64_t{1});
    try {
      insert->step();
      FAIL("no error");
    } catch (const ormc::UniqueViolation& error) {
      CHECK(error.code() == F::kUniqueCode);
      CHECK(error.sql() == insertParent);
      CHECK(std::string(error.what()).find(insertParent) != std::string::npos);
    }
  }
  SUBCASE("primary key") {
    ormc::PreparedStatement insert = c->prepare(insertParent);
    ormc::bindValue(*insert, 1, std::int64_t{1});
    ormc::bindValue(*insert, 2, secret);
    ormc::bindValue(*insert, 3, std::int64_t{1});
    try {
      insert->step();
      FAIL("no error");
    } catch (const ormc::UniqueViolation& error) {
      CHECK(std::string(error.what()).find(secret) == std::string::npos);  // values never appear
    }
  }
  SUBCASE("not null") {
    ormc::PreparedStatement insert = c->prepare(insertParent);
    ormc::bindValue(*insert, 1, std::int64_t{2});
    ormc::bindValue(*insert, 2, std::nullopt);
    ormc::bindValue(*insert, 3, std::int64_t{1});
    try {
      insert->step();
      FAIL("no error");
    } catch (const ormc::NotNullViolation& error) {
      CHECK(error.code() == F::kNotNullCode);
      CHECK(error.sql() == insertParent);
    }
  }
  SUBCASE("check") {
    ormc::PreparedStatement insert = c->prepare(insertParent);
    ormc::bindValue(*insert, 1, std::int64_t{2});
    ormc::bindValue(*insert, 2, secret);
    ormc::bindValue(*insert, 3, std::int64_t{0});
    try {
      insert->step();
      FAIL("no error");
    } catch (const ormc::CheckViolation& error) {
      CHECK(error.code() == F::kCheckCode);
      CHECK(error.sql() == insertParent);
      CHECK(error.constraint() == "ck_parent_qty");
      CHECK(std::string(error.what()).find(secret) == std::string::npos);
    }
  }
  SUBCASE("foreign key") {
    const std::string insertChild = "INSERT INTO child (id, parent_id) VALUES (?, ?)";
    ormc::PreparedStatement insert = c->prepare(insertChild);
    ormc::bindValue(*insert, 1, std::int64_t{1});
    ormc::bindValue(*insert, 2, std::int64_t{42});
    try {
      insert->step();
      FAIL("no error");
    } catch (const ormc::ForeignKeyViolation& error) {
      CHECK(error.code() == F::kForeignKeyCode);
      CHECK(error.sql() == insertChild);
    }
  }
  SUBCASE("every violation is a DatabaseError and an Error") {
    CHECK_THROWS_AS(c->execute("INSERT INTO child (id, parent_id) VALUES (1, 42)"), ormc::ConstraintViolation);
    CHECK_THROWS_AS(c->execute("INSERT INTO child (id, parent_id) VALUES (1, 42)"), ormc::DatabaseError);
    CHECK_THROWS_AS(c->execute("INSERT INTO child (id, parent_id) VALUES (1, 42)"), ormc::Error);
  }
  // A failed statement leaves the connection usable, and its cached statement too.
  ormc::PreparedStatement again = c->prepare(insertParent);
  ormc::bindValue(*again, 1, std::int64_t{3});
  ormc::bindValue(*again, 2, "c");
  ormc::bindValue(*again, 3, std::int64_t{5});
  CHECK_FALSE(again->step());
  CHECK(countRows(*c, "parent") == 2);
}

TEST_CASE_TEMPLATE("lastInsertId and changes report the last statement", F, ORMC_BACKEND_FIXTURES) {
  using namespace ormc::test::backend;
  F f;
  auto c = f.connect();
  c->execute("CREATE TABLE numbers (id " + F::sqlType("Serial") + ", n " + F::sqlType("BigInt") + ")");
  insertNumber(*c, 10);
  insertNumber(*c, 20);
  CHECK(c->lastInsertId() == 2);
  c->execute("UPDATE numbers SET n = n + 1");
  CHECK(c->changes() == 2);
}

TEST_CASE_TEMPLATE("prepared statements are cached per connection by SQL text", F, ORMC_BACKEND_FIXTURES) {
  using namespace ormc::test::backend;
  F f;
  auto c = f.connect();
  c->execute("CREATE TABLE numbers (id " + F::sqlType("Serial") + ", n " + F::sqlType("BigInt") + ")");
  const std::size_t before = c->preparedCount();
  for (int i = 0; i < 5; ++i) insertNumber(*c, i);
  CHECK(c->preparedCount() == before + 1);
  {
    // Two loans of the same text at once need two statements; both come back.
    ormc::PreparedStatement first = c->prepare("SELECT n FROM numbers ORDER BY n");
    ormc::PreparedStatement second = c->prepare("SELECT n FROM numbers ORDER BY n");
    REQUIRE(first->step());
    REQUIRE(second->step());
    CHECK(ormc::readValue<std::int64_t>(*first, 0) == 0);
    CHECK(ormc::readValue<std::int64_t>(*second, 0) == 0);
  }
  CHECK(c->preparedCount() == before + 3);
  // A returned statement is reset: it runs from the first row again.
  ormc::PreparedStatement again = c->prepare("SELECT n FROM numbers ORDER BY n");
  CHECK(c->preparedCount() == before + 3);
  REQUIRE(again->step());
  CHECK(ormc::readValue<std::int64_t>(*again, 0) == 0);
}

TEST_CASE_TEMPLATE("a committed transaction is kept", F, ORMC_BACKEND_FIXTURES) {
  using namespace ormc::test::backend;
  F f;
  {
    auto c = f.connect();
    c->execute("CREATE TABLE numbers (id " + F::sqlType("Serial") + ", n " + F::sqlType("BigInt") + ")");
    ormc::Transaction tx(*c);
    CHECK_FALSE(tx.nested());
    insertNumber(*c, 1);
    tx.commit();
    CHECK_FALSE(c->inTransaction());
    CHECK(countRows(*c, "numbers") == 1);
    CHECK_THROWS_AS(tx.commit(), ormc::Error);
  }
  if constexpr (F::kCanReopen) {
    auto reopened = f.connect();
    CHECK(countRows(*reopened, "numbers") == 1);
  }
}

TEST_CASE_TEMPLATE("a transaction not committed is rolled back", F, ORMC_BACKEND_FIXTURES) {
  using namespace ormc::test::backend;
  F f;
  auto c = f.connect();
  c->execute("CREATE TABLE numbers (id " + F::sqlType("Serial") + ", n " + F::sqlType("BigInt") + ")");
  SUBCASE("by the destructor") {
    {
      ormc::Transaction tx(*c);
      insertNumber(*c, 1);
      CHECK(c->inTransaction());
    }
    CHECK_FALSE(c->inTransaction());
    CHECK(countRows(*c, "numbers") == 0);
  }
  SUBCASE("when an exception leaves the scope") {
    try {
      ormc::Transaction tx(*c);
      insertNumber(*c, 1);
      throw std::runtime_error("boom");
    } catch (const std::runtime_error&) {
    }
    CHECK_FALSE(c->inTransaction());
    CHECK(countRows(*c, "numbers") == 0);
  }
  SUBCASE("by rollback()") {
    ormc::Transaction tx(*c);
    insertNumber(*c, 1);
    tx.rollback();
    CHECK(countRows(*c, "numbers") == 0);
  }
}

TEST_CASE_TEMPLATE("a nested transaction is a savepoint", F, ORMC_BACKEND_FIXTURES) {
  using namespace ormc::test::backend;
  F f;
  auto c = f.connect();
  c->execute("CREATE TABLE numbers (id " + F::sqlType("Serial") + ", n " + F::sqlType("BigInt") + ")");
  ormc::Transaction outer(*c);
  insertNumber(*c, 1);
  {
    ormc::Transaction inner(*c);
    CHECK(inner.nested());
    insertNumber(*c, 2);
  }  // rolled back to the savepoint
  CHECK(c->inTransaction());
  {
    ormc::Transaction inner(*c);
    insertNumber(*c, 3);
    {
      ormc::Transaction innermost(*c);
      insertNumber(*c, 4);
      innermost.commit();
    }
    inner.commit();
  }
  outer.commit();
  ormc::PreparedStatement select = c->prepare("SELECT n FROM numbers ORDER BY n");
  std::string seen;
  while (select->step()) seen += std::to_string(ormc::readValue<std::int64_t>(*select, 0));
  CHECK(seen == "134");
}

TEST_CASE_TEMPLATE("a statement memo leads each connection to its own statement", F, ORMC_BACKEND_FIXTURES) {
  F f;
  // A temporary table is the connection's own on both databases: the same text reads 1 on the
  // first connection and 2 on the second, so a statement taken from the wrong cache shows.
  auto readV = [](ormc::Connection& c, ormc::HashedSql sql) {
    ormc::PreparedStatement select = c.prepare(sql);
    REQUIRE(select->step());
    return ormc::readValue<std::int64_t>(*select, 0);
  };
  auto withTable = [&](std::int64_t v) {
    auto c = f.connect();
    c->execute("CREATE TEMPORARY TABLE memo_probe (v " + F::sqlType("BigInt") + ")");
    c->execute("INSERT INTO memo_probe (v) VALUES (" + std::to_string(v) + ")");
    return c;
  };
  auto first = withTable(1);
  auto second = withTable(2);
  CHECK(first->id() != second->id());

  const std::string text = "SELECT v FROM memo_probe";
  ormc::StatementMemo memo;
  ormc::HashedSql sql = ormc::HashedSql::of(text);
  sql.memo = &memo;
  for (int round = 0; round < 3; ++round) {
    CHECK(readV(*first, sql) == 1);
    CHECK(readV(*second, sql) == 2);
  }
  CHECK(first->preparedCount() == 1);  // compiled once per connection, found again after
  CHECK(second->preparedCount() == 1);
  CHECK(memo.connection == second->id());

  // A connection opened after another closed never matches that one's memo.
  const std::uint64_t closed = second->id();
  second.reset();
  auto third = withTable(3);
  CHECK(third->id() != closed);
  CHECK(readV(*third, sql) == 3);
  CHECK(readV(*first, sql) == 1);
}
