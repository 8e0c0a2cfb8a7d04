// Explicit instantiations of the query templates. See instantiation_writer.hpp.
#include "emit/cpp/instantiation_writer.hpp"

#include "emit/cpp/cpp_spelling.hpp"

namespace ormc::emit::cpp {

bool hasQueryInstantiations(const ir::Schema& schema) {
  for (const ir::Entity& entity : schema.entities) {
    if (!entity.joinTable) return true;
  }
  return false;
}

void writeQueryInstantiations(CodeWriter& w, const ir::Schema& schema, Instantiation kind) {
  const std::string keyword = kind == Instantiation::Declaration ? "extern template" : "template";
  w.emit("namespace ormc::query {\n\n");
  for (const ir::Entity& entity : schema.entities) {
    if (entity.joinTable) continue;
    const std::string type = qualified(schema, entity.cppName);
    w.emit("$keyword$ std::vector<$type$>\n"
           "run::readEntities(Connection&, const StatementSource&, run::IncludeLoader<$type$>);\n",
           {{"keyword", keyword}, {"type", type}});
    for (const ir::Field& field : entity.fields) {
      if (field.kind == ir::FieldKind::Scalar) continue;
      w.emit("$keyword$ std::vector<RelationRef<&$type$::$member$>::Target*>\n"
             "loadRelation<RelationRef<&$type$::$member$>>(Connection&, const std::vector<$type$*>&);\n",
             {{"keyword", keyword}, {"type", type}, {"member", field.cppName}});
    }
  }
  w.emit("\n}  // namespace ormc::query\n");
}

}  // namespace ormc::emit::cpp
