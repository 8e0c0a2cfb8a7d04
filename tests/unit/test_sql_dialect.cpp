// The SQL dialects and the pieces of the DDL emitter, one rule at a time: identifier quoting,
// string literals that survive any character, type spelling, stored forms of temporal values,
// CHECK rendering (length, division, decimal rounding, negation), foreign-key table order.
#include "emit/sql/check_renderer.hpp"
#include "emit/sql/ddl_emitter.hpp"
#include "emit/sql/dialect.hpp"
#include "emit/sql/stored_forms.hpp"
#include "emit/sql/table_order.hpp"
#include "test_sema_support.hpp"

#include <doctest/doctest.h>

#include <string>

using ormc::emit::sql::mysqlDialect;
using ormc::emit::sql::sqliteDialect;

namespace {

ormc::ir::Schema schemaOf(const std::string& text) {
  ormc::test::Analysis a = ormc::test::analyzeText(text);
  INFO(a.diagnostics);
  REQUIRE(a.schema.has_value());
  return *a.schema;
}

// The rendered checks of the first entity, one per line.
std::string checksOf(const ormc::ir::Schema& schema, const ormc::emit::sql::Dialect& dialect) {
  std::string out;
  const ormc::ir::Entity& entity = schema.entities.front();
  for (const ormc::ir::Check& check : entity.checks) {
    out += ormc::emit::sql::renderCheck(entity, check.expr, dialect) + "\n";
  }
  return out;
}

}  // namespace

TEST_CASE("identifiers are quoted with the quote character doubled") {
  CHECK(sqliteDialect().quoteIdentifier("order") == "\"order\"");
  CHECK(sqliteDialect().quoteIdentifier("say \"hi\" `x`") == "\"say \"\"hi\"\" `x`\"");
  CHECK(mysqlDialect().quoteIdentifier("order") == "`order`");
  CHECK(mysqlDialect().quoteIdentifier("say \"hi\" `x`") == "`say \"hi\" ``x```");
}

TEST_CASE("SQLite string literals double quotes and spell control characters with char()") {
  const auto& d = sqliteDialect();
  CHECK(d.stringLiteral("") == "''");
  CHECK(d.stringLiteral("it's") == "'it''s'");
  CHECK(d.stringLiteral("back\\slash \"x\" `y` -- z") == "'back\\slash \"x\" `y` -- z'");
  CHECK(d.stringLiteral(std::string("a\0b", 3)) == "('a' || char(0) || 'b')");
  CHECK(d.stringLiteral("\n") == "(char(10))");
  CHECK(d.stringLiteral("tab\tend\x7f") == "('tab' || char(9) || 'end' || char(127))");
  CHECK(d.stringLiteral("caf\xC3\xA9 \xF0\x9F\x98\x80") == "'caf\xC3\xA9 \xF0\x9F\x98\x80'");
}

TEST_CASE("MySQL string literals double quotes and escape backslashes and control characters") {
  const auto& d = mysqlDialect();
  CHECK(d.stringLiteral("") == "''");
  CHECK(d.stringLiteral("it's") == "'it''s'");
  CHECK(d.stringLiteral("back\\slash") == "'back\\\\slash'");
  CHECK(d.stringLiteral(std::string("a\0b\nc\rd\te\x1A", 10)) == "'a\\0b\\nc\\rd\\te\\Z'");
  CHECK(d.stringLiteral("\"x\" `y`") == "'\"x\" `y`'");
}

TEST_CASE("column types follow the table in docs/language.md") {
  ormc::ir::Schema schema = schemaOf(R"(schema t;
enum Role { admin, reader @map("it's") }
model A {
  id Int64 @id
  b Bool
  i Int32
  f Float64
  d Decimal(12,2)
  s String(255)
  u String?
  x Text
  y Bytes
  day Date
  at DateTime
  g Uuid
  j Json
  r Role
}
)");
  const ormc::ir::Entity& a = schema.entities.front();
  std::string sqlite, mysql;
  for (const ormc::ir::Column& c : a.columns) {
    sqlite += sqliteDialect().columnType(schema, c.type) + " ";
    mysql += mysqlDialect().columnType(schema, c.type) + " ";
  }
  CHECK(sqlite == "INTEGER INTEGER INTEGER REAL TEXT TEXT TEXT TEXT BLOB TEXT TEXT TEXT TEXT TEXT ");
  CHECK(mysql ==
        "BIGINT BOOLEAN INT DOUBLE DECIMAL(12,2) VARCHAR(255) TEXT LONGTEXT LONGBLOB DATE DATETIME(6) CHAR(36) JSON "
        "ENUM('admin', 'it''s') ");
}

