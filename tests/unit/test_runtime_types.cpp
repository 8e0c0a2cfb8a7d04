// The runtime's value types (ormc/types.hpp): Decimal's canonical text and numeric order,
// Uuid parsing and printing, the Date/DateTime text forms, and what "not set" looks like.
#include "ormc/types.hpp"

#include <doctest/doctest.h>

#include <set>
#include <type_traits>
#include <unordered_set>

using ormc::Date;
using ormc::DateTime;
using ormc::Decimal;
using ormc::Uuid;

TEST_CASE("Decimal keeps canonical digits and its scale") {
  CHECK(Decimal().str() == "0");
  CHECK(Decimal("0.00").str() == "0.00");
  CHECK(Decimal("12.50").str() == "12.50");
  CHECK(Decimal("+7").str() == "7");
  CHECK(Decimal("007.250").str() == "7.250");
  CHECK(Decimal("-0.000").str() == "0.000");  // no negative zero
  CHECK(Decimal("-0012.5").str() == "-12.5");
  CHECK(Decimal("123456789012345678901234567890.123456789").str() == "123456789012345678901234567890.123456789");
}

TEST_CASE("Decimal refuses what is not a decimal number") {
  for (const char* bad : {"", "-", "+", ".5", "5.", "1e3", "1,5", " 1", "1 ", "0x10", "--1", "1.2.3", "NaN"}) {
    CAPTURE(bad);
    CHECK_FALSE(Decimal::parse(bad).has_value());
    CHECK_THROWS_AS(Decimal{bad}, std::invalid_argument);
  }
}

TEST_CASE("Decimal precision, scale and fits follow Decimal(p,s)") {
  CHECK(Decimal("1.50").scale() == 2);
  CHECK(Decimal("7").scale() == 0);
  CHECK(Decimal("0.05").precision() == 2);
  CHECK(Decimal("120.5").precision() == 4);
  CHECK(Decimal("0").precision() == 1);
  CHECK(Decimal("-99999.99").precision() == 7);
  CHECK(Decimal("9999999999.99").fits(12, 2));
  CHECK_FALSE(Decimal("99999999999.99").fits(12, 2));
  CHECK(Decimal("1.500").fits(3, 1));  // trailing zeros drop no digit
  CHECK_FALSE(Decimal("1.05").fits(3, 1));
  CHECK(Decimal("0.2").fits(5, 4));
  CHECK_FALSE(Decimal("1").fits(2, 3));
}

TEST_CASE("Decimal withScale pads and never rounds") {
  CHECK(Decimal("1.5").withScale(2).str() == "1.50");
  CHECK(Decimal("-3").withScale(3).str() == "-3.000");
  CHECK(Decimal("2.500").withScale(1).str() == "2.5");
  CHECK(Decimal("2.000").withScale(0).str() == "2");
  CHECK_THROWS_AS(Decimal("2.55").withScale(1), std::domain_error);
  CHECK_THROWS_AS(Decimal("2.500").withScale(0), std::domain_error);
}

TEST_CASE("Decimal compares as numbers") {
  CHECK(Decimal("1.5") == Decimal("1.50"));
  CHECK(Decimal("0") == Decimal("-0.00"));
  CHECK(Decimal("-1") < Decimal("0"));
  CHECK(Decimal("-2") < Decimal("-1.5"));
  CHECK(Decimal("-1.5") > Decimal("-1.51"));
  CHECK(Decimal("9.99") < Decimal("10"));
  CHECK(Decimal("0.1") < Decimal("0.10001"));
  CHECK(Decimal("100") > Decimal("99.999"));
  CHECK(Decimal("1.5") != Decimal("1.05"));
  std::set<Decimal> ordered{Decimal("3"), Decimal("-1"), Decimal("2.5"), Decimal("2.50")};
  CHECK(ordered.size() == 3);
  CHECK(ordered.begin()->str() == "-1");
}

TEST_CASE("equal Decimals hash alike") {
  std::hash<Decimal> hash;
  CHECK(hash(Decimal("1.5")) == hash(Decimal("1.500")));
  CHECK(hash(Decimal("2")) == hash(Decimal("2.0")));
  CHECK(hash(Decimal("0")) == hash(Decimal("-0.0")));
  std::unordered_set<Decimal> set{Decimal("1.10"), Decimal("1.1")};
  CHECK(set.size() == 1);
}

