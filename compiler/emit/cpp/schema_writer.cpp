// The schema descriptor. See schema_writer.hpp.
#include "emit/cpp/schema_writer.hpp"

#include "emit/cpp/cpp_spelling.hpp"
#include "emit/sql/ddl_emitter.hpp"
#include "emit/sql/dialect.hpp"

#include <algorithm>

namespace ormc::emit::cpp {

namespace {

bool nameTaken(const ir::Schema& schema, const std::string& name) {
  return std::any_of(schema.entities.begin(), schema.entities.end(),
                     [&](const ir::Entity& e) { return !e.joinTable && e.cppName == name; }) ||
         std::any_of(schema.enums.begin(), schema.enums.end(), [&](const ir::Enum& e) { return e.cppName == name; });
}

// The script as adjacent string literals, one per line, so that the generated source reads
// like the SQL it holds.
void writeScriptLiteral(CodeWriter& w, const std::string& script) {
  auto in = w.indent();
  std::size_t start = 0;
  while (start < script.size()) {
    std::size_t end = script.find('\n', start);
    end = end == std::string::npos ? script.size() : end + 1;
    w.emit("$line$\n", {{"line", stringLiteral(std::string_view(script).substr(start, end - start))}});
    start = end;
  }
}

}  // namespace

std::string schemaStructName(const ir::Schema& schema) {
  std::string name = "Schema";
  while (nameTaken(schema, name)) name += '_';
  return name;
}

void writeSchemaStruct(CodeWriter& w, const ir::Schema& schema) {
  std::string models;
  for (const ir::Entity& entity : schema.entities) {
    if (entity.joinTable) continue;
    models += (models.empty() ? "" : ", ") + entity.cppName;
  }
  w.emit(
      "// The schema as a whole: its models, and the script that creates its tables on each\n"
      "// database (ormc::Database::create_all<$name$>()).\n"
      "struct $name$ {\n",
      {{"name", schemaStructName(schema)}});
  {
    auto in = w.indent();
    w.emit("using Models = ::std::tuple<$models$>;\n", {{"models", models}});
    w.emit("// The CREATE script of `ormc ddl --dialect <dialect>`: statements separated by \";\\n\".\n");
    w.emit("static ::std::string_view createScript(::ormc::DialectKind dialect) noexcept;\n");
  }
  w.emit("};\n");
}

void writeSchemaScripts(CodeWriter& w, const ir::Schema& schema, const std::string& source) {
  std::string name = schemaStructName(schema);
  std::string ns = namespaceName(schema);
  // Not "::ns::Schema": after a return type that ends in a name, "::ns" would continue it.
  std::string qualifiedName = ns.empty() ? name : ns + "::" + name;
  sql::DdlOptions options{.source = source};
  w.emit("\nnamespace {\n");
  w.emit("\nconstexpr ::std::string_view kSqliteScript =\n");
  writeScriptLiteral(w, sql::emitDdl(schema, sql::sqliteDialect(), options));
  w.emit("    ;\n\nconstexpr ::std::string_view kMysqlScript =\n");
  writeScriptLiteral(w, sql::emitDdl(schema, sql::mysqlDialect(), options));
  w.emit("    ;\n\n}  // namespace\n\n");
  w.emit("::std::string_view $name$::createScript(::ormc::DialectKind dialect) noexcept {\n", {{"name", qualifiedName}});
  w.emit("  return dialect == ::ormc::DialectKind::Sqlite ? kSqliteScript : kMysqlScript;\n}\n");
}

}  // namespace ormc::emit::cpp
