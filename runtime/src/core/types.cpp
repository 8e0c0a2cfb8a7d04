// The value types of the schema language: text forms, parsing and comparison. See types.hpp.
#include "ormc/types.hpp"

#include <algorithm>
#include <cstdio>
#include <ostream>
#include <random>

namespace ormc {

namespace {

bool isDigit(char c) { return c >= '0' && c <= '9'; }

// The value of the `count` decimal digits at `text[pos]`, or -1 if any is not a digit.
int digitsAt(std::string_view text, std::size_t pos, std::size_t count) {
  if (pos + count > text.size()) return -1;
  int value = 0;
  for (std::size_t i = pos; i < pos + count; ++i) {
    if (!isDigit(text[i])) return -1;
    value = value * 10 + (text[i] - '0');
  }
  return value;
}

// Compares two strings of digits of equal length as numbers.
std::weak_ordering compareDigits(std::string_view a, std::string_view b) {
  int c = a.compare(b);
  if (c < 0) return std::weak_ordering::less;
  if (c > 0) return std::weak_ordering::greater;
  return std::weak_ordering::equivalent;
}

std::string_view withoutTrailingZeros(std::string_view digits) {
  while (!digits.empty() && digits.back() == '0') digits.remove_suffix(1);
  return digits;
}

}  // namespace

// ---- Date and DateTime ----

std::string formatDate(Date date) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02u", static_cast<int>(date.year()),
                static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
  return buffer;
}

std::optional<Date> parseDate(std::string_view text) noexcept {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  int year = digitsAt(text, 0, 4);
  int month = digitsAt(text, 5, 2);
  int day = digitsAt(text, 8, 2);
  if (year < 0 || month < 0 || day < 0) return std::nullopt;
  Date date = makeDate(year, static_cast<unsigned>(month), static_cast<unsigned>(day));
  if (!date.ok()) return std::nullopt;
  return date;
}

std::string formatDateTime(DateTime time) {
  std::chrono::sys_days day = std::chrono::floor<std::chrono::days>(time);
  std::chrono::hh_mm_ss<std::chrono::microseconds> clock(time - day);
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%sT%02d:%02d:%02d.%06lldZ", formatDate(Date{day}).c_str(),
                static_cast<int>(clock.hours().count()), static_cast<int>(clock.minutes().count()),
                static_cast<int>(clock.seconds().count()), static_cast<long long>(clock.subseconds().count()));
  return buffer;
}

std::optional<DateTime> parseDateTime(std::string_view text) noexcept {
  if (text.size() < 19) return std::nullopt;
  std::optional<Date> date = parseDate(text.substr(0, 10));
  if (!date || (text[10] != 'T' && text[10] != ' ') || text[13] != ':' || text[16] != ':') return std::nullopt;
  int hour = digitsAt(text, 11, 2);
  int minute = digitsAt(text, 14, 2);
  int second = digitsAt(text, 17, 2);
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) return std::nullopt;
  std::string_view rest = text.substr(19);
  if (!rest.empty() && rest.back() == 'Z') rest.remove_suffix(1);
  int micros = 0;
  if (!rest.empty()) {
    std::size_t digits = rest.size() - 1;
    if (rest[0] != '.' || digits < 1 || digits > 6) return std::nullopt;
    micros = digitsAt(rest, 1, digits);
    if (micros < 0) return std::nullopt;
    for (std::size_t i = digits; i < 6; ++i) micros *= 10;
  }
  return DateTime{std::chrono::sys_days{*date}.time_since_epoch() + std::chrono::hours{hour} +
                  std::chrono::minutes{minute} + std::chrono::seconds{second} + std::chrono::microseconds{micros}};
}

DateTime currentDateTime() {
  return std::chrono::floor<std::chrono::microseconds>(std::chrono::system_clock::now());
}

Date currentDate() { return Date{std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now())}; }

// ---- Decimal ----

std::optional<Decimal> Decimal::parse(std::string_view text) {
  bool negative = false;
  if (!text.empty() && (text.front() == '+' || text.front() == '-')) {
    negative = text.front() == '-';
    text.remove_prefix(1);
  }
  std::size_t point = text.find('.');
  std::string_view integer = text.substr(0, point);
  std::string_view fraction = point == std::string_view::npos ? std::string_view{} : text.substr(point + 1);
  bool wellFormed = !integer.empty() && std::all_of(integer.begin(), integer.end(), isDigit) &&
                    (point == std::string_view::npos || !fraction.empty()) &&
                    std::all_of(fraction.begin(), fraction.end(), isDigit);
  if (!wellFormed) return std::nullopt;
  while (integer.size() > 1 && integer.front() == '0') integer.remove_prefix(1);
  bool zero = integer == "0" && withoutTrailingZeros(fraction).empty();
  Decimal out;
  out.text_.clear();
  if (negative && !zero) out.text_ += '-';
  out.text_ += integer;
  if (!fraction.empty()) {
    out.text_ += '.';
    out.text_ += fraction;
  }
  return out;
}

Decimal::Decimal(std::string_view text) {
  std::optional<Decimal> parsed = parse(text);
  if (!parsed) throw std::invalid_argument("ormc: not a decimal number: '" + std::string(text) + "'");
  text_ = std::move(parsed->text_);
}

