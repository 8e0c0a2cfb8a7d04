// The DDL test bodies shared by both backends. Each takes a database type `Db` that provides:
//
//   static constexpr Backend kBackend;
//   explicit Db(const std::string& label);   // a fresh, empty database for this test
//   void runScript(const std::string& script);  // the whole script; FAIL with the server's message
//   Catalog readCatalog();                      // the catalog as test_ddl_catalog.hpp describes it
//   // One statement with text parameters bound in order ('?'); "" on success, else the error.
//   std::string execute(const std::string& sql, const std::vector<Param>& params = {});
//   // The first column of the first row as text (nullopt for NULL); FAIL without a row.
//   std::optional<std::string> queryValue(const std::string& sql);
//   static std::string quote(const std::string& name);  // an identifier in the dialect's quotes
//   static std::string dateTime(const std::string& date, const std::string& time);  // stored form
#pragma once

#include "support/golden.hpp"
#include "test_ddl_catalog.hpp"

#include <doctest/doctest.h>

#include <chrono>
#include <cstdlib>
#include <ctime>
#include <optional>
#include <regex>
#include <string>
#include <vector>

namespace ormc::test::ddl {

using Param = std::optional<std::string>;

// Loads the schema's DDL into a fresh database and compares the catalog with the IR.
template <class Db>
void checkCatalogMatchesIr(const std::string& label) {
  SchemaCase schemaFile = schemaCase(label);
  ir::Schema schema = compileSchema(schemaFile.file);
  Db db(label);
  db.runScript(ddlScript(schema, Db::kBackend, schemaFile.file.filename().string()));
  std::string expected = render(expectedCatalog(schema, Db::kBackend));
  std::string actual = render(db.readCatalog());
  INFO("expected (-) and actual (+) catalog:\n", describeDifference(expected, actual));
  CHECK(actual == expected);
}

namespace detail {

// "YYYY-MM-DD" of the UTC day `offsetDays` from now.
inline std::string utcDate(int offsetDays) {
  std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now()) +
                    static_cast<std::time_t>(offsetDays) * 86400;
  std::tm tm{};
  gmtime_r(&now, &tm);
  char buffer[16];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%d", &tm);
  return buffer;
}

// Seconds between now and a stored UTC date-time "YYYY-MM-DD?HH:MM:SS...".
inline long secondsFromNow(const std::string& stored) {
  std::tm tm{};
  tm.tm_year = std::stoi(stored.substr(0, 4)) - 1900;
  tm.tm_mon = std::stoi(stored.substr(5, 2)) - 1;
  tm.tm_mday = std::stoi(stored.substr(8, 2));
  tm.tm_hour = std::stoi(stored.substr(11, 2));
  tm.tm_min = std::stoi(stored.substr(14, 2));
  tm.tm_sec = std::stoi(stored.substr(17, 2));
  std::time_t then = timegm(&tm);
  std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  return static_cast<long>(now - then);
}

}  // namespace detail