TEST_CASE("defaults: stored forms, now() in UTC, no SQL default for uuid()") {
  ormc::ir::Schema schema = schemaOf(R"(schema t;
model A {
  id Uuid @id @default(uuid())
  at DateTime @default("2024-01-01T09:30:00.25Z")
  now DateTime @default(now())
  day Date @default(now())
  price Decimal(5,2) @default(1.50)
  on Bool @default(true)
  j Json @default("{}")
  s String(10) @default("it's")
}
)");
  const ormc::ir::Entity& a = schema.entities.front();
  auto defaults = [&](const ormc::emit::sql::Dialect& d) {
    std::string out;
    for (const ormc::ir::Column& c : a.columns) out += "[" + d.defaultClause(schema, c) + "]";
    return out;
  };
  CHECK(defaults(sqliteDialect()) ==
        "[]['2024-01-01T09:30:00.250000Z'][(strftime('%Y-%m-%dT%H:%M:%f000Z', 'now'))][(date('now'))]['1.50'][1]"
        "['{}']['it''s']");
  CHECK(defaults(mysqlDialect()) ==
        "[]['2024-01-01 09:30:00.250000'][(UTC_TIMESTAMP(6))][(UTC_DATE())][1.50][TRUE][('{}')]['it''s']");
}

TEST_CASE("stored forms of date-times pad the fraction to microseconds") {
  using namespace ormc::emit::sql;
  CHECK(sqliteDateTime("2024-01-01T09:30:00Z") == "2024-01-01T09:30:00.000000Z");
  CHECK(sqliteDateTime("2024-01-01T09:30:00.5Z") == "2024-01-01T09:30:00.500000Z");
  CHECK(sqliteDateTime("2024-01-01T09:30:00.123456Z") == "2024-01-01T09:30:00.123456Z");
  CHECK(mysqlDateTime("2024-01-01T09:30:00.25Z") == "2024-01-01 09:30:00.250000");
  CHECK(lowerAscii("0E7A-ABCD") == "0e7a-abcd");
}

TEST_CASE("MySQL comments: characters beyond U+FFFF become escapes, and long docs are cut to the server limit") {
  CHECK(mysqlDialect().columnComment("") == "");
  CHECK(mysqlDialect().columnComment("it's \xF0\x9F\x98\x80 caf\xC3\xA9") == " COMMENT 'it''s \\\\u{1F600} caf\xC3\xA9'");
  std::string longDoc(1030, 'x');
  CHECK(mysqlDialect().columnComment(longDoc) == " COMMENT '" + std::string(1024, 'x') + "'");
  std::string accents;
  for (int i = 0; i < 1030; ++i) accents += "\xC3\xA9";
  std::string cut;
  for (int i = 0; i < 1024; ++i) cut += "\xC3\xA9";
  CHECK(mysqlDialect().columnComment(accents) == " COMMENT '" + cut + "'");
}

TEST_CASE("checks: operators, length, stored forms of compared literals") {
  ormc::ir::Schema schema = schemaOf(R"(schema t;
enum Kind { a, b @map("it's") }
model A {
  id Int64 @id
  name String(20) @check(length(name) >= 2 && name != "x'y")
  kind Kind @check(kind != b)
  at DateTime @check(at >= "2000-01-01T00:00:00Z")
  g Uuid @check(g != "FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF")
  n Int32 @check(n in [1, 2] || !(n > 5))
}
)");
  CHECK(checksOf(schema, sqliteDialect()) ==
        "(length(\"name\") >= 2) AND (\"name\" <> 'x''y')\n"
        "\"kind\" <> 'it''s'\n"
        "\"at\" >= '2000-01-01T00:00:00.000000Z'\n"
        "\"g\" <> 'ffffffff-ffff-ffff-ffff-ffffffffffff'\n"
        "(\"n\" IN (1, 2)) OR (NOT (\"n\" > 5))\n");
  CHECK(checksOf(schema, mysqlDialect()) ==
        "(CHAR_LENGTH(`name`) >= 2) AND (`name` <> 'x''y')\n"
        "`kind` <> 'it''s'\n"
        "`at` >= '2000-01-01 00:00:00.000000'\n"
        "`g` <> 'ffffffff-ffff-ffff-ffff-ffffffffffff'\n"
        "(`n` IN (1, 2)) OR (NOT (`n` > 5))\n");
}

