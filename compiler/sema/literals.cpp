// Literal validity and canonical forms. See literals.hpp.
#include "sema/literals.hpp"

#include <cerrno>
#include <cmath>
#include <cstdlib>

namespace ormc::sema::literals {

namespace {

std::string_view stripLeadingZeros(std::string_view digits) {
  while (digits.size() > 1 && digits.front() == '0') digits.remove_prefix(1);
  return digits;
}

bool allDigits(std::string_view text) {
  if (text.empty()) return false;
  for (char c : text) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

bool isZero(std::string_view digits) { return digits.find_first_not_of('0') == std::string_view::npos; }

// Compares two digit strings without leading zeros as numbers.
int compareDigits(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return a.size() < b.size() ? -1 : 1;
  return a.compare(b);
}

int number(std::string_view text) {
  int value = 0;
  for (char c : text) value = value * 10 + (c - '0');
  return value;
}

bool isLeapYear(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int daysInMonth(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && isLeapYear(year) ? 29 : kDays[month - 1];
}

bool isHex(char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }

}  // namespace

std::optional<std::string> canonicalInteger(bool negative, std::string_view digits, ir::ScalarKind kind) {
  if (!allDigits(digits)) return std::nullopt;
  digits = stripLeadingZeros(digits);
  bool wide = kind == ir::ScalarKind::Int64;
  std::string_view limit = wide ? (negative ? "9223372036854775808" : "9223372036854775807")
                                : (negative ? "2147483648" : "2147483647");
  if (compareDigits(digits, limit) > 0) return std::nullopt;
  if (isZero(digits)) return std::string("0");
  return (negative ? "-" : "") + std::string(digits);
}

DecimalResult canonicalDecimal(bool negative, std::string_view text, std::uint32_t precision, std::uint32_t scale) {
  std::size_t point = text.find('.');
  std::string_view whole = stripLeadingZeros(text.substr(0, point));
  std::string_view fraction = point == std::string_view::npos ? std::string_view() : text.substr(point + 1);
  if (fraction.size() > scale) return {DecimalFit::TooManyFractionDigits, {}};
  std::size_t wholeDigits = whole == "0" ? 0 : whole.size();
  if (wholeDigits > precision - scale) return {DecimalFit::TooManyIntegerDigits, {}};
  std::string canonical(whole);
  if (scale > 0) {
    canonical += '.';
    canonical += fraction;
    canonical.append(scale - fraction.size(), '0');
  }
  bool zero = isZero(whole) && isZero(fraction);
  if (negative && !zero) canonical.insert(canonical.begin(), '-');
  return {DecimalFit::Ok, canonical};
}

std::optional<std::string> canonicalFloat(bool negative, std::string_view text) {
  std::size_t point = text.find('.');
  std::string whole(stripLeadingZeros(text.substr(0, point)));
  std::string literal = point == std::string_view::npos ? whole : whole + std::string(text.substr(point));
  errno = 0;
  double value = std::strtod(literal.c_str(), nullptr);
  if (errno == ERANGE && std::isinf(value)) return std::nullopt;
  if (!std::isfinite(value)) return std::nullopt;
  if (negative && value != 0.0) literal.insert(literal.begin(), '-');
  return literal;
}

bool isValidDate(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
  std::string_view year = text.substr(0, 4), month = text.substr(5, 2), day = text.substr(8, 2);
  if (!allDigits(year) || !allDigits(month) || !allDigits(day)) return false;
  int y = number(year), m = number(month), d = number(day);
  if (y < 1 || m < 1 || m > 12) return false;
  return d >= 1 && d <= daysInMonth(y, m);
}

bool isValidDateTime(std::string_view text) {
  if (text.size() < 20 || text.back() != 'Z' || text[10] != 'T') return false;
  if (!isValidDate(text.substr(0, 10))) return false;
  std::string_view time = text.substr(11, 8);
  if (time[2] != ':' || time[5] != ':') return false;
  std::string_view hh = time.substr(0, 2), mm = time.substr(3, 2), ss = time.substr(6, 2);
  if (!allDigits(hh) || !allDigits(mm) || !allDigits(ss)) return false;
  if (number(hh) > 23 || number(mm) > 59 || number(ss) > 59) return false;
  std::string_view rest = text.substr(19, text.size() - 20);  // between the seconds and 'Z'
  if (rest.empty()) return true;
  if (rest.front() != '.') return false;
  rest.remove_prefix(1);
  return rest.size() >= 1 && rest.size() <= 6 && allDigits(rest);
}

std::optional<std::string> canonicalUuid(std::string_view text) {
  if (text.size() != 36) return std::nullopt;
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    bool dash = i == 8 || i == 13 || i == 18 || i == 23;
    if (dash ? c != '-' : !isHex(c)) return std::nullopt;
    out += (c >= 'A' && c <= 'F') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  return out;
}

}  // namespace ormc::sema::literals
