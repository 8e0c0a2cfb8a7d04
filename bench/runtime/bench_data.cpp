// The shared inputs of the runtime benchmark; see bench_data.hpp.
#include "bench_data.hpp"

#include <chrono>
#include <random>

namespace ormc::bench {

namespace {

// 2024-06-01T00:00:00Z: reading n is taken n seconds and (n % 1000) microseconds after it.
constexpr std::int64_t kEpochOfFirstReading = 1'717'200'000;

std::string customerName(std::size_t n) { return "customer-" + std::to_string(n); }
std::string customerDescription(std::size_t n) { return "A customer of the benchmark, number " + std::to_string(n); }

void writeDigits(char* out, unsigned value, int width) {
  for (int i = width - 1; i >= 0; --i) {
    out[i] = static_cast<char>('0' + value % 10);
    value /= 10;
  }
}

// The value of `width` digits at `text`, or -1.
int readDigits(const char* text, int width) {
  int value = 0;
  for (int i = 0; i < width; ++i) {
    unsigned digit = static_cast<unsigned char>(text[i]) - static_cast<unsigned>('0');
    if (digit > 9) return -1;
    value = value * 10 + static_cast<int>(digit);
  }
  return value;
}

}  // namespace

std::vector<Customer> makeCustomers(std::size_t count) {
  std::vector<Customer> rows(count);
  for (std::size_t i = 0; i < count; ++i) {
    rows[i].name = customerName(i + 1);
    rows[i].description = customerDescription(i + 1);
  }
  return rows;
}

std::vector<Reading> makeReadings(std::size_t count) {
  std::vector<Reading> rows(count);
  for (std::size_t i = 0; i < count; ++i) {
    const auto n = static_cast<std::int64_t>(i + 1);
    Reading& r = rows[i];
    r.a = static_cast<std::int32_t>(n % 100'000 - 50'000);
    r.b = n * 1'000'003;
    r.c = static_cast<double>(n) * 0.25;
    r.d = "reading-" + std::to_string(n);
    if (n % 3 != 0) r.e = "note-" + std::to_string(n);
    r.at = ormc::DateTime{std::chrono::seconds{kEpochOfFirstReading + n}} + std::chrono::microseconds{n % 1000};
  }
  return rows;
}

std::vector<std::int64_t> makeKeys(std::size_t count, std::int64_t maxKey) {
  std::mt19937_64 random(20240601);
  std::uniform_int_distribution<std::int64_t> key(1, maxKey);
  std::vector<std::int64_t> keys(count);
  for (auto& k : keys) k = key(random);
  return keys;
}

std::string populateCustomersSql(std::size_t count) {
  return "WITH RECURSIVE seq(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM seq WHERE n < " + std::to_string(count) +
         ") INSERT INTO \"customer\" (\"id\", \"name\", \"description\") "
         "SELECT n, 'customer-' || n, 'A customer of the benchmark, number ' || n FROM seq";
}

std::string populateReadingsSql(std::size_t count) {
  return "WITH RECURSIVE seq(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM seq WHERE n < " + std::to_string(count) +
         ") INSERT INTO \"reading\" (\"id\", \"a\", \"b\", \"c\", \"d\", \"e\", \"at\") "
         "SELECT n, n % 100000 - 50000, n * 1000003, n * 0.25, 'reading-' || n, "
         "CASE WHEN n % 3 = 0 THEN NULL ELSE 'note-' || n END, "
         "strftime('%Y-%m-%dT%H:%M:%S', " + std::to_string(kEpochOfFirstReading) +
         " + n, 'unixepoch') || printf('.%06dZ', n % 1000) FROM seq";
}

void formatDateTimeFast(ormc::DateTime value, char (&out)[kDateTimeTextSize]) {
  const auto day = std::chrono::floor<std::chrono::days>(value);
  const std::chrono::year_month_day date{day};
  const auto micros = static_cast<std::uint64_t>((value - day).count());
  const auto seconds = static_cast<unsigned>(micros / 1'000'000);
  writeDigits(out, static_cast<unsigned>(static_cast<int>(date.year())), 4);
  out[4] = '-';
  writeDigits(out + 5, static_cast<unsigned>(date.month()), 2);
  out[7] = '-';
  writeDigits(out + 8, static_cast<unsigned>(date.day()), 2);
  out[10] = 'T';
  writeDigits(out + 11, seconds / 3600, 2);
  out[13] = ':';
  writeDigits(out + 14, seconds / 60 % 60, 2);
  out[16] = ':';
  writeDigits(out + 17, seconds % 60, 2);
  out[19] = '.';
  writeDigits(out + 20, static_cast<unsigned>(micros % 1'000'000), 6);
  out[26] = 'Z';
}

bool parseDateTimeFast(std::string_view text, ormc::DateTime& out) {
  if (text.size() != kDateTimeTextSize || text[4] != '-' || text[7] != '-' || text[10] != 'T' || text[13] != ':' ||
      text[16] != ':' || text[19] != '.' || text[26] != 'Z') {
    return false;
  }
  const char* p = text.data();
  const int year = readDigits(p, 4), month = readDigits(p + 5, 2), day = readDigits(p + 8, 2);
  const int hour = readDigits(p + 11, 2), minute = readDigits(p + 14, 2), second = readDigits(p + 17, 2);
  const int micros = readDigits(p + 20, 6);
  if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0 || micros < 0) return false;
  const std::chrono::year_month_day date{std::chrono::year{year}, std::chrono::month{static_cast<unsigned>(month)},
                                         std::chrono::day{static_cast<unsigned>(day)}};
  if (!date.ok() || hour > 23 || minute > 59 || second > 59) return false;
  out = ormc::DateTime{std::chrono::sys_days{date}.time_since_epoch() + std::chrono::hours{hour} +
                       std::chrono::minutes{minute} + std::chrono::seconds{second} +
                       std::chrono::microseconds{micros}};
  return true;
}

std::uint64_t checksum(const Customer& c) {
  std::uint64_t sum = mix(0, static_cast<std::uint64_t>(c.id));
  sum = mix(sum, std::hash<std::string>{}(c.name));
  return mix(sum, std::hash<std::string>{}(c.description));
}

std::uint64_t checksum(const Reading& r) {
  std::uint64_t sum = mix(0, static_cast<std::uint64_t>(r.id));
  sum = mix(sum, static_cast<std::uint64_t>(r.a));
  sum = mix(sum, static_cast<std::uint64_t>(r.b));
  sum = mix(sum, std::hash<double>{}(r.c));
  sum = mix(sum, std::hash<std::string>{}(r.d));
  sum = mix(sum, r.e ? std::hash<std::string>{}(*r.e) : 1);
  return mix(sum, static_cast<std::uint64_t>(r.at.time_since_epoch().count()));
}

}  // namespace ormc::bench
