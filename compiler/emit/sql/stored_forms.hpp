// The text forms in which ormc stores temporal and UUID values, shared by both dialects so a
// schema literal (a default, a check operand) matches what the runtime writes. Pure functions
// over literals that sema already validated.
#pragma once

#include "ir/ir.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace ormc::emit::sql {

// A schema date-time literal "YYYY-MM-DDTHH:MM:SS[.f{1,6}]Z" taken apart, with the fraction
// padded to exactly six digits (microseconds).
struct DateTimeParts {
  std::string date;     // YYYY-MM-DD
  std::string time;     // HH:MM:SS
  std::string micros;   // ffffff
};

// Splits a literal sema accepted. Text in any other shape comes back whole in `date`, with
// `time` and `micros` empty (an internal mistake then shows in the output instead of crashing).
DateTimeParts splitDateTime(std::string_view literal);

// SQLite's stored form: "YYYY-MM-DDTHH:MM:SS.ffffffZ", always 27 characters, so that text
// order is time order and equal instants are equal strings.
std::string sqliteDateTime(std::string_view literal);

// MySQL's DATETIME(6) literal form: "YYYY-MM-DD HH:MM:SS.ffffff".
std::string mysqlDateTime(std::string_view literal);

// The stored values of the enum column `type` in declaration order, and one of them by index
// ("" for an index that does not exist).
std::vector<std::string> storedEnumValues(const ir::Schema& schema, const ir::ColumnType& type);
std::string storedEnumValue(const ir::Schema& schema, const ir::ColumnType& type, std::size_t value);

// ASCII letters lower-cased (the canonical UUID form); other bytes unchanged.
std::string lowerAscii(std::string_view text);

}  // namespace ormc::emit::sql
