// The C++ value types of the schema language (docs/language.md, "Scalar types"): what a
// generated struct member holds for Decimal, Bytes, Date, DateTime, Uuid and Json, and the text
// forms the runtime stores them in. Plain values only: no database access, no column rules
// (precision checks against a column's Decimal(p,s) belong to whoever knows the column).
#pragma once

#include <nlohmann/json.hpp>

#include <array>
#include <chrono>
#include <compare>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <iosfwd>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace ormc {

// A byte string (`Bytes`). std::uint8_t rather than std::byte: it initialises from integer
// lists ({0x01, 0xff}), matches nlohmann::json's binary type and the C client APIs, and a
// std::byte would add a cast at every use without catching a real mistake.
using Bytes = std::vector<std::uint8_t>;

// A calendar date (`Date`). A value-initialised Date (year 0, month 0, day 0) is not ok():
// the runtime reads it as "not set" where a `now()` default applies.
using Date = std::chrono::year_month_day;

// An instant in UTC with microsecond resolution (`DateTime`), as DATETIME(6) stores it. The
// value-initialised DateTime is the epoch: "not set" where a `now()` default applies.
using DateTime = std::chrono::sys_time<std::chrono::microseconds>;

// A JSON document (`Json`).
using Json = nlohmann::json;

// The Date `year`-`month`-`day`, usable in constant expressions (generated default values).
constexpr Date makeDate(int year, unsigned month, unsigned day) noexcept {
  return Date{std::chrono::year{year}, std::chrono::month{month}, std::chrono::day{day}};
}

// The DateTime at the given UTC date and time of day.
constexpr DateTime makeDateTime(int year, unsigned month, unsigned day, unsigned hour = 0, unsigned minute = 0,
                                unsigned second = 0, unsigned microsecond = 0) noexcept {
  return DateTime{std::chrono::sys_days{makeDate(year, month, day)}.time_since_epoch() + std::chrono::hours{hour} +
                  std::chrono::minutes{minute} + std::chrono::seconds{second} +
                  std::chrono::microseconds{microsecond}};
}

// "YYYY-MM-DD" for a date whose year is 0000..9999; other years print with their sign and
// more digits. Meaningful only for ok() dates.
std::string formatDate(Date date);

// A strict "YYYY-MM-DD" that names a real calendar date; nullopt otherwise.
std::optional<Date> parseDate(std::string_view text) noexcept;

// "YYYY-MM-DDTHH:MM:SS.ffffffZ": always 27 characters for years 0000..9999, so that text
// order is time order. This is the form the runtime stores in SQLite.
std::string formatDateTime(DateTime time);

// "YYYY-MM-DD?HH:MM:SS[.f]" where ? is 'T' or ' ', with 1 to 6 fraction digits and an optional
// trailing 'Z' (both the SQLite form above and MySQL's DATETIME(6) text); read as UTC.
// nullopt for anything else, including a date or time of day that does not exist.
std::optional<DateTime> parseDateTime(std::string_view text) noexcept;

// The current UTC time, truncated to microseconds: the value of a `now()` default.
DateTime currentDateTime();
// Today's UTC date: the value of a `now()` default on a Date.
Date currentDate();

// An exact decimal number (`Decimal(p,s)`), kept as its digits so that no value is ever
// rounded through a double. The text is canonical: an optional '-', the integer digits
// without leading zeros (at least one), then '.' and the fraction digits as written, so the
// scale is kept ("1.50" stays "1.50"); "+1" becomes "1" and "-0.0" becomes "0.0".
// Comparison is numeric: 1.5 == 1.50.
class Decimal {
 public:
  // Zero, "0".
  Decimal() = default;
  // Parses `text` ([+-]digits[.digits]); throws std::invalid_argument naming the text if it
  // is not a decimal number.
  explicit Decimal(std::string_view text);

  // The decimal in `text`, or nullopt if it is not one.
  static std::optional<Decimal> parse(std::string_view text);

