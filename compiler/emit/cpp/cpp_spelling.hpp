// How pieces of the IR are spelled in generated C++: literals, qualified names, member types
// and their initial values, doc comments. Pure functions of the IR; the writers
// (enum_writer, struct_writer, model_meta_writer) compose them into declarations.
#pragma once

#include "ir/ir.hpp"
#include "support/code_writer.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace ormc::emit::cpp {

// `text` as a C++ string literal with its quotes: "a\"b". Bytes outside printable ASCII
// other than UTF-8 sequences are octal escapes; a '?' after a '?' is escaped (no trigraph
// warnings). A NUL byte is written as \000 and ends the text for any `const char*` reader, so
// use stringView() where the value may hold one.
std::string stringLiteral(std::string_view text);

// An expression of type std::string_view (or convertible to it) whose value is exactly `text`:
// the literal itself, or `::std::string_view("a\000b", 3)` when `text` holds a NUL byte.
std::string stringView(std::string_view text);

// The namespace of the generated code: {"acme", "shop"} -> "acme::shop"; "" for none.
std::string namespaceName(const ir::Schema& schema);

// The fully qualified name of a struct or enum: "::acme::shop::Order".
std::string qualified(const ir::Schema& schema, std::string_view cppName);

// The C++ member name of the field that stores `column` of `entity`.
const std::string& memberOf(const ir::Entity& entity, std::size_t column);

// How a struct body names the schema's own enums and structs: by their C++ name as seen from
// inside the schema's namespace ("Role"), or fully qualified ("::blog::Role") where a member of
// the struct has that name and would hide the type.
struct TypeNames {
  const ir::Schema& schema;
  std::vector<std::string> hidden;  // C++ member names of the struct being written

  std::string operator()(const std::string& cppName) const;
};

// The member type of a stored column: "::std::int64_t", "::std::optional<::std::string>",
// "Role".
std::string memberType(const TypeNames& names, const ir::Column& column);

// What follows the member name so that a new struct holds the column's @default: " = 0",
// " = Role::reader", "{\"0.00\"}". Members without a literal default are value-initialised
// (" = 0", " = false", "{}"), never left indeterminate; now(), uuid() and autoincrement are
// filled in by the runtime. Every member gets an initializer (see valueInitializer()).
std::string memberInitializer(const TypeNames& names, const ir::Column& column);

// `doc` as `///` lines, one per line of the text; nothing for an empty doc.
void writeDoc(CodeWriter& writer, std::string_view doc);

// `items` joined by ", " between `open` and `close` on one line when that fits in 100
// columns after `indent` columns of indentation; otherwise one item per line, each followed
// by a comma and indented two steps more, with `close` on a line of its own.
void writeList(CodeWriter& writer, std::string_view open, const std::vector<std::string>& items,
               std::string_view close, std::size_t indent);

}  // namespace ormc::emit::cpp