// tests/golden/ddl/cases/literals.orm: defaults arrive exactly as written (quotes, backslashes,
// control characters, NUL, emoji, stored forms of Date/DateTime/Uuid, now() in UTC), and every
// CHECK accepts and refuses the same rows on both databases.
template <class Db>
void checkLiteralsBehave() {
  SchemaCase schemaFile = schemaCase("literals");
  ir::Schema schema = compileSchema(schemaFile.file);
  Db db("literals_rows");
  db.runScript(ddlScript(schema, Db::kBackend, "literals.orm"));
  const std::string table = Db::quote("sample");
  const std::string insert = "INSERT INTO " + table + " (" + Db::quote("generated") + ") VALUES (?)";
  REQUIRE(db.execute(insert, {"00000000-0000-0000-0000-000000000001"}) == "");

  auto value = [&](const std::string& expression) {
    std::optional<std::string> v = db.queryValue("SELECT " + expression + " FROM " + table + " WHERE " +
                                                 Db::quote("id") + " = 1");
    return v.value_or("<NULL>");
  };
  auto column = [&](const std::string& name) { return value(Db::quote(name)); };
  CHECK(column("tricky") == "it's");
  CHECK(column("quote") == "it's \"quoted\" `ticked`; DROP TABLE sample; -- x /* y */");
  CHECK(column("slash") == "back\\slash\\n");
  // tab, newline, NUL: compared in hex so no layer in between can hide a lost byte.
  CHECK(value("HEX(" + Db::quote("control") + ")") == "74616209686572650A6E6577006E756C");
  CHECK(value("HEX(" + Db::quote("emoji") + ")") == "F09F988020C3A9");
  CHECK(column("dollar") == "$var$ $$");
  CHECK(column("empty") == "");
  CHECK(column("json") == R"({"a": "it's", "b": [1, 2.5, null]})");
  CHECK(column("day") == "2024-02-29");
  CHECK(column("moment") == Db::dateTime("2024-01-01", "09:30:00.250000"));
  CHECK(column("whole") == Db::dateTime("2024-01-01", "09:30:00.000000"));
  CHECK(column("token") == "0e7a4f2c-1b3d-4c5e-8f90-a1b2c3d4e5f6");
  CHECK(column("ratio") == "-0.5");
  CHECK(column("big") == "-9223372036854775808");
  CHECK(column("price") == "-12.50");
  CHECK(column("flag") == "1");
  CHECK(column("n") == "3");
  CHECK(column("note") == "<NULL>");

  // now(): the stored form, in UTC, microseconds included.
  const std::string stamp = column("stamp");
  const std::string pattern = Db::dateTime("DDDD-DD-DD", "DD:DD:DD.DDDDDD");
  CHECK_MESSAGE(std::regex_match(stamp, std::regex(std::regex_replace(pattern, std::regex("D"), "\\d"))), stamp);
  CHECK(std::abs(detail::secondsFromNow(stamp)) < 300);
  const std::string today = column("today");
  CHECK((today == detail::utcDate(0) || today == detail::utcDate(-1)));

  // Each row differs from the defaults in one column; the CHECKs must decide alike everywhere.
  struct Case {
    const char* column;
    Param value;
    bool accepted;
  };
  const std::vector<Case> cases = {
      {"a", "0.70", false},  // 0.70 + 0.20 is not the default c = 0.30
      {"n", "3", true},   // 3 / 2 = 1.5 > 1: real division, not SQLite's integer division
      {"n", "2", false},  // 2 / 2 = 1
      {"d", "2", true},   // n / d = 1.5 > 1
      {"d", "3", false},  // 3 / 3 = 1
      {"d", "0", true},   // 3 / 0 is NULL: the check passes (MySQL's strict mode would raise an error)
      {"note", "it's; DROP TABLE sample; --", false},
      {"note", "it's fine", true},
      {"note", "", false},  // length(note) >= 1
      {"since", Db::dateTime("1999-12-31", "23:59:59.999999"), false},
      {"since", Db::dateTime("2000-01-01", "00:00:00.000000"), true},
      {"ref", "ffffffff-ffff-ffff-ffff-ffffffffffff", false},
      {"ref", "ffffffff-ffff-ffff-ffff-fffffffffffe", true},
      {"kind", "back\\slash", false},
      {"kind", "say \"hi\"", true},
      {"kind", "nope", false},       // not a value of the enum
      {"tricky", "back\\slash", false},  // a value of the enum the model's check excludes
      {"tricky", "café", true},
      {"json", "{\"a\": 1", false},
      {"json", "[]", true},
      {"quote", std::string(61, 'x'), false},  // String(60)
      {"quote", std::string(60, 'x'), true},
      {"emoji", "😀😀😀😀😀😀😀😀😀😀", true},  // ten characters, forty bytes
      {"emoji", "😀😀😀😀😀😀😀😀😀😀😀", false},
  };
  int key = 100;
  // a + b == c in exact decimals, though 0.70 + 0.20 is 0.8999999999999999 as doubles.
  const std::string sum = "INSERT INTO " + table + " (" + Db::quote("id") + ", " + Db::quote("generated") + ", " +
                          Db::quote("a") + ", " + Db::quote("c") + ") VALUES (?, ?, ?, ?)";
  CHECK(db.execute(sum, {std::to_string(key++), "x", "0.70", "0.90"}) == "");
  CHECK(db.execute(sum, {std::to_string(key++), "x", "0.70", "0.91"}) != "");
  for (const Case& c : cases) {
    CAPTURE(c.column);
    CAPTURE(c.value.value_or("NULL"));
    std::string sql = "INSERT INTO " + table + " (" + Db::quote("id") + ", " + Db::quote("generated") + ", " +
                      Db::quote(c.column) + ") VALUES (?, ?, ?)";
    std::string error = db.execute(sql, {std::to_string(key++), "x", c.value});
    if (c.accepted) {
      CHECK_MESSAGE(error.empty(), error);
    } else {
      CHECK_MESSAGE(!error.empty(), "accepted, but should be refused");
    }
  }
}

// tests/golden/ddl/cases/reserved_words.orm: rows go in and out of tables named with reserved
// words and quote characters, and the foreign keys act (ON DELETE CASCADE / SET NULL).
template <class Db>
void checkReservedWordsBehave() {
  SchemaCase schemaFile = schemaCase("reserved_words");
  ir::Schema schema = compileSchema(schemaFile.file);
  Db db("reserved_rows");
  db.runScript(ddlScript(schema, Db::kBackend, "reserved_words.orm"));
  const auto q = [](const std::string& name) { return Db::quote(name); };
  REQUIRE(db.execute("INSERT INTO " + q("group") + " (" + q("key") + ", " + q("default") + ") VALUES (?, ?)",
                     {"g1", "x"}) == "");
  REQUIRE(db.execute("INSERT INTO " + q("order") + " (" + q("group") + ", " + q("table") + ", " + q("select") +
                         ") VALUES (?, ?, ?)",
                     {"g1", "t", "group by"}) == "");
  REQUIRE(db.execute("INSERT INTO " + q("table") + " (" + q("order") + ", " + q("index") + ", " +
                         q("say \"hi\" `now`") + ") VALUES (?, ?, ?)",
                     {"1", "7", "quoted"}) == "");
  REQUIRE(db.execute("INSERT INTO " + q("odd \"table\" `name`") + " (" + q("key") + ", " + q("from") +
                         ") VALUES (?, ?)",
                     {"k", "1"}) == "");
  CHECK(db.queryValue("SELECT " + q("select") + " FROM " + q("order")) == "group by");
  CHECK(db.queryValue("SELECT " + q("say \"hi\" `now`") + " FROM " + q("table")) == "quoted");
  // An unknown group is refused: the foreign key is enforced.
  CHECK(db.execute("INSERT INTO " + q("order") + " (" + q("group") + ", " + q("table") + ") VALUES (?, ?)",
                   {"nope", "t2"}) != "");
  REQUIRE(db.execute("DELETE FROM " + q("group"), {}) == "");
  CHECK(db.queryValue("SELECT COUNT(*) FROM " + q("order")) == "0");   // ON DELETE CASCADE
  CHECK(db.queryValue("SELECT COUNT(*) FROM " + q("table")) == "0");   // ... and on, from order
  CHECK(db.queryValue("SELECT " + q("from") + " FROM " + q("odd \"table\" `name`")) == std::nullopt);  // SET NULL
}

}  // namespace ormc::test::ddl
