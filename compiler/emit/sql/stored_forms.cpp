// Stored forms of temporal and UUID literals. See stored_forms.hpp.
#include "emit/sql/stored_forms.hpp"

namespace ormc::emit::sql {

DateTimeParts splitDateTime(std::string_view literal) {
  // Sema guarantees the shape; the length checks only keep a mistake from reading past the end.
  if (literal.size() < 20 || literal[10] != 'T' || literal.back() != 'Z') return {std::string(literal), "", ""};
  DateTimeParts parts{std::string(literal.substr(0, 10)), std::string(literal.substr(11, 8)), ""};
  std::string_view rest = literal.substr(19, literal.size() - 20);  // "" or ".f..."
  if (!rest.empty()) parts.micros = std::string(rest.substr(1));
  parts.micros.resize(6, '0');
  return parts;
}

std::string sqliteDateTime(std::string_view literal) {
  DateTimeParts parts = splitDateTime(literal);
  if (parts.time.empty()) return parts.date;
  return parts.date + "T" + parts.time + "." + parts.micros + "Z";
}

std::string mysqlDateTime(std::string_view literal) {
  DateTimeParts parts = splitDateTime(literal);
  if (parts.time.empty()) return parts.date;
  return parts.date + " " + parts.time + "." + parts.micros;
}

std::vector<std::string> storedEnumValues(const ir::Schema& schema, const ir::ColumnType& type) {
  std::vector<std::string> values;
  if (type.enumIndex >= schema.enums.size()) return values;
  for (const ir::EnumValue& v : schema.enums[type.enumIndex].values) values.push_back(v.dbValue);
  return values;
}

std::string storedEnumValue(const ir::Schema& schema, const ir::ColumnType& type, std::size_t value) {
  if (type.enumIndex >= schema.enums.size()) return "";
  const ir::Enum& e = schema.enums[type.enumIndex];
  return value < e.values.size() ? e.values[value].dbValue : "";
}

std::string lowerAscii(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

}  // namespace ormc::emit::sql