TEST_CASE("checks: decimals compare as numbers on SQLite, sums rounded to their scale, '/' divides exactly") {
  ormc::ir::Schema schema = schemaOf(R"(schema t;
model A {
  id Int64 @id
  a Decimal(10,2)
  b Decimal(10,3)
  f Float64
  n Int32

  @@check(a + b == 1.5)
  @@check(a * b >= 0)
  @@check(a > 0.00)
  @@check(f + a > 1)
  @@check(n / 2 > 1)
  @@check(-n < -(-1))
  @@check(a / n > 0.0 && n / 0.0 < 1)
}
)");
  CHECK(checksOf(schema, sqliteDialect()) ==
        "ROUND(CAST(\"a\" AS REAL) + CAST(\"b\" AS REAL), 3) = 1.5\n"
        "ROUND(CAST(\"a\" AS REAL) * CAST(\"b\" AS REAL), 5) >= 0\n"
        "CAST(\"a\" AS REAL) > 0.00\n"
        "(\"f\" + CAST(\"a\" AS REAL)) > 1\n"
        "(CAST(\"n\" AS REAL) / 2) > 1\n"
        "(-\"n\") < (-(-1))\n"
        "((CAST(\"a\" AS REAL) / \"n\") > 0.0) AND ((\"n\" / 0.0) < 1)\n");
  CHECK(checksOf(schema, mysqlDialect()) ==
        "(`a` + `b`) = 1.5\n"
        "(`a` * `b`) >= 0\n"
        "`a` > 0.00\n"
        "(`f` + `a`) > 1\n"
        "(`n` / 2) > 1\n"
        "(-`n`) < (-(-1))\n"
        "((`a` / NULLIF(`n`, 0)) > 0.0) AND ((`n` / NULLIF(0.0, 0)) < 1)\n");
}

TEST_CASE("tables come after the tables they reference, and keys that close a cycle are deferred") {
  ormc::ir::Schema schema = schemaOf(R"(schema t;
model Child {
  id Int64 @id
  parent Parent @relation("Kids", fields: [parentId], references: [id])
  parentId Int64
  favouriteOf Parent? @relation("Favourite")
}
model Parent {
  id Int64 @id
  favourite Child? @relation("Favourite", fields: [favouriteId], references: [id])
  favouriteId Int64? @unique
  self Parent? @relation("Self", fields: [selfId], references: [id])
  selfId Int64?
  children Child[] @relation("Kids")
  selves Parent[] @relation("Self")
}
model Lone {
  id Int64 @id
}
)");
  ormc::emit::sql::TableOrder order = ormc::emit::sql::orderTables(schema);
  std::string tables;
  for (std::size_t e : order.entities) tables += schema.entities[e].table + " ";
  // Child waits on Parent, which waits on Child: the walk from Child reaches Parent, whose key
  // back to Child is the one deferred. Parent's key to itself is never deferred.
  CHECK(tables == "parent child lone ");
  REQUIRE(order.deferred.size() == 1);
  const ormc::ir::Entity& parent = schema.entities[order.deferred[0].entity];
  CHECK(parent.table == "parent");
  CHECK(parent.foreignKeys[order.deferred[0].foreignKey].name == "parent_favourite_id_fkey");

  std::string mysql = ormc::emit::sql::emitDdl(schema, mysqlDialect(), {});
  CHECK(mysql.find("ALTER TABLE `parent` ADD CONSTRAINT `parent_favourite_id_fkey` FOREIGN KEY (`favourite_id`) "
                   "REFERENCES `child` (`id`) ON DELETE SET NULL ON UPDATE CASCADE;\n") != std::string::npos);
  std::string sqlite = ormc::emit::sql::emitDdl(schema, sqliteDialect(), {});
  CHECK(sqlite.find("ALTER TABLE") == std::string::npos);
  CHECK(sqlite.find("CONSTRAINT \"parent_favourite_id_fkey\" FOREIGN KEY") != std::string::npos);
}

TEST_CASE("findDialect knows the two command-line names") {
  CHECK(ormc::emit::sql::findDialect("sqlite") == &sqliteDialect());
  CHECK(ormc::emit::sql::findDialect("mysql") == &mysqlDialect());
  CHECK(ormc::emit::sql::findDialect("oracle") == nullptr);
}