  // The canonical text.
  const std::string& str() const noexcept { return text_; }
  bool negative() const noexcept { return text_.front() == '-'; }
  // Digits after the point, as written ("1.50" -> 2, "7" -> 0).
  std::uint32_t scale() const noexcept;
  // Significant digits before the point plus scale(), at least 1: the smallest p of a
  // Decimal(p, scale()) that holds the value ("0.05" -> 2, "120.5" -> 4, "0" -> 1).
  std::uint32_t precision() const noexcept;
  // True if a Decimal(p, s) column holds the value exactly (no digit dropped).
  bool fits(std::uint32_t precision, std::uint32_t scale) const noexcept;
  // The same number written with exactly `scale` fraction digits ("1.5" -> "1.50"). Throws
  // std::domain_error if that would drop a non-zero digit: ormc never rounds silently.
  Decimal withScale(std::uint32_t scale) const;

  friend bool operator==(const Decimal& a, const Decimal& b) noexcept;
  friend std::weak_ordering operator<=>(const Decimal& a, const Decimal& b) noexcept;

 private:
  std::string_view integerDigits() const noexcept;
  std::string_view fractionDigits() const noexcept;

  std::string text_ = "0";
};

std::ostream& operator<<(std::ostream& out, const Decimal& value);

// A UUID (`Uuid`): 16 bytes in RFC 4122 order. Default-constructed, it is the nil UUID, which
// the runtime reads as "not set" where a `uuid()` default applies.
class Uuid {
 public:
  using Octets = std::array<std::uint8_t, 16>;

  constexpr Uuid() noexcept = default;
  constexpr explicit Uuid(const Octets& octets) noexcept : octets_(octets) {}
  // Parses the canonical form (see parse()); throws std::invalid_argument otherwise. Usable
  // in constant expressions, where a malformed literal fails to compile.
  constexpr explicit Uuid(std::string_view text) : octets_(parseOrThrow(text)) {}

  // The UUID in canonical form "xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx" (hex digits in either
  // case), or nullopt for any other text.
  static constexpr std::optional<Uuid> parse(std::string_view text) noexcept {
    if (text.size() != 36) return std::nullopt;
    Octets octets{};
    std::size_t next = 0;
    for (std::size_t i = 0; i < text.size();) {
      if (i == 8 || i == 13 || i == 18 || i == 23) {
        if (text[i] != '-') return std::nullopt;
        ++i;
        continue;
      }
      int high = hexValue(text[i]);
      int low = hexValue(text[i + 1]);
      if (high < 0 || low < 0) return std::nullopt;
      octets[next++] = static_cast<std::uint8_t>(high * 16 + low);
      i += 2;
    }
    return Uuid(octets);
  }

  // A random (version 4) UUID: the value of a `uuid()` default.
  static Uuid random();

  constexpr const Octets& octets() const noexcept { return octets_; }
  constexpr bool isNil() const noexcept { return *this == Uuid{}; }
  // The canonical form, lower-case, 36 characters.
  std::string toString() const;

  friend constexpr bool operator==(const Uuid&, const Uuid&) noexcept = default;
  friend constexpr std::strong_ordering operator<=>(const Uuid&, const Uuid&) noexcept = default;

 private:
  static constexpr int hexValue(char c) noexcept {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  }
  static constexpr Octets parseOrThrow(std::string_view text) {
    std::optional<Uuid> parsed = parse(text);
    if (!parsed) throw std::invalid_argument("ormc: not a UUID: '" + std::string(text) + "'");
    return parsed->octets_;
  }

  Octets octets_{};
};

std::ostream& operator<<(std::ostream& out, const Uuid& value);

}  // namespace ormc

// Hashes agree with operator==, so both types can key unordered containers (identity maps).
template <>
struct std::hash<ormc::Decimal> {
  std::size_t operator()(const ormc::Decimal& value) const noexcept;
};

template <>
struct std::hash<ormc::Uuid> {
  std::size_t operator()(const ormc::Uuid& value) const noexcept;
};