TEST_CASE("Uuid parses the canonical form and prints it lower-case") {
  constexpr Uuid fixed{"1B4E28BA-2FA1-11D2-883F-0016D3CCA427"};
  static_assert(fixed.octets()[0] == 0x1b && fixed.octets()[15] == 0x27);
  static_assert(!fixed.isNil() && Uuid{}.isNil());
  CHECK(fixed.toString() == "1b4e28ba-2fa1-11d2-883f-0016d3cca427");
  CHECK(Uuid::parse(fixed.toString()) == fixed);
  for (const char* bad : {"", "1b4e28ba2fa111d2883f0016d3cca427", "{1b4e28ba-2fa1-11d2-883f-0016d3cca427}",
                          "1b4e28ba-2fa1-11d2-883f-0016d3cca42g", "1b4e28ba-2fa1-11d2-883f_0016d3cca427",
                          "1b4e28ba-2fa1-11d2-883f-0016d3cca4277"}) {
    CAPTURE(bad);
    CHECK_FALSE(Uuid::parse(bad).has_value());
    CHECK_THROWS_AS(Uuid{std::string_view(bad)}, std::invalid_argument);
  }
}

TEST_CASE("Uuid orders, hashes, and random() gives distinct version-4 values") {
  Uuid a{"00000000-0000-0000-0000-000000000001"};
  Uuid b{"00000000-0000-0000-0000-000000000002"};
  CHECK(a < b);
  CHECK(a != b);
  CHECK(std::hash<Uuid>{}(a) == std::hash<Uuid>{}(Uuid{"00000000-0000-0000-0000-000000000001"}));
  std::unordered_set<Uuid> seen;
  for (int i = 0; i < 1000; ++i) {
    Uuid u = Uuid::random();
    CHECK((u.octets()[6] >> 4) == 4);
    CHECK((u.octets()[8] & 0xc0) == 0x80);
    CHECK(u.toString()[14] == '4');
    seen.insert(u);
  }
  CHECK(seen.size() == 1000);
}

TEST_CASE("Date: constexpr construction, strict text form, and the unset value") {
  constexpr Date leap = ormc::makeDate(2024, 2, 29);
  static_assert(leap.ok());
  static_assert(!Date{}.ok());  // value-initialised: "not set" for a now() default
  CHECK(ormc::formatDate(leap) == "2024-02-29");
  CHECK(ormc::formatDate(ormc::makeDate(1, 1, 1)) == "0001-01-01");
  CHECK(ormc::parseDate("2024-02-29") == leap);
  CHECK(ormc::parseDate("9999-12-31") == ormc::makeDate(9999, 12, 31));
  for (const char* bad : {"2023-02-29", "2024-13-01", "2024-00-10", "2024-1-01", "2024/01/01", "20240101", ""}) {
    CAPTURE(bad);
    CHECK_FALSE(ormc::parseDate(bad).has_value());
  }
}

TEST_CASE("DateTime: microseconds in UTC, 27-character text form, both stored forms read back") {
  constexpr DateTime t = ormc::makeDateTime(2024, 1, 31, 9, 30, 5, 250000);
  static_assert(DateTime{}.time_since_epoch().count() == 0);  // "not set" for a now() default
  CHECK(ormc::formatDateTime(t) == "2024-01-31T09:30:05.250000Z");
  CHECK(ormc::formatDateTime(t).size() == 27);
  CHECK(ormc::formatDateTime(DateTime{}) == "1970-01-01T00:00:00.000000Z");
  CHECK(ormc::formatDateTime(DateTime{std::chrono::microseconds{-1}}) == "1969-12-31T23:59:59.999999Z");
  CHECK(ormc::parseDateTime("2024-01-31T09:30:05.250000Z") == t);
  CHECK(ormc::parseDateTime("2024-01-31 09:30:05.25") == t);  // MySQL's DATETIME(6) text
  CHECK(ormc::parseDateTime("2024-01-31T09:30:05Z") == ormc::makeDateTime(2024, 1, 31, 9, 30, 5));
  CHECK(ormc::parseDateTime("2024-01-31T09:30:05.000001") == ormc::makeDateTime(2024, 1, 31, 9, 30, 5, 1));
  for (const char* bad : {"2024-01-31", "2024-01-31T24:00:00Z", "2024-01-31T09:60:00Z", "2024-01-31T09:30:05.Z",
                          "2024-01-31T09:30:05.1234567Z", "2024-02-30T00:00:00Z", "2024-01-31X09:30:05Z",
                          "2024-01-31T09:30:05+01:00"}) {
    CAPTURE(bad);
    CHECK_FALSE(ormc::parseDateTime(bad).has_value());
  }
  DateTime now = ormc::currentDateTime();
  CHECK(ormc::parseDateTime(ormc::formatDateTime(now)) == now);
  CHECK(ormc::currentDate().ok());
}

TEST_CASE("Bytes and Json are the documented library types") {
  static_assert(std::is_same_v<ormc::Bytes, std::vector<std::uint8_t>>);
  static_assert(std::is_same_v<ormc::Json, nlohmann::json>);
  ormc::Bytes bytes{0x00, 0xff, 0x10};
  CHECK(bytes.size() == 3);
  ormc::Json json = ormc::Json::parse(R"({"a": [1, 2]})");
  CHECK(json["a"][1] == 2);
}
