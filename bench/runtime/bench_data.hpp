// The inputs every implementation of the runtime benchmark shares: the rows to insert, the
// keys to look up, the SQL texts, and the DateTime text form (docs/ddl.md) written and parsed
// the fast way for the implementations that have no codec of their own. Knows no library but
// the generated schema's structs.
#pragma once

#include "bench.orm.hpp"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace ormc::bench {

using benchdb::Customer;
using benchdb::Reading;

// The rows of workload 1 (ids 0: the database assigns them) and of workload 2.
std::vector<Customer> makeCustomers(std::size_t count);
std::vector<Reading> makeReadings(std::size_t count);

// `count` keys in 1..maxKey from a fixed seed: every implementation looks up the same sequence.
std::vector<std::int64_t> makeKeys(std::size_t count, std::int64_t maxKey);

// A script that fills `customer` (ids 1..count) or `reading` (ids 1..count) with the same
// values as makeCustomers()/makeReadings(), in SQL, so any library can run it.
std::string populateCustomersSql(std::size_t count);
std::string populateReadingsSql(std::size_t count);

// The statements, identical for every implementation that writes SQL by hand.
inline constexpr std::string_view kInsertCustomerSql = R"(INSERT INTO "customer" ("name", "description") VALUES (?, ?))";
inline constexpr std::string_view kInsertReadingSql =
    R"(INSERT INTO "reading" ("a", "b", "c", "d", "e", "at") VALUES (?, ?, ?, ?, ?, ?))";
inline constexpr std::string_view kFindCustomerSql =
    R"(SELECT "id", "name", "description" FROM "customer" WHERE "id" = ?)";
inline constexpr std::string_view kSelectReadingsSql =
    R"(SELECT "id", "a", "b", "c", "d", "e", "at" FROM "reading" ORDER BY "id" LIMIT ?)";

// "YYYY-MM-DDTHH:MM:SS.ffffffZ" (27 characters) into `out`, without allocating.
inline constexpr std::size_t kDateTimeTextSize = 27;
void formatDateTimeFast(ormc::DateTime value, char (&out)[kDateTimeTextSize]);
// The inverse; false if `text` is not in that form.
bool parseDateTimeFast(std::string_view text, ormc::DateTime& out);

// A checksum of what was read, compared across implementations so that none skips work.
inline std::uint64_t mix(std::uint64_t sum, std::uint64_t value) { return (sum ^ value) * 0x100000001b3ULL; }
std::uint64_t checksum(const Customer& c);
std::uint64_t checksum(const Reading& r);

}  // namespace ormc::bench