std::string_view Decimal::integerDigits() const noexcept {
  std::string_view text = text_;
  if (negative()) text.remove_prefix(1);
  return text.substr(0, text.find('.'));
}

std::string_view Decimal::fractionDigits() const noexcept {
  std::size_t point = text_.find('.');
  if (point == std::string::npos) return {};
  return std::string_view(text_).substr(point + 1);
}

std::uint32_t Decimal::scale() const noexcept { return static_cast<std::uint32_t>(fractionDigits().size()); }

std::uint32_t Decimal::precision() const noexcept {
  std::string_view integer = integerDigits();
  std::size_t significant = integer == "0" ? 0 : integer.size();
  return static_cast<std::uint32_t>(std::max<std::size_t>(1, significant + scale()));
}

bool Decimal::fits(std::uint32_t precision, std::uint32_t scale) const noexcept {
  if (scale > precision) return false;
  std::string_view integer = integerDigits();
  std::size_t integerNeeded = integer == "0" ? 0 : integer.size();
  std::size_t fractionNeeded = withoutTrailingZeros(fractionDigits()).size();
  return integerNeeded <= precision - scale && fractionNeeded <= scale;
}

Decimal Decimal::withScale(std::uint32_t scale) const {
  std::string_view fraction = fractionDigits();
  if (withoutTrailingZeros(fraction).size() > scale) {
    throw std::domain_error("ormc: " + text_ + " has more than " + std::to_string(scale) +
                            " significant digits after the point");
  }
  std::string text(negative() ? "-" : "");
  text += integerDigits();
  if (scale > 0) {
    std::string digits(fraction.substr(0, std::min<std::size_t>(fraction.size(), scale)));
    digits.resize(scale, '0');
    text += '.';
    text += digits;
  }
  return Decimal(text);
}

std::weak_ordering operator<=>(const Decimal& a, const Decimal& b) noexcept {
  if (a.negative() != b.negative()) {
    // Zero is never negative in canonical form, so differing signs decide.
    return a.negative() ? std::weak_ordering::less : std::weak_ordering::greater;
  }
  std::string_view ai = a.integerDigits(), bi = b.integerDigits();
  std::weak_ordering magnitude = std::weak_ordering::equivalent;
  if (ai.size() != bi.size()) {
    magnitude = ai.size() < bi.size() ? std::weak_ordering::less : std::weak_ordering::greater;
  } else {
    magnitude = compareDigits(ai, bi);
    if (magnitude == 0) {
      std::string af(withoutTrailingZeros(a.fractionDigits())), bf(withoutTrailingZeros(b.fractionDigits()));
      std::size_t width = std::max(af.size(), bf.size());
      af.resize(width, '0');
      bf.resize(width, '0');
      magnitude = compareDigits(af, bf);
    }
  }
  if (!a.negative()) return magnitude;
  if (magnitude < 0) return std::weak_ordering::greater;
  if (magnitude > 0) return std::weak_ordering::less;
  return std::weak_ordering::equivalent;
}

bool operator==(const Decimal& a, const Decimal& b) noexcept { return (a <=> b) == 0; }

std::ostream& operator<<(std::ostream& out, const Decimal& value) { return out << value.str(); }

// ---- Uuid ----

Uuid Uuid::random() {
  // One engine per thread, seeded once from the system's entropy source.
  thread_local std::mt19937_64 engine{[] {
    std::random_device device;
    std::seed_seq seed{device(), device(), device(), device(), device(), device(), device(), device()};
    return std::mt19937_64(seed);
  }()};
  Octets octets{};
  for (std::size_t i = 0; i < octets.size(); i += 8) {
    std::uint64_t bits = engine();
    for (std::size_t j = 0; j < 8; ++j) octets[i + j] = static_cast<std::uint8_t>(bits >> (8 * j));
  }
  octets[6] = static_cast<std::uint8_t>((octets[6] & 0x0f) | 0x40);  // version 4
  octets[8] = static_cast<std::uint8_t>((octets[8] & 0x3f) | 0x80);  // RFC 4122 variant
  return Uuid(octets);
}

std::string Uuid::toString() const {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(36);
  for (std::size_t i = 0; i < octets_.size(); ++i) {
    if (i == 4 || i == 6 || i == 8 || i == 10) out += '-';
    out += kHex[octets_[i] >> 4];
    out += kHex[octets_[i] & 0x0f];
  }
  return out;
}

std::ostream& operator<<(std::ostream& out, const Uuid& value) { return out << value.toString(); }

}  // namespace ormc

std::size_t std::hash<ormc::Decimal>::operator()(const ormc::Decimal& value) const noexcept {
  // Equal numbers differ only in trailing fraction zeros (and a point left with no digits).
  std::string_view text = value.str();
  if (text.find('.') != std::string_view::npos) {
    while (text.back() == '0') text.remove_suffix(1);
    if (text.back() == '.') text.remove_suffix(1);
  }
  return std::hash<std::string_view>{}(text);
}

std::size_t std::hash<ormc::Uuid>::operator()(const ormc::Uuid& value) const noexcept {
  std::string_view bytes(reinterpret_cast<const char*>(value.octets().data()), value.octets().size());
  return std::hash<std::string_view>{}(bytes);
}
