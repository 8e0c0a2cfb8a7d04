// Generated query objects. See query_table_writer.hpp.
#include "emit/cpp/query_table_writer.hpp"

#include "emit/cpp/cpp_spelling.hpp"

namespace ormc::emit::cpp {

void writeQueryColumns(CodeWriter& w, const ir::Schema& schema) {
  bool first = true;
  for (const ir::Entity& entity : schema.entities) {
    if (entity.joinTable) continue;
    if (!first) w.emit("\n");
    first = false;
    const std::string type = qualified(schema, entity.cppName);
    w.emit("template <>\nstruct ormc::query::Columns<$type$> {\n", {{"type", type}});
    {
      auto in = w.indent();
      for (const ir::Field& field : entity.fields) {
        const char* kind = field.kind == ir::FieldKind::Scalar ? "Column" : "RelationRef";
        w.emit("::ormc::query::$kind$<&$type$::$member$> $member${};\n",
               {{"kind", kind}, {"type", type}, {"member", field.cppName}});
      }
    }
    w.emit("};\n");
  }
}

void writeQueryNamespace(CodeWriter& w, const ir::Schema& schema) {
  std::string ns = namespaceName(schema);
  w.emit("namespace $ns$ {\n\n", {{"ns", ns.empty() ? "q" : ns + "::q"}});
  w.emit(
      "// The columns and relations of each model, for queries: db.query<User>().where(q::User.id == 1).\n"
      "// See docs/queries.md.\n");
  for (const ir::Entity& entity : schema.entities) {
    if (entity.joinTable) continue;
    w.emit("inline constexpr ::ormc::query::Columns<$type$> $name${};\n",
           {{"type", qualified(schema, entity.cppName)}, {"name", entity.cppName}});
  }
  w.emit("\n}  // namespace $ns$\n", {{"ns", ns.empty() ? "q" : ns + "::q"}});
}

}  // namespace ormc::emit::cpp
