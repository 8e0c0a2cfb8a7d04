// The out-of-line codecs of value_codec.hpp: those that parse stored text or check a range.
#include "ormc/value_codec.hpp"

#include "ormc/error.hpp"

#include <chrono>
#include <cmath>
#include <limits>
#include <optional>
#include <string_view>

namespace ormc {

namespace detail {

void throwReadError(Statement& statement, int column, std::string_view what, std::string_view why) {
  throw ValueError("ormc: cannot read " + std::string(what) + " from column " + std::to_string(column) + ": " +
                       std::string(why) + ", in SQL: " + statement.sql(),
                   0, statement.sql());
}

void throwBindError(Statement& statement, int index, std::string_view what, std::string_view why) {
  throw ValueError("ormc: cannot bind " + std::string(what) + " to parameter " + std::to_string(index) + ": " +
                       std::string(why) + ", in SQL: " + statement.sql(),
                   0, statement.sql());
}

}  // namespace detail

bool ValueCodec<bool>::read(Statement& s, int column) {
  std::int64_t value = s.columnInt64(column);
  if (value != 0 && value != 1) detail::throwReadError(s, column, "a Bool", "the stored value is not 0 or 1");
  return value == 1;
}

std::int32_t ValueCodec<std::int32_t>::read(Statement& s, int column) {
  std::int64_t value = s.columnInt64(column);
  if (value < std::numeric_limits<std::int32_t>::min() || value > std::numeric_limits<std::int32_t>::max()) {
    detail::throwReadError(s, column, "an Int", std::to_string(value) + " is outside the 32-bit range");
  }
  return static_cast<std::int32_t>(value);
}

double ValueCodec<double>::read(Statement& s, int column) {
  double value = s.columnDouble(column);
  if (std::isnan(value)) detail::throwReadError(s, column, "a Float", "the stored value is NaN");
  return value;
}

Decimal ValueCodec<Decimal>::read(Statement& s, int column) {
  std::optional<Decimal> value = Decimal::parse(s.columnText(column));
  if (!value) detail::throwReadError(s, column, "a Decimal", "the stored text is not a decimal number");
  return *value;
}

Bytes ValueCodec<Bytes>::read(Statement& s, int column) {
  std::span<const std::uint8_t> blob = s.columnBlob(column);
  return Bytes(blob.begin(), blob.end());
}

void ValueCodec<Date>::bind(Statement& s, int index, const Date& value) {
  if (!value.ok()) detail::throwBindError(s, index, "a Date", "it is not a valid calendar date");
  s.bindText(index, formatDate(value));
}

Date ValueCodec<Date>::read(Statement& s, int column) {
  std::optional<Date> value = parseDate(s.columnText(column));
  if (!value) {
    // readValue() leaves the NULL check to this codec (detail::readsNullAsError).
    if (s.isNull(column)) detail::throwReadError(s, column, "a value", "it is NULL");
    detail::throwReadError(s, column, "a Date", "the stored text is not YYYY-MM-DD");
  }
  return *value;
}

void ValueCodec<DateTime>::bind(Statement& s, int index, const DateTime& value) {
  // The backend spells it: the stored text differs between SQLite and MySQL (backend.hpp).
  s.bindDateTime(index, value);
}

namespace {

// The value of `width` digits at `text`, or -1 if one is not a digit.
int digitsAt(const char* text, int width) {
  int value = 0;
  for (int i = 0; i < width; ++i) {
    const unsigned digit = static_cast<unsigned char>(text[i]) - static_cast<unsigned>('0');
    if (digit > 9) return -1;
    value = value * 10 + static_cast<int>(digit);
  }
  return value;
}

// parseDateTime() for the one form ormc stores, "YYYY-MM-DDTHH:MM:SS.ffffffZ" (read once per
// row of every result, so worth a straight-line path); nullopt for any other text, which
// parseDateTime() then judges. Accepts exactly what parseDateTime() accepts in that form.
std::optional<DateTime> parseStoredDateTime(std::string_view text) {
  if (text.size() != 27 || text[4] != '-' || text[7] != '-' || text[10] != 'T' || text[13] != ':' ||
      text[16] != ':' || text[19] != '.' || text[26] != 'Z') {
    return std::nullopt;
  }
  const char* p = text.data();
  const int year = digitsAt(p, 4), month = digitsAt(p + 5, 2), day = digitsAt(p + 8, 2);
  const int hour = digitsAt(p + 11, 2), minute = digitsAt(p + 14, 2), second = digitsAt(p + 17, 2);
  const int micros = digitsAt(p + 20, 6);
  if ((year | month | day | hour | minute | second | micros) < 0 || hour > 23 || minute > 59 || second > 59) {
    return std::nullopt;
  }
  const Date date = makeDate(year, static_cast<unsigned>(month), static_cast<unsigned>(day));
  if (!date.ok()) return std::nullopt;
  return DateTime{std::chrono::sys_days{date}.time_since_epoch() + std::chrono::hours{hour} +
                  std::chrono::minutes{minute} + std::chrono::seconds{second} + std::chrono::microseconds{micros}};
}

}  // namespace

DateTime ValueCodec<DateTime>::read(Statement& s, int column) {
  const std::string_view text = s.columnText(column);
  if (std::optional<DateTime> stored = parseStoredDateTime(text)) return *stored;
  std::optional<DateTime> value = parseDateTime(text);
  if (!value) {
    // readValue() leaves the NULL check to this codec (detail::readsNullAsError).
    if (s.isNull(column)) detail::throwReadError(s, column, "a value", "it is NULL");
    detail::throwReadError(s, column, "a DateTime", "the stored text is not a date and time");
  }
  return *value;
}

Uuid ValueCodec<Uuid>::read(Statement& s, int column) {
  std::optional<Uuid> value = Uuid::parse(s.columnText(column));
  if (!value) detail::throwReadError(s, column, "a Uuid", "the stored text is not a canonical UUID");
  return *value;
}

void ValueCodec<Json>::bind(Statement& s, int index, const Json& value) {
  // Strict UTF-8: invalid text throws from nlohmann; report it as a ValueError.
  std::string text;
  try {
    text = value.dump();
  } catch (const Json::exception& error) {
    detail::throwBindError(s, index, "a Json", error.what());
  }
  s.bindText(index, text);
}

Json ValueCodec<Json>::read(Statement& s, int column) {
  std::string_view text = s.columnText(column);
  Json value = Json::parse(text.begin(), text.end(), nullptr, false);
  if (value.is_discarded()) detail::throwReadError(s, column, "a Json", "the stored text is not valid JSON");
  return value;
}

}  // namespace ormc
