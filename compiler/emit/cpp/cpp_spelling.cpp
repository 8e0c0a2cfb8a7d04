// C++ spellings of IR pieces. See cpp_spelling.hpp.
#include "emit/cpp/cpp_spelling.hpp"

#include <charconv>
#include <stdexcept>

namespace ormc::emit::cpp {

namespace {

// The longest line writeList() keeps on one line.
constexpr std::size_t kLineWidth = 100;

// The number in `text` (digits only; sema validated the literal it comes from).
int number(std::string_view text) {
  int value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size()) {
    throw std::logic_error("cpp emitter: not a number in a date literal: '" + std::string(text) + "'");
  }
  return value;
}

// "2024-01-31" -> "2024, 1, 31".
std::string dateArguments(std::string_view date) {
  if (date.size() != 10) throw std::logic_error("cpp emitter: not a date literal: '" + std::string(date) + "'");
  return std::to_string(number(date.substr(0, 4))) + ", " + std::to_string(number(date.substr(5, 2))) + ", " +
         std::to_string(number(date.substr(8, 2)));
}

// "2024-01-31T09:30:00.25Z" -> "2024, 1, 31, 9, 30, 0, 250000".
std::string dateTimeArguments(std::string_view literal) {
  if (literal.size() < 20 || literal[10] != 'T' || literal.back() != 'Z') {
    throw std::logic_error("cpp emitter: not a date-time literal: '" + std::string(literal) + "'");
  }
  std::string fraction(literal.substr(19, literal.size() - 20));  // "" or ".25"
  if (!fraction.empty()) fraction.erase(0, 1);
  fraction.resize(6, '0');
  return dateArguments(literal.substr(0, 10)) + ", " + std::to_string(number(literal.substr(11, 2))) + ", " +
         std::to_string(number(literal.substr(14, 2))) + ", " + std::to_string(number(literal.substr(17, 2))) + ", " +
         std::to_string(number(fraction));
}

std::string scalarType(const TypeNames& names, const ir::ColumnType& type) {
  switch (type.kind) {
    case ir::ScalarKind::Bool: return "bool";
    case ir::ScalarKind::Int32: return "::std::int32_t";
    case ir::ScalarKind::Int64: return "::std::int64_t";
    case ir::ScalarKind::Float64: return "double";
    case ir::ScalarKind::Decimal: return "::ormc::Decimal";
    case ir::ScalarKind::String:
    case ir::ScalarKind::Text: return "::std::string";
    case ir::ScalarKind::Bytes: return "::ormc::Bytes";
    case ir::ScalarKind::Date: return "::ormc::Date";
    case ir::ScalarKind::DateTime: return "::ormc::DateTime";
    case ir::ScalarKind::Uuid: return "::ormc::Uuid";
    case ir::ScalarKind::Json: return "::ormc::Json";
    case ir::ScalarKind::Enum: return names(names.schema.enums.at(type.enumIndex).cppName);
  }
  throw std::logic_error("cpp emitter: unknown scalar kind");
}

// The initial value of a column without a literal default: zero for arithmetic types, "{}"
// (value-initialised) for the rest. Classes would be empty without it, but an explicit
// initializer on every member keeps -Wmissing-field-initializers quiet when users write
// designated initializers (`User{.email = "..."}`).
std::string valueInitializer(const ir::ColumnType& type) {
  switch (type.kind) {
    case ir::ScalarKind::Bool: return " = false";
    case ir::ScalarKind::Int32:
    case ir::ScalarKind::Int64: return " = 0";
    case ir::ScalarKind::Float64: return " = 0.0";
    default: return "{}";
  }
}

std::string integerLiteral(const ir::ColumnType& type, const std::string& value) {
  // -9223372036854775808 would be unary minus applied to a literal too large for any type.
  if (type.kind == ir::ScalarKind::Int64 && value == "-9223372036854775808") {
    return "::std::numeric_limits<::std::int64_t>::min()";
  }
  return value;
}

std::string floatLiteral(const std::string& value) {
  return value.find('.') == std::string::npos ? value + ".0" : value;
}

std::string literalInitializer(const TypeNames& names, const ir::Column& column) {
  const ir::DefaultValue& def = column.defaultValue;
  switch (column.type.kind) {
    case ir::ScalarKind::Bool: return " = " + def.value;
    case ir::ScalarKind::Int32:
    case ir::ScalarKind::Int64: return " = " + integerLiteral(column.type, def.value);
    case ir::ScalarKind::Float64: return " = " + floatLiteral(def.value);
    case ir::ScalarKind::Decimal: return "{" + stringLiteral(def.value) + "}";
    case ir::ScalarKind::String:
    case ir::ScalarKind::Text:
      if (def.value.find('\0') != std::string::npos) return "{::std::string(" + stringView(def.value) + ")}";
      return " = " + stringLiteral(def.value);
    case ir::ScalarKind::Bytes: return "{}";  // sema allows no Bytes default
    case ir::ScalarKind::Date: return " = ::ormc::makeDate(" + dateArguments(def.value) + ")";
    case ir::ScalarKind::DateTime: return " = ::ormc::makeDateTime(" + dateTimeArguments(def.value) + ")";
    case ir::ScalarKind::Uuid: return "{" + stringLiteral(def.value) + "}";
    case ir::ScalarKind::Json: return " = ::ormc::Json::parse(" + stringView(def.value) + ")";
    case ir::ScalarKind::Enum: {
      const ir::Enum& e = names.schema.enums.at(column.type.enumIndex);
      return " = " + names(e.cppName) + "::" + e.values.at(def.enumValue).cppName;
    }
  }
  throw std::logic_error("cpp emitter: unknown scalar kind");
}

}  // namespace

