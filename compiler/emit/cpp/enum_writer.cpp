// Generated enums and their metadata. See enum_writer.hpp.
#include "emit/cpp/enum_writer.hpp"

#include "emit/cpp/cpp_spelling.hpp"

#include <string>
#include <vector>

namespace ormc::emit::cpp {

void writeEnum(CodeWriter& w, const ir::Enum& e) {
  writeDoc(w, e.doc);
  w.emit("enum class $name$ {\n", {{"name", e.cppName}});
  {
    auto in = w.indent();
    for (const ir::EnumValue& value : e.values) {
      writeDoc(w, value.doc);
      w.emit("$value$,\n", {{"value", value.cppName}});
    }
  }
  w.emit("};\n\n");

  // constexpr and inline in the header, so that code (and tests) can use them in constant
  // expressions; the switch keeps -Wswitch honest when a value is added.
  w.emit(
      "// The value's name in the schema; ormc::meta::enumStored() gives the value the database stores.\n"
      "constexpr ::std::string_view to_string($name$ value) noexcept {\n"
      "  switch (value) {\n",
      {{"name", e.cppName}});
  {
    auto in = w.indent();
    auto again = w.indent();
    for (const ir::EnumValue& value : e.values) {
      w.emit("case $enum$::$value$: return $text$;\n",
             {{"enum", e.cppName}, {"value", value.cppName}, {"text", stringLiteral(value.name)}});
    }
  }
  w.emit(
      "  }\n"
      "  return {};\n"
      "}\n\n");

  std::vector<std::string> values;
  for (const ir::EnumValue& value : e.values) values.push_back(e.cppName + "::" + value.cppName);
  w.emit(
      "// Sets `value` to the value named `name` and returns true; returns false and leaves `value`\n"
      "// unchanged if $name$ has no value of that name.\n"
      "constexpr bool from_string(::std::string_view name, $name$& value) noexcept {\n",
      {{"name", e.cppName}});
  {
    auto in = w.indent();
    writeList(w, "for (" + e.cppName + " candidate : {", values, "}) {", 2);
  }
  w.emit(
      "    if (to_string(candidate) == name) {\n"
      "      value = candidate;\n"
      "      return true;\n"
      "    }\n"
      "  }\n"
      "  return false;\n"
      "}\n",
      {});
}

void writeEnumMeta(CodeWriter& w, const ir::Schema& schema, const ir::Enum& e) {
  std::string type = qualified(schema, e.cppName);
  std::vector<std::string> values, names, stored;
  for (const ir::EnumValue& value : e.values) {
    values.push_back(type + "::" + value.cppName);
    names.push_back(stringView(value.name));
    stored.push_back(stringView(value.dbValue));
  }
  std::string count = std::to_string(e.values.size());
  w.emit(
      "template <>\n"
      "struct Enum<$type$> {\n"
      "  static constexpr std::string_view name = $name$;\n",
      {{"type", type}, {"name", stringView(e.name)}});
  {
    auto in = w.indent();
    writeList(w, "static constexpr std::array values{", values, "};", 2);
    std::string open = "static constexpr std::array<std::string_view, " + count + "> ";
    writeList(w, open + "names{", names, "};", 2);
    writeList(w, open + "stored{", stored, "};", 2);
  }
  w.emit("};\n");
}

}  // namespace ormc::emit::cpp