std::string stringLiteral(std::string_view text) {
  std::string out = "\"";
  char previous = 0;
  for (char c : text) {
    auto byte = static_cast<unsigned char>(c);
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\t': out += "\\t"; break;
      case '\r': out += "\\r"; break;
      case '?': out += previous == '?' ? "\\?" : "?"; break;
      default:
        if (byte < 0x20 || byte == 0x7f) {
          // Three octal digits always: a shorter escape could swallow a following digit.
          out += '\\';
          out += static_cast<char>('0' + ((byte >> 6) & 7));
          out += static_cast<char>('0' + ((byte >> 3) & 7));
          out += static_cast<char>('0' + (byte & 7));
        } else {
          out += c;  // printable ASCII, or a byte of a UTF-8 sequence (the literal stays UTF-8)
        }
    }
    previous = c;
  }
  return out + "\"";
}

std::string stringView(std::string_view text) {
  if (text.find('\0') == std::string_view::npos) return stringLiteral(text);
  return "::std::string_view(" + stringLiteral(text) + ", " + std::to_string(text.size()) + ")";
}

std::string namespaceName(const ir::Schema& schema) {
  std::string out;
  for (const std::string& part : schema.namespacePath) {
    if (!out.empty()) out += "::";
    out += part;
  }
  return out;
}

std::string qualified(const ir::Schema& schema, std::string_view cppName) {
  std::string ns = namespaceName(schema);
  return "::" + (ns.empty() ? std::string() : ns + "::") + std::string(cppName);
}

const std::string& memberOf(const ir::Entity& entity, std::size_t column) {
  for (const ir::Field& field : entity.fields) {
    if (field.kind == ir::FieldKind::Scalar && field.column == column) return field.cppName;
  }
  throw std::logic_error("cpp emitter: column " + std::to_string(column) + " of " + entity.name + " has no field");
}

std::string TypeNames::operator()(const std::string& cppName) const {
  for (const std::string& member : hidden) {
    if (member == cppName) return qualified(schema, cppName);
  }
  return cppName;
}

std::string memberType(const TypeNames& names, const ir::Column& column) {
  std::string type = scalarType(names, column.type);
  return column.nullable ? "::std::optional<" + type + ">" : type;
}

std::string memberInitializer(const TypeNames& names, const ir::Column& column) {
  switch (column.defaultValue.kind) {
    case ir::DefaultKind::None:
    case ir::DefaultKind::Now:
    case ir::DefaultKind::Uuid: return column.nullable ? "{}" : valueInitializer(column.type);
    default: return literalInitializer(names, column);
  }
}

void writeDoc(CodeWriter& writer, std::string_view doc) {
  if (doc.empty()) return;
  std::size_t start = 0;
  while (start <= doc.size()) {
    std::size_t end = doc.find('\n', start);
    if (end == std::string_view::npos) end = doc.size();
    std::string line(doc.substr(start, end - start));
    // A comment line ending in '\' would continue onto the next source line.
    if (!line.empty() && line.back() == '\\') line += '.';
    writer.emit(line.empty() ? "///\n" : "/// $line$\n", {{"line", line}});
    start = end + 1;
  }
}

void writeList(CodeWriter& writer, std::string_view open, const std::vector<std::string>& items,
               std::string_view close, std::size_t indent) {
  std::string joined;
  for (const std::string& item : items) joined += (joined.empty() ? "" : ", ") + item;
  if (indent + open.size() + joined.size() + close.size() <= kLineWidth) {
    writer.emit("$open$$items$$close$\n", {{"open", open}, {"items", joined}, {"close", close}});
    return;
  }
  writer.emit("$open$\n", {{"open", open}});
  {
    auto in = writer.indent();
    auto again = writer.indent();
    for (const std::string& item : items) writer.emit("$item$,\n", {{"item", item}});
  }
  writer.emit("$close$\n", {{"close", close}});
}

}  // namespace ormc::emit::cpp
